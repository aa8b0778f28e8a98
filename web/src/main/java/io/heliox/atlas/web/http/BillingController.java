package io.heliox.atlas.web.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.command.application.billing.BillingExport;
import io.heliox.atlas.contracts.ContractSchemas;
import io.heliox.atlas.web.caller.Caller;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.UUID;

/** Who a workspace's usage is billed to, and pushing the closed days' usage to the billing provider. */
@RestController
public class BillingController {

    private final BillingExport billing;
    private final RequestBodies bodies;

    public BillingController(BillingExport billing, RequestBodies bodies) {
        this.billing = billing;
        this.bodies = bodies;
    }

    @GetMapping(path = "/v1/workspaces/{workspaceId}/billing", produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode billing(Caller caller) {
        return status(caller.workspaceId());
    }

    @PutMapping(path = "/v1/workspaces/{workspaceId}/billing", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode setBilling(HttpServletRequest request, Caller caller) {
        JsonNode body = bodies.read(request, ContractSchemas.BILLING_REQUEST);
        billing.setCustomer(caller.workspaceId(), body.get("customerId").isNull() ? null : body.get("customerId").asText());
        return status(caller.workspaceId());
    }

    @PostMapping(path = "/v1/billing/push", produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode push() {
        String provider = billing.providerName().orElseThrow(() -> ApiProblem.conflict(
                "no billing provider is configured (ATLAS_BILLING_PROVIDER=none)"));
        BillingExport.PushReport report = billing.pushClosedDays();
        return JsonNodeFactory.instance.objectNode().put("provider", provider).put("sent", report.sent())
                .put("rejected", report.rejected()).put("failed", report.failed()).put("pending", report.pending());
    }

    private ObjectNode status(UUID workspace) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("workspaceId", workspace.toString());
        out.put("provider", billing.providerName().orElse(null));
        out.put("customerId", billing.customer(workspace).orElse(null));
        Map<String, Long> lines = billing.lines(workspace);
        ObjectNode counts = out.putObject("lines");
        for (String status : new String[] {"sent", "rejected", "failed", "sending"}) {
            counts.put(status, lines.getOrDefault(status, 0L));
        }
        return out;
    }
}
