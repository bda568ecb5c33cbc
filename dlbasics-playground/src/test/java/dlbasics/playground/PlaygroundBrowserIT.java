package dlbasics.playground;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The page in a real browser: headless Debian Chromium, driven by Selenium through
 * /usr/bin/chromedriver, opens the playground, trains the flower with 4 hidden units and sees the
 * training accuracy pass 85 % and the decision-boundary picture change, then saves the model. The screenshot is kept as
 * {@code target/playground.png}. Skipped when chromium or chromedriver is missing, except in CI.
 */
class PlaygroundBrowserIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Selenium's own loggers; kept as fields so the levels stick (java.util.logging holds loggers weakly). */
    private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

    @TempDir
    Path profile;
    @TempDir
    Path models;
    private PlaygroundServer server;
    private WebDriver driver;
    private ChromeDriverService service;

    @BeforeEach
    void start() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!"true".equals(System.getenv("CI"))) {
            assumeTrue(present, "chromium or chromedriver is not installed (apt-get install chromium chromium-driver); skipping the browser test");
        }
        SELENIUM_LOG.setLevel(Level.OFF);
        server = PlaygroundServer.start(PlaygroundConfig.loopback().withSaveDir(models));
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1100", "--user-data-dir=" + profile.toAbsolutePath());
        driver = new ChromeDriver(service, options);
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (server != null) {
            server.close();
        }
    }

    private String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    private String boundaryPixels() {
        return (String) ((JavascriptExecutor) driver).executeScript("return document.getElementById('boundary').toDataURL()");
    }

    private static void waitFor(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    /** Picks an option of a select as a user does: the value changes and a change event fires. */
    private void choose(String id, String value) {
        ((JavascriptExecutor) driver).executeScript(
                "const e = document.getElementById(arguments[0]); e.value = arguments[1]; e.dispatchEvent(new Event('change'));", id, value);
    }

    private double trainAccuracy() {
        String t = text("train-accuracy").replace("%", "").trim();
        return t.isEmpty() || t.equals("–") ? -1 : Double.parseDouble(t);
    }

    @Test
    void trainsTheFlowerWithFourHiddenUnits() throws IOException, InterruptedException {
        driver.get(server.url());
        waitFor("the first frame", Duration.ofSeconds(20), () -> trainAccuracy() >= 0);
        assertEquals("4", driver.findElement(By.id("hidden")).getAttribute("value"));
        assertEquals("flower", driver.findElement(By.id("data")).getAttribute("value"));
        assertEquals(4, driver.findElements(By.cssSelector("#units canvas")).size(), "one picture per hidden unit");
        String before = boundaryPixels();
        assertTrue(text("command").startsWith("dlbasics train --data flower --test-split 0.2 --model shallow --hidden 4"), text("command"));

        choose("speed", "max");
        driver.findElement(By.id("start")).click();
        waitFor("a training accuracy above 85 %", Duration.ofSeconds(40), () -> trainAccuracy() > 85);
        // a little longer, for a cost curve worth a screenshot
        waitFor("2500 updates", Duration.ofSeconds(30), () -> Integer.parseInt(text("iteration").replace(",", "")) >= 2500);
        driver.findElement(By.id("pause")).click();
        waitFor("the pause", Duration.ofSeconds(5), () -> text("status").equals("ready"));

        assertNotEquals(before, boundaryPixels(), "the decision boundary picture changed");
        int iteration = Integer.parseInt(text("iteration").replace(",", ""));
        assertTrue(iteration > 0);
        assertTrue(text("command").contains("--iterations " + iteration), text("command"));
        assertTrue(driver.findElement(By.id("train-line")).getAttribute("d").startsWith("M"), "the cost curve is drawn");
        assertEquals("", text("message"), "no error shown");

        byte[] png = ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES);
        Path shot = Path.of("target", "playground.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, png);
        assertTrue(png.length > 10_000, "a real screenshot, " + png.length + " bytes");

        driver.findElement(By.id("save")).click();
        waitFor("the save", Duration.ofSeconds(10), () -> text("message").startsWith("Saved "));
        try (var files = Files.list(models)) {
            assertEquals(1, files.count(), "one model file in the save folder");
        }

        assertEquals(1, server.sessionCount());
    }
}
