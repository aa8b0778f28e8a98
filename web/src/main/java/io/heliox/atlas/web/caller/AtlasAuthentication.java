package io.heliox.atlas.web.caller;

import io.heliox.atlas.command.application.identity.Principal;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A caller the API knows, as Spring Security holds it: the {@link Principal} and its authorities. */
public final class AtlasAuthentication {

    public static final String SYSTEM_ADMIN = "ROLE_SYSTEM_ADMIN";
    public static final String USER = "ROLE_USER";

    private AtlasAuthentication() {
    }

    public static Authentication of(Principal principal) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(USER));
        if (principal.systemAdmin()) {
            authorities.add(new SimpleGrantedAuthority(SYSTEM_ADMIN));
        }
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
    }

    /** The details of a caller an identity provider's token named: until when the token is valid. */
    public record ProviderToken(Instant expiresAt) {
    }

    /** A caller an identity provider's token named: {@link #via} says so. */
    public static Authentication ofIdentityProvider(Principal principal, Instant expiresAt) {
        UsernamePasswordAuthenticationToken authentication = (UsernamePasswordAuthenticationToken) of(principal);
        authentication.setDetails(new ProviderToken(expiresAt));
        return authentication;
    }

    /** The token an identity provider's caller came with, if that is how they came. */
    public static Optional<ProviderToken> providerToken(Authentication authentication) {
        return authentication != null && authentication.getDetails() instanceof ProviderToken token
                ? Optional.of(token) : Optional.empty();
    }

    /** How the caller proved who they are: {@code apiKey}, {@code oidc} (an identity provider's token) or {@code session}. */
    public static String via(Authentication authentication) {
        if (providerToken(authentication).isPresent()) {
            return "oidc";
        }
        return principal(authentication).map(p -> p.keyId() == null ? "session" : "apiKey").orElse("session");
    }

    public static boolean isSystemAdmin(Authentication authentication) {
        return principal(authentication).map(Principal::systemAdmin).orElse(false);
    }

    /** The caller of {@code authentication}, when it is one of ours. */
    public static Optional<Principal> principal(Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof Principal p
                ? Optional.of(p) : Optional.empty();
    }
}
