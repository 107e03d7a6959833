package dev.vcportfolio.core.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vcportfolio.core.model.BucketSpec;
import dev.vcportfolio.core.model.Stage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Equivalent uploads give equal keys and rows; any change to content or definitions changes the key. */
class ClientMatrixKeyTest {

    private static final Optional<UUID> FUND = Optional.of(UUID.fromString("7d444840-9dc0-11d1-b245-5ffdce74fad2"));

    record Upload(List<ClientBucket> buckets, int scenarios, float[] values) {
        ClientMatrix canonical() {
            return ClientMatrix.canonical(FUND, "moic", buckets, scenarios, values);
        }

        /** The same content with buckets (and their rows) in another order. */
        Upload permuted(long seed) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < buckets.size(); i++) {
                order.add(i);
            }
            Collections.shuffle(order, new Random(seed));
            List<ClientBucket> reordered = new ArrayList<>();
            float[] rows = new float[values.length];
            for (int target = 0; target < order.size(); target++) {
                reordered.add(buckets.get(order.get(target)));
                System.arraycopy(values, order.get(target) * scenarios, rows, target * scenarios, scenarios);
            }
            return new Upload(reordered, scenarios, rows);
        }
    }

    @Test
    void reordering_buckets_with_their_rows_gives_the_same_key_and_rows() {
        SplittableRandom random = new SplittableRandom(42);
        for (int trial = 0; trial < 200; trial++) {
            // given
            Upload upload = randomUpload(random);
            Upload permuted = upload.permuted(trial);

            // when
            ClientMatrix a = upload.canonical();
            ClientMatrix b = permuted.canonical();

            // then
            assertThat(b.key()).isEqualTo(a.key());
            assertThat(b.matrix().bucketKeys())
                    .isEqualTo(a.matrix().bucketKeys())
                    .isSorted();
            assertThat(b.matrix().values()).isEqualTo(a.matrix().values());
        }
    }

    @Test
    void definitions_equal_to_six_decimals_give_the_same_key() {
        // given
        Upload upload = randomUpload(new SplittableRandom(5));
        Upload nudged = withBucket(
                upload,
                0,
                b -> new ClientBucket(
                        new BucketSpec(
                                b.spec().sector(),
                                b.spec().stage(),
                                b.spec().initialCheck() + 1e-8,
                                b.spec().reserveRatio()),
                        b.pWin()));

        // then
        assertThat(nudged.canonical().key()).isEqualTo(upload.canonical().key());
    }

    @Test
    void any_change_of_content_or_definition_changes_the_key() {
        SplittableRandom random = new SplittableRandom(99);
        Set<String> keys = new HashSet<>();
        Upload upload = randomUpload(random);
        keys.add(upload.canonical().key().hex());
        for (int cell = 0; cell < upload.values().length; cell += 7) {
            // when one bit of one cell flips
            float[] values = upload.values().clone();
            values[cell] = Float.intBitsToFloat(Float.floatToRawIntBits(values[cell]) ^ 1);

            // then
            assertThat(keys.add(new Upload(upload.buckets(), upload.scenarios(), values)
                            .canonical()
                            .key()
                            .hex()))
                    .as("cell %d", cell)
                    .isTrue();
        }
        List<Upload> changed = List.of(
                withBucket(upload, 0, b -> new ClientBucket(b.spec(), OptionalDouble.of(0.0123))),
                withBucket(
                        upload,
                        0,
                        b -> new ClientBucket(
                                new BucketSpec(
                                        b.spec().sector(),
                                        b.spec().stage(),
                                        b.spec().initialCheck() + 1,
                                        0.5),
                                b.pWin())),
                withBucket(
                        upload,
                        0,
                        b -> new ClientBucket(
                                new BucketSpec(
                                        b.spec().sector() + "x",
                                        b.spec().stage(),
                                        b.spec().initialCheck(),
                                        0.5),
                                b.pWin())));
        for (Upload change : changed) {
            assertThat(keys.add(change.canonical().key().hex())).isTrue();
        }
        assertThat(ClientMatrix.canonical(
                                Optional.empty(), "moic", upload.buckets(), upload.scenarios(), upload.values())
                        .key())
                .isNotEqualTo(upload.canonical().key());
        assertThat(ClientMatrix.canonical(FUND, "tvpi", upload.buckets(), upload.scenarios(), upload.values())
                        .key())
                .isNotEqualTo(upload.canonical().key());
    }

    @Test
    void duplicate_buckets_are_refused() {
        // given
        BucketSpec spec = new BucketSpec("SaaS", Stage.Seed, 1e6, 1);
        List<ClientBucket> twice =
                List.of(new ClientBucket(spec, OptionalDouble.empty()), new ClientBucket(spec, OptionalDouble.empty()));

        // then
        assertThatThrownBy(() -> ClientMatrix.canonical(FUND, "moic", twice, 1, new float[2]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SaaS|Seed");
    }

    private static Upload randomUpload(SplittableRandom random) {
        String[] sectors = {"SaaS", "Fintech", "Bio", "Climate", "AI", "Health"};
        List<ClientBucket> buckets = new ArrayList<>();
        Set<String> used = new HashSet<>();
        int bucketCount = 1 + random.nextInt(8);
        while (buckets.size() < bucketCount) {
            BucketSpec spec = new BucketSpec(
                    sectors[random.nextInt(sectors.length)],
                    Stage.values()[random.nextInt(4)],
                    100_000 + random.nextInt(5_000_000),
                    random.nextInt(3) * 0.5);
            if (used.add(spec.key())) {
                OptionalDouble pWin =
                        random.nextBoolean() ? OptionalDouble.of(random.nextDouble()) : OptionalDouble.empty();
                buckets.add(new ClientBucket(spec, pWin));
            }
        }
        int scenarios = 1 + random.nextInt(50);
        float[] values = new float[bucketCount * scenarios];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextDouble() * 5);
        }
        return new Upload(buckets, scenarios, values);
    }

    private static Upload withBucket(Upload upload, int index, UnaryOperator<ClientBucket> change) {
        List<ClientBucket> buckets = new ArrayList<>(upload.buckets());
        buckets.set(index, change.apply(buckets.get(index)));
        return new Upload(buckets, upload.scenarios(), upload.values());
    }
}
