package dev.vcportfolio.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vcportfolio.platform.database.DatabaseTarget;
import dev.vcportfolio.support.ServiceProcess;
import dev.vcportfolio.support.SharedDatabase;
import dev.vcportfolio.support.TestDatabase;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The first run of DESIGN 17, as a newcomer meets it: the packaged jar on its embedded database with no tokens logs an
 * address whose page runs an optimization; a database of one's own ({@code DB_URL}) makes no local token. (A configured
 * token turning it off is checked where StartupIT starts the embedded default with tokens.)
 */
@ExtendWith(SharedDatabase.class)
class FirstRunIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(4);
    private static final Pattern ADDRESS = Pattern.compile("Open (http://localhost:(\\d+)/#token=([A-Za-z0-9_-]+))");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void the_logged_address_opens_a_page_that_runs_an_optimization() throws Exception {
        // given the README's first command: the packaged jar, the embedded database, no token configured
        Path data = Files.createTempDirectory("first-run").resolve("postgres");
        ChromeDriver driver = Browser.start(1280, 800);
        try (ServiceProcess service = ServiceProcess.launch(
                "first-run", Map.of("APP_EMBEDDED_DB_DIR", data.toString(), "APP_AUTH_TOKENS", ""))) {
            service.awaitReady(START_TIMEOUT);
            Matcher logged = ADDRESS.matcher(service.output());
            assertThat(logged.find())
                    .as("the start-up log names the page address")
                    .isTrue();
            String token = logged.group(3);
            assertThat(Integer.parseInt(logged.group(2))).isEqualTo(service.port());

            // when the newcomer opens it and presses Optimize on the page's example fund
            driver.get(logged.group(1));
            new WebDriverWait(driver, Duration.ofSeconds(10))
                    .until(d -> d.findElements(By.cssSelector("#bucket-rows tr.bucket-row"))
                                    .size()
                            == 3);
            assertThat(driver.getCurrentUrl())
                    .as("the token leaves the address bar")
                    .isEqualTo("http://localhost:" + service.port() + "/");
            assertThat(driver.findElement(By.id("token")).getAttribute("value")).isEqualTo(token);
            assertThat(driver.executeScript("return sessionStorage.getItem('vcportfolio.token');"))
                    .as("kept in the tab")
                    .isEqualTo(token);
            driver.findElement(By.id("optimize")).click();

            // then the run ends with the allocation table the API reports for that session
            new WebDriverWait(driver, RUN_TIMEOUT).until(d -> {
                String state = d.findElement(By.id("results")).getAttribute("data-state");
                assertThat(state)
                        .as("results: %s", d.findElement(By.id("form-error")).getText())
                        .isNotEqualTo("failed");
                return "done".equals(state);
            });
            String sessionId = driver.findElement(By.id("session-id")).getText();
            HttpResponse<String> result = get(service.uri("/api/optimization/result/" + sessionId), token);
            assertThat(result.statusCode()).isEqualTo(200);
            List<WebElement> rows = driver.findElements(By.cssSelector("#allocation tbody tr"));
            assertThat(rows)
                    .hasSize(new JsonObject(result.body())
                            .getJsonArray("allocation")
                            .size())
                    .isNotEmpty();
            Browser.screenshot(driver, "first-run-1280x800");
            assertThat(get(service.uri("/api/calibrations"), "not-the-token").statusCode())
                    .isEqualTo(401);
        } finally {
            driver.quit();
        }
    }

    @Test
    void a_database_of_ones_own_makes_no_local_token_and_the_api_stays_closed() throws Exception {
        // given
        DatabaseTarget database = TestDatabase.createDatabase("first_run_db_url");

        // when
        try (ServiceProcess service = ServiceProcess.launch(
                "first-run-db-url",
                Map.of(
                        "DB_URL", database.reactiveUrl(),
                        "DB_USER", database.user(),
                        "DB_PASSWORD", database.password(),
                        "APP_AUTH_TOKENS", ""))) {
            service.awaitReady(START_TIMEOUT);

            // then
            assertThat(service.output())
                    .contains("no API tokens configured: every /api call answers 401")
                    .doesNotContain("#token=", "First run");
            assertThat(get(service.uri("/api/calibrations"), null).statusCode()).isEqualTo(401);
        }
    }

    private static HttpResponse<String> get(URI uri, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
