package se.samverka.command.survey;

import java.util.List;
import java.util.Optional;
import se.samverka.kernel.survey.NumberUnit;
import se.samverka.kernel.survey.QuestionKind;
import se.samverka.kernel.survey.SurveyQuestion;

/**
 * Built-in survey templates. {@code fyrbodal-nulage}: the pre-study's current-state survey —
 * its six questions and four target groups as the seed words them, sent to the 14 member
 * municipalities of Fyrbodal. The seed gives only the questions; the kinds, options, units and
 * capability links are this template's reading of them (docs/survey.md says why each).
 */
public final class SurveyTemplates {
    public static final String FYRBODAL = "fyrbodal-nulage";

    public record Template(String id, String title, List<String> targetGroups, List<String> organisations,
                           List<SurveyQuestion> questions) {
    }

    static final String IT_CHEF = "IT-chef";
    static final String SECURITY = "Informationssäkerhetsansvarig";
    static final String MANAGER = "Förvaltningschef";
    static final String FINANCE = "Ekonomichef";

    public static final List<String> FYRBODAL_MUNICIPALITIES = List.of("Bengtsfors", "Dals-Ed", "Färgelanda",
            "Lysekil", "Mellerud", "Munkedal", "Orust", "Sotenäs", "Strömstad", "Tanum", "Trollhättan", "Uddevalla",
            "Vänersborg", "Åmål");

    private static final Template FYRBODAL_TEMPLATE = new Template(FYRBODAL,
            "Nulägesanalys – Hur ser förutsättningarna ut internt för Fyrbodals kommuner?",
            List.of(IT_CHEF, SECURITY, MANAGER, FINANCE), FYRBODAL_MUNICIPALITIES, List.of(
            new SurveyQuestion(null, QuestionKind.NUMBER, "Vilka resurser och roller finns?",
                    "Ange hur många årsarbetskrafter som arbetar med IT i kommunen, egen personal och konsulter.",
                    List.of(IT_CHEF, MANAGER), List.of(), NumberUnit.FTE, "engage-colleagues", "people"),
            new SurveyQuestion(null, QuestionKind.MULTIPLE_CHOICE, "Vilka kompetenser finns?",
                    "Markera de kompetenser som finns i egen organisation.",
                    List.of(IT_CHEF, SECURITY), List.of("Infrastruktur och drift", "Informationssäkerhet",
                    "Arkitektur", "Systemförvaltning", "Verksamhetsutveckling", "Upphandling och avtal",
                    "Projektledning"), null, "build-competence", "people"),
            new SurveyQuestion(null, QuestionKind.SINGLE_CHOICE, "Vilken kapacitet finns?",
                    "Räcker dagens kapacitet till det verksamheten behöver?",
                    List.of(IT_CHEF, MANAGER), List.of("Räcker inte till drift", "Räcker till drift",
                    "Räcker till drift och viss utveckling", "Räcker till drift och utveckling, och kan delas"),
                    null, "operate-experiences", "processes"),
            new SurveyQuestion(null, QuestionKind.SCALE, "Hur väl stöds verksamheten?",
                    "1 = mycket dåligt, 5 = mycket väl.",
                    List.of(IT_CHEF, SECURITY, MANAGER, FINANCE), List.of(), null, "understand-needs", null),
            new SurveyQuestion(null, QuestionKind.TEXT, "Hur ser informationshanteringen ut?",
                    "Beskriv kort hur information hanteras, skyddas och arkiveras i dag.",
                    List.of(SECURITY, MANAGER), List.of(), null, "structural-capital", "processes"),
            new SurveyQuestion(null, QuestionKind.NUMBER, "Vad kostar det idag?",
                    "Ange kommunens totala IT-kostnad per år i kronor.",
                    List.of(IT_CHEF, FINANCE), List.of(), NumberUnit.SEK, "funding-and-economy", null)));

    private SurveyTemplates() {
    }

    public static Optional<Template> find(String id) {
        return FYRBODAL.equals(id) ? Optional.of(FYRBODAL_TEMPLATE) : Optional.empty();
    }

    public static List<Template> all() {
        return List.of(FYRBODAL_TEMPLATE);
    }
}
