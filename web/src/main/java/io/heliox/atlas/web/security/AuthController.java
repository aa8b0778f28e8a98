package io.heliox.atlas.web.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.command.application.identity.ApiKeyInfo;
import io.heliox.atlas.command.application.identity.IdentityService;
import io.heliox.atlas.command.application.workspace.WorkspaceService;
import io.heliox.atlas.command.application.workspace.WorkspaceSummary;
import io.heliox.atlas.web.caller.Caller;
import io.heliox.atlas.command.application.identity.IssuedKey;
import io.heliox.atlas.command.application.identity.Principal;
import io.heliox.atlas.contracts.ContractSchemas;
import io.heliox.atlas.contracts.Violation;
import io.heliox.atlas.web.caller.AtlasAuthentication;
import io.heliox.atlas.web.http.ApiProblem;
import io.heliox.atlas.web.http.RequestBodies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Signing in and out (a browser session) and the caller's own API keys: list, create (the key is
 * in this one answer and nowhere else), revoke, rotate.
 */
@RestController
public class AuthController {

    private final IdentityService identity;
    private final RequestBodies bodies;
    private final SecurityContextRepository contexts;
    private final WorkspaceService workspaces;

    public AuthController(IdentityService identity, RequestBodies bodies, SecurityContextRepository contexts,
                          WorkspaceService workspaces) {
        this.identity = identity;
        this.workspaces = workspaces;
        this.bodies = bodies;
        this.contexts = contexts;
    }

    @PostMapping(path = "/v1/auth/login", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode login(HttpServletRequest request, HttpServletResponse response) {
        JsonNode body = bodies.read(request, ContractSchemas.LOGIN_REQUEST);
        Principal principal = identity.authenticatePassword(body.get("username").asText(),
                body.get("password").asText()).orElseThrow(() -> new ApiProblem(HttpStatus.UNAUTHORIZED,
                "unauthenticated", "Authentication required", "unknown username or wrong password", List.of()));
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate(); // a new session id for the new login: no fixation
        }
        request.getSession(true);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(AtlasAuthentication.of(principal));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        return me(principal, "session", workspaces.defaultWorkspace(principal.userId()).orElse(null));
    }

    @PostMapping(path = "/v1/auth/logout")
    public ResponseEntity<Void> logout(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return ResponseEntity.noContent().build();
    }

    @GetMapping(path = "/v1/auth/me", produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode me(Caller caller, Authentication authentication) {
        return me(caller.principal(), AtlasAuthentication.via(authentication), caller.workspaceId());
    }

    @GetMapping(path = "/v1/auth/keys", produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode keys(Authentication authentication) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        var list = out.putArray("keys");
        identity.keys(caller(authentication).userId()).forEach(k -> list.add(toJson(k)));
        return out;
    }

    @PostMapping(path = "/v1/auth/keys", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ObjectNode> createKey(Authentication authentication, HttpServletRequest request) {
        JsonNode body = bodies.read(request, ContractSchemas.API_KEY_REQUEST);
        Instant expiresAt = null;
        if (body.hasNonNull("expiresAt")) {
            try {
                expiresAt = Instant.parse(body.get("expiresAt").asText());
            } catch (DateTimeParseException e) {
                throw ApiProblem.invalidBody(List.of(new Violation("/expiresAt",
                        "not an RFC 3339 date-time in UTC, e.g. 2027-01-31T00:00:00Z", "format")));
            }
        }
        String name = body.get("name").asText();
        IssuedKey issued = identity.issueKey(caller(authentication), name, expiresAt);
        return created(issued);
    }

    @DeleteMapping(path = "/v1/auth/keys/{keyId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode revokeKey(Authentication authentication, @PathVariable String keyId) {
        return toJson(identity.revokeKey(caller(authentication).userId(), keyId));
    }

    @PostMapping(path = "/v1/auth/keys/{keyId}/rotate", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ObjectNode> rotateKey(Authentication authentication, @PathVariable String keyId) {
        return created(identity.rotateKey(caller(authentication), keyId));
    }

    private static ResponseEntity<ObjectNode> created(IssuedKey issued) {
        ObjectNode out = toJson(issued.info());
        out.put("key", issued.key());
        return ResponseEntity.status(HttpStatus.CREATED).header(HttpHeaders.CACHE_CONTROL, "no-store").body(out);
    }

    private static Principal caller(Authentication authentication) {
        return AtlasAuthentication.principal(authentication).orElseThrow(
                () -> new IllegalStateException("the security chain admits only authenticated callers here"));
    }

    /** The caller, and the workspace the request acted in (with their role there). */
    private ObjectNode me(Principal principal, String via, UUID workspaceId) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("username", principal.username());
        out.put("systemAdmin", principal.systemAdmin());
        out.put("via", via);
        if (principal.keyId() != null) {
            out.put("keyId", principal.keyId());
        }
        Optional<WorkspaceSummary> workspace = workspaceId == null ? Optional.empty()
                : workspaces.workspace(workspaceId, principal.userId());
        if (workspace.isEmpty()) {
            out.putNull("workspace");
        } else {
            out.putObject("workspace").put("id", workspace.get().id().toString()).put("name", workspace.get().name())
                    .put("role", workspace.get().role() == null ? null : workspace.get().role().wireName());
        }
        return out;
    }

    private static ObjectNode toJson(ApiKeyInfo key) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("id", key.id());
        out.put("name", key.name());
        out.put("createdAt", key.createdAt().toString());
        putInstant(out, "expiresAt", key.expiresAt());
        putInstant(out, "lastUsedAt", key.lastUsedAt());
        putInstant(out, "revokedAt", key.revokedAt());
        return out;
    }

    private static void putInstant(ObjectNode out, String field, Instant value) {
        if (value == null) {
            out.putNull(field);
        } else {
            out.put(field, value.toString());
        }
    }
}
