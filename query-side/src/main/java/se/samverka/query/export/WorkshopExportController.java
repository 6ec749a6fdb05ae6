package se.samverka.query.export;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samverka.kernel.access.Caller;
import se.samverka.kernel.capability.LocalizedText;
import se.samverka.query.workshop.CapabilityView;
import se.samverka.query.workshop.CategoryView;
import se.samverka.query.workshop.ParticipantView;
import se.samverka.query.workshop.RatingRecord;
import se.samverka.query.workshop.RoundView;
import se.samverka.query.workshop.WorkshopAccess;
import se.samverka.query.workshop.WorkshopView;
import se.samverka.query.workshop.WorkshopViews;

/**
 * Spreadsheet exports of a workshop (see {@link ExcelCsv}), in Swedish or English
 * ({@code ?lang=en}). The results (counts, mean, distribution per capability) are for everyone
 * who may see the dashboard; each participant's own ratings, with names, only for the
 * facilitator who runs the workshop — the same rule as the audit trail, so a file never shows
 * more than its reader's screens.
 */
@RestController
@RequestMapping("/api/v1/workshops/{workshopId}/export")
public class WorkshopExportController {
    static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final WorkshopAccess access;
    private final WorkshopViews views;

    public WorkshopExportController(WorkshopAccess access, WorkshopViews views) {
        this.access = access;
        this.views = views;
    }

    @GetMapping("/ratings.csv")
    public ResponseEntity<byte[]> ratings(Caller caller, @PathVariable String workshopId,
                                          @RequestParam(required = false) String lang) {
        caller.requireFacilitator();
        WorkshopView workshop = access.readable(caller, workshopId);
        boolean sv = !"en".equals(lang);
        Map<String, String> categories = categoryNames(workshop, sv);
        ExcelCsv csv = new ExcelCsv().row(sv
                ? List.of("Workshop", "Omgång", "Deltagare", "Organisation", "Kategori", "Förmåga-id", "Förmåga",
                        "Dimension", "Betyg")
                : List.of("Workshop", "Round", "Participant", "Organisation", "Category", "Capability id",
                        "Capability", "Dimension", "Score"));
        Map<String, ParticipantView> participants = new HashMap<>();
        Map<String, Integer> joinOrder = new HashMap<>();
        views.participantsOf(workshop.id()).forEach(p -> {
            participants.put(p.id(), p);
            joinOrder.put(p.id(), joinOrder.size());
        });
        Map<String, RoundView> rounds = new HashMap<>();
        (workshop.rounds() == null ? List.<RoundView>of() : workshop.rounds()).forEach(r -> rounds.put(r.id(), r));
        Map<String, Integer> order = new HashMap<>();
        workshop.capabilities().forEach(c -> order.put(c.id(), order.size()));
        List<RatingRecord> ratings = new ArrayList<>(views.ratingsInWorkshop(workshop.id()));
        ratings.sort(java.util.Comparator
                .comparingInt((RatingRecord r) -> r.roundId() == null ? 0 : rounds.get(r.roundId()).number())
                .thenComparingInt(r -> joinOrder.getOrDefault(r.participantId(), Integer.MAX_VALUE))
                .thenComparingInt(r -> order.getOrDefault(r.capabilityId(), Integer.MAX_VALUE)));
        for (RatingRecord rating : ratings) {
            RoundView round = rating.roundId() == null ? null : rounds.get(rating.roundId());
            if (round != null && !round.visible()) {
                continue; // a sealed round's values stay sealed in exports too
            }
            CapabilityView capability = workshop.capabilities().stream()
                    .filter(c -> c.id().equals(rating.capabilityId())).findFirst().orElse(null);
            if (capability == null) {
                continue;
            }
            ParticipantView participant = participants.get(rating.participantId());
            String name = round != null && round.anonymous() ? (sv ? "anonym deltagare" : "anonymous participant")
                    : participant == null ? "" : participant.displayName();
            csv.row(List.of(workshop.title(), round == null ? (sv ? "fri" : "free") : round.number(), name,
                    orEmpty(rating.organisation()), categories.getOrDefault(capability.category(),
                            capability.category()), capability.id(), name(capability.name(), sv),
                    orEmpty(rating.dimension()), rating.score()));
        }
        return file(csv, "samverka-ratings-" + workshop.id() + ".csv");
    }

    @GetMapping("/results.csv")
    public ResponseEntity<byte[]> results(Caller caller, @PathVariable String workshopId,
                                          @RequestParam(required = false) String lang) {
        WorkshopView workshop = access.readable(caller, workshopId);
        boolean sv = !"en".equals(lang);
        Map<String, String> categories = categoryNames(workshop, sv);
        DecimalFormat mean = new DecimalFormat("0.00", DecimalFormatSymbols.getInstance(
                sv ? Locale.forLanguageTag("sv-SE") : Locale.UK));
        ExcelCsv csv = new ExcelCsv().row(sv
                ? List.of("Kategori", "Förmåga-id", "Del av", "Förmåga", "Antal svar", "Medelvärde", "Betyg 1",
                        "Betyg 2", "Betyg 3", "Betyg 4", "Betyg 5")
                : List.of("Category", "Capability id", "Part of", "Capability", "Ratings", "Mean", "Score 1",
                        "Score 2", "Score 3", "Score 4", "Score 5"));
        for (CapabilityView capability : workshop.capabilities()) {
            List<Object> row = new ArrayList<>(List.of(
                    categories.getOrDefault(capability.category(), capability.category()), capability.id(),
                    orEmpty(capability.parentId()), name(capability.name(), sv), capability.rating().count(),
                    capability.rating().mean() == null ? "" : mean.format(capability.rating().mean())));
            row.addAll(capability.rating().distribution());
            csv.row(row);
        }
        return file(csv, "samverka-results-" + workshop.id() + ".csv");
    }

    private static Map<String, String> categoryNames(WorkshopView workshop, boolean sv) {
        Map<String, String> names = new HashMap<>();
        for (CategoryView category : workshop.categories()) {
            names.put(category.id(), name(category.name(), sv));
        }
        return names;
    }

    private static String name(LocalizedText text, boolean sv) {
        return sv ? text.sv() : text.en();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static ResponseEntity<byte[]> file(ExcelCsv csv, String fileName) {
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .body(csv.bytes());
    }
}
