package io.heliox.atlas.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.heliox.atlas.command.application.identity.Principal;
import io.heliox.atlas.contracts.ContractSchemas;
import io.heliox.atlas.web.support.Api;
import io.heliox.atlas.web.support.AtlasIntegrationTest;
import io.heliox.atlas.web.support.SseRead;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Workspaces keep their members' work apart, and roles decide who may change it: a matrix over
 * every operation of {@code openapi.yaml} (by its {@code x-atlas-role}), so an operation added later
 * is checked without anyone remembering to.
 *
 * <p>The world: Alice is the admin of workspace A, where she ran a prompt to its package, kept a
 * strategy and generated a scenario; Vic is a viewer in A; Bob works in his own workspace B.
 */
class WorkspaceIsolationTest extends AtlasIntegrationTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** What Alice made in A: the ids every other caller tries. */
    private record World(UUID workspaceA, Api alice, Api vic, Api bob, String aliceKeyId, String aliceName,
                         String runId, String candidateId, String scenarioId, String itemId, String datasetId,
                         String sessionId, String accountId) {
    }

    private static World world;

    @BeforeEach
    void makeTheWorld() {
        if (world != null) {
            return;
        }
        Principal alice = newUser("alice");
        UUID a = workspaces.defaultWorkspace(alice.userId()).orElseThrow();
        var aliceKey = identity.issueKey(alice.userId(), "alice's laptop", null);
        Api aliceApi = api.withKey(aliceKey.key());
        Principal vic = newUser("vic");
        assertThat(aliceApi.send(json("PUT", "/v1/workspaces/" + a + "/members/" + vic.username(), "{\"role\":\"viewer\"}"),
                "PUT", "/v1/workspaces/" + a + "/members/" + vic.username()).status()).isEqualTo(200);
        Principal bob = newUser("bob");

        long seed = 9_000 + System.nanoTime() % 1_000;
        Api.Response started = aliceApi.postJson("/v1/runs", "{\"prompt\":\"Create MA crossover strategy\",\"seed\":" + seed + "}");
        assertThat(started.status()).isEqualTo(201);
        String runId = started.json().get("runId").asText();
        List<SseRead.Event> events = aliceApi.events(runId).events();
        JsonNode t0 = events.stream().filter(e -> e.type().equals("artifact") && e.json().get("phase").asText().equals("t0"))
                .findFirst().orElseThrow().json().get("payload");
        JsonNode synth = events.stream().filter(e -> e.type().equals("artifact") && e.json().get("phase").asText().equals("synth"))
                .findFirst().orElseThrow().json().get("payload");
        String candidateId = t0.at("/ranking/0/candidateId").asText();
        String scenarioId = t0.at("/results/0/scenarioId").asText();
        JsonNode candidate = null;
        for (JsonNode c : synth.get("candidates")) {
            if (c.get("id").asText().equals(candidateId)) {
                candidate = c;
            }
        }
        Api.Response kept = aliceApi.postJson("/v1/portfolio",
                "{\"name\":\"alice's best\",\"runId\":\"" + runId + "\",\"strategy\":" + candidate + "}");
        assertThat(kept.status()).as(kept.toString()).isEqualTo(201);
        String datasetId = "alice-only-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response dataset = aliceApi.postJson("/api/v1/scenarios", fixture("scenario-dsl", "trend-up-mid.json")
                .replaceFirst("\"id\"\\s*:\\s*\"[^\"]+\"", "\"id\":\"" + datasetId + "\""));
        assertThat(dataset.status()).as(dataset.toString()).isEqualTo(201);
        Api.Response session = aliceApi.postJson("/v1/paper-sessions", paperSession(kept.json().get("id").asText()));
        assertThat(session.status()).as(session.toString()).isEqualTo(201);
        world = new World(a, aliceApi, api.withKey(identity.issueKey(vic.userId(), "k", null).key()),
                api.withKey(identity.issueKey(bob.userId(), "k", null).key()), aliceKey.info().id(), alice.username(),
                runId, candidateId, scenarioId, kept.json().get("id").asText(), datasetId,
                session.json().get("id").asText(), session.json().get("accountId").asText());
    }

    @Test
    void aViewerReadsEveryReadOperationButEveryWriteOfTheWorkspaceAnswers403() {
        List<String> checked = new ArrayList<>();
        forEachOperation((method, template, role) -> {
            if (!role.equals("trader") && !role.equals("admin")) {
                return;
            }
            String path = path(template);
            Api.Response response = world.vic().send(json(method, path, body(template, method)), method, path,
                    "Atlas-Workspace", world.workspaceA().toString());
            assertThat(response.status()).as("viewer: %s %s -> %s", method, path, response).isEqualTo(403);
            checked.add(method + " " + template);
        });
        assertThat(checked).contains("POST /v1/runs", "POST /v1/runs/{id}/cancel", "POST /v1/portfolio",
                "POST /v1/paper-sessions", "POST /v1/paper-sessions/{sessionId}/kill", "PUT /v1/paper-sessions/{sessionId}/risk",
                "PUT /v1/workspaces/{workspaceId}/members/{username}", "GET /v1/audit/events");
        // and what a viewer may do, it may
        String a = world.workspaceA().toString();
        assertThat(world.vic().get("/v1/runs/" + world.runId(), "Atlas-Workspace", a).status()).isEqualTo(200);
        assertThat(world.vic().get("/v1/runs/" + world.runId() + "/results/" + world.candidateId() + "/"
                + world.scenarioId(), "Atlas-Workspace", a).status()).isEqualTo(200);
        assertThat(world.vic().get("/v1/portfolio", "Atlas-Workspace", a).body()).contains(world.itemId());
        assertThat(world.vic().get("/api/v1/scenarios/" + world.datasetId(), "Atlas-Workspace", a).status()).isEqualTo(200);
        assertThat(world.vic().get("/v1/workspaces/" + a + "/members").body()).contains(world.aliceName());
    }

    @Test
    void anotherWorkspacesIdsAnswer404AndItsItemsAreInNoList() {
        List<String> checked = new ArrayList<>();
        forEachOperation((method, template, role) -> {
            if (role.equals("anyone") || role.equals("system-admin")) {
                return;
            }
            String path = path(template);
            // Bob naming A as the workspace to act in: A does not exist for him.
            Api.Response named = world.bob().send(json(method, path, body(template, method)), method, path,
                    "Atlas-Workspace", world.workspaceA().toString());
            assertThat(named.status()).as("bob in A: %s %s -> %s", method, path, named).isEqualTo(404);
            assertNoTraceOfA(named);
            if (role.equals("signed-in")) {
                return;
            }
            // Bob in his own workspace, naming A's items.
            Api.Response own = world.bob().send(json(method, path, body(template, method)), method, path);
            if (template.contains("{")) {
                assertThat(own.status()).as("bob: %s %s -> %s", method, path, own).isEqualTo(404);
            }
            assertNoTraceOfA(own);
            checked.add(method + " " + template);
        });
        assertThat(checked).contains("GET /v1/runs/{id}", "GET /v1/runs/{id}/events",
                "GET /v1/runs/{id}/results/{candidateId}/{scenarioId}", "GET /v1/runs/{id}/package",
                "POST /v1/runs/{id}/cancel", "GET /v1/runs", "GET /v1/portfolio", "GET /v1/audit/events",
                "GET /api/v1/scenarios/{id}", "GET /api/v1/scenarios/{id}/bars", "GET /v1/paper-sessions/{sessionId}",
                "GET /v1/paper-sessions/{sessionId}/activity", "POST /v1/paper-sessions/{sessionId}/kill",
                "GET /v1/paper-sessions/{sessionId}/events", "PUT /v1/paper-sessions/{sessionId}/risk",
                "POST /v1/paper-accounts/{accountId}/kill", "GET /v1/kill-switches");
        // A's ids in a body or a query: the same 404, the same silence
        Api.Response keep = world.bob().postJson("/v1/portfolio", "{\"name\":\"mine now\",\"runId\":\"" + world.runId()
                + "\",\"strategy\":" + world.alice().get("/v1/portfolio").json().at("/items/0/strategy") + "}");
        assertThat(keep.status()).as(keep.toString()).isEqualTo(404);
        Api.Response audit = world.bob().get("/v1/audit/events?aggregateId=" + world.runId());
        assertThat(audit.json().get("items")).isEmpty();
        Api.Response ref = world.bob().postJson("/api/v1/engine/t0", fixture("engine-backtest-request", "scenario-ref.json")
                .replaceFirst("\"scenario_ref\"\\s*:\\s*\\{[^}]*}", "\"scenario_ref\":{\"id\":\"" + world.datasetId() + "\"}"));
        assertThat(ref.status()).as(ref.toString()).isIn(400, 404);
        assertNoTraceOfA(ref);
        Api.Response deploy = world.bob().postJson("/v1/paper-sessions", paperSession(world.itemId()));
        assertThat(deploy.status()).as("A's item deployed from B: %s", deploy).isEqualTo(404);
        assertThat(world.bob().get("/v1/paper-sessions").body()).doesNotContain(world.sessionId());
        // while Alice sees all of it
        assertThat(world.alice().get("/v1/runs").body()).contains(world.runId());
        assertThat(world.alice().get("/v1/paper-sessions").body()).contains(world.sessionId());
        assertThat(world.alice().get("/v1/audit/events?aggregateId=" + world.runId()).json().get("items")).isNotEmpty();
    }

    @Test
    void onlyASystemAdministratorManagesUsers() {
        forEachOperation((method, template, role) -> {
            if (role.equals("system-admin")) {
                String path = path(template);
                Api.Response response = world.alice().send(json(method, path, body(template, method)), method, path);
                assertThat(response.status()).as("alice: %s %s -> %s", method, path, response).isEqualTo(403);
            }
        });
        String name = "carol-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response created = api.postJson("/v1/users",
                "{\"username\":\"" + name + "\",\"password\":\"a long enough password\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("defaultWorkspaceId").isTextual()).isTrue();
        assertThat(api.postJson("/v1/users", "{\"username\":\"" + name + "\",\"password\":\"a long enough password\"}")
                .status()).isEqualTo(409);
        assertThat(api.get("/v1/users").body()).contains(name);
    }

    @Test
    void membersAreManagedByTheWorkspacesAdminsAndTheLastAdminStays() {
        String a = world.workspaceA().toString();
        Principal dan = newUser("dan");
        String member = "/v1/workspaces/" + a + "/members/" + dan.username();
        Api dansApi = api.withKey(identity.issueKey(dan.userId(), "k", null).key());
        assertThat(dansApi.get("/v1/runs", "Atlas-Workspace", a).status()).isEqualTo(404);
        assertThat(world.alice().send(json("PUT", member, "{\"role\":\"trader\"}"), "PUT", member).json()
                .get("role").asText()).isEqualTo("trader");
        assertThat(dansApi.get("/v1/runs", "Atlas-Workspace", a).body()).contains(world.runId());
        Api.Response me = dansApi.get("/v1/auth/me", "Atlas-Workspace", a);
        assertThat(me.json().at("/workspace/role").asText()).isEqualTo("trader");
        // a trader is not an admin
        assertThat(dansApi.send(json("PUT", member, "{\"role\":\"admin\"}"), "PUT", member).status()).isEqualTo(403);
        // the last admin can neither leave nor step down
        String aliceMember = "/v1/workspaces/" + a + "/members/" + world.aliceName();
        assertThat(world.alice().send(json("DELETE", aliceMember, null), "DELETE", aliceMember).status()).isEqualTo(409);
        assertThat(world.alice().send(json("PUT", aliceMember, "{\"role\":\"viewer\"}"), "PUT", aliceMember).status())
                .isEqualTo(409);
        // removed: A is gone for Dan at once (this node's cache is dropped with the change)
        assertThat(world.alice().send(json("DELETE", member, null), "DELETE", member).status()).isEqualTo(204);
        assertThat(dansApi.get("/v1/runs/" + world.runId(), "Atlas-Workspace", a).status()).isEqualTo(404);
        assertThat(world.alice().send(json("PUT", "/v1/workspaces/" + a + "/members/nobody-here", "{\"role\":\"viewer\"}"),
                "PUT", "/v1/workspaces/" + a + "/members/nobody-here").status()).isEqualTo(404);
        // workspaces: made by anyone, named once
        String team = "Team " + UUID.randomUUID().toString().substring(0, 8);
        Api.Response made = dansApi.postJson("/v1/workspaces", "{\"name\":\"" + team + "\"}");
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        assertThat(made.json().get("role").asText()).isEqualTo("admin");
        assertThat(world.bob().postJson("/v1/workspaces", "{\"name\":\"" + team + "\"}").status()).isEqualTo(409);
        assertThat(dansApi.get("/v1/workspaces").body()).contains(team);
        assertThat(world.bob().get("/v1/workspaces").body()).doesNotContain(team);
    }

    @Test
    void theBrowsersWorkspaceCookieChoosesTheWorkspaceLikeTheHeaderAndTheHeaderWins() {
        String team = "Cookie team " + UUID.randomUUID().toString().substring(0, 8);
        Api.Response made = world.alice().postJson("/v1/workspaces", "{\"name\":\"" + team + "\"}");
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        String t = made.json().get("id").asText();
        String cookie = "atlas-workspace=" + t;

        assertThat(world.alice().get("/v1/auth/me", "Cookie", cookie).json().at("/workspace/id").asText()).isEqualTo(t);
        assertThat(world.alice().get("/v1/auth/me").json().at("/workspace/id").asText())
                .isEqualTo(world.workspaceA().toString());
        Api.Response started = world.alice().postJson("/v1/runs", "{\"prompt\":\"cookie run\"}", "Cookie", cookie);
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String runId = started.json().get("runId").asText();
        assertThat(world.alice().get("/v1/runs/" + runId, "Cookie", cookie).status()).isEqualTo(200);
        assertThat(world.alice().get("/v1/runs/" + runId).status()).isEqualTo(404);
        assertThat(world.alice().get("/v1/runs/" + runId, "Cookie", cookie,
                "Atlas-Workspace", world.workspaceA().toString()).status()).isEqualTo(404);
        assertThat(world.alice().get("/v1/runs", "Cookie", cookie).body()).contains(runId);

        // a workspace the caller is not in answers 404 like through the header; a malformed one 400 with where
        assertThat(world.bob().get("/v1/auth/me", "Cookie", cookie).status()).isEqualTo(404);
        assertThat(world.bob().get("/v1/runs", "Cookie", cookie).status()).isEqualTo(404);
        Api.Response malformed = world.bob().get("/v1/runs", "Cookie", "atlas-workspace=not-a-uuid");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().at("/errors/0/pointer").asText()).isEqualTo("/cookie/atlas-workspace");
    }

    @Test
    void everyEventOfAWorkspacesWorkCarriesItsWorkspaceAndItsPrincipal() {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select convert_from(meta_data, 'UTF8')::jsonb ->> 'workspaceId' as workspace,
                       convert_from(meta_data, 'UTF8')::jsonb ->> 'principal' as principal
                from domain_event_entry where aggregate_identifier = ?""", world.runId());
        assertThat(rows).hasSizeGreaterThan(4);
        assertThat(rows).allSatisfy(row -> assertThat(row.get("workspace")).isEqualTo(world.workspaceA().toString()));
        assertThat(rows).allSatisfy(row -> assertThat(row.get("principal")).isEqualTo(world.aliceName()));
        assertThat(jdbc.queryForObject("select workspace_id from runs where id = ?::uuid", UUID.class, world.runId()))
                .isEqualTo(world.workspaceA());
    }

    /** Read models under row-level security: a query that forgets its filter still sees only its scope's rows. */
    @Test
    void rowLevelSecurityHidesOtherWorkspacesRowsFromTheReader() {
        assertThat(seenAs(world.workspaceA().toString())).containsExactly(1L, 1L, 1L);
        assertThat(seenAs(UUID.randomUUID().toString())).containsExactly(0L, 0L, 0L);
        assertThat(seenAs("all")).containsExactly(1L, 1L, 1L);
        assertThat(seenAs("")).as("no scope set: nothing").containsExactly(0L, 0L, 0L);
    }

    /** How many rows of A's run the reader role sees: in {@code runs}, its creation event, and A's paper session's row. */
    private List<Long> seenAs(String scope) {
        return jdbc.execute((java.sql.Connection connection) -> {
            boolean auto = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (var set = connection.prepareStatement(
                    "select set_config('role', 'atlas_reader', true), set_config('atlas.scope', ?, true)");
                 var count = connection.prepareStatement("""
                         select (select count(*) from runs where id = ?::uuid),
                                (select count(*) from domain_event_entry where aggregate_identifier = ? and sequence_number = 0),
                                (select count(*) from paper_sessions where id = ?::uuid)""")) {
                set.setString(1, scope);
                set.execute();
                count.setString(1, world.runId());
                count.setString(2, world.runId());
                count.setString(3, world.sessionId());
                try (var rs = count.executeQuery()) {
                    rs.next();
                    return List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3));
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(auto);
            }
        });
    }

    // ---- the matrix's plumbing ------------------------------------------------------------------------

    private interface OperationVisitor {
        void visit(String method, String template, String role);
    }

    private static void forEachOperation(OperationVisitor visitor) {
        try {
            JsonNode paths = YAML.readTree(ContractSchemas.resourceText("contracts/openapi.yaml")).get("paths");
            for (Iterator<Map.Entry<String, JsonNode>> p = paths.fields(); p.hasNext(); ) {
                Map.Entry<String, JsonNode> path = p.next();
                for (Iterator<Map.Entry<String, JsonNode>> o = path.getValue().fields(); o.hasNext(); ) {
                    Map.Entry<String, JsonNode> op = o.next();
                    visitor.visit(op.getKey().toUpperCase(), path.getKey(), op.getValue().get("x-atlas-role").asText());
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A paper session of an item, slow enough to be running while the sweep tries it. */
    private static String paperSession(String itemId) {
        return "{\"portfolioItemId\":\"" + itemId + "\",\"scenario\":" + fixture("scenario-dsl", "trend-up-mid.json")
                + ",\"barEveryMs\":1000}";
    }

    /** The template with Alice's ids in it. */
    private static String path(String template) {
        boolean scenario = template.startsWith("/api/v1/scenarios/");
        return template.replace("{workspaceId}", world.workspaceA().toString())
                .replace("{username}", world.aliceName())
                .replace("{keyId}", world.aliceKeyId())
                .replace("{candidateId}", world.candidateId())
                .replace("{scenarioId}", world.scenarioId())
                .replace("{sessionId}", world.sessionId())
                .replace("{accountId}", world.accountId())
                .replace("{id}", scenario ? world.datasetId() : world.runId());
    }

    /** A body each write accepts (the caller is refused before it is read, or it names Alice's ids). */
    private static String body(String template, String method) {
        if (method.equals("GET") || method.equals("DELETE")) {
            return null;
        }
        return switch (template) {
            case "/v1/runs" -> "{\"prompt\":\"Create MA crossover strategy\"}";
            case "/v1/portfolio" -> "{\"name\":\"x\",\"runId\":\"" + world.runId() + "\",\"strategy\":"
                    + fixture("strategy-dsl", "channel-breakout.json") + "}";
            case "/api/v1/scenarios" -> fixture("scenario-dsl", "trend-up-mid.json");
            case "/api/v1/engine/t0" -> fixture("engine-backtest-request", "t0-inline-minimal.json");
            case "/api/v1/engine/t1" -> fixture("engine-backtest-request", "t1-full.json");
            case "/api/v1/orch/architect" -> fixture("architect-request", "with-seed.json");
            case "/api/v1/orch/synth" -> fixture("synth-request", "with-seed.json");
            case "/v1/workspaces/{workspaceId}/members/{username}" -> "{\"role\":\"viewer\"}";
            case "/v1/workspaces" -> "{\"name\":\"x " + UUID.randomUUID().toString().substring(0, 8) + "\"}";
            case "/v1/users" -> "{\"username\":\"u-" + UUID.randomUUID().toString().substring(0, 8)
                    + "\",\"password\":\"a long enough password\"}";
            case "/v1/auth/keys" -> "{\"name\":\"x\"}";
            case "/v1/paper-sessions" -> paperSession(world.itemId());
            case "/v1/paper-sessions/{sessionId}/release", "/v1/paper-accounts/{accountId}/release",
                 "/v1/kill-switch/release" -> "{\"reason\":\"sweep\"}";
            case "/v1/paper-sessions/{sessionId}/risk" -> fixture("session-risk-request", "tighter.json");
            case "/v1/dsl/validate", "/api/v1/dsl/validate" -> fixture("strategy-dsl", "channel-breakout.json");
            default -> "{}";
        };
    }

    private static String fixture(String schema, String name) {
        return ContractSchemas.resourceText("contracts/fixtures/valid/" + schema + "/" + name);
    }

    private HttpRequest.Builder json(String method, String path, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(api.base() + path));
        return builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
    }

    /** An answer with data (a refusal is a problem document, which has none) names none of A's items. */
    private static void assertNoTraceOfA(Api.Response response) {
        if (response.status() >= 300) {
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            return;
        }
        assertThat(response.body()).as("no trace of A's items in %s", response)
                .doesNotContain(world.runId()).doesNotContain(world.itemId()).doesNotContain(world.datasetId());
    }
}
