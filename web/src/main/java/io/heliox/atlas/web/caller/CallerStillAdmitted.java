package io.heliox.atlas.web.caller;

import io.heliox.atlas.command.application.identity.IdentityService;
import io.heliox.atlas.command.application.identity.Principal;
import io.heliox.atlas.command.application.workspace.WorkspaceService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * For a long answer (an SSE stream): whether the caller who opened it would still be let in. A
 * stream opened with an API key ends once the key is revoked or expires; one opened in a browser
 * session ends once the session does (sign-out, timeout); one opened with an identity provider's
 * token, once the token expires. Any of them ends once the caller is no
 * longer a member of the workspace the stream reads (within the role cache's 5 s).
 */
public final class CallerStillAdmitted {

    private CallerStillAdmitted() {
    }

    public static BooleanSupplier of(Authentication authentication, HttpServletRequest request, IdentityService identity,
                                     Caller workspaceCaller, WorkspaceService workspaces) {
        BooleanSupplier credentials = credentials(authentication, request, identity);
        if (workspaceCaller.principal().systemAdmin() || workspaceCaller.workspaceId() == null) {
            return credentials;
        }
        UUID userId = workspaceCaller.principal().userId();
        UUID workspace = workspaceCaller.workspaceId();
        return () -> credentials.getAsBoolean() && workspaces.role(userId, workspace).isPresent();
    }

    private static BooleanSupplier credentials(Authentication authentication, HttpServletRequest request,
                                               IdentityService identity) {
        Principal caller = AtlasAuthentication.principal(authentication).orElse(null);
        if (caller == null) {
            return () -> false;
        }
        if (caller.keyId() != null) {
            String keyId = caller.keyId();
            return () -> identity.keyInForce(keyId);
        }
        Optional<AtlasAuthentication.ProviderToken> token = AtlasAuthentication.providerToken(authentication);
        if (token.isPresent()) {
            Instant expiresAt = token.get().expiresAt();
            return () -> Instant.now().isBefore(expiresAt);
        }
        HttpSession session = request.getSession(false);
        if (session == null) {
            return () -> false;
        }
        return () -> {
            try {
                session.getCreationTime(); // throws once the session is invalidated
                return true;
            } catch (IllegalStateException ended) {
                return false;
            }
        };
    }
}
