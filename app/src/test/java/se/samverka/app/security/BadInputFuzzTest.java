package se.samverka.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import se.samverka.app.support.ApiClient;
import se.samverka.app.support.RunningSamverka;

/**
 * Bad input to every command endpoint: malformed JSON, wrong types, values breaking the
 * declared constraints, huge and strange strings, unknown fields, unknown ids and bad
 * credentials. Every answer must be a 4xx RFC 9457 problem, never a 5xx, and the event store
 * must not change.
 *
 * <p>The endpoints are read from Spring's request mappings of the running service (every
 * {@code /api/} mapping that is not a GET), and the request body's shape from the handler's
 * {@code @RequestBody} record and its Bean Validation annotations, so a new endpoint is fuzzed
 * without touching this test. Each generated request carries at least one defect that must
 * make it fail (see {@link Defect}); unknown fields and odd but well-typed values are added on
 * top to reach deeper code.
 */
class BadInputFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Strings that break naive code: empty, blank, control characters, lone surrogates, RTL, emoji, combining marks. */
    private static final List<String> ODD_STRINGS = List.of("", " ", "\u2003", "\u0000", "\u0007\u001b[2J", "\ud800",
            "\udfff", "a\ud83d", "\u202eevil", "\ud83d\ude00\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67",
            "e\u0301\u0301\u0301", "\ufeff", "\uffff", "Åsa Öberg-Ärlig", "<script>alert(1)</script>",
            "'; DROP TABLE domainevententry; --", "../../etc/passwd", "%00", "${jndi:ldap://127.0.0.1/x}",
            "{{7*7}}", "null", "-0", "1e309", "NaN", "\n\r\t", "\\", "\"");
    private static final List<String> NUMBERS = List.of("1e309", "-1e309", "99999999999999999999999999",
            "-9223372036854775809", "9223372036854775808", "2147483648", "-2147483649", "2.5", "-0.0", "1E2",
            "0.000000000000000000001", "-1", "0");

    private static Path dataDir;
    private static RunningSamverka samverka;
    private static ApiClient api;
    private static HttpClient http;
    private static String facilitator;
    private static String participant;
    private static String otherParticipant;
    private static Map<String, String> knownIds;
    private static List<Endpoint> endpoints;

    /** A command endpoint as Spring maps it; {@code body} is the type of its {@code @RequestBody}, or null. */
    record Endpoint(String method, String pattern, Type body, boolean takesCaller) {
        List<String> variables() {
            List<String> names = new ArrayList<>();
            Matcher matcher = java.util.regex.Pattern.compile("\\{([^}/]+)}").matcher(pattern);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
            return names;
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    /** What makes a request certainly wrong. */
    enum Defect {
        /** Not JSON at all, cut off, nested too deep, or followed by more text. */
        MALFORMED_JSON,
        /** JSON, but not the body's shape: a field of a type that cannot be read as the declared one, or a non-object root. */
        WRONG_TYPE,
        /** Well-typed, but breaking a declared constraint: too long, blank, out of range, not matching the pattern. */
        BROKEN_CONSTRAINT,
        /** The owning id in the path (workshop, project) does not exist or is not an id at all. */
        UNKNOWN_ID,
        /** No token, a forged one, a participant of another workshop, or a header that is not a bearer token. */
        BAD_CREDENTIAL,
        /** A body over the size limit. */
        HUGE_BODY
    }

    record FuzzCase(Endpoint endpoint, Defect defect, String path, String token, String authorization, String body,
                    String idempotencyKey) {
        @Override
        public String toString() {
            String shown = body == null ? "null" : body.length() > 300 ? body.substring(0, 300) + "…(" + body.length()
                    + " chars)" : body;
            return defect + " " + endpoint.method() + " " + path + " body=" + shown;
        }
    }

    @BeforeContainer
    static void start() throws IOException {
        dataDir = Files.createTempDirectory("samverka-fuzz");
        // Limits high: the fuzz sends thousands of requests from one address with one token.
        samverka = RunningSamverka.start(dataDir, "samverka.limits.commands-per-second=1000000",
                "samverka.limits.commands-per-second-per-address=1000000", "samverka.limits.join-per-minute=1000000",
                "samverka.limits.login-per-minute=1000000", "samverka.limits.login-failures-per-account=1000000");
        api = new ApiClient(samverka.baseUrl());
        http = HttpClient.newHttpClient();
        facilitator = api.loginAdmin();
        JsonNode workshop = api.createWorkshop(facilitator, "Fuzz");
        participant = api.join(workshop.get("joinCode").asText(), "Anna", "Lysekil").get("token").asText();
        JsonNode other = api.createWorkshop(facilitator, "Annan");
        otherParticipant = api.join(other.get("joinCode").asText(), "Bo", "Tanum").get("token").asText();
        knownIds = Map.of("workshopId", workshop.get("id").asText(), "projectId", workshop.get("projectId").asText());
        endpoints = commandEndpoints(samverka.context());
    }

    @AfterContainer
    static void stop() throws IOException {
        if (samverka != null) {
            samverka.stop();
        }
        try (var files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }

    /** Every non-GET mapping under {@code /api/}, as the running service has them. */
    static List<Endpoint> commandEndpoints(ApplicationContext context) {
        List<Endpoint> found = new ArrayList<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
                HandlerMethod handler = entry.getValue();
                Type body = null;
                boolean takesCaller = false;
                for (MethodParameter parameter : handler.getMethodParameters()) {
                    if (parameter.hasParameterAnnotation(RequestBody.class)) {
                        body = parameter.getGenericParameterType();
                    }
                    takesCaller |= parameter.getParameterType().getSimpleName().equals("Caller")
                            || parameter.getParameterName() != null && parameter.getParameterName().equals("authorization");
                }
                for (String pattern : entry.getKey().getPatternValues()) {
                    for (RequestMethod method : entry.getKey().getMethodsCondition().getMethods()) {
                        if (pattern.startsWith("/api/") && method != RequestMethod.GET && method != RequestMethod.HEAD
                                && method != RequestMethod.OPTIONS) {
                            found.add(new Endpoint(method.name(), pattern, body, takesCaller));
                        }
                    }
                }
            }
        }
        found.sort(Comparator.comparing(Endpoint::toString));
        return found;
    }

    @Example
    void theEndpointsAreFoundAtRuntime() {
        assertThat(endpoints).extracting(Endpoint::toString).contains(
                "PUT /api/v1/workshops/{workshopId}/capabilities/{capabilityId}/rating",
                "POST /api/v1/join", "POST /api/v1/auth/login", "POST /api/v1/workshops",
                "DELETE /api/v1/workshops/{workshopId}/participants/{participantId}");
        assertThat(endpoints.size()).isGreaterThan(40);
    }

    /** Each endpoint with each defect that applies to it, a few times over. */
    @Example
    void everyEndpointWithEveryDefect() {
        Random random = new Random(7);
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            for (Defect defect : Defect.values()) {
                for (int round = 0; round < 3; round++) {
                    FuzzCase fuzz = build(endpoint, defect, random);
                    if (fuzz != null) {
                        String failure = check(fuzz);
                        if (failure != null) {
                            failures.add(failure);
                        }
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Property(tries = 800)
    void anyBadRequestIsA4xxProblemAndStoresNothing(@ForAll("badRequests") FuzzCase fuzz) {
        assertThat(check(fuzz)).isNull();
    }

    @Provide
    Arbitrary<FuzzCase> badRequests() {
        return Arbitraries.randomValue(random -> {
            while (true) {
                FuzzCase fuzz = build(endpoints.get(random.nextInt(endpoints.size())),
                        Defect.values()[random.nextInt(Defect.values().length)], random);
                if (fuzz != null) {
                    return fuzz;
                }
            }
        }).withoutEdgeCases();
    }

    /** A malformed or forbidden STOMP frame, sent on a connection that is or is not CONNECTed first. */
    record BadFrame(boolean connectFirst, String frame, boolean binary) {
        @Override
        public String toString() {
            String shown = frame.length() > 200 ? frame.substring(0, 200) + "…(" + frame.length() + " chars)" : frame;
            return (connectFirst ? "after CONNECT: " : "") + (binary ? "binary " : "") + shown.replace("\0", "^@")
                    .replace("\n", "\\n");
        }
    }

    /**
     * Every malformed STOMP frame is answered by an ERROR frame or a close, or ignored; never by a
     * server error (close code 1011) or an ERROR that shows internals, never by a stored event,
     * and the service stays up. A DISCONNECT with a receipt follows each frame, so every try ends
     * with a definite answer (RECEIPT, ERROR or close) instead of a wait.
     */
    @Property(tries = 150)
    void anyMalformedStompFrameIsRefusedWithoutHarm(@ForAll("badFrames") BadFrame bad) throws Exception {
        long before = samverka.storedEvents();
        List<String> answers = new ArrayList<>();
        try (se.samverka.app.support.RawWebSocket socket = se.samverka.app.support.RawWebSocket.open(
                samverka.webSocketUrl(), 0)) {
            if (bad.connectFirst()) {
                assertThat(socket.stompConnect(participant).text()).startsWith("CONNECTED");
            }
            boolean ended = false;
            try {
                if (bad.binary()) {
                    socket.sendBinary(bad.frame().getBytes(StandardCharsets.ISO_8859_1));
                } else {
                    socket.sendText(bad.frame());
                }
                for (int probe = 0; probe < 3 && !ended; probe++) {
                    socket.sendText("DISCONNECT\nreceipt:fuzz-" + probe + "\n\n\0");
                    while (!ended) {
                        se.samverka.app.support.RawWebSocket.Frame frame = socket.readFrame();
                        answers.add(frame.isClose() ? "close " + frame.closeCode() : frame.text());
                        if (frame.isClose() || frame.text().startsWith("RECEIPT") || frame.text().startsWith("ERROR")) {
                            ended = true;
                        } else if (frame.text().startsWith("CONNECTED")) {
                            break; // the bad frame swallowed the probe and made a CONNECT of it: probe again
                        }
                    }
                }
            } catch (java.io.EOFException | java.net.SocketException e) {
                answers.add("connection closed");
                ended = true;
            }
            assertThat(ended).as("%s answered %s", bad, answers).isTrue();
        }
        assertThat(answers).as("%s", bad).noneMatch(answer -> answer.equals("close 1011"))
                .noneMatch(answer -> answer.contains("Exception") || answer.contains("\tat "));
        assertThat(samverka.storedEvents()).as("%s", bad).isEqualTo(before);
        assertThat(api.send("GET", "/actuator/health", null, (String) null).status()).isEqualTo(200);
    }

    @Provide
    Arbitrary<BadFrame> badFrames() {
        String workshop = knownIds.get("workshopId");
        return Arbitraries.randomValue(random -> {
            String odd = pick(random, ODD_STRINGS);
            return switch (random.nextInt(16)) {
                case 0 -> new BadFrame(random.nextBoolean(), odd + pick(random, ODD_STRINGS) + "\0", false);
                case 1 -> new BadFrame(random.nextBoolean(), pick(random, List.of("HELLO", "connect", "GET / HTTP/1.1",
                        "CONNECTED", "MESSAGE", "ERROR", "RECEIPT", odd)) + "\n\n\0", false);
                case 2 -> new BadFrame(false, "CONNECT\naccept-version:1.2\n" + pick(random, List.of("no-colon",
                        "foo:bar\\q", ":empty-name", "a:b:c")) + "\n\n\0", false);
                case 3 -> new BadFrame(random.nextBoolean(), "SEND\ndestination:/topic/workshops." + workshop
                        + "\ncontent-length:" + pick(random, List.of("abc", "-5", "1", "99999999999999999999", ""))
                        + "\n\nhello\0", false);
                case 4 -> new BadFrame(random.nextBoolean(), "CONNECT\naccept-version:1.2\nx:" + "y".repeat(20_000)
                        + "\n\n\0", false);
                case 5 -> new BadFrame(false, "SUBSCRIBE\nid:0\ndestination:/topic/workshops." + workshop + "\n\n\0",
                        false);
                case 6 -> new BadFrame(false, "CONNECT\naccept-version:1.2\nAuthorization:" + pick(random, List.of(
                        "Bearer ", "Bearer " + odd, "Basic YWRtaW46YWRtaW4=", "Bearer a.b", "Bearer "
                                + (participant.charAt(0) == 'A' ? 'B' : 'A') + participant.substring(1), odd))
                        + "\n\n\0", false);
                case 7 -> new BadFrame(true, "SUBSCRIBE\nid:" + odd + "\ndestination:" + pick(random, List.of(
                        "/topic/workshops." + odd, "/topic/workshops.*", "/topic/workshops.#", "/topic/../x", "",
                        "/topic/workshops." + workshop + ".audit.extra", "/topic/projects." + odd + ".audit",
                        "/topic/workshops.no-such", "/queue/x", "/app/x", "/user/queue/errors")) + "\n\n\0", false);
                case 8 -> new BadFrame(true, pick(random, List.of("SUBSCRIBE\nid:1\n\n\0",
                        "SUBSCRIBE\ndestination:/topic/workshops." + workshop + "\n\n\0",
                        "UNSUBSCRIBE\nid:" + odd + "\n\n\0", "ACK\nid:" + odd + "\n\n\0", "NACK\n\n\0",
                        "BEGIN\ntransaction:t\n\n\0", "COMMIT\ntransaction:" + odd + "\n\n\0",
                        "ABORT\n\n\0", "CONNECT\naccept-version:1.2\n\n\0")), false);
                case 9 -> new BadFrame(true, "SEND\ndestination:" + pick(random, List.of("/topic/workshops." + workshop,
                        "/app/rate", "/app/workshops." + workshop, odd)) + "\ncontent-type:application/json\n\n"
                        + "{\"score\":5}\0", false);
                case 10 -> new BadFrame(random.nextBoolean(), "\u0000\u0001\u00ff\u00fe{" + odd, true);
                case 11 -> new BadFrame(random.nextBoolean(), "SUBSCRIBE\nid:0\ndestination:/topic/workshops."
                        + workshop + "\n\n" + odd, false);
                case 12 -> new BadFrame(true, "SUBSCRIBE\nid:0\ndestination:/topic/workshops." + workshop + "\n\n"
                        + "x".repeat(20_000) + "\0", false);
                case 13 -> new BadFrame(random.nextBoolean(), "\n".repeat(1 + random.nextInt(50)) + "\0", false);
                case 14 -> new BadFrame(random.nextBoolean(), "CONNECT\r\naccept-version:" + odd + "\r\nheart-beat:"
                        + pick(random, List.of("-1,-1", "x,y", "99999999999,1", "1", "0,0,0")) + "\r\n\r\n\0", false);
                default -> new BadFrame(true, "SUBSCRIBE\nid:0\ndestination:/topic/workshops." + workshop
                        + "\ncontent-length:" + pick(random, List.of("-1", "x", "100000")) + "\n\n\0", false);
            };
        }).withoutEdgeCases();
    }

    /** Sends the request; null if the answer is a 4xx problem and nothing was stored, else what went wrong. */
    private static String check(FuzzCase fuzz) {
        long before = samverka.storedEvents();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(samverka.baseUrl() + fuzz.path()))
                .timeout(Duration.ofSeconds(30))
                .method(fuzz.endpoint().method(), fuzz.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(fuzz.body()))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json");
        if (fuzz.authorization() != null) {
            request.header("Authorization", fuzz.authorization());
        }
        if (fuzz.idempotencyKey() != null) {
            request.header("Idempotency-Key", fuzz.idempotencyKey());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return fuzz + " -> no answer: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        long after = samverka.storedEvents();
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (response.statusCode() < 400 || response.statusCode() >= 500) {
            return fuzz + " -> " + response.statusCode() + " " + response.body();
        }
        if (!contentType.startsWith("application/problem+json")) {
            return fuzz + " -> " + response.statusCode() + " as " + contentType + ": " + response.body();
        }
        try {
            JsonNode problem = JSON.readTree(response.body());
            if (problem.path("status").asInt() != response.statusCode() || !problem.hasNonNull("title")) {
                return fuzz + " -> not a problem detail: " + response.body();
            }
        } catch (IOException e) {
            return fuzz + " -> unreadable problem: " + response.body();
        }
        if (after != before) {
            return fuzz + " -> " + response.statusCode() + " but " + (after - before) + " event(s) stored";
        }
        return null;
    }

    /** A request to {@code endpoint} with {@code defect}, or null when the defect does not apply to it. */
    static FuzzCase build(Endpoint endpoint, Defect defect, Random random) {
        List<String> variables = endpoint.variables();
        Class<?> bodyClass = rawClass(endpoint.body());
        boolean objectBody = bodyClass != null && bodyClass.isRecord();
        switch (defect) {
            case MALFORMED_JSON, HUGE_BODY -> {
                if (endpoint.body() == null) {
                    return null;
                }
            }
            case WRONG_TYPE -> {
                if (endpoint.body() == null) {
                    return null;
                }
            }
            case BROKEN_CONSTRAINT -> {
                if (!objectBody || constrainedComponents(bodyClass).isEmpty()) {
                    return null;
                }
            }
            case UNKNOWN_ID -> {
                if (variables.isEmpty()) {
                    return null;
                }
            }
            case BAD_CREDENTIAL -> {
                if (!endpoint.takesCaller()) {
                    return null;
                }
            }
        }
        String path = endpoint.pattern();
        for (int i = 0; i < variables.size(); i++) {
            String name = variables.get(i);
            String value = defect == Defect.UNKNOWN_ID && i == 0 ? unknownId(random)
                    : knownIds.getOrDefault(name, "x" + Integer.toHexString(random.nextInt()));
            path = path.replace("{" + name + "}", URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        String token = switch (random.nextInt(3)) {
            case 0 -> participant;
            default -> facilitator;
        };
        String authorization = "Bearer " + token;
        if (defect == Defect.BAD_CREDENTIAL) {
            authorization = switch (random.nextInt(6)) {
                case 0 -> null;
                case 1 -> "Bearer " + (token.charAt(0) == 'A' ? 'B' : 'A') + token.substring(1);
                case 2 -> "Bearer " + otherParticipant;
                case 3 -> "Basic YWRtaW46YWRtaW4=";
                case 4 -> "Bearer " + pick(random, ODD_STRINGS).replaceAll("[^\\x20-\\x7e]", "?");
                default -> "Bearer a.b.c";
            };
            if (authorization != null && authorization.contains(otherParticipant) && !endpoint.pattern().contains(
                    "{workshopId}") && !endpoint.pattern().contains("{projectId}")) {
                authorization = null; // another workshop's participant is only wrong where a workshop is named
            }
        }
        String body = endpoint.body() == null ? null : switch (defect) {
            case MALFORMED_JSON -> malformed(random, objectBody ? validish(bodyClass, random) : "[]");
            case WRONG_TYPE -> wrongType(endpoint.body(), random);
            case BROKEN_CONSTRAINT -> brokenConstraint(bodyClass, random);
            case HUGE_BODY -> "{\"x\":\"" + "ä".repeat(600_000) + "\"}";
            case UNKNOWN_ID, BAD_CREDENTIAL -> objectBody ? validish(bodyClass, random) : random(endpoint.body(),
                    random, 0);
        };
        String key = random.nextInt(4) == 0 ? randomKey(random) : null;
        return new FuzzCase(endpoint, defect, path, token, authorization, body, key);
    }

    private static String unknownId(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> "no-such-" + Integer.toHexString(random.nextInt());
            case 1 -> {
                String odd = pick(random, ODD_STRINGS);
                yield odd.isEmpty() ? "." : odd;
            }
            case 2 -> "a".repeat(65 + random.nextInt(2000));
            default -> "Åäö-" + random.nextInt(1000);
        };
    }

    private static String randomKey(Random random) {
        StringBuilder key = new StringBuilder();
        int length = 1 + random.nextInt(random.nextBoolean() ? 20 : 300);
        for (int i = 0; i < length; i++) {
            key.append((char) (0x21 + random.nextInt(0x7e - 0x21)));
        }
        return key.toString();
    }

    private static String malformed(Random random, String valid) {
        return switch (random.nextInt(9)) {
            case 0 -> valid.substring(0, Math.max(1, random.nextInt(Math.max(1, valid.length()))));
            case 1 -> valid + " trailing";
            case 2 -> valid + valid;
            case 3 -> "[".repeat(2_000 + random.nextInt(3_000));
            case 4 -> "{\"a\":".repeat(1_500) + "1" + "}".repeat(1_500);
            case 5 -> valid.replace("\"", "'");
            case 6 -> "{\"" + pick(random, ODD_STRINGS) + "\":}";
            case 7 -> new String(new byte[] {(byte) 0xc3, (byte) 0x28, (byte) 0xff, 0x7b}, StandardCharsets.ISO_8859_1);
            default -> "{" + valid;
        };
    }

    /** A value of a JSON type the declared type cannot be read from. */
    private static String wrongType(Type type, Random random) {
        Class<?> raw = rawClass(type);
        if (raw == null || !raw.isRecord() || raw.getRecordComponents().length == 0 || random.nextInt(5) == 0) {
            // The root itself of the wrong kind.
            boolean wantsArray = raw != null && (List.class.isAssignableFrom(raw) || raw.isArray());
            return wantsArray ? pick(random, List.of("{}", "\"x\"", "1", "true")) : pick(random, List.of("[]", "[1,2]",
                    "\"x\"", "12", "true", "1e309"));
        }
        Map<String, Object> fields = validishFields(raw, random);
        RecordComponent[] components = raw.getRecordComponents();
        RecordComponent target = null;
        for (int attempt = 0; attempt < 10 && target == null; attempt++) {
            RecordComponent candidate = components[random.nextInt(components.length)];
            if (wrongValue(candidate.getType(), random) != null) {
                target = candidate;
            }
        }
        if (target == null) {
            return pick(random, List.of("[]", "\"x\"", "12"));
        }
        fields.put(target.getName(), new Raw(wrongValue(target.getType(), random)));
        return write(fields);
    }

    /** JSON that cannot be read as {@code type} (null if anything can). */
    private static String wrongValue(Class<?> type, Random random) {
        if (type == String.class) {
            return pick(random, List.of("{}", "[\"a\"]", "{\"a\":1}"));
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return pick(random, List.of("\"x\"", "\"3\"", "2.5", "1e309", "99999999999999999999999999", "true", "{}",
                    "[1]", "\"\\u0000\""));
        }
        if (type == Double.class || type == double.class) {
            return pick(random, List.of("\"x\"", "true", "{}", "[1]"));
        }
        if (type == Boolean.class || type == boolean.class) {
            return pick(random, List.of("\"x\"", "\"yes\"", "{}", "[true]", "2"));
        }
        if (type.isEnum()) {
            return pick(random, List.of("\"NO_SUCH_VALUE\"", "\"\\ud800\"", "{}", "[\"A\"]", "99", "true"));
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return pick(random, List.of("\"x\"", "{}", "12", "true"));
        }
        if (Map.class.isAssignableFrom(type)) {
            return pick(random, List.of("\"x\"", "[1]", "12", "true"));
        }
        if (type.isRecord()) {
            return pick(random, List.of("\"x\"", "[1]", "12", "true"));
        }
        return null;
    }

    private static List<RecordComponent> constrainedComponents(Class<?> type) {
        List<RecordComponent> found = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            Field field = field(type, component);
            if (field != null && (field.isAnnotationPresent(Size.class) || field.isAnnotationPresent(NotBlank.class)
                    || field.isAnnotationPresent(NotNull.class) || field.isAnnotationPresent(Min.class)
                    || field.isAnnotationPresent(Max.class) || field.isAnnotationPresent(Pattern.class))) {
                found.add(component);
            }
        }
        return found;
    }

    /** A body whose fields are well typed but one breaks its declared constraint. */
    private static String brokenConstraint(Class<?> type, Random random) {
        Map<String, Object> fields = validishFields(type, random);
        List<RecordComponent> constrained = constrainedComponents(type);
        RecordComponent target = constrained.get(random.nextInt(constrained.size()));
        Field field = field(type, target);
        List<Object> breaking = new ArrayList<>();
        if (field.isAnnotationPresent(NotNull.class) || field.isAnnotationPresent(NotBlank.class)) {
            breaking.add(null);
        }
        if (field.isAnnotationPresent(NotBlank.class)) {
            breaking.add(pick(random, List.of("", " ", "\t\n", "   ")));
        }
        Size size = field.getAnnotation(Size.class);
        if (size != null && size.max() < 100_000) {
            if (target.getType() == String.class) {
                breaking.add(pick(random, ODD_STRINGS.subList(9, 13)).repeat(size.max() + 1) + "x".repeat(size.max()
                        + 1));
            } else if (List.class.isAssignableFrom(target.getType())) {
                List<Object> many = new ArrayList<>();
                for (int i = 0; i <= size.max(); i++) {
                    many.add("x" + i);
                }
                breaking.add(many);
            }
        }
        Min min = field.getAnnotation(Min.class);
        if (min != null && min.value() > Long.MIN_VALUE) {
            breaking.add(new Raw(Long.toString(min.value() - 1 - random.nextInt(1000))));
        }
        Max max = field.getAnnotation(Max.class);
        if (max != null && max.value() < Integer.MAX_VALUE) {
            breaking.add(new Raw(Long.toString(max.value() + 1 + random.nextInt(1000))));
        }
        Pattern pattern = field.getAnnotation(Pattern.class);
        if (pattern != null) {
            breaking.add(pick(random, List.of("-starts-with-dash", "has space", "Åäö", "a/b", "a.b", "\ud800")));
        }
        if (breaking.isEmpty()) {
            return wrongType(type, random);
        }
        fields.put(target.getName(), breaking.get(random.nextInt(breaking.size())));
        return write(fields);
    }

    private static String validish(Class<?> type, Random random) {
        return write(validishFields(type, random));
    }

    /** Well-typed values of every field, odd ones included, and a few unknown fields. */
    private static Map<String, Object> validishFields(Class<?> type, Random random) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            fields.put(component.getName(), new Raw(random(component.getGenericType(), random, 1)));
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            fields.put(pick(random, List.of("__proto__", "constructor", "id", "version", "extra", "ÅÄÖ", "\ud83d\ude00",
                    "a".repeat(1000))), pick(random, List.of(1, "x", List.of(), Map.of("a", 1), true)));
        }
        return fields;
    }

    /** JSON of a value of {@code type}: well typed, not necessarily valid. */
    private static String random(Type type, Random random, int depth) {
        Class<?> raw = rawClass(type);
        if (raw == null || depth > 4 || random.nextInt(8) == 0) {
            return "null";
        }
        if (raw == String.class) {
            String value = random.nextInt(20) == 0 ? "ö".repeat(10_000) : pick(random, ODD_STRINGS);
            return write(value);
        }
        if (raw == Integer.class || raw == int.class || raw == Short.class || raw == short.class) {
            return Integer.toString(pick(random, List.of(0, 1, 3, 5, -1, Integer.MAX_VALUE, Integer.MIN_VALUE,
                    random.nextInt())));
        }
        if (raw == Long.class || raw == long.class) {
            return Long.toString(pick(random, List.of(0L, 1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, random.nextLong())));
        }
        if (raw == Double.class || raw == double.class) {
            return pick(random, List.of("0.0", "-0.0", "1.7976931348623157E308", "4.9E-324", "0.5"));
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return Boolean.toString(random.nextBoolean());
        }
        if (raw.isEnum()) {
            Object[] constants = raw.getEnumConstants();
            return write(constants[random.nextInt(constants.length)].toString());
        }
        if (List.class.isAssignableFrom(raw)) {
            Type element = type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
            List<Raw> items = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                items.add(new Raw(random(element, random, depth + 1)));
            }
            return write(items);
        }
        if (Map.class.isAssignableFrom(raw)) {
            Type value = type instanceof ParameterizedType p ? p.getActualTypeArguments()[1] : Object.class;
            Map<String, Raw> items = new LinkedHashMap<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                items.put(pick(random, ODD_STRINGS), new Raw(random(value, random, depth + 1)));
            }
            return write(items);
        }
        if (raw.isRecord()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (RecordComponent component : raw.getRecordComponents()) {
                fields.put(component.getName(), new Raw(random(component.getGenericType(), random, depth + 1)));
            }
            return write(fields);
        }
        return pick(random, List.of("null", "{}", "1", "\"x\""));
    }

    /** Already-written JSON inside a value written by {@link #write}. */
    record Raw(String json) implements JsonSerializable {
        @Override
        public void serialize(JsonGenerator generator, SerializerProvider serializers) throws IOException {
            generator.writeRawValue(json);
        }

        @Override
        public void serializeWithType(JsonGenerator generator, SerializerProvider serializers,
                                      TypeSerializer typeSerializer) throws IOException {
            serialize(generator, serializers);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return null;
    }

    private static Field field(Class<?> type, RecordComponent component) {
        try {
            return type.getDeclaredField(component.getName());
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
