package dev.vcportfolio.core.optimize;

import dev.vcportfolio.core.model.MoicMatrix;
import java.util.Arrays;
import java.util.LinkedHashMap;

/**
 * The optimizer's scenarios: distinct matrix columns with multiplicities. Merging identical columns is exact (a
 * scenario's loss indicator depends only on its column), and it shrinks deal-averaged matrices with many all-failure
 * draws. Order is first occurrence, so the model is built in canonical order.
 *
 * @param columns {@code columns[j][b]}: MOIC of bucket b in distinct scenario j, as double of the matrix's float
 * @param multiplicity how many matrix scenarios column j stands for, each &ge; 1
 * @param totalScenarios S, the matrix's scenario count
 */
record ScenarioSet(double[][] columns, int[] multiplicity, int totalScenarios) {

    int size() {
        return columns.length;
    }

    double probability(int j) {
        return (double) multiplicity[j] / totalScenarios;
    }

    /** How many of the original scenarios the distinct ones marked in {@code marked} stand for. */
    int mass(boolean[] marked) {
        int total = 0;
        for (int j = 0; j < marked.length; j++) {
            total += marked[j] ? multiplicity[j] : 0;
        }
        return total;
    }

    /** Portfolio MOIC of distinct scenario j under weights {@code w}. */
    double moic(int j, double[] w) {
        double[] column = columns[j];
        double sum = 0;
        for (int b = 0; b < w.length; b++) {
            sum += column[b] * w[b];
        }
        return sum;
    }

    static ScenarioSet of(MoicMatrix matrix, boolean merge) {
        int buckets = matrix.bucketCount();
        int scenarios = matrix.scenarioCount();
        var index = new LinkedHashMap<Column, Integer>();
        var counts = new int[scenarios];
        for (int s = 0; s < scenarios; s++) {
            int[] bits = new int[buckets];
            for (int b = 0; b < buckets; b++) {
                bits[b] = Float.floatToIntBits(matrix.value(b, s));
            }
            Column key = merge ? new Column(bits, -1) : new Column(bits, s);
            int j = index.computeIfAbsent(key, k -> index.size());
            counts[j]++;
        }
        double[][] columns = new double[index.size()][];
        for (var entry : index.entrySet()) {
            int[] bits = entry.getKey().bits();
            double[] column = new double[buckets];
            for (int b = 0; b < buckets; b++) {
                column[b] = Float.intBitsToFloat(bits[b]);
            }
            columns[entry.getValue()] = column;
        }
        return new ScenarioSet(columns, Arrays.copyOf(counts, index.size()), scenarios);
    }

    /** A column's float bits; {@code origin} keeps unmerged columns apart. */
    private record Column(int[] bits, int origin) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Column c && origin == c.origin && Arrays.equals(bits, c.bits);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(bits) + origin;
        }

        @Override
        public String toString() {
            return Arrays.toString(bits);
        }
    }
}
