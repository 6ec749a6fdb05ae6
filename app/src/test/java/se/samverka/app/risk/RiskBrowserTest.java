package se.samverka.app.risk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import se.samverka.app.support.BrowserServiceTest;

/**
 * Two real browsers on the risk screen of one project (Debian's Chromium and chromedriver,
 * headless): the facilitator reassesses R1 on a laptop, and on a participant's phone the risk
 * moves on the matrix and the escalation appears, without a reload.
 */
class RiskBrowserTest extends BrowserServiceTest {
    @Test
    void givenTwoScreensOnTheRiskRegister_whenFacilitatorReassessesR1_thenItMovesAndEscalatesOnTheOtherScreen()
            throws Exception {
        RiskApi risks = new RiskApi(api);
        JsonNode workshop = api.createWorkshop(facilitator, "Styrgruppsmöte Digital Motor Fyrbodal");
        String project = workshop.get("projectId").asText();
        JsonNode anna = api.join(workshop.get("joinCode").asText(), "Anna", "Uddevalla");
        // The pre-study's two risks, both medium: R1 2 × 5 = 10 and R2 4 × 3 = 12.
        risks.register(facilitator, project, "Ändrat uppdrag e-samordnarroll från VästKom", 2, 5).require(201);
        risks.register(facilitator, project, "Projektdeltagare kan inte prioritera att delta i projektet", 4, 3)
                .require(201);
        String hash = "#/p/" + project + "/risks";

        WebDriver laptop = browser("facilitator", 1280, 1000);
        openAsFacilitator(laptop, facilitator, hash);
        WebDriver phone = browser("participant", 390, 844);
        openAsParticipant(phone, anna, hash);
        for (WebDriver screen : List.of(laptop, phone)) {
            waitUntilLive(screen, "risk screen live");
            waitFor(screen, "R1 placed at S 2, K 5", d ->
                    "2-5".equals(byTestId(d, "matrix-risk-R1").getDomAttribute("data-cell")));
        }
        assertThat(byTestId(phone, "cell-2-5").getDomAttribute("data-level")).isEqualTo("MEDIUM");
        assertThat(byTestId(phone, "cell-2-5").getText()).contains("10 · Medel");
        assertThat(phone.findElements(By.cssSelector("[data-testid='escalation-banner']"))).isEmpty();
        // A marker that a reload would wipe out: the change must arrive live.
        markAgainstReload(phone);

        click(laptop, "matrix-risk-R1");
        new Select(byTestId(laptop, "reassess-R1-probability")).selectByVisibleText("4");
        new Select(byTestId(laptop, "reassess-R1-impact")).selectByVisibleText("4");
        byTestId(laptop, "reassess-R1-reason").sendKeys("VästKom har sagt upp avtalet om e-samordnare");
        click(laptop, "reassess-R1-submit");

        waitFor(phone, "R1 moved to S 4, K 4", d ->
                "4-4".equals(byTestId(d, "matrix-risk-R1").getDomAttribute("data-cell")));
        WebElement banner = byTestId(phone, "escalation-banner");
        waitFor(phone, "escalation shown", d -> banner.getText().contains("R1 kräver nu beslut av uppdragsbeställaren"));
        assertThat(banner.getDomAttribute("data-risk")).isEqualTo("R1");
        assertThat(byTestId(phone, "cell-4-4").getDomAttribute("data-level")).isEqualTo("HIGH");
        assertThat(byTestId(phone, "level-R1").getText()).isEqualTo("Hög");
        assertThat(byTestId(phone, "risk-row-R1").getDomAttribute("data-value")).isEqualTo("16");
        // The register is sorted by value: R1 (16) now comes before R2 (12).
        List<String> order = phone.findElements(By.cssSelector("[data-testid^='risk-row-']")).stream()
                .map(row -> row.getDomAttribute("data-testid")).toList();
        assertThat(order).containsExactly("risk-row-R1", "risk-row-R2");
        assertThat(notReloaded(phone))
                .as("the phone was not reloaded").isEqualTo(true);
        waitFor(laptop, "escalation on the facilitator's screen too", d ->
                byTestId(d, "escalation-banner").getText().contains("R1"));
        screenshot(phone, "risk-phone-escalated");
        screenshot(laptop, "risk-laptop-escalated");

        // Every screen of the meeting shows it: the phone's rating page and the facilitator's dashboard.
        phone.get(samverka.baseUrl() + "/#/w/" + workshop.get("id").asText() + "/rate");
        waitFor(phone, "escalation on the rating page", d ->
                byTestId(d, "escalation-banner").getText().contains("R1"));
        laptop.get(samverka.baseUrl() + "/#/w/" + workshop.get("id").asText() + "/dashboard");
        waitFor(laptop, "escalation on the dashboard", d ->
                byTestId(d, "escalation-banner").getText().contains("R1"));
    }
}
