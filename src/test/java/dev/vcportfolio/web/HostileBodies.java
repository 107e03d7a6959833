package dev.vcportfolio.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vcportfolio.support.TestTokens;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded generators of hostile JSON bodies for the campaign tests: a valid body per write endpoint, mutated (wrong
 * types, missing and unknown fields, huge/tiny/negative/zero numbers, NaN and Infinity as numbers and strings, unknown
 * enums, duplicate keys, min &gt; max, empty and huge arrays, SQL and script text), or raw bytes no JSON reader should
 * accept (nesting 10,000 deep, invalid UTF-8, truncated, empty, two documents).
 */
final class HostileBodies {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One generated body; {@code wellFormed} when it is a JSON object a strict reader parses, so a 400 names a field. */
    record Body(byte[] bytes, boolean wellFormed) {}

    private HostileBodies() {}

    static final List<String> TEXT = List.of(
            "' OR '1'='1",
            "'); DROP TABLE scenario_matrices; --",
            "1; SELECT pg_sleep(10)",
            "<script>alert(1)</script>",
            "${jndi:ldap://x/a}",
            "\u0000",
            "\uD800",
            "é\u202Eevil",
            "",
            " ",
            "x".repeat(10_000),
            "NaN",
            "Infinity",
            "-Infinity",
            "moic",
            "tvpi",
            "SeriesZ",
            "seed",
            "00000000-0000-0000-0000-000000000000");
    static final List<String> NUMBERS = List.of(
            "NaN",
            "Infinity",
            "-Infinity",
            "0",
            "-0",
            "-1",
            "1e308",
            "-1e308",
            "1e-320",
            "1e400",
            "9223372036854775808",
            "2147483648",
            "-2147483649",
            "0.0000001",
            "3.5",
            "1E+2",
            "1",
            "2");

    /** One generated body: a mutation of the endpoint's valid body, or raw bytes no JSON reader should accept. */
    static Body hostile(ObjectNode base, SplittableRandom random) {
        int kind = random.nextInt(100);
        if (kind < 4) {
            return new Body(raw(base, random), false);
        }
        ObjectNode body = base.deepCopy();
        int mutations = 1 + random.nextInt(3);
        String text = null;
        for (int m = 0; m < mutations; m++) {
            String asText = mutate(body, random);
            text = asText != null ? asText : text;
        }
        return text != null
                ? new Body(text.getBytes(StandardCharsets.UTF_8), false)
                : new Body(body.toString().getBytes(StandardCharsets.UTF_8), true);
    }

