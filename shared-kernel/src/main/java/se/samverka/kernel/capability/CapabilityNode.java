package se.samverka.kernel.capability;

import java.util.List;
import se.samverka.kernel.Ids;

/**
 * A capability, or a sub-capability when it sits in another's {@code children}. A retired
 * capability stays in the model, so the ratings it was given keep their place, but it takes
 * no new ratings and no new round covers it.
 */
public record CapabilityNode(String id, LocalizedText name, List<CapabilityNode> children, boolean retired) {
    public CapabilityNode {
        Ids.require("capability id", id);
        if (name == null) {
            throw new IllegalArgumentException("capability " + id + " needs a name");
        }
        children = children == null ? List.of() : List.copyOf(children);
    }

    public CapabilityNode(String id, LocalizedText name, List<CapabilityNode> children) {
        this(id, name, children, false);
    }
}
