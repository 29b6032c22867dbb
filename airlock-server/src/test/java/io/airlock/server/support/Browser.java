package io.airlock.server.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through its own chromedriver: nothing is downloaded, the browser runs
 * with a throw-away profile and HOME, and only loopback pages are opened.
 */
public final class Browser {

    static final Path CHROMIUM = Path.of(env("AIRLOCK_TEST_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(env("AIRLOCK_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"));

    private Browser() {
    }

    public static ChromeDriver start() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("Chromium or chromedriver is missing (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): run the tests with ./airlock test, which installs them");
        }
        try {
            Path home = Files.createTempDirectory("airlock-browser-");
            var service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .withEnvironment(Map.of("HOME", home.toString()))
                    .build();
            var options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-quic", "--no-first-run", "--window-size=1280,800",
                    "--user-data-dir=" + home.resolve("profile"));
            var driver = new AxeCheckedChrome(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return driver;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
