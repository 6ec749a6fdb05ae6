package se.samverka.kernel.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScoreTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void givenScoreOnScale_whenCreated_thenKept(int value) {
        assertThat(new Score(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 6, 100})
    void givenScoreOffScale_whenCreated_thenRefused(int value) {
        assertThatThrownBy(() -> new Score(value)).isInstanceOf(IllegalArgumentException.class);
    }
}
