package se.samverka.command.workshop;

import java.time.Clock;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;
import se.samverka.command.access.RevokedCredentials;
import se.samverka.kernel.access.Caller;
import se.samverka.kernel.workshop.RemoveParticipantCommand;

/**
 * Removes a participant and revokes their credential in one unit of work: the event and the
 * revocation commit together or not at all, so no one is removed yet still let in, or shut out
 * yet still listed.
 */
@Component
public class ParticipantRemoval {
    private final Repository<Workshop> workshops;
    private final RevokedCredentials revocations;

    public ParticipantRemoval(Repository<Workshop> workshops, RevokedCredentials revocations) {
        this.workshops = workshops;
        this.revocations = revocations;
    }

    @CommandHandler
    public long handle(RemoveParticipantCommand command, Clock clock) throws Exception {
        Instant now = clock.instant();
        long version = workshops.load(command.workshopId().value()).invoke(workshop ->
                workshop.removeParticipant(command.participantId(), command.facilitator(), now));
        revocations.revoke(Caller.participant(command.workshopId(), command.participantId()), now);
        return version;
    }
}
