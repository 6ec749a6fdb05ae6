package se.samverka.command.web;

import java.util.Map;
import java.util.concurrent.CompletionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import se.samverka.command.idempotency.IdempotencyConfiguration;
import se.samverka.command.idempotency.IdempotencyFilter;
import se.samverka.command.messaging.CommandMessagingConfiguration;
import se.samverka.kernel.access.Caller;

/**
 * Sends a command on behalf of a caller and waits for the decision. Who sent it and the
 * request id travel as metadata into every event the command causes (the audit trail).
 */
@Component
public class CommandSender {
    private final CommandGateway gateway;

    public CommandSender(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public <R> R send(Object command, Caller caller) {
        return sendAs(command, caller.actor());
    }

    /**
     * Sends a command on behalf of someone who is no {@link Caller}: a survey respondent, named
     * by the link they answer through ({@code respondent:<organisation>/<group>}).
     */
    public <R> R sendAs(Object command, String actor) {
        MetaData metaData = MetaData.from(Map.of(
                CommandMessagingConfiguration.ACTOR, actor,
                CommandMessagingConfiguration.REQUEST_ID, currentRequestId()));
        String idempotencyKey = currentIdempotencyKey();
        if (idempotencyKey != null) {
            metaData = metaData.and(IdempotencyConfiguration.KEY, idempotencyKey);
        }
        try {
            return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    private static String currentIdempotencyKey() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        Object key = attributes == null ? null
                : attributes.getAttribute(IdempotencyFilter.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return key == null ? null : key.toString();
    }

    private static String currentRequestId() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        Object id = attributes == null ? null
                : attributes.getAttribute(RequestIdFilter.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return id == null ? "none" : id.toString();
    }
}
