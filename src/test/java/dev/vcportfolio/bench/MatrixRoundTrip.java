package dev.vcportfolio.bench;

import dev.vcportfolio.support.ServiceProcess;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP round trip of a 60 x 10,000 matrix through the packaged service: write it as JSON, read it back as
 * octet-stream. The service runs as its own process on a throwaway embedded PostgreSQL (or on {@code DB_URL}).
 */
final class MatrixRoundTrip {

    private static final int BUCKETS = 60;
    private static final int SCENARIOS = 10_000;
    private static final int WARM_UP = 3;
    private static final int RUNS = 7;
    private static final Pattern KEY = Pattern.compile("\"matrixKey\"\\s*:\\s*\"([0-9a-f]{64})\"");

    private MatrixRoundTrip() {}

    static void run() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try (ServiceProcess service = BenchService.launchReady("codec-bench")) {
            long[] writes = new long[RUNS];
            long[] reads = new long[RUNS];
            for (int i = -WARM_UP; i < RUNS; i++) {
                float[] values =
                        CodecBenchmark.matrix(new CodecBenchmark.Case("rt", BUCKETS, SCENARIOS, 8 + i + WARM_UP));
                String body = json(values);

                long start = System.nanoTime();
                HttpResponse<String> written = http.send(
                        service.request("/api/matrices")
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                long wrote = System.nanoTime() - start;
                if (written.statusCode() != 201) {
                    throw new IllegalStateException("write answered " + written.statusCode() + ": " + written.body());
                }
                Matcher key = KEY.matcher(written.body());
                if (!key.find()) {
                    throw new IllegalStateException("no matrixKey in " + written.body());
                }

                start = System.nanoTime();
                HttpResponse<byte[]> read = http.send(
                        service.request("/api/matrices/" + key.group(1) + "/moic")
                                .header("Accept", "application/octet-stream")
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                long readTime = System.nanoTime() - start;
                if (read.statusCode() != 200 || read.body().length != values.length * Float.BYTES) {
                    throw new IllegalStateException("read answered " + read.statusCode());
                }
                if (i >= 0) {
                    writes[i] = wrote;
                    reads[i] = readTime;
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "HTTP round trip 60 x 10k (median of %d): write JSON %.0f ms (%.1f MB body), read binary %.0f ms%n",
                    RUNS,
                    median(writes) / 1e6,
                    json(CodecBenchmark.matrix(new CodecBenchmark.Case("rt", BUCKETS, SCENARIOS, 8)))
                                    .length()
                            / 1e6,
                    median(reads) / 1e6);
        }
    }

    private static String json(float[] values) {
        StringBuilder json = new StringBuilder(values.length * 10).append("{\"buckets\":[");
        for (int b = 0; b < BUCKETS; b++) {
            json.append(b == 0 ? "" : ",")
                    .append("{\"sector\":\"S")
                    .append(b)
                    .append("\",\"stage\":\"Seed\",\"initialCheck\":1000000,\"reserveRatio\":1}");
        }
        json.append("],\"moic\":[");
        for (int b = 0; b < BUCKETS; b++) {
            json.append(b == 0 ? "[" : ",[");
            for (int s = 0; s < SCENARIOS; s++) {
                json.append(s == 0 ? "" : ",").append(values[b * SCENARIOS + s]);
            }
            json.append(']');
        }
        return json.append("]}").toString();
    }

    private static double median(long[] times) {
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
