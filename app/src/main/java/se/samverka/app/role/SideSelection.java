package se.samverka.app.role;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import se.samverka.command.access.RevokedCredentials;
import se.samverka.command.account.DisabledAccountFilter;
import se.samverka.command.account.FacilitatorAccounts;
import se.samverka.command.eventstore.EventStoreConfiguration;
import se.samverka.command.personal.PersonalDataConfiguration;

/**
 * Which sides this process assembles. The sides are scanned here, by role, instead of by the
 * application class, so that a query node holds no aggregate and no command endpoint (Axon
 * then registers no command handler there) and a command node no projection, read endpoint or
 * STOMP endpoint. Only the app module knows both sides; each side still knows only the kernel.
 */
public final class SideSelection {
    private SideSelection() {
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(RoleConditions.ServesCommands.class)
    @ComponentScan("se.samverka.command")
    static class CommandSide {
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(RoleConditions.ServesQueries.class)
    @ComponentScan("se.samverka.query")
    static class QuerySide {
    }

    /**
     * A query node reads events (tracking projections, replays) from the same store the
     * command nodes write; the store's beans are the command side's, taken without the rest.
     * With them the tables the query side must read in that store: the personal-data keys
     * (projections open sealed names), the revocation list (a removed participant's socket
     * is closed on every node) and the facilitator accounts, so that the token of a disabled
     * account is refused here as on a command node (the same filter, and on the live channel).
     */
    @Configuration(proxyBeanMethods = false)
    @Conditional(RoleConditions.QueryOnly.class)
    @Import({EventStoreConfiguration.class, PersonalDataConfiguration.class, RevokedCredentials.class,
            FacilitatorAccounts.class, DisabledAccountFilter.class})
    static class EventStoreForQueries {
    }
}
