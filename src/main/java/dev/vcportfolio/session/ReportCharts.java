package dev.vcportfolio.session;

import dev.vcportfolio.core.optimize.PortfolioDistribution;
import dev.vcportfolio.optimize.FundMetricsView.Band;
import java.util.List;
import java.util.Locale;

/**
 * The report's charts as inline SVG drawn from numbers only (no stored text reaches them), sized by a view box so they
 * scale to the printed page. No {@code xmlns}: SVG inside HTML needs none, and the document names no external address.
 */
final class ReportCharts {

    private static final int WIDTH = 680;
    private static final int HEIGHT = 250;
    private static final int LEFT = 56;
    private static final int RIGHT = 16;
    private static final int TOP = 14;
    private static final int BOTTOM = 40;
    private static final String LOSS = "#c0504d";
    private static final String GAIN = "#4472c4";

    private ReportCharts() {}

    /**
     * Histogram of the portfolio MOIC: bars of the share of scenarios per bin, those wholly below 1× (a loss) in red,
     * a dashed line at 1×; the last bin holds the right tail.
     */
    static String histogram(PortfolioDistribution d) {
        int[] counts = d.counts();
        int bins = counts.length;
        int highest = 1;
        for (int c : counts) {
            highest = Math.max(highest, c);
        }
        double top = niceCeiling((double) highest / d.scenarioCount());
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double barWidth = plotWidth / bins;
        StringBuilder svg = open("Portfolio MOIC across scenarios: share of scenarios per bin");
        yAxis(svg, top, plotHeight, "share of scenarios");
        for (int i = 0; i < bins; i++) {
            double share = (double) counts[i] / d.scenarioCount();
            double h = share / top * plotHeight;
            boolean loss = (i + 1) * d.binWidth() <= 1 + 1e-12;
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
                    LEFT + i * barWidth + 0.5,
                    TOP + plotHeight - h,
                    Math.max(0.5, barWidth - 1),
                    h,
                    loss ? LOSS : GAIN));
        }
        int every = Math.max(1, (int) Math.ceil(bins / 8.0));
        for (int i = 0; i < bins; i += every) {
            xTick(svg, LEFT + i * barWidth, plotHeight, ReportFormat.number(i * d.binWidth()) + "\u00d7");
        }
        double oneAt = 1 / d.binWidth();
        if (oneAt <= bins) {
            double x = LEFT + oneAt * barWidth;
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#222\" stroke-dasharray=\"4 3\"/>",
                    x,
                    TOP,
                    x,
                    TOP + plotHeight));
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" font-size=\"11\">1\u00d7: below it the fund loses money</text>",
                    x + 4,
                    TOP + 10));
        }
        caption(
                svg,
                "portfolio MOIC (last bar: " + ReportFormat.number((bins - 1) * d.binWidth()) + "\u00d7 and above)");
        return svg.append("</svg>").toString();
    }

    /**
     * The J-curve: the P10-P90 band of cumulative LP net cash flow over commitments per fund year, the P50 as a line,
     * and the zero line (the LPs have their money back where the line crosses it).
     */
    static String jCurve(List<Band> bands) {
        double low = 0;
        double high = 0;
        for (Band b : bands) {
            low = Math.min(low, b.p10());
            high = Math.max(high, b.p90());
        }
        double step = niceStep((high - low) / 5);
        low = Math.floor(low / step) * step;
        high = Math.ceil(high / step) * step;
        if (high - low < step) {
            high = low + step;
        }
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        int lastYear = bands.isEmpty() ? 1 : Math.max(1, bands.getLast().year());
        double lo = low;
        double span = high - low;
        java.util.function.DoubleUnaryOperator y = v -> TOP + plotHeight - (v - lo) / span * plotHeight;
        java.util.function.IntToDoubleFunction x = year -> LEFT + (double) year / lastYear * plotWidth;
        StringBuilder svg = open("J-curve: cumulative LP net cash flow over commitments by fund year, P10 to P90");
        for (double v = low; v <= high + step / 2; v += step) {
            double at = y.applyAsDouble(v);
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\"/>",
                    LEFT,
                    at,
                    WIDTH - RIGHT,
                    at,
                    Math.abs(v) < step / 2 ? "#222" : "#ddd"));
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%s</text>",
                    LEFT - 6,
                    at + 4,
                    ReportFormat.number(Math.round(v * 100)) + "%"));
        }
        StringBuilder band = new StringBuilder();
        StringBuilder median = new StringBuilder();
        for (Band b : bands) {
            band.append(point(x.applyAsDouble(b.year()), y.applyAsDouble(b.p90())));
            median.append(point(x.applyAsDouble(b.year()), y.applyAsDouble(b.p50())));
        }
        for (Band b : bands.reversed()) {
            band.append(point(x.applyAsDouble(b.year()), y.applyAsDouble(b.p10())));
        }
        svg.append("<polygon points=\"").append(band).append("\" fill=\"#4472c4\" fill-opacity=\"0.25\"/>");
        svg.append("<polyline points=\"")
                .append(median)
                .append("\" fill=\"none\" stroke=\"#4472c4\" stroke-width=\"2\"/>");
        int every = Math.max(1, (int) Math.ceil(lastYear / 12.0));
        for (int year = 0; year <= lastYear; year += every) {
            xTick(svg, x.applyAsDouble(year), plotHeight, Integer.toString(year));
        }
        caption(svg, "fund year (band: P10 to P90; line: P50)");
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String title) {
        return new StringBuilder(8 * 1024)
                .append(String.format(
                        Locale.ROOT,
                        "<svg class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\"><title>%s</title>",
                        WIDTH,
                        HEIGHT,
                        ReportHtml.escape(title)))
                .append(String.format(
                        Locale.ROOT,
                        "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#222\"/>",
                        LEFT,
                        HEIGHT - BOTTOM,
                        WIDTH - RIGHT,
                        HEIGHT - BOTTOM));
    }

    private static void yAxis(StringBuilder svg, double top, double plotHeight, String label) {
        for (int i = 0; i <= 4; i++) {
            double v = top * i / 4;
            double at = TOP + plotHeight - plotHeight * i / 4;
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                            + "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%s</text>",
                    LEFT,
                    at,
                    WIDTH - RIGHT,
                    at,
                    LEFT - 6,
                    at + 4,
                    ReportFormat.percent(v)));
        }
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"12\" y=\"%.1f\" font-size=\"11\" transform=\"rotate(-90 12 %.1f)\""
                        + " text-anchor=\"middle\">%s</text>",
                TOP + plotHeight / 2,
                TOP + plotHeight / 2,
                ReportHtml.escape(label)));
    }

    private static void xTick(StringBuilder svg, double x, double plotHeight, String label) {
        svg.append(String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#222\"/>"
                        + "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"middle\">%s</text>",
                x,
                TOP + plotHeight,
                x,
                TOP + plotHeight + 4,
                x,
                TOP + plotHeight + 16,
                ReportHtml.escape(label)));
    }

    private static void caption(StringBuilder svg, String text) {
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>",
                LEFT + (WIDTH - LEFT - RIGHT) / 2.0,
                HEIGHT - 6,
                ReportHtml.escape(text)));
    }

    private static String point(double x, double y) {
        return String.format(Locale.ROOT, "%.1f,%.1f ", x, y);
    }

    /** A round upper bound for an axis from 0: 1, 2, 2.5 or 5 times a power of ten, at least {@code value}. */
    static double niceCeiling(double value) {
        if (!(value > 0)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * power >= value * (1 - 1e-12)) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static double niceStep(double raw) {
        return niceCeiling(raw > 0 ? raw : 0.1);
    }
}
