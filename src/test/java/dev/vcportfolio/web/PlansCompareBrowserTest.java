package dev.vcportfolio.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vcportfolio.support.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The page's plans list and comparison (DESIGN 16) in headless Chromium against the running service: the list is the
 * API's list, a page at a time; a plan named on the form is listed once it completes; a comparison of two plans shows
 * the API's figures for each, the one input that differs and no other, and one series per plan in each chart.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlansCompareBrowserTest {

    private static final int WIDE = 1280;
    private static final int TALL = 800;
    /** Generous: an error, a list or a table shows well within a second; the bound only turns "never" into a failure. */
    private static final Duration SHOWN = Duration.ofSeconds(60);
    /** Generous: a run on the small stored matrix takes seconds; the bound only turns "never" into a failure. */
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(4);

    private static final By BUCKET_ROWS = By.cssSelector("#bucket-rows tr.bucket-row");
    private static final By PLAN_ROWS = By.cssSelector("#plans tbody tr");

    @TestHTTPResource("/")
    URL page;

    private ChromeDriver driver;
    private PageDriver steps;
    private ComparisonView comparison;
    private String matrixKey;
    /** The two plans compared: the same fund and matrix, loss limits 0.2 and 0.3. */
    private JsonObject tight;

    private JsonObject loose;
    /** Every plan made here, newest last. */
    private final List<String> made = new ArrayList<>();

    @BeforeAll
    void startBrowser() throws IOException {
        driver = Browser.start(WIDE, TALL);
        steps = new PageDriver(driver, SHOWN);
        comparison = new ComparisonView(driver);
    }

    /** Once, before the first test: RestAssured has the test port only from then on (not in BeforeAll). */
    private void makePlans() {
        matrixKey = WebPageFixtures.storedMatrix();
        String a = PlanFixtures.roundByRound("Compare: loss limit 20%", 0.2);
        String b = PlanFixtures.roundByRound("Compare: loss limit 30%", 0.3);
        String c = PlanFixtures.onStoredMatrix("Small plan C", matrixKey);
        String d = PlanFixtures.onStoredMatrix("Small plan D", matrixKey);
        String e = PlanFixtures.onStoredMatrix("Small plan E", matrixKey);
        made.addAll(List.of(a, b, c, d, e));
        tight = PlanFixtures.completed(a);
        loose = PlanFixtures.completed(b);
        for (String id : List.of(c, d, e)) {
            PlanFixtures.completed(id);
        }
    }

    @AfterAll
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @BeforeEach
    void openPage() {
        if (made.isEmpty()) {
            makePlans();
        }
        Browser.viewport(driver, WIDE, TALL);
        driver.get(page.toString());
        driver.executeScript("sessionStorage.clear();");
        driver.navigate().refresh();
        steps.waitFor(SHOWN, () -> driver.findElements(BUCKET_ROWS).size() == 3);
        steps.type(steps.byId("token"), TestTokens.TOKEN);
    }

    @Test
    void the_list_is_the_apis_newest_first_and_load_more_follows_the_cursor() throws IOException {
        // given two plans a page
        steps.type(steps.byId("plans-limit"), "2");

        // when the list is loaded, then twice more
        listed(2);
        more(4);
        more(6);

        // then the rows are the API's first six, in its order, with its names and figures
        List<JsonObject> api = PlanFixtures.newest(6);
        List<WebElement> rows = driver.findElements(PLAN_ROWS);
        assertThat(rows).hasSize(6);
        assertThat(rows.stream().map(r -> r.getAttribute("data-session")).toList())
                .isEqualTo(api.stream().map(p -> p.getString("sessionId")).toList());
        assertThat(rows.stream().map(r -> r.getAttribute("data-session")).filter(made::contains))
                .as("the plans made here are among the newest, newest first")
                .containsExactlyElementsOf(made.reversed());
        for (int i = 0; i < rows.size(); i++) {
            WebElement row = rows.get(i);
            JsonObject plan = api.get(i);
            String name = plan.getString("name");
            assertThat(row.findElement(By.cssSelector("th")).getText()).isEqualTo(name == null ? "(unnamed)" : name);
            assertThat(ComparisonView.number(
                            row.findElements(By.cssSelector("td")).get(3)))
                    .isEqualTo(plan.getDouble("expectedMoic"));
            assertThat(ComparisonView.number(
                            row.findElements(By.cssSelector("td")).get(4)))
                    .isEqualTo(plan.getDouble("netTvpi"));
        }
        assertThat(steps.byId("compare-run").isEnabled())
                .as("fewer than two ticked")
                .isFalse();
        Files.copy(
                steps.byId("plans-panel").getScreenshotAs(OutputType.FILE).toPath(),
                Path.of("/tmp/plans-list.png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void a_plan_named_on_the_form_is_sent_with_its_name_and_listed_first_once_it_completes() {
        // given a named plan on the small stored matrix
        listed(10);
        driver.executeScript(WebPageFixtures.RECORD_CALLS);
        steps.type(steps.byId("planName"), "  Page plan: base case  ");
        driver.findElement(By.cssSelector("input[name=source][value=stored]")).click();
        steps.type(steps.byId("matrixKey"), matrixKey);
        steps.type(steps.byId("fundSize"), "20000000");
        steps.type(steps.byId("validationScenarios"), "200");

        // when
        steps.byId("optimize").click();

        // then the request carried the trimmed name, and the refreshed list starts with the completed plan
        steps.waitFor(RUN_TIMEOUT, () -> steps.finished("results"));
        String id = steps.byId("session-id").getText();
        assertThat(sentRequest().getString("name")).isEqualTo("Page plan: base case");
        assertThat(steps.byId("result-name").getText()).isEqualTo("Page plan: base case");
        steps.waitFor(SHOWN, () -> {
            WebElement first = driver.findElements(PLAN_ROWS).getFirst();
            return id.equals(first.getAttribute("data-session"))
                    && "COMPLETED".equals(first.getAttribute("data-status"));
        });
        assertThat(driver.findElements(PLAN_ROWS)
                        .getFirst()
                        .findElement(By.cssSelector("th"))
                        .getText())
                .isEqualTo("Page plan: base case");
    }

    @Test
    void a_completed_plan_opens_in_the_results_view_and_its_report_opens_with_the_token() {
        // given
        listed(10);
        WebElement row = planRow(tight.getString("sessionId"));

        // when
        row.findElement(By.cssSelector("button.plan-open")).click();

        // then its result is shown, and its report opens in a new tab from the fetched document
        steps.waitFor(
                SHOWN,
                () -> tight.getString("sessionId")
                                .equals(steps.byId("session-id").getText())
                        && steps.finished("results"));
        assertThat(steps.byId("result-name").getText()).isEqualTo("Compare: loss limit 20%");
        assertThat(Double.parseDouble(driver.findElement(By.cssSelector("#allocation tbody tr"))
                        .getAttribute("data-weight")))
                .isEqualTo(tight.getJsonArray("allocation").getJsonObject(0).getDouble("weight"));
        String here = driver.getWindowHandle();
        driver.executeScript(WebPageFixtures.RECORD_CALLS);
        planRow(tight.getString("sessionId"))
                .findElement(By.cssSelector("button.report"))
                .click();
        steps.waitFor(SHOWN, () -> driver.getWindowHandles().size() == 2);
        String report = driver.getWindowHandles().stream()
                .filter(h -> !h.equals(here))
                .findFirst()
                .orElseThrow();
        List<?> calls = (List<?>) driver.executeScript("return window.calls.filter((c) => c[0].endsWith('/report'));");
        assertThat(calls).hasSize(1);
        List<?> call = (List<?>) calls.getFirst();
        assertThat(call.get(0)).isEqualTo("/api/optimization/result/" + tight.getString("sessionId") + "/report");
        assertThat(call.get(1)).isEqualTo(TestTokens.bearer(TestTokens.TOKEN));
        driver.switchTo().window(report);
        try {
            assertThat(driver.getCurrentUrl()).startsWith("blob:");
            steps.waitFor(SHOWN, () -> driver.getPageSource().contains("Compare: loss limit 20%"));
        } finally {
            driver.close();
            driver.switchTo().window(here);
        }
    }

    @Test
    void comparing_two_plans_shows_the_apis_figures_and_only_the_input_that_differs() throws IOException {
        // given the two plans that differ only in their loss limit, ticked
        assertThat(tight.getString("matrixKey")).isEqualTo(loose.getString("matrixKey"));
        assertThat(lossLimit(tight).getBoolean("relaxed") || lossLimit(loose).getBoolean("relaxed"))
                .as("neither loss limit was relaxed")
                .isFalse();
        listed(10);
        List<JsonObject> plans = List.of(loose, tight); // the list's order: newest first
        for (JsonObject plan : plans) {
            planRow(plan.getString("sessionId"))
                    .findElement(By.cssSelector("input[type=checkbox]"))
                    .click();
        }

        // when
        steps.byId("compare-run").click();

        // then
        steps.waitFor(SHOWN, () -> steps.finished("compare-panel"));
        List<WebElement> inputs = driver.findElements(By.cssSelector("#compare-inputs tbody tr"));
        assertThat(inputs.stream().map(r -> r.getAttribute("data-input")))
                .as("only the loss limit differs")
                .containsExactly("limit.lossProbability|");
        assertThat(ComparisonView.cells(inputs.getFirst()).stream().map(WebElement::getText))
                .containsExactly("30.00%", "20.00%");
        assertThat(ComparisonView.cells(inputs.getFirst()).stream().map(ComparisonView::number))
                .containsExactly(0.3, 0.2);
        comparison.assertAllocations(plans);
        comparison.assertMetrics(plans);
        comparison.assertCharts(plans);
        WebElement panel = steps.byId("compare-panel");
        Browser.viewport(driver, WIDE, Math.min(12_000, panel.getSize().getHeight() + 200));
        Files.copy(
                panel.getScreenshotAs(OutputType.FILE).toPath(),
                Path.of("/tmp/plans-compare.png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void a_fifth_plan_is_refused_and_fewer_than_two_cannot_be_compared() {
        // given four completed plans ticked
        listed(10);
        List<WebElement> boxes = driver.findElements(By.cssSelector("#plans tbody input[type=checkbox]:enabled"));
        assertThat(boxes).hasSizeGreaterThanOrEqualTo(5);
        boxes.getFirst().click();
        assertThat(steps.byId("compare-run").isEnabled()).as("one ticked").isFalse();
        for (WebElement box : boxes.subList(1, 4)) {
            box.click();
        }
        assertThat(steps.byId("compare-run").isEnabled()).isTrue();

        // when
        boxes.get(4).click();

        // then
        assertThat(boxes.get(4).isSelected()).isFalse();
        assertThat(boxes.subList(0, 4)).allMatch(WebElement::isSelected);
        WebElement note = steps.byId("plans-select-note");
        assertThat(note.getAttribute("data-refused")).isEqualTo("true");
        assertThat(note.getText()).startsWith("At most 4 plans can be compared");
        assertThat(steps.byId("compare-run").getText()).isEqualTo("Compare selected (4)");
    }

    @Test
    void a_name_too_long_shows_the_servers_error_at_the_name_input() {
        // given
        steps.type(steps.byId("planName"), "x".repeat(121));

        // when
        steps.byId("optimize").click();

        // then
        WebElement error = steps.waitForElement(By.cssSelector(".field[data-field='name'] .field-error"));
        assertThat(error.getText()).isEqualTo("must be at most 120 characters after trimming");
        assertThat(steps.byId("planName").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(steps.byId("results").getAttribute("data-state")).isEqualTo("empty");
    }

    /** Refreshes the list and waits for its first page: {@code count} rows, or fewer and no more to load. */
    private void listed(int count) {
        steps.byId("plans-refresh").click();
        steps.waitFor(SHOWN, () -> steps.finished("plans-panel") && shows(count));
    }

    /** Loads the next page and waits for {@code count} rows in all. */
    private void more(int count) {
        assertThat(steps.byId("plans-more").isDisplayed())
                .as("a next page is offered")
                .isTrue();
        steps.byId("plans-more").click();
        steps.waitFor(SHOWN, () -> steps.finished("plans-panel") && shows(count));
    }

    private boolean shows(int count) {
        int rows = driver.findElements(PLAN_ROWS).size();
        return rows == count || (rows < count && !steps.byId("plans-more").isDisplayed());
    }

    private WebElement planRow(String sessionId) {
        return driver.findElement(By.cssSelector("#plans tbody tr[data-session='" + sessionId + "']"));
    }

    private static JsonObject lossLimit(JsonObject result) {
        for (Object o : result.getJsonArray("constraintReport")) {
            JsonObject row = (JsonObject) o;
            if ("lossProbability".equals(row.getString("constraint"))) {
                return row;
            }
        }
        throw new AssertionError("no loss limit in " + result.getJsonArray("constraintReport"));
    }

    private JsonObject sentRequest() {
        List<?> calls = (List<?>)
                driver.executeScript("return window.calls.filter((c) => c[0] === '/api/optimization/request');");
        assertThat(calls).hasSize(1);
        return new JsonObject((String) ((List<?>) calls.getFirst()).get(2));
    }
}
