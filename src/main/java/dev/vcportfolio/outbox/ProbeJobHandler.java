package dev.vcportfolio.outbox;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Records one row in {@code outbox_probe_effects}, committed with the job's completion; its primary key turns a second
 * effect of the same job into an error, so counting rows proves exactly-once. Payload (both optional): {@code
 * workMillis} waits that long first (without holding a thread), {@code fail} fails the attempt with that reason.
 */
@ApplicationScoped
class ProbeJobHandler implements JobHandler {

    private static final long MAX_WORK_MILLIS = 60_000;

    private final ProbeRepository repository;

    ProbeJobHandler(ProbeRepository repository) {
        this.repository = repository;
    }

    @Override
    public JobType type() {
        return JobType.PROBE;
    }

    @Override
    public Uni<JobEffect> run(ClaimedJob job) {
        long workMillis = Math.clamp(job.payload().getLong("workMillis", 0L), 0, MAX_WORK_MILLIS);
        String failure = job.payload().getString("fail");
        Uni<Void> work = workMillis == 0
                ? Uni.createFrom().voidItem()
                : Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(workMillis));
        return work.map(done -> {
            if (failure != null) {
                throw new ProbeFailure(failure);
            }
            return transaction -> repository.recordEffect(transaction, job);
        });
    }

    static final class ProbeFailure extends RuntimeException {
        ProbeFailure(String reason) {
            super(reason);
        }
    }
}
