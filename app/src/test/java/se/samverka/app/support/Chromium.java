package se.samverka.app.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by Debian's chromedriver: nothing is downloaded. The flags
 * keep it from reaching out to the network this machine does not have.
 */
public final class Chromium {
    public static final String BINARY = "/usr/bin/chromium";
    public static final String DRIVER = "/usr/bin/chromedriver";

    private Chromium() {
    }

    /** A fresh browser with its own profile in {@code profile}, its window {@code width} × {@code height}. */
    public static ChromeDriver open(Path profile, int width, int height) throws IOException {
        return open(profile, width, height, options -> { });
    }

    /** As {@link #open(Path, int, int)}, with {@code more} options (flags, capabilities) on top of ours. */
    public static ChromeDriver open(Path profile, int width, int height, Consumer<ChromeOptions> more)
            throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--lang=sv-SE",
                "--user-data-dir=" + Files.createDirectories(profile));
        more.accept(options);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(DRIVER).toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
        return driver;
    }

    /** The first element with this {@code data-testid}, once the page has one. */
    public static WebElement byTestId(WebDriver driver, String id, Duration patience) {
        return new WebDriverWait(driver, patience).withMessage("element " + id).until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("[data-testid='" + id + "']"));
            return found.isEmpty() ? null : found.get(0);
        });
    }

    /** Waits until {@code check} holds; {@code what} names the wait in the failure. */
    public static void waitFor(WebDriver driver, String what, Function<WebDriver, Boolean> check, Duration patience) {
        // Live screens re-render while they are read: an element found a moment ago may be replaced.
        new WebDriverWait(driver, patience).withMessage(what).ignoring(StaleElementReferenceException.class)
                .until(check::apply);
    }

    /**
     * What sticks out past the right edge of the page: empty when nothing does, otherwise the
     * page's widths and up to five elements not inside a scrolling container, so a failure says
     * which element to fix.
     */
    @SuppressWarnings("unchecked")
    public static List<String> overflowing(WebDriver driver) {
        return (List<String>) ((JavascriptExecutor) driver).executeScript(
                "const w = document.documentElement.clientWidth; const out = [];"
                        + "if (document.documentElement.scrollWidth > w + 1) {"
                        + "  out.push('page ' + document.documentElement.scrollWidth + ' > ' + w);"
                        + "  for (const el of document.body.querySelectorAll('*')) {"
                        + "    const r = el.getBoundingClientRect();"
                        + "    let clipped = false;"
                        + "    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {"
                        + "      if (getComputedStyle(a).overflowX !== 'visible') { clipped = true; break; }"
                        + "    }"
                        + "    if (!clipped && r.right > w + 1 && out.length < 6) out.push(el.tagName.toLowerCase()"
                        + "      + (el.className && el.className.baseVal === undefined ? '.' + el.className : '')"
                        + "      + (el.dataset.testid ? '[' + el.dataset.testid + ']' : '') + ' right=' + Math.round(r.right));"
                        + "  }"
                        + "}"
                        + "return out;");
    }
}