    /** Mutates the tree in place; returns text when the mutation can only be expressed as text. */
    private static String mutate(ObjectNode body, SplittableRandom random) {
        List<JsonNode> containers = new ArrayList<>();
        collect(body, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        int what = random.nextInt(10);
        if (target instanceof ObjectNode object && object.size() > 0) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            String name = names.get(random.nextInt(names.size()));
            switch (what) {
                case 0 -> object.remove(name);
                case 1 -> object.put("unexpected" + random.nextInt(3), "x");
                case 2 -> {
                    // a duplicate key and a number token JSON does not allow, only as text
                    String number = NUMBERS.get(random.nextInt(NUMBERS.size()));
                    return body.toString().replaceFirst("\\{", "{\"" + name + "\":" + number + ",");
                }
                case 3 -> object.putArray(name);
                case 4 -> {
                    ArrayNode huge = object.putArray(name);
                    for (int i = 0; i < 2_000; i++) {
                        huge.add(
                                random.nextBoolean()
                                        ? JsonNodeFactory.instance.objectNode().put("sector", "S" + i)
                                        : JsonNodeFactory.instance.numberNode(i));
                    }
                }
                case 5 -> object.putObject(name).put("min", 0.9).put("max", 0.1);
                case 6 -> object.put(name, TEXT.get(random.nextInt(TEXT.size())));
                case 7 -> object.putNull(name);
                case 8 -> object.put(name, random.nextBoolean());
                default -> {
                    String number = NUMBERS.get(random.nextInt(NUMBERS.size()));
                    try {
                        object.set(name, JSON.readTree(number));
                    } catch (Exception notJson) {
                        object.put(name, number);
                    }
                }
            }
        } else if (target instanceof ArrayNode array) {
            switch (what % 4) {
                case 0 -> array.removeAll();
                case 1 -> array.add(TEXT.get(random.nextInt(TEXT.size())));
                case 2 -> array.add(JsonNodeFactory.instance.objectNode().put("sector", "Bio"));
                default -> array.addNull();
            }
        }
        return null;
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
                JsonNode child = children.next();
                if (child.isContainerNode() && child.size() < 50) {
                    collect(child, containers);
                }
            }
        }
    }

    private static byte[] raw(ObjectNode base, SplittableRandom random) {
        String valid = base.toString();
        return switch (random.nextInt(6)) {
            case 0 -> "[".repeat(10_000).concat("]".repeat(10_000)).getBytes(StandardCharsets.UTF_8);
            case 1 -> {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                byte[] text = valid.getBytes(StandardCharsets.UTF_8);
                int cut = text.length / 2;
                bytes.write(text, 0, cut);
                bytes.write(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE}, 0, 4);
                bytes.write(text, cut, text.length - cut);
                yield bytes.toByteArray();
            }
            case 2 -> valid.substring(0, random.nextInt(valid.length())).getBytes(StandardCharsets.UTF_8);
            case 3 -> new byte[0];
            case 4 -> "{\"a\":".repeat(10_000).getBytes(StandardCharsets.UTF_8);
            default -> (valid + valid).getBytes(StandardCharsets.UTF_8);
        };
    }

    static ObjectNode matrixUpload() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode buckets = body.putArray("buckets");
        buckets.addObject()
                .put("sector", "A")
                .put("stage", "Seed")
                .put("initialCheck", 1_000_000)
                .put("reserveRatio", 1.0);
        buckets.addObject()
                .put("sector", "B")
                .put("stage", "SeriesA")
                .put("initialCheck", 1_000_000)
                .put("reserveRatio", 1.0);
        ArrayNode moic = body.putArray("moic");
        moic.addArray().add(0.0).add(1.0).add(2.5).add(9.0).add(0.5);
        moic.addArray().add(1.0).add(0.0).add(4.0).add(0.2).add(1.5);
        body.put("matrixType", "moic");
        return body;
    }

    static ObjectNode generation() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putArray("buckets")
                .addObject()
                .put("sector", "SaaS")
                .put("stage", "Seed")
                .put("initialCheck", 1_500_000)
                .put("reserveRatio", 1.0)
                .put("dealsPerBucket", 1);
        body.put("scenarioCount", 100);
        body.putArray("regimes")
                .addObject()
                .put("name", "base")
                .put("probability", 1.0)
                .put("shockMin", -0.1)
                .put("shockMax", 0.1);
        return body;
    }

    static ObjectNode calibration() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("version", "hostile-campaign");
        ObjectNode stats = body.putObject("transitionStats");
        ObjectNode exits = body.putObject("exitOutcomes");
        for (String stage : List.of("Seed", "SeriesA", "SeriesB", "SeriesC")) {
            stats.putObject(stage).put("exitRate", 0.1).put("graduateRate", 0.3).put("failureRate", 0.2);
            exits.putObject(stage).put("medianMOIC", 2).put("p90MOIC", 8);
        }
        body.put("maxMoic", 250).put("sampleSize", 10);
        return body;
    }

    static ObjectNode session(String matrixKey) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("fundId", TestTokens.FUNDS.getFirst().toString());
        body.put("fundSize", 100_000_000);
        body.put("matrixKey", matrixKey);
        constraints(body.putObject("constraints"));
        body.put("validationScenarios", 100);
        return body;
    }

    static ObjectNode evaluation(String matrixKey) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("matrixKey", matrixKey);
        body.put("fundSize", 100_000_000);
        body.putObject("weights").put("A|Seed", 0.5).put("B|SeriesA", 0.5);
        constraints(body.putObject("constraints"));
        return body;
    }

    static ObjectNode frontier(String matrixKey) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("matrixKey", matrixKey);
        body.put("fundSize", 100_000_000);
        constraints(body.putObject("constraints"));
        body.put("points", 2);
        return body;
    }

    private static void constraints(ObjectNode constraints) {
        constraints.put("maxLossProbability", 0.9).put("cvarConfidence", 0.8).put("bucketMaxWeight", 1.0);
        constraints.putObject("sectorBounds").putObject("A").put("min", 0.1).put("max", 0.9);
        constraints.putObject("stageBounds").putObject("Seed").put("min", 0.0).put("max", 1.0);
    }
}
