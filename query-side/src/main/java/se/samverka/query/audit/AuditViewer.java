package se.samverka.query.audit;

import se.samverka.kernel.access.Caller;

/**
 * Whose eyes a line is shown to. The facilitator running the project sees who did what, except
 * in what the event itself marks anonymous; a participant sees who joined and who ran the
 * workshop, but not who rated what — the same as the live dashboard, which never tells — and
 * always their own actions. {@link #PEERS} is what any participant of the workshop may see,
 * for lines pushed to everyone following it.
 */
record AuditViewer(boolean facilitator, String actor) {
    static final AuditViewer FACILITATOR = new AuditViewer(true, null);
    static final AuditViewer PEERS = new AuditViewer(false, null);

    static AuditViewer of(Caller caller) {
        return new AuditViewer(caller.isFacilitator(), caller.actor());
    }

    boolean seesActorOf(AuditEntry entry) {
        if (entry.actor() == null || entry.actor().equals(actor)) {
            return true;
        }
        if (entry.anonymous()) {
            return false;
        }
        return facilitator || entry.actorPublic();
    }
}
