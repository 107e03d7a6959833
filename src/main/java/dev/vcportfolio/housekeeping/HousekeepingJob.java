package dev.vcportfolio.housekeeping;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Runs {@link HousekeepingService#sweep} every {@code app.housekeeping.interval} on every replica, with the cutoff
 * {@code now - retention}; a pass still running when the next is due is not doubled. Scheduled like the outbox reaper
 * (a Vert.x timer), since the service has no scheduler extension.
 */
@ApplicationScoped
class HousekeepingJob {

    private static final Logger LOG = Logger.getLogger(HousekeepingJob.class);

    private final HousekeepingService service;
    private final HousekeepingConfig config;
    private final Vertx vertx;
    private final InstantSource clock = InstantSource.system();
    private final AtomicBoolean running = new AtomicBoolean();
    private long timer = -1;

    HousekeepingJob(HousekeepingService service, HousekeepingConfig config, Vertx vertx) {
        this.service = service;
        this.config = config;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        if (!config.retention().isPositive()) {
            throw new IllegalStateException("app.housekeeping.retention must be positive, got " + config.retention());
        }
        if (config.enabled()) {
            timer = vertx.setPeriodic(config.interval().toMillis(), tick -> runIfIdle());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** The cutoff of a pass starting at {@code now}: everything older than the retention. */
    Instant cutoff(Instant now) {
        return now.minus(config.retention());
    }

    private void runIfIdle() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        Uni.createFrom()
                .deferred(() -> service.sweep(cutoff(clock.instant())))
                .onTermination()
                .invoke(() -> running.set(false))
                .subscribe()
                .with(
                        swept -> {
                            if (swept.jobs() + swept.matrices() > 0) {
                                LOG.infof(
                                        "Housekeeping deleted %d outbox jobs and %d matrices in %d batches",
                                        swept.jobs(), swept.matrices(), swept.batches());
                            }
                        },
                        failure -> LOG.warnf("Housekeeping pass failed, next in %s: %s", config.interval(), failure));
    }
}
