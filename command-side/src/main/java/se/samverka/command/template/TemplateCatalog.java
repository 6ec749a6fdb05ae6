package se.samverka.command.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import se.samverka.kernel.capability.CapabilityCategory;
import se.samverka.kernel.capability.CapabilityModel;
import se.samverka.kernel.capability.CapabilityNode;
import se.samverka.kernel.capability.Dimension;
import se.samverka.kernel.capability.LocalizedText;

/**
 * The built-in capability templates. The Fyrbodal model is copied from the pre-study's
 * structured extract and shipped in the jar: the service reads nothing outside itself.
 */
@Component
public class TemplateCatalog {
    public static final String FYRBODAL = "fyrbodal-it-capabilities";

    private final Map<String, CapabilityModel> templates;

    public TemplateCatalog(ObjectMapper objectMapper) {
        this.templates = Map.of(FYRBODAL, load(objectMapper, "/templates/" + FYRBODAL + ".json"));
    }

    public Optional<CapabilityModel> find(String templateId) {
        return Optional.ofNullable(templates.get(templateId));
    }

    static CapabilityModel load(ObjectMapper objectMapper, String resource) {
        try (InputStream in = TemplateCatalog.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("template " + resource + " is missing from the build");
            }
            JsonNode root = objectMapper.readTree(in);
            List<Dimension> dimensions = new ArrayList<>();
            root.path("dimensions").forEach(d -> dimensions.add(new Dimension(d.path("id").asText(), text(d))));
            List<CapabilityCategory> categories = new ArrayList<>();
            root.path("categories").forEach(c -> categories.add(
                    new CapabilityCategory(c.path("id").asText(), text(c), nodes(c.path("capabilities")))));
            return new CapabilityModel(root.path("id").asText(), text(root.path("name")), dimensions, categories);
        } catch (IOException e) {
            throw new UncheckedIOException("template " + resource + " cannot be read", e);
        }
    }

    private static List<CapabilityNode> nodes(JsonNode array) {
        List<CapabilityNode> nodes = new ArrayList<>();
        array.forEach(n -> nodes.add(new CapabilityNode(n.path("id").asText(), text(n), nodes(n.path("children")))));
        return nodes;
    }

    private static LocalizedText text(JsonNode node) {
        return new LocalizedText(node.path("sv").asText(null), node.path("en").asText(null));
    }
}
