package se.samverka.kernel.personal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import se.samverka.kernel.workshop.ParticipantId;

/**
 * Crypto-shredding of a participant's personal data (name, organisation). {@link #seal} turns
 * the text into {@code pd1:<participant id>:<base64url(iv ‖ AES-256-GCM ciphertext)>} with the
 * participant's own key, and that string is what events carry; {@link #reveal} turns it back
 * while the key exists and into {@link #ERASED} once it is deleted. Text that is not sealed
 * (events stored before this existed, or the {@link #PLAIN} cipher of unit tests) passes
 * through unchanged. The participant id is also the GCM's associated data, so a sealed name
 * cannot be moved to another participant.
 */
public final class PersonalDataCipher {
    /** What a name reads as once its participant is erased. */
    public static final String ERASED = "Raderad deltagare";
    static final String PREFIX = "pd1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    /** Seals nothing and reveals only what is not sealed: for tests of aggregates and projections. */
    public static final PersonalDataCipher PLAIN = new PersonalDataCipher(null);

    private final PersonalDataKeys keys;
    private final SecureRandom random = new SecureRandom();

    public PersonalDataCipher(PersonalDataKeys keys) {
        this.keys = keys;
    }

    /** Whether the text is sealed personal data. */
    public static boolean isSealed(String text) {
        return text != null && text.startsWith(PREFIX);
    }

    /** The text sealed with the participant's key (made on first use); null stays null. */
    public String seal(ParticipantId participant, String text) {
        if (text == null || keys == null) {
            return text;
        }
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.keyFor(participant), iv, participant);
            byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return PREFIX + participant.value() + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("personal data could not be sealed", e);
        }
    }

    /** The text in the clear; {@link #ERASED} when its participant's key is gone; null stays null. */
    public String reveal(String text) {
        return text == null ? null : open(text).orElse(ERASED);
    }

    /** The text in the clear; null when its participant's key is gone (for an organisation, say). */
    public String revealOrNull(String text) {
        return open(text).orElse(null);
    }

    /** Erases the participant: their key is deleted, so nothing sealed with it reads again. */
    public void erase(ParticipantId participant) {
        if (keys != null) {
            keys.erase(participant);
        }
    }

    private Optional<String> open(String text) {
        if (!isSealed(text)) {
            return Optional.ofNullable(text);
        }
        int colon = text.indexOf(':', PREFIX.length());
        if (colon < 0 || keys == null) {
            return Optional.empty();
        }
        ParticipantId participant = new ParticipantId(text.substring(PREFIX.length(), colon));
        Optional<byte[]> key = keys.find(participant);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] in = Base64.getUrlDecoder().decode(text.substring(colon + 1));
            byte[] iv = java.util.Arrays.copyOf(in, IV_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key.get(), iv, participant);
            return Optional.of(new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty(); // altered or foreign: it reads as nothing, never as garbage
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] iv, ParticipantId participant)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(participant.value().getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
