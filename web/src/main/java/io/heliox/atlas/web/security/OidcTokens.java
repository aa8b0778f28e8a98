package io.heliox.atlas.web.security;

import io.heliox.atlas.api.workspace.WorkspaceRole;
import io.heliox.atlas.command.application.identity.IdentityService;
import io.heliox.atlas.command.application.identity.Principal;
import io.heliox.atlas.command.application.workspace.WorkspaceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import io.heliox.atlas.web.infra.MessageContext;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens of an external OpenID Connect provider ({@code ATLAS_OIDC_ISSUER}), sent as
 * {@code Authorization: Bearer <JWT>}: verified by Spring Security's Nimbus decoder against the
 * keys the issuer publishes (its discovery document's {@code jwks_uri}), its issuer, its validity
 * times and, when {@code ATLAS_OIDC_AUDIENCE} is set, its audience. Unsigned ({@code alg: none}),
 * forged, expired or foreign tokens are refused.
 *
 * <p>The person is the token's {@code sub} at that issuer: a user made on their first request,
 * named after the {@code preferred_username} claim ({@code ATLAS_OIDC_USERNAME_CLAIM}). The
 * {@code atlas_workspaces} claim ({@code ATLAS_OIDC_WORKSPACES_CLAIM}) maps them to workspaces: a
 * list of {@code "<workspace name>:<role>"} or an object {@code {"<workspace name>": "<role>"}}; each
 * named workspace that exists gets them with that role (granted by the system on the provider's
 * word). The claims are acted on when they change, and at most every 5 minutes otherwise; a grant
 * is never taken back by a later token (a workspace admin removes members).
 */
public final class OidcTokens {

    static final Duration RECHECK = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(OidcTokens.class);

    private record Known(Principal principal, String claims, long atNanos) {
    }

    /** A verified token's person, and when the token stops being valid. */
    public record Verified(Principal principal, Instant expiresAt) {
    }

    private final String issuer;
    private final JwtDecoder decoder;
    private final IdentityService identity;
    private final WorkspaceService workspaces;
    private final String usernameClaim;
    private final String workspacesClaim;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    public OidcTokens(String issuer, String audience, String usernameClaim, String workspacesClaim,
                      IdentityService identity, WorkspaceService workspaces) {
        this.issuer = issuer;
        this.decoder = decoder(issuer, audience);
        this.usernameClaim = usernameClaim;
        this.workspacesClaim = workspacesClaim;
        this.identity = identity;
        this.workspaces = workspaces;
    }

    /**
     * The issuer's keys are fetched on the first token, not at start-up: the application starts
     * while the provider is down, and a token that cannot be checked is refused.
     */
    static JwtDecoder decoder(String issuer, String audience) {
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder nimbus = (NimbusJwtDecoder) JwtDecoders.fromIssuerLocation(issuer);
            OAuth2TokenValidator<Jwt> checks = JwtValidators.createDefaultWithIssuer(issuer);
            if (audience != null && !audience.isBlank()) {
                checks = new DelegatingOAuth2TokenValidator<>(checks, new JwtClaimValidator<Collection<String>>(
                        "aud", aud -> aud != null && aud.contains(audience)));
            }
            nimbus.setJwtValidator(checks);
            return nimbus;
        });
    }

    public String issuer() {
        return issuer;
    }

    /** The person the token names, or empty when it is not a valid token of the issuer. */
    public Optional<Verified> authenticate(String token) {
        Jwt jwt;
        try {
            jwt = decoder.decode(token);
        } catch (JwtException e) {
            log.info("refused a bearer token of {}: {}", issuer, e.getMessage());
            return Optional.empty();
        }
        String subject = jwt.getSubject();
        if (subject == null || subject.isBlank()) {
            return Optional.empty();
        }
        Map<String, WorkspaceRole> grants = grants(jwt.getClaims().get(workspacesClaim));
        String username = jwt.getClaimAsString(usernameClaim);
        String claims = username + "|" + grants;
        Known seen = known.get(subject);
        long now = System.nanoTime();
        Instant expiresAt = jwt.getExpiresAt() == null ? Instant.MAX : jwt.getExpiresAt();
        if (seen != null && seen.claims().equals(claims) && now - seen.atNanos() < RECHECK.toNanos()) {
            return Optional.of(new Verified(seen.principal(), expiresAt));
        }
        // the account and its grants are the system's doing on the provider's word: the person is
        // not signed in yet, so the commands they cause carry the system principal
        String previous = MDC.get(MessageContext.PRINCIPAL);
        MDC.put(MessageContext.PRINCIPAL, MessageContext.SYSTEM_PRINCIPAL);
        Principal person;
        try {
            person = identity.externalUser(issuer, subject, username);
            grants.forEach((name, role) -> workspaces.named(name).ifPresentOrElse(
                    workspace -> workspaces.grantFromIdentityProvider(workspace, person.userId(), role, issuer),
                    () -> log.warn("the token of {} names the workspace '{}', which does not exist", person.username(),
                            name)));
        } finally {
            if (previous == null) {
                MDC.remove(MessageContext.PRINCIPAL);
            } else {
                MDC.put(MessageContext.PRINCIPAL, previous);
            }
        }
        known.put(subject, new Known(person, claims, now));
        return Optional.of(new Verified(person, expiresAt));
    }

    /** {@code ["Quant desk:trader"]} or {@code {"Quant desk": "trader"}}; entries that say nothing valid are skipped. */
    static Map<String, WorkspaceRole> grants(Object claim) {
        Map<String, WorkspaceRole> grants = new LinkedHashMap<>();
        if (claim instanceof Map<?, ?> map) {
            map.forEach((name, role) -> WorkspaceRole.fromWire(String.valueOf(role))
                    .ifPresent(r -> grants.put(String.valueOf(name).strip(), r)));
        } else if (claim instanceof List<?> list) {
            for (Object entry : list) {
                String text = String.valueOf(entry);
                int colon = text.lastIndexOf(':');
                if (colon > 0) {
                    WorkspaceRole.fromWire(text.substring(colon + 1).strip())
                            .ifPresent(r -> grants.put(text.substring(0, colon).strip(), r));
                }
            }
        }
        return grants;
    }
}
