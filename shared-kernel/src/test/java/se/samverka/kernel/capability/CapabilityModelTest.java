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

    private static CapabilityModel twoCategories() {
        return new CapabilityModel("t", new LocalizedText("m", "m"), List.of(), List.of(
                new CapabilityCategory("lead", new LocalizedText("Ledning", "Lead"), List.of(node("a", node("a1")))),
                new CapabilityCategory("core", new LocalizedText("Kärn", "Core"), List.of(node("b")))));
    }

    @Test
    void givenModel_whenCapabilityAddedUnderParent_thenLastAmongItsChildren() {
        CapabilityModel model = twoCategories().withAdded("lead", "a", "a2", new LocalizedText("Ny", "New"));

        assertThat(model.flatten()).extracting(FlatCapability::id).containsExactly("a", "a1", "a2", "b");
        assertThat(model.flatten().get(2).parentId()).isEqualTo("a");
        assertThatThrownBy(() -> twoCategories().withAdded("core", "a", "x", new LocalizedText("X", "X")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> twoCategories().withAdded("lead", null, "b", new LocalizedText("X", "X")))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> twoCategories().withAdded("nope", null, "x", new LocalizedText("X", "X")))
                .isInstanceOf(java.util.NoSuchElementException.class);
    }

    @Test
    void givenModel_whenRenamed_thenOnlyTheNameChanges() {
        CapabilityModel model = twoCategories().withRenamed("a1", new LocalizedText("Nytt namn", "New name"));

        assertThat(model.flatten().get(1)).isEqualTo(
                new FlatCapability("a1", "a", "lead", new LocalizedText("Nytt namn", "New name")));
    }

    @Test
    void givenModel_whenSubtreeMovedToAnotherCategory_thenChildrenFollow_andCannotMoveUnderItself() {
        CapabilityModel model = twoCategories().withMoved("a", "core", "b");

        assertThat(model.flatten()).extracting(FlatCapability::id).containsExactly("b", "a", "a1");
        assertThat(model.flatten()).extracting(FlatCapability::category).containsOnly("core");
        assertThat(model.flatten().get(1).parentId()).isEqualTo("b");
        assertThatThrownBy(() -> twoCategories().withMoved("a", "lead", "a1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenModel_whenRetired_thenCapabilityAndChildrenStayButRetired() {
        CapabilityModel model = twoCategories().withRetired("a");

        assertThat(model.flatten()).extracting(FlatCapability::id).containsExactly("a", "a1", "b");
        assertThat(model.flatten()).extracting(FlatCapability::retired).containsExactly(true, true, false);
    }
}
