package io.heliox.atlas.web.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.command.application.trading.PaperSessionService;
import io.heliox.atlas.contracts.ContractSchemas;
import io.heliox.atlas.contracts.Violation;
import io.heliox.atlas.query.trading.KillSwitchList;
import io.heliox.atlas.web.caller.Caller;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Kill switches over many paper sessions: an account's (traders of its workspace) and the global one
 * (system administrators; the contract's roles say so and the security layer enforces them). One
 * request halts every running session under the switch before it answers; a release needs a reason.
 */
@RestController
public class KillSwitchController {

    private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final PaperSessionService sessions;
    private final KillSwitchList switches;
    private final RequestBodies bodies;

    public KillSwitchController(PaperSessionService sessions, KillSwitchList switches, RequestBodies bodies) {
        this.sessions = sessions;
        this.switches = switches;
        this.bodies = bodies;
    }

    @GetMapping(path = "/v1/kill-switches", produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode all(Caller caller) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        var items = out.putArray("items");
        switches.all(caller.scope()).forEach(s -> items.add(toJson(s)));
        return out;
    }

    @PostMapping(path = "/v1/paper-accounts/{accountId}/kill", produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode killAccount(@PathVariable String accountId, HttpServletRequest request, Caller caller) {
        String account = account(accountId, caller);
        sessions.engageKillSwitch(caller.workspaceId(), account, caller.principal().username(), reason(request));
        return state(caller, account);
    }

    @PostMapping(path = "/v1/paper-accounts/{accountId}/release", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode releaseAccount(@PathVariable String accountId, HttpServletRequest request, Caller caller) {
        String account = account(accountId, caller);
        release(caller, account, releaseReason(request));
        return state(caller, account);
    }

    @PostMapping(path = "/v1/kill-switch/engage", produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode killAll(HttpServletRequest request, Caller caller) {
        sessions.engageKillSwitch(caller.workspaceId(), null, caller.principal().username(), reason(request));
        return state(caller, null);
    }

    @PostMapping(path = "/v1/kill-switch/release", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode releaseAll(HttpServletRequest request, Caller caller) {
        release(caller, null, releaseReason(request));
        return state(caller, null);
    }

    private void release(Caller caller, String account, String reason) {
        try {
            sessions.releaseKillSwitch(caller.workspaceId(), account, caller.principal().username(), reason);
        } catch (PaperSessionService.BadSettings e) {
            throw ApiProblem.invalidBody(List.of(new Violation(e.pointer(), e.getMessage(), null)));
        }
    }

    private String reason(HttpServletRequest request) {
        JsonNode body = bodies.readOptional(request, ContractSchemas.SESSION_CONTROL_REQUEST);
        return body != null && body.hasNonNull("reason") ? body.get("reason").asText() : null;
    }

    /** A release's body: its reason is required by the schema (an audited decision). */
    private String releaseReason(HttpServletRequest request) {
        return bodies.read(request, ContractSchemas.RELEASE_REQUEST).get("reason").asText();
    }

    /** A paper account is known to a workspace once one of its sessions traded for it: any other is a 404. */
    private String account(String accountId, Caller caller) {
        if (!ACCOUNT.matcher(accountId).matches()) {
            throw ApiProblem.invalidParameter("/path/accountId", "an account id is 1 to 64 letters, digits, '_', '.' or '-'");
        }
        RunController.requireWorkspace(caller); // an account is a workspace's
        if (!switches.accountKnown(caller.scope(), caller.workspaceId(), accountId)) {
            throw ApiProblem.notFound("no paper account " + accountId + " in this workspace");
        }
        return accountId;
    }

    /** The switch as it now stands, with the running sessions under it and how many of those are halted. */
    private ObjectNode state(Caller caller, String account) {
        KillSwitchList.Status status = switches.status(caller.scope(), caller.workspaceId(), account);
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("scope", account == null ? "global" : "account");
        out.put("accountId", account).put("engaged", status.engaged()).put("runningSessions", status.running())
                .put("haltedSessions", status.halted());
        return out;
    }

    private static ObjectNode toJson(KillSwitchList.Switch s) {
        return JsonNodeFactory.instance.objectNode().put("scope", s.scope()).put("accountId", s.accountId())
                .put("engaged", s.engaged()).put("principal", s.principal()).put("reason", s.reason())
                .put("updatedAt", s.updatedAt().toString());
    }
}
