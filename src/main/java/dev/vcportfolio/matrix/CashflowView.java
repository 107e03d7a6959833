package dev.vcportfolio.matrix;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A round-by-round matrix's cash flows as JSON (DESIGN 13): {@code cashflows[row][scenario][year]} per allocated dollar,
 * calls negative and distributions positive, years 0..H and the NAV at the horizon last, so a cell sums to its MOIC
 * minus 1. The float32 values are written as the doubles they are exactly.
 *
 * @param rowKeys the rows, in the MOIC matrix's order
 * @param yearCount values per cell, H + 2
 * @param cashflows one array per row, one per scenario, {@code yearCount} values each
 */
@RegisterForReflection
public record CashflowView(List<String> rowKeys, int yearCount, List<List<double[]>> cashflows) {

    static CashflowView of(MatrixService.Cashflows flows) {
        ByteBuffer bytes = ByteBuffer.wrap(flows.littleEndian()).order(ByteOrder.LITTLE_ENDIAN);
        List<List<double[]>> rows = new ArrayList<>(flows.rowKeys().size());
        for (int r = 0; r < flows.rowKeys().size(); r++) {
            List<double[]> scenarios = new ArrayList<>(flows.scenarioCount());
            for (int s = 0; s < flows.scenarioCount(); s++) {
                double[] years = new double[flows.yearCount()];
                for (int y = 0; y < years.length; y++) {
                    years[y] = bytes.getFloat();
                }
                scenarios.add(years);
            }
            rows.add(scenarios);
        }
        return new CashflowView(flows.rowKeys(), flows.yearCount(), rows);
    }
}
