package se.samverka.kernel.records;

import java.util.List;
import java.util.Optional;
import se.samverka.kernel.problem.DomainException;

/**
 * A project's member organisations and the rule a participant's organisation must meet when
 * joining. Without a list (the default) any organisation, or none, is accepted.
 */
public record OrganisationList(List<String> organisations, boolean allowOther) {
    public static final OrganisationList OPEN = new OrganisationList(List.of(), true);

    public OrganisationList {
        organisations = organisations == null ? List.of() : List.copyOf(organisations);
    }

    /**
     * The organisation as it is to be recorded: a listed one in the list's spelling (matched
     * without regard to case), free text where the list allows it, or none when none was given.
     * Anything else is refused as invalid.
     */
    public Optional<String> accept(String organisation) {
        String given = organisation == null ? "" : organisation.strip();
        if (given.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> listed = organisations.stream().filter(o -> o.equalsIgnoreCase(given)).findFirst();
        if (listed.isPresent()) {
            return listed;
        }
        if (organisations.isEmpty() || allowOther) {
            return Optional.of(given);
        }
        throw new DomainException(DomainException.Kind.INVALID, "invalid-organisation",
                "'" + given + "' is not one of the project's organisations; pick one from the list");
    }
}
