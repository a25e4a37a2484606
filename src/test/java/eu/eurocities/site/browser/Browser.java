package eu.eurocities.site.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Chromium session, driven by Debian's {@code chromedriver}, shared by every page a test run opens.
 * Nothing is downloaded: the browser and the driver are the ones installed on the machine ({@code .ci/run}
 * installs the {@code chromium} and {@code chromium-driver} packages). Their paths can be changed with the system
 * properties {@code chromium.binary} and {@code chromedriver.binary}.
 */
final class Browser implements AutoCloseable {
    static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");

    /** A colour scheme a reader's system can ask for, as {@code prefers-color-scheme} sees it. */
    enum Scheme {
        LIGHT,
        DARK;

        String cssValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /**
     * Starts Chromium with a fresh profile.
     *
     * @throws AssertionError naming the missing program and the packages to install, when the browser or the
     *     driver is not there
     */
    static Browser start() throws IOException {
        for (String program : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(Path.of(program))) {
                throw new AssertionError("the browser tests need " + program + ", which is missing: install Debian's "
                        + "chromium and chromium-driver (apt-get install chromium chromium-driver), or point "
                        + "the system "
                        + "properties chromium.binary and chromedriver.binary at a Chromium and its matching "
                        + "chromedriver");
            }
        }
        Path profile = Files.createTempDirectory("eurocities-chromium-");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-dev-shm-usage",
                "--hide-scrollbars",
                "--lang=en",
                "--window-size=1280,900",
                "--user-data-dir=" + profile);
        return new Browser(new ChromeDriver(service, options), profile);
    }

    /** The Selenium driver, for what this class does not wrap. */
    ChromeDriver driver() {
        return driver;
    }

    /** Opens a URL and waits for its load event. */
    void open(String url) {
        driver.get(url);
    }

    /** Makes pages see {@code prefers-color-scheme} as the given scheme, from now on. */
    void colorScheme(Scheme scheme) {
        driver.executeCdpCommand(
                "Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme.cssValue()))));
    }

    /** Sets the layout viewport to {@code width} by {@code height} CSS pixels at a device scale of 1. */
    void viewport(int width, int height) {
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
    }

    /** Runs a script in the page and returns its result. */
    Object script(String js, Object... args) {
        return driver.executeScript(js, args);
    }

    /** A PNG of the whole page, from top to bottom, at the current viewport width. */
    byte[] fullPageScreenshot() {
        Number width = (Number) script("return document.documentElement.clientWidth");
        Number height = (Number) script("return Math.ceil(document.documentElement.scrollHeight)");
        Map<String, Object> shot = driver.executeCdpCommand(
                "Page.captureScreenshot",
                Map.of(
                        "format",
                        "png",
                        "captureBeyondViewport",
                        true,
                        "clip",
                        Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        return Base64.getDecoder().decode((String) shot.get("data"));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> s = Files.walk(profile)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
