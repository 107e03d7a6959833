package dev.vcportfolio.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Progress is reported per chunk up to exactly 1.0; cancellation stops a generation; a busy pool cannot stall it. */
class GenerationControlTest {

    private static final ScenarioSpec SPEC = ScenarioSpec.of(
            Scenarios.everyStage(4), 5_000, BenchmarkCalibration.industryBenchmarkV1(), Scenarios.seed(10));

    @Test
    void progress_rises_chunk_by_chunk_to_exactly_one() {
        // given
        List<Double> reports = new CopyOnWriteArrayList<>();
        GenerationControl control =
                GenerationControl.of(Scenarios.POOL, 8).withChunkScenarios(100).withProgress(reports::add);

        // when
        ScenarioGenerationResult result = Scenarios.GENERATOR.generate(SPEC, control);

        // then
        assertThat(result.diagnostics().chunks()).isEqualTo(50);
        assertThat(reports).hasSize(50).isSorted().allSatisfy(f -> assertThat(f).isBetween(0.0, 1.0));
        assertThat(reports.getLast()).isEqualTo(1.0);
    }

    @Test
    void cancellation_stops_the_generation() {
        // given: cancelled once a few chunks are done
        AtomicInteger chunksDone = new AtomicInteger();
        GenerationControl control = GenerationControl.of(Scenarios.POOL, 2)
                .withChunkScenarios(10)
                .withProgress(fraction -> chunksDone.incrementAndGet())
                .withCancellation(() -> chunksDone.get() >= 3);

        // when / then
        assertThatThrownBy(() -> Scenarios.GENERATOR.generate(SPEC, control))
                .isInstanceOf(GenerationCancelledException.class);
        assertThat(chunksDone.get()).isLessThan(500);
    }

    @Test
    void a_generation_cancelled_before_it_starts_does_no_work() {
        // given
        AtomicInteger reports = new AtomicInteger();
        GenerationControl control = GenerationControl.of(Scenarios.POOL, 4)
                .withProgress(fraction -> reports.incrementAndGet())
                .withCancellation(() -> true);

        // when / then
        assertThatThrownBy(() -> Scenarios.GENERATOR.generate(SPEC, control))
                .isInstanceOf(GenerationCancelledException.class);
        assertThat(reports.get()).isZero();
    }

    @Test
    void a_caller_holding_the_pools_only_thread_still_finishes() throws Exception {
        // given: the caller runs on a one-thread pool and asks that same pool for three helpers
        ExecutorService single = Executors.newSingleThreadExecutor();
        try {
            GenerationControl control = GenerationControl.of(single, 4);

            // when
            Future<ScenarioGenerationResult> result = single.submit(() -> Scenarios.GENERATOR.generate(SPEC, control));

            // then it finishes (a deadlock would never: the generous bound only turns that into a failure)
            assertThat(Scenarios.bits(result.get(120, TimeUnit.SECONDS).matrix().values()))
                    .isEqualTo(Scenarios.bits(Scenarios.generate(SPEC).matrix().values()));
        } finally {
            single.shutdownNow();
        }
    }

    @Test
    void a_failing_progress_listener_fails_the_generation_and_stops_the_workers() throws Exception {
        // given
        CountDownLatch failed = new CountDownLatch(1);
        GenerationControl control = GenerationControl.of(Scenarios.POOL, 4)
                .withChunkScenarios(10)
                .withProgress(fraction -> {
                    failed.countDown();
                    throw new IllegalStateException("listener broke");
                });

        // when / then
        assertThatThrownBy(() -> Scenarios.GENERATOR.generate(SPEC, control))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("listener broke");
        assertThat(failed.await(0, TimeUnit.SECONDS)).isTrue();
    }
}
