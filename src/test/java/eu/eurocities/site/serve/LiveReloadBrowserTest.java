package eu.eurocities.site.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser on a served page: headless Chromium (Debian's {@code chromium} and {@code chromedriver}, named
 * explicitly so that nothing is downloaded) shows a city page; the test edits the city's YAML file and the page
 * changes by itself, through the injected live reload script.
 */
class LiveReloadBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path tmp;

    ServeFixture serve;
    ChromeDriver browser;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver");
        serve = new ServeFixture(tmp.resolve("source"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + Files.createDirectories(tmp.resolve("profile")));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (serve != null) {
            serve.close();
        }
    }

    @Test
    void editingACityFileChangesTheOpenPageWithoutAnyActionInTheBrowser() throws Exception {
        browser.get(serve.server.url().resolve("/cities/lodz/").toString());
        assertEquals("Łódź", browser.findElement(By.tagName("h1")).getText());
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> serve.server.liveReloadClients() == 1);

        Path file = serve.source.resolve("content/cities/lodz.yaml");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(
                file,
                text.replace("name: Łódź", "name: Łódź Fabryczna")
                        .replace(
                                "population: 768755\npopulation_source: GeoNames\npopulation_snapshot: 2020-03-18\n",
                                "population: 672801\npopulation_source: Test figure\npopulation_year: 2021\n"),
                StandardCharsets.UTF_8);

        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.textToBe(By.tagName("h1"), "Łódź Fabryczna"));
        assertEquals(
                "672,801 (Test figure, 2021)",
                browser.findElements(By.cssSelector("dl.record dd")).get(2).getText());
    }
}
