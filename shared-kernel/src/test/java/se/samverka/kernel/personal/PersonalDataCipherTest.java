package se.samverka.kernel.personal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.samverka.kernel.workshop.ParticipantId;

class PersonalDataCipherTest {
    /** Keys in a map, as the command side keeps them in a table. */
    static final class MapKeys implements PersonalDataKeys {
        final Map<ParticipantId, byte[]> keys = new HashMap<>();

        @Override
        public byte[] keyFor(ParticipantId participant) {
            return keys.computeIfAbsent(participant, p -> {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                return key;
            });
        }

        @Override
        public Optional<byte[]> find(ParticipantId participant) {
            return Optional.ofNullable(keys.get(participant));
        }

        @Override
        public void erase(ParticipantId participant) {
            keys.remove(participant);
        }
    }

    static final ParticipantId ANNA = new ParticipantId("anna");
    static final ParticipantId BO = new ParticipantId("bo");

    @Test
    void givenASealedName_whenRevealed_thenTheNameUntilTheKeyIsErased() {
        PersonalDataCipher cipher = new PersonalDataCipher(new MapKeys());
        String sealed = cipher.seal(ANNA, "Åsa Öberg");

        assertThat(PersonalDataCipher.isSealed(sealed)).isTrue();
        assertThat(sealed).doesNotContain("Åsa").startsWith("pd1:anna:");
        assertThat(cipher.reveal(sealed)).isEqualTo("Åsa Öberg");
        assertThat(cipher.seal(ANNA, null)).isNull();

        cipher.erase(ANNA);

        assertThat(cipher.reveal(sealed)).isEqualTo("Raderad deltagare");
        assertThat(cipher.revealOrNull(sealed)).isNull();
    }

    @Test
    void givenSealedTextMovedToAnotherParticipant_whenRevealed_thenItDoesNotOpen() {
        PersonalDataCipher cipher = new PersonalDataCipher(new MapKeys());
        String annas = cipher.seal(ANNA, "Anna");
        cipher.seal(BO, "Bo");

        assertThat(cipher.reveal(annas.replace("pd1:anna:", "pd1:bo:"))).isEqualTo(PersonalDataCipher.ERASED);
        assertThat(cipher.reveal(annas.substring(0, annas.length() - 2) + "AA")).as("altered")
                .isEqualTo(PersonalDataCipher.ERASED);
    }

    @Test
    void givenTextThatIsNotSealed_whenRevealed_thenAsItIs() {
        assertThat(new PersonalDataCipher(new MapKeys()).reveal("Anna")).isEqualTo("Anna");
        assertThat(PersonalDataCipher.PLAIN.seal(ANNA, "Anna")).isEqualTo("Anna");
        assertThat(PersonalDataCipher.PLAIN.reveal(null)).isNull();
    }
}
