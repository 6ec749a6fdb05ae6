package se.samverka.app.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service ({@code target/samverka.jar}) as a child process, started as an operator
 * starts it, so a test can {@code kill -9} it. Only for tests that run after packaging (*IT).
 */
public final class ServiceProcess implements AutoCloseable {
    public static final Path JAR = Path.of("target", "samverka.jar");

    private final Path dataDir;
    private final int port;
    private final List<String> extraProperties;
    private Process process;
    private int starts;

    public ServiceProcess(Path dataDir, String... extraProperties) {
        this.dataDir = dataDir;
        this.port = freePort();
        this.extraProperties = List.of(extraProperties);
    }

    public void start() {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run after `package`");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                "-jar", JAR.toString(),
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--samverka.data-dir=" + dataDir,
                "--samverka.admin.password=" + RunningSamverka.ADMIN_PASSWORD,
                "--axoniq.update-checker.disabled=true",
                // The Fyrbodal demo's events would be counted with the test's own.
                "--samverka.demo.enabled=false",
                "--logging.level.root=WARN",
                "--logging.level.se.samverka=INFO"));
        extraProperties.forEach(property -> command.add("--" + property));
        try {
            Path log = dataDir.resolveSibling(dataDir.getFileName() + "-service-" + (++starts) + ".log");
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpClient http = HttpClient.newHttpClient();
        await("service ready").atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue());
            }
            try {
                return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notYetListening) {
                return false;
            }
        });
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the service did not die");
        }
    }

    /** SIGTERM and wait: a graceful stop. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
