package se.samverka.query.live;

import java.security.Principal;
import se.samverka.kernel.access.Caller;

/** The caller of a STOMP session, set on CONNECT and seen by every later frame of it. */
public record CallerPrincipal(Caller caller) implements Principal {
    @Override
    public String getName() {
        return caller.actor();
    }
}
