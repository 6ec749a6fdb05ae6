package se.samverka.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's own WebSocket and STOMP client, against a peer on a real loopback socket that
 * writes frames byte by byte as this test says. The service sends only some of the shapes a
 * client must read (short binary pushes, text frames), so the rest (every length encoding,
 * continuations, several STOMP frames in one message, pings, a wrong upgrade) is played here;
 * the benchmark's exact tallies then rest on a client whose framing is checked on its own.
 */
class LightStompClientTest {
    private static final Pattern KEY = Pattern.compile("Sec-WebSocket-Key: (\\S+)");

    private final LightStompClient client = new LightStompClient();
    private final BlockingQueue<String> bodies = new LinkedBlockingQueue<>();
    private ServerSocket server;

    @BeforeEach
    void listen() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void close() throws IOException {
        client.close();
        server.close();
    }

    @Test
    void givenAnUpgradeAndConnected_thenItConnectsWithTheTokenAndSubscribesOnce() throws Exception {
        CompletableFuture<LightStompClient.Session> session = connect();
        try (Peer peer = Peer.accept(server, true)) {
            assertThat(peer.readStomp()).startsWith("CONNECT\n").contains("\nAuthorization:Bearer token-1\n")
                    .contains("\nheart-beat:0,0\n");
            peer.sendText("CONNECTED\nversion:1.2\n\n\0");
            assertThat(peer.readStomp()).isEqualTo("SUBSCRIBE\nid:sub-0\ndestination:/topic/workshops.w1\n\n\0");
            assertThat(session.get(10, TimeUnit.SECONDS)).isNotNull();
        }
    }

    @Test
    void givenPushesOfEveryLengthEncoding_thenEachBodyArrivesWholeAndInOrder() throws Exception {
        CompletableFuture<LightStompClient.Session> session = connect();
        try (Peer peer = subscribed(session)) {
            // Payload lengths under 126, under 65,536 and above: the three ways a frame gives its length.
            for (int size : new int[] {10, 1_000, 70_000}) {
                peer.sendBinary(message("x".repeat(size)));
            }
            assertThat(next()).hasSize(10);
            assertThat(next()).hasSize(1_000);
            assertThat(next()).hasSize(70_000);
        }
    }

    @Test
    void givenFramesSplitJoinedAndBetweenHeartBeats_thenTheyReadAsWholeFrames() throws Exception {
        CompletableFuture<LightStompClient.Session> session = connect();
        try (Peer peer = subscribed(session)) {
            byte[] split = message("{\"version\":1}");
            int half = split.length / 2;
            // One STOMP frame over a binary frame without FIN and a continuation with FIN.
            peer.send(0x2, false, java.util.Arrays.copyOfRange(split, 0, half));
            peer.send(0x0, true, java.util.Arrays.copyOfRange(split, half, split.length));
            // Two STOMP frames in one message, a heart-beat EOL between them, the second without content-length.
            peer.sendText(new String(message("{\"version\":2}"), StandardCharsets.UTF_8) + "\r\n"
                    + "MESSAGE\ndestination:/topic/workshops.w1\nsubscription:sub-0\n\n{\"version\":3}\0");
            assertThat(next()).isEqualTo("{\"version\":1}");
            assertThat(next()).isEqualTo("{\"version\":2}");
            assertThat(next()).isEqualTo("{\"version\":3}");
        }
    }

    @Test
    void givenAPing_thenItAnswersWithAPongOfTheSamePayload() throws Exception {
        CompletableFuture<LightStompClient.Session> session = connect();
        try (Peer peer = subscribed(session)) {
            peer.send(0x9, true, "are you there".getBytes(StandardCharsets.UTF_8));
            Peer.Frame pong = peer.readFrame();
            assertThat(pong.opcode()).isEqualTo(0xA);
            assertThat(new String(pong.payload(), StandardCharsets.UTF_8)).isEqualTo("are you there");
        }
    }

