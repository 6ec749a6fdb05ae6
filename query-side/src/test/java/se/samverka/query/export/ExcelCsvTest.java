package se.samverka.query.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ExcelCsvTest {
    @ParameterizedTest(name = "[{0}] → [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "Åsa Öberg|Åsa Öberg",
            "Uddevalla; Lysekil|`\"Uddevalla; Lysekil\"`",
            "Säg \"hej\"|`\"Säg \"\"hej\"\"\"`",
            "=HYPERLINK(\"x\")|`\"'=HYPERLINK(\"\"x\"\")\"`",
            "+46 522|'+46 522",
            "-1|'-1",
            "@anna|'@anna",
            "` Anna`|`\" Anna\"`",
    })
    void givenText_thenWrittenSoExcelShowsItAsItIs(String value, String expected) {
        assertThat(ExcelCsv.text(value)).isEqualTo(expected);
    }

    @Test
    void givenRows_thenBomSemicolonsAndCrlf() {
        byte[] bytes = new ExcelCsv().row(List.of("Förmåga", "Betyg")).row(Arrays.asList("Mål\nsättning", null, 4))
                .bytes();

        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .isEqualTo("\uFEFFFörmåga;Betyg\r\n\"Mål\nsättning\";;4\r\n");
    }
}
