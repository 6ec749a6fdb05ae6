package se.samverka.kernel.capability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CapabilityModelTest {
    private static CapabilityNode node(String id, CapabilityNode... children) {
        return new CapabilityNode(id, new LocalizedText(id + "-sv", id + "-en"), List.of(children));
    }

    @Test
    void givenNestedModel_whenFlattened_thenEachCapabilityFollowedByItsChildren() {
        CapabilityModel model = new CapabilityModel("t", new LocalizedText("m", "m"), List.of(), List.of(
                new CapabilityCategory("core", new LocalizedText("Kärn", "Core"),
                        List.of(node("a", node("a1"), node("a2")), node("b")))));

        assertThat(model.flatten()).extracting(FlatCapability::id).containsExactly("a", "a1", "a2", "b");
        assertThat(model.flatten()).extracting(FlatCapability::parentId).containsExactly(null, "a", "a", null);
        assertThat(model.capabilityIds()).containsExactlyInAnyOrder("a", "a1", "a2", "b");
    }

    @Test
    void givenDuplicateIds_whenBuilt_thenRefused() {
        assertThatThrownBy(() -> new CapabilityModel("t", new LocalizedText("m", "m"), List.of(), List.of(
                new CapabilityCategory("core", new LocalizedText("Kärn", "Core"), List.of(node("a", node("a")))))))
                .hasMessageContaining("twice");
    }

    @Test
    void givenUnsafeId_whenBuilt_thenRefused() {
        assertThatThrownBy(() -> node("a b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> node("a.b")).isInstanceOf(IllegalArgumentException.class);
    }
}
