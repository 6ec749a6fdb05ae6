package se.samverka.query.live;

import java.security.Principal;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import se.samverka.kernel.access.Caller;
import se.samverka.kernel.access.DisabledAccounts;
import se.samverka.kernel.access.Revocations;
import se.samverka.kernel.access.TokenCodec;
import se.samverka.kernel.problem.DomainException;
import se.samverka.query.project.ProjectAccess;
import se.samverka.query.workshop.WorkshopAccess;

/**
 * Guards the live channel: CONNECT needs a valid bearer token, SUBSCRIBE only to a workshop
 * or project stream the caller may read, and no client may SEND at all (nothing is published by clients; commands
 * go over HTTP). A revoked credential, or the token of a disabled facilitator account, is refused
 * like an invalid one, on CONNECT and on every SUBSCRIBE; sessions already open when a credential
 * is revoked are closed by {@link RevokedSessions}.
 * A refusal ends the session with a STOMP ERROR frame.
 */
public class StompAccessInterceptor implements ChannelInterceptor {
    static final String AUTHORIZATION = "Authorization";
    static final String AUDIT_STREAM = "audit";

    private final TokenCodec tokens;
    private final WorkshopAccess access;
    private final ProjectAccess projects;
    private final Revocations revocations;
    private final DisabledAccounts accounts;

    public StompAccessInterceptor(TokenCodec tokens, WorkshopAccess access, ProjectAccess projects,
                                  Revocations revocations, DisabledAccounts accounts) {
        this.tokens = tokens;
        this.access = access;
        this.projects = projects;
        this.revocations = revocations;
        this.accounts = accounts;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (stomp == null || stomp.getCommand() == null) {
            return message;
        }
        StompCommand command = stomp.getCommand();
        switch (command) {
            case CONNECT, STOMP -> {
                try {
                    stomp.setUser(new CallerPrincipal(accounts.requireEnabled(revocations.requireNotRevoked(
                            tokens.verifyAuthorization(stomp.getFirstNativeHeader(AUTHORIZATION))))));
                } catch (DomainException e) {
                    throw new MessageDeliveryException(message, e.getMessage());
                }
            }
            case SUBSCRIBE -> {
                String destination = stomp.getDestination();
                Caller caller = caller(message, stomp);
                if (revocations.isRevoked(caller)) {
                    throw new MessageDeliveryException(message, "the token has been revoked");
                }
                if (accounts.isDisabled(caller)) {
                    throw new MessageDeliveryException(message, DisabledAccounts.DISABLED);
                }
                if (!mayFollow(caller, destination)) {
                    throw new MessageDeliveryException(message, "you may not subscribe to " + destination);
                }
            }
            case SEND -> throw new MessageDeliveryException(message, "clients may not send messages");
            default -> {
                // UNSUBSCRIBE, DISCONNECT, ACK, NACK and heartbeats need no check.
            }
        }
        return message;
    }

    /** Only the topics the server publishes, and of those only the caller's own. */
    private boolean mayFollow(Caller caller, String destination) {
        if (destination == null) {
            return false;
        }
        if (destination.startsWith(LivePublisher.TOPIC_PREFIX)) {
            String rest = destination.substring(LivePublisher.TOPIC_PREFIX.length());
            int dot = rest.indexOf('.');
            if (dot < 0) {
                return access.mayFollow(caller, rest);
            }
            // A workshop's own streams (its audit trail) are for whoever may read the workshop.
            return dot > 0 && LivePublisher.STREAM.matcher(rest.substring(dot + 1)).matches()
                    && access.mayFollow(caller, rest.substring(0, dot));
        }
        if (destination.startsWith(LivePublisher.PROJECT_TOPIC_PREFIX)) {
            String rest = destination.substring(LivePublisher.PROJECT_TOPIC_PREFIX.length());
            int dot = rest.indexOf('.');
            if (dot <= 0 || !LivePublisher.STREAM.matcher(rest.substring(dot + 1)).matches()) {
                return false;
            }
            String projectId = rest.substring(0, dot);
            // The project's audit trail names everyone in every workshop: its facilitator's alone.
            return AUDIT_STREAM.equals(rest.substring(dot + 1)) ? projects.mayRun(caller, projectId)
                    : projects.mayFollow(caller, projectId);
        }
        return false;
    }

    private static Caller caller(Message<?> message, StompHeaderAccessor stomp) {
        Principal user = stomp.getUser();
        if (user instanceof CallerPrincipal principal) {
            return principal.caller();
        }
        throw new MessageDeliveryException(message, "connect with a bearer token first");
    }
}
