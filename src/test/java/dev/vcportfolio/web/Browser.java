package dev.vcportfolio.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from Debian's {@code chromium} package, driven through Debian's {@code chromedriver}. Both paths are
 * given explicitly so Selenium Manager never looks for (or downloads) a browser or driver: a machine without them fails
 * here, loudly, instead of skipping the browser tests.
 */
final class Browser {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Path DOWNLOADS = Path.of("target", "browser-downloads").toAbsolutePath();

    private Browser() {}

    static ChromeDriver start(int width, int height) throws IOException {
        assertThat(CHROMIUM)
                .as("headless Chromium is needed for the web page tests: apt-get install -y chromium chromium-driver"
                        + " (.ci/run installs it)")
                .isExecutable();
        assertThat(CHROMEDRIVER)
                .as("chromedriver is needed for the web page tests: apt-get install -y chromium-driver"
                        + " (.ci/run installs it)")
                .isExecutable();
        Files.createDirectories(SCREENSHOTS);
        Files.createDirectories(DOWNLOADS);
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--lang=en-US",
                "--hide-scrollbars",
                "--window-size=" + width + "," + height);
        options.setExperimentalOption(
                "prefs",
                Map.of(
                        "download.default_directory",
                        DOWNLOADS.toString(),
                        "download.prompt_for_download",
                        false,
                        "intl.accept_languages",
                        "en-US"));
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        driver.executeCdpCommand(
                "Page.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", DOWNLOADS.toString()));
        return driver;
    }

    /**
     * Resizes the window so its viewport is exactly width x height (headless: the window is the viewport, or nearly).
     * The window's frame is measured as the window's size less the viewport's, after a resize has taken effect; a
     * window that had not yet taken the size once made the old arithmetic ask for width -480, so a frame is never
     * negative and the second attempt only corrects what the first left.
     */
    static void viewport(ChromeDriver driver, int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        for (int attempt = 0; attempt < 2; attempt++) {
            List<?> inner = (List<?>) ((JavascriptExecutor) driver).executeScript("return [innerWidth, innerHeight];");
            int innerWidth = ((Number) inner.get(0)).intValue();
            int innerHeight = ((Number) inner.get(1)).intValue();
            if (innerWidth == width && innerHeight == height) {
                return;
            }
            Dimension window = driver.manage().window().getSize();
            int frameWidth = Math.max(0, window.getWidth() - innerWidth);
            int frameHeight = Math.max(0, window.getHeight() - innerHeight);
            driver.manage().window().setSize(new Dimension(width + frameWidth, height + frameHeight));
        }
    }

    /** A screenshot of the viewport as it is. */
    static Path screenshot(ChromeDriver driver, String name) throws IOException {
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Path target = SCREENSHOTS.resolve(name + ".png");
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    /** The whole page at the given width: the viewport grown to the document's height, then restored. */
    static Path fullPage(ChromeDriver driver, String name, int width, int height) throws IOException {
        viewport(driver, width, height);
        long full = ((Number)
                        ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight;"))
                .longValue();
        viewport(driver, width, (int) Math.min(full, 12_000));
        try {
            return screenshot(driver, name);
        } finally {
            viewport(driver, width, height);
        }
    }
}
