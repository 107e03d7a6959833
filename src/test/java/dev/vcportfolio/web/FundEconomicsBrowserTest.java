package dev.vcportfolio.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vcportfolio.support.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The page's fund terms and LP view (DESIGN 14) in headless Chromium against the running service: what the page shows
 * net of fees and carry is checked against the API's own {@code fundMetrics} for the same session.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FundEconomicsBrowserTest {

    private static final int WIDE = 1280;
    private static final int TALL = 800;
    /** Generous: a run takes seconds; the bound only turns a run that never finishes into a failure. */
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(4);
    /** Generous: an error or a table shows well within a second; the bound only turns "never" into a failure. */
    private static final Duration SHOWN = Duration.ofSeconds(60);

    private static final By BUCKET_ROWS = By.cssSelector("#bucket-rows tr.bucket-row");
    /** Term 10 + extension 2 years (the page's defaults): fund years 0..12. */
    private static final int FUND_YEARS = 13;

    @TestHTTPResource("/")
    URL page;

    @Inject
    Pool pool;

    private ChromeDriver driver;
    private PageDriver steps;
    private LpView lp;

    @BeforeAll
    void startBrowser() throws IOException {
        driver = Browser.start(WIDE, TALL);
        steps = new PageDriver(driver, SHOWN);
        lp = new LpView(driver);
    }

    @AfterAll
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @BeforeEach
    void openPage() {
        Browser.viewport(driver, WIDE, TALL);
        driver.get(page.toString());
        driver.executeScript("sessionStorage.clear();");
        driver.navigate().refresh();
        waitFor(SHOWN, () -> driver.findElements(BUCKET_ROWS).size() == 3);
        type(byId("token"), TestTokens.TOKEN);
    }

    @Test
    void fund_terms_give_an_lp_view_equal_to_the_apis_fund_metrics() throws IOException {
        // given a round-by-round fund (the page's default model) with the usual terms typed in
        fillFund();
        terms("0.02", "0.015", "0.2", "0.08", "1");
        driver.executeScript(WebPageFixtures.RECORD_CALLS);

        // when
        byId("optimize").click();

        // then the page sent the terms, and its LP view shows the API's fundMetrics, in and out of sample
        waitFor(RUN_TIMEOUT, this::runFinished);
        assertThat(sentRequest().getJsonObject("fundTerms"))
                .isEqualTo(new JsonObject(Map.of(
                        "managementFeeRate",
                        0.02,
                        "postPeriodFeeRate",
                        0.015,
                        "carryRate",
                        0.2,
                        "hurdleRate",
                        0.08,
                        "catchUp",
                        1)));
        JsonObject result = apiResult(byId("session-id").getText());
        JsonObject inSample = result.getJsonObject("fundMetrics");
        JsonObject outOfSample = result.getJsonObject("validationMetrics").getJsonObject("fundMetrics");
        assertThat(inSample).as("a round-by-round result has fund metrics").isNotNull();
        assertThat(outOfSample).isNotNull();
        assertThat(byId("lp-panel").isDisplayed()).isTrue();
        assertThat(byId("lp-absent").isDisplayed()).isFalse();
        assertSummaryShows(inSample, 1);
        assertSummaryShows(outOfSample, 2);

        JsonArray jCurve = inSample.getJsonArray("jCurve");
        List<WebElement> points = lp.points("jcurve");
        assertThat(jCurve).hasSize(FUND_YEARS);
        assertThat(points).as("one J-curve point per fund year").hasSize(FUND_YEARS);
        for (int i = 0; i < points.size(); i++) {
            JsonObject band = jCurve.getJsonObject(i);
            assertThat(Integer.parseInt(points.get(i).getAttribute("data-year")))
                    .isEqualTo(band.getInteger("year"));
            assertThat(Double.parseDouble(points.get(i).getAttribute("data-p50")))
                    .isEqualTo(band.getDouble("p50"));
            assertThat(Double.parseDouble(points.get(i).getAttribute("data-p10")))
                    .isEqualTo(band.getDouble("p10"));
            assertThat(Double.parseDouble(points.get(i).getAttribute("data-p90")))
                    .isEqualTo(band.getDouble("p90"));
        }
        assertThat(Double.parseDouble(points.getFirst().getAttribute("data-p50")))
                .as("year 0: fees and first cheques called, nothing back yet")
                .isLessThan(0);
        assertThat(driver.findElements(By.cssSelector("#jcurve svg line.zero-line")))
                .hasSize(1);
        assertThat(byId("jcurve").getText()).contains("Fund year", "% of commitments");
        assertThat(lp.points("dpi-chart"))
                .hasSize(inSample.getJsonArray("netDpiByYear").size());
        assertThat(driver.findElements(By.cssSelector("#tvpi-chart svg g.interval-row")))
                .hasSize(2);
        double netP50 = Double.parseDouble(driver.findElement(By.cssSelector("#tvpi-chart g.interval-row.net"))
                .getAttribute("data-p50"));
        assertThat(netP50).isEqualTo(inSample.getJsonObject("netTvpi").getDouble("p50"));

        assertExportsCarryTheFundMetrics(result);
        assertThat(driver.executeScript(WebPageFixtures.UNLABELLED))
                .as("form controls without a label")
                .isEqualTo(List.of());
        driver.executeScript("document.getElementById('lp-panel').scrollIntoView();");
        Browser.screenshot(driver, "lp-view-1280x800");
    }

    @Test
    void no_fees_and_no_carry_show_net_tvpi_equal_to_the_gross_multiple() {
        // given
        fillFund();
        terms("0", "0", "0", "", "");

        // when
        byId("optimize").click();

        // then
        waitFor(RUN_TIMEOUT, this::runFinished);
        JsonObject metrics = apiResult(byId("session-id").getText()).getJsonObject("fundMetrics");
        for (String stat : List.of("mean", "p10", "p50", "p90")) {
            assertThat(lp.cell("netTvpi." + stat, 1))
                    .as("net TVPI %s", stat)
                    .isEqualTo(lp.cell("grossMultiple." + stat, 1))
                    .isEqualTo(LpView.expected(metrics, "netTvpi." + stat));
        }
        assertThat(lp.cell("totalFees", 1)).isEqualTo("$0");
        assertThat(lp.cell("expectedCarry", 1)).isEqualTo("$0");
        assertThat(lp.cell("investableCapital", 1)).isEqualTo("$50,000,000");
    }

    @Test
    void a_carry_of_one_and_a_half_shows_the_servers_error_at_the_carry_input_and_writes_nothing() {
        // given
        fillFund();
        terms("", "", "1.5", "", "");
        CampaignProbes.awaitQuiet(pool);
        String tables = CampaignProbes.fingerprint(pool);

        // when
        byId("optimize").click();

        // then
        WebElement error = waitForElement(By.cssSelector(".field[data-field='fundTerms.carryRate'] .field-error"));
        assertThat(error.getAttribute("data-error-for")).isEqualTo("fundTerms.carryRate");
        assertThat(error.getText()).contains("less than 1");
        WebElement input = byId("carryRate");
        assertThat(input.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(input.getAttribute("aria-describedby")).isEqualTo(error.getAttribute("id"));
        assertThat(driver.findElements(By.cssSelector(".field-error"))).hasSize(1);
        assertThat(CampaignProbes.fingerprint(pool)).as("every table as before").isEqualTo(tables);
        assertThat(byId("results").getAttribute("data-state")).isEqualTo("empty");
    }

    @Test
    void a_one_period_result_shows_no_lp_view_and_says_why() {
        // given
        fillFund();
        new Select(byId("simModel")).selectByValue("three_component_v1");
        assertThat(byId("fund-terms").isDisplayed())
                .as("no terms to set for a model without time")
                .isFalse();
        driver.executeScript(WebPageFixtures.RECORD_CALLS);

        // when
        byId("optimize").click();

        // then
        waitFor(RUN_TIMEOUT, this::runFinished);
        assertThat(sentRequest().containsKey("fundTerms")).isFalse();
        assertThat(apiResult(byId("session-id").getText()).getJsonObject("fundMetrics"))
                .as("a one-period result has no fund metrics")
                .isNull();
        assertThat(byId("lp-panel").isDisplayed()).isFalse();
        assertThat(byId("lp-absent").isDisplayed()).isTrue();
        assertThat(byId("lp-absent").getText()).contains("No LP view", "one-period");
        assertThat(byId("form-error").getText()).isEmpty();
        assertThat(byId("allocation").getText()).doesNotContain("investable");
    }

    private void assertSummaryShows(JsonObject metrics, int column) {
        for (String path : Stream.of(LpView.MULTIPLES, LpView.SHARES, LpView.DOLLARS, List.of("netIrr.undefinedShare"))
                .flatMap(List::stream)
                .toList()) {
            assertThat(lp.cell(path, column))
                    .as("%s, column %d", path, column)
                    .isEqualTo(LpView.expected(metrics, path));
            Object raw = LpView.at(metrics, path);
            if (raw != null) {
                assertThat(lp.value(path, column)).as(path).isEqualTo(((Number) raw).doubleValue());
            }
        }
    }

    private void assertExportsCarryTheFundMetrics(JsonObject result) throws IOException {
        String id = result.getString("sessionId");
        Path csv = Browser.DOWNLOADS.resolve("allocation-" + id + ".csv");
        Path json = Browser.DOWNLOADS.resolve("allocation-" + id + ".json");
        Files.deleteIfExists(csv);
        Files.deleteIfExists(json);
        byId("export-csv").click();
        byId("export-json").click();
        waitFor(SHOWN, () -> Files.exists(csv) && Files.exists(json));
        JsonObject metrics = result.getJsonObject("fundMetrics");
        List<String> lines = Files.readAllLines(csv);
        List<String> head = List.of(lines.getFirst().split(","));
        assertThat(head).startsWith("bucketKey", "sector", "stage", "reserveOption", "weight", "dollars", "dealCount");
        String[] first = lines.get(1).split(",");
        assertThat(Double.parseDouble(first[head.indexOf("netTvpiP50")]))
                .isEqualTo(metrics.getJsonObject("netTvpi").getDouble("p50"));
        assertThat(Double.parseDouble(first[head.indexOf("investableCapital")]))
                .isEqualTo(metrics.getDouble("investableCapital"));
        JsonObject exported = new JsonObject(Files.readString(json));
        assertThat(exported.getJsonObject("fundMetrics")).isEqualTo(metrics);
        assertThat(exported.getJsonObject("outOfSampleFundMetrics"))
                .isEqualTo(result.getJsonObject("validationMetrics").getJsonObject("fundMetrics"));
    }

    /** A 3-bucket fund of 50M, 1,000 scenarios, 500 for validation; a loose loss limit so it is always feasible. */
    private void fillFund() {
        type(byId("fundSize"), "50000000");
        type(byId("scenarioCount"), "1000");
        type(byId("validationScenarios"), "500");
        type(byId("maxLossProbability"), "0.6");
        List<WebElement> rows = driver.findElements(BUCKET_ROWS);
        bucket(rows.get(0), "SaaS", "Seed", "1000000", "1");
        bucket(rows.get(1), "Fintech", "SeriesA", "3000000", "0.5");
        bucket(rows.get(2), "Health", "Seed", "1500000", "1");
    }

    /** Types the fund terms; a blank one stays blank (the API's default). */
    private void terms(String fee, String postFee, String carry, String hurdle, String catchUp) {
        type(byId("managementFeeRate"), fee);
        type(byId("postPeriodFeeRate"), postFee);
        type(byId("carryRate"), carry);
        type(byId("hurdleRate"), hurdle);
        type(byId("catchUp"), catchUp);
    }

    private void bucket(WebElement row, String sector, String stage, String check, String reserve) {
        steps.bucket(row, sector, stage, check, reserve);
    }

    private static JsonObject apiResult(String sessionId) {
        return PageDriver.apiResult(sessionId);
    }

    /** The body of the last optimization request the page sent (recorded by {@link WebPageFixtures#RECORD_CALLS}). */
    private JsonObject sentRequest() {
        return new JsonObject((String) driver.executeScript("""
                return window.calls.filter((c) => c[0] === '/api/optimization/request').map((c) => c[2]).at(-1);
                """));
    }

    /** The results, the histogram and the frontier all drawn: nothing of the run is still loading. */
    private boolean runFinished() {
        return finished("results") && finished("histogram") && finished("frontier");
    }

    private boolean finished(String id) {
        return steps.finished(id);
    }

    private void type(WebElement input, String text) {
        steps.type(input, text);
    }

    private WebElement byId(String id) {
        return steps.byId(id);
    }

    private WebElement waitForElement(By by) {
        return steps.waitForElement(by);
    }

    private void waitFor(Duration timeout, BooleanSupplier condition) {
        steps.waitFor(timeout, condition);
    }
}
