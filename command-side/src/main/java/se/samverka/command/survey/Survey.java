package se.samverka.command.survey;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import se.samverka.command.risk.ProjectMembership;
import se.samverka.kernel.problem.DomainException;
import se.samverka.kernel.problem.TextInput;
import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.survey.CloseSurveyCommand;
import se.samverka.kernel.survey.CreateSurveyCommand;
import se.samverka.kernel.survey.DefineSurveyQuestionCommand;
import se.samverka.kernel.survey.OpenSurveyCommand;
import se.samverka.kernel.survey.QuestionKind;
import se.samverka.kernel.survey.RemoveSurveyQuestionCommand;
import se.samverka.kernel.survey.SaveSurveyAnswersCommand;
import se.samverka.kernel.survey.SurveyAnswer;
import se.samverka.kernel.survey.SurveyAnswersSubmittedEvent;
import se.samverka.kernel.survey.SurveyClosedEvent;
import se.samverka.kernel.survey.SurveyCreatedEvent;
import se.samverka.kernel.survey.SurveyDraftSavedEvent;
import se.samverka.kernel.survey.SurveyEvent;
import se.samverka.kernel.survey.SurveyId;
import se.samverka.kernel.survey.SurveyKeys;
import se.samverka.kernel.survey.SurveyOpenedEvent;
import se.samverka.kernel.survey.SurveyOutcome;
import se.samverka.kernel.survey.SurveyQuestion;
import se.samverka.kernel.survey.SurveyQuestionDefinedEvent;
import se.samverka.kernel.survey.SurveyQuestionRemovedEvent;
import se.samverka.kernel.survey.SurveyRules;
import se.samverka.kernel.survey.SurveyStatus;

/**
 * One survey of a project (nulägesanalys): its questions, its target groups and organisations,
 * whether it is a draft, open or closed, and every respondent's draft and submitted answer set.
 *
 * <p>Why the answers live in this aggregate rather than one per respondent: the rules that
 * matter are about the survey as a whole — an answer must fit the question as it stands, and
 * nothing is accepted after closing. In one aggregate these are decided against one consistent
 * state, with no race between a late answer and the close. The stream stays small (a region of
 * 14 organisations × 4 groups is 56 respondents, each saving a handful of times).
 */
@Aggregate
public class Survey {
    static final int MAX_TITLE = 200;
    static final int MAX_HELP = 1000;
    static final int MAX_PARTIES = 100;

    @AggregateIdentifier
    private SurveyId surveyId;
    private ProjectId projectId;
    private SurveyStatus status;
    private final Map<String, String> targetGroups = new LinkedHashMap<>();
    private final Map<String, String> organisations = new LinkedHashMap<>();
    private final Map<String, SurveyQuestion> questions = new LinkedHashMap<>();
    private int questionsEverDefined;
    private final Map<String, List<SurveyAnswer>> submitted = new HashMap<>();
    private final Map<String, Integer> revisions = new HashMap<>();
    private final Map<String, List<SurveyAnswer>> drafts = new HashMap<>();
    private long version = -1;

    protected Survey() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public SurveyOutcome handle(CreateSurveyCommand command, ProjectMembership membership, ProjectModels models,
                                Clock clock) {
        membership.requireFacilitator(command.projectId(), command.facilitator());
        String title = TextInput.required("title", command.title(), MAX_TITLE);
        List<String> groups = names("targetGroups", command.targetGroups());
        List<String> members = names("organisations", command.organisations());
        apply(new SurveyCreatedEvent(command.surveyId(), command.projectId(), title, groups, members,
                command.facilitator(), clock.instant()));
        for (SurveyQuestion question : command.questions() == null ? List.<SurveyQuestion>of() : command.questions()) {
            define(question == null ? null : new SurveyQuestion(null, question.kind(), question.text(), question.help(),
                    question.targetGroups(), question.options(), question.unit(), question.capabilityId(),
                    question.dimensionId()), models, clock);
        }
        return outcome(command.surveyId().value());
    }

    @CommandHandler
    public SurveyOutcome handle(DefineSurveyQuestionCommand command, ProjectMembership membership,
                                ProjectModels models, Clock clock) {
        requireFacilitator(command.projectId(), command.facilitator(), membership);
        requireDraft();
        return outcome(define(command.question(), models, clock));
    }

