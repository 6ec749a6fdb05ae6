package se.samverka.kernel.personal;

import java.util.Optional;
import se.samverka.kernel.workshop.ParticipantId;

/**
 * Where each participant's personal-data key is kept, outside the event store (the command
 * side's table {@code personal_data_key}). Deleting a key is what erases a participant: their
 * events stay as they are, so the hash chain still holds, but their name no longer decrypts.
 */
public interface PersonalDataKeys {
    /** The participant's key, made and stored on first use; refused once the participant is erased. */
    byte[] keyFor(ParticipantId participant);

    /** The participant's key; empty when erased (or never made). */
    Optional<byte[]> find(ParticipantId participant);

    /** Deletes the participant's key for good; erasing twice changes nothing. */
    void erase(ParticipantId participant);
}
