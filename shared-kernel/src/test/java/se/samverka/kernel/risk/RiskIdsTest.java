package se.samverka.kernel.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.samverka.kernel.project.ProjectId;

class RiskIdsTest {
    @Test
    void givenProject_whenRegisterIdDerived_thenItDiffersFromTheProjectIdAndLeadsBack() {
        ProjectId project = new ProjectId("3f2c6d1e-8a3b-4c2d-9e1f-0a1b2c3d4e5f");

        RiskRegisterId register = RiskRegisterId.of(project);

        assertThat(register.value()).isEqualTo(project.value() + "-risks").isNotEqualTo(project.value());
        assertThat(register.projectId()).isEqualTo(project);
        assertThat(register).hasToString(register.value());
    }

    @Test
    void givenLongestProjectId_whenRegisterIdDerived_thenAccepted() {
        ProjectId project = new ProjectId("p".repeat(64));

        assertThat(RiskRegisterId.of(project).projectId()).isEqualTo(project);
    }

    @ParameterizedTest
    @ValueSource(strings = {"R1", "R2", "R10", "R999999"})
    void givenWellFormedRiskId_whenCreated_thenKept(String value) {
        assertThat(new RiskId(value).value()).isEqualTo(value);
        assertThat(RiskId.isValid(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "R", "R0", "R01", "r1", "P1", "R1 ", "R1234567", "R-1"})
    void givenMalformedRiskId_whenCreated_thenRefused(String value) {
        assertThatThrownBy(() -> new RiskId(value)).isInstanceOf(IllegalArgumentException.class);
        assertThat(RiskId.isValid(value)).isFalse();
    }

    @Test
    void givenRiskIds_whenSequenced_thenNumericOrder() {
        assertThat(RiskId.number(2).sequence()).isLessThan(RiskId.number(10).sequence());
        assertThat(RiskActionId.number(3)).hasToString("A3");
        assertThat(RiskProposalId.number(4)).hasToString("P4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"p1", "p1-risk", "-risks", "a b-risks"})
    void givenMalformedRegisterId_whenCreated_thenRefused(String value) {
        assertThatThrownBy(() -> new RiskRegisterId(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenSeedRisks_whenAssessed_thenBothMedium() {
        // R1 and R2 of the Fyrbodal pre-study: 2 × 5 = 10 and 4 × 3 = 12, both for the tactical steering group.
        assertThat(new RiskAssessment(2, 5).value()).isEqualTo(10);
        assertThat(new RiskAssessment(4, 3).level().decidedBy()).isEqualTo(RiskDecider.TACTICAL_STEERING_GROUP);
    }
}