    @CommandHandler
    public SurveyOutcome handle(RemoveSurveyQuestionCommand command, ProjectMembership membership, Clock clock) {
        requireFacilitator(command.projectId(), command.facilitator(), membership);
        requireDraft();
        if (!questions.containsKey(command.questionId())) {
            throw DomainException.notFound("unknown-question", "the survey has no question " + command.questionId());
        }
        apply(new SurveyQuestionRemovedEvent(surveyId, projectId, command.questionId(), clock.instant()));
        return outcome(command.questionId());
    }

    @CommandHandler
    public SurveyOutcome handle(OpenSurveyCommand command, ProjectMembership membership, Clock clock) {
        requireFacilitator(command.projectId(), command.facilitator(), membership);
        if (status == SurveyStatus.CLOSED) {
            throw DomainException.conflict("survey-closed", "a closed survey does not open again");
        }
        if (status == SurveyStatus.DRAFT) {
            if (questions.isEmpty()) {
                throw DomainException.conflict("survey-empty", "a survey opens with at least one question");
            }
            apply(new SurveyOpenedEvent(surveyId, projectId, clock.instant()));
        }
        return outcome(surveyId.value());
    }

    @CommandHandler
    public SurveyOutcome handle(CloseSurveyCommand command, ProjectMembership membership, Clock clock) {
        requireFacilitator(command.projectId(), command.facilitator(), membership);
        if (status == SurveyStatus.DRAFT) {
            throw DomainException.conflict("survey-not-open", "only an open survey closes");
        }
        if (status == SurveyStatus.OPEN) {
            apply(new SurveyClosedEvent(surveyId, projectId, submitted.size(), clock.instant()));
        }
        return outcome(surveyId.value());
    }

    /**
     * A respondent's answers. The link was checked by the web layer (it names this organisation
     * and group); here: the survey is open, the pair is one of the survey's, and every answer fits
     * its question. A draft or submission equal to the last one stores nothing.
     */
    @CommandHandler
    public SurveyOutcome handle(SaveSurveyAnswersCommand command, Clock clock) {
        if (status == SurveyStatus.DRAFT) {
            throw DomainException.conflict("survey-not-open", "the survey is not open for answers yet");
        }
        if (status == SurveyStatus.CLOSED) {
            throw DomainException.conflict("survey-closed", "the survey is closed; answers can no longer change");
        }
        if (!organisations.containsKey(command.organisation()) || !targetGroups.containsKey(command.targetGroup())) {
            throw DomainException.notFound("unknown-respondent", "the survey is not sent to that organisation and group");
        }
        List<SurveyAnswer> answers = SurveyRules.check(questions, command.targetGroup(), command.answers());
        String respondent = respondent(command.organisation(), command.targetGroup());
        if (command.submit()) {
            if (answers.isEmpty()) {
                throw SurveyRules.invalid("answers", "a submitted answer set answers at least one question");
            }
            List<SurveyAnswer> previous = submitted.getOrDefault(respondent, List.of());
            if (!answers.equals(previous) || drafts.containsKey(respondent)) {
                apply(new SurveyAnswersSubmittedEvent(surveyId, projectId, command.organisation(),
                        command.targetGroup(), answers, previous, revisions.getOrDefault(respondent, 0) + 1,
                        clock.instant()));
            }
        } else if (!answers.equals(drafts.get(respondent))) {
            apply(new SurveyDraftSavedEvent(surveyId, projectId, command.organisation(), command.targetGroup(),
                    answers, clock.instant()));
        }
        return outcome(respondent);
    }

