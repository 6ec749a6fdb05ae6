package se.samverka.kernel.capability;

import java.util.List;
import se.samverka.kernel.Ids;

/** A capability, or a sub-capability when it sits in another's {@code children}. */
public record CapabilityNode(String id, LocalizedText name, List<CapabilityNode> children) {
    public CapabilityNode {
        Ids.require("capability id", id);
        if (name == null) {
            throw new IllegalArgumentException("capability " + id + " needs a name");
        }
        children = children == null ? List.of() : List.copyOf(children);
    }
}
