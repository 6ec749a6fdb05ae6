package se.samverka.app.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.samverka.app.support.ApiClient;
import se.samverka.app.support.ServiceTest;

/** The spreadsheet exports, read back the way Excel with Swedish settings reads them. */
class ExportTest extends ServiceTest {
    static String workshopId;
    static String participant;

    @BeforeAll
    static void start() {
        JsonNode workshop = api.createWorkshop(facilitator, "Förmågor i Fyrbodal; vår 2026");
        workshopId = workshop.get("id").asText();
        participant = api.join(workshop.get("joinCode").asText(), "Åsa Öberg", "Åmål").get("token").asText();
        String bo = api.join(workshop.get("joinCode").asText(), "Bo \"Bosse\" Ek", "Färgelanda").get("token")
                .asText();
        String eve = api.join(workshop.get("joinCode").asText(), "=1+1", "Mellerud").get("token").asText();
        api.rate(participant, workshopId, "set-goals", 2).require(200);
        api.rate(participant, workshopId, "set-goals", 4).require(200);
        api.rate(bo, workshopId, "set-goals", 5).require(200);
        api.rate(bo, workshopId, "develop-department", 1).require(200);
        long last = api.rate(eve, workshopId, "set-goals", 3).require(200).get("version").asLong();
        await().atMost(Duration.ofSeconds(10)).until(() ->
                api.workshop(facilitator, workshopId).require(200).get("version").asLong() == last);
    }

    @Test
    void givenRatings_whenTheFacilitatorExportsThem_thenOneRowPerParticipantAndCapabilityInSwedishExcelCsv() {
        ApiClient.Download download = api.download("/api/v1/workshops/" + workshopId + "/export/ratings.csv",
                facilitator);

        byte[] bytes = download.require(200);
        assertThat(download.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv")
                .containsIgnoringCase("charset=UTF-8");
        assertThat(download.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment")
                .contains(".csv");
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\r\n").doesNotContain("\r\n\r\n");
        String title = "Förmågor i Fyrbodal; vår 2026";
        String setGoals = "Sätta rätt mål för avdelningen";
        assertThat(parse(text)).containsExactly(
                List.of("Workshop", "Omgång", "Deltagare", "Organisation", "Kategori", "Förmåga-id", "Förmåga",
                        "Dimension", "Betyg"),
                List.of(title, "fri", "Åsa Öberg", "Åmål", "Ledningsförmågor", "set-goals", setGoals, "", "4"),
                List.of(title, "fri", "Bo \"Bosse\" Ek", "Färgelanda", "Ledningsförmågor", "set-goals", setGoals, "",
                        "5"),
                List.of(title, "fri", "Bo \"Bosse\" Ek", "Färgelanda", "Ledningsförmågor", "develop-department",
                        "Utveckla avdelningen", "", "1"),
                List.of(title, "fri", "'=1+1", "Mellerud", "Ledningsförmågor", "set-goals", setGoals, "", "3"));
    }

    @Test
    void givenRatings_whenResultsAreExported_thenCountsMeansWithDecimalCommaAndDistribution() {
        String csv = new String(api.download("/api/v1/workshops/" + workshopId + "/export/results.csv",
                participant).require(200), StandardCharsets.UTF_8).substring(1);

        List<List<String>> rows = parse(csv);
        assertThat(rows.get(0)).containsExactly("Kategori", "Förmåga-id", "Del av", "Förmåga", "Antal svar",
                "Medelvärde", "Betyg 1", "Betyg 2", "Betyg 3", "Betyg 4", "Betyg 5");
        List<String> setGoals = rows.stream().filter(r -> r.get(1).equals("set-goals")).findFirst().orElseThrow();
        assertThat(setGoals).containsExactly("Ledningsförmågor", "set-goals", "", "Sätta rätt mål för avdelningen", "3",
                "4,00", "0", "0", "1", "1", "1");
        assertThat(rows).hasSize(1 + api.send("GET", "/api/v1/workshops/" + workshopId + "/capabilities",
                participant, (String) null).require(200).size());
        String english = new String(api.download("/api/v1/workshops/" + workshopId + "/export/results.csv?lang=en",
                facilitator).require(200), StandardCharsets.UTF_8);
        assertThat(english).contains("Leadership capabilities;set-goals;;").contains(";3;4.00;0;0;1;1;1\r\n");
    }

    @Test
    void givenAParticipant_whenAskingForEveryonesRatings_thenRefused() {
        assertThat(api.download("/api/v1/workshops/" + workshopId + "/export/ratings.csv", participant).status())
                .isEqualTo(403);
        assertThat(api.download("/api/v1/workshops/" + workshopId + "/export/results.csv", null).status())
                .isEqualTo(401);
    }

    /** Reads CSV as Excel does with ';' as separator: quoted cells may hold ';', '"' and line breaks. */
    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ';') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        return rows;
    }
}
