package se.samverka.app.role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class NodeRoleTest {

    @Test
    void givenNoRole_whenRead_thenOneProcessServesBothSides() {
        NodeRole role = NodeRole.of(new MockEnvironment());
        assertThat(role).isEqualTo(NodeRole.ALL);
        assertThat(role.servesCommands()).isTrue();
        assertThat(role.servesQueries()).isTrue();
    }

    @Test
    void givenCommandOrQuery_whenRead_thenOnlyThatSide() {
        NodeRole command = NodeRole.of(new MockEnvironment().withProperty(NodeRole.PROPERTY, " Command "));
        NodeRole query = NodeRole.of(new MockEnvironment().withProperty(NodeRole.PROPERTY, "query"));
        assertThat(command.servesCommands()).isTrue();
        assertThat(command.servesQueries()).isFalse();
        assertThat(query.servesCommands()).isFalse();
        assertThat(query.servesQueries()).isTrue();
    }

    @Test
    void givenUnknownRole_whenRead_thenTheStartStopsWithTheChoices() {
        assertThatThrownBy(() -> NodeRole.of(new MockEnvironment().withProperty(NodeRole.PROPERTY, "both")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("all, command or query");
    }
}
