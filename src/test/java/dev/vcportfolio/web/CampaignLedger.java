package dev.vcportfolio.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a hostile-input campaign saw: per endpoint the count of each status, over all the count of each 4xx kind
 * (status, problem type, and whether its {@code errors} name a field), and every answer that breaks the contract: a
 * 5xx, a 4xx that is not {@code application/problem+json} with a matching {@code status}, or a 400 about a well-formed
 * JSON body whose errors name no field. Thread-safe.
 */
final class CampaignLedger {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final Map<String, Map<Integer, LongAdder>> statuses = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> kinds = new ConcurrentHashMap<>();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    CampaignLedger(String name) {
        this.name = name;
    }

    /**
     * Records one answer.
     *
     * @param endpoint the label it is counted under
     * @param fieldExpected whether a 400 must name a field: the body was well-formed JSON of the right shape overall,
     *     so the server can point at the offending member
     * @param sent a short description of the request, for the failure report
     */
    void record(String endpoint, int status, String contentType, String body, boolean fieldExpected, String sent) {
        statuses.computeIfAbsent(endpoint, e -> new ConcurrentHashMap<>())
                .computeIfAbsent(status, s -> new LongAdder())
                .increment();
        if (status >= 500) {
            failures.add(status + " " + endpoint + " for " + sent + " -> " + cut(body));
        } else if (status >= 400) {
            checkProblem(endpoint, status, contentType, body, fieldExpected, sent);
        }
    }

    /**
     * Records an answer given below the routes (an invalid percent-encoding in the path): the HTTP layer answers a bare 400,
     * counted under its own label; anything else is a failure.
     */
    void recordBare(String endpoint, int status, String sent) {
        String label = endpoint + " (path not decodable)";
        statuses.computeIfAbsent(label, e -> new ConcurrentHashMap<>())
                .computeIfAbsent(status, s -> new LongAdder())
                .increment();
        kinds.computeIfAbsent(status + " bare (path not decodable)", k -> new LongAdder())
                .increment();
        if (status != 400) {
            failures.add(status + " " + label + " for " + sent);
        }
    }

    void transportFailure(String endpoint, Exception e, String sent) {
        failures.add(endpoint + ": " + e + " for " + sent);
    }

    private void checkProblem(
            String endpoint, int status, String contentType, String body, boolean fieldExpected, String sent) {
        if (!contentType.startsWith(Problem.MEDIA_TYPE)) {
            failures.add(status + " " + endpoint + " not problem+json (" + contentType + ") for " + sent);
            return;
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(body);
        } catch (Exception e) {
            failures.add(status + " " + endpoint + " unreadable problem for " + sent + " -> " + cut(body));
            return;
        }
        boolean named = false;
        for (JsonNode error : problem.path("errors")) {
            named |= !error.path("field").asText("").isBlank();
        }
        String type = problem.path("type").asText("?").replace("urn:vcportfolio:problem:", "");
        String naming = problem.path("errors").isEmpty() ? "" : named ? " field named" : " whole body";
        kinds.computeIfAbsent(status + " " + type + naming, k -> new LongAdder())
                .increment();
        if (problem.path("status").asInt() != status
                || problem.path("title").asText("").isBlank()) {
            failures.add(status + " " + endpoint + " problem without matching status/title -> " + cut(body));
        } else if (status == 400 && fieldExpected && !named) {
            failures.add("400 " + endpoint + " names no field for well-formed " + sent + " -> " + cut(body));
        }
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    long sent(String endpoint) {
        return statuses.getOrDefault(endpoint, Map.of()).values().stream()
                .mapToLong(LongAdder::sum)
                .sum();
    }

    /** The count of each status answered on the endpoint. */
    Map<Integer, Long> statuses(String endpoint) {
        Map<Integer, Long> counts = new TreeMap<>();
        statuses.getOrDefault(endpoint, Map.of()).forEach((status, n) -> counts.put(status, n.sum()));
        return counts;
    }

    long accepted(String endpoint) {
        return statuses.getOrDefault(endpoint, Map.of()).entrySet().stream()
                .filter(e -> e.getKey() < 300)
                .mapToLong(e -> e.getValue().sum())
                .sum();
    }

    long serverErrors() {
        return statuses.values().stream()
                .flatMap(m -> m.entrySet().stream())
                .filter(e -> e.getKey() >= 500)
                .mapToLong(e -> e.getValue().sum())
                .sum();
    }

    /** The figures, for the test's output: requests per endpoint by status, 4xx by kind, 5xx. */
    String report(double seconds) {
        StringBuilder out = new StringBuilder("\n" + name + "\n");
        long total = 0;
        for (var endpoint : new TreeMap<>(statuses).entrySet()) {
            Map<Integer, Long> counts = new TreeMap<>();
            endpoint.getValue().forEach((status, n) -> counts.put(status, n.sum()));
            long sent = sent(endpoint.getKey());
            total += sent;
            out.append(String.format("  %-36s %6d sent  by status %s%n", endpoint.getKey(), sent, counts));
        }
        out.append(String.format(
                "  total %d requests in %.1f s; 5xx = %d%n  4xx by kind:%n", total, seconds, serverErrors()));
        new TreeMap<>(kinds).forEach((kind, n) -> out.append(String.format("    %-48s %6d%n", kind, n.sum())));
        return out.toString();
    }

    static String cut(String text) {
        return text == null ? "" : text.substring(0, Math.min(300, text.length()));
    }

    static String cut(byte[] body) {
        return new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
    }
}
