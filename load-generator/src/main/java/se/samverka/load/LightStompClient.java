package se.samverka.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * A minimal STOMP 1.2 client over a minimal WebSocket (RFC 6455) of its own, for the clients the
 * benchmark measures. They share the two cores with the service under test, so what they cost is
 * taken from it: Spring's {@code WebSocketStompClient} on Tomcat's JSR-356 client used about 0.8
 * of the two cores while votes were pushed (JFR, W1 N = 2,000); on the JDK's own WebSocket client
 * the generator still used 8.6-10.2 s of CPU per W1 N = 2,000 run, against 5.8-6.4 s with this
 * one (three alternating runs; docs/benchmarks.md). Here one thread reads every socket: a push
 * costs a read, a copy of its bytes, a scan of the WebSocket and STOMP headers and what the
 * handler does, without the JDK client's hand-over of every read to an executor thread.
 *
 * <p>Of WebSocket it speaks what a client of this service needs: the HTTP upgrade (its accept
 * key checked), frames of any length in, unmasked as servers send them, continuation frames,
 * pings answered, a close reported; out, masked text frames and a close. No extensions are asked
 * for (so no compression), no subprotocol (the service speaks STOMP anyway).
 *
 * <p>Of STOMP it speaks only what the measured clients need: CONNECT (no heart-beats asked for,
 * so none are sent; any the server sends anyway, bare EOLs between frames, are skipped), one
 * SUBSCRIBE, MESSAGE frames in, ERROR frames reported, DISCONNECT. It does not unescape header
 * values (it reads only {@code content-length} and an ERROR's {@code message}), does not escape
 * the ones it sends (tokens and destinations here need no escaping, which {@link #plain} checks),
 * asks for no receipts and never acknowledges. Frames are cut by STOMP's own framing
 * (content-length, else the NUL), not by WebSocket message boundaries, so a frame split over
 * several messages or frames, or several frames in one message, read the same. Pushes come as
 * BINARY messages, other frames as TEXT: both go into the same buffer.
 */
final class LightStompClient implements AutoCloseable {
    private static final byte[] MESSAGE = "MESSAGE".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONNECTED = "CONNECTED".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ERROR = "ERROR".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ERROR_MESSAGE = "message:".getBytes(StandardCharsets.US_ASCII);
    private static final String WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final int TEXT = 0x1;
    private static final int BINARY = 0x2;
    private static final int CLOSE = 0x8;
    private static final int PING = 0x9;

    /** A MESSAGE frame's body, valid only during the call (the buffer is reused); must not block. */
    interface Messages {
        void onMessage(byte[] frame, int bodyOffset, int bodyLength, long receivedNanos);
    }

    private final Selector selector;
    private final Queue<Session> toRegister = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    LightStompClient() {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Thread reader = new Thread(this::readAll, "light-stomp-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Opens a WebSocket to {@code ws} (blocking the calling thread for the TCP connect and the
     * upgrade), sends CONNECT with the bearer token, and on CONNECTED subscribes to
     * {@code destination}. Completes once the SUBSCRIBE is sent (as Spring's {@code subscribe}
     * did: whether the broker has registered it is for the caller to find out); completes
     * exceptionally on an ERROR frame or a closed connection before that.
     */
    CompletableFuture<Session> connect(URI ws, String token, String destination, Messages messages) {
        Session session = new Session(ws.getHost(), plain(token, false), plain(destination, true), messages);
        try {
            session.open(ws);
            toRegister.add(session);
            selector.wakeup();
        } catch (IOException | RuntimeException e) {
            session.fail(e);
        }
        return session.subscribed;
    }

    @Override
    public void close() {
        closed = true;
        selector.wakeup();
    }

    /** The one reading thread: every readable socket in turn, each read to the end of what waits. */
    private void readAll() {
        try {
            while (!closed) {
                selector.select();
                for (Session session; (session = toRegister.poll()) != null; ) {
                    try {
                        session.channel.register(selector, SelectionKey.OP_READ, session);
                    } catch (IOException e) {
                        session.fail(e);
                    }
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    ((Session) key.attachment()).readable(key);
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("STOMP reader stopped: " + e);
        } finally {
            try {
                selector.close();
            } catch (IOException e) {
                // The process is ending.
            }
        }
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

    /** One client's connection; read by the reader thread only, written by whoever sends, one frame at a time. */
    static final class Session {
        private final String host;
        private final String token;
        private final String destination;
        private final Messages messages;
        private final CompletableFuture<Session> subscribed = new CompletableFuture<>();
        private SocketChannel channel;
        /** Received WebSocket bytes not yet cut into frames, from index 0 to {@code rawLength}. */
        private byte[] raw = new byte[4096];
        private int rawLength;
        /** Received STOMP bytes not yet cut into frames, from index 0 to {@code length}. */
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

        /** TCP connect, the HTTP upgrade and CONNECT, blocking; then the socket turns non-blocking for the reader. */
        private void open(URI ws) throws IOException {
            channel = SocketChannel.open();
            channel.socket().setTcpNoDelay(true);
            int port = ws.getPort() < 0 ? 80 : ws.getPort();
            channel.socket().connect(new InetSocketAddress(ws.getHost(), port), 60_000);
            byte[] nonce = new byte[16];
            ThreadLocalRandom.current().nextBytes(nonce);
            String key = Base64.getEncoder().encodeToString(nonce);
            String path = ws.getRawPath() == null || ws.getRawPath().isEmpty() ? "/" : ws.getRawPath();
            writeFully(ByteBuffer.wrap(("GET " + path + " HTTP/1.1\r\nHost: " + ws.getHost() + ":" + port
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
                    + "\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII)));
            String response = readUpgradeResponse();
            String accept = response.lines().filter(l -> l.regionMatches(true, 0, "Sec-WebSocket-Accept:", 0, 21))
                    .map(l -> l.substring(21).trim()).findFirst().orElse(null);
            if (!response.startsWith("HTTP/1.1 101") || !acceptFor(key).equals(accept)) {
                throw new IOException("the service refused the WebSocket upgrade: " + response.lines().findFirst()
                        .orElse(""));
            }
            send("CONNECT\naccept-version:1.2\nhost:" + host + "\nAuthorization:Bearer " + token
                    + "\nheart-beat:0,0\n\n\0");
            channel.configureBlocking(false);
        }

        /** Reads up to the blank line that ends the response's headers; bytes after it stay in {@code raw} as frames. */
        private String readUpgradeResponse() throws IOException {
            int scanned = 3;
            while (true) {
                for (; scanned < rawLength; scanned++) {
                    if (raw[scanned - 3] == '\r' && raw[scanned - 2] == '\n' && raw[scanned - 1] == '\r'
                            && raw[scanned] == '\n') {
                        String response = new String(raw, 0, scanned + 1, StandardCharsets.US_ASCII);
                        consumed(scanned + 1);
                        return response;
                    }
                }
                if (fill() < 0) {
                    throw new IOException("no answer to the WebSocket upgrade");
                }
            }
        }

        /** One read from the socket to the end of {@code raw}, which grows when full; the count, or -1 at its end. */
        private int fill() throws IOException {
            if (rawLength == raw.length) {
                raw = Arrays.copyOf(raw, raw.length * 2);
            }
            int read = channel.read(ByteBuffer.wrap(raw, rawLength, raw.length - rawLength));
            if (read > 0) {
                rawLength += read;
            }
            return read;
        }

        /** Drops the first {@code count} bytes of {@code raw}. */
        private void consumed(int count) {
            rawLength -= count;
            if (count > 0 && rawLength > 0) {
                System.arraycopy(raw, count, raw, 0, rawLength);
            }
        }

        private static String acceptFor(String key) {
            try {
                return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                        .digest((key + WEBSOCKET_GUID).getBytes(StandardCharsets.US_ASCII)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        /** On the reader thread: what the socket holds, cut into WebSocket frames, their payloads into STOMP's buffer. */
        private void readable(SelectionKey key) {
            long now = System.nanoTime();
            try {
                int read;
                do {
                    read = fill();
                } while (read > 0);
                frames(now);
                if (read < 0) {
                    key.cancel();
                    fail(new IllegalStateException("connection closed by the service"));
                }
            } catch (IOException | RuntimeException e) {
                key.cancel();
                fail(e);
            }
        }

        /** Every whole WebSocket frame in {@code raw}: data to STOMP, pings answered, a close reported. */
        private void frames(long now) throws IOException {
            int p = 0;
            boolean data = false;
            while (rawLength - p >= 2) {
                int opcode = raw[p] & 0x0f;
                boolean masked = (raw[p + 1] & 0x80) != 0;
                long size = raw[p + 1] & 0x7f;
                int header = 2;
                if (size == 126) {
                    if (rawLength - p < 4) {
                        break;
                    }
                    size = ((raw[p + 2] & 0xff) << 8) | (raw[p + 3] & 0xff);
                    header = 4;
                } else if (size == 127) {
                    if (rawLength - p < 10) {
                        break;
                    }
                    size = 0;
                    for (int i = 0; i < 8; i++) {
                        size = (size << 8) | (raw[p + 2 + i] & 0xff);
                    }
                    header = 10;
                }
                int maskAt = p + header;
                if (masked) {
                    header += 4;
                }
                if (rawLength - p - header < size) {
                    break;
                }
                int from = p + header;
                int n = (int) size;
                if (masked) {
                    for (int i = 0; i < n; i++) {
                        raw[from + i] ^= raw[maskAt + (i & 3)];
                    }
                }
                if (opcode == CLOSE) {
                    int code = n >= 2 ? ((raw[from] & 0xff) << 8) | (raw[from + 1] & 0xff) : 1005;
                    throw new IllegalStateException("connection closed by the service: " + code + " "
                            + new String(raw, from + Math.min(n, 2), Math.max(0, n - 2), StandardCharsets.UTF_8));
                } else if (opcode == PING) {
                    write(0xA, Arrays.copyOfRange(raw, from, from + n));
                } else if (opcode < CLOSE) {
                    // Text, binary or a continuation of either: STOMP's framing decides where frames end.
                    if (length + n > buffer.length) {
                        buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + n));
                    }
                    System.arraycopy(raw, from, buffer, length, n);
                    length += n;
                    data = true;
                }
                p = from + n;
            }
            consumed(p);
            if (data) {
                receive(now);
            }
        }

        /**
         * Writes DISCONNECT and a close, then closes the socket; never throws: the run is over, only
         * its end is being tidied (the service may close first, on DISCONNECT).
         */
        void disconnect() {
            done = true;
            try {
                send("DISCONNECT\n\n\0");
                write(CLOSE, new byte[] {0x03, (byte) 0xe8});
                channel.close();
            } catch (IOException | RuntimeException e) {
                // Already closed by the service.
            }
        }

        private void send(String frame) throws IOException {
            write(TEXT, frame.getBytes(StandardCharsets.UTF_8));
        }

        /** One masked frame, written whole (frames out are a few hundred bytes at most). */
        private synchronized void write(int opcode, byte[] payload) throws IOException {
            int header = payload.length < 126 ? 2 : payload.length < 65536 ? 4 : 10;
            ByteBuffer frame = ByteBuffer.allocate(header + 4 + payload.length);
            frame.put((byte) (0x80 | opcode));
            if (header == 2) {
                frame.put((byte) (0x80 | payload.length));
            } else if (header == 4) {
                frame.put((byte) (0x80 | 126)).putShort((short) payload.length);
            } else {
                frame.put((byte) (0x80 | 127)).putLong(payload.length);
            }
            byte[] mask = new byte[4];
            ThreadLocalRandom.current().nextBytes(mask);
            frame.put(mask);
            for (int i = 0; i < payload.length; i++) {
                frame.put((byte) (payload[i] ^ mask[i & 3]));
            }
            writeFully(frame.flip());
        }

        /** Blocking or not, the whole buffer goes out; a full socket is waited out briefly. */
        private void writeFully(ByteBuffer bytes) throws IOException {
            while (bytes.hasRemaining()) {
                if (channel.write(bytes) == 0) {
                    LockSupport.parkNanos(100_000);
                }
            }
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
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException e) {
                    // Closing what failed.
                }
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
                try {
                    send("SUBSCRIBE\nid:sub-0\ndestination:" + destination + "\n\n\0");
                    subscribed.complete(this);
                } catch (IOException e) {
                    fail(e);
                }
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
