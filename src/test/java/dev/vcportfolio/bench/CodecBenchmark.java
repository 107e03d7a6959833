package dev.vcportfolio.bench;

import dev.vcportfolio.core.codec.EncodedMatrix;
import dev.vcportfolio.core.codec.MatrixCodec;
import dev.vcportfolio.core.codec.MatrixDecoder;
import dev.vcportfolio.core.codec.MatrixEncoder;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Matrix codec on one core: encode/decode MB/s (of raw float32) and compressed size, beside gzip -6 (JDK Deflater) on
 * the same bytes. Then, unless {@code --no-http}, the HTTP round trip through a packaged service ({@link
 * MatrixRoundTrip}).
 *
 * <p>Matrices are heavy-tailed like the generator's: a single-deal draw is 0 with probability 0.55, otherwise a Pareto
 * exit capped at 200x; an 8-deal cell is the mean of eight such draws.
 */
public final class CodecBenchmark {

    private static final int GZIP_LEVEL = 6;

    public record Case(String name, int buckets, int scenarios, int deals) {}

    private static final List<Case> CASES = List.of(
            new Case("60 x 10k, 8-deal means", 60, 10_000, 8),
            new Case("60 x 10k, single deals", 60, 10_000, 1),
            new Case("200 x 50k, 8-deal means", 200, 50_000, 8),
            new Case("200 x 50k, single deals", 200, 50_000, 1));

    public static void main(String[] args) throws Exception {
        System.out.printf(
                Locale.ROOT,
                "%-26s %11s %11s %11s %7s %9s %9s %9s %9s %6s %7s%n",
                "matrix",
                "raw B",
                "zstd B",
                "gzip-6 B",
                "size %",
                "enc MB/s",
                "gz MB/s",
                "dec MB/s",
                "gunz MB/s",
                "enc x",
                "codec");
        boolean allSmaller = true;
        for (Case c : CASES) {
            float[] values = matrix(c);
            byte[] raw = littleEndian(values);
            EncodedMatrix encoded = MatrixEncoder.encode(values);
            byte[] gzip = deflate(raw);
            double encode = mbPerSecond(raw.length, () -> MatrixEncoder.encode(values));
            double gzipEncode = mbPerSecond(raw.length, () -> deflate(raw));
            double decode = mbPerSecond(
                    raw.length, () -> MatrixDecoder.decode(encoded.bytes(), encoded.codec(), values.length));
            double gunzip = mbPerSecond(raw.length, () -> inflate(gzip, raw.length));
            float[] back = MatrixDecoder.decode(encoded.bytes(), encoded.codec(), values.length);
            if (!java.util.Arrays.equals(littleEndian(back), raw)) {
                throw new AssertionError("round trip changed bits for " + c.name());
            }
            allSmaller &= encoded.bytes().length < gzip.length;
            System.out.printf(
                    Locale.ROOT,
                    "%-26s %11d %11d %11d %6.1f%% %9.0f %9.0f %9.0f %9.0f %5.1fx %7s%n",
                    c.name(),
                    raw.length,
                    encoded.bytes().length,
                    gzip.length,
                    100.0 * encoded.bytes().length / gzip.length,
                    encode,
                    gzipEncode,
                    decode,
                    gunzip,
                    encode / gzipEncode,
                    encoded.codec() == MatrixCodec.ZSTD ? "plain" : "masked");
        }
        System.out.println("zstd smaller than gzip -6 on every matrix: " + allSmaller);
        System.out.println("enc MB/s = MatrixEncoder.encode, which compresses both ways and keeps the smaller;"
                + " enc x = its speed over gzip -6's");
        if (!List.of(args).contains("--no-http")) {
            MatrixRoundTrip.run();
        }
    }

    public static float[] matrix(Case c) {
        SplittableRandom random = new SplittableRandom(42L * c.buckets() + c.scenarios() + c.deals());
        float[] values = new float[c.buckets() * c.scenarios()];
        for (int b = 0; b < c.buckets(); b++) {
            double median = 1.5 + 3.0 * b / c.buckets();
            double alpha = 0.9 + 0.6 * random.nextDouble();
            for (int s = 0; s < c.scenarios(); s++) {
                double sum = 0;
                for (int d = 0; d < c.deals(); d++) {
                    sum += random.nextDouble() < 0.55 ? 0 : pareto(random, median, alpha);
                }
                values[b * c.scenarios() + s] = (float) (sum / c.deals());
            }
        }
        return values;
    }

    private static double pareto(SplittableRandom random, double median, double alpha) {
        double xmin = median / StrictMath.pow(2, 1 / alpha);
        return Math.min(200, xmin / StrictMath.pow(1 - random.nextDouble(), 1 / alpha));
    }

    static byte[] littleEndian(float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            buffer.putFloat(v);
        }
        return buffer.array();
    }

    private static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater(GZIP_LEVEL);
        deflater.setInput(raw);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2);
        byte[] buffer = new byte[1 << 16];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static byte[] inflate(byte[] compressed, int length) {
        Inflater inflater = new Inflater();
        inflater.setInput(compressed);
        byte[] raw = new byte[length];
        try {
            int n = 0;
            while (n < length && !inflater.finished()) {
                n += inflater.inflate(raw, n, length - n);
            }
        } catch (DataFormatException e) {
            throw new IllegalStateException(e);
        } finally {
            inflater.end();
        }
        return raw;
    }

    /** Best of several timed runs after a second of warm-up, so JIT and GC noise do not decide the figure. */
    private static double mbPerSecond(long bytes, Supplier<?> work) {
        long warmUntil = System.nanoTime() + 1_500_000_000L;
        while (System.nanoTime() < warmUntil) {
            work.get();
        }
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 7; i++) {
            long start = System.nanoTime();
            work.get();
            best = Math.min(best, System.nanoTime() - start);
        }
        return bytes / 1e6 / (best / 1e9);
    }
}
