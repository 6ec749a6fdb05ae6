package se.samverka.query.audit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import se.samverka.kernel.capability.LocalizedText;
import se.samverka.kernel.project.ProjectCreatedEvent;
import se.samverka.kernel.records.ActivityRemovedEvent;
import se.samverka.kernel.survey.SurveyAnswersSubmittedEvent;
import se.samverka.kernel.survey.SurveyDraftSavedEvent;
import se.samverka.kernel.workshop.CapabilityRatedEvent;
import se.samverka.kernel.workshop.ParticipantErasedEvent;
import se.samverka.kernel.workshop.ParticipantJoinedEvent;
import se.samverka.kernel.workshop.ParticipantRemovedEvent;
import se.samverka.kernel.workshop.WorkshopCreatedEvent;

/**
 * Says what an event did, in Swedish and English, with the values it changed. Known events get
 * their own words; any other event still gets a line: its kind from its package
 * ({@code kernel.risk} → {@code risk}), its type in plain words, and old → new for every pair of
 * record components {@code previousX} / {@code x}. No personal data goes into a summary: who
 * did it is shown beside it, looked up when the line is read.
 */
final class AuditDescriber {
    static final String PROJECT = "project";
    static final String WORKSHOP = "workshop";
    static final String PARTICIPATION = "participation";
    static final String RATING = "rating";
    static final String SURVEY = "survey";
    static final String RECORDS = "records";
    private static final LocalizedText SCORE = new LocalizedText("Betyg", "Score");

    private AuditDescriber() {
    }

    /**
     * What a line says. {@code actorPublic}: whether the actor may be named to other participants
     * of the workshop (who joined, yes; who rated what, no). {@code anonymous}: the event itself
     * says it was anonymous, so no one but the actor sees who it was.
     */
    record Description(String kind, LocalizedText summary, List<AuditChange> changes, boolean actorPublic,
                       boolean anonymous) {
    }

