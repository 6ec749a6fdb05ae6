package se.samverka.command.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash of one chain entry: SHA-256 over the previous entry's hash and the event's stored
 * columns, each written with its length first (null as length -1), so no two different
 * events can encode to the same bytes. Written down in docs/architecture.md; anyone with
 * the database can recompute it without Samverka.
 */
final class ChainHash {
    /** The "previous hash" of a project's first entry. */
    static final String GENESIS = "0".repeat(64);
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] DOMAIN = "samverka-event-chain-v1".getBytes(StandardCharsets.UTF_8);

    private ChainHash() {
    }

    static String of(String previousHash, StoredEvent event) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(256 + length(event.payload())
                + length(event.metaData()));
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            bytes(out, DOMAIN);
            bytes(out, HEX.parseHex(previousHash));
            text(out, event.eventIdentifier());
            text(out, event.aggregateIdentifier());
            out.writeLong(event.sequenceNumber());
            text(out, event.type());
            text(out, event.timeStamp());
            text(out, event.payloadType());
            text(out, event.payloadRevision());
            bytes(out, event.payload());
            bytes(out, event.metaData());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HEX.formatHex(sha256().digest(buffer.toByteArray()));
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        bytes(out, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(DataOutputStream out, byte[] value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(value.length);
        out.write(value);
    }

    private static int length(byte[] value) {
        return value == null ? 0 : value.length;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
