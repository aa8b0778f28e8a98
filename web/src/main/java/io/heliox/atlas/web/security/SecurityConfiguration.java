package io.heliox.atlas.web.security;

import io.heliox.atlas.command.application.identity.IdentityService;
import org.springframework.security.config.observation.SecurityObservationSettings;
import io.heliox.atlas.command.application.workspace.WorkspaceService;
import io.heliox.atlas.web.http.ProblemResponses;
import io.heliox.atlas.web.infra.AtlasProperties;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import javax.sql.DataSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who may call what. Every API path needs a caller: a browser signed in with
 * {@code POST /v1/auth/login} (a session cookie, HttpOnly and SameSite=Lax; writes also carry the
 * {@code X-XSRF-TOKEN} header, the double-submit of the {@code XSRF-TOKEN} cookie), or a program
 * sending an API key as {@code Authorization: Bearer <key>} (no session, no CSRF: a browser never
 * adds that header by itself). Open to all: {@code /healthz}, {@code /version}, the login itself,
 * and the UI's static files, whose pages ask for a login when the API answers 401.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /**
     * No observations of Spring Security's own: they wrap each of its filters (about fifteen a
     * request) in an observation and a span, which cost more on a small machine than the
     * authentication they time (EngineLatencyBench, cache hits). Requests stay observed as a whole
     * ({@code http.server.requests}), with the principal in the logs.
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    public SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    /**
     * Spring Security's firewall, with the encoded slash let through: Tomcat passes {@code %2F} on
     * undecoded (see TomcatConfiguration), so the decoded path still holds a {@code %}. An id holding
     * one reaches the parameter checks and is answered with a pointer to the bad parameter; the
     * rules here match path prefixes that such an id cannot change.
     */
    @Bean
    public HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowUrlEncodedSlash(true);
        firewall.setAllowUrlEncodedPercent(true);
        return firewall;
    }

    /** Whatever the firewall still refuses is a 400 problem, like every other malformed request. */
    @Bean
    public RequestRejectedHandler requestRejectedHandler() {
        return (request, response, rejected) -> ProblemWriter.write(response, ProblemResponses.body(
                HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                "the request's URL or headers are not acceptable: " + rejected.getMessage(), List.of(), request));
    }

    /** Right after the trace id, before anything reads the request: a request to a name this server does not have. */
    @Bean
    public FilterRegistrationBean<HostAllowlistFilter> hostAllowlist(AtlasProperties properties,
                                                                     @Value("${server.address:}") String bindAddress) {
        FilterRegistrationBean<HostAllowlistFilter> registration = new FilterRegistrationBean<>(
                HostAllowlistFilter.of(properties.http().allowedHosts(), bindAddress));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    public SecurityFilterChain securityFilterChain(HttpSecurity http, IdentityService identity,
                                                   WorkspaceService workspaces,
                                                   SecurityContextRepository contexts, DataSource dataSource,
                                                   AtlasProperties properties, ObjectProvider<OidcTokens> oidc)
            throws Exception {
        ProblemWriter problems = new ProblemWriter();
        CookieCsrfTokenRepository csrfTokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax").path("/"));
        http
                .securityContext(context -> context.securityContextRepository(contexts))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(SecurityConfiguration::cookieBackedWrite)
                        // a stale session cookie must not stop a new login; the new session gets a new id
                        .ignoringRequestMatchers("/v1/auth/login"))
                .cors(Customizer.withDefaults())
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(ContentSecurityPolicy.forBuiltUi()))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frames -> frames.deny()))
                .addFilterBefore(new BearerAuthenticationFilter(identity, oidc.getIfAvailable() == null ? Optional.empty()
                        : Optional.of(oidc.getIfAvailable())), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
                .addFilterAfter(new PrincipalLogFilter(), AuthorizationFilter.class)
                .addFilterAfter(new RateLimitFilter(new RateLimiter(dataSource, properties.http().rateLimitPerMinute())),
                        PrincipalLogFilter.class)
                .addFilterAfter(new WorkspaceFilter(OperationRoles.fromContract(), workspaces), RateLimitFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/healthz", "/version", "/v1/auth/login", "/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/v1/**", "/api/v1/**", "/actuator/**").authenticated()
                        .anyRequest().permitAll());
        return http.build();
    }

    /**
     * An external identity provider's tokens, when {@code ATLAS_OIDC_ISSUER} names one: its users
     * call with {@code Authorization: Bearer <JWT>} beside API keys and sessions.
     */
    @Bean
    @ConditionalOnExpression("!'${atlas.oidc.issuer:}'.isBlank()")
    public OidcTokens oidcTokens(@Value("${atlas.oidc.issuer}") String issuer,
                                 @Value("${atlas.oidc.audience:}") String audience,
                                 @Value("${atlas.oidc.username-claim:preferred_username}") String usernameClaim,
                                 @Value("${atlas.oidc.workspaces-claim:atlas_workspaces}") String workspacesClaim,
                                 IdentityService identity, WorkspaceService workspaces) {
        return new OidcTokens(issuer.strip(), audience.strip(), usernameClaim, workspacesClaim, identity, workspaces);
    }

    /**
     * Only a write that rides on a session cookie can be forged by another site: a request with an
     * Authorization header, or with no session at all (it is refused as unauthenticated), cannot.
     */
    static boolean cookieBackedWrite(HttpServletRequest request) {
        return !SAFE_METHODS.contains(request.getMethod()) && request.getHeader("Authorization") == null
                && request.getRequestedSessionId() != null;
    }

}
