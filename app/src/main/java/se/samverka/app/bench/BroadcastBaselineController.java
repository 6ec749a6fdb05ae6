package se.samverka.app.bench;

import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samverka.app.role.RoleConditions;
import se.samverka.kernel.access.TokenCodec;
import se.samverka.query.live.LivePublisher;

/**
 * The benchmark's baseline: a plain STOMP broadcast to a workshop's subscribers the way pushes
 * go (through the same broker, and with several query nodes through RabbitMQ), with no Axon and
 * no storage in between. Exists only when {@code samverka.bench.enabled=true}; never in a
 * normal deployment.
 */
@RestController
@RequestMapping("/api/v1/bench")
@ConditionalOnProperty(name = "samverka.bench.enabled", havingValue = "true")
@Conditional(RoleConditions.ServesQueries.class)
public class BroadcastBaselineController {
    private final LivePublisher live;
    private final TokenCodec tokens;

    public BroadcastBaselineController(LivePublisher live, TokenCodec tokens) {
        this.live = live;
        this.tokens = tokens;
    }

    @PostMapping("/workshops/{workshopId}/echo")
    public Map<String, Object> echo(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
                                    @PathVariable String workshopId, @RequestParam long seq) {
        tokens.verifyAuthorization(authorization).requireFacilitator();
        // Negative versions: clients of the live protocol ignore them, the load generator times them.
        live.publish(workshopId, Map.of("type", "bench", "version", -seq));
        return Map.of("seq", seq);
    }
}
