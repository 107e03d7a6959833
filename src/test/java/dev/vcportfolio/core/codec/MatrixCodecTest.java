package dev.vcportfolio.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Decoding gives back every float32 bit, whatever the values and codec; the encoder keeps the smaller variant. */
class MatrixCodecTest {

    private static final float[] SPECIAL = {
        0f,
        -0f,
        Float.MIN_VALUE,
        1e-40f,
        Float.MIN_NORMAL,
        1e-7f,
        0.5f,
        1f,
        10f,
        250f,
        1e30f,
        Float.MAX_VALUE,
        Float.intBitsToFloat(0x7fc00123),
        Float.POSITIVE_INFINITY
    };

    @Test
    void random_matrices_round_trip_bit_for_bit_with_every_codec() {
        SplittableRandom random = new SplittableRandom(20261124L);
        for (int trial = 0; trial < 300; trial++) {
            // given
            float[] values = randomMatrix(random, 1 + random.nextInt(6_000));

            for (MatrixCodec codec : MatrixCodec.values()) {
                // when
                EncodedMatrix encoded = MatrixEncoder.encode(values, codec);
                float[] decoded = MatrixDecoder.decode(encoded.bytes(), codec, values.length);

                // then
                assertThat(bits(decoded)).as("trial %d, %s", trial, codec).isEqualTo(bits(values));
            }
        }
    }

    @Test
    void the_encoder_keeps_the_smaller_variant_and_says_which() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 50; trial++) {
            // given
            float[] values = trial % 2 == 0 ? singleDealDraws(random, 4_000) : dealMeans(random, 4_000, 8);

            // when
            EncodedMatrix chosen = MatrixEncoder.encode(values);

            // then
            int plain = MatrixEncoder.encode(values, MatrixCodec.ZSTD).bytes().length;
            int masked = MatrixEncoder.encode(values, MatrixCodec.NONZERO_SHUFFLE4_ZSTD)
                    .bytes()
                    .length;
            assertThat(chosen.bytes().length).isEqualTo(Math.min(plain, masked));
            assertThat(chosen.codec()).isEqualTo(masked < plain ? MatrixCodec.NONZERO_SHUFFLE4_ZSTD : MatrixCodec.ZSTD);
            assertThat(bits(MatrixDecoder.decode(chosen.bytes(), chosen.codec(), values.length)))
                    .isEqualTo(bits(values));
        }
    }

    @Test
    void masked_planes_pay_on_deal_means_and_on_single_deal_draws() {
        SplittableRandom random = new SplittableRandom(11);
        float[] means = dealMeans(random, 100_000, 8);
        float[] draws = singleDealDraws(random, 100_000);

        // then
        assertThat(MatrixEncoder.encode(means).codec()).isEqualTo(MatrixCodec.NONZERO_SHUFFLE4_ZSTD);
        assertThat(MatrixEncoder.encode(draws).codec()).isEqualTo(MatrixCodec.NONZERO_SHUFFLE4_ZSTD);
        // and the mask is what wins on single draws: shuffling alone loses to plain bytes there
        assertThat(MatrixEncoder.encode(draws, MatrixCodec.SHUFFLE4_ZSTD).bytes().length)
                .isGreaterThan(MatrixEncoder.encode(draws, MatrixCodec.ZSTD).bytes().length);
    }

    @ParameterizedTest
    @EnumSource(MatrixCodec.class)
    void a_wrong_cell_count_or_corrupt_bytes_are_refused(MatrixCodec codec) {
        // given
        float[] values = randomMatrix(new SplittableRandom(3), 1_000);
        byte[] bytes = MatrixEncoder.encode(values, codec).bytes();
        byte[] corrupt = Arrays.copyOf(bytes, bytes.length / 2);

        // then
        assertThatThrownBy(() -> MatrixDecoder.decode(bytes, codec, 999))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3996");
        assertThatThrownBy(() -> MatrixDecoder.decode(corrupt, codec, 1_000))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void codec_ids_are_stable() {
        assertThat(MatrixCodec.ZSTD.id()).isEqualTo("zstd-v1");
        assertThat(MatrixCodec.SHUFFLE4_ZSTD.id()).isEqualTo("shuffle4-zstd-v1");
        assertThat(MatrixCodec.NONZERO_SHUFFLE4_ZSTD.id()).isEqualTo("nonzero-shuffle4-zstd-v1");
        assertThat(MatrixCodec.fromId("shuffle4-zstd-v1")).contains(MatrixCodec.SHUFFLE4_ZSTD);
        assertThat(MatrixCodec.fromId("gzip")).isEmpty();
        assertThat(MatrixCodec.LAYOUT).isEqualTo("float32-le-bucket-major");
    }

    /** Mixes special values, heavy-tailed draws, exact zeros and raw random bit patterns. */
    static float[] randomMatrix(SplittableRandom random, int cells) {
        float[] values = new float[cells];
        for (int i = 0; i < cells; i++) {
            values[i] = switch (random.nextInt(4)) {
                case 0 -> SPECIAL[random.nextInt(SPECIAL.length)];
                case 1 -> (float) (2 / Math.pow(1 - random.nextDouble(), 1.2));
                case 2 -> 0f;
                default -> Float.intBitsToFloat(random.nextInt());
            };
        }
        return values;
    }

    /** One deal per cell: 60 % failures (exact zeros), the rest Pareto exits. */
    static float[] singleDealDraws(SplittableRandom random, int cells) {
        float[] values = new float[cells];
        for (int i = 0; i < cells; i++) {
            values[i] = random.nextDouble() < 0.6 ? 0f : (float) (1.2 / Math.pow(1 - random.nextDouble(), 1 / 1.1));
        }
        return values;
    }

    /** Each cell the mean of {@code deals} single-deal draws. */
    static float[] dealMeans(SplittableRandom random, int cells, int deals) {
        float[] values = new float[cells];
        for (int i = 0; i < cells; i++) {
            double sum = 0;
            for (float draw : singleDealDraws(random, deals)) {
                sum += draw;
            }
            values[i] = (float) (sum / deals);
        }
        return values;
    }

    private static int[] bits(float[] values) {
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToRawIntBits(values[i]);
        }
        return bits;
    }
}
