package se.samverka.command.idempotency;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.context.annotation.Configuration;

/**
 * Marks an idempotent request's claim applied inside the transaction of each command it sends
 * (the command bus opens the transaction before its handler interceptors run), so the mark
 * commits exactly when the command's events do.
 */
@Configuration(proxyBeanMethods = false)
public class IdempotencyConfiguration {
    /** Command metadata: the hash of the request's claimed Idempotency-Key. */
    public static final String KEY = "idempotencyKey";

    IdempotencyConfiguration(CommandBus commandBus, IdempotentRequests requests) {
        commandBus.registerHandlerInterceptor(markApplied(requests));
    }

    static MessageHandlerInterceptor<CommandMessage<?>> markApplied(IdempotentRequests requests) {
        return (unitOfWork, chain) -> {
            Object key = unitOfWork.getMessage().getMetaData().get(KEY);
            if (key instanceof String keyHash) {
                requests.markApplied(keyHash);
            }
            return chain.proceed();
        };
    }
}
