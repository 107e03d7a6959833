package dev.vcportfolio.optimize;

import dev.vcportfolio.core.optimize.Budget;
import dev.vcportfolio.core.optimize.EfficientFrontier;
import dev.vcportfolio.core.optimize.PortfolioOptimizer;
import dev.vcportfolio.core.optimize.SolverSettings;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.InstantSource;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The optimizer as the service runs it. Solves themselves run on the caller's thread (a compute-pool thread); only the
 * extra backends of a side-by-side race get their own threads, from a pool of their own so a race never waits for a
 * compute slot its caller holds.
 */
@ApplicationScoped
public class OptimizerEngine {

    /** The clock every request's budget runs on. */
    private static final InstantSource CLOCK = InstantSource.system();

    private final OptimizerConfig config;
    private final ExecutorService raceThreads;
    private final PortfolioOptimizer optimizer;
    private final EfficientFrontier frontier;

    OptimizerEngine(OptimizerConfig config) {
        this.config = config;
        AtomicInteger counter = new AtomicInteger();
        this.raceThreads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "solver-race-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.optimizer = new PortfolioOptimizer(raceThreads, CLOCK);
        this.frontier = new EfficientFrontier(raceThreads, CLOCK);
    }

    public PortfolioOptimizer optimizer() {
        return optimizer;
    }

    public EfficientFrontier frontier() {
        return frontier;
    }

    public OptimizerConfig config() {
        return config;
    }

    /** A fresh budget for one request (a session or a frontier) under {@code settings}, starting now. */
    public Budget budget(SolverSettings settings) {
        return settings.budget(CLOCK);
    }

    /** Refuses to start with settings every solve would reject (an LP-only backend, a gap outside [0, 1)). */
    void validate(@Observes StartupEvent event) {
        config.settings(SolverSettings.DEFAULT_LOCK_EPSILON);
    }

    void shutdown(@Observes ShutdownEvent event) {
        raceThreads.shutdownNow();
    }
}
