package se.samverka.query.records;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samverka.query.records.RecordsView.OrganisationsView;
import se.samverka.query.workshop.WorkshopViews;

/**
 * What a participant may answer when joining with a code: the project's member organisations
 * and whether free text is allowed. Asked before joining, so without a token. An unknown code
 * gets the same answer as a project without a list, so this is no way to test codes; the join
 * itself refuses the code.
 */
@RestController
public class JoinOptionsController {
    private final WorkshopViews workshops;
    private final RecordsProjection records;

    public JoinOptionsController(WorkshopViews workshops, RecordsProjection records) {
        this.workshops = workshops;
        this.records = records;
    }

    public record JoinOptions(OrganisationsView organisations) {
    }

    @GetMapping("/api/v1/join-options")
    public JoinOptions options(@RequestParam(required = false) String code) {
        return new JoinOptions(workshops.findByJoinCode(code)
                .flatMap(workshop -> records.find(workshop.projectId()))
                .map(RecordsView::organisations).orElse(OrganisationsView.OPEN));
    }
}
