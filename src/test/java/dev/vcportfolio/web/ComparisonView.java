package dev.vcportfolio.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The page's comparison section as the plans test reads it, checked against the API's results of the plans compared
 * (in the comparison's column order): allocation cells, metrics, and the overlaid charts' series.
 */
final class ComparisonView {

    private final ChromeDriver driver;

    ComparisonView(ChromeDriver driver) {
        this.driver = driver;
    }

    void assertAllocations(List<JsonObject> plans) {
        for (int i = 0; i < plans.size(); i++) {
            JsonObject result = plans.get(i);
            for (Object o : result.getJsonArray("allocation")) {
                JsonObject a = (JsonObject) o;
                WebElement row = driver.findElement(
                        By.cssSelector("#compare-allocation tr[data-bucket='" + a.getString("bucketKey") + "']"));
                WebElement deals = row.findElement(By.cssSelector("td[data-plan='" + i + "'][data-deals]"));
                WebElement weight = row.findElement(By.cssSelector("td[data-plan='" + i + "'][data-weight]"));
                assertThat(Integer.parseInt(deals.getAttribute("data-deals"))).isEqualTo(a.getInteger("dealCount"));
                assertThat(Double.parseDouble(weight.getAttribute("data-weight")))
                        .isEqualTo(a.getDouble("weight"));
            }
            WebElement rest = driver.findElement(By.cssSelector(
                    "#compare-allocation tr[data-bucket=uninvested] td[data-plan='" + i + "'][data-weight]"));
            assertThat(Double.parseDouble(rest.getAttribute("data-weight")))
                    .isEqualTo(result.getJsonObject("uninvested").getDouble("weight"));
        }
    }

    void assertMetrics(List<JsonObject> plans) {
        Map<String, Function<JsonObject, Double>> api = Map.ofEntries(
                Map.entry("expectedMoic", r -> r.getDouble("expectedMoic")),
                Map.entry("lossProbability", r -> r.getJsonObject("riskMetrics").getDouble("lossProbability")),
                Map.entry("cvar", r -> r.getJsonObject("riskMetrics").getDouble("cvar")),
                Map.entry("expectedWinners", r -> r.getJsonObject("riskMetrics").getDouble("expectedWinners")),
                Map.entry(
                        "validation.expectedMoic",
                        r -> r.getJsonObject("validationMetrics").getDouble("expectedMoic")),
                Map.entry(
                        "validation.lossProbability",
                        r -> r.getJsonObject("validationMetrics").getDouble("lossProbability")),
                Map.entry(
                        "validation.cvar",
                        r -> r.getJsonObject("validationMetrics").getDouble("cvar")),
                Map.entry("netTvpi.mean", r -> fund(r).getJsonObject("netTvpi").getDouble("mean")),
                Map.entry("netTvpi.p50", r -> fund(r).getJsonObject("netTvpi").getDouble("p50")),
                Map.entry("netIrr.p50", r -> fund(r).getJsonObject("netIrr").getDouble("p50")),
                Map.entry("totalFees", r -> fund(r).getDouble("totalFees")));
        List<WebElement> rows = driver.findElements(By.cssSelector("#compare-metrics tbody tr"));
        assertThat(rows.stream().map(r -> r.getAttribute("data-metric")))
                .containsExactlyInAnyOrderElementsOf(api.keySet());
        for (WebElement row : rows) {
            Function<JsonObject, Double> read = api.get(row.getAttribute("data-metric"));
            assertThat(cells(row).stream().map(ComparisonView::number))
                    .as(row.getAttribute("data-metric"))
                    .containsExactlyElementsOf(plans.stream().map(read).toList());
        }
    }

    void assertCharts(List<JsonObject> plans) {
        List<String> ids = plans.stream().map(p -> p.getString("sessionId")).toList();
        List<WebElement> series = driver.findElements(By.cssSelector("#compare-moic svg path.series"));
        assertThat(series.stream().map(s -> s.getAttribute("data-plan"))).containsExactlyElementsOf(ids);
        List<double[]> shares = PlanFixtures.distributionShares(plans);
        for (int i = 0; i < series.size(); i++) {
            double[] shown = Arrays.stream(
                            series.get(i).getAttribute("data-shares").split(" "))
                    .mapToDouble(Double::parseDouble)
                    .toArray();
            assertThat(shown).as("MOIC distribution of plan %d", i).containsExactly(shares.get(i));
        }
        assertThat(driver.findElements(By.cssSelector("#compare-moic svg .legend text")))
                .hasSize(plans.size());
        List<WebElement> lines = driver.findElements(By.cssSelector("#compare-jcurve svg g.series"));
        assertThat(lines.stream().map(s -> s.getAttribute("data-plan"))).containsExactlyElementsOf(ids);
        for (int i = 0; i < lines.size(); i++) {
            JsonArray jCurve = fund(plans.get(i)).getJsonArray("jCurve");
            List<WebElement> points = lines.get(i).findElements(By.cssSelector("circle"));
            assertThat(points).hasSize(jCurve.size());
            for (int y = 0; y < points.size(); y++) {
                assertThat(Integer.parseInt(points.get(y).getAttribute("data-year")))
                        .isEqualTo(jCurve.getJsonObject(y).getInteger("year"));
                assertThat(Double.parseDouble(points.get(y).getAttribute("data-value")))
                        .isEqualTo(jCurve.getJsonObject(y).getDouble("p50"));
            }
        }
        assertThat(driver.findElements(By.cssSelector("#compare-jcurve details.chart-numbers tbody tr")))
                .as("a row per fund year in the numbers table")
                .hasSize(fund(plans.getFirst()).getJsonArray("jCurve").size());
    }

    static List<WebElement> cells(WebElement row) {
        return row.findElements(By.cssSelector("td[data-plan]"));
    }

    /** A cell's raw value; null where the page shows none (—). */
    static Double number(WebElement cell) {
        String raw = cell.getAttribute("data-value");
        return raw == null ? null : Double.valueOf(raw);
    }

    private static JsonObject fund(JsonObject result) {
        return result.getJsonObject("fundMetrics");
    }
}
