package se.samverka.command.audit;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;
import se.samverka.kernel.EventScope;

/**
 * Chains every event into its project's hash chain as it is stored, whatever its type: new
 * aggregates (meetings, decisions, risks) join without a change here. Runs in its own tracking
 * processor with the JDBC transaction manager and token store ({@link EventChainConfiguration}).
 */
@Component
@ProcessingGroup(EventChainProcessor.GROUP)
public class EventChainProcessor {
    public static final String GROUP = "event-chain";

    private final EventChain chain;

    public EventChainProcessor(EventChain chain) {
        this.chain = chain;
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> message) {
        chain.append(message.getIdentifier(), message.getAggregateIdentifier(), EventScope.projectOf(payload));
    }
}
