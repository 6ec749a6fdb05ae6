package se.samverka.app.support;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samverka.app.SamverkaApplication;

/**
 * The whole service, started as a user starts it (embedded H2 in a data directory, the
 * in-process MongoDB server) on a free port. Tests can stop and start it again on the same
 * data directory.
 */
public final class RunningSamverka implements AutoCloseable {
    public static final String ADMIN_PASSWORD = "test-admin-password";

    private final Path dataDir;
    private final List<String> extraProperties;
    private ConfigurableApplicationContext context;

    private RunningSamverka(Path dataDir, List<String> extraProperties) {
        this.dataDir = dataDir;
        this.extraProperties = extraProperties;
    }

    /** Starts the service on {@code dataDir} and waits until it reports itself ready. */
    public static RunningSamverka start(Path dataDir, String... extraProperties) {
        RunningSamverka samverka = new RunningSamverka(dataDir, List.of(extraProperties));
        samverka.startAgain();
        return samverka;
    }

    public void startAgain() {
        List<String> properties = new ArrayList<>(List.of(
                "server.port=0",
                "samverka.data-dir=" + dataDir,
                "samverka.admin.password=" + ADMIN_PASSWORD,
                "axoniq.update-checker.disabled=true",
                "logging.level.root=WARN",
                "logging.level.se.samverka=INFO"));
        if (extraProperties.stream().noneMatch(p -> p.startsWith("samverka.demo.enabled="))) {
            // The Fyrbodal demo stays out of tests unless a test asks for it.
            properties.add("samverka.demo.enabled=false");
        }
        properties.addAll(extraProperties);
        // As command-line arguments: they outrank application.properties, as an operator's flags would.
        context = new SpringApplicationBuilder(SamverkaApplication.class)
                .run(properties.stream().map(property -> "--" + property).toArray(String[]::new));
        HttpClient http = HttpClient.newHttpClient();
        await("service ready").atMost(Duration.ofSeconds(60)).until(() -> {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200;
        });
    }

    public void stop() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public String webSocketUrl() {
        return "ws://127.0.0.1:" + port() + "/ws";
    }

    /** How many events the event store holds: the record nothing may be added to by a refused request. */
    public long storedEvents() {
        Long count = context.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM DomainEventEntry",
                Long.class);
        return count == null ? 0 : count;
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        stop();
    }
}
