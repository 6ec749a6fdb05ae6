package se.samverka.app.role;

import java.util.Locale;
import org.springframework.core.env.Environment;

/**
 * What one process of the same jar does ({@code samverka.role}, {@code SAMVERKA_ROLE}):
 * {@code all} (the default: command side, query side and live pushes in one process),
 * {@code command} (command endpoints, aggregates, the event store's writers and the hash chain;
 * no projections, no read endpoints, no STOMP) or {@code query} (tracking projections, read
 * endpoints and STOMP; no command handling). A node answers only what its role has: anything
 * else is a 404, and a proxy in front of the nodes routes by method (docs/architecture.md).
 */
public enum NodeRole {
    ALL, COMMAND, QUERY;

    public static final String PROPERTY = "samverka.role";

    public static NodeRole of(Environment environment) {
        String value = environment.getProperty(PROPERTY, "all").strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "all", "" -> ALL;
            case "command" -> COMMAND;
            case "query" -> QUERY;
            default -> throw new IllegalStateException(
                    PROPERTY + " (SAMVERKA_ROLE) is '" + value + "'; it must be all, command or query");
        };
    }

    public boolean servesCommands() {
        return this != QUERY;
    }

    public boolean servesQueries() {
        return this != COMMAND;
    }
}
