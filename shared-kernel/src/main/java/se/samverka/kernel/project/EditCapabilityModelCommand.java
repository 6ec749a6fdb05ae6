package se.samverka.kernel.project;

import se.samverka.kernel.capability.LocalizedText;
import se.samverka.kernel.capability.ModelChange;

/**
 * The facilitator edits the project's capability model: add ({@code name}, {@code categoryId},
 * optional {@code parentId}), rename ({@code name}), move ({@code categoryId}, optional
 * {@code parentId}) or retire a capability. The edit reaches every workshop of the project in
 * the same unit of work, and no rating already given is lost.
 */
public record EditCapabilityModelCommand(ProjectId projectId, String facilitator, ModelChange.Kind kind,
                                         String capabilityId, LocalizedText name, String categoryId,
                                         String parentId) {
}
