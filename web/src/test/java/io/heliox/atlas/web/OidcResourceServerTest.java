package io.heliox.atlas.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.heliox.atlas.api.workspace.WorkspaceRole;
import io.heliox.atlas.command.application.identity.Principal;
import io.heliox.atlas.web.support.Api;
import io.heliox.atlas.web.support.AtlasIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An external OpenID Connect provider's tokens as Bearer credentials, against an in-process
 * issuer on loopback (its discovery document and JWKS over HTTP, RS256 tokens signed with Nimbus):
 * a valid token makes its person a user, maps them to workspaces by claim and lets them work;
 * forged, unsigned ({@code alg: none}), HMAC-confused, expired, foreign-issuer and wrong-audience
 * tokens answer 401. API keys keep working beside it.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class OidcResourceServerTest extends AtlasIntegrationTest {

    private static final String AUDIENCE = "atlas-api";
    private static final Issuer ISSUER = new Issuer();

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) {
        registry.add("atlas.oidc.issuer", ISSUER::url);
        registry.add("atlas.oidc.audience", () -> AUDIENCE);
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.server.stop(0);
    }

    @Test
    void aTokenOfTheIssuerMakesItsPersonAUserMappedToWorkspacesByClaim() {
        Principal owner = newUser("oidc-owner");
        UUID desk = workspaces.create("OIDC desk " + UUID.randomUUID().toString().substring(0, 6), owner.userId());
        String deskName = workspaces.workspace(desk, owner.userId()).orElseThrow().name();
        String subject = "sub-" + UUID.randomUUID();

        Api olivia = api.withKey(ISSUER.token(subject, "olivia", List.of(deskName + ":trader", "No such desk:admin"),
                ISSUER.url(), AUDIENCE, Instant.now().plusSeconds(300)));
        JsonNode me = olivia.get("/v1/auth/me", "Atlas-Workspace", desk.toString()).json();
        assertThat(me.get("username").asText()).isEqualTo("olivia");
        assertThat(me.get("via").asText()).isEqualTo("oidc");
        assertThat(me.get("systemAdmin").asBoolean()).isFalse();
        assertThat(me.at("/workspace/role").asText()).isEqualTo("trader");
        Principal user = identity.user("olivia");
        assertThat(workspaces.role(user.userId(), desk)).contains(WorkspaceRole.TRADER);
        assertThat(jdbc.queryForObject("select password_hash is null from users where username = 'olivia'", Boolean.class))
                .as("no password here: they sign in at their provider").isTrue();

        Api.Response started = olivia.postJson("/v1/runs", "{\"prompt\":\"Create MA crossover strategy\"}",
                "Atlas-Workspace", desk.toString());
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String runId = started.json().get("runId").asText();
        assertThat(olivia.events(runId, "Atlas-Workspace", desk.toString()).completed()).isTrue();
        String metadata = jdbc.queryForObject("""
                select convert_from(meta_data, 'UTF8') from domain_event_entry
                where aggregate_identifier = ? and sequence_number = 0""", String.class, runId);
        assertThat(metadata).contains("\"principal\":\"olivia\"").contains(desk.toString());
        // the grant was the system's, on the provider's word
        assertThat(jdbc.queryForObject("""
                select convert_from(meta_data, 'UTF8') from domain_event_entry
                where payload_type like '%MemberRoleSetEvent' and convert_from(payload, 'UTF8') like ?
                order by global_index desc limit 1""", String.class, "%" + user.userId() + "%"))
                .contains("\"grantedBy\":\"" + ISSUER.url() + "\"");

        // the same person again (a new token) is the same user; a changed claim changes the role
        Api asViewer = api.withKey(ISSUER.token(subject, "olivia", List.of(deskName + ":viewer"), ISSUER.url(), AUDIENCE,
                Instant.now().plusSeconds(300)));
        assertThat(asViewer.get("/v1/auth/me", "Atlas-Workspace", desk.toString()).json().at("/workspace/role").asText())
                .isEqualTo("viewer");
        assertThat(asViewer.postJson("/v1/runs", "{\"prompt\":\"x\"}", "Atlas-Workspace", desk.toString()).status())
                .isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from users where external_subject = ?", Long.class, subject))
                .isEqualTo(1);

        // another person who asks for the same name gets another
        Api other = api.withKey(ISSUER.token("sub-" + UUID.randomUUID(), "olivia", List.of(), ISSUER.url(), AUDIENCE,
                Instant.now().plusSeconds(300)));
        assertThat(other.get("/v1/auth/me").json().get("username").asText()).isEqualTo("olivia-2");
        // API keys keep working beside the provider
        assertThat(api.get("/v1/auth/me").json().get("via").asText()).isEqualTo("apiKey");
    }

    @Test
    void forgedUnsignedConfusedExpiredForeignAndMisaddressedTokensAnswer401() throws Exception {
        Instant later = Instant.now().plusSeconds(300);
        String subject = "sub-" + UUID.randomUUID();
        RSAKey stranger = new RSAKeyGenerator(2048).keyID(Issuer.KEY_ID).generate();
        JWTClaimsSet claims = Issuer.claims(subject, "mallory", List.of(), ISSUER.url(), AUDIENCE, later);
        Map<String, String> tokens = Map.of(
                "forged (another key, the issuer's key id)", Issuer.sign(claims, stranger),
                "unsigned (alg none)", new PlainJWT(claims).serialize(),
                "HMAC with the issuer's public key as secret", hmacWithPublicKey(claims),
                "expired", ISSUER.token(subject, "mallory", List.of(), ISSUER.url(), AUDIENCE,
                        Instant.now().minus(Duration.ofMinutes(10))),
                "another issuer", ISSUER.token(subject, "mallory", List.of(), "https://idp.example.com", AUDIENCE, later),
                "another audience", ISSUER.token(subject, "mallory", List.of(), ISSUER.url(), "someone-else", later),
                "not a token", "eyJhbGciOiJSUzI1NiJ9.garbage.garbage");
        tokens.forEach((what, token) -> {
            Api.Response response = api.withKey(token).get("/v1/auth/me");
            assertThat(response.status()).as(what).isEqualTo(401);
            assertThat(response.json().get("detail").asText()).as(what).contains("token is not valid");
        });
        assertThat(jdbc.queryForObject("select count(*) from users where username like 'mallory%'", Long.class))
                .as("no refused token made a user").isZero();
        // the control: the same claims, signed by the issuer, pass
        assertThat(api.withKey(ISSUER.token(subject, "mallory", List.of(), ISSUER.url(), AUDIENCE, later))
                .get("/v1/auth/me").status()).isEqualTo(200);
    }

    /** The classic confusion: an HS256 token keyed with the RSA public key the issuer publishes. */
    private static String hmacWithPublicKey(JWTClaimsSet claims) throws JOSEException {
        byte[] secret = ISSUER.key.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(Issuer.KEY_ID).build(), claims);
        jwt.sign(new MACSigner(secret));
        return jwt.serialize();
    }

    /** An OpenID provider on loopback: discovery and keys over HTTP, tokens signed here. */
    private static final class Issuer {
        static final String KEY_ID = "atlas-test-key";
        final HttpServer server;
        final RSAKey key;

        Issuer() {
            try {
                key = new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/.well-known/openid-configuration", exchange -> respond(exchange, """
                    {"issuer":"%1$s","jwks_uri":"%1$s/jwks","authorization_endpoint":"%1$s/authorize",
                     "token_endpoint":"%1$s/token","subject_types_supported":["public"],
                     "response_types_supported":["code"],"id_token_signing_alg_values_supported":["RS256"]}"""
                    .formatted(url())));
            server.createContext("/jwks", exchange -> respond(exchange, new JWKSet(key.toPublicJWK()).toString()));
            server.start();
        }

        private static void respond(com.sun.net.httpserver.HttpExchange exchange, String json) throws IOException {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        String token(String subject, String username, List<String> workspaces, String issuer, String audience,
                     Instant expires) {
            try {
                return sign(claims(subject, username, workspaces, issuer, audience, expires), key);
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        static JWTClaimsSet claims(String subject, String username, List<String> workspaces, String issuer,
                                   String audience, Instant expires) {
            Instant issued = expires.minus(Duration.ofMinutes(30));
            return new JWTClaimsSet.Builder().issuer(issuer).subject(subject).audience(audience)
                    .issueTime(Date.from(issued)).notBeforeTime(Date.from(issued)).expirationTime(Date.from(expires))
                    .claim("preferred_username", username).claim("atlas_workspaces", workspaces).build();
        }

        static String sign(JWTClaimsSet claims, RSAKey with) throws JOSEException {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(with));
            return jwt.serialize();
        }
    }
}
