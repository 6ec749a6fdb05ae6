package se.samverka.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import se.samverka.app.support.BrowserServiceTest;

/**
 * The project's capability model in a real browser: the facilitator adds, renames and retires
 * capabilities, the dashboard follows live, two pictures are compared side by side, and the
 * exported model starts a new workshop through the import form.
 */
class ModelBrowserTest extends BrowserServiceTest {
    @Test
    void givenAWorkshop_whenTheFacilitatorEditsTheModel_thenTheDashboardFollowsAndTheModelTravelsAsAFile()
            throws Exception {
        WebDriver laptop = browser("facilitator", 1280, 900);
        logIn(laptop);
        String code = createWorkshop(laptop, "Modell Fyrbodal");
        String workshopUrl = laptop.getCurrentUrl();
        String workshopId = workshopIdShown(laptop);
        String anna = api.join(code, "Anna", "Uddevalla").get("token").asText();
        api.rate(anna, workshopId, "set-goals", 3).require(200);

        click(laptop, "model-link");
        byTestId(laptop, "model-cap-set-goals");
        byTestId(laptop, "model-add-sv").sendKeys("Styrning av informationssäkerhet");
        byTestId(laptop, "model-add-en").sendKeys("Information security governance");
        click(laptop, "model-add-submit");
        waitFor(laptop, "the new capability is listed", d -> d.findElements(By.cssSelector("[data-testid^='model-cap-']"))
                .stream().anyMatch(e -> e.getText().contains("Styrning av informationssäkerhet")));

        click(laptop, "model-edit-open-set-goals");
        WebElement name = byTestId(laptop, "model-edit-set-goals-sv");
        name.clear();
        name.sendKeys("Sätta mål");
        click(laptop, "model-edit-set-goals-rename");
        waitFor(laptop, "renamed", d -> byTestId(d, "model-cap-set-goals").getText().contains("Sätta mål"));
        ((JavascriptExecutor) laptop).executeScript("window.confirm = () => true;");
        click(laptop, "model-edit-set-goals-retire");
        waitFor(laptop, "retired", d -> "true".equals(attribute(d, "model-cap-set-goals", "data-retired")));

        laptop.get(workshopUrl);
        waitFor(laptop, "the dashboard shows the renamed capability with its rating kept", d ->
                byTestId(d, "cap-set-goals").getText().contains("Sätta mål")
                        && "3".equals(attribute(d, "cap-set-goals", "data-mean")));

        click(laptop, "compare-link");
        waitFor(laptop, "free rating beside the current picture", d ->
                "3".equals(attribute(d, "compare-row-set-goals", "data-left"))
                        && "3".equals(attribute(d, "compare-row-set-goals", "data-right")));
        screenshot(laptop, "compare");

        String projectId = api.workshop(facilitator, workshopId).require(200).get("projectId").asText();
        Path file = profiles.resolve("model.json");
        Files.write(file, api.download("/api/v1/projects/" + projectId + "/model", facilitator).require(200));
        laptop.get(samverka.baseUrl() + "/#/facilitator");
        byTestId(laptop, "import-title").sendKeys("Importerad modell");
        byTestId(laptop, "import-file").sendKeys(file.toAbsolutePath().toString());
        click(laptop, "import-submit");
        waitFor(laptop, "a new workshop with the imported model", d ->
                !d.getCurrentUrl().contains(workshopId) && d.getCurrentUrl().contains("/dashboard")
                        && byTestId(d, "cap-set-goals").getText().contains("Sätta mål"));
        assertThat(byTestId(laptop, "join-code").getText().strip()).isNotEqualTo(code);
    }
}
