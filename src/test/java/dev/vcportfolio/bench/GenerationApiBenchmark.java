package dev.vcportfolio.bench;

import dev.vcportfolio.support.ServiceProcess;
import dev.vcportfolio.support.TestTokens;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * End to end through the packaged service: POST /api/matrices/generate for 60 buckets x 10,000 scenarios x 8 deals,
 * then poll GET /api/matrices/{key} every 10 ms until complete, for three_component_v1 (the baseline) and then
 * round_by_round_v1 over a 15-year horizon (both matrices stored). Each run uses a new fund id, so nothing is cached.
 */
public final class GenerationApiBenchmark {

    private static final Pattern KEY = Pattern.compile("\"matrixKey\"\\s*:\\s*\"([0-9a-f]{64})\"");
    private static final String[] STAGES = {"Seed", "SeriesA", "SeriesB", "SeriesC"};

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        HttpClient http = HttpClient.newHttpClient();
        try (ServiceProcess service = BenchService.launchReady("generation-bench")) {
            for (String model : new String[] {"three_component_v1", "round_by_round_v1"}) {
                measure(service, http, model, runs);
            }
        }
    }

    private static void measure(ServiceProcess service, HttpClient http, String model, int runs) throws Exception {
        long[] times = new long[runs];
        for (int i = -2; i < runs; i++) {
            long start = System.nanoTime();
            HttpResponse<String> accepted = http.send(
                    service.request("/api/matrices/generate")
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body(TestTokens.freshFund(), model)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (accepted.statusCode() != 202) {
                throw new IllegalStateException("generate answered " + accepted.statusCode() + ": " + accepted.body());
            }
            Matcher key = KEY.matcher(accepted.body());
            if (!key.find()) {
                throw new IllegalStateException("no key in " + accepted.body());
            }
            HttpRequest poll = service.request("/api/matrices/" + key.group(1)).build();
            while (!http.send(poll, HttpResponse.BodyHandlers.ofString()).body().contains("\"status\":\"complete\"")) {
                Thread.sleep(10);
            }
            if (i >= 0) {
                times[i] = System.nanoTime() - start;
            }
        }
        Arrays.sort(times);
        System.out.printf(
                Locale.ROOT,
                "%s: generate 60 x 10,000 x 8 through the API, request to complete: median %.0f ms, best %.0f ms,"
                        + " worst %.0f ms (%d runs after 2 warm-ups)%n",
                model,
                times[runs / 2] / 1e6,
                times[0] / 1e6,
                times[runs - 1] / 1e6,
                runs);
    }

    private static String body(UUID fundId, String model) {
        StringBuilder buckets = new StringBuilder();
        for (int b = 0; b < 60; b++) {
            buckets.append(b == 0 ? "" : ",")
                    .append("{\"sector\":\"Sector")
                    .append(b / 4)
                    .append("\",\"stage\":\"")
                    .append(STAGES[b % 4])
                    .append("\",\"initialCheck\":1000000,\"reserveRatio\":1,\"dealsPerBucket\":8}");
        }
        String rounds = model.equals("round_by_round_v1")
                ? ",\"fund\":{\"investmentPeriodYears\":5,\"termYears\":12,\"extensionYears\":3}"
                : "";
        return "{\"fundId\":\"" + fundId + "\",\"simModel\":\"" + model + "\",\"buckets\":[" + buckets
                + "],\"scenarioCount\":10000" + rounds + "}";
    }
}
