package se.samverka.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * Opens N real STOMP clients over WebSockets, joins them to W workshops, has each vote once
 * within a window and records, for every accepted vote, the time from sending the command to
 * every client of its workshop having seen a state that includes it. Checks the final tallies
 * (none lost, none twice) and measures two baselines in the same run: a plain STOMP broadcast
 * through the same broker (the service must run with {@code samverka.bench.enabled=true}) and,
 * with {@code --pg}, a plain JDBC insert of an event-sized row. Loopback only; bounded in time.
 */
public final class LoadGenerator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] CAPABILITIES = {"set-goals", "develop-department", "guide-towards-goals",
            "ensure-results", "understand-priorities", "formulate-direction"};

    /** Where commands go; reads, the STOMP clients and the bench endpoint go to the query nodes. */
    private final String base;
    private final List<String> queryBases;
    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(16)).build();

    private LoadGenerator(String base, List<String> queryBases) {
        this.base = base;
        this.queryBases = queryBases;
    }

    /** One participant: its token and what versions it saw when. */
    private record Client(String workshopId, String token, Seen seen, Map<Long, Long> bench) {
    }

    /**
     * The versions one client saw, when: each version higher than any it had seen before, with the
     * time it arrived. Both arrays rise, so when a client first saw a vote's version or a later one
     * is found by one walk over them for all the votes in version order. (A
     * {@code ConcurrentSkipListMap} per client cost a node per push and, after the run, a
     * {@code ceilingEntry} per vote and client: 4 million at N = 2,000, seconds of CPU.) The service
     * sends a session one workshop's pushes in version order, but that is checked, not assumed: a
     * push below a version already seen changes nothing (the screen has already shown a state that
     * includes those votes) and is counted in {@link #behind}, which the run reports. Written by the
     * client's receiving thread, read by the main thread: synchronized, and all but uncontended.
     */
    static final class Seen {
        private long[] versions = new long[16];
        private long[] times = new long[16];
        private int size;
        private long behind;

        synchronized void add(long version, long nanos) {
            if (size > 0 && version <= versions[size - 1]) {
                if (version < versions[size - 1]) {
                    behind++;
                }
                return;
            }
            if (size == versions.length) {
                versions = java.util.Arrays.copyOf(versions, size * 2);
                times = java.util.Arrays.copyOf(times, size * 2);
            }
            versions[size] = version;
            times[size] = nanos;
            size++;
        }

        synchronized boolean isEmpty() {
            return size == 0;
        }

        /** Pushes seen, each of a higher version than the one before. */
        synchronized int size() {
            return size;
        }

        /** The highest version seen; {@link Long#MIN_VALUE} before any. */
        synchronized long last() {
            return size == 0 ? Long.MIN_VALUE : versions[size - 1];
        }

        /** Pushes that arrived after a higher version had. */
        synchronized long behind() {
            return behind;
        }

        /**
         * For each of {@code votes} (ascending versions, none above {@link #last}): lowers
         * {@code earliest} and raises {@code latest} to the time this client first saw it or a later one.
         */
        synchronized void firstSeen(long[] votes, long[] earliest, long[] latest) {
            int i = 0;
            for (int v = 0; v < votes.length; v++) {
                while (versions[i] < votes[v]) {
                    i++;
                }
                earliest[v] = Math.min(earliest[v], times[i]);
                latest[v] = Math.max(latest[v], times[i]);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            options.put(pair[0], pair.length > 1 ? pair[1] : "true");
        }
        String base = options.getOrDefault("base", "http://127.0.0.1:8080");
        // Several nodes (docs/architecture.md): commands to --base (a command node), reads and
        // STOMP to --query-bases (query nodes, comma-separated; clients spread over them in turn).
        List<String> queryBases = List.of(options.getOrDefault("query-bases", base).split(","));
        for (String target : concat(base, queryBases)) {
            if (!URI.create(target).getHost().matches("127\\.\\d+\\.\\d+\\.\\d+|localhost")) {
                throw new IllegalArgumentException("the load generator only targets loopback");
            }
        }
        int clients = Integer.parseInt(options.getOrDefault("clients", "100"));
        int workshops = Integer.parseInt(options.getOrDefault("workshops", "1"));
        int windowSeconds = Integer.parseInt(options.getOrDefault("window-seconds", "10"));
        int baselineMessages = Integer.parseInt(options.getOrDefault("baseline-messages", "20"));
        LoadGenerator generator = new LoadGenerator(base, queryBases);
        String password = options.getOrDefault("password", "admin-password");
        if (options.containsKey("fill-events") && options.containsKey("bulk")) {
            generator.fillInBulk(password, Integer.parseInt(options.get("fill-events")), clients, workshops);
        } else if (options.containsKey("fill-events")) {
            generator.fill(password, Integer.parseInt(options.get("fill-events")), clients, workshops);
        } else if (options.containsKey("rebuild")) {
            generator.rebuild(password, options.get("rebuild"), options.get("dump"),
                    options.containsKey("pause") ? List.of(options.get("pause").split(",")) : List.of());
        } else if (options.containsKey("idle-clients")) {
            generator.idle(password, Integer.parseInt(options.get("idle-clients")),
                    Integer.parseInt(options.getOrDefault("hold-seconds", "0")));
        } else {
            generator.run(options.getOrDefault("password", "admin-password"), clients, workshops, windowSeconds,
                    baselineMessages, options.get("pg"));
        }
        System.exit(0);
    }

    /**
     * For the replay workload: stores about {@code events} rating events in {@code workshops}
     * workshops (one aggregate lock each, so several go in parallel) as fast as 16 senders go,
     * without live clients. {@code --rebuild} then rebuilds the read models from all of them.
     */
    private void fill(String password, int events, int participants, int workshops) throws Exception {
        String facilitator = post("/api/v1/auth/login", null,
                Map.of("username", "admin", "password", password)).get("token").asText();
        List<String> workshopIds = new ArrayList<>();
        List<List<String>> tokens = new ArrayList<>();
        for (int w = 0; w < workshops; w++) {
            JsonNode workshop = post("/api/v1/workshops", facilitator, Map.of("title", "Replay " + w));
            workshopIds.add(workshop.get("id").asText());
            List<String> members = new ArrayList<>();
            for (int i = 0; i < participants; i++) {
                members.add(post("/api/v1/join", null, Map.of("joinCode", workshop.get("joinCode").asText(),
                        "displayName", "Deltagare " + i)).get("token").asText());
            }
            tokens.add(members);
        }
        ExecutorService senders = Executors.newFixedThreadPool(16);
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime();
        List<java.util.concurrent.Future<?>> work = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            int lane = t;
            work.add(senders.submit(() -> {
                Random random = new Random(lane);
                int n;
                while ((n = sent.incrementAndGet()) <= events) {
                    int w = n % workshops;
                    String token = tokens.get(w).get(random.nextInt(participants));
                    String capability = CAPABILITIES[random.nextInt(CAPABILITIES.length)];
                    int score = 1 + random.nextInt(5);
                    try {
                        put("/api/v1/workshops/" + workshopIds.get(w) + "/capabilities/" + capability + "/rating",
                                token, Map.of("score", score));
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (var w : work) {
            w.get(60, TimeUnit.MINUTES);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("sent %d rating commands to %d workshops in %.1f s (%.0f/s), %d failed;"
                + " a repeated score stores no event%n", events, workshops, seconds, events / seconds, failed.get());
        senders.shutdownNow();
    }

    /**
     * For the replay workload, fast: creates {@code workshops} workshops, joins {@code participants}
     * to each by the API, then has the bench endpoint append {@code events} rating events (split
     * over the workshops) as the aggregate would have decided them, and waits until every
     * projection has caught up with them.
     */
    private void fillInBulk(String password, int events, int participants, int workshops) throws Exception {
        String facilitator = post("/api/v1/auth/login", null,
                Map.of("username", "admin", "password", password)).get("token").asText();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<String> workshopIds = new ArrayList<>();
        for (int w = 0; w < workshops; w++) {
            JsonNode workshop = post("/api/v1/workshops", facilitator, Map.of("title", "Replay " + w));
            workshopIds.add(workshop.get("id").asText());
            List<java.util.concurrent.Future<?>> joins = new ArrayList<>();
            for (int i = 0; i < participants; i++) {
                int n = i;
                joins.add(pool.submit(() -> post("/api/v1/join", null, Map.of("joinCode",
                        workshop.get("joinCode").asText(), "displayName", "Deltagare " + n,
                        "organisation", "Kommun " + (n % 14)))));
            }
            for (var join : joins) {
                join.get(120, TimeUnit.SECONDS);
            }
        }
        long appended = 0;
        for (int w = 0; w < workshops; w++) {
            int share = events / workshops + (w < events % workshops ? 1 : 0);
            appended += post("/api/v1/bench/workshops/" + workshopIds.get(w) + "/ratings?events=" + share
                    + "&seed=" + w, facilitator, Map.of()).get("appended").asLong();
        }
        double stored = (System.nanoTime() - start) / 1e9;
        awaitAll(() -> true, this::healthy, Duration.ofMinutes(30));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("appended %d rating events to %d workshops of %d participants in %.1f s;"
                + " every projection caught up after %.1f s%n", appended, workshops, participants, stored, seconds);
        pool.shutdownNow();
    }

    /** Every projection of the service has caught up (the health endpoint answers 200). */
    private boolean healthy() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(queryBases.get(0) + "/actuator/health"))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    }

    /**
     * W3: rebuilds one projection from the whole event store and times it; then checks that
     * every workshop reads exactly as it did before (rebuilt equals live).
     */
    private void rebuild(String password, String group, String dump, List<String> pause) throws Exception {
        String facilitator = post("/api/v1/auth/login", null,
                Map.of("username", "admin", "password", password)).get("token").asText();
        // Alone: the other processors have reached the head of the event store (or are paused, for
        // one processor's figure), so the rebuild does not share the cores with them; and the one
        // rebuilt has too, or the live state read next would be incomplete.
        for (String other : pause) {
            post("/api/v1/bench/processors/" + other + "/stop", facilitator, Map.of());
        }
        awaitAll(() -> true, () -> {
            JsonNode processors = get("/api/v1/bench/processors", facilitator);
            long head = processors.get("head").asLong();
            for (var entry : processors.get("positions").properties()) {
                if (entry.getValue().asLong() < head) {
                    return false;
                }
            }
            return true;
        }, Duration.ofMinutes(60));
        Map<String, JsonNode> live = new HashMap<>();
        for (JsonNode summary : get("/api/v1/workshops", facilitator)) {
            String id = summary.get("id").asText();
            live.put(id, get("/api/v1/workshops/" + id, facilitator));
        }
        long start = System.nanoTime();
        JsonNode answer = post("/api/v1/bench/processors/" + group + "/rebuild", facilitator, Map.of());
        long events = answer.get("storedEvents").asLong();
        long[] reported = {System.nanoTime()};
        awaitAll(() -> true, () -> {
            JsonNode status = get("/api/v1/bench/processors/" + group, facilitator);
            if (System.nanoTime() - reported[0] > TimeUnit.SECONDS.toNanos(10)) {
                reported[0] = System.nanoTime();
                System.out.printf("  %.0f s: at position %d of %d stored events, replaying %s%n",
                        (reported[0] - start) / 1e9, status.get("position").asLong(), events,
                        status.get("replaying").asBoolean());
            }
            return status.get("caughtUp").asBoolean();
        }, Duration.ofMinutes(30));
        double seconds = (System.nanoTime() - start) / 1e9;
        int same = 0;
        for (var entry : live.entrySet()) {
            JsonNode rebuilt = get("/api/v1/workshops/" + entry.getKey(), facilitator);
            if (rebuilt.equals(entry.getValue())) {
                same++;
            } else if (dump != null) {
                java.nio.file.Files.createDirectories(java.nio.file.Path.of(dump));
                java.nio.file.Files.writeString(java.nio.file.Path.of(dump, entry.getKey() + ".live.json"),
                        JSON.writerWithDefaultPrettyPrinter().writeValueAsString(entry.getValue()));
                java.nio.file.Files.writeString(java.nio.file.Path.of(dump, entry.getKey() + ".rebuilt.json"),
                        JSON.writerWithDefaultPrettyPrinter().writeValueAsString(rebuilt));
            }
        }
        System.out.printf("rebuilt %s from %d stored events in %.2f s: %.0f events/s;"
                + " %d of %d workshops read exactly as before%n", group, events, seconds, events / seconds,
                same, live.size());
        for (String other : pause) {
            post("/api/v1/bench/processors/" + other + "/start", facilitator, Map.of());
        }
    }

    /**
     * Memory per idle client: the service's heap after collection before and after {@code count}
     * participants connect over STOMP and subscribe to their workshop, then sit idle.
     */
    private void idle(String password, int count, int holdSeconds) throws Exception {
        String facilitator = post("/api/v1/auth/login", null,
                Map.of("username", "admin", "password", password)).get("token").asText();
        JsonNode workshop = post("/api/v1/workshops", facilitator, Map.of("title", "Idle"));
        String workshopId = workshop.get("id").asText();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<java.util.concurrent.Future<String>> joins = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            joins.add(pool.submit(() -> post("/api/v1/join", null, Map.of("joinCode",
                    workshop.get("joinCode").asText(), "displayName", "Deltagare " + n)).get("token").asText()));
        }
        List<String> tokens = new ArrayList<>();
        for (var join : joins) {
            tokens.add(join.get(120, TimeUnit.SECONDS));
        }
        long before = post("/api/v1/bench/heap", facilitator, Map.of()).get("usedBytes").asLong();
        LightStompClient stomp = new LightStompClient();
        URI ws = URI.create(queryBases.get(0).replaceFirst("^http", "ws") + "/ws");
        List<LightStompClient.Session> sessions = new CopyOnWriteArrayList<>();
        AtomicInteger received = new AtomicInteger();
        List<java.util.concurrent.Future<?>> connects = new ArrayList<>();
        for (String token : tokens) {
            connects.add(pool.submit(() -> {
                sessions.add(stomp.connect(ws, token, "/topic/workshops." + workshopId,
                        (frame, offset, length, receivedNanos) -> received.incrementAndGet())
                        .get(60, TimeUnit.SECONDS));
                return null;
            }));
        }
        for (var connect : connects) {
            connect.get(180, TimeUnit.SECONDS);
        }
        // Subscriptions are in place once a probe join has reached every client.
        awaitAll(() -> post("/api/v1/join", null, Map.of("joinCode", workshop.get("joinCode").asText(),
                "displayName", "Probe")).size() > 0, () -> received.get() >= count, Duration.ofSeconds(120));
        long after = post("/api/v1/bench/heap", facilitator, Map.of()).get("usedBytes").asLong();
        System.out.printf("heap after GC: %.1f MB before, %.1f MB with %d idle subscribed clients:"
                + " %.1f KB per client%n", before / 1e6, after / 1e6, sessions.size(),
                (after - before) / 1024.0 / sessions.size());
        // --hold-seconds: the clients stay connected a while, e.g. for a heap histogram of the service.
        Thread.sleep(TimeUnit.SECONDS.toMillis(holdSeconds));
        disconnect(sessions);
        stomp.close();
        pool.shutdownNow();
    }

    /**
     * A push's top-level {@code type} and {@code version}, read without building the whole tree:
     * every client parses every push, and with hundreds of clients on the same two cores as the
     * service, parsing whole messages took a large share of the CPU the service is measured on.
     */
    private record TypeAndVersion(String type, long version) {
        /** The JSON at {@code json[offset, offset + length)}: a push's body, read in the frame it came in. */
        static TypeAndVersion of(byte[] json, int offset, int length) {
            String type = null;
            long version = 0;
            boolean hasVersion = false;
            try (com.fasterxml.jackson.core.JsonParser parser = JSON.getFactory().createParser(json, offset, length)) {
                parser.nextToken();
                while ((type == null || !hasVersion)
                        && parser.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    parser.nextToken();
                    if ("type".equals(field)) {
                        type = parser.getValueAsString();
                    } else if ("version".equals(field)) {
                        version = parser.getValueAsLong();
                        hasVersion = true;
                    } else {
                        parser.skipChildren();
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return new TypeAndVersion(type, version);
        }
    }

    /** Pushes seen by all the clients together so far. */
    private static long pushesSeen(List<Client> clients) {
        return clients.stream().mapToLong(c -> c.seen().size()).sum();
    }

    /** DISCONNECT from every session (each written before its socket closes; the process exits next). */
    private static void disconnect(List<LightStompClient.Session> sessions) {
        sessions.forEach(LightStompClient.Session::disconnect);
    }

    private void run(String password, int clientCount, int workshopCount, int windowSeconds, int baselineMessages,
                     String pgUrl) throws Exception {
        long cpuStart = cpuNanos();
        String facilitator = post("/api/v1/auth/login", null,
                Map.of("username", "admin", "password", password)).get("token").asText();
        List<JsonNode> workshops = new ArrayList<>();
        for (int i = 0; i < workshopCount; i++) {
            workshops.add(post("/api/v1/workshops", facilitator, Map.of("title", "Last " + i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Client> clients = new CopyOnWriteArrayList<>();
        List<java.util.concurrent.Future<?>> joins = new ArrayList<>();
        for (int i = 0; i < clientCount; i++) {
            JsonNode workshop = workshops.get(i % workshopCount);
            int n = i;
            joins.add(pool.submit(() -> {
                JsonNode joined = post("/api/v1/join", null, Map.of("joinCode", workshop.get("joinCode").asText(),
                        "displayName", "Deltagare " + n, "organisation", "Kommun " + (n % 14)));
                clients.add(new Client(workshop.get("id").asText(), joined.get("token").asText(),
                        new Seen(), new ConcurrentHashMap<>()));
                return null;
            }));
        }
        for (var join : joins) {
            join.get(120, TimeUnit.SECONDS);
        }
        System.out.printf("joined %d participants in %d workshops%n", clients.size(), workshopCount);

        LightStompClient stomp = new LightStompClient();
        List<LightStompClient.Session> sessions = new CopyOnWriteArrayList<>();
        List<java.util.concurrent.Future<?>> connects = new ArrayList<>();
        for (int c = 0; c < clients.size(); c++) {
            Client client = clients.get(c);
            URI ws = URI.create(queryBases.get(c % queryBases.size()).replaceFirst("^http", "ws") + "/ws");
            connects.add(pool.submit(() -> {
                // The time is taken as the frame arrives, before its body is read.
                sessions.add(stomp.connect(ws, client.token(), "/topic/workshops." + client.workshopId(),
                        (frame, offset, length, now) -> {
                            TypeAndVersion message = TypeAndVersion.of(frame, offset, length);
                            if ("bench".equals(message.type())) {
                                client.bench().putIfAbsent(-message.version(), now);
                            } else {
                                client.seen().add(message.version(), now);
                            }
                        }).get(60, TimeUnit.SECONDS));
                return null;
            }));
        }
        for (var connect : connects) {
            connect.get(180, TimeUnit.SECONDS);
        }
        System.out.printf("connected %d STOMP clients%n", sessions.size());
        Map<String, List<Client>> byWorkshop = new HashMap<>();
        clients.forEach(c -> byWorkshop.computeIfAbsent(c.workshopId(), k -> new ArrayList<>()).add(c));

        // Subscriptions are registered asynchronously: a probe join seen by everyone proves them live.
        for (JsonNode workshop : workshops) {
            List<Client> members = byWorkshop.get(workshop.get("id").asText());
            awaitAll(() -> {
                long version = post("/api/v1/join", null, Map.of("joinCode", workshop.get("joinCode").asText(),
                        "displayName", "Probe")).size();
                return version > 0;
            }, () -> members.stream().allMatch(c -> !c.seen().isEmpty()), Duration.ofSeconds(60));
        }

        Histogram baseline = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        for (JsonNode workshop : workshops) {
            List<Client> members = byWorkshop.get(workshop.get("id").asText());
            for (long seq = 1; seq <= baselineMessages; seq++) {
                long sent = System.nanoTime();
                post("/api/v1/bench/workshops/" + workshop.get("id").asText() + "/echo?seq=" + seq, facilitator,
                        Map.of());
                long s = seq;
                awaitAll(() -> true, () -> members.stream().allMatch(c -> c.bench().containsKey(s)),
                        Duration.ofSeconds(30));
                long last = members.stream().mapToLong(c -> c.bench().get(s)).max().orElse(sent);
                baseline.recordValue(Math.max(1, (last - sent) / 1000));
            }
        }

        post("/api/v1/bench/projection-lag/reset", facilitator, Map.of());
        // How often the service pushed while votes came in: the conflation interval, seen from the screens.
        long pushesBefore = pushesSeen(clients);
        ScheduledExecutorService voters = Executors.newScheduledThreadPool(32);
        Random random = new Random(42);
        Map<String, List<long[]>> accepted = new ConcurrentHashMap<>();
        AtomicInteger refused = new AtomicInteger();
        CopyOnWriteArrayList<java.util.concurrent.ScheduledFuture<?>> votes = new CopyOnWriteArrayList<>();
        for (Client client : clients) {
            long delay = (long) (random.nextDouble() * windowSeconds * 1000);
            String capability = CAPABILITIES[random.nextInt(CAPABILITIES.length)];
            int score = 1 + random.nextInt(5);
            votes.add(voters.schedule(() -> {
                long sent = System.nanoTime();
                try {
                    JsonNode answer = put("/api/v1/workshops/" + client.workshopId() + "/capabilities/" + capability
                            + "/rating", client.token(), Map.of("score", score));
                    accepted.computeIfAbsent(client.workshopId(), k -> new CopyOnWriteArrayList<>())
                            .add(new long[] {answer.get("version").asLong(), sent, System.nanoTime()});
                } catch (Exception e) {
                    refused.incrementAndGet();
                }
            }, delay, TimeUnit.MILLISECONDS));
        }
        for (var vote : votes) {
            vote.get(windowSeconds + 120L, TimeUnit.SECONDS);
        }
        long cpuAfterVotes = cpuNanos();
        // Drain: every client has seen its workshop's last accepted version.
        for (var entry : accepted.entrySet()) {
            long last = entry.getValue().stream().mapToLong(v -> v[0]).max().orElse(0);
            awaitAll(() -> true, () -> byWorkshop.get(entry.getKey()).stream()
                    .allMatch(c -> !c.seen().isEmpty() && c.seen().last() >= last), Duration.ofSeconds(120));
        }
        System.out.printf("pushes per screen while voting: %.1f%n",
                (pushesSeen(clients) - pushesBefore) / (double) clients.size());
        Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(120), 3);
        // The first screen to show a vote: its distance from the last tells fan-out from projection lag.
        Histogram firstScreen = new Histogram(TimeUnit.SECONDS.toMicros(120), 3);
        // The command's answer (stored in the event store): what precedes projection and push.
        Histogram command = new Histogram(TimeUnit.SECONDS.toMicros(120), 3);
        int acceptedCount = 0;
        for (var entry : accepted.entrySet()) {
            // Votes in version order, so each client's versions are walked once for all of them.
            long[][] workshopVotes = entry.getValue().toArray(long[][]::new);
            java.util.Arrays.sort(workshopVotes, java.util.Comparator.comparingLong(v -> v[0]));
            long[] versions = java.util.Arrays.stream(workshopVotes).mapToLong(v -> v[0]).toArray();
            long[] earliest = new long[versions.length];
            long[] latest = new long[versions.length];
            java.util.Arrays.fill(earliest, Long.MAX_VALUE);
            for (Client c : byWorkshop.get(entry.getKey())) {
                c.seen().firstSeen(versions, earliest, latest);
            }
            for (int v = 0; v < workshopVotes.length; v++) {
                long[] vote = workshopVotes[v];
                acceptedCount++;
                latency.recordValue(Math.max(1, (latest[v] - vote[1]) / 1000));
                firstScreen.recordValue(Math.max(1, (earliest[v] - vote[1]) / 1000));
                command.recordValue(Math.max(1, (vote[2] - vote[1]) / 1000));
            }
        }
        long behind = clients.stream().mapToLong(c -> c.seen().behind()).sum();
        if (behind > 0) {
            System.out.printf("warning: %d pushes reached a client after a higher version had%n", behind);
        }
        int counted = 0;
        for (JsonNode workshop : workshops) {
            JsonNode view = get("/api/v1/workshops/" + workshop.get("id").asText(), facilitator);
            for (JsonNode capability : view.get("capabilities")) {
                counted += capability.get("rating").get("count").asInt();
            }
        }
        System.out.printf("%nvotes: %d accepted, %d refused, %d counted in the read models: %d lost, %d twice%n",
                acceptedCount, refused.get(), counted, Math.max(0, acceptedCount - counted),
                Math.max(0, counted - acceptedCount));
        print("vote-to-every-screen (ms)", latency);
        print("vote-to-first-screen (ms)", firstScreen);
        print("vote command answered (ms)", command);
        JsonNode lag = get("/api/v1/bench/projection-lag", facilitator);
        System.out.printf("event-to-read-model, this node (ms): n=%d p50=%.1f p99=%.1f p99.9=%.1f max=%.1f%n",
                lag.get("n").asLong(), lag.get("p50").asDouble(), lag.get("p99").asDouble(),
                lag.get("p999").asDouble(), lag.get("max").asDouble());
        print("plain STOMP broadcast baseline (ms)", baseline);
        System.out.printf("ratio p99: %.1f x baseline%n", latency.getValueAtPercentile(99)
                / (double) Math.max(1, baseline.getValueAtPercentile(99)));
        System.out.printf("generator CPU: %.1f s during setup and votes%n", (cpuAfterVotes - cpuStart) / 1e9);
        if (pgUrl != null) {
            print("plain JDBC insert baseline, PostgreSQL (ms)", jdbcBaseline(pgUrl, 1000));
        }
        disconnect(sessions);
        stomp.close();
        voters.shutdownNow();
        pool.shutdownNow();
    }

    private static Histogram jdbcBaseline(String adminUrl, int inserts) throws Exception {
        String database = "samverka_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        Histogram histogram = new Histogram(TimeUnit.SECONDS.toMicros(10), 3);
        try (Connection admin = DriverManager.getConnection(adminUrl, "postgres", "");
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        String url = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + database;
        byte[] payload = new byte[400];
        try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
            connection.createStatement().execute("CREATE TABLE event (id BIGSERIAL PRIMARY KEY, aggregate VARCHAR(64),"
                    + " seq BIGINT, payload BYTEA, UNIQUE (aggregate, seq))");
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO event (aggregate, seq, payload) VALUES (?, ?, ?)")) {
                for (int i = 0; i < inserts; i++) {
                    long start = System.nanoTime();
                    insert.setString(1, "w1");
                    insert.setLong(2, i);
                    insert.setBytes(3, payload);
                    insert.executeUpdate();
                    histogram.recordValue(Math.max(1, (System.nanoTime() - start) / 1000));
                }
            }
        } finally {
            try (Connection admin = DriverManager.getConnection(adminUrl, "postgres", "");
                 Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
        return histogram;
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    private static void print(String name, Histogram histogram) {
        System.out.printf("%s: n=%d p50=%.1f p99=%.1f p99.9=%.1f max=%.1f%n", name, histogram.getTotalCount(),
                histogram.getValueAtPercentile(50) / 1000.0, histogram.getValueAtPercentile(99) / 1000.0,
                histogram.getValueAtPercentile(99.9) / 1000.0, histogram.getMaxValue() / 1000.0);
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    /** Repeats {@code act} until {@code done}, bounded by {@code limit}; polls every 20 ms. */
    private static void awaitAll(Check act, Check done, Duration limit) throws Exception {
        long until = System.nanoTime() + limit.toNanos();
        act.ok();
        long nextAct = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
        while (!done.ok()) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("gave up waiting after " + limit);
            }
            if (System.nanoTime() > nextAct) {
                act.ok();
                nextAct = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
            }
            Thread.sleep(20);
        }
    }

    private JsonNode post(String path, String token, Object body) throws Exception {
        return send("POST", path, token, body);
    }

    private JsonNode put(String path, String token, Object body) throws Exception {
        return send("PUT", path, token, body);
    }

    private JsonNode get(String path, String token) throws Exception {
        return send("GET", path, token, null);
    }

    private JsonNode send(String method, String path, String token, Object body) throws Exception {
        String target = method.equals("GET") || path.startsWith("/api/v1/bench/") ? queryBases.get(0) : base;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }
}
