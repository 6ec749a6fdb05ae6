package se.samverka.kernel.capability;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A capability model: categories of capabilities, each possibly with sub-capabilities.
 * Events carry the whole model, so a workshop keeps the model it was run with even when its
 * project's model changes later.
 */
public record CapabilityModel(String templateId, LocalizedText name, List<Dimension> dimensions,
                              List<CapabilityCategory> categories) {
    public CapabilityModel {
        dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
        categories = categories == null ? List.of() : List.copyOf(categories);
        Set<String> seen = new HashSet<>();
        for (FlatCapability capability : flatten(categories)) {
            if (!seen.add(capability.id())) {
                throw new IllegalArgumentException("capability id " + capability.id() + " occurs twice");
            }
        }
        if (seen.isEmpty()) {
            throw new IllegalArgumentException("a capability model needs at least one capability");
        }
    }

    /** Every capability and sub-capability in model order: each capability, then its children. */
    public List<FlatCapability> flatten() {
        return flatten(categories);
    }

    /** The ids of every capability and sub-capability. */
    public Set<String> capabilityIds() {
        Set<String> ids = new HashSet<>();
        flatten().forEach(capability -> ids.add(capability.id()));
        return ids;
    }

    private static List<FlatCapability> flatten(List<CapabilityCategory> categories) {
        List<FlatCapability> flat = new ArrayList<>();
        for (CapabilityCategory category : categories) {
            for (CapabilityNode node : category.capabilities()) {
                addWithChildren(flat, node, null, category.id());
            }
        }
        return flat;
    }

    private static void addWithChildren(List<FlatCapability> flat, CapabilityNode node, String parentId,
                                        String category) {
        flat.add(new FlatCapability(node.id(), parentId, category, node.name()));
        for (CapabilityNode child : node.children()) {
            addWithChildren(flat, child, node.id(), category);
        }
    }
}
