package dev.vcportfolio.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded hostile multipart matrix uploads ({@code POST /api/matrices}, parts {@code spec} and {@code moic}): wrong,
 * missing, repeated and extra part names; hostile spec JSON (HostileBodies); moic parts of garbage, invalid UTF-8,
 * NaN/Infinity/huge floats, lengths that are not whole rows, empty; part headers declaring huge sizes or wrong content
 * types; broken boundaries, truncated bodies and outer content types that are not multipart.
 */
final class HostileMultipart {

    static final String BOUNDARY = "campaign-boundary-7f3a";
    private static final List<String> PART_NAMES = List.of("Spec", "moic2", "", "spec\"; x=\"", "file", "moic\r\nX: y");
    private static final List<String> PART_TYPES = List.of(
            "text/plain", "application/xml", "image/png", "multipart/mixed", "application/json; charset=UTF-16", "");
    private static final List<String> OUTER_TYPES = List.of(
            "multipart/form-data",
            "multipart/form-data; boundary=",
            "multipart/form-data; boundary=other",
            "multipart/mixed; boundary=" + BOUNDARY,
            "application/octet-stream",
            "text/plain");

    /** One generated upload: its Content-Type and body, and whether only the spec's values are wrong. */
    record Upload(String contentType, byte[] body, boolean wellFormed, String what) {}

    private HostileMultipart() {}

    static ObjectNode spec() {
        ObjectNode spec = HostileBodies.matrixUpload();
        spec.remove("moic");
        return spec;
    }

    static Upload hostile(SplittableRandom random) {
        int kind = random.nextInt(10);
        byte[] spec = spec().toString().getBytes(StandardCharsets.UTF_8);
        byte[] moic = floats(random, 10, false);
        String specName = "spec";
        String moicName = "moic";
        String specType = "application/json";
        String moicType = "application/octet-stream";
        String extraHeader = "";
        String outer = "multipart/form-data; boundary=" + BOUNDARY;
        boolean truncated = false;
        boolean wellFormed = false;
        String what;
        switch (kind) {
            case 0, 1 -> {
                HostileBodies.Body body = HostileBodies.hostile(spec(), random);
                spec = body.bytes();
                wellFormed = body.wellFormed();
                what = "spec " + CampaignLedger.cut(spec);
            }
            case 2 -> {
                moic = moicContent(random);
                what = "moic of " + moic.length + " bytes";
            }
            case 3 -> {
                if (random.nextBoolean()) {
                    specName = PART_NAMES.get(random.nextInt(PART_NAMES.size()));
                } else {
                    moicName = PART_NAMES.get(random.nextInt(PART_NAMES.size()));
                }
                what = "part names " + specName + "/" + moicName;
            }
            case 4 -> {
                if (random.nextBoolean()) {
                    spec = null;
                } else {
                    moic = null;
                }
                what = "missing " + (spec == null ? "spec" : "moic");
            }
            case 5 -> {
                extraHeader = "Content-Length: "
                        + List.of("99999999999999", "-1", "0", "x", "1e9", "300000001")
                                .get(random.nextInt(6))
                        + "\r\n";
                what = "part declares " + extraHeader.trim();
            }
            case 6 -> {
                if (random.nextBoolean()) {
                    specType = PART_TYPES.get(random.nextInt(PART_TYPES.size()));
                } else {
                    moicType = PART_TYPES.get(random.nextInt(PART_TYPES.size()));
                }
                what = "part types " + specType + "/" + moicType;
            }
            case 7 -> {
                outer = OUTER_TYPES.get(random.nextInt(OUTER_TYPES.size()));
                what = "outer type " + outer;
            }
            case 8 -> {
                truncated = true;
                what = "truncated";
            }
            default -> {
                moic = floats(random, 10, true);
                what = "moic with NaN/Infinity/huge floats";
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (spec != null) {
            part(out, specName, null, specType, extraHeader, spec);
        }
        if (moic != null) {
            part(out, moicName, "moic.f32", moicType, extraHeader, moic);
        }
        if (kind == 3 && random.nextBoolean()) {
            part(out, "spec", null, "application/json", "", spec().toString().getBytes(StandardCharsets.UTF_8));
        }
        write(out, "--" + BOUNDARY + "--\r\n");
        byte[] body = out.toByteArray();
        if (truncated) {
            body = java.util.Arrays.copyOf(body, random.nextInt(body.length));
        }
        return new Upload(outer, body, wellFormed, what);
    }

    private static byte[] moicContent(SplittableRandom random) {
        return switch (random.nextInt(6)) {
            case 0 -> new byte[0];
            case 1 -> new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, 0, 0, 0};
            case 2 ->
                HostileBodies.TEXT
                        .get(random.nextInt(HostileBodies.TEXT.size()))
                        .getBytes(StandardCharsets.UTF_8);
            case 3 -> java.util.Arrays.copyOf(floats(random, 10, false), 4 * 10 - 1 - random.nextInt(3));
            case 4 -> HostileBodies.matrixUpload().toString().getBytes(StandardCharsets.UTF_8);
            default -> {
                byte[] garbage = new byte[random.nextInt(1, 4096)];
                random.nextBytes(garbage);
                yield garbage;
            }
        };
    }

    /** {@code count} float32 little-endian values; with {@code hostile}, some NaN, infinite, negative or huge. */
    static byte[] floats(SplittableRandom random, int count, boolean hostile) {
        ByteBuffer buffer = ByteBuffer.allocate(4 * count).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            float value = (float) random.nextDouble(0, 5);
            if (hostile && random.nextInt(3) == 0) {
                value = List.of(
                                Float.NaN,
                                Float.POSITIVE_INFINITY,
                                Float.NEGATIVE_INFINITY,
                                -1f,
                                Float.MAX_VALUE,
                                1e30f)
                        .get(random.nextInt(6));
            }
            buffer.putFloat(value);
        }
        return buffer.array();
    }

    private static void part(
            ByteArrayOutputStream out, String name, String file, String type, String extra, byte[] content) {
        write(
                out,
                "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                        + (file == null ? "" : "; filename=\"" + file + "\"") + "\r\n"
                        + (type.isEmpty() ? "" : "Content-Type: " + type + "\r\n") + extra + "\r\n");
        out.writeBytes(content);
        write(out, "\r\n");
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
