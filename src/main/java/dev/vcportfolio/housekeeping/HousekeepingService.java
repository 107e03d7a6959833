package dev.vcportfolio.housekeeping;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.BiFunction;

/**
 * Deletes what the service no longer needs (DESIGN 4: the outbox's clean-up index): finished outbox jobs and scenario
 * matrices that nothing references, once older than a cutoff. Each batch is one statement and so its own transaction;
 * a pass repeats batches until one comes back short. The cutoff is a parameter, so tests choose the age instead of
 * waiting for it.
 */
@ApplicationScoped
public class HousekeepingService {

    /** What a pass deletes, as the metric's {@code kind} tag spells it. */
    enum Kind {
        OUTBOX_JOB("outbox_job"),
        SCENARIO_MATRIX("scenario_matrix");

        private final String tag;

        Kind(String tag) {
            this.tag = tag;
        }

        String tag() {
            return tag;
        }
    }

    /**
     * What one pass deleted.
     *
     * @param batches statements run, including the last, short one of each kind
     */
    public record Swept(long jobs, long matrices, int batches) {}

    /** Rows so far of one kind, and the statements that deleted them. */
    private record Tally(long rows, int batches) {}

    private final HousekeepingRepository repository;
    private final HousekeepingMetrics metrics;
    private final HousekeepingConfig config;

    HousekeepingService(HousekeepingRepository repository, HousekeepingMetrics metrics, HousekeepingConfig config) {
        this.repository = repository;
        this.metrics = metrics;
        this.config = config;
    }

    /** One pass over everything older than {@code cutoff}, in batches of the configured size. */
    public Uni<Swept> sweep(Instant cutoff) {
        return sweep(cutoff, config.batchSize());
    }

    /**
     * One pass in batches of {@code batchSize}. Matrices go first, so the generation jobs they kept become deletable in
     * the same pass.
     */
    Uni<Swept> sweep(Instant cutoff, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
        OffsetDateTime before = OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC);
        return drain(Kind.SCENARIO_MATRIX, repository::deleteUnreferencedMatrices, before, batchSize, new Tally(0, 0))
                .chain(matrices -> drain(
                                Kind.OUTBOX_JOB, repository::deleteFinishedJobs, before, batchSize, new Tally(0, 0))
                        .map(jobs -> new Swept(jobs.rows(), matrices.rows(), jobs.batches() + matrices.batches())));
    }

    /** Batch after batch until one deletes fewer than {@code batchSize}: nothing older is left (or it is locked). */
    private Uni<Tally> drain(
            Kind kind,
            BiFunction<OffsetDateTime, Integer, Uni<Integer>> batch,
            OffsetDateTime before,
            int batchSize,
            Tally sofar) {
        return batch.apply(before, batchSize)
                .invoke(rows -> metrics.deleted(kind, rows))
                .chain(rows -> {
                    Tally now = new Tally(sofar.rows() + rows, sofar.batches() + 1);
                    return rows < batchSize ? Uni.createFrom().item(now) : drain(kind, batch, before, batchSize, now);
                });
    }
}
