package se.samverka.kernel.workshop;

import java.util.Objects;

/**
 * Which capabilities a round covers: one capability, a category, a capability with its
 * sub-capabilities (subtree), or the whole model.
 */
public record RoundScope(Kind kind, String target) {
    public enum Kind { CAPABILITY, CATEGORY, SUBTREE, ALL }

    public RoundScope {
        Objects.requireNonNull(kind, "kind");
        if (kind != Kind.ALL && (target == null || target.isBlank())) {
            throw new IllegalArgumentException("a " + kind.name().toLowerCase() + " scope names its target");
        }
        if (kind == Kind.ALL) {
            target = null;
        }
    }

    public static RoundScope all() {
        return new RoundScope(Kind.ALL, null);
    }
}
