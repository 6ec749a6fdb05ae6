package se.samverka.app;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
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

    /** Static: a post-processor, so that the embedded server boots while the context is built. */
    @Bean
    public static EarlyEmbeddedServer earlyEmbeddedServer(Environment environment) {
        return new EarlyEmbeddedServer(environment);
    }

    @Bean
    public MongoEndpoint mongoEndpoint(@Value("${samverka.mongodb.uri:}") String uri,
                                       @Value("${samverka.mongodb.database:samverka}") String database,
                                       EarlyEmbeddedServer early) {
        if (!uri.isBlank()) {
            return new Configured(uri, database);
        }
        MongoServer server = early.take();
        InetSocketAddress address = server.getLocalAddress();
        log.info("Started the embedded MongoDB wire-protocol server on {}", address);
        return new Embedded(server, "mongodb://127.0.0.1:" + address.getPort(), database);
    }

    private static MongoServer startServer() {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        return server;
    }

    /**
     * Boots the embedded server on a second thread once the bean definitions are known, some
     * seconds before the first bean that reads the query side needs it (issue 8: the boot, mostly
     * Netty's, took about 0.3 s of the main thread). Nothing is started with a configured URI.
     */
    static final class EarlyEmbeddedServer implements BeanFactoryPostProcessor, DisposableBean {
        private final Environment environment;
        private CompletableFuture<MongoServer> starting;
        private boolean taken;

        EarlyEmbeddedServer(Environment environment) {
            this.environment = environment;
        }

        @Override
        public synchronized void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
            if (starting == null && environment.getProperty("samverka.mongodb.uri", "").isBlank()) {
                starting = new CompletableFuture<>();
                Thread thread = new Thread(() -> {
                    try {
                        starting.complete(startServer());
                    } catch (RuntimeException | Error e) {
                        starting.completeExceptionally(e);
                    }
                }, "embedded-mongo-start");
                thread.setDaemon(true);
                thread.start();
            }
        }

        synchronized MongoServer take() {
            taken = true;
            if (starting == null) {
                return startServer();
            }
            try {
                return starting.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }

        /** A context that failed before the endpoint took the server must not leave it running. */
        @Override
        public synchronized void destroy() {
            if (!taken && starting != null) {
                starting.thenAccept(MongoServer::shutdownNow);
            }
        }
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
