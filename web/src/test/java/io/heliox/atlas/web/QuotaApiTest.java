package io.heliox.atlas.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.heliox.atlas.command.application.identity.Principal;
import io.heliox.atlas.contracts.ContractSchemas;
import io.heliox.atlas.web.support.Api;
import io.heliox.atlas.command.application.usage.PendingBacktestBars;
import io.heliox.atlas.web.support.AtlasIntegrationTest;
import io.heliox.atlas.web.support.SseRead;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Workspace quotas and the usage ledger over HTTP: each quota refuses with 429 naming it, the
 * ledger is the WorkspaceUsage aggregate's events, and a month's usage comes out as invoice lines
 * in JSON and CSV. Every workspace here is new, so the installation's other tests cannot use it up.
 */
class QuotaApiTest extends AtlasIntegrationTest {

    private static final String MONTH = YearMonth.now(ZoneOffset.UTC).toString();

    @Autowired
    private PendingBacktestBars pendingBars;

    /** A new user, admin of their own new workspace, with a key. */
    private record Owner(Principal user, UUID workspace, Api api) {
    }

    private Owner owner(String prefix) {
        Principal user = newUser(prefix);
        UUID workspace = workspaces.defaultWorkspace(user.userId()).orElseThrow();
        return new Owner(user, workspace, api.withKey(identity.issueKey(user.userId(), "k", null).key()));
    }

    private Api.Response put(Api who, String path, String body) {
        return who.putJson(path, body);
    }

    private static Map<String, JsonNode> byQuota(Api.Response quotas) {
        Map<String, JsonNode> out = new HashMap<>();
        quotas.json().get("quotas").forEach(q -> out.put(q.get("quota").asText(), q));
        return out;
    }

