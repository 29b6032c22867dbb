package io.airlock.server.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Chromium that runs axe-core on every page and dialog it shows (the web UI's npm axe-core, injected into
 * each new document) and fails the test that drove it on a serious or critical violation: when it leaves a
 * page for another ({@link #get}) and when it closes ({@link #quit}), so a test needs no call of its own.
 */
final class AxeCheckedChrome extends ChromeDriver {

    private static final Path AXE = Path.of("src/main/web/node_modules/axe-core/axe.min.js");

    AxeCheckedChrome(ChromeDriverService service, ChromeOptions options) {
        super(service, options);
        executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", axeSource() + watcher()));
    }

    @Override
    public void get(String url) {
        failOnViolations();
        super.get(url);
    }

    @Override
    public void quit() {
        try {
            failOnViolations();
        } finally {
            super.quit();
        }
    }

    /** Waits for the runs in flight in the current window, then fails on what they and earlier runs found. */
    private void failOnViolations() {
        List<?> found;
        try {
            manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(15));
            Object result = executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const axeState = window.__airlockAxe;
                    if (!axeState) { done([]); return; }
                    axeState.drain().then(done, (e) => done([{ where: location.pathname, id: 'axe-error',
                        impact: 'critical', help: String(e), targets: [] }]));""");
            found = result instanceof List<?> list ? list : List.of();
        } catch (WebDriverException closedOrGone) {
            // No page to ask (the window closed or never loaded): there is nothing to check.
            return;
        }
        if (!found.isEmpty()) {
            throw new AssertionError("axe-core found serious or critical accessibility violations:\n" + describe(found));
        }
    }

    private static String describe(List<?> violations) {
        var lines = new ArrayList<String>();
        for (Object each : violations) {
            if (each instanceof Map<?, ?> v) {
                lines.add("- " + v.get("where") + ": " + v.get("id") + " (" + v.get("impact") + ") " + v.get("help"));
                if (v.get("targets") instanceof List<?> targets) {
                    targets.forEach(t -> lines.add("    " + t.toString().replace('\n', ' ')));
                }
            }
        }
        return String.join("\n", lines);
    }

    private static String axeSource() {
        if (!Files.isReadable(AXE)) {
            throw new IllegalStateException(AXE.toAbsolutePath() + " is missing: build the web UI (npm ci) first");
        }
        try {
            return Files.readString(AXE, StandardCharsets.UTF_8) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String watcher() {
        try (InputStream in = AxeCheckedChrome.class.getResourceAsStream("axe-watch.js")) {
            if (in == null) {
                throw new IllegalStateException("axe-watch.js is missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
