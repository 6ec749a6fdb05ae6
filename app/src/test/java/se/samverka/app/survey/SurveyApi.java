package se.samverka.app.survey;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import se.samverka.app.support.ApiClient;

/** The survey API as a facilitator's screen and a respondent's page use it. */
final class SurveyApi {
    static final String LINK_HEADER = "X-Survey-Link";
    private final ApiClient api;

    SurveyApi(ApiClient api) {
        this.api = api;
    }

    /** Creates a survey from the Fyrbodal template and waits until the read model has it: its id. */
    String createFromTemplate(String facilitator, String project) {
        JsonNode created = api.send("POST", "/api/v1/projects/" + project + "/surveys", facilitator,
                Map.of("template", "fyrbodal-nulage")).require(201);
        String id = created.get("id").asText();
        long version = created.get("version").asLong();
        Awaitility.await("survey " + id + " in the read model").atMost(Duration.ofSeconds(20))
                .until(() -> {
                    ApiClient.Response survey = survey(facilitator, project, id);
                    return survey.status() == 200 && survey.body().get("version").asLong() >= version;
                });
        return id;
    }

    ApiClient.Response survey(String token, String project, String survey) {
        return api.send("GET", "/api/v1/projects/" + project + "/surveys/" + survey, token, (String) null);
    }

    ApiClient.Response command(String facilitator, String project, String survey, String action) {
        return api.send("POST", "/api/v1/projects/" + project + "/surveys/" + survey + "/" + action, facilitator,
                "{}");
    }

    JsonNode links(String facilitator, String project, String survey) {
        return api.send("GET", "/api/v1/projects/" + project + "/surveys/" + survey + "/links", facilitator,
                (String) null).require(200);
    }

    static String linkFor(JsonNode links, String organisation, String targetGroup) {
        for (JsonNode link : links) {
            if (link.get("organisation").asText().equals(organisation)
                    && link.get("targetGroup").asText().equals(targetGroup)) {
                return link.get("token").asText();
            }
        }
        throw new AssertionError("no link for " + organisation + "/" + targetGroup);
    }

    /** The respondent's page once it includes the answer that brought the survey to {@code version}. */
    JsonNode pageAt(String link, long version) {
        return Awaitility.await("the respondent's page at version " + version).atMost(Duration.ofSeconds(20))
                .until(() -> page(link).require(200), page -> page.get("version").asLong() >= version);
    }

    ApiClient.Response page(String link) {
        return api.send("GET", "/api/v1/survey-links/" + link, null, (String) null);
    }

    /** A respondent's PUT through their link, for the organisation and group in the path. */
    ApiClient.Response answer(String link, String survey, String organisation, String group, String rawBody) {
        return api.send("PUT", "/api/v1/surveys/" + survey + "/responses/" + organisation + "/" + group, null,
                rawBody, link == null ? Map.of() : Map.of(LINK_HEADER, link));
    }

    ApiClient.Response answer(String link, String survey, String organisation, String group,
                              List<Map<String, Object>> answers, boolean submit) {
        try {
            return answer(link, survey, organisation, group, new com.fasterxml.jackson.databind.ObjectMapper()
                    .writeValueAsString(Map.of("answers", answers, "submit", submit)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The question of the page with this text's start, for its id. */
    static String questionId(JsonNode survey, String textStart) {
        for (JsonNode question : survey.get("questions")) {
            if (question.get("text").asText().startsWith(textStart)) {
                return question.get("id").asText();
            }
        }
        throw new AssertionError("no question " + textStart);
    }
}