    private static void assertQuotaExceeded(Api.Response response, String quota, long limit) {
        assertThat(response.status()).as(response.toString()).isEqualTo(429);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).endsWith("/quota-exceeded");
        assertThat(response.json().get("quota").asText()).isEqualTo(quota);
        assertThat(response.json().get("limit").asLong()).isEqualTo(limit);
        assertThat(response.json().get("detail").asText()).contains(quota);
    }

    @Test
    void runsPerDayIsCountedAndRefusedWith429NamingTheQuota() {
        Owner alice = owner("quota-runs");
        Map<String, JsonNode> before = byQuota(alice.api().get("/v1/workspaces/" + alice.workspace() + "/quotas"));
        assertThat(before.keySet()).containsExactlyInAnyOrder("runsPerDay", "concurrentRuns", "modelTokensPerDay",
                "scenarioBarsPerRequest", "scenarioBarsStored", "storageBytes");
        assertThat(before.get("runsPerDay").get("used").asLong()).isZero();
        assertThat(before.get("runsPerDay").get("source").asText()).isEqualTo("installation");
        assertThat(before.get("scenarioBarsPerRequest").get("used").isNull()).isTrue();

        Api.Response set = put(alice.api(), "/v1/workspaces/" + alice.workspace() + "/quotas", "{\"runsPerDay\":2}");
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(byQuota(set).get("runsPerDay").get("limit").asLong()).isEqualTo(2);
        assertThat(byQuota(set).get("runsPerDay").get("source").asText()).isEqualTo("workspace");
        assertThat(byQuota(set).get("concurrentRuns").get("source").asText()).isEqualTo("installation");

        List<String> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Api.Response started = alice.api().postJson("/v1/runs", "{\"prompt\":\"Create MA crossover strategy\"}");
            assertThat(started.status()).as(started.toString()).isEqualTo(201);
            runs.add(started.json().get("runId").asText());
        }
        Api.Response third = alice.api().postJson("/v1/runs", "{\"prompt\":\"Create MA crossover strategy\"}");
        assertQuotaExceeded(third, "runsPerDay", 2);
        assertThat(third.json().get("used").asLong()).isEqualTo(2);
        assertThat(Long.parseLong(third.header("Retry-After"))).isBetween(1L, 86_400L);
        assertThat(byQuota(alice.api().get("/v1/workspaces/" + alice.workspace() + "/quotas")).get("runsPerDay")
                .get("used").asLong()).isEqualTo(2);
        // the refused run left nothing behind
        assertThat(alice.api().get("/v1/runs").json().get("items")).hasSize(2);
        runs.forEach(run -> assertThat(alice.api().events(run).completed()).isTrue());

        // the ledger is the workspace's own event stream, with who asked in every event's metadata
        List<Map<String, Object>> ledger = jdbc.queryForList("""
                select payload_type, convert_from(meta_data, 'UTF8') as meta from domain_event_entry
                where aggregate_identifier = ? order by sequence_number""", "usage:" + alice.workspace());
        List<String> types = ledger.stream().map(row -> row.get("payload_type").toString().replaceAll(".*\\.", "")).toList();
        assertThat(types).startsWith("QuotasSetEvent", "RunAdmittedEvent");
        assertThat(types).filteredOn("RunAdmittedEvent"::equals).as("the refused run was not admitted").hasSize(2);
        assertThat(types).contains("ModelTokensReservedEvent", "UsageRecordedEvent");
        assertThat(ledger.get(1).get("meta").toString()).contains(alice.user().username())
                .contains(alice.workspace().toString());
        await(Duration.ofSeconds(10), "both runs' slots freed", () -> byQuota(
                alice.api().get("/v1/workspaces/" + alice.workspace() + "/quotas")).get("concurrentRuns").get("used").asLong() == 0);
        // the ledger is loaded from snapshots (every 5 events in tests) and decides the same
        await(Duration.ofSeconds(10), "a snapshot of the ledger", () -> jdbc.queryForObject(
                "select count(*) from snapshot_event_entry where aggregate_identifier = ?", Long.class,
                "usage:" + alice.workspace()) > 0);
        assertQuotaExceeded(alice.api().postJson("/v1/runs", "{\"prompt\":\"Create MA crossover strategy\"}"),
                "runsPerDay", 2);
    }

    @Test
    void concurrentRunsHoldASlotUntilTheRunEnds() {
        Owner bob = owner("quota-slots");
        assertThat(put(bob.api(), "/v1/workspaces/" + bob.workspace() + "/quotas", "{\"concurrentRuns\":1}").status())
                .isEqualTo(200);
        // the system administrator's slow mock run in Bob's workspace (test options are theirs)
        String[] inBob = {"Atlas-Workspace", bob.workspace().toString()};
        Api.Response slow = api.postJson("/v1/runs",
                "{\"prompt\":\"slow\",\"options\":{\"mode\":\"mock\",\"mockStepDelayMs\":300}}", inBob);
        assertThat(slow.status()).as(slow.toString()).isEqualTo(201);
        Api.Response second = bob.api().postJson("/v1/runs", "{\"prompt\":\"Create MA crossover strategy\"}");
        assertQuotaExceeded(second, "concurrentRuns", 1);
        assertThat(second.header("Retry-After")).isNotNull();
        assertThat(api.events(slow.json().get("runId").asText()).completed()).isTrue();
        await(Duration.ofSeconds(10), "the slot freed", () -> byQuota(
                bob.api().get("/v1/workspaces/" + bob.workspace() + "/quotas")).get("concurrentRuns").get("used").asLong() == 0);
        Api.Response third = bob.api().postJson("/v1/runs", "{\"prompt\":\"Create MA crossover strategy\"}");
        assertThat(third.status()).as(third.toString()).isEqualTo(201);
        assertThat(bob.api().events(third.json().get("runId").asText()).completed()).isTrue();
    }

    @Test
    void aWorkspaceAdminMayLowerQuotasButOnlyTheSystemAdministratorRaisesThem() {
        Owner carol = owner("quota-admin");
        String path = "/v1/workspaces/" + carol.workspace() + "/quotas";
        long installation = byQuota(carol.api().get(path)).get("runsPerDay").get("installationDefault").asLong();
        Api.Response raised = put(carol.api(), path, "{\"runsPerDay\":" + (installation + 1) + ",\"concurrentRuns\":1}");
        assertThat(raised.status()).as(raised.toString()).isEqualTo(403);
        assertThat(raised.json().at("/errors/0/pointer").asText()).isEqualTo("/runsPerDay");
        assertThat(byQuota(carol.api().get(path)).get("concurrentRuns").get("source").asText())
                .as("nothing of a refused request is kept").isEqualTo("installation");

        Api.Response bySysadmin = put(api, path, "{\"runsPerDay\":" + (installation + 1) + "}");
        assertThat(bySysadmin.status()).as(bySysadmin.toString()).isEqualTo(200);
        assertThat(byQuota(bySysadmin).get("runsPerDay").get("limit").asLong()).isEqualTo(installation + 1);

        Api.Response invalid = put(carol.api(), path, "{\"runsPerDay\":-1,\"runs\":3}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").toString()).contains("/runsPerDay");

        Principal viewer = newUser("quota-viewer");
        assertThat(put(carol.api(), "/v1/workspaces/" + carol.workspace() + "/members/" + viewer.username(),
                "{\"role\":\"viewer\"}").status()).isEqualTo(200);
        Api viewerApi = api.withKey(identity.issueKey(viewer.userId(), "k", null).key());
        String[] inCarol = {"Atlas-Workspace", carol.workspace().toString()};
        assertThat(viewerApi.get(path).status()).as("a viewer reads the quotas").isEqualTo(200);
        assertThat(put(viewerApi, path, "{}").status()).isEqualTo(403);
        assertThat(viewerApi.get("/v1/workspaces/" + carol.workspace() + "/usage", inCarol).status())
                .as("usage is for admins").isEqualTo(403);
        // back to the defaults
        assertThat(byQuota(put(carol.api(), path, "{}")).get("runsPerDay").get("source").asText()).isEqualTo("installation");
    }

    @Test
    void modelTokensOfTheDayBoundRunsAndOrchCallsAlike() {
        Owner dave = owner("quota-tokens");
        String path = "/v1/workspaces/" + dave.workspace() + "/quotas";
        assertThat(put(dave.api(), path, "{\"modelTokensPerDay\":200}").status()).isEqualTo(200);

        Api.Response orch = dave.api().postJson("/api/v1/orch/architect", "{\"prompt\":\"Create MA crossover strategy\",\"seed\":1}");
        assertQuotaExceeded(orch, "modelTokensPerDay", 200);

        String runId = dave.api().postJson("/v1/runs", "{\"prompt\":\"Create MA crossover strategy\"}").json()
                .get("runId").asText();
        SseRead stream = dave.api().events(runId);
        JsonNode error = stream.events().get(stream.events().size() - 1).json();
        assertThat(error.at("/payload/code").asText()).isEqualTo("quota.model_tokens_exceeded");
        assertThat(error.at("/payload/message").asText()).contains("modelTokensPerDay");
        assertThat(dave.api().get("/v1/runs/" + runId).json().at("/summary/error/code").asText())
                .isEqualTo("quota.model_tokens_exceeded");

        // with room, the same call is metered by provider and model, like a run's
        assertThat(put(dave.api(), path, "{}").status()).isEqualTo(200);
        Api.Response drafted = dave.api().postJson("/api/v1/orch/architect", "{\"prompt\":\"Create MA crossover strategy\",\"seed\":1}");
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(200);
        String run = dave.api().postJson("/v1/runs", "{\"prompt\":\"Create MA crossover strategy\"}").json()
                .get("runId").asText();
        assertThat(dave.api().events(run).completed()).isTrue();
        long used = byQuota(dave.api().get(path)).get("modelTokensPerDay").get("used").asLong();
        assertThat(used).as("the orch call's tokens and the run's").isGreaterThan(1_000);

        JsonNode report = dave.api().get("/v1/workspaces/" + dave.workspace() + "/usage?month=" + MONTH).json();
        JsonNode tokens = line(report, "modelTokens");
        assertThat(tokens.get("provider").asText()).isEqualTo("local");
        assertThat(tokens.get("model").asText()).isEqualTo("atlas-local-1");
        assertThat(tokens.get("unit").asText()).isEqualTo("token");
        assertThat(tokens.get("quantity").asLong()).isEqualTo(used);
        assertThat(line(report, "runs").get("quantity").asLong()).isEqualTo(2);
        List<String> references = jdbc.queryForList("""
                select distinct convert_from(payload, 'UTF8')::jsonb ->> 'reference' from domain_event_entry
                where aggregate_identifier = ? and payload_type like '%UsageRecordedEvent'""", String.class,
                "usage:" + dave.workspace());
        assertThat(references).contains("orch", run);
    }

    @Test
    void scenarioBarsPerRequestAndKeptAreQuotas() {
        Owner erin = owner("quota-bars");
        String path = "/v1/workspaces/" + erin.workspace() + "/quotas";
        assertThat(put(erin.api(), path, "{\"scenarioBarsPerRequest\":1500,\"scenarioBarsStored\":2500}").status())
                .isEqualTo(200);
        Api.Response tooLong = erin.api().postJson("/api/v1/scenarios", scenario("erin-long", 2000));
        assertQuotaExceeded(tooLong, "scenarioBarsPerRequest", 1500);
        assertThat(tooLong.json().get("requested").asLong()).isEqualTo(2000);

        assertThat(erin.api().postJson("/api/v1/scenarios", scenario("erin-a", 1200)).status()).isEqualTo(201);
        assertThat(erin.api().postJson("/api/v1/scenarios", scenario("erin-a", 1200)).status())
                .as("the same dataset again is kept once").isIn(200, 201);
        Map<String, JsonNode> quotas = byQuota(erin.api().get(path));
        assertThat(quotas.get("scenarioBarsStored").get("used").asLong()).isEqualTo(1200);
        assertThat(quotas.get("storageBytes").get("used").asLong()).isPositive();
        Api.Response over = erin.api().postJson("/api/v1/scenarios", scenario("erin-b", 1400));
        assertQuotaExceeded(over, "scenarioBarsStored", 2500);
        assertThat(over.header("Retry-After")).isNull();
        assertThat(erin.api().get("/api/v1/scenarios/erin-b").status()).as("a refused dataset is not the workspace's")
                .isEqualTo(404);

        JsonNode report = erin.api().get("/v1/workspaces/" + erin.workspace() + "/usage?month=" + MONTH).json();
        assertThat(line(report, "scenarioBars").get("quantity").asLong()).isEqualTo(1200);
        assertThat(line(report, "storageBytes").get("quantity").asLong())
                .isEqualTo(quotas.get("storageBytes").get("used").asLong());
    }

    @Test
    void usageIsExportedAsInvoiceLinesInJsonAndCsv() {
        Owner fay = owner("quota-export");
        String runId = fay.api().postJson("/v1/runs", "{\"prompt\":\"Create MA crossover strategy\"}").json()
                .get("runId").asText();
        assertThat(fay.api().events(runId).completed()).isTrue();
        String usage = "/v1/workspaces/" + fay.workspace() + "/usage";
        JsonNode report = fay.api().get(usage + "?month=" + MONTH).json();
        assertThat(report.get("month").asText()).isEqualTo(MONTH);
        // the JSON Schemas the UI's fixtures are checked against describe what the server sends
        ContractSchemas schemas = new ContractSchemas();
        assertThat(schemas.validate("usage-report", report)).isEmpty();
        assertThat(schemas.validate("workspace-quotas",
                fay.api().get("/v1/workspaces/" + fay.workspace() + "/quotas").json())).isEmpty();
        assertThat(line(report, "runs").get("quantity").asLong()).isEqualTo(1);
        assertThat(line(report, "backtestBars").get("quantity").asLong()).as("the bars its t0 simulated").isPositive();
        assertThat(line(report, "backtestBars").get("unit").asText()).isEqualTo("bar");
        assertThat(report.get("days")).isNotEmpty();
        assertThat(fay.api().get(usage).json().get("month").asText()).as("this month by default").isEqualTo(MONTH);

        Api.Response csv = fay.api().get(usage + "?month=" + MONTH, "Accept", "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        String[] rows = csv.body().split("\r\n");
        assertThat(rows[0]).isEqualTo("workspace_id,month,meter,provider,model,unit,quantity");
        assertThat(rows).contains(fay.workspace() + "," + MONTH + ",runs,,,run,1");
        assertThat(rows).hasSize(report.get("lines").size() + 1);
        assertThat(fay.api().get(usage + "?format=csv&month=" + MONTH).body()).isEqualTo(csv.body());

        assertThat(fay.api().get(usage + "?month=2026-13").status()).isEqualTo(400);
        assertThat(fay.api().get(usage + "?month=2026-13").json().at("/errors/0/pointer").asText())
                .isEqualTo("/query/month");
        assertThat(fay.api().get(usage + "?month=1999-01").json().get("lines")).isEmpty();
        // another workspace's usage is not there to see
        Owner other = owner("quota-other");
        assertThat(other.api().get(usage).status()).isEqualTo(404);
    }

    @Test
    void engineBacktestsAreMeteredAfterTheAnswerInTheCallersName() {
        Owner gil = owner("quota-engine");
        // a seed of its own: a scenario the engine has not simulated before (a cached answer simulates nothing)
        String body = ContractSchemas.resourceText("contracts/fixtures/valid/engine-backtest-request/t0-inline-minimal.json")
                .replace("\"seed\": 42", "\"seed\": " + (1_000_000 + new java.util.Random().nextInt(1_000_000)));
        Api.Response answer = gil.api().postJson("/api/v1/engine/t0", body);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        // recorded after the answer (in a batch within seconds), in the caller's name
        String usage = "/v1/workspaces/" + gil.workspace() + "/usage?month=" + MONTH;
        await(Duration.ofSeconds(20), "the engine's bars in the ledger", () -> gil.api().get(usage).json()
                .get("lines").findValuesAsText("meter").contains("backtestBars"));
        List<Map<String, Object>> recorded = jdbc.queryForList("""
                select convert_from(payload, 'UTF8')::jsonb as payload, convert_from(meta_data, 'UTF8') as meta
                from domain_event_entry where aggregate_identifier = ? and payload_type like '%UsageRecordedEvent'""",
                "usage:" + gil.workspace());
        assertThat(recorded).hasSize(1);
        recorded.forEach(row -> {
            assertThat(row.get("payload").toString()).contains("\"reference\": \"engine\"");
            assertThat(row.get("meta").toString()).contains(gil.user().username());
        });
        assertThat(line(gil.api().get(usage).json(), "backtestBars").get("quantity").asLong())
                .as("the scenario's bars").isEqualTo(1000);
        assertThat(jdbc.queryForObject("select count(*) from backtest_bars_pending where workspace_id = ?", Long.class,
                gil.workspace())).as("recorded rows are gone with the same commit").isZero();
    }

    @Test
    void waitingEngineBarsAreRecordedOncePerPrincipalAndDay() {
        Owner hal = owner("quota-engine-batch");
        Principal ida = newUser("quota-engine-batch-ida");
        Instant now = Instant.now();
        for (int i = 1; i <= 20; i++) {
            pendingBars.add(hal.workspace(), i, now, (i % 4 == 0 ? ida : hal.user()).username());
        }
        pendingBars.flush(); // the scheduled flush may take some rows first: the sums are the same either way
        await(Duration.ofSeconds(20), "every row recorded", () -> jdbc.queryForObject(
                "select count(*) from backtest_bars_pending where workspace_id = ?", Long.class, hal.workspace()) == 0);
        List<Map<String, Object>> recorded = jdbc.queryForList("""
                select (convert_from(payload, 'UTF8')::jsonb ->> 'quantity')::bigint as bars,
                       convert_from(meta_data, 'UTF8')::jsonb ->> 'principal' as principal
                from domain_event_entry where aggregate_identifier = ? and payload_type like '%UsageRecordedEvent'""",
                "usage:" + hal.workspace());
        Map<String, Long> byPrincipal = new HashMap<>();
        recorded.forEach(row -> byPrincipal.merge(row.get("principal").toString(), ((Number) row.get("bars")).longValue(),
                Long::sum));
        assertThat(byPrincipal).containsOnly(Map.entry(hal.user().username(), 150L),
                Map.entry(ida.username(), 60L)); // 4 + 8 + ... + 20; the rest 150
        assertThat(line(hal.api().get("/v1/workspaces/" + hal.workspace() + "/usage?month=" + MONTH).json(), "backtestBars")
                .get("quantity").asLong()).isEqualTo(210);
    }

    private static JsonNode line(JsonNode report, String meter) {
        for (JsonNode line : report.get("lines")) {
            if (line.get("meter").asText().equals(meter)) {
                return line;
            }
        }
        throw new AssertionError("no " + meter + " line in " + report);
    }

    private static String scenario(String id, int bars) {
        return """
                {"id":"%s","version":"0.1","timeframe":"1h","duration_bars":%d,"seed":7,
                 "family":"trend","params":{"drift":2,"sigma":80},"volume_model":"lognormal"}""".formatted(id, bars);
    }
}
