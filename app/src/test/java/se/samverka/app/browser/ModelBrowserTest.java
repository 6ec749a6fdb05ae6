package se.samverka.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import se.samverka.app.support.ApiClient;
import se.samverka.app.support.Chromium;
import se.samverka.app.support.RunningSamverka;

/**
 * The project's capability model in a real browser: the facilitator adds, renames and retires
 * capabilities, the dashboard follows live, two pictures are compared side by side, and the
 * exported model starts a new workshop through the import form.
 */
class ModelBrowserTest {
    static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    static Path dataDir;
    @TempDir
    Path profiles;
    static RunningSamverka samverka;
    static ApiClient api;
    private final List<WebDriver> browsers = new java.util.ArrayList<>();

    @BeforeAll
    static void start() {
        samverka = RunningSamverka.start(dataDir);
        api = new ApiClient(samverka.baseUrl());
    }

    @AfterAll
    static void stop() {
        samverka.stop();
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(WebDriver::quit);
    }

    private WebDriver browser(String name, int width, int height) throws IOException {
        WebDriver driver = Chromium.open(profiles.resolve(name), width, height);
        browsers.add(driver);
        return driver;
    }

    private static WebElement byTestId(WebDriver driver, String id) {
        return Chromium.byTestId(driver, id, PATIENCE);
    }

    private static String attribute(WebDriver driver, String id, String name) {
        return byTestId(driver, id).getDomAttribute(name);
    }

    private static void waitFor(WebDriver driver, String what, Function<WebDriver, Boolean> check) {
        Chromium.waitFor(driver, what, check, PATIENCE);
    }

    private static void click(WebDriver driver, String id) {
        WebElement element = byTestId(driver, id);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        ((JavascriptExecutor) driver).executeScript("arguments[0].click();", element);
    }

    @Test
    void givenAWorkshop_whenTheFacilitatorEditsTheModel_thenTheDashboardFollowsAndTheModelTravelsAsAFile()
            throws Exception {
        WebDriver laptop = browser("facilitator", 1280, 900);
        laptop.get(samverka.baseUrl() + "/#/login");
        byTestId(laptop, "login-username").sendKeys("admin");
        byTestId(laptop, "login-password").sendKeys(RunningSamverka.ADMIN_PASSWORD);
        byTestId(laptop, "login-submit").click();
        byTestId(laptop, "workshop-title").sendKeys("Modell Fyrbodal");
        byTestId(laptop, "create-workshop").click();
        WebElement joinCode = byTestId(laptop, "join-code");
        waitFor(laptop, "join code shown", d -> joinCode.getText().strip().matches("[A-Z2-9]{6}"));
        String code = joinCode.getText().strip();
        String workshopUrl = laptop.getCurrentUrl();
        String workshopId = workshopUrl.replaceAll(".*#/w/([^/]+)/dashboard.*", "$1");
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

        String facilitator = api.loginAdmin();
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

    private static void screenshot(WebDriver driver, String name) throws IOException {
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.write(target.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
