package se.samverka.command.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.samverka.command.web.CommandSender;
import se.samverka.kernel.Ids;
import se.samverka.kernel.access.Caller;
import se.samverka.kernel.capability.LocalizedText;
import se.samverka.kernel.capability.ModelChange;
import se.samverka.kernel.problem.DomainException;
import se.samverka.kernel.project.EditCapabilityModelCommand;
import se.samverka.kernel.project.ProjectId;

/** Edits of a project's capability model: add, rename, move, retire. */
@RestController
@RequestMapping("/api/v1/projects/{projectId}/capabilities")
public class ModelController {
    static final String ID = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}";

    private final CommandSender commands;

    public ModelController(CommandSender commands) {
        this.commands = commands;
    }

    public record NameRequest(@NotBlank @Size(max = 200) String sv, @Size(max = 200) String en) {
        LocalizedText text() {
            return new LocalizedText(sv, en);
        }
    }

    public record AddRequest(@Pattern(regexp = ID) String capabilityId, @NotNull @Valid NameRequest name,
                             @NotBlank @Pattern(regexp = ID) String categoryId, @Pattern(regexp = ID) String parentId) {
    }

    public record PlaceRequest(@NotBlank @Pattern(regexp = ID) String categoryId,
                               @Pattern(regexp = ID) String parentId) {
    }

    public record EditResponse(String capabilityId) {
    }

    @PostMapping
    public ResponseEntity<EditResponse> add(Caller caller, @PathVariable String projectId,
                                            @Valid @RequestBody AddRequest request) {
        String id = request.capabilityId() == null ? "c-" + UUID.randomUUID().toString().substring(0, 8)
                : request.capabilityId();
        edit(caller, projectId, ModelChange.Kind.ADDED, id, request.name().text(), request.categoryId(),
                request.parentId());
        return ResponseEntity.status(201).body(new EditResponse(id));
    }

    @PutMapping("/{capabilityId}/name")
    public EditResponse rename(Caller caller, @PathVariable String projectId, @PathVariable String capabilityId,
                               @Valid @RequestBody NameRequest request) {
        edit(caller, projectId, ModelChange.Kind.RENAMED, capabilityId, request.text(), null, null);
        return new EditResponse(capabilityId);
    }

    @PutMapping("/{capabilityId}/place")
    public EditResponse move(Caller caller, @PathVariable String projectId, @PathVariable String capabilityId,
                             @Valid @RequestBody PlaceRequest request) {
        edit(caller, projectId, ModelChange.Kind.MOVED, capabilityId, null, request.categoryId(), request.parentId());
        return new EditResponse(capabilityId);
    }

    @PostMapping("/{capabilityId}/retire")
    public EditResponse retire(Caller caller, @PathVariable String projectId, @PathVariable String capabilityId) {
        edit(caller, projectId, ModelChange.Kind.RETIRED, capabilityId, null, null, null);
        return new EditResponse(capabilityId);
    }

    private void edit(Caller caller, String projectId, ModelChange.Kind kind, String capabilityId,
                      LocalizedText name, String categoryId, String parentId) {
        caller.requireFacilitator();
        if (!Ids.isSafe(projectId) || !Ids.isSafe(capabilityId)) {
            throw DomainException.notFound("not-found", "no such project or capability");
        }
        commands.send(new EditCapabilityModelCommand(new ProjectId(projectId), caller.subject(), kind, capabilityId,
                name, categoryId, parentId), caller);
    }
}
