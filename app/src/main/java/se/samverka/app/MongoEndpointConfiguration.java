package se.samverka.app;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import se.samverka.app.role.RoleConditions;
import se.samverka.query.mongo.MongoEndpoint;

/**
 * The query side's MongoDB: {@code MONGODB_URI} when set, else an in-process wire-protocol
 * server on a free loopback port. The embedded one keeps read models in memory only: they
 * are rebuilt from the event store at every start, which is what the event store is for.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(RoleConditions.ServesQueries.class)
public class MongoEndpointConfiguration {
    private static final Logger log = LoggerFactory.getLogger(MongoEndpointConfiguration.class);

    @Bean
    public MongoEndpoint mongoEndpoint(@Value("${samverka.mongodb.uri:}") String uri,
                                       @Value("${samverka.mongodb.database:samverka}") String database) {
        if (!uri.isBlank()) {
            return new Configured(uri, database);
        }
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        log.info("Started the embedded MongoDB wire-protocol server on {}", address);
        return new Embedded(server, "mongodb://127.0.0.1:" + address.getPort(), database);
    }

    record Configured(String connectionString, String database) implements MongoEndpoint {
    }

    record Embedded(MongoServer server, String connectionString, String database)
            implements MongoEndpoint, AutoCloseable {
        @Override
        public void close() {
            server.shutdownNow();
        }
    }
}
