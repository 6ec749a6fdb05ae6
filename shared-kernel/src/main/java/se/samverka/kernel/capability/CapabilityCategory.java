package se.samverka.kernel.capability;

import java.util.List;
import se.samverka.kernel.Ids;

/** One of the model's categories: ledningsförmågor, kärnförmågor or stödförmågor in the Fyrbodal model. */
public record CapabilityCategory(String id, LocalizedText name, List<CapabilityNode> capabilities) {
    public CapabilityCategory {
        Ids.require("category id", id);
        capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
    }
}
