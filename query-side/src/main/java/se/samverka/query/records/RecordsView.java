package se.samverka.query.records;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * A project's records in one document with their {@code version}: facts, plan versions, milestones
 * and every meeting's status report (oldest first), so the traffic lights' history can be read.
 * Whether a milestone is late depends on the day; the controller adds it when serving.
 */
public record RecordsView(@BsonId String projectId, long version, FactsView facts, List<PlanVersionView> planVersions,
                          List<MilestoneView> milestones, List<StatusReportView> statusReports,
                          List<ActivityView> activities, OrganisationsView organisations) {
    public RecordsView {
        // Documents stored before the timeline and the organisations existed have neither.
        activities = activities == null ? List.of() : activities;
        organisations = organisations == null ? OrganisationsView.OPEN : organisations;
    }

    static RecordsView empty(String projectId) {
        return new RecordsView(projectId, -1, null, List.of(), List.of(), List.of(), List.of(), OrganisationsView.OPEN);
    }

    /** A timeline activity from its start week to its end week, inclusive (ISO weeks, 2020-W41). */
    public record ActivityView(String id, String name, String startWeek, String endWeek) {
    }

    /** The member organisations a participant picks from when joining; an empty list accepts any. */
    public record OrganisationsView(List<String> names, boolean allowOther) {
        public static final OrganisationsView OPEN = new OrganisationsView(List.of(), true);

        public OrganisationsView {
            names = names == null ? List.of() : names;
        }
    }

    public record FactsView(String name, String goal, Long totalCostSek, List<String> financing,
                            String municipalContribution, LocalDate startDate, LocalDate endDate,
                            List<String> deliverables) {
    }

    public record PlanVersionView(String version, String note, String state, String decidedIn, String decisionId,
                                  Instant changedAt) {
    }

    public record MilestoneView(String id, String name, LocalDate planned, LocalDate due, LocalDate reachedOn,
                                boolean late) {
    }

    public record StatusRowView(String area, String light, String lightLabel, String colour, String deviation,
                                String action, LocalDate done) {
    }

    public record StatusReportView(String workshopId, LocalDate reportedOn, List<StatusRowView> rows,
                                   Instant reportedAt) {
    }

    RecordsView withVersion(long next) {
        return new RecordsView(projectId, next, facts, planVersions, milestones, statusReports, activities,
                organisations);
    }

    RecordsView withFacts(FactsView next) {
        return new RecordsView(projectId, version, next, planVersions, milestones, statusReports, activities,
                organisations);
    }

    RecordsView withPlanVersion(PlanVersionView plan) {
        List<PlanVersionView> next = new ArrayList<>(planVersions);
        int at = indexOf(next.stream().map(PlanVersionView::version).toList(), plan.version());
        if (at < 0) {
            next.add(plan);
        } else {
            next.set(at, plan);
        }
        return new RecordsView(projectId, version, facts, List.copyOf(next), milestones, statusReports, activities,
                organisations);
    }

    RecordsView withMilestone(MilestoneView milestone) {
        List<MilestoneView> next = new ArrayList<>(milestones.stream().filter(m -> !m.id().equals(milestone.id()))
                .toList());
        next.add(milestone);
        next.sort((a, b) -> Integer.compare(Integer.parseInt(a.id().substring(1)),
                Integer.parseInt(b.id().substring(1))));
        return new RecordsView(projectId, version, facts, planVersions, List.copyOf(next), statusReports, activities,
                organisations);
    }

    RecordsView withStatusReport(StatusReportView report) {
        List<StatusReportView> next = new ArrayList<>(statusReports);
        int at = indexOf(next.stream().map(StatusReportView::workshopId).toList(), report.workshopId());
        if (at < 0) {
            next.add(report);
        } else {
            next.set(at, report);
        }
        return new RecordsView(projectId, version, facts, planVersions, milestones, List.copyOf(next), activities,
                organisations);
    }

    RecordsView withMilestones(List<MilestoneView> next) {
        return new RecordsView(projectId, version, facts, planVersions, next, statusReports, activities,
                organisations);
    }

    /** Adds or replaces the activity; activities are kept in the order of their numbers (A1, A2, … A10). */
    RecordsView withActivity(ActivityView activity) {
        List<ActivityView> next = new ArrayList<>(activities.stream().filter(a -> !a.id().equals(activity.id()))
                .toList());
        next.add(activity);
        next.sort((a, b) -> Integer.compare(Integer.parseInt(a.id().substring(1)),
                Integer.parseInt(b.id().substring(1))));
        return new RecordsView(projectId, version, facts, planVersions, milestones, statusReports, List.copyOf(next),
                organisations);
    }

    RecordsView withoutActivity(String activityId) {
        return new RecordsView(projectId, version, facts, planVersions, milestones, statusReports,
                activities.stream().filter(a -> !a.id().equals(activityId)).toList(), organisations);
    }

    RecordsView withOrganisations(OrganisationsView next) {
        return new RecordsView(projectId, version, facts, planVersions, milestones, statusReports, activities, next);
    }

    private static int indexOf(List<String> keys, String key) {
        return keys.indexOf(key);
    }
}
