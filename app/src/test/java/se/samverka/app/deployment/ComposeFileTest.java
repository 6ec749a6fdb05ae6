package se.samverka.app.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * There is no Docker engine in the build, so the deployment files are checked here: the compose
 * file parses, every image is pinned, the services are wired to each other and wait for healthy
 * dependencies, and no secret is committed. The topology is the one MultiNodeIT runs: a command
 * node, two query nodes sharing the projections by segments, and a proxy whose routing sends
 * every endpoint to the node whose role has it.
 */
class ComposeFileTest {

    private static final List<String> QUERY_NODES = List.of("query-1", "query-2");
    private static final List<String> NODES = List.of("command", "query-1", "query-2");
    private static final List<String> REQUIRED_SERVICES =
            List.of("postgres", "mongo", "rabbitmq", "command", "query-1", "query-2", "proxy");

    /** A tag carries at least major.minor, e.g. 15.10, 3.13.7-management, 17.0.13_11-jre. */
    private static final Pattern MINOR_VERSION = Pattern.compile("\\d+\\.\\d+");

    /** Compose's required-value syntax: ${NAME:?message} or ${NAME?message}. */
    private static final Pattern REQUIRED_VARIABLE =
            Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*:?\\?[^}]*}");

    private static final Pattern FROM_LINE = Pattern.compile(
            "^\\s*FROM\\s+(?:--\\S+\\s+)*(\\S+)(?:\\s+AS\\s+(\\S+))?\\s*$",
            Pattern.CASE_INSENSITIVE);

    private static Path composeFile;
    private static Map<String, Object> compose;
    private static Map<String, Object> services;

    @BeforeAll
    static void loadComposeFile() throws IOException {
        composeFile = locate("docker-compose.yml");
        Object parsed = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(composeFile, StandardCharsets.UTF_8));
        assertThat(parsed).as("top level of %s", composeFile).isInstanceOf(Map.class);
        compose = asMap(parsed, "top level");
        services = asMap(compose.get("services"), "services");
    }

    @Test
    void givenComposeFile_whenParsed_thenHasEveryService() {
        assertThat(services).containsKeys(REQUIRED_SERVICES.toArray(String[]::new));
    }

    @Test
    void givenComposeFile_whenParsed_thenEveryImagePinned() {
        for (String name : REQUIRED_SERVICES) {
            assertThat(service(name).get("image")).as("image of service %s", name).isNotNull();
        }
        services.forEach((name, definition) -> {
            Object image = asMap(definition, name).get("image");
            if (image != null) {
                assertPinned(image.toString(), "image of service " + name);
            }
        });
    }

    @Test
    void givenComposeFile_whenParsed_thenNodesBuiltFromDockerfileAndOnlyTheProxyPublished() {
        for (String name : NODES) {
            Map<String, Object> node = service(name);
            Object build = node.get("build");
            assertThat(build).as("%s build", name).isNotNull();
            String context = build instanceof Map<?, ?> map ? String.valueOf(map.get("context")) : build.toString();
            assertThat(context).as("%s build context", name).isIn(".", "./");
            assertThat(String.valueOf(node.get("image"))).as("%s image", name).isEqualTo(service("command").get("image"))
                    .startsWith("samverka:");
            assertThat(node.get("ports")).as("%s publishes no port; the proxy does", name).isNull();
        }
        assertThat(strings(service("proxy").get("ports"))).as("proxy ports")
                .anySatisfy(port -> assertThat(port).matches("(.*:)?8080(:8080)?(/tcp)?"));
    }

    @Test
    void givenNodes_whenConfigured_thenOneCommandNodeAndQueryNodesSplittingTheWork() {
        assertThat(environment("command").get("SAMVERKA_ROLE")).isEqualTo("command");
        Set<String> names = new HashSet<>();
        for (String name : QUERY_NODES) {
            Map<String, String> env = environment(name);
            assertThat(env.get("SAMVERKA_ROLE")).as("%s role", name).isEqualTo("query");
            assertThat(env.get("SAMVERKA_PROCESSING_SEGMENTS")).as("%s segments: one per query node", name)
                    .isEqualTo(String.valueOf(QUERY_NODES.size()));
            assertThat(names.add(env.get("SAMVERKA_NODE_NAME"))).as("%s has a node name of its own", name).isTrue();
        }
        // One command node may cache aggregates; a second one would need the cache off on each.
        assertThat(services.keySet().stream().filter(name -> "command".equals(environment(name).get("SAMVERKA_ROLE"))))
                .hasSize(1);
    }

    @Test
    void givenComposeFile_whenParsed_thenEveryServiceRestartsUnlessStopped() {
        for (String name : REQUIRED_SERVICES) {
            assertThat(service(name).get("restart")).as("restart of %s", name).isEqualTo("unless-stopped");
        }
    }

    @Test
    void givenRabbitMq_whenStarted_thenStompPluginEnabledOn61613() throws IOException {
        Map<String, Object> rabbitmq = service("rabbitmq");
        String command = String.join(" ", strings(rabbitmq.get("command")));
        String enabledPlugins = mountedEnabledPlugins(rabbitmq);
        assertThat(command.contains("rabbitmq_stomp") || enabledPlugins.contains("rabbitmq_stomp"))
                .as("rabbitmq_stomp enabled by the command <%s> or the mounted enabled_plugins <%s>",
                        command, enabledPlugins)
                .isTrue();
        if (!enabledPlugins.isEmpty()) {
            assertThat(enabledPlugins.strip()).as("enabled_plugins is an Erlang list term").matches("(?s)\\[.*]\\s*\\.");
        }

        List<String> ports = new ArrayList<>(strings(rabbitmq.get("expose")));
        ports.addAll(strings(rabbitmq.get("ports")));
        assertThat(ports).as("rabbitmq expose/ports").anySatisfy(port -> assertThat(port).contains("61613"));
        for (String name : QUERY_NODES) {
            assertThat(environment(name).get("SAMVERKA_STOMP_RELAY_PORT")).as("%s relay port", name).isEqualTo("61613");
        }
    }

    @Test
    void givenNodes_whenConfigured_thenPointAtTheOtherServices() {
        for (String name : NODES) {
            Map<String, String> env = environment(name);
            assertThat(env.get("SAMVERKA_JDBC_URL")).as("%s SAMVERKA_JDBC_URL", name).startsWith("jdbc:postgresql://postgres:");
            assertThat(env.get("SAMVERKA_JDBC_USERNAME")).as("%s SAMVERKA_JDBC_USERNAME", name).isNotBlank();
            assertThat(env.get("SAMVERKA_JDBC_PASSWORD")).as("%s SAMVERKA_JDBC_PASSWORD", name).isNotBlank();
            // Behind the proxy, per-address limits must see the client's address, not the proxy's.
            assertThat(env.get("SERVER_FORWARD_HEADERS_STRATEGY")).as("%s forwarded headers", name).isEqualTo("native");
        }
        for (String name : QUERY_NODES) {
            Map<String, String> env = environment(name);
            assertThat(env.get("MONGODB_URI")).as("%s MONGODB_URI", name).matches("mongodb://([^@/]*@)?mongo(:\\d+)?(/.*)?");
            assertThat(env.get("SAMVERKA_STOMP_RELAY_HOST")).as("%s SAMVERKA_STOMP_RELAY_HOST", name).isEqualTo("rabbitmq");
        }
    }

    @Test
    void givenNodes_whenConfigured_thenSecretsComeFromRequiredVariables() {
        for (String name : NODES) {
            List<String> secrets = name.equals("command")
                    ? List.of("SAMVERKA_ADMIN_PASSWORD", "SAMVERKA_TOKEN_SECRET") : List.of("SAMVERKA_TOKEN_SECRET");
            Map<String, String> env = environment(name);
            for (String secret : secrets) {
                assertThat(env.get(secret)).as("%s: %s must be ${%s:?...}, not a literal", name, secret, secret)
                        .isNotNull()
                        .matches(REQUIRED_VARIABLE)
                        .startsWith("${" + secret);
            }
        }
    }

    @Test
    void givenPostgres_whenConfigured_thenCredentialsMatchEveryNode() {
        Map<String, String> postgres = environment("postgres");
        assertThat(postgres).containsKeys("POSTGRES_DB", "POSTGRES_USER", "POSTGRES_PASSWORD");
        assertThat(postgres.get("POSTGRES_PASSWORD")).as("POSTGRES_PASSWORD").isNotBlank();

        for (String name : NODES) {
            Map<String, String> node = environment(name);
            assertThat(node.get("SAMVERKA_JDBC_URL")).as("database in %s SAMVERKA_JDBC_URL", name)
                    .matches("jdbc:postgresql://postgres(:\\d+)?/" + Pattern.quote(postgres.get("POSTGRES_DB")) + "([?].*)?");
            assertThat(node.get("SAMVERKA_JDBC_USERNAME")).isEqualTo(postgres.get("POSTGRES_USER"));
            assertThat(node.get("SAMVERKA_JDBC_PASSWORD")).isEqualTo(postgres.get("POSTGRES_PASSWORD"));
        }
    }

    @Test
    void givenRabbitMq_whenConfigured_thenRelayUsesItsUserNotGuest() {
        Map<String, String> rabbitmq = environment("rabbitmq");
        // RabbitMQ's guest user may only log in from localhost, so a relay in another container needs its own user.
        String user = rabbitmq.getOrDefault("RABBITMQ_DEFAULT_USER", "guest");
        String password = rabbitmq.getOrDefault("RABBITMQ_DEFAULT_PASS", "guest");
        assertThat(user).as("RABBITMQ_DEFAULT_USER").isNotEqualTo("guest");
        for (String name : QUERY_NODES) {
            Map<String, String> node = environment(name);
            assertThat(node.get("SAMVERKA_STOMP_RELAY_LOGIN")).as("%s relay login", name).isEqualTo(user);
            assertThat(node.get("SAMVERKA_STOMP_RELAY_PASSCODE")).as("%s relay passcode", name).isEqualTo(password);
        }
    }

    @Test
    void givenDependencies_whenStarting_thenWaitsForHealthyServices() {
        assertThat(dependencies("command").keySet()).as("command depends_on").contains("postgres");
        for (String name : QUERY_NODES) {
            assertThat(dependencies(name).keySet()).as("%s depends_on", name).contains("postgres", "mongo", "rabbitmq");
        }
        assertThat(dependencies("proxy").keySet()).as("proxy depends_on").containsAll(NODES);
        services.keySet().forEach(name -> dependencies(name).forEach((dependency, condition) -> {
            assertThat(condition).as("%s depends_on %s condition", name, dependency).isEqualTo("service_healthy");
            assertThat(services).as("services").containsKey(dependency);
            assertHasHealthcheck(dependency);
        }));
    }

    @Test
    void givenEveryService_whenRunning_thenHasHealthcheck() {
        REQUIRED_SERVICES.forEach(ComposeFileTest::assertHasHealthcheck);
        assertThat(healthcheckCommand("postgres")).contains("pg_isready");
        assertThat(healthcheckCommand("mongo")).contains("mongosh").contains("ping");
        assertThat(healthcheckCommand("rabbitmq")).contains("rabbitmq-diagnostics").contains("ping");
        for (String name : NODES) {
            assertThat(healthcheckCommand(name)).contains("/actuator/health").contains(":8080");
        }
        assertThat(healthcheckCommand("proxy")).contains("/actuator/health").contains(":8080");
    }

    @Test
    void givenNodeHealthcheck_whenRunInRuntimeImage_thenItsToolIsInstalled() throws IOException {
        String check = healthcheckCommand("command");
        for (String name : QUERY_NODES) {
            assertThat(healthcheckCommand(name)).isEqualTo(check);
        }
        String runtimeStage = runtimeStage(Files.readAllLines(dockerfile(), StandardCharsets.UTF_8));
        boolean toolFound = false;
        for (String tool : List.of("curl", "wget")) {
            if (Pattern.compile("(^|[\\s\"'\\[,])" + tool + "\\b").matcher(check).find()) {
                toolFound = true;
                assertThat(runtimeStage).as("runtime stage of the Dockerfile installs %s", tool)
                        .containsPattern("(apt-get|apk|microdnf|dnf|yum)[^\\n]*(\\\\\\n[^\\n]*)*\\b(install|add)\\b[^\\n]*\\b" + tool + "\\b");
            }
        }
        if (!toolFound) {
            assertThat(check).as("a healthcheck without curl or wget must use bash /dev/tcp").contains("/dev/tcp/");
        }
    }

    @Test
    void givenStatefulServices_whenRecreated_thenKeepDataInNamedVolumes() {
        Map<String, Object> declared = compose.get("volumes") == null ? Map.of() : asMap(compose.get("volumes"), "volumes");
        assertNamedVolume("postgres", "/var/lib/postgresql/data", declared);
        assertNamedVolume("mongo", "/data/db", declared);
    }

    @Test
    void givenDockerfile_whenRead_thenEveryBaseImagePinned() throws IOException {
        List<String> lines = Files.readAllLines(dockerfile(), StandardCharsets.UTF_8);
        Set<String> stages = new HashSet<>();
        int fromLines = 0;
        for (String line : lines) {
            Matcher from = FROM_LINE.matcher(line);
            if (!from.matches()) {
                continue;
            }
            fromLines++;
            String image = from.group(1);
            if (!stages.contains(image.toLowerCase(Locale.ROOT))) {
                assertPinned(image, "Dockerfile " + line.strip());
            }
            if (from.group(2) != null) {
                stages.add(from.group(2).toLowerCase(Locale.ROOT));
            }
        }
        assertThat(fromLines).as("FROM lines in the Dockerfile").isGreaterThanOrEqualTo(2);
        String runtime = runtimeStage(lines);
        assertThat(runtime).as("runtime stage").containsPattern("(?m)^\\s*USER\\s+\\S+");
        assertThat(runtime).as("runtime stage").doesNotContainPattern("(?m)^\\s*USER\\s+(root|0)(:\\S*)?\\s*$");
        assertThat(runtime).as("runtime stage").containsPattern("(?m)^\\s*EXPOSE\\s+8080\\b");
        assertThat(runtime).as("runtime stage").contains("samverka.jar");
    }

    // --- checks -----------------------------------------------------------------------------------------

    private static void assertPinned(String reference, String what) {
        String withoutDigest = reference.contains("@") ? reference.substring(0, reference.indexOf('@')) : reference;
        int lastSlash = withoutDigest.lastIndexOf('/');
        int colon = withoutDigest.indexOf(':', lastSlash + 1);
        assertThat(colon).as("%s <%s> has a tag", what, reference).isPositive();
        String tag = withoutDigest.substring(colon + 1);
        assertThat(tag).as("tag of %s <%s>", what, reference)
                .isNotBlank()
                .isNotEqualToIgnoringCase("latest")
                .doesNotContain("$")
                .containsPattern(MINOR_VERSION);
    }

    private static void assertHasHealthcheck(String name) {
        Object healthcheck = service(name).get("healthcheck");
        assertThat(healthcheck).as("healthcheck of %s", name).isInstanceOf(Map.class);
        Map<String, Object> check = asMap(healthcheck, name + " healthcheck");
        assertThat(check.get("disable")).as("healthcheck of %s disabled", name).isNotEqualTo(Boolean.TRUE);
        List<String> test = strings(check.get("test"));
        assertThat(test).as("healthcheck test of %s", name).isNotEmpty();
        assertThat(test.get(0)).as("healthcheck test of %s", name).isNotEqualTo("NONE");
    }

    private static void assertNamedVolume(String serviceName, String target, Map<String, Object> declared) {
        boolean found = false;
        for (Object volume : list(service(serviceName).get("volumes"))) {
            String source;
            String mountedAt;
            if (volume instanceof Map<?, ?> longSyntax) {
                source = String.valueOf(longSyntax.get("source"));
                mountedAt = String.valueOf(longSyntax.get("target"));
            } else {
                String[] parts = volume.toString().split(":");
                source = parts.length > 1 ? parts[0] : "";
                mountedAt = parts.length > 1 ? parts[1] : parts[0];
            }
            if (mountedAt.equals(target)) {
                found = true;
                assertThat(source).as("volume of %s at %s is a named volume", serviceName, target)
                        .matches("[A-Za-z0-9][A-Za-z0-9_.-]*");
                assertThat(declared).as("top-level volumes").containsKey(source);
            }
        }
        assertThat(found).as("%s keeps %s in a volume", serviceName, target).isTrue();
    }

    // --- reading the files ----------------------------------------------------------------------------

    /** Maven runs the tests from app/, an IDE maybe from the repository root. */
    private static Path locate(String fileName) {
        for (Path candidate : List.of(Path.of("..", fileName), Path.of(fileName))) {
            if (Files.isRegularFile(candidate) && Files.isRegularFile(candidate.resolveSibling("pom.xml"))) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        return fail("%s not found from %s", fileName, Path.of("").toAbsolutePath());
    }

    private static Path dockerfile() {
        Path dockerfile = composeFile.resolveSibling("Dockerfile");
        assertThat(dockerfile).as("Dockerfile next to the compose file").isRegularFile();
        return dockerfile;
    }

    /** The text from the last FROM line on: the stage that becomes the image. */
    private static String runtimeStage(List<String> dockerfileLines) {
        int last = -1;
        for (int i = 0; i < dockerfileLines.size(); i++) {
            if (FROM_LINE.matcher(dockerfileLines.get(i)).matches()) {
                last = i;
            }
        }
        assertThat(last).as("a FROM line in the Dockerfile").isNotNegative();
        return String.join("\n", dockerfileLines.subList(last, dockerfileLines.size()));
    }

    /** The enabled_plugins file bind-mounted into RabbitMQ, or "" when there is none. */
    private static String mountedEnabledPlugins(Map<String, Object> rabbitmq) throws IOException {
        for (Object volume : list(rabbitmq.get("volumes"))) {
            String source;
            String target;
            if (volume instanceof Map<?, ?> longSyntax) {
                source = String.valueOf(longSyntax.get("source"));
                target = String.valueOf(longSyntax.get("target"));
            } else {
                String[] parts = volume.toString().split(":");
                if (parts.length < 2) {
                    continue;
                }
                source = parts[0];
                target = parts[1];
            }
            if (target.equals("/etc/rabbitmq/enabled_plugins")) {
                Path file = composeFile.getParent().resolve(source).normalize();
                assertThat(file).as("mounted enabled_plugins file").isRegularFile();
                return Files.readString(file, StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    private static Map<String, Object> service(String name) {
        assertThat(services).as("services").containsKey(name);
        return asMap(services.get(name), "service " + name);
    }

    /** A service's environment, written either as a map or as a list of KEY=VALUE. */
    private static Map<String, String> environment(String serviceName) {
        Object environment = service(serviceName).get("environment");
        Map<String, String> result = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> map) {
            map.forEach((key, value) -> result.put(String.valueOf(key), value == null ? null : value.toString()));
        } else {
            for (Object entry : list(environment)) {
                String text = entry.toString();
                int equals = text.indexOf('=');
                if (equals < 0) {
                    result.put(text, null);
                } else {
                    result.put(text.substring(0, equals), text.substring(equals + 1));
                }
            }
        }
        return result;
    }

    /** depends_on as service name to condition; the short list form means service_started. */
    private static Map<String, String> dependencies(String serviceName) {
        Object dependsOn = service(serviceName).get("depends_on");
        Map<String, String> result = new LinkedHashMap<>();
        if (dependsOn instanceof Map<?, ?> map) {
            map.forEach((dependency, options) -> {
                Object condition = options instanceof Map<?, ?> o ? o.get("condition") : null;
                result.put(String.valueOf(dependency), condition == null ? "service_started" : condition.toString());
            });
        } else {
            list(dependsOn).forEach(dependency -> result.put(dependency.toString(), "service_started"));
        }
        return result;
    }

    private static String healthcheckCommand(String serviceName) {
        assertHasHealthcheck(serviceName);
        return String.join(" ", strings(asMap(service(serviceName).get("healthcheck"), serviceName).get("test")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value, String what) {
        assertThat(value).as(what).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static List<?> list(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> list ? list : List.of(value);
    }

    private static List<String> strings(Object value) {
        return list(value).stream().map(String::valueOf).toList();
    }
}
