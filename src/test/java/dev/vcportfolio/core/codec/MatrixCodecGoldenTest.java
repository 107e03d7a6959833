package dev.vcportfolio.core.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Stored matrices must stay readable: each codec's bytes for a fixed cash-flow-like matrix (mostly exact zeros, signed
 * flows, a negative zero and a NaN payload) are pinned by their SHA-256, taken when this test was added, so the encoder
 * keeps writing the stored format and the decoder keeps reading it.
 */
class MatrixCodecGoldenTest {

    private static final int CELLS = 7 * 1_013 * 17;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "ZSTD, 0a8b0f52442bea5942a89575155419ce5b37de9b1bac5eadfbd90c9edf584160",
        "SHUFFLE4_ZSTD, 34f0f0f3b8c273f8227a8a193ea917583d9040d4ec96b7312be41f16e46d5be5",
        "NONZERO_SHUFFLE4_ZSTD, db72b12a1820dad69bc335fd29bee8c3659a695fb99665c595eea7910128c5c4"
    })
    void a_fixed_matrix_encodes_to_the_same_bytes_and_decodes_back(MatrixCodec codec, String golden) throws Exception {
        // given
        float[] values = cashflowLike();

        // when
        EncodedMatrix encoded = MatrixEncoder.encode(values, codec);

        // then
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(encoded.bytes())))
                .isEqualTo(golden);
        assertThat(Float32.toLittleEndian(MatrixDecoder.decode(encoded.bytes(), codec, CELLS)))
                .isEqualTo(Float32.toLittleEndian(values));
        assertThat(MatrixDecoder.decodeBytes(encoded.bytes(), codec, CELLS)).isEqualTo(Float32.toLittleEndian(values));
    }

    /** About one cell in five non-zero, as in a round-by-round cash-flow matrix. */
    static float[] cashflowLike() {
        SplittableRandom random = new SplittableRandom(20261207L);
        float[] values = new float[CELLS];
        for (int i = 0; i < CELLS; i++) {
            double u = random.nextDouble();
            if (u < 0.12) {
                values[i] = (float) -random.nextDouble(0.01, 0.5);
            } else if (u < 0.2) {
                values[i] = (float) (0.1 / (1 - random.nextDouble()));
            }
        }
        values[17] = -0f;
        values[CELLS - 1] = Float.intBitsToFloat(0x7fc00123);
        return values;
    }
}
