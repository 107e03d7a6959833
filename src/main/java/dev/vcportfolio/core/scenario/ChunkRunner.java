package dev.vcportfolio.core.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs the chunks of one generation: the caller and up to {@code parallelism - 1} pool workers take chunk numbers from
 * a shared counter until none are left. Which thread fills which cells never matters, because every cell has its own
 * stream and a fixed place in the output arrays.
 *
 * @param <T> a working thread's tallies; they add up to the same totals in any order
 */
final class ChunkRunner<T extends ChunkRunner.Tally<T>> {

    /** A working thread's counts, merged into the caller's at the end. */
    interface Tally<T> {
        void add(T other);
    }

    /** One working thread's simulator: fills scenarios {@code [from, to)} and keeps its own tallies. */
    interface Worker<T> {
        void run(int from, int to);

        T tally();
    }

    private final int scenarioCount;
    private final Supplier<Worker<T>> workers;
    private final GenerationControl control;
    private final int chunks;
    private final AtomicInteger nextChunk = new AtomicInteger();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Object progressLock = new Object();
    private int chunksDone;

    ChunkRunner(int scenarioCount, GenerationControl control, Supplier<Worker<T>> workers) {
        this.scenarioCount = scenarioCount;
        this.workers = workers;
        this.control = control;
        this.chunks = (int) ((scenarioCount + (long) control.chunkScenarios() - 1) / control.chunkScenarios());
    }

    int chunks() {
        return chunks;
    }

    /** Fills every cell and returns the merged tallies; rethrows the first failure or cancellation of any worker. */
    T run() {
        int helperCount = Math.min(control.parallelism(), chunks) - 1;
        List<Helper> helpers = new ArrayList<>(helperCount);
        T total;
        try {
            for (int i = 0; i < helperCount; i++) {
                Helper helper = new Helper();
                helper.future = control.executor().submit(helper);
                helpers.add(helper);
            }
            total = work();
        } catch (RuntimeException | Error e) {
            stop.set(true);
            drain(helpers);
            throw e;
        }
        for (Helper helper : helpers) {
            if (helper.claim()) {
                // the pool never started it, so the caller took its chunks; drop it from the queue
                helper.future.cancel(false);
            } else {
                total.add(await(helper, helpers));
            }
        }
        return total;
    }

    /**
     * A pool task that works only if it claims itself before the caller does. Future.cancel cannot tell a queued task
     * from a running one (both are "new" until they finish), so the claim is what says whether to wait for it.
     */
    private final class Helper implements Callable<T> {

        private final AtomicBoolean claimed = new AtomicBoolean();
        private Future<T> future;

        boolean claim() {
            return claimed.compareAndSet(false, true);
        }

        @Override
        public T call() {
            return claim() ? work() : null;
        }
    }

    private T work() {
        Worker<T> simulator = workers.get();
        try {
            while (!stop.get()) {
                if (control.cancelled().getAsBoolean()) {
                    throw new GenerationCancelledException("scenario generation was cancelled");
                }
                int chunk = nextChunk.getAndIncrement();
                if (chunk >= chunks) {
                    break;
                }
                int from = chunk * control.chunkScenarios();
                simulator.run(from, Math.min(scenarioCount, from + control.chunkScenarios()));
                reportChunkDone();
            }
        } catch (RuntimeException | Error e) {
            stop.set(true);
            throw e;
        }
        return simulator.tally();
    }

    private void reportChunkDone() {
        synchronized (progressLock) {
            chunksDone++;
            control.progress().accept(chunksDone == chunks ? 1.0 : (double) chunksDone / chunks);
        }
    }

    private T await(Helper helper, List<Helper> all) {
        try {
            return helper.future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.set(true);
            throw new GenerationCancelledException("interrupted while waiting for scenario workers");
        } catch (ExecutionException e) {
            stop.set(true);
            drain(all);
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("scenario worker failed", e.getCause());
        }
    }

    /** After a failure: drop helpers not yet started and let running ones reach their next chunk boundary. */
    private void drain(List<Helper> helpers) {
        for (Helper helper : helpers) {
            if (helper.claim()) {
                helper.future.cancel(false);
                continue;
            }
            try {
                helper.future.get();
            } catch (ExecutionException | CancellationException ignored) {
                // the first failure is the one reported
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
