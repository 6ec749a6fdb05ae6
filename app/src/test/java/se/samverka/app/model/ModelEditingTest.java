package se.samverka.app.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.samverka.app.support.ServiceTest;
import se.samverka.command.account.FacilitatorAccounts;

/** The capability model is the project's own: edited during a workshop without losing ratings. */
class ModelEditingTest extends ServiceTest {

    private static JsonNode capability(JsonNode workshop, String id) {
        for (JsonNode capability : workshop.get("capabilities")) {
            if (capability.get("id").asText().equals(id)) {
                return capability;
            }
        }
        return null;
    }

    @Test
    void givenRunningWorkshop_whenModelEdited_thenEveryWorkshopFollowsAndRatingsStay() {
        JsonNode first = api.createWorkshop(facilitator, "Modell 1");
        String projectId = first.get("projectId").asText();
        JsonNode second = api.send("POST", "/api/v1/workshops", facilitator,
                Map.of("title", "Modell 2", "projectId", projectId)).require(201);
        String workshopId = first.get("id").asText();
        String anna = api.join(first.get("joinCode").asText(), "Anna", "Bengtsfors").get("token").asText();
        api.rate(anna, workshopId, "set-goals", 4).require(200);
        String base = "/api/v1/projects/" + projectId + "/capabilities";

        api.send("POST", base, facilitator, Map.of("capabilityId", "cloud-services",
                "name", Map.of("sv", "Molntjänster", "en", "Cloud services"), "categoryId", "core")).require(201);
        api.send("PUT", base + "/set-goals/name", facilitator,
                Map.of("sv", "Sätta mål", "en", "Set goals")).require(200);
        api.send("PUT", base + "/cloud-services/place", facilitator,
                Map.of("categoryId", "leadership", "parentId", "set-goals")).require(200);
        api.send("POST", base + "/set-goals/retire", facilitator, (String) null).require(200);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode view = api.workshop(anna, workshopId).require(200);
            JsonNode setGoals = capability(view, "set-goals");
            assertThat(setGoals.get("name").get("sv").asText()).isEqualTo("Sätta mål");
            assertThat(setGoals.get("retired").asBoolean()).isTrue();
            assertThat(setGoals.get("rating").get("count").asInt()).as("rating kept").isEqualTo(1);
            JsonNode cloud = capability(view, "cloud-services");
            assertThat(cloud.get("parentId").asText()).isEqualTo("set-goals");
            assertThat(cloud.get("category").asText()).isEqualTo("leadership");
            assertThat(capability(api.workshop(facilitator, second.get("id").asText()).require(200),
                    "cloud-services")).as("the project's other workshop follows").isNotNull();
        });
        assertThat(api.rate(anna, workshopId, "set-goals", 2).status()).as("retired").isEqualTo(409);
        assertThat(api.rate(anna, workshopId, "cloud-services", 2).status()).as("added, and retired with its parent")
                .isEqualTo(409);
        assertThat(api.rate(anna, workshopId, "develop-department", 2).status()).isEqualTo(200);
    }

    @Test
    void givenExportedModel_whenImportedAsNewProject_thenSameCapabilities() throws Exception {
        JsonNode workshop = api.createWorkshop(facilitator, "Export");
        String projectId = workshop.get("projectId").asText();
        api.send("POST", "/api/v1/projects/" + projectId + "/capabilities", facilitator, Map.of("capabilityId",
                "ai", "name", Map.of("sv", "AI-förmåga", "en", "AI capability"), "categoryId", "support"))
                .require(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> api.send("GET", "/api/v1/projects/" + projectId + "/model",
                facilitator, (String) null).require(200).toString().contains("AI-förmåga"));
        JsonNode model = api.send("GET", "/api/v1/projects/" + projectId + "/model", facilitator, (String) null)
                .require(200);

        Map<String, Object> request = new HashMap<>();
        request.put("title", "Import");
        request.put("model", new ObjectMapper().convertValue(model, Map.class));
        JsonNode imported = api.send("POST", "/api/v1/workshops", facilitator, request).require(201);

        await().atMost(Duration.ofSeconds(10)).until(() ->
                api.workshop(facilitator, imported.get("id").asText()).status() == 200);
        JsonNode view = api.workshop(facilitator, imported.get("id").asText()).require(200);
        assertThat(capability(view, "ai")).isNotNull();
        assertThat(view.get("capabilities")).hasSize(66);
        assertThat(imported.get("projectId").asText()).isNotEqualTo(projectId);
    }

    @Test
    void givenBadOrForeignEdits_whenSent_thenProblemsAndNoEvent() {
        JsonNode workshop = api.createWorkshop(facilitator, "Fel modell");
        String projectId = workshop.get("projectId").asText();
        String anna = api.join(workshop.get("joinCode").asText(), "Anna", "Mellerud").get("token").asText();
        samverka.context().getBean(FacilitatorAccounts.class).create("other", "other-password");
        String other = api.login("other", "other-password");
        String base = "/api/v1/projects/" + projectId + "/capabilities";
        long before = samverka.storedEvents();

        assertThat(api.send("POST", base, anna, Map.of("name", Map.of("sv", "X"), "categoryId", "core")).status())
                .isEqualTo(403);
        assertThat(api.send("POST", base, other, Map.of("name", Map.of("sv", "X"), "categoryId", "core")).status())
                .as("another facilitator's project").isEqualTo(403);
        assertThat(api.send("POST", "/api/v1/workshops", other, Map.of("title", "Intrång", "projectId", projectId))
                .status()).isEqualTo(403);
        assertThat(api.send("POST", base, facilitator, Map.of("name", Map.of("sv", "X"), "categoryId", "nope"))
                .status()).isEqualTo(404);
        assertThat(api.send("POST", base, facilitator, Map.of("capabilityId", "set-goals",
                "name", Map.of("sv", "X"), "categoryId", "core")).status()).as("duplicate id").isEqualTo(400);
        assertThat(api.send("PUT", base + "/set-goals/place", facilitator,
                Map.of("categoryId", "leadership", "parentId", "understand-priorities")).status())
                .as("under its own child").isEqualTo(400);
        assertThat(api.send("PUT", base + "/no-such/name", facilitator, Map.of("sv", "X")).status()).isEqualTo(404);
        assertThat(api.send("PUT", base + "/set-goals/name", facilitator, Map.of("sv", " ")).status()).isEqualTo(400);

        assertThat(samverka.storedEvents()).isEqualTo(before);
    }
}
