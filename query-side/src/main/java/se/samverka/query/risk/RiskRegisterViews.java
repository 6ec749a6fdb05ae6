package se.samverka.query.risk;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.result.UpdateResult;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The risk registers in MongoDB, one document per project. Every write is a compare-and-set
 * on the stored version, so an event handled twice (the tracking token and the read model are
 * not written atomically) is applied once and pushed once.
 */
@Component
public class RiskRegisterViews {
    private final MongoCollection<RiskRegisterView> registers;

    public RiskRegisterViews(MongoDatabase database) {
        this.registers = database.getCollection("risk_registers", RiskRegisterView.class);
    }

    public Optional<RiskRegisterView> find(String projectId) {
        return Optional.ofNullable(registers.find(eq("_id", projectId)).first());
    }

    /**
     * Applies the event with register version {@code version} unless the view has it already;
     * returns what changed, or empty when the event was applied before. A register's first
     * event creates its document.
     */
    Optional<RiskRegisterEvolution.Change> apply(String projectId, long version,
                                                 Function<RiskRegisterView, RiskRegisterEvolution.Change> change) {
        RiskRegisterView stored = registers.find(eq("_id", projectId)).first();
        RiskRegisterView current = stored == null ? RiskRegisterView.empty(projectId) : stored;
        if (current.version() >= version) {
            return Optional.empty();
        }
        RiskRegisterEvolution.Change next = change.apply(current);
        RiskRegisterView view = next.view().withVersion(version);
        UpdateResult result = stored == null
                ? registers.replaceOne(eq("_id", projectId), view, new ReplaceOptions().upsert(true))
                : registers.replaceOne(and(eq("_id", projectId), eq("version", current.version())), view);
        if (result.getMatchedCount() != 1 && result.getUpsertedId() == null) {
            throw new IllegalStateException("the risk register of " + projectId + " changed while version " + version
                    + " was applied");
        }
        return Optional.of(new RiskRegisterEvolution.Change(view, next.message()));
    }

    /**
     * Names an erased participant's proposals as erased, in every register that has one. The
     * register's version stays: its own events did not change, only how a person reads.
     */
    void eraseProposer(String participantId, String erasedName) {
        for (RiskRegisterView register : registers.find(eq("proposals.proposedBy", participantId))) {
            List<RiskProposalView> proposals = register.proposals().stream().map(p -> participantId.equals(
                    p.proposedBy()) ? new RiskProposalView(p.id(), p.threat(), p.vulnerability(), p.consequence(),
                    p.probability(), p.impact(), p.value(), p.level(), p.state(), p.riskId(), p.proposedBy(),
                    erasedName, p.workshopId(), p.proposedAt(), p.reason()) : p).toList();
            registers.replaceOne(and(eq("_id", register.projectId()), eq("version", register.version())),
                    new RiskRegisterView(register.projectId(), register.version(), register.risks(), proposals,
                            register.escalations()));
        }
    }

    /** Forgets every register, so a replay rebuilds them from the events. */
    void deleteAll() {
        registers.drop();
    }
}
