package se.samverka.query.survey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;

/** A project's environment analysis in one document with its {@code version}: sources, then findings, in order. */
public record EnvironmentView(@BsonId String projectId, long version, List<SourceView> sources,
                              List<FindingView> findings) {

    public record SourceView(String id, String kind, String organisation, String question, String notes,
                             LocalDate date, String status, Instant changedAt) {
    }

    public record FindingView(String id, String statement, List<String> sourceIds, List<String> capabilityIds,
                              boolean withdrawn, Instant recordedAt) {
    }

    static EnvironmentView empty(String projectId) {
        return new EnvironmentView(projectId, -1, List.of(), List.of());
    }

    EnvironmentView withVersion(long next) {
        return new EnvironmentView(projectId, next, sources, findings);
    }

    EnvironmentView withSource(SourceView source) {
        List<SourceView> next = new ArrayList<>(sources);
        int at = next.stream().map(SourceView::id).toList().indexOf(source.id());
        if (at < 0) {
            next.add(source);
        } else {
            next.set(at, source);
        }
        return new EnvironmentView(projectId, version, List.copyOf(next), findings);
    }

    EnvironmentView withFinding(FindingView finding) {
        List<FindingView> next = new ArrayList<>(findings);
        int at = next.stream().map(FindingView::id).toList().indexOf(finding.id());
        if (at < 0) {
            next.add(finding);
        } else {
            next.set(at, finding);
        }
        return new EnvironmentView(projectId, version, sources, List.copyOf(next));
    }

    FindingView finding(String id) {
        return findings.stream().filter(f -> f.id().equals(id)).findFirst().orElse(null);
    }
}
