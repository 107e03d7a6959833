package dev.vcportfolio.matrix;

import dev.vcportfolio.core.error.DomainException;
import dev.vcportfolio.core.error.FieldViolation;
import dev.vcportfolio.core.key.ClientBucket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Checks what bean validation cannot: the shape of the matrix against its buckets, every value, duplicate buckets and
 * the size limit. Reports at most {@value #MAX_REPORTED} violations so a huge bad matrix gets a small answer.
 */
final class MatrixUploadRules {

    static final int MAX_REPORTED = 20;
    static final String DEFAULT_TYPE = "moic";

    private MatrixUploadRules() {}

    static MatrixUpload fromJson(MatrixUploadRequest request, long maxCells) {
        List<FieldViolation> violations = new ArrayList<>(duplicates(request.buckets()));
        float[][] rows = request.moic();
        int buckets = request.buckets().size();
        if (rows.length != buckets) {
            violations.add(new FieldViolation(
                    "moic", "has " + rows.length + " rows but there are " + buckets + " buckets (one row each)"));
            throw invalid(violations);
        }
        int scenarios = rows.length == 0 || rows[0] == null ? 0 : rows[0].length;
        if (scenarios == 0) {
            violations.add(new FieldViolation("moic[0]", "needs at least one scenario"));
        }
        for (int b = 0; b < rows.length && violations.size() < MAX_REPORTED; b++) {
            if (rows[b] == null || rows[b].length != scenarios) {
                violations.add(new FieldViolation(
                        "moic[" + b + "]",
                        "has " + (rows[b] == null ? 0 : rows[b].length) + " values; every row needs " + scenarios));
            }
        }
        checkSize(buckets, scenarios, maxCells, violations);
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
        float[] values = new float[buckets * scenarios];
        for (int b = 0; b < buckets; b++) {
            System.arraycopy(rows[b], 0, values, b * scenarios, scenarios);
        }
        checkValues(values, scenarios, violations);
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
        return new MatrixUpload(
                Optional.ofNullable(request.fundId()),
                type(request.matrixType()),
                buckets(request.buckets()),
                scenarios,
                values);
    }

    /** Checks a binary part's length against the spec before any of it is read; returns the scenario count. */
    static int scenariosOf(MatrixSpecRequest spec, long byteLength, long maxCells) {
        List<FieldViolation> violations = new ArrayList<>(duplicates(spec.buckets()));
        long rowBytes = (long) Float.BYTES * spec.buckets().size();
        if (byteLength <= 0 || byteLength % rowBytes != 0) {
            violations.add(new FieldViolation(
                    "moic",
                    "is " + byteLength + " bytes; it must be 4 x "
                            + spec.buckets().size()
                            + " buckets x scenarios (float32 little-endian, row-major [bucket][scenario])"));
            throw invalid(violations);
        }
        long scenarios = byteLength / rowBytes;
        if (spec.scenarioCount() != null && spec.scenarioCount() != scenarios) {
            violations.add(new FieldViolation(
                    "spec.scenarioCount", "is " + spec.scenarioCount() + " but the moic part holds " + scenarios));
        }
        checkSize(spec.buckets().size(), scenarios, maxCells, violations);
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
        return (int) scenarios;
    }

    static MatrixUpload fromBinary(MatrixSpecRequest spec, int scenarios, float[] values) {
        List<FieldViolation> violations = new ArrayList<>();
        checkValues(values, scenarios, violations);
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
        return new MatrixUpload(
                Optional.ofNullable(spec.fundId()),
                type(spec.matrixType()),
                buckets(spec.buckets()),
                scenarios,
                values);
    }

    private static void checkSize(long buckets, long scenarios, long maxCells, List<FieldViolation> violations) {
        if (buckets * scenarios > maxCells) {
            violations.add(new FieldViolation(
                    "moic",
                    buckets + " x " + scenarios + " = " + buckets * scenarios + " cells exceed the limit of "
                            + maxCells));
        }
    }

    private static void checkValues(float[] values, int scenarios, List<FieldViolation> violations) {
        for (int i = 0; i < values.length && violations.size() < MAX_REPORTED; i++) {
            float value = values[i];
            if (!Float.isFinite(value) || value < 0) {
                String what = Float.isNaN(value) ? "NaN" : Float.isInfinite(value) ? "infinite" : "negative";
                violations.add(new FieldViolation(
                        "moic[" + i / scenarios + "][" + i % scenarios + "]",
                        "is " + what + "; every MOIC must be a finite number >= 0"));
            }
        }
    }

    private static List<FieldViolation> duplicates(List<MatrixBucketRequest> buckets) {
        Map<String, Integer> first = new HashMap<>();
        List<FieldViolation> violations = new ArrayList<>();
        for (int i = 0; i < buckets.size(); i++) {
            String key = buckets.get(i).spec().key();
            Integer earlier = first.putIfAbsent(key, i);
            if (earlier != null) {
                violations.add(
                        new FieldViolation("buckets[" + i + "]", "duplicates buckets[" + earlier + "] (" + key + ")"));
            }
        }
        return violations;
    }

    private static List<ClientBucket> buckets(List<MatrixBucketRequest> buckets) {
        return buckets.stream()
                .map(b -> new ClientBucket(
                        b.spec(), b.pWin() == null ? OptionalDouble.empty() : OptionalDouble.of(b.pWin())))
                .toList();
    }

    private static String type(String matrixType) {
        return matrixType == null ? DEFAULT_TYPE : matrixType;
    }

    private static DomainException.Invalid invalid(List<FieldViolation> violations) {
        List<FieldViolation> reported = violations.subList(0, Math.min(violations.size(), MAX_REPORTED));
        String detail = reported.stream()
                .map(v -> v.field() + ": " + v.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse("invalid matrix");
        return new DomainException.Invalid(detail, reported);
    }
}
