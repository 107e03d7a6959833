package dev.vcportfolio.web;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The page's LP section as a user reads it (rows of {@code #lp-summary} by the FundMetricsView path they show, the
 * J-curve and DPI points), and the API's numbers formatted the way the page formats them (en-US, as the test browser
 * runs): multiples with two decimals and ×, shares as percentages with one decimal, dollars whole.
 */
final class LpView {

    /** The summary's rows: FundMetricsView path, and how the page writes the value. */
    static final List<String> MULTIPLES = List.of(
            "grossMultiple.mean",
            "grossMultiple.p10",
            "grossMultiple.p50",
            "grossMultiple.p90",
            "netTvpi.mean",
            "netTvpi.p10",
            "netTvpi.p50",
            "netTvpi.p90");

    static final List<String> SHARES = List.of(
            "netIrr.p10",
            "netIrr.p50",
            "netIrr.p90",
            "probabilityNetTvpiAtLeast.1",
            "probabilityNetTvpiAtLeast.2",
            "probabilityNetTvpiAtLeast.3");

    static final List<String> DOLLARS = List.of("expectedCarry", "totalFees", "investableCapital");

    private final ChromeDriver driver;

    LpView(ChromeDriver driver) {
        this.driver = driver;
    }

    /** The text of a summary row's cell: column 1 in sample, 2 out of sample. */
    String cell(String path, int column) {
        return row(path).findElements(By.cssSelector("td")).get(column - 1).getText();
    }

    /** The raw number behind a summary cell ({@code data-value}). */
    double value(String path, int column) {
        return Double.parseDouble(
                row(path).findElements(By.cssSelector("td")).get(column - 1).getAttribute("data-value"));
    }

    /** The points of a fan chart ({@code jcurve}, {@code dpi-chart}), one per fund year. */
    List<WebElement> points(String figure) {
        return driver.findElements(By.cssSelector("#" + figure + " svg circle.point.year"));
    }

    private WebElement row(String path) {
        return driver.findElement(By.cssSelector("#lp-summary tr[data-metric='" + path + "']"));
    }

    /** What the page shows for the value at {@code path} of a FundMetricsView. */
    static String expected(JsonObject metrics, String path) {
        Object v = at(metrics, path);
        if (MULTIPLES.contains(path)) {
            return fixed((Number) v, 2) + "×";
        }
        if (SHARES.contains(path)) {
            return v == null ? "—" : percent((Number) v);
        }
        if (DOLLARS.contains(path)) {
            return "$" + fixed((Number) v, 0);
        }
        if (path.equals("netIrr.undefinedShare")) {
            return "no IRR in " + percent((Number) v) + " of scenarios";
        }
        throw new IllegalArgumentException("no such row: " + path);
    }

    static Object at(JsonObject metrics, String path) {
        String[] parts = path.split("\\.");
        return parts.length == 1
                ? metrics.getValue(parts[0])
                : metrics.getJsonObject(parts[0]).getValue(parts[1]);
    }

    private static String percent(Number fraction) {
        return fixed(new BigDecimal(fraction.doubleValue()).movePointRight(2), 1, 0.05) + "%";
    }

    private static String fixed(Number value, int digits) {
        return fixed(new BigDecimal(value.doubleValue()), digits, 0.5 * Math.pow(10, -digits));
    }

    /**
     * As Intl.NumberFormat: the exact value rounded half away from zero, grouped by thousands; what would print as -0
     * prints as 0, as the page tidies it.
     */
    private static String fixed(BigDecimal value, int digits, double tidy) {
        BigDecimal v = value.abs().doubleValue() < tidy ? BigDecimal.ZERO : value;
        DecimalFormat format = new DecimalFormat(
                digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits), DecimalFormatSymbols.getInstance(Locale.US));
        return format.format(v.setScale(digits, RoundingMode.HALF_UP));
    }
}
