package se.samverka.command.risk;

import static se.samverka.command.risk.Membership.FACILITATOR;
import static se.samverka.command.risk.Membership.NOW;
import static se.samverka.command.risk.Membership.PROJECT;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import se.samverka.kernel.risk.AssessmentBasis;
import se.samverka.kernel.risk.ReassessRiskCommand;
import se.samverka.kernel.risk.RiskAssessment;
import se.samverka.kernel.risk.RiskEscalatedEvent;
import se.samverka.kernel.risk.RiskId;
import se.samverka.kernel.risk.RiskLevel;
import se.samverka.kernel.risk.RiskReassessedEvent;
import se.samverka.kernel.risk.RiskRegisteredEvent;

/**
 * For every pair of assessments (625 of them), a reassessment from the first to the second
 * emits an escalation exactly when the level rises, naming the body that must now decide.
 */
class RiskEscalationPropertyTest {
    private static final ProjectMembership MEMBERS = Membership.withTwoProjects();
    private static final RiskId R1 = RiskId.number(1);

    /** Levels by the pre-study's ranges, written out apart from {@link RiskLevel#of}. */
    private static int rank(int value) {
        return value <= 6 ? 0 : value <= 12 ? 1 : 2;
    }

    @Property(generation = GenerationMode.EXHAUSTIVE)
    void escalatedExactlyWhenTheLevelRises(@ForAll @IntRange(min = 1, max = 5) int fromS,
                                           @ForAll @IntRange(min = 1, max = 5) int fromK,
                                           @ForAll @IntRange(min = 1, max = 5) int toS,
                                           @ForAll @IntRange(min = 1, max = 5) int toK) {
        RiskAssessment from = new RiskAssessment(fromS, fromK);
        RiskAssessment to = new RiskAssessment(toS, toK);
        FixtureConfiguration<RiskRegister> fixture = new AggregateTestFixture<>(RiskRegister.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(MEMBERS);

        List<Object> expected = new ArrayList<>();
        expected.add(new RiskReassessedEvent(PROJECT, R1, to, from, "Ny bedömning", AssessmentBasis.FACILITATOR,
                FACILITATOR, NOW));
        if (rank(to.value()) > rank(from.value())) {
            expected.add(new RiskEscalatedEvent(PROJECT, R1, from.level(), to.level(), to.level().decidedBy(), to,
                    NOW));
        }

        fixture.given(new RiskRegisteredEvent(PROJECT, R1, "Hot", null, null, from, true, null, null, null,
                        FACILITATOR, NOW))
                .when(new ReassessRiskCommand(PROJECT, FACILITATOR, R1, to, "Ny bedömning"))
                .expectEvents(expected.toArray());
    }
}
