package se.samverka.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import se.samverka.app.support.ApiClient;
import se.samverka.app.support.RunningSamverka;

/**
 * A participant votes on a phone that has lost its network: the vote shows as pending, is sent
 * by itself (with its Idempotency-Key) when the network is back, then shows as saved, and the
 * server counts it once.
 */
class OfflineVoteBrowserTest {
    private static final Duration PATIENCE = Duration.ofSeconds(45);

    @TempDir
    Path dataDir;
    @TempDir
    Path profile;

    @Test
    void givenPhoneOffline_whenVoting_thenPendingThenSavedWhenBackAndCountedOnce() throws Exception {
        try (RunningSamverka samverka = RunningSamverka.start(dataDir)) {
            ApiClient api = new ApiClient(samverka.baseUrl());
            String facilitator = api.loginAdmin();
            JsonNode workshop = api.createWorkshop(facilitator, "Offline");
            String workshopId = workshop.get("id").asText();

            ChromeOptions options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--user-data-dir=" + Files.createDirectories(profile.resolve("phone")));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
            ChromeDriver phone = new ChromeDriver(service, options);
            try {
                phone.get(samverka.baseUrl() + "/#/join/" + workshop.get("joinCode").asText());
                byTestId(phone, "join-name").sendKeys("Anna");
                new Select(byTestId(phone, "join-organisation")).selectByVisibleText("Uddevalla");
                byTestId(phone, "join-submit").click();
                new WebDriverWait(phone, PATIENCE).withMessage("free rating").until(d ->
                        "free".equals(byTestId(d, "rate-phase").getDomAttribute("data-phase")));
                WebElement four = byTestId(phone, "rate-set-goals-4");
                new WebDriverWait(phone, PATIENCE).until(d -> four.isEnabled());

                ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
                offline.setOffline(true);
                phone.setNetworkConditions(offline);
                ((JavascriptExecutor) phone).executeScript("arguments[0].click();", four);
                new WebDriverWait(phone, PATIENCE).withMessage("pending while offline").until(d ->
                        "pending".equals(byTestId(d, "rated-set-goals").getDomAttribute("data-state")));
                assertThat(rating(api, facilitator, workshopId).get("count").asInt()).isZero();

                phone.deleteNetworkConditions();
                new WebDriverWait(phone, PATIENCE).withMessage("saved when back").until(d ->
                        "saved".equals(byTestId(d, "rated-set-goals").getDomAttribute("data-state")));
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                    JsonNode rating = rating(api, facilitator, workshopId);
                    assertThat(rating.get("count").asInt()).isEqualTo(1);
                    assertThat(rating.get("mean").asDouble()).isEqualTo(4.0);
                });
            } finally {
                phone.quit();
            }
        }
    }

    private static JsonNode rating(ApiClient api, String facilitator, String workshopId) {
        return ApiClient.ratingOf(api.workshop(facilitator, workshopId).require(200), "set-goals");
    }

    private static WebElement byTestId(WebDriver driver, String id) {
        return new WebDriverWait(driver, PATIENCE).withMessage("element " + id).until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("[data-testid='" + id + "']"));
            return found.isEmpty() ? null : found.get(0);
        });
    }
}
