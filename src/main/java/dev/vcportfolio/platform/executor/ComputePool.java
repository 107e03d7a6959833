package dev.vcportfolio.platform.executor;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded pool for CPU-heavy work, sized to the cores so computations never starve the event loop or each other.
 * Virtual threads suit I/O, not long computations; the event loop must never run them.
 */
@ApplicationScoped
public class ComputePool {

    private final int threads;
    private final ExecutorService executor;

    ComputePool(ComputeConfig config) {
        this.threads = config.threads().orElse(Runtime.getRuntime().availableProcessors());
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "compute-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.executor = Executors.newFixedThreadPool(threads, factory);
    }

    public ExecutorService executor() {
        return executor;
    }

    public int threads() {
        return threads;
    }

    void shutdown(@Observes ShutdownEvent event) throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(30, TimeUnit.SECONDS);
    }
}
