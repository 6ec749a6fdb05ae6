package se.samverka.query.survey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import se.samverka.query.survey.SurveyView.Party;
import se.samverka.query.survey.SurveyView.RespondentView;

/**
 * Which organisations and target groups have answered a survey: one cell per pair, its state
 * (none, draft, submitted) and when it was submitted — never what was answered.
 */
public record ResponseBoard(String surveyId, long version, String status, List<Party> organisations,
                            List<Party> targetGroups, List<Cell> cells, int submitted, int drafts, int expected,
                            double rate) {

    public record Cell(String organisation, String targetGroup, String state, Instant submittedAt) {
    }

    static ResponseBoard of(SurveyView survey) {
        List<Cell> cells = new ArrayList<>();
        int submitted = 0;
        int drafts = 0;
        for (Party organisation : survey.organisations()) {
            for (Party group : survey.targetGroups()) {
                RespondentView respondent = survey.respondent(organisation.key(), group.key());
                String state = respondent == null ? "none" : respondent.state();
                submitted += "submitted".equals(state) ? 1 : 0;
                drafts += "draft".equals(state) ? 1 : 0;
                cells.add(new Cell(organisation.key(), group.key(), state,
                        respondent == null ? null : respondent.submittedAt()));
            }
        }
        int expected = cells.size();
        return new ResponseBoard(survey.surveyId(), survey.version(), survey.status(), survey.organisations(),
                survey.targetGroups(), List.copyOf(cells), submitted, drafts, expected,
                expected == 0 ? 0 : Math.round(1000.0 * submitted / expected) / 1000.0);
    }
}