    static Description describe(Object payload, Function<String, LocalizedText> capabilityName) {
        if (payload instanceof ProjectCreatedEvent e) {
            return plain(PROJECT, "Skapade projektet ”%s”".formatted(e.name()),
                    "Created the project “%s”".formatted(e.name()));
        }
        if (payload instanceof WorkshopCreatedEvent e) {
            return plain(WORKSHOP, "Skapade workshoppen ”%s” med anslutningskod %s".formatted(e.title(), e.joinCode()),
                    "Created the workshop “%s” with join code %s".formatted(e.title(), e.joinCode()));
        }
        if (payload instanceof ParticipantJoinedEvent) {
            return plain(PARTICIPATION, "Gick med i workshoppen", "Joined the workshop");
        }
        if (payload instanceof ParticipantErasedEvent) {
            return plain(PARTICIPATION, "Raderade en deltagares personuppgifter", "Erased a participant's personal data");
        }
        if (payload instanceof ParticipantRemovedEvent) {
            return plain(PARTICIPATION, "Tog bort en deltagare ur workshoppen", "Removed a participant from the workshop");
        }
        if (payload instanceof CapabilityRatedEvent e) {
            LocalizedText name = capabilityName.apply(e.capabilityId());
            if (name == null) {
                name = new LocalizedText(e.capabilityId(), e.capabilityId());
            }
            // Joined, not formatted: ratings are most of a trail, and formatting them was two fifths
            // of the audit handler's own time in a rebuild's profile; digits stay ASCII whatever
            // the default locale.
            LocalizedText summary = e.previousScore() == null
                    ? new LocalizedText("Bedömde ”" + name.sv() + "”: " + e.score(),
                            "Rated “" + name.en() + "”: " + e.score())
                    : new LocalizedText("Ändrade bedömningen av ”" + name.sv() + "” från " + e.previousScore()
                            + " till " + e.score(),
                            "Changed the rating of “" + name.en() + "” from " + e.previousScore() + " to "
                                    + e.score());
            return new Description(RATING, summary, List.of(new AuditChange("score", SCORE,
                    e.previousScore() == null ? null : e.previousScore().toString(), Integer.toString(e.score()))),
                    false, false);
        }
        // Survey answers (issue 10): who is the organisation and role of the link, as the actor
        // already says; the values are only what the respondent gave.
        if (payload instanceof SurveyAnswersSubmittedEvent e) {
            Map<String, String> before = new LinkedHashMap<>();
            e.previousAnswers().forEach(a -> before.put(a.questionId(), a.display()));
            Map<String, String> after = new LinkedHashMap<>();
            e.answers().forEach(a -> after.put(a.questionId(), a.display()));
            List<AuditChange> changes = new ArrayList<>();
            java.util.Set<String> questions = new java.util.LinkedHashSet<>(after.keySet());
            questions.addAll(before.keySet());
            for (String question : questions) {
                if (!java.util.Objects.equals(before.get(question), after.get(question))) {
                    changes.add(new AuditChange(question, new LocalizedText("Fråga " + question, "Question " + question),
                            before.get(question), after.get(question)));
                }
            }
            return new Description(SURVEY, e.revision() == 1
                    ? new LocalizedText("Skickade in enkätsvar (%s, %s)".formatted(e.organisation(), e.targetGroup()),
                            "Submitted survey answers (%s, %s)".formatted(e.organisation(), e.targetGroup()))
                    : new LocalizedText("Ändrade enkätsvar, version %d (%s, %s)".formatted(e.revision(),
                            e.organisation(), e.targetGroup()), "Changed survey answers, revision %d (%s, %s)"
                            .formatted(e.revision(), e.organisation(), e.targetGroup())), changes, true, false);
        }
        if (payload instanceof SurveyDraftSavedEvent e) {
            return plain(SURVEY, "Sparade ett utkast till enkätsvar med %d svar (%s, %s)".formatted(e.answers().size(),
                    e.organisation(), e.targetGroup()), "Saved a draft of survey answers with %d answers (%s, %s)"
                    .formatted(e.answers().size(), e.organisation(), e.targetGroup()));
        }
        // A removal says what went: the timeline itself no longer shows it.
        if (payload instanceof ActivityRemovedEvent e) {
            return plain(RECORDS, "Tog bort aktiviteten %s ”%s” (%s–%s) ur tidplanen".formatted(e.activityId(),
                    e.name(), e.startWeek(), e.endWeek()), "Removed the activity %s “%s” (%s–%s) from the timeline"
                    .formatted(e.activityId(), e.name(), e.startWeek(), e.endWeek()));
        }
        return generic(payload);
    }

    private static Description plain(String kind, String sv, String en) {
        return new Description(kind, new LocalizedText(sv, en), List.of(), true, false);
    }

    private static Description generic(Object payload) {
        String words = words(payload.getClass().getSimpleName());
        Map<String, Object> values = components(payload);
        List<AuditChange> changes = new ArrayList<>();
        values.forEach((name, previous) -> {
            if (name.startsWith("previous") && name.length() > "previous".length()) {
                String field = Character.toLowerCase(name.charAt(8)) + name.substring(9);
                if (values.containsKey(field)) {
                    changes.add(new AuditChange(field, new LocalizedText(field, field), text(previous),
                            text(values.get(field))));
                }
            }
        });
        boolean anonymous = Boolean.TRUE.equals(values.get("anonymous"));
        return new Description(kindOf(payload.getClass()), new LocalizedText("Händelse: " + words, words), changes,
                true, anonymous);
    }

    /** The last segment of the event's package: {@code se.samverka.kernel.risk} → {@code risk}. */
    static String kindOf(Class<?> type) {
        String packageName = type.getPackageName();
        return packageName.substring(packageName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }

    /** {@code RiskReassessedEvent} → {@code Risk reassessed}. */
    static String words(String simpleName) {
        String name = simpleName.endsWith("Event") ? simpleName.substring(0, simpleName.length() - 5) : simpleName;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (i > 0 && Character.isUpperCase(c)) {
                out.append(' ').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Map<String, Object> components(Object payload) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (!payload.getClass().isRecord()) {
            return values;
        }
        for (RecordComponent component : payload.getClass().getRecordComponents()) {
            try {
                var accessor = component.getAccessor();
                accessor.trySetAccessible();
                values.put(component.getName(), accessor.invoke(payload));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + component.getName() + " of " + payload.getClass(), e);
            }
        }
        return values;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
