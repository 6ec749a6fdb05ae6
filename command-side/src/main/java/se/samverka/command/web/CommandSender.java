package se.samverka.command.web;

import java.util.Map;
import java.util.concurrent.CompletionException;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.MetaData;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import se.samverka.command.idempotency.IdempotencyConfiguration;
import se.samverka.command.idempotency.IdempotencyFilter;
import se.samverka.command.messaging.CommandMessagingConfiguration;
import se.samverka.kernel.access.Caller;
import se.samverka.kernel.workshop.WorkshopId;

/**
 * Sends a command on behalf of a caller and waits for the decision. Who sent it and the
 * request id travel as metadata into every event the command causes (the audit trail).
 *
 * <p>At most {@code samverka.commands.max-concurrent} commands run at once; the others wait
 * here, holding no database connection. Measured under 500 voters: with every request thread
 * in a command, the event store's reader waited seconds for a pooled connection, and screens
 * lagged the votes by as much (docs/benchmarks.md). A command that cannot start within
 * {@code samverka.commands.wait-ms} is answered 503: nothing was changed, a retry is safe.
 */
@Component
public class CommandSender {
    private final CommandGateway gateway;
    private final Semaphore running;
    private final long waitMillis;
    private final VoteGroups votes;
    /** The same limit, taken by a group of votes while it runs. */
    private final VoteGroups.Permits permits = new VoteGroups.Permits() {
        @Override
        public boolean acquire() {
            return tryAcquire();
        }

        @Override
        public void release() {
            running.release();
        }
    };

    /**
     * {@code samverka.commands.vote-group-max}: the most votes of one workshop stored in one
     * transaction ({@link VoteGroups}); 1 sends every vote alone.
     */
    @Autowired
    public CommandSender(CommandGateway gateway, CommandBus commandBus, TransactionManager transactionManager,
                         @Value("${samverka.commands.max-concurrent:4}") int maxConcurrent,
                         @Value("${samverka.commands.wait-ms:5000}") long waitMillis,
                         @Value("${samverka.commands.vote-group-max:64}") int voteGroupMax) {
        this.gateway = gateway;
        this.running = new Semaphore(maxConcurrent, true);
        this.waitMillis = waitMillis;
        this.votes = new VoteGroups(commandBus, transactionManager, voteGroupMax, permits, this::sendNow);
    }

    public <R> R send(Object command, Caller caller) {
        return sendAs(command, caller.actor());
    }

    /**
     * Sends a command on behalf of someone who is no {@link Caller}: a survey respondent, named
     * by the link they answer through ({@code respondent:<organisation>/<group>}).
     */
    @SuppressWarnings("unchecked")
    public <R> R sendAs(Object command, String actor) {
        CommandMessage<?> message = message(command, actor);
        WorkshopId lane = votes.laneOf(command);
        if (lane != null) {
            return (R) votes.send(lane, message);
        }
        if (!tryAcquire()) {
            throw new CannotCreateTransactionException("too many commands in flight");
        }
        try {
            return sendNow(message);
        } finally {
            running.release();
        }
    }

    private boolean tryAcquire() {
        try {
            return running.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CannotCreateTransactionException("interrupted while waiting to run a command", e);
        }
    }

    /** The command with who sent it and the request it came in: read here, on the request's thread. */
    private static CommandMessage<?> message(Object command, String actor) {
        MetaData metaData = MetaData.from(Map.of(
                CommandMessagingConfiguration.ACTOR, actor,
                CommandMessagingConfiguration.REQUEST_ID, currentRequestId()));
        String idempotencyKey = currentIdempotencyKey();
        if (idempotencyKey != null) {
            metaData = metaData.and(IdempotencyConfiguration.KEY, idempotencyKey);
        }
        return GenericCommandMessage.asCommandMessage(command).andMetaData(metaData);
    }

    private <R> R sendNow(CommandMessage<?> message) {
        try {
            return gateway.sendAndWait(message);
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
