package se.samverka.query.minutes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.samverka.query.minutes.Minutes.Bullets;
import se.samverka.query.minutes.Minutes.Paragraph;
import se.samverka.query.minutes.Minutes.Table;
import se.samverka.query.minutes.Minutes.Text;

class MarkdownMinutesTest {
    static Minutes minutes(String userText) {
        return new Minutes("sv", "Fyrbodals kommuner", "Förstudie", "Möte " + userText, "Protokoll",
                "Sammanträdesdatum: 2026-11-29", List.of(new Paragraph(1, "Närvaro", List.of(
                        new Text("Närvarande", "2 personer"), new Bullets(List.of(userText, "Bo")))),
                new Paragraph(2, "Statusrapport", List.of(new Table(List.of("Område", "Status"),
                        List.of(List.of("Tid", "Gul – Mindre komplikationer"), List.of(userText, "–")))))),
                "Justering", List.of("Ordförande", "Justerare"), "Ort och datum", "Genererat.",
                Instant.parse("2026-11-29T10:00:00Z"));
    }

    @Test
    void givenMinutes_whenRendered_thenNumberedParagraphsTablesAndSignatureLines() {
        String md = MarkdownMinutes.render(minutes("Anna"));

        assertThat(md).startsWith("Fyrbodals kommuner  \nFörstudie\n\n# Protokoll – Möte Anna\n\n")
                .contains("## §1 Närvaro\n\n**Närvarande:** 2 personer\n\n- Anna\n- Bo\n")
                .contains("## §2 Statusrapport\n\n| Område | Status |\n| --- | --- |\n"
                        + "| Tid | Gul – Mindre komplikationer |\n")
                .contains("## Justering\n\nOrdförande: ______________________________  \n"
                        + "Justerare: ______________________________  \nOrt och datum: ____");
    }

    @Test
    void givenTextFromUsersThatLooksLikeMarkup_whenRendered_thenItStaysText() {
        String md = MarkdownMinutes.render(minutes("*fet* [länk](x) <b>|"));

        assertThat(md).contains("- \\*fet\\* \\[länk\\](x) \\<b\\>|\n")
                .contains("| \\*fet\\* \\[länk\\](x) \\<b\\>\\| | – |");
    }

    @Test
    void givenMinutes_whenRenderedAsPdf_thenAPdfFile() {
        byte[] pdf = PdfMinutes.render(minutes("Åsa → Öberg"));

        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(PdfMinutes.clean("Hot → konsekvens")).isEqualTo("Hot -> konsekvens");
    }
}