    @Test
    void givenAWrongAcceptKey_thenTheConnectFails() throws Exception {
        CompletableFuture<LightStompClient.Session> session = connect();
        try (Peer ignored = Peer.accept(server, false)) {
            assertThatThrownBy(() -> session.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasMessageContaining("refused the WebSocket upgrade");
        }
    }

    @Test
    void givenAnErrorFrameInsteadOfConnected_thenTheConnectFailsWithItsMessage() throws Exception {
        CompletableFuture<LightStompClient.Session> session = connect();
        try (Peer peer = Peer.accept(server, true)) {
            peer.readStomp();
            peer.sendText("ERROR\nmessage:access denied\ncontent-length:7\n\nno seat\0");
            assertThatThrownBy(() -> session.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasMessageContaining("STOMP ERROR: access denied no seat");
        }
    }

    /** Connects on another thread: the client's connect blocks until the peer has answered the upgrade. */
    private CompletableFuture<LightStompClient.Session> connect() {
        URI ws = URI.create("ws://127.0.0.1:" + server.getLocalPort() + "/ws");
        return CompletableFuture.supplyAsync(() -> client.connect(ws, "token-1", "/topic/workshops.w1",
                (frame, offset, length, now) -> bodies.add(new String(frame, offset, length, StandardCharsets.UTF_8))))
                .thenCompose(future -> future);
    }

    private Peer subscribed(CompletableFuture<LightStompClient.Session> session) throws Exception {
        Peer peer = Peer.accept(server, true);
        peer.readStomp();
        peer.sendText("CONNECTED\nversion:1.2\n\n\0");
        peer.readStomp();
        session.get(10, TimeUnit.SECONDS);
        return peer;
    }

    private String next() throws InterruptedException {
        String body = bodies.poll(10, TimeUnit.SECONDS);
        assertThat(body).as("a pushed body within 10 s").isNotNull();
        return body;
    }

    /** A MESSAGE frame as the service writes pushes: with content-length. */
    private static byte[] message(String body) {
        byte[] json = body.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("MESSAGE\ndestination:/topic/workshops.w1\ncontent-type:application/json\nsubscription:sub-0"
                + "\ncontent-length:" + json.length + "\n\n").getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(head.length + json.length + 1).put(head).put(json).put((byte) 0).array();
    }

    /** The service's side of one connection: the upgrade answered, frames read unmasked and written unmasked. */
    private static final class Peer implements AutoCloseable {
        record Frame(int opcode, byte[] payload) {
        }

        private final Socket socket;
        private final DataInputStream in;
        private final OutputStream out;

        private Peer(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new DataInputStream(socket.getInputStream());
            this.out = socket.getOutputStream();
        }

        static Peer accept(ServerSocket server, boolean rightKey) throws Exception {
            Peer peer = new Peer(server.accept());
            Matcher key = KEY.matcher(peer.readRequest());
            assertThat(key.find()).as("the upgrade request has a key").isTrue();
            String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(
                    (key.group(1) + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII)));
            peer.out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + (rightKey ? accept : "d3Jvbmc=") + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            peer.out.flush();
            return peer;
        }

        private String readRequest() throws IOException {
            StringBuilder request = new StringBuilder();
            while (request.length() < 4 || !request.substring(request.length() - 4).equals("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("the client closed before its upgrade request ended");
                }
                request.append((char) b);
            }
            return request.toString();
        }

        /** One client frame, which must be masked, unmasked; pings and pongs are frames like any other here. */
        Frame readFrame() throws IOException {
            int first = in.readUnsignedByte();
            int second = in.readUnsignedByte();
            assertThat(second & 0x80).as("a client's frames are masked").isEqualTo(0x80);
            long length = second & 0x7f;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] mask = in.readNBytes(4);
            byte[] payload = in.readNBytes((int) length);
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i & 3];
            }
            return new Frame(first & 0x0f, payload);
        }

        String readStomp() throws IOException {
            return new String(readFrame().payload(), StandardCharsets.UTF_8);
        }

        void sendText(String stomp) throws IOException {
            send(0x1, true, stomp.getBytes(StandardCharsets.UTF_8));
        }

        void sendBinary(byte[] stomp) throws IOException {
            send(0x2, true, stomp);
        }

        /** An unmasked frame, as servers send them, with the shortest length encoding that fits. */
        void send(int opcode, boolean fin, byte[] payload) throws IOException {
            ByteBuffer header = ByteBuffer.allocate(10);
            header.put((byte) ((fin ? 0x80 : 0) | opcode));
            if (payload.length < 126) {
                header.put((byte) payload.length);
            } else if (payload.length < 65_536) {
                header.put((byte) 126).putShort((short) payload.length);
            } else {
                header.put((byte) 127).putLong(payload.length);
            }
            out.write(header.array(), 0, header.position());
            out.write(payload);
            out.flush();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
