package se.samverka.app.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.samverka.app.support.ApiClient;
import se.samverka.app.support.ServiceTest;

/**
 * The admin manages facilitator accounts against a running service: creates one, resets its
 * password, disables it (its logins and its tokens refused, for commands and reads alike) and
 * enables it again; nobody else may.
 */
class AccountAdminTest extends ServiceTest {
    private static ApiClient.Response login(String username, String password) {
        return api.send("POST", "/api/v1/auth/login", null, Map.of("username", username, "password", password));
    }

    @Test
    void theAdmin_createsAnAccount_thatLogsInAndWorks_butMayNotManageAccounts() {
        assertThat(login("admin", "test-admin-password").require(200).get("admin").asBoolean()).isTrue();
        JsonNode created = api.send("POST", "/api/v1/accounts", facilitator, Map.of("username", "karin"))
                .require(201);
        String password = created.get("generatedPassword").asText();
        assertThat(password).hasSizeGreaterThanOrEqualTo(12);
        JsonNode karin = login("karin", password).require(200);
        assertThat(karin.get("admin").asBoolean()).isFalse();
        String token = karin.get("token").asText();
        assertThat(api.createWorkshop(token, "Karins möte").get("id").asText()).isNotEmpty();
        assertThat(api.send("GET", "/api/v1/accounts", token, (String) null).status()).isEqualTo(403);
        assertThat(api.send("POST", "/api/v1/accounts", facilitator, Map.of("username", "karin")).status())
                .as("a second account of the same name").isEqualTo(409);
        assertThat(api.send("POST", "/api/v1/accounts", facilitator, Map.of("username", "Karin Svensson"))
                .status()).isEqualTo(400);
        assertThat(api.send("POST", "/api/v1/accounts", facilitator, Map.of("username", "olle", "password", "kort"))
                .status()).isEqualTo(400);
        JsonNode list = api.send("GET", "/api/v1/accounts", facilitator, (String) null).require(200);
        assertThat(list.findValuesAsText("username")).contains("admin", "karin");
        assertThat(list.toString()).doesNotContain("hash");
    }

    @Test
    void aDisabledAccount_cannotLogIn_andItsTokensStopWorking_untilEnabledAgain() {
        api.send("POST", "/api/v1/accounts", facilitator, Map.of("username", "lars", "password", "lars-lösenord"))
                .require(201);
        String token = api.login("lars", "lars-lösenord");
        String workshop = api.createWorkshop(token, "Lars möte").get("id").asText();

        JsonNode disabled = api.send("PUT", "/api/v1/accounts/lars/disabled", facilitator, Map.of("disabled", true))
                .require(200);
        assertThat(disabled.get("disabled").asBoolean()).isTrue();
        assertThat(login("lars", "lars-lösenord").status()).isEqualTo(401);
        ApiClient.Response read = api.send("GET", "/api/v1/workshops/" + workshop, token, (String) null);
        assertThat(read.status()).as("a read with the old token").isEqualTo(401);
        assertThat(read.contentType()).startsWith("application/problem+json");
        assertThat(api.send("POST", "/api/v1/workshops", token, Map.of("title", "Nytt")).status())
                .as("a command with the old token").isEqualTo(401);
        assertThat(api.send("PUT", "/api/v1/accounts/admin/disabled", facilitator, Map.of("disabled", true))
                .status()).as("the admin cannot lock itself out").isEqualTo(409);

        api.send("PUT", "/api/v1/accounts/lars/disabled", facilitator, Map.of("disabled", false)).require(200);
        assertThat(api.send("GET", "/api/v1/workshops/" + workshop, token, (String) null).status()).isEqualTo(200);
    }

    @Test
    void aResetPassword_replacesTheOldOne() {
        api.send("POST", "/api/v1/accounts", facilitator, Map.of("username", "maja", "password", "gammalt-lösen"))
                .require(201);
        JsonNode reset = api.send("POST", "/api/v1/accounts/maja/password", facilitator, (String) null).require(200);
        String fresh = reset.get("generatedPassword").asText();
        assertThat(login("maja", "gammalt-lösen").status()).isEqualTo(401);
        assertThat(login("maja", fresh).status()).isEqualTo(200);
        assertThat(api.send("POST", "/api/v1/accounts/ingen/password", facilitator, (String) null).status())
                .isEqualTo(404);
    }
}
