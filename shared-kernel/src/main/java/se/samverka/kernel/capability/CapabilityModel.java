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
        flat.add(new FlatCapability(node.id(), parentId, category, node.name(), node.retired()));
        for (CapabilityNode child : node.children()) {
            addWithChildren(flat, child, node.id(), category);
        }
    }

    /** The model with a new capability last under {@code parentId}, or last in the category when null. */
    public CapabilityModel withAdded(String categoryId, String parentId, String capabilityId, LocalizedText name) {
        requireCategory(categoryId);
        if (parentId != null) {
            FlatCapability parent = require(parentId);
            if (!parent.category().equals(categoryId)) {
                throw new IllegalArgumentException("the parent capability is in another category");
            }
        }
        if (capabilityIds().contains(capabilityId)) {
            throw new IllegalArgumentException("capability id " + capabilityId + " occurs twice");
        }
        List<FlatCapability> flat = new ArrayList<>(flatten());
        flat.add(new FlatCapability(capabilityId, parentId, categoryId, name, false));
        return rebuild(flat);
    }

    /** The model with a capability's Swedish and English names replaced. */
    public CapabilityModel withRenamed(String capabilityId, LocalizedText name) {
        require(capabilityId);
        return rebuild(flatten().stream().map(c -> c.id().equals(capabilityId)
                ? new FlatCapability(c.id(), c.parentId(), c.category(), name, c.retired()) : c).toList());
    }

    /** The model with a capability and its sub-capabilities moved last under a new parent or category. */
    public CapabilityModel withMoved(String capabilityId, String categoryId, String parentId) {
        require(capabilityId);
        requireCategory(categoryId);
        Set<String> subtree = subtree(capabilityId);
        if (parentId != null) {
            FlatCapability parent = require(parentId);
            if (subtree.contains(parentId)) {
                throw new IllegalArgumentException("a capability cannot move under itself");
            }
            if (!parent.category().equals(categoryId)) {
                throw new IllegalArgumentException("the parent capability is in another category");
            }
        }
        List<FlatCapability> kept = new ArrayList<>();
        List<FlatCapability> moved = new ArrayList<>();
        for (FlatCapability c : flatten()) {
            if (!subtree.contains(c.id())) {
                kept.add(c);
            } else if (c.id().equals(capabilityId)) {
                moved.add(new FlatCapability(c.id(), parentId, categoryId, c.name(), c.retired()));
            } else {
                moved.add(new FlatCapability(c.id(), c.parentId(), categoryId, c.name(), c.retired()));
            }
        }
        kept.addAll(moved);
        return rebuild(kept);
    }

    /** The model with a capability and its sub-capabilities retired. */
    public CapabilityModel withRetired(String capabilityId) {
        Set<String> subtree = subtree(require(capabilityId).id());
        return rebuild(flatten().stream().map(c -> subtree.contains(c.id())
                ? new FlatCapability(c.id(), c.parentId(), c.category(), c.name(), true) : c).toList());
    }

    private FlatCapability require(String capabilityId) {
        return flatten().stream().filter(c -> c.id().equals(capabilityId)).findFirst()
                .orElseThrow(() -> new java.util.NoSuchElementException("no capability '" + capabilityId + "'"));
    }

    private void requireCategory(String categoryId) {
        if (categories.stream().noneMatch(c -> c.id().equals(categoryId))) {
            throw new java.util.NoSuchElementException("no category '" + categoryId + "'");
        }
    }

    private Set<String> subtree(String capabilityId) {
        Set<String> ids = new HashSet<>(Set.of(capabilityId));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (FlatCapability c : flatten()) {
                if (c.parentId() != null && ids.contains(c.parentId()) && ids.add(c.id())) {
                    grew = true;
                }
            }
        }
        return ids;
    }

    /** Builds the tree back from a flat list in which every parent comes before its children. */
    private CapabilityModel rebuild(List<FlatCapability> flat) {
        List<CapabilityCategory> rebuilt = new ArrayList<>();
        for (CapabilityCategory category : categories) {
            rebuilt.add(new CapabilityCategory(category.id(), category.name(),
                    nodes(flat, category.id(), null)));
        }
        return new CapabilityModel(templateId, name, dimensions, rebuilt);
    }

    private static List<CapabilityNode> nodes(List<FlatCapability> flat, String category, String parentId) {
        List<CapabilityNode> nodes = new ArrayList<>();
        for (FlatCapability c : flat) {
            if (c.category().equals(category) && java.util.Objects.equals(c.parentId(), parentId)) {
                nodes.add(new CapabilityNode(c.id(), c.name(), nodes(flat, category, c.id()), c.retired()));
            }
        }
        return nodes;
    }
}
