package se.samverka.app.support;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/**
 * A WebSocket client on a plain socket, written by hand so a test controls what a library
 * would not let it: how small the receive buffer is, whether it reads at all, and exactly
 * which bytes it sends (malformed STOMP frames). Client frames are masked as the protocol
 * requires.
 */
public final class RawWebSocket implements AutoCloseable {
    /** A frame from the server: text, or a close with its status code. */
    public record Frame(int opcode, String text, int closeCode) {
        public boolean isClose() {
            return opcode == 0x8;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /**
     * Opens the socket and does the upgrade handshake. {@code receiveBuffer}: the socket's
     * receive buffer in bytes (0: the system's), set before connecting so the TCP window is that small.
     */
    public static RawWebSocket open(String url, int receiveBuffer) throws IOException {
        URI uri = URI.create(url);
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.setSoTimeout(20_000);
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 10_000);
        RawWebSocket ws = new RawWebSocket(socket);
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String request = "GET " + uri.getPath() + " HTTP/1.1\r\n"
                + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\n"
                + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: v12.stomp\r\n\r\n";
        ws.out.write(request.getBytes(StandardCharsets.US_ASCII));
        ws.out.flush();
        String response = ws.readHeaders();
        if (!response.startsWith("HTTP/1.1 101")) {
            socket.close();
            throw new IOException("no upgrade: " + response);
        }
        return ws;
    }

    private String readHeaders() throws IOException {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("closed during the handshake");
            }
            headers.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return headers.toString(StandardCharsets.US_ASCII);
    }

    /** Sends one masked text frame with these exact bytes (UTF-8 of {@code text}). */
    public void sendText(String text) throws IOException {
        sendFrame(0x1, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends one masked binary frame. */
    public void sendBinary(byte[] payload) throws IOException {
        sendFrame(0x2, payload);
    }

    private void sendFrame(int opcode, byte[] payload) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x80 | opcode);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else if (payload.length < 65_536) {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xff);
        } else {
            frame.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) payload.length >>> shift) & 0xff);
            }
        }
        byte[] mask = new byte[4];
        RANDOM.nextBytes(mask);
        frame.write(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        out.write(frame.toByteArray());
        out.flush();
    }

    /** Reads the next frame from the server (blocking, at most the socket timeout). */
    public Frame read() throws IOException {
        return readRaw().frame();
    }

    private record RawFrame(int opcode, boolean fin, byte[] payload) {
        Frame frame() {
            if (opcode == 0x8) {
                int code = payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
                return new Frame(opcode, new String(payload, Math.min(2, payload.length),
                        Math.max(0, payload.length - 2), StandardCharsets.UTF_8), code);
            }
            return new Frame(opcode, new String(payload, StandardCharsets.UTF_8), 0);
        }
    }

    private RawFrame readRaw() throws IOException {
        int first = in.read();
        int second = in.read();
        if (first < 0 || second < 0) {
            throw new EOFException("the server closed the connection");
        }
        long length = second & 0x7f;
        if (length == 126) {
            length = (readByte() << 8) | readByte();
        } else if (length == 127) {
            length = 0;
            for (int i = 0; i < 8; i++) {
                length = (length << 8) | readByte();
            }
        }
        byte[] payload = in.readNBytes((int) length);
        if (payload.length < length) {
            throw new EOFException("the server closed the connection mid-frame");
        }
        return new RawFrame(first & 0x0f, (first & 0x80) != 0, payload);
    }

    /**
     * Reads the next whole message that is not a heartbeat: a text frame with its continuation
     * frames (the server sends a long push in fragments of its output buffer), or a close.
     */
    public Frame readMessage() throws IOException {
        while (true) {
            RawFrame first = readRaw();
            ByteArrayOutputStream message = new ByteArrayOutputStream();
            message.writeBytes(first.payload());
            boolean fin = first.fin();
            while (!fin && first.opcode() != 0x8) {
                RawFrame next = readRaw();
                if (next.opcode() == 0x8) {
                    return next.frame();
                }
                message.writeBytes(next.payload());
                fin = next.fin();
            }
            Frame whole = new RawFrame(first.opcode(), true, message.toByteArray()).frame();
            if (whole.isClose() || !whole.text().isBlank()) {
                return whole;
            }
        }
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("the server closed the connection");
        }
        return b;
    }

    /** Reads until a frame that is not a heartbeat (a lone newline). */
    public Frame readFrame() throws IOException {
        while (true) {
            Frame frame = read();
            if (frame.isClose() || !frame.text().isBlank()) {
                return frame;
            }
        }
    }

    /** STOMP CONNECT with a bearer token and no heartbeats, and its answer. */
    public Frame stompConnect(String token) throws IOException {
        sendText("CONNECT\naccept-version:1.2\nhost:127.0.0.1\nheart-beat:0,0\n"
                + (token == null ? "" : "Authorization:Bearer " + token + "\n") + "\n\0");
        return readFrame();
    }

    public void stompSubscribe(String id, String destination) throws IOException {
        sendText("SUBSCRIBE\nid:" + id + "\ndestination:" + destination + "\n\n\0");
    }

    /** How long a read may block before it fails with a timeout. */
    public void readTimeout(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
