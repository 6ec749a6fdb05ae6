package se.samverka.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A minimal STOMP 1.2 client over the JDK's own WebSocket, for the clients the benchmark measures.
 * They share the two cores with the service under test, so what they cost is taken from it: with
 * Spring's {@code WebSocketStompClient} on Tomcat's JSR-356 client, 2,000 of them used about 0.8
 * of the two cores while votes were pushed (JFR, W1 N = 2,000), mostly Tomcat's AsyncIO threads and
 * Spring's STOMP decoding and session bookkeeping. Here every client shares one {@link HttpClient}
 * (one selector thread reads all sockets) and two executor threads (the JDK runs the listeners on
 * either), and a push costs a copy of its bytes, a scan of its headers and what the handler does:
 * at W1 N = 2,000 about 4 s of CPU for the 4 million pushes, against 11 s for Tomcat's threads.
 *
 * <p>It speaks only what the measured clients need: CONNECT (no heart-beats asked for, so none
 * are sent; any the server sends anyway, bare EOLs between frames, are skipped), one SUBSCRIBE,
 * MESSAGE frames in, ERROR frames reported, DISCONNECT. It does not unescape header values (it
 * reads only {@code content-length} and an ERROR's {@code message}), does not escape the ones it
 * sends (tokens and destinations here need no escaping, which {@link #plain} checks), asks for no
 * receipts and never acknowledges. Frames are cut by STOMP's own framing (content-length, else
 * the NUL), not by WebSocket message boundaries, so a frame split over several messages or
 * message parts, or several frames in one message, read the same. Pushes come as BINARY
 * messages, other frames as TEXT: both go into the same buffer.
 */
final class LightStompClient implements AutoCloseable {
    private static final byte[] MESSAGE = "MESSAGE".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONNECTED = "CONNECTED".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ERROR = "ERROR".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ERROR_MESSAGE = "message:".getBytes(StandardCharsets.US_ASCII);

    /** A MESSAGE frame's body, valid only during the call (the buffer is reused); must not block. */
    interface Messages {
        void onMessage(byte[] frame, int bodyOffset, int bodyLength, long receivedNanos);
    }

    private final ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "light-stomp");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http = HttpClient.newBuilder().executor(executor).build();

    /**
     * Opens a WebSocket to {@code ws}, sends CONNECT with the bearer token, and on CONNECTED
     * subscribes to {@code destination}. Completes once the SUBSCRIBE is sent (as Spring's
     * {@code subscribe} did: whether the broker has registered it is for the caller to find out);
     * completes exceptionally on an ERROR frame or a closed connection before that.
     */
    CompletableFuture<Session> connect(URI ws, String token, String destination, Messages messages) {
        Session session = new Session(ws.getHost(), plain(token, false), plain(destination, true), messages);
        // No Sec-WebSocket-Protocol, as Spring's client asked for none (the service speaks STOMP
        // anyway): the service keeps a session's handshake headers as long as it lives, and the
        // idle-client figure (idle) rose 1.2 KB per client with it. The JDK's own User-Agent and
        // Content-Length headers, which cannot be left out, still add about 0.6 KB.
        http.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(60))
                .buildAsync(ws, session)
                .whenComplete((webSocket, error) -> {
                    if (error != null) {
                        session.subscribed.completeExceptionally(error);
                    }
                });
        return session.subscribed;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** Header values go out unescaped (STOMP 1.2 forbids escapes in CONNECT anyway): refuse any that would need it. */
    private static String plain(String value, boolean escapedFrame) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\n' || c == '\r' || (escapedFrame && (c == ':' || c == '\\'))) {
                throw new IllegalArgumentException("header value needs STOMP escaping: " + value);
            }
        }
        return value;
    }

    /** One client's connection; the JDK calls its listener methods one at a time. */
    static final class Session implements WebSocket.Listener {
        private final String host;
        private final String token;
        private final String destination;
        private final Messages messages;
        private final CompletableFuture<Session> subscribed = new CompletableFuture<>();
        private WebSocket webSocket;
        /** Sends chained: the JDK allows one outstanding send per WebSocket. */
        private CompletableFuture<WebSocket> sending;
        /** Received bytes not yet cut into frames, from index 0 to {@code length}. */
        private byte[] buffer = new byte[8192];
        private int length;
        /** Set once the session is being closed or has failed: no more reports. */
        private volatile boolean done;

        private Session(String host, String token, String destination, Messages messages) {
            this.host = host;
            this.token = token;
            this.destination = destination;
            this.messages = messages;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            this.webSocket = webSocket;
            synchronized (this) {
                sending = CompletableFuture.completedFuture(webSocket);
            }
            // Unbounded demand, as a browser reads: the listener never blocks and copies what it
            // keeps, so there is nothing to hold back; asking per message would cost a call each.
            webSocket.request(Long.MAX_VALUE);
            send("CONNECT\naccept-version:1.2\nhost:" + host + "\nAuthorization:Bearer " + token
                    + "\nheart-beat:0,0\n\n\0").whenComplete((ws, error) -> {
                        if (error != null) {
                            fail(error);
                        }
                    });
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            long now = System.nanoTime();
            int size = data.remaining();
            ensure(size);
            data.get(buffer, length, size);
            length += size;
            receive(now);
            return null;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            long now = System.nanoTime();
            byte[] bytes = data.toString().getBytes(StandardCharsets.UTF_8);
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buffer, length, bytes.length);
            length += bytes.length;
            receive(now);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            fail(new IllegalStateException("connection closed by the service: " + statusCode + " " + reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            fail(error);
        }

        /**
         * Sends DISCONNECT and closes the WebSocket; completes when both are written, or the service
         * closed the connection first (it may, on DISCONNECT, before our close goes out), never
         * exceptionally: the run is over, only its end is being tidied.
         */
        synchronized CompletableFuture<Void> disconnect() {
            done = true;
            sending = sending.thenCompose(ws -> ws.sendText("DISCONNECT\n\n\0", true))
                    .thenCompose(ws -> ws.sendClose(WebSocket.NORMAL_CLOSURE, ""));
            return sending.handle((ws, error) -> null);
        }

        private synchronized CompletableFuture<WebSocket> send(String frame) {
            sending = sending.thenCompose(ws -> ws.sendText(frame, true));
            return sending;
        }

        /** Before subscribing: the connect fails. After: reported, as the drain would time out without saying why. */
        private void fail(Throwable error) {
            if (done) {
                return;
            }
            done = true;
            if (!subscribed.completeExceptionally(error)) {
                System.err.println("STOMP client of " + destination + ": " + error.getMessage());
            }
            if (webSocket != null) {
                webSocket.abort();
            }
        }

        private void ensure(int more) {
            if (length + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
            }
        }

        /** Handles every whole frame in the buffer and keeps the rest for the next part. */
        private void receive(long now) {
            int start = 0;
            try {
                while (true) {
                    // Heart-beats: EOLs between frames.
                    while (start < length && (buffer[start] == '\n' || buffer[start] == '\r')) {
                        start++;
                    }
                    int next = start < length ? frame(start, now) : -1;
                    if (next < 0) {
                        break;
                    }
                    start = next;
                }
            } catch (RuntimeException e) {
                fail(e);
                length = 0;
                return;
            }
            length -= start;
            if (start > 0 && length > 0) {
                System.arraycopy(buffer, start, buffer, 0, length);
            }
        }

        /**
         * Reads one frame from {@code start}: command line, headers up to the blank line, then the
         * body (content-length bytes, or up to the NUL). Returns where the next frame begins, or
         * -1 if the frame is not complete yet.
         */
        private int frame(int start, long now) {
            int eol = indexOf((byte) '\n', start);
            if (eol < 0) {
                return -1;
            }
            int commandEnd = lineEnd(start, eol);
            int contentLength = -1;
            String errorMessage = null;
            int line = eol + 1;
            while (true) {
                int next = indexOf((byte) '\n', line);
                if (next < 0) {
                    return -1;
                }
                int end = lineEnd(line, next);
                if (end == line) {
                    line = next + 1;
                    break;
                }
                // STOMP 1.2: of a repeated header, the first counts.
                if (contentLength < 0 && startsWith(line, end, CONTENT_LENGTH)) {
                    contentLength = Integer.parseInt(ascii(line + CONTENT_LENGTH.length, end).trim());
                } else if (errorMessage == null && startsWith(line, end, ERROR_MESSAGE)) {
                    errorMessage = new String(buffer, line + ERROR_MESSAGE.length, end - line - ERROR_MESSAGE.length,
                            StandardCharsets.UTF_8);
                }
                line = next + 1;
            }
            int bodyEnd;
            if (contentLength >= 0) {
                bodyEnd = line + contentLength;
                if (bodyEnd >= length) {
                    return -1;
                }
                if (buffer[bodyEnd] != 0) {
                    throw new IllegalStateException("no NUL after a body of content-length " + contentLength);
                }
            } else {
                bodyEnd = indexOf((byte) 0, line);
                if (bodyEnd < 0) {
                    return -1;
                }
            }
            if (startsWith(start, commandEnd, MESSAGE) && commandEnd - start == MESSAGE.length) {
                messages.onMessage(buffer, line, bodyEnd - line, now);
            } else if (startsWith(start, commandEnd, CONNECTED) && commandEnd - start == CONNECTED.length) {
                send("SUBSCRIBE\nid:sub-0\ndestination:" + destination + "\n\n\0").whenComplete((ws, error) -> {
                    if (error != null) {
                        subscribed.completeExceptionally(error);
                    } else {
                        subscribed.complete(this);
                    }
                });
            } else if (startsWith(start, commandEnd, ERROR) && commandEnd - start == ERROR.length) {
                fail(new IllegalStateException("STOMP ERROR: " + errorMessage + " "
                        + new String(buffer, line, bodyEnd - line, StandardCharsets.UTF_8).trim()));
            }
            // Anything else (RECEIPT, which is never asked for) is skipped.
            return bodyEnd + 1;
        }

        private int indexOf(byte b, int from) {
            for (int i = from; i < length; i++) {
                if (buffer[i] == b) {
                    return i;
                }
            }
            return -1;
        }

        /** A line ends at its LF, or at a CR right before it. */
        private int lineEnd(int from, int lf) {
            return lf > from && buffer[lf - 1] == '\r' ? lf - 1 : lf;
        }

        private boolean startsWith(int from, int end, byte[] prefix) {
            if (end - from < prefix.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if (buffer[from + i] != prefix[i]) {
                    return false;
                }
            }
            return true;
        }

        private String ascii(int from, int end) {
            return new String(buffer, from, end - from, StandardCharsets.US_ASCII);
        }
    }
}
