package se.samverka.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import se.samverka.app.support.ApiClient;
import se.samverka.app.support.RunningSamverka;

/**
 * The built web client under its content security policy in headless Chromium: the facilitator
 * logs in, creates a workshop, the dashboard goes live over the WebSocket and draws the votes,
 * and the browser reports no policy violation.
 */
class ContentSecurityPolicyBrowserTest {
    @TempDir
    Path dataDir;
    @TempDir
    Path profile;

    @Test
    void givenPolicy_whenFacilitatorRunsDashboard_thenNoViolationsAndLive() throws Exception {
        try (RunningSamverka samverka = RunningSamverka.start(dataDir)) {
            ChromeOptions options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--user-data-dir=" + Files.createDirectories(profile.resolve("p")));
            options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
            WebDriver browser = new ChromeDriver(service, options);
            try {
                browser.get(samverka.baseUrl() + "/#/login");
                byTestId(browser, "login-username").sendKeys("admin");
                byTestId(browser, "login-password").sendKeys(RunningSamverka.ADMIN_PASSWORD);
                byTestId(browser, "login-submit").click();
                byTestId(browser, "workshop-title").sendKeys("CSP");
                byTestId(browser, "create-workshop").click();
                WebElement joinCode = byTestId(browser, "join-code");
                new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> joinCode.getText().strip()
                        .matches("[A-Z2-9]{6}"));
                new WebDriverWait(browser, Duration.ofSeconds(30)).withMessage("dashboard live").until(d ->
                        d.findElements(By.cssSelector("[data-testid='connection-status'][data-state='connected']"))
                                .size() == 1);
                ApiClient api = new ApiClient(samverka.baseUrl());
                String participant = api.join(joinCode.getText().strip(), "Anna", "Färgelanda").get("token").asText();
                String workshopId = api.send("GET", "/api/v1/workshops", api.loginAdmin(), (String) null)
                        .require(200).get(0).get("id").asText();
                api.rate(participant, workshopId, "set-goals", 4).require(200);
                new WebDriverWait(browser, Duration.ofSeconds(30)).withMessage("the participant pushed live").until(d ->
                        byTestId(d, "participant-count").getText().strip().equals("1"));

                List<String> violations = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                        .map(LogEntry::getMessage)
                        .filter(message -> message.contains("Content Security Policy")
                                || message.contains("Refused to"))
                        .toList();
                assertThat(violations).isEmpty();
            } finally {
                browser.quit();
            }
        }
    }

    private static WebElement byTestId(WebDriver driver, String id) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).withMessage("element " + id).until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("[data-testid='" + id + "']"));
            return found.isEmpty() ? null : found.get(0);
        });
    }
}
