package se.samverka.command.messaging;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.SimpleDeadlineManager;
import org.axonframework.messaging.ScopeAwareProvider;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How commands travel: retried on write conflicts, tagged with who sent them. */
@Configuration(proxyBeanMethods = false)
public class CommandMessagingConfiguration {

    /** Metadata keys every command carries and every event it causes inherits. */
    public static final String ACTOR = "actor";
    public static final String REQUEST_ID = "requestId";

    @Bean(destroyMethod = "shutdownNow")
    public ScheduledExecutorService commandRetryExecutor() {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Only a lost race for an aggregate's next sequence number is worth retrying: the retry
     * reloads the aggregate and decides again. Refusals by the domain are final. Up to 12
     * retries with random, growing pauses (25 ms doubling to 400 ms, about 3 s in all): enough
     * for several command nodes writing one busy workshop (MultiNodeIT), after which the
     * client is told to send again (409).
     */
    @Bean
    public CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetryExecutor) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(JitteredRetryScheduler.builder()
                        .retryExecutor(commandRetryExecutor)
                        .firstMillis(25)
                        .ceilingMillis(400)
                        .maxRetryCount(12)
                        .retryWhen(CommandMessagingConfiguration::isConcurrencyConflict)
                        .build())
                .build();
    }

    static boolean isConcurrencyConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    @Bean
    public CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    /** Carries who sent a command, and the request it came in, into the events it causes. */
    @Bean
    public CorrelationDataProvider auditCorrelationProvider() {
        return new SimpleCorrelationDataProvider(ACTOR, REQUEST_ID);
    }

    /**
     * Round timers. In memory: a timer pending when the service stops is not rescheduled, but
     * the Workshop aggregate refuses ratings past a round's deadline by the clock anyway; the
     * round then stays open until the facilitator closes it (docs/architecture.md).
     * The Axon configuration is looked up lazily, because the aggregates' repositories, which
     * it holds, themselves need this bean.
     */
    @Bean(destroyMethod = "shutdown")
    public DeadlineManager deadlineManager(ObjectProvider<org.axonframework.config.Configuration> axonConfiguration,
                                           TransactionManager transactionManager) {
        ScopeAwareProvider scopes = descriptor ->
                new ConfigurationScopeAwareProvider(axonConfiguration.getObject()).provideScopeAwareStream(descriptor);
        return SimpleDeadlineManager.builder()
                .scopeAwareProvider(scopes)
                .transactionManager(transactionManager)
                .build();
    }

    /**
     * Keeps live workshops in memory, so a vote does not replay the workshop's history. Only
     * while this node is the workshops' only writer: a cached workshop does not see events
     * another command node appended, and a decision that emits nothing (the same score again,
     * a refusal because a round looks closed) would be taken on that stale state without any
     * conflict to retry. With several command nodes, {@code samverka.command.aggregate-cache=false}
     * loads every workshop from the store, so each decision sees the latest state. Held strongly,
     * up to {@code samverka.command.aggregate-cache-size} workshops (see {@link BoundedAggregateCache}).
     */
    @Bean
    public Cache workshopCache(@Value("${samverka.command.aggregate-cache:true}") boolean enabled,
                               @Value("${samverka.command.aggregate-cache-size:64}") int size) {
        return enabled ? new BoundedAggregateCache(size) : NoCache.INSTANCE;
    }
}
