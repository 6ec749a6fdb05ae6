package se.samverka.kernel.capability;

/** A dimension every capability is built of: processes, people or tools in the Fyrbodal model. */
public record Dimension(String id, LocalizedText name) {
}
