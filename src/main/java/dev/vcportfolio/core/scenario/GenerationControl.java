package dev.vcportfolio.core.scenario;

import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * How a generation runs: never what it produces, which depends on the {@link ScenarioSpec} alone.
 *
 * <p>The calling thread works through chunks itself and hands up to {@code parallelism - 1} workers to the executor,
 * so a generation finishes even when the caller already holds the pool's last thread.
 *
 * @param executor bounded pool owned by the caller (sized to the cores); never shut down here
 * @param parallelism threads working at once, the caller's included, in [1, 1024]
 * @param chunkScenarios scenarios per chunk, &ge; 1 (the unit of work, progress and cancellation checks)
 * @param progress receives the fraction done in [0, 1] after each chunk; calls are serialized, non-decreasing, come from
 *     any working thread and end with exactly 1.0 on success
 * @param cancelled polled before each chunk; once true the generation throws {@link GenerationCancelledException}
 */
public record GenerationControl(
        ExecutorService executor,
        int parallelism,
        int chunkScenarios,
        DoubleConsumer progress,
        BooleanSupplier cancelled) {

    /** Big enough to amortize scheduling, small enough for smooth progress: 256 scenarios x 60 buckets x 8 deals ~ 20 ms. */
    public static final int DEFAULT_CHUNK_SCENARIOS = 256;

    public GenerationControl {
        if (executor == null) {
            throw new IllegalArgumentException("an executor is required");
        }
        if (parallelism < 1 || parallelism > 1024) {
            throw new IllegalArgumentException("parallelism must lie in [1, 1024]: " + parallelism);
        }
        if (chunkScenarios < 1) {
            throw new IllegalArgumentException("chunkScenarios must be >= 1: " + chunkScenarios);
        }
        if (progress == null || cancelled == null) {
            throw new IllegalArgumentException("progress and cancelled are required (use no-ops)");
        }
    }

    /** Default chunks, no progress reporting, never cancelled. */
    public static GenerationControl of(ExecutorService executor, int parallelism) {
        return new GenerationControl(executor, parallelism, DEFAULT_CHUNK_SCENARIOS, fraction -> {}, () -> false);
    }

    public GenerationControl withChunkScenarios(int scenarios) {
        return new GenerationControl(executor, parallelism, scenarios, progress, cancelled);
    }

    public GenerationControl withProgress(DoubleConsumer listener) {
        return new GenerationControl(executor, parallelism, chunkScenarios, listener, cancelled);
    }

    public GenerationControl withCancellation(BooleanSupplier check) {
        return new GenerationControl(executor, parallelism, chunkScenarios, progress, check);
    }
}
