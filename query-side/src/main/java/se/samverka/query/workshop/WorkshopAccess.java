package se.samverka.query.workshop;

import org.springframework.stereotype.Component;
import se.samverka.kernel.Ids;
import se.samverka.kernel.access.Caller;
import se.samverka.kernel.problem.DomainException;
import se.samverka.kernel.workshop.WorkshopId;

/** Decides who may read a workshop: its participants and the facilitator who runs it. */
@Component
public class WorkshopAccess {
    private final WorkshopViews views;

    public WorkshopAccess(WorkshopViews views) {
        this.views = views;
    }

    /** The workshop the caller may read, or a 403/404 refusal. */
    public WorkshopView readable(Caller caller, String workshopId) {
        if (!Ids.isSafe(workshopId)) {
            throw unknown();
        }
        WorkshopId id = new WorkshopId(workshopId);
        if (!caller.isFacilitator() && !id.equals(caller.workshopId())) {
            throw DomainException.forbidden("the token belongs to another workshop");
        }
        WorkshopView view = views.find(workshopId).orElseThrow(WorkshopAccess::unknown);
        if (!caller.isMemberOf(id, view.facilitator())) {
            throw DomainException.forbidden("only the facilitator who runs this workshop may see it");
        }
        return view;
    }

    /** Whether the caller may follow the workshop live; never throws. */
    public boolean mayFollow(Caller caller, String workshopId) {
        try {
            readable(caller, workshopId);
            return true;
        } catch (DomainException e) {
            return false;
        }
    }

    private static DomainException unknown() {
        return DomainException.notFound("unknown-workshop", "no such workshop");
    }
}