    private String define(SurveyQuestion question, ProjectModels models, Clock clock) {
        if (question == null || question.kind() == null) {
            throw SurveyRules.invalid("kind", "a question has a kind: " + List.of(QuestionKind.values()));
        }
        String id = question.id();
        if (id == null) {
            if (questions.size() >= SurveyRules.MAX_QUESTIONS) {
                throw SurveyRules.invalid("questions", "a survey has at most " + SurveyRules.MAX_QUESTIONS + " questions");
            }
            id = "Q" + (questionsEverDefined + 1);
        } else if (!questions.containsKey(id)) {
            throw DomainException.notFound("unknown-question", "the survey has no question " + id);
        }
        List<String> groups = new ArrayList<>();
        for (String group : question.targetGroups()) {
            String key = group == null || group.isBlank() ? null : SurveyKeys.of(group);
            if (key == null || !targetGroups.containsKey(key)) {
                throw SurveyRules.invalid("targetGroups", "the survey has no target group " + group);
            }
            if (!groups.contains(key)) {
                groups.add(key);
            }
        }
        if (groups.isEmpty()) {
            throw SurveyRules.invalid("targetGroups", "a question is addressed to at least one target group");
        }
        boolean choice = question.kind() == QuestionKind.SINGLE_CHOICE || question.kind() == QuestionKind.MULTIPLE_CHOICE;
        List<String> options = new ArrayList<>();
        for (String option : question.options()) {
            String clean = TextInput.required("options", option, SurveyRules.MAX_OPTION);
            if (options.contains(clean)) {
                throw SurveyRules.invalid("options", "option '" + clean + "' is given twice");
            }
            options.add(clean);
        }
        if (choice && (options.size() < 2 || options.size() > SurveyRules.MAX_OPTIONS)) {
            throw SurveyRules.invalid("options", "a choice question has 2 to " + SurveyRules.MAX_OPTIONS + " options");
        }
        if (!choice && !options.isEmpty()) {
            throw SurveyRules.invalid("options", "only choice questions have options");
        }
        if ((question.kind() == QuestionKind.NUMBER) != (question.unit() != null)) {
            throw SurveyRules.invalid("unit", "a number question, and only it, has a unit");
        }
        models.requireCapability(projectId, blankToNull(question.capabilityId()), blankToNull(question.dimensionId()));
        SurveyQuestion next = new SurveyQuestion(id, question.kind(),
                TextInput.required("text", question.text(), SurveyRules.MAX_QUESTION_TEXT),
                TextInput.optional("help", question.help(), MAX_HELP), groups, options, question.unit(),
                blankToNull(question.capabilityId()), blankToNull(question.dimensionId()));
        if (!next.equals(questions.get(id))) {
            apply(new SurveyQuestionDefinedEvent(surveyId, projectId, next, clock.instant()));
        }
        return id;
    }

    private void requireFacilitator(ProjectId project, String facilitator, ProjectMembership membership) {
        if (project == null || !project.equals(projectId)) {
            throw DomainException.notFound("unknown-survey", "the project has no such survey");
        }
        membership.requireFacilitator(projectId, facilitator);
    }

    private void requireDraft() {
        if (status != SurveyStatus.DRAFT) {
            throw DomainException.conflict("survey-not-draft", "questions change only while the survey is a draft");
        }
    }

    static String respondent(String organisation, String targetGroup) {
        return organisation + "/" + targetGroup;
    }

    private SurveyOutcome outcome(String id) {
        return new SurveyOutcome(id, version);
    }

    private static List<String> names(String field, List<String> values) {
        if (values == null || values.isEmpty() || values.size() > MAX_PARTIES) {
            throw SurveyRules.invalid(field, field + " has 1 to " + MAX_PARTIES + " names");
        }
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String value : values) {
            String name = TextInput.required(field, value, 120);
            String key;
            try {
                key = SurveyKeys.of(name);
            } catch (IllegalArgumentException e) {
                throw SurveyRules.invalid(field, e.getMessage());
            }
            if (byKey.putIfAbsent(key, name) != null) {
                throw SurveyRules.invalid(field, "'" + name + "' is given twice");
            }
        }
        return List.copyOf(byKey.values());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @EventSourcingHandler
    void on(SurveyEvent event, @SequenceNumber long sequence) {
        version = sequence;
        if (event instanceof SurveyCreatedEvent created) {
            surveyId = created.surveyId();
            projectId = created.projectId();
            status = SurveyStatus.DRAFT;
            created.targetGroups().forEach(name -> targetGroups.put(SurveyKeys.of(name), name));
            created.organisations().forEach(name -> organisations.put(SurveyKeys.of(name), name));
        } else if (event instanceof SurveyQuestionDefinedEvent defined) {
            if (!questions.containsKey(defined.question().id())) {
                questionsEverDefined++;
            }
            questions.put(defined.question().id(), defined.question());
        } else if (event instanceof SurveyQuestionRemovedEvent removed) {
            questions.remove(removed.questionId());
        } else if (event instanceof SurveyOpenedEvent) {
            status = SurveyStatus.OPEN;
        } else if (event instanceof SurveyClosedEvent) {
            status = SurveyStatus.CLOSED;
        } else if (event instanceof SurveyDraftSavedEvent draft) {
            drafts.put(respondent(draft.organisation(), draft.targetGroup()), draft.answers());
        } else if (event instanceof SurveyAnswersSubmittedEvent answers) {
            String respondent = respondent(answers.organisation(), answers.targetGroup());
            submitted.put(respondent, answers.answers());
            revisions.put(respondent, answers.revision());
            drafts.remove(respondent);
        }
    }
}
