package se.samverka.query.audit;

import se.samverka.kernel.capability.LocalizedText;

/** What one change did to one value: {@code from} → {@code to}; {@code from} is null when there was none. */
public record AuditChange(String field, LocalizedText label, String from, String to) {
}
