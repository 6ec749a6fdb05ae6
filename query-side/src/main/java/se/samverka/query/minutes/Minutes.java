package se.samverka.query.minutes;

import java.time.Instant;
import java.util.List;

/**
 * A meeting's minutes (protokoll), already worded in one language: a header, numbered
 * paragraphs (§1, §2, …) made of plain blocks, and the signature lines. Both renderers
 * (Markdown and PDF) only lay this out, so the two files always say the same thing.
 */
public record Minutes(String lang, String organisation, String project, String meeting, String heading,
                      String dateLine, List<Paragraph> paragraphs, String signatureHeading,
                      List<String> signatures, String placeAndDate, String footer, Instant generatedAt) {

    /** One numbered paragraph: §{@code number} {@code title}. */
    public record Paragraph(int number, String title, List<Block> blocks) {
    }

    /** A piece of a paragraph. */
    public sealed interface Block permits Text, Bullets, Table {
    }

    /** A sentence or two; {@code label}, if not null, is set in bold before the text. */
    public record Text(String label, String text) implements Block {
    }

    /** A list of points. */
    public record Bullets(List<String> items) implements Block {
    }

    /** A table with a header row; every cell is text (a traffic light is its word, not only its colour). */
    public record Table(List<String> headers, List<List<String>> rows) implements Block {
    }
}
