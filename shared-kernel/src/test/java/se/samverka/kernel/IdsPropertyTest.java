package se.samverka.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

/** The hand-written id check accepts exactly what the rule's regular expression accepts. */
class IdsPropertyTest {
    private static final Pattern RULE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    @Property
    void givenAnyStringOfIdLikeCharacters_thenSafeExactlyWhenTheRuleMatches(
            @ForAll @StringLength(max = 70) @CharRange(from = 'a', to = 'z') @CharRange(from = 'A', to = 'Z')
            @CharRange(from = '0', to = '9') @Chars({'_', '-', ' ', '/', '.', 'å', '\u0660'}) String value) {
        assertThat(Ids.isSafe(value)).isEqualTo(RULE.matcher(value).matches());
    }

    @Example
    void givenTheEdges_thenAsTheRule() {
        for (String value : new String[] {"", "a", "_a", "-a", "a_", "a-", "0", "A".repeat(64), "A".repeat(65),
                "Åmål", "a b", "a/b"}) {
            assertThat(Ids.isSafe(value)).as(value).isEqualTo(RULE.matcher(value).matches());
        }
        assertThat(Ids.isSafe(null)).isFalse();
    }
}
