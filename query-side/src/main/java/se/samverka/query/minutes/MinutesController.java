package se.samverka.query.minutes;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samverka.kernel.access.Caller;
import se.samverka.query.workshop.WorkshopAccess;
import se.samverka.query.workshop.WorkshopView;

/**
 * A meeting's minutes as Markdown and as PDF, Swedish unless {@code ?lang=en}, for whoever may
 * read the meeting (the facilitator who runs it and its participants, steering-group members
 * among them): the minutes show what the meeting screen shows and nothing sealed.
 */
@RestController
@RequestMapping("/api/v1/workshops/{workshopId}/meeting")
public class MinutesController {
    static final MediaType MARKDOWN = new MediaType("text", "markdown", StandardCharsets.UTF_8);

    private final WorkshopAccess access;
    private final MinutesBuilder builder;

    public MinutesController(WorkshopAccess access, MinutesBuilder builder) {
        this.access = access;
        this.builder = builder;
    }

    @GetMapping("/minutes.md")
    public ResponseEntity<byte[]> markdown(Caller caller, @PathVariable String workshopId,
                                           @RequestParam(required = false) String lang) {
        WorkshopView workshop = access.readable(caller, workshopId);
        Minutes minutes = builder.build(workshop, "en".equals(lang));
        return file(MARKDOWN, MarkdownMinutes.render(minutes).getBytes(StandardCharsets.UTF_8),
                fileName(minutes, workshop, "md"));
    }

    @GetMapping("/minutes.pdf")
    public ResponseEntity<byte[]> pdf(Caller caller, @PathVariable String workshopId,
                                      @RequestParam(required = false) String lang) {
        WorkshopView workshop = access.readable(caller, workshopId);
        Minutes minutes = builder.build(workshop, "en".equals(lang));
        return file(MediaType.APPLICATION_PDF, PdfMinutes.render(minutes), fileName(minutes, workshop, "pdf"));
    }

    private static String fileName(Minutes minutes, WorkshopView workshop, String extension) {
        return ("en".equals(minutes.lang()) ? "minutes-" : "protokoll-") + workshop.id() + "." + extension;
    }

    private static ResponseEntity<byte[]> file(MediaType type, byte[] body, String fileName) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .body(body);
    }
}
