package se.samverka.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import se.samverka.app.support.ApiClient;
import se.samverka.app.support.BrowserServiceTest;

/**
 * A participant votes on a phone that has lost its network: the vote shows as pending, is sent
 * by itself (with its Idempotency-Key) when the network is back, then shows as saved, and the
 * server counts it once.
 */
class OfflineVoteBrowserTest extends BrowserServiceTest {
    OfflineVoteBrowserTest() {
        super(Duration.ofSeconds(45));
    }

    @Test
    void givenPhoneOffline_whenVoting_thenPendingThenSavedWhenBackAndCountedOnce() throws Exception {
        JsonNode workshop = api.createWorkshop(facilitator, "Offline");
        String workshopId = workshop.get("id").asText();

        ChromeDriver phone = browser("phone", 390, 844);
        join(phone, workshop.get("joinCode").asText(), "Anna", "Uddevalla");
        waitFor(phone, "free rating", d -> "free".equals(attribute(d, "rate-phase", "data-phase")));
        WebElement four = byTestId(phone, "rate-set-goals-4");
        waitFor(phone, "the rating enabled", d -> four.isEnabled());

        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        phone.setNetworkConditions(offline);
        click(phone, four);
        waitFor(phone, "pending while offline", d -> "pending".equals(attribute(d, "rated-set-goals", "data-state")));
        assertThat(rating(workshopId).get("count").asInt()).isZero();

        phone.deleteNetworkConditions();
        waitFor(phone, "saved when back", d -> "saved".equals(attribute(d, "rated-set-goals", "data-state")));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode rating = rating(workshopId);
            assertThat(rating.get("count").asInt()).isEqualTo(1);
            assertThat(rating.get("mean").asDouble()).isEqualTo(4.0);
        });
    }

    private JsonNode rating(String workshopId) {
        return ApiClient.ratingOf(api.workshop(facilitator, workshopId).require(200), "set-goals");
    }
}
