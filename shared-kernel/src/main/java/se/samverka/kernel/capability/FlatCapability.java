package se.samverka.kernel.capability;

/** A capability with its place in the model, as lists and tables show it. */
public record FlatCapability(String id, String parentId, String category, LocalizedText name, boolean retired) {
    public FlatCapability(String id, String parentId, String category, LocalizedText name) {
        this(id, parentId, category, name, false);
    }
}
