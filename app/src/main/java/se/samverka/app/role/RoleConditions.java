package se.samverka.app.role;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Conditions on {@link NodeRole}, for the beans of the app module that belong to one side. */
public final class RoleConditions {
    private RoleConditions() {
    }

    /** The command side runs here (roles {@code all} and {@code command}). */
    public static final class ServesCommands implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return NodeRole.of(context.getEnvironment()).servesCommands();
        }
    }

    /** The query side and live pushes run here (roles {@code all} and {@code query}). */
    public static final class ServesQueries implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return NodeRole.of(context.getEnvironment()).servesQueries();
        }
    }

    /** Only the query side: it still reads the event store, which the command side declares. */
    public static final class QueryOnly implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return NodeRole.of(context.getEnvironment()) == NodeRole.QUERY;
        }
    }
}
