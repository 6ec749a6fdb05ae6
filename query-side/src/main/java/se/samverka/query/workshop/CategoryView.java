package se.samverka.query.workshop;

import se.samverka.kernel.capability.LocalizedText;

public record CategoryView(String id, LocalizedText name) {
}
