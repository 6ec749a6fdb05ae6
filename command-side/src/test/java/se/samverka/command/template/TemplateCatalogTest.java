package se.samverka.command.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import se.samverka.kernel.capability.CapabilityModel;
import se.samverka.kernel.capability.FlatCapability;

class TemplateCatalogTest {
    @Test
    void givenFyrbodalTemplate_whenLoaded_thenThreeCategoriesFifteenCapabilitiesFiftySubCapabilities() {
        CapabilityModel model = new TemplateCatalog(new ObjectMapper()).find(TemplateCatalog.FYRBODAL).orElseThrow();

        assertThat(model.categories()).extracting(c -> c.id()).containsExactly("leadership", "core", "support");
        assertThat(model.flatten().stream().filter(c -> c.parentId() == null)).hasSize(15);
        assertThat(model.flatten().stream().filter(c -> c.parentId() != null)).hasSize(50);
        assertThat(model.dimensions()).hasSize(3);
        FlatCapability first = model.flatten().get(0);
        assertThat(first.name().sv()).isEqualTo("Sätta rätt mål för avdelningen");
        assertThat(first.name().en()).isEqualTo("Set the right goals for the department");
    }
}
