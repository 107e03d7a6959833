package dev.vcportfolio.housekeeping;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code housekeeping.deleted.rows}, tagged {@code kind}: {@code outbox_job} or {@code scenario_matrix}. */
@ApplicationScoped
class HousekeepingMetrics {

    static final String DELETED = "housekeeping.deleted.rows";

    private final Counter jobs;
    private final Counter matrices;

    HousekeepingMetrics(MeterRegistry registry) {
        this.jobs = counter(registry, HousekeepingService.Kind.OUTBOX_JOB);
        this.matrices = counter(registry, HousekeepingService.Kind.SCENARIO_MATRIX);
    }

    void deleted(HousekeepingService.Kind kind, int rows) {
        switch (kind) {
            case OUTBOX_JOB -> jobs.increment(rows);
            case SCENARIO_MATRIX -> matrices.increment(rows);
        }
    }

    private static Counter counter(MeterRegistry registry, HousekeepingService.Kind kind) {
        return Counter.builder(DELETED)
                .description("Rows the housekeeping job deleted, by kind")
                .tag("kind", kind.tag())
                .register(registry);
    }
}
