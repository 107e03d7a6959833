package dev.vcportfolio.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The page at {@code /} in a real (headless) Chromium against the running service: a fund is filled in, optimized to
 * completion, and what the page shows is checked against the API's own answer.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebPageBrowserTest {

    private static final int WIDE = 1280;
    private static final int TALL = 800;
    private static final int NARROW = 400;
    /**
     * Generous: a run through the page (generation, optimization, validation, charts) takes seconds. The bound only
     * turns a run that never finishes into a failure.
     */
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(4);

    /**
     * Generous: the page shows a table, an error, a redrawn chart or a download well within a second. The bound only
     * turns what never shows into a failure.
     */
    private static final Duration SHOWN = Duration.ofSeconds(60);

    /** The bucket rows of the form, without the detail row under each. */
    private static final By BUCKET_ROWS = By.cssSelector("#bucket-rows tr.bucket-row");

    @TestHTTPResource("/")
    URL page;

    @Inject
    Pool pool;

    private ChromeDriver driver;
    private PageDriver steps;
    private BucketDetails details;

    @BeforeAll
    void startBrowser() throws IOException {
        driver = Browser.start(WIDE, TALL);
        steps = new PageDriver(driver, SHOWN);
        details = new BucketDetails(driver);
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
        // every /api call needs a token now; the full run re-types it to check the page keeps what is typed
        type(byId("token"), TestTokens.TOKEN);
    }

    @Test
    void negative_fund_size_shows_the_servers_error_next_to_the_fund_size_field() throws IOException {
        // given
        fillFund();
        type(byId("fundSize"), "-5");

        // when the form is sent from the keyboard
        byId("fundSize").sendKeys(Keys.ENTER);

        // then
        WebElement error = waitForElement(By.cssSelector(".field[data-field='fundSize'] .field-error"));
        assertThat(error.getText()).contains("must be greater than 0");
        WebElement input = byId("fundSize");
        assertThat(input.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(input.getAttribute("aria-describedby")).isEqualTo(error.getAttribute("id"));
        assertThat(error.findElement(By.xpath("..")).findElement(By.id("fundSize")))
                .as("the error sits in the field's own box")
                .isNotNull();
        assertThat(error.getLocation().getY()).isGreaterThan(input.getLocation().getY());
        assertThat(byId("results").getAttribute("data-state")).isEqualTo("empty");
        Browser.screenshot(driver, "field-error-1280x800");
    }

    @Test
    void sector_bound_min_above_max_shows_the_servers_error_under_that_sector_row() {
        // given
        fillFund();
        WebElement row = sectorBound("Fintech", "0.7", "0.2");

        // when
        byId("optimize").click();

        // then
        WebElement error = waitForElement(By.cssSelector("#sector-rows tr.error-row .field-error"));
        assertThat(error.getAttribute("data-error-for")).isEqualTo("constraints.sectorBounds.Fintech");
        assertThat(error.getText()).contains("exceeds max");
        WebElement errorRow = row.findElement(By.xpath("following-sibling::tr[1]"));
        assertThat(errorRow.getAttribute("class")).contains("error-row");
        assertThat(row.findElement(By.cssSelector("[data-role=min]")).getAttribute("aria-invalid"))
                .isEqualTo("true");
    }

    @Test
    void optimization_runs_to_completion_and_the_page_shows_the_apis_result() throws IOException {
        // given
        fillFund();
        type(byId("maxLossProbability"), "0.5");
        type(byId("cvarLimit"), "0.7");
        type(byId("cvarConfidence"), "0.9");
        type(byId("bucketMaxWeight"), "0.6");
        sectorBound("Fintech", "0.1", "0.6");
        driver.findElement(By.cssSelector("#stage-rows tr[data-stage=Seed] [data-role=max]"))
                .sendKeys("0.9");
        type(byId("token"), TestTokens.TOKEN);
        byId("fundSize").click();
        driver.executeScript(WebPageFixtures.RECORD_CALLS);

        // when
        byId("optimize").click();

        // then the progress bar shows, and the run ends with every part drawn
        assertThat(byId("progress-box").isDisplayed()).isTrue();
        waitFor(RUN_TIMEOUT, () -> finished("results") && finished("histogram") && finished("frontier"));
        String sessionId = byId("session-id").getText();
        JsonObject result = apiResult(sessionId);
        assertThat(byId("progress").getAttribute("value")).isEqualTo("100");
        assertEveryApiCallCarriedTheToken();
        assertAllocationTableMatches(result.getJsonArray("allocation"));
        assertChartsDrawn(result.getJsonArray("allocation"), 2000);
        assertThat(driver.findElements(By.cssSelector("#constraints tbody tr")))
                .hasSize(result.getJsonArray("constraintReport").size());
        assertThat(driver.findElements(By.cssSelector("#constraints tr.binding, #constraints tr.slack")))
                .isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("#relaxations li"))).isNotEmpty();
        assertThat(byId("metrics").getText()).contains("In sample", "Out of sample", "Greedy baseline");
        assertSensitivityMatches(result.getJsonArray("sensitivity"));

        assertExportsMatch(result);
        assertEvaluationComparesWithTheOptimum(result.containsKey("fundMetrics"));
        assertThat(driver.executeScript(WebPageFixtures.UNLABELLED))
                .as("form controls without a label")
                .isEqualTo(List.of());

        driver.executeScript("window.scrollTo(0, 0);");
        Browser.screenshot(driver, "page-1280x800");
        driver.executeScript("document.getElementById('results').scrollIntoView();");
        Browser.screenshot(driver, "results-1280x800");
        Browser.fullPage(driver, "page-1280-full", WIDE, TALL);

        Browser.viewport(driver, NARROW, TALL);
        waitFor(SHOWN, () -> chartWidth("histogram") < 400 && chartWidth("frontier") < 400);
        assertThat((Long) driver.executeScript("return document.documentElement.scrollWidth;"))
                .as(
                        "no sideways scrolling on a narrow screen; too wide: %s",
                        driver.executeScript(WebPageFixtures.TOO_WIDE))
                .isLessThanOrEqualTo(NARROW);
        driver.executeScript("window.scrollTo(0, 0);");
        Browser.screenshot(driver, "page-400x800");
        Browser.fullPage(driver, "page-400-full", NARROW, TALL);
    }

    @Test
    void stored_matrix_with_a_winners_floor_out_of_reach_shows_the_relaxation_in_plain_words() {
        // given a stored 3-bucket matrix with no 10x cell, so no allocation can expect any winner
        String key = WebPageFixtures.storedMatrix();
        driver.findElement(By.cssSelector("input[name=source][value=stored]")).click();
        type(byId("matrixKey"), key);
        type(byId("fundSize"), "20000000");
        type(byId("validationScenarios"), "200");
        type(byId("minExpectedWinners"), "5");

        // when
        byId("optimize").click();

        // then
        waitFor(RUN_TIMEOUT, () -> finished("results") && finished("histogram") && finished("frontier"));
        assertThat(byId("result-matrix").getText()).isEqualTo(key);
        assertThat(driver.findElements(By.cssSelector("#constraints tr.relaxed[data-constraint=expectedWinners]")))
                .hasSize(1);
        List<WebElement> log = driver.findElements(By.cssSelector("#relaxations li"));
        assertThat(log).hasSize(1);
        assertThat(log.getFirst().getText()).containsIgnoringCase("winners");
        int bins = driver.findElements(By.cssSelector("#histogram svg rect.bin")).stream()
                .mapToInt(b -> Integer.parseInt(b.getAttribute("data-count")))
                .sum();
        assertThat(bins).isEqualTo(10);
    }

    @Test
    void reserve_options_and_a_fixed_follow_on_run_to_an_allocation_table_with_the_option_rows() throws IOException {
        // given a round-by-round fund (the page's default model): SaaS Seed offers no reserve or 1x pro rata for the
        // optimizer to choose from; Fintech Series A follows on with fixed half-size cheques for two rounds
        fillFund();
        assertThat(new Select(byId("simModel")).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("round_by_round_v1");
        type(byId("investmentPeriodYears"), "3");
        details.toggle(0);
        details.addOption(0, "none", "0");
        details.addOption(0, "proRata", "1");
        details.toggle(1);
        details.followOn("buckets[1]", "fixed", "0.5", "", "2");
        type(byId("maxLossProbability"), "0.6");
        driver.executeScript(WebPageFixtures.RECORD_CALLS);

        // when
        byId("optimize").click();

        // then the page sent what was typed, and shows the API's allocation, option rows included
        waitFor(RUN_TIMEOUT, () -> finished("results") && finished("histogram") && finished("frontier"));
        JsonObject sent = details.sentRequest();
        assertThat(sent.getString("simModel")).isEqualTo("round_by_round_v1");
        assertThat(sent.getJsonObject("fund").getDouble("investmentPeriodYears"))
                .isEqualTo(3);
        assertThat(sent.getJsonObject("fund").getInteger("termYears")).isEqualTo(10);
        assertThat(sent.getJsonObject("fund").getInteger("extensionYears")).isEqualTo(2);
        JsonObject saas = sent.getJsonArray("buckets").getJsonObject(0);
        assertThat(saas.containsKey("followOn"))
                .as("a follow-on beside options is refused")
                .isFalse();
        assertThat(saas.getJsonArray("reserveOptions"))
                .isEqualTo(new JsonArray()
                        .add(new JsonObject(Map.of("name", "none", "reserveRatio", 0)))
                        .add(new JsonObject(Map.of("name", "proRata", "reserveRatio", 1))));
        assertThat(sent.getJsonArray("buckets").getJsonObject(1).getJsonObject("followOn"))
                .isEqualTo(new JsonObject(Map.of("mode", "fixed", "multiple", 0.5, "rounds", 2)));
        String sessionId = byId("session-id").getText();
        JsonObject result = apiResult(sessionId);
        JsonArray allocation = result.getJsonArray("allocation");
        assertThat(allocation.stream().map(row -> ((JsonObject) row).getString("bucketKey")))
                .containsExactlyInAnyOrder("Fintech|SeriesA", "Health|Seed", "SaaS|Seed|none", "SaaS|Seed|proRata");
        assertThat(matrixSource(result)).isEqualTo("round_by_round_v1");
        assertAllocationTableMatches(allocation);
        assertChartsDrawn(allocation, 2000);
        assertThat(byId("allocation-chart").getText()).contains("SaaS · Seed · none", "SaaS · Seed · proRata");
        assertThat(details.detailRows().getFirst().getText()).contains("2 reserve options");
        Browser.fullPage(driver, "reserve-options-1280-full", WIDE, TALL);
    }

    @Test
    void a_negative_option_reserve_ratio_shows_the_servers_error_at_that_input_and_writes_nothing() {
        // given
        fillFund();
        details.toggle(0);
        details.addOption(0, "none", "0");
        String heavy = details.addOption(0, "heavy", "-1");
        CampaignProbes.awaitQuiet(pool);
        String tables = CampaignProbes.fingerprint(pool);

        // when
        byId("optimize").click();

        // then
        WebElement error = waitForElement(By.cssSelector("[data-error-for='" + heavy + ".reserveRatio']"));
        assertThat(error.getText()).contains("greater than or equal to 0");
        WebElement input = details.field(heavy + ".reserveRatio");
        assertThat(input.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(input.getAttribute("aria-describedby")).isEqualTo(error.getAttribute("id"));
        assertThat(error.findElement(By.xpath("..")).findElements(By.cssSelector("input")))
                .as("the error sits in the input's own box")
                .containsExactly(input);
        assertThat(details.field("buckets[0].reserveOptions[0].reserveRatio").getAttribute("aria-invalid"))
                .isNull();
        assertThat(driver.findElements(By.cssSelector(".field-error"))).hasSize(1);
        assertThat(CampaignProbes.fingerprint(pool)).as("every table as before").isEqualTo(tables);
        assertThat(byId("results").getAttribute("data-state")).isEqualTo("empty");
    }

    @Test
    void a_duplicate_option_name_opens_the_closed_details_at_that_name_and_writes_nothing() throws IOException {
        // given two options of one name, their details closed again
        fillFund();
        details.toggle(0);
        details.addOption(0, "proRata", "1");
        String twin = details.addOption(0, "proRata", "2");
        details.toggle(0);
        assertThat(details.open(0)).isFalse();
        CampaignProbes.awaitQuiet(pool);
        String tables = CampaignProbes.fingerprint(pool);

        // when
        byId("optimize").click();

        // then
        WebElement error = waitForElement(By.cssSelector("[data-error-for='" + twin + ".name']"));
        assertThat(error.getText()).contains("duplicate reserve option proRata");
        assertThat(details.open(0)).isTrue();
        assertThat(driver.switchTo().activeElement().getAttribute("data-field")).isEqualTo(twin + ".name");
        assertThat(details.field(twin + ".name").getAttribute("aria-describedby"))
                .isEqualTo(error.getAttribute("id"));
        assertThat(CampaignProbes.fingerprint(pool)).as("every table as before").isEqualTo(tables);
        Browser.screenshot(driver, "option-error-1280x800");
    }

    @Test
    void the_one_period_model_sends_no_round_by_round_fields_and_runs_to_completion() {
        // given a fund whose first bucket has options and an entry valuation, then the one-period model chosen
        fillFund();
        details.toggle(0);
        details.addOption(0, "none", "0");
        details.addOption(0, "proRata", "1");
        type(details.field("buckets[0].entryValuation"), "20000000");
        details.model("three_component_v1");
        assertThat(byId("timeline").isDisplayed()).isFalse();
        assertThat(details.detailRows()).noneMatch(WebElement::isDisplayed);
        driver.executeScript(WebPageFixtures.RECORD_CALLS);

        // when
        byId("optimize").click();

        // then
        waitFor(RUN_TIMEOUT, () -> finished("results") && finished("histogram") && finished("frontier"));
        JsonObject sent = details.sentRequest();
        assertThat(sent.getString("simModel")).isEqualTo("three_component_v1");
        assertThat(sent.containsKey("fund")).isFalse();
        for (Object bucket : sent.getJsonArray("buckets")) {
            assertThat(((JsonObject) bucket).fieldNames())
                    .containsExactlyInAnyOrder("sector", "stage", "initialCheck", "reserveRatio");
        }
        JsonObject result = apiResult(byId("session-id").getText());
        JsonArray allocation = result.getJsonArray("allocation");
        assertThat(allocation.stream().map(row -> ((JsonObject) row).getString("bucketKey")))
                .containsExactlyInAnyOrder("SaaS|Seed", "Fintech|SeriesA", "Health|Seed");
        assertThat(matrixSource(result)).isEqualTo("three_component_v1");
        assertAllocationTableMatches(allocation);
    }

    private static JsonObject apiResult(String sessionId) {
        return PageDriver.apiResult(sessionId);
    }

    /** The model that generated a result's matrix ({@code source} of its metadata). */
    private static String matrixSource(JsonObject result) {
        return given().get("/api/matrices/" + result.getString("matrixKey"))
                .then()
                .statusCode(200)
                .extract()
                .path("source");
    }

    /** What the allocation table shows for a row key: the bucket, then the reserve option when the row is one. */
    private static String heading(String key) {
        String[] parts = key.split("\\|");
        String bucket = parts[0] + " · " + parts[1];
        return parts.length == 2 ? bucket : bucket + " reserve option " + parts[2];
    }

    private void assertEveryApiCallCarriedTheToken() {
        @SuppressWarnings("unchecked")
        List<List<String>> calls = (List<List<String>>) driver.executeScript("return window.calls;");
        assertThat(calls).extracting(call -> call.get(0)).contains("/api/optimization/request");
        assertThat(calls).allSatisfy(call -> {
            assertThat(call.get(0)).startsWith("/api/");
            assertThat(call.get(1)).isEqualTo("Bearer " + TestTokens.TOKEN);
        });
        assertThat(driver.executeScript("return sessionStorage.getItem('vcportfolio.token');"))
                .isEqualTo(TestTokens.TOKEN);
    }

    /** "What each limit costs you": one row per limit in force, its gain as the API gives it. */
    private void assertSensitivityMatches(JsonArray sensitivity) {
        assertThat(sensitivity).isNotEmpty();
        List<WebElement> rows = driver.findElements(By.cssSelector("#sensitivity tbody tr"));
        assertThat(rows).hasSize(sensitivity.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonObject expected = sensitivity.getJsonObject(i);
            assertThat(rows.get(i).getAttribute("data-constraint")).isEqualTo(expected.getString("constraint"));
            assertThat(Double.parseDouble(rows.get(i).getAttribute("data-gain")))
                    .isEqualTo(expected.getDouble("expectedMultipleGain"));
            assertThat(rows.get(i).getText()).contains(expected.getBoolean("proven") ? "yes" : "no");
        }
    }

    private void assertAllocationTableMatches(JsonArray allocation) {
        List<WebElement> rows = driver.findElements(By.cssSelector("#allocation tbody tr"));
        assertThat(rows).hasSize(allocation.size());
        for (int i = 0; i < rows.size(); i++) {
            WebElement row = rows.get(i);
            JsonObject expected = allocation.getJsonObject(i);
            assertThat(row.getAttribute("data-bucket")).isEqualTo(expected.getString("bucketKey"));
            assertThat(Double.parseDouble(row.getAttribute("data-weight"))).isEqualTo(expected.getDouble("weight"));
            assertThat(Double.parseDouble(row.getAttribute("data-dollars"))).isEqualTo(expected.getDouble("dollars"));
            List<WebElement> cells = row.findElements(By.cssSelector("th, td"));
            assertThat(cells.get(0).getText().replaceAll("\\s+", " "))
                    .isEqualTo(heading(expected.getString("bucketKey")));
            // deals first: what a fund manager decides
            assertThat(cells.get(1).getText()).isEqualTo(String.valueOf(expected.getLong("dealCount")));
            assertThat(cells.get(2).getText()).startsWith("$");
            assertThat(Long.parseLong(cells.get(2).getText().replaceAll("[^0-9]", "")))
                    .isEqualTo(Math.round(expected.getDouble("dollars")));
            assertThat(cells.get(3).getText()).endsWith("%");
            assertThat(Double.parseDouble(cells.get(3).getText().replaceAll("[^0-9.]", "")))
                    .isCloseTo(expected.getDouble("weight") * 100, within(0.005 + 1e-9));
        }
    }

    private void assertChartsDrawn(JsonArray allocation, int scenarios) {
        List<WebElement> bars = driver.findElements(By.cssSelector("#allocation-chart svg rect.bar"));
        assertThat(bars).hasSize(allocation.size());
        for (int i = 0; i < bars.size(); i++) {
            assertThat(Double.parseDouble(bars.get(i).getAttribute("data-value")))
                    .isEqualTo(allocation.getJsonObject(i).getDouble("weight"));
        }
        assertThat(byId("allocation-chart").getText()).contains("Share of the fund (%)");

        List<WebElement> bins = driver.findElements(By.cssSelector("#histogram svg rect.bin"));
        assertThat(bins).hasSizeGreaterThan(10);
        int counted = bins.stream()
                .mapToInt(b -> Integer.parseInt(b.getAttribute("data-count")))
                .sum();
        assertThat(counted)
                .as("every scenario's portfolio MOIC is in the histogram")
                .isEqualTo(scenarios);
        assertThat(driver.findElements(By.cssSelector("#histogram svg > line.loss-threshold")))
                .hasSize(1);
        assertThat(driver.findElements(By.cssSelector("#histogram svg > rect.cvar-tail")))
                .hasSize(1);
        assertThat(byId("histogram").getText()).contains("Portfolio MOIC", "Share of scenarios (%)", "CVaR tail");

        assertThat(driver.findElements(By.cssSelector("#frontier svg circle.point")))
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(driver.findElements(By.cssSelector("#frontier svg .marker.chosen")))
                .hasSize(1);
        assertThat(byId("frontier").getText()).contains("Expected MOIC (×)", "CVaR");
    }

    private void assertExportsMatch(JsonObject result) throws IOException {
        String id = result.getString("sessionId");
        Path csv = Browser.DOWNLOADS.resolve("allocation-" + id + ".csv");
        Path json = Browser.DOWNLOADS.resolve("allocation-" + id + ".json");
        Files.deleteIfExists(csv);
        Files.deleteIfExists(json);
        byId("export-csv").click();
        byId("export-json").click();
        waitFor(SHOWN, () -> Files.exists(csv) && Files.exists(json));
        JsonArray allocation = result.getJsonArray("allocation");
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.getFirst())
                .as("the per-bucket columns first, as before; the portfolio's LP figures after them")
                .startsWith("bucketKey,sector,stage,reserveOption,weight,dollars,dealCount,");
        assertThat(lines).hasSize(allocation.size() + 1);
        for (int i = 0; i < allocation.size(); i++) {
            String[] cells = lines.get(i + 1).split(",");
            assertThat(cells[0]).isEqualTo(allocation.getJsonObject(i).getString("bucketKey"));
            assertThat(Double.parseDouble(cells[4]))
                    .isEqualTo(allocation.getJsonObject(i).getDouble("weight"));
            assertThat(Double.parseDouble(cells[5]))
                    .isEqualTo(allocation.getJsonObject(i).getDouble("dollars"));
        }
        assertThat(new JsonObject(Files.readString(json)).getJsonArray("allocation"))
                .isEqualTo(allocation);
    }

    private void assertEvaluationComparesWithTheOptimum(boolean net) {
        List<WebElement> weights = driver.findElements(By.cssSelector("#current-weights input"));
        assertThat(weights).hasSize(3);
        type(weights.get(0), "50");
        type(weights.get(1), "30");
        type(weights.get(2), "20");
        byId("evaluate").click();
        waitFor(SHOWN, () -> byId("comparison").isDisplayed());
        // with fund metrics (round by round), net TVPI mean and P50 and net IRR P50 as well
        assertThat(driver.findElements(By.cssSelector("#comparison tbody tr"))).hasSize(net ? 8 : 5);
        assertThat(driver.findElements(By.cssSelector("#comparison tbody tr.net")))
                .hasSize(net ? 3 : 0);
        assertThat(byId("comparison").getText()).contains("My allocation", "Optimum");
        assertThat(driver.findElements(By.cssSelector("#frontier svg .marker.mine")))
                .hasSize(1);
    }

    /** A 3-bucket fund, 2,000 scenarios, 1,000 for validation. */
    private void fillFund() {
        type(byId("fundSize"), "50000000");
        type(byId("scenarioCount"), "2000");
        type(byId("validationScenarios"), "1000");
        List<WebElement> rows = driver.findElements(BUCKET_ROWS);
        bucket(rows.get(0), "SaaS", "Seed", "1000000", "1");
        bucket(rows.get(1), "Fintech", "SeriesA", "3000000", "0.5");
        bucket(rows.get(2), "Health", "Seed", "1500000", "1");
    }

    private void bucket(WebElement row, String sector, String stage, String check, String reserve) {
        steps.bucket(row, sector, stage, check, reserve);
    }

    private WebElement sectorBound(String sector, String min, String max) {
        byId("add-sector").click();
        List<WebElement> rows = driver.findElements(By.cssSelector("#sector-rows tr.sector-row"));
        WebElement row = rows.getLast();
        type(row.findElement(By.cssSelector("[data-role=sector]")), sector);
        type(row.findElement(By.cssSelector("[data-role=min]")), min);
        type(row.findElement(By.cssSelector("[data-role=max]")), max);
        return row;
    }

    /** The width the chart was drawn for (its viewBox), which follows the figure's width. */
    private int chartWidth(String figure) {
        return ((Number) driver.executeScript(
                        "return document.querySelector(arguments[0]).viewBox.baseVal.width;", "#" + figure + " svg"))
                .intValue();
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
