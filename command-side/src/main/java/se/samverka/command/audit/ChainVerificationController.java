package se.samverka.command.audit;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.samverka.kernel.Ids;
import se.samverka.kernel.access.Caller;
import se.samverka.kernel.problem.DomainException;
import se.samverka.kernel.project.ProjectCreatedEvent;

/**
 * Verifies a project's hash chain against the events as stored now. Only the facilitator who
 * created the project may ask: the answer names events of every workshop in it.
 */
@RestController
@RequestMapping("/api/v1/projects")
public class ChainVerificationController {
    private final EventChain chain;
    private final EventStore events;

    public ChainVerificationController(EventChain chain, EventStore events) {
        this.chain = chain;
        this.events = events;
    }

    @GetMapping("/{projectId}/audit/verify")
    public ChainVerification verify(Caller caller, @PathVariable String projectId) {
        caller.requireFacilitator();
        if (!caller.subject().equals(creatorOf(projectId))) {
            throw DomainException.forbidden("this project belongs to others");
        }
        return chain.verify(projectId);
    }

    /** Who created the project, from its first event: the command side keeps no project table. */
    private String creatorOf(String projectId) {
        if (!Ids.isSafe(projectId)) {
            throw unknown();
        }
        return events.readEvents(projectId).asStream().findFirst()
                .map(first -> first.getPayload() instanceof ProjectCreatedEvent created ? created.createdBy() : null)
                .orElseThrow(ChainVerificationController::unknown);
    }

    private static DomainException unknown() {
        return DomainException.notFound("unknown-project", "no such project");
    }
}
