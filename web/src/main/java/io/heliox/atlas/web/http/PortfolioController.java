package io.heliox.atlas.web.http;

import io.heliox.atlas.web.caller.Caller;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.api.portfolio.PortfolioItemConflictException;
import io.heliox.atlas.api.portfolio.PortfolioItemSavedEvent;
import io.heliox.atlas.command.application.PortfolioService;
import io.heliox.atlas.contracts.ContractSchemas;
import io.heliox.atlas.query.Page;
import io.heliox.atlas.query.portfolio.PortfolioItemView;
import io.heliox.atlas.query.portfolio.PortfolioList;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/**
 * The portfolio: strategies a trader kept, each also registered as a Strategy version. Saved from a
 * run, a strategy keeps a reference to the run's signed package of it ({@code package}).
 */
@RestController
public class PortfolioController {

    private final PortfolioService portfolioService;
    private final RequestBodies bodies;
    private final PortfolioList portfolio;

    public PortfolioController(PortfolioService portfolioService, RequestBodies bodies, PortfolioList portfolio) {
        this.portfolioService = portfolioService;
        this.bodies = bodies;
        this.portfolio = portfolio;
    }

    @PostMapping(path = "/v1/portfolio", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ObjectNode> save(HttpServletRequest request, Caller caller) {
        JsonNode body = bodies.read(request, ContractSchemas.SAVE_PORTFOLIO_ITEM_REQUEST);
        UUID id = body.hasNonNull("id") ? Params.uuid("/id", body.get("id").asText()) : UUID.randomUUID();
        UUID runId = body.hasNonNull("runId") ? Params.uuid("/runId", body.get("runId").asText()) : null;
        PortfolioService.Saved saved;
        try {
            saved = portfolioService.save(id, body.get("name").asText(), body.get("strategy"), runId, caller.scope(),
                    caller.workspaceId());
        } catch (PortfolioItemConflictException e) {
            throw ApiProblem.conflict(e.getMessage());
        }
        PortfolioItemSavedEvent item = saved.item();
        ObjectNode answer = toJson(new PortfolioItemView(item.itemId(), item.name(), item.strategy(), item.runId(),
                item.ts(), item.packageRef()));
        return saved.created()
                ? ResponseEntity.created(URI.create("/v1/portfolio/" + id)).body(answer)
                : ResponseEntity.status(HttpStatus.OK).body(answer);
    }

    @GetMapping(path = "/v1/portfolio", produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode list(@RequestParam(required = false) String limit, @RequestParam(required = false) String cursor,
                           Caller caller) {
        Page<PortfolioItemView> page = portfolio.page(Params.limit(limit, 50, 200), Params.cursor(cursor), caller.scope());
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        var items = body.putArray("items");
        page.items().forEach(item -> items.add(toJson(item)));
        body.put("nextCursor", page.nextCursor());
        return body;
    }

    private static ObjectNode toJson(PortfolioItemView item) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", item.id().toString());
        node.put("name", item.name());
        node.set("strategy", item.strategy());
        node.put("runId", item.runId() == null ? null : item.runId().toString());
        node.set("package", item.packageRef() == null ? NullNode.getInstance() : item.packageRef());
        node.put("createdAt", item.createdAt().toString());
        return node;
    }
}
