package se.samverka.kernel.survey;

import java.util.List;
import java.util.Objects;

import se.samverka.kernel.problem.DomainException;

/** Copies of lists that arrive in requests. */
final class RequestLists {
    private RequestLists() {
    }

    /**
     * An immutable copy. A null inside the list is bad input from a request, never a stored state:
     * it is refused as such (400) instead of letting {@link List#copyOf} fail with a
     * NullPointerException, which would answer 500.
     */
    static List<String> copyRefusingNulls(String field, List<String> values) {
        if (values.stream().anyMatch(Objects::isNull)) {
            throw new DomainException(DomainException.Kind.INVALID, "invalid-" + field.toLowerCase(),
                    field + " may not contain null");
        }
        return List.copyOf(values);
    }
}
