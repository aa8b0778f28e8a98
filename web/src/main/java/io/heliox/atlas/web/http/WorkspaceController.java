package io.heliox.atlas.web.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.api.NotFoundException;
import io.heliox.atlas.api.workspace.WorkspaceRole;
import io.heliox.atlas.command.application.identity.IdentityService;
import io.heliox.atlas.command.application.identity.Principal;
import io.heliox.atlas.command.application.workspace.Member;
import io.heliox.atlas.command.application.workspace.WorkspaceService;
import io.heliox.atlas.command.application.workspace.WorkspaceSummary;
import io.heliox.atlas.contracts.ContractSchemas;
import io.heliox.atlas.web.caller.Caller;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/**
 * Workspaces, their members and the installation's users. Who may call each operation is the
 * contract's {@code x-atlas-role}, enforced before these methods run (the security chain's workspace
 * filter): here, only what each one does.
 */
@RestController
public class WorkspaceController {

    private final WorkspaceService workspaces;
    private final IdentityService identity;
    private final RequestBodies bodies;

    public WorkspaceController(WorkspaceService workspaces, IdentityService identity, RequestBodies bodies) {
        this.workspaces = workspaces;
        this.identity = identity;
        this.bodies = bodies;
    }

    @GetMapping(path = "/v1/workspaces", produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode list(Caller caller) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        var items = out.putArray("items");
        workspaces.workspaces(caller.principal().userId(), caller.principal().systemAdmin())
                .forEach(w -> items.add(toJson(w)));
        return out;
    }

    @PostMapping(path = "/v1/workspaces", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ObjectNode> create(HttpServletRequest request, Caller caller) {
        JsonNode body = bodies.read(request, ContractSchemas.WORKSPACE_REQUEST);
        UUID id = workspaces.create(body.get("name").asText(), caller.principal().userId());
        return ResponseEntity.created(URI.create("/v1/workspaces/" + id)).body(get(id, caller.principal()));
    }

    @GetMapping(path = "/v1/workspaces/{workspaceId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode workspace(Caller caller) {
        return get(caller.workspaceId(), caller.principal());
    }

    @GetMapping(path = "/v1/workspaces/{workspaceId}/members", produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode members(Caller caller) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        var items = out.putArray("items");
        workspaces.members(caller.workspaceId()).forEach(m -> items.add(toJson(m)));
        return out;
    }

    @PutMapping(path = "/v1/workspaces/{workspaceId}/members/{username}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode setMember(@PathVariable String username, HttpServletRequest request, Caller caller) {
        JsonNode body = bodies.read(request, ContractSchemas.MEMBER_REQUEST);
        WorkspaceRole role = WorkspaceRole.fromWire(body.get("role").asText()).orElseThrow();
        workspaces.setRole(caller.workspaceId(), username, role);
        return workspaces.members(caller.workspaceId()).stream()
                .filter(m -> m.username().equals(username.strip().toLowerCase(java.util.Locale.ROOT)))
                .findFirst().map(WorkspaceController::toJson)
                .orElseThrow(() -> new NotFoundException("no member " + username));
    }

    @DeleteMapping(path = "/v1/workspaces/{workspaceId}/members/{username}")
    public ResponseEntity<Void> removeMember(@PathVariable String username, Caller caller) {
        workspaces.remove(caller.workspaceId(), username);
        return ResponseEntity.noContent().build();
    }

    @GetMapping(path = "/v1/users", produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode users() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        var items = out.putArray("items");
        identity.users().forEach(u -> items.add(toJson(u, workspaces.defaultWorkspace(u.userId()).orElse(null))));
        return out;
    }

    /** A new user, with a workspace of their own so they have somewhere to work from the start. */
    @PostMapping(path = "/v1/users", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ObjectNode> createUser(HttpServletRequest request) {
        JsonNode body = bodies.read(request, ContractSchemas.USER_REQUEST);
        Principal user = identity.createUser(body.get("username").asText(), body.get("password").asText(),
                body.path("systemAdmin").asBoolean(false));
        UUID personal = workspaces.createPersonal(user.username(), user.userId());
        return ResponseEntity.status(HttpStatus.CREATED).body(toJson(user, personal));
    }

    @PutMapping(path = "/v1/users/{username}/rate-limit", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode setRateLimit(@PathVariable String username, HttpServletRequest request) {
        JsonNode body = bodies.read(request, ContractSchemas.RATE_LIMIT_REQUEST);
        Principal user = identity.user(username);
        identity.setRateLimit(user.userId(), body.get("perMinute").isNull() ? null : body.get("perMinute").asInt());
        Principal now = identity.user(username);
        return toJson(now, workspaces.defaultWorkspace(now.userId()).orElse(null));
    }

    private ObjectNode get(UUID workspaceId, Principal caller) {
        return workspaces.workspace(workspaceId, caller.userId()).map(WorkspaceController::toJson)
                .orElseThrow(() -> new NotFoundException("no workspace " + workspaceId));
    }

    private static ObjectNode toJson(WorkspaceSummary w) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("id", w.id().toString());
        out.put("name", w.name());
        out.put("createdAt", w.createdAt().toString());
        out.put("role", w.role() == null ? null : w.role().wireName());
        return out;
    }

    private static ObjectNode toJson(Member m) {
        return JsonNodeFactory.instance.objectNode()
                .put("username", m.username())
                .put("role", m.role().wireName())
                .put("since", m.since().toString());
    }

    private static ObjectNode toJson(Principal user, UUID defaultWorkspace) {
        return JsonNodeFactory.instance.objectNode()
                .put("id", user.userId().toString())
                .put("username", user.username())
                .put("systemAdmin", user.systemAdmin())
                .put("defaultWorkspaceId", defaultWorkspace == null ? null : defaultWorkspace.toString())
                .put("rateLimitPerMinute", user.rateLimitPerMinute());
    }
}
