package io.heliox.atlas.web.fuzz;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.contracts.ContractSchemas;
import io.heliox.atlas.contracts.MalformedJsonException;
import io.heliox.atlas.web.scenario.ScenarioFixtures;
import io.heliox.atlas.web.support.Api;
import io.heliox.atlas.web.support.AtlasIntegrationTest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Schemathesis-style contract fuzzing, from {@code openapi.yaml}: every non-streaming operation is
 * called with generated requests — valid ones drawn from its schemas and broken ones (missing,
 * mistyped, extra and out-of-range fields, huge and unicode strings, malformed JSON, wrong content
 * type, oversized bodies, bad ids and query values). The contract's strict JSON Schemas say which
 * is which. Every answer must match the OpenAPI document ({@link Api} checks), valid requests
 * must get a 2xx (404 for an id that does not exist), invalid ones a 4xx problem, and nothing may
 * ever get a 5xx.
 *
 * <p>Fixed seed and size: {@code -Datlas.fuzz.seed}, {@code -Datlas.fuzz.requests} (1,200 in
 * {@code make test}, more in {@code make verify}). A failure names the seed and request index.
 */
class ContractFuzzTest extends AtlasIntegrationTest {

    private static final long SEED = Long.getLong("atlas.fuzz.seed", 20261124L);
    private static final int REQUESTS = Integer.getInteger("atlas.fuzz.requests", 1200);
    /** Bodies the server also checks against a (stricter) contract JSON Schema. */
    private static final Map<String, String> BODY_SCHEMAS = Map.ofEntries(
            Map.entry("createRun", ContractSchemas.START_RUN_REQUEST),
            Map.entry("saveStrategy", ContractSchemas.SAVE_PORTFOLIO_ITEM_REQUEST),
            Map.entry("cancelRun", ContractSchemas.CANCEL_RUN_REQUEST),
            Map.entry("generateScenario", ContractSchemas.SCENARIO_DSL),
            Map.entry("engineBacktestT0", ContractSchemas.ENGINE_BACKTEST_REQUEST),
            Map.entry("engineBacktestT1", ContractSchemas.ENGINE_BACKTEST_REQUEST),
            Map.entry("orchArchitect", ContractSchemas.ARCHITECT_REQUEST),
            Map.entry("orchSynth", ContractSchemas.SYNTH_REQUEST),
            Map.entry("setQuotas", ContractSchemas.QUOTA_REQUEST),
            Map.entry("setBilling", ContractSchemas.BILLING_REQUEST));
    /**
     * A backtest request that fits its schemas can still be refused on meaning (a strategy the DSL
     * validator rejects, a market outside the tier, a reference to no stored market): a 4xx is as
     * right as a 2xx for a generated one. Requests started from the contract's valid fixtures must
     * succeed. Either way never a 5xx, and every answer must match the OpenAPI document.
     */
    private static final Map<String, JsonNode> ENGINE_FIXTURES = Map.of(
            "engineBacktestT0", fixture("engine-backtest-request/t0-inline-minimal.json"),
            "engineBacktestT1", fixture("engine-backtest-request/t1-full.json"));

    private static final OpenApiInteractionValidator OPENAPI = OpenApiInteractionValidator
            .createForInlineApiSpecification(ContractSchemas.resourceText("contracts/openapi.yaml")).build();
    private static final List<JsonNode> SCENARIO_FIXTURES = ScenarioFixtures.specs().stream()
            .map(spec -> ContractSchemas.parseStrict(spec.canonicalJson().getBytes(StandardCharsets.UTF_8)))
            .toList();
    private final ContractSchemas contracts = new ContractSchemas();

    private record Op(String method, String path, Operation operation) {
        String id() {
            return operation.getOperationId();
        }
    }

    private record Call(String method, String path, String contentType, String body, boolean valid, boolean mayBeMissing,
                        String what, boolean mayBeRefused) {
        Call(String method, String path, String contentType, String body, boolean valid, boolean mayBeMissing, String what) {
            this(method, path, contentType, body, valid, mayBeMissing, what, false);
        }
    }

    private static JsonNode fixture(String name) {
        return ContractSchemas.parseStrict(ContractSchemas.resourceText("contracts/fixtures/valid/" + name)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The fuzz may engage the global kill switch (its key is an administrator's): it must not outlive the test. */
    @org.junit.jupiter.api.AfterEach
    void releaseTheGlobalKillSwitch() {
        api.postJson("/v1/kill-switch/release", "{\"reason\":\"fuzz over\"}");
    }

    @Test
    void validRequestsGet2xxInvalidOnes4xxAndNothingA5xx() {
        List<String> runIds = new ArrayList<>(List.of(startRun("{\"prompt\":\"Create MA crossover strategy (fuzz seed run)\"}")));
        // The seed run's own results and packages, so their success paths are fuzzed too.
        List<String> packagedUrls = packagedUrls(runIds.get(0));
        Map<String, int[]> tally = fuzz(api, SEED, REQUESTS, runIds, packagedUrls);

        System.out.printf("contract fuzz: seed %d, %d requests; per operation [2xx, 4xx, 5xx]:%n", SEED, REQUESTS);
        tally.forEach((op, counts) -> System.out.printf("  %-16s %5d %5d %5d%n", op, counts[0], counts[1], counts[2]));
        // Leave no backlog for the tests that share this application.
        await(Duration.ofSeconds(120), "the fuzz runs to finish", () -> runIds.stream().allMatch(id ->
                List.of("COMPLETED", "FAILED").contains(api.get("/v1/runs/" + id).json().get("status").asText())));
    }

    /**
     * The same requests without credentials: every operation but the open ones (health, version,
     * login) answers 401 whatever the request (or a 4xx for one broken before it is read, such as a
     * NUL in the query); the open ones keep their rules; never a 5xx.
     */
    @Test
    void anAnonymousCallerGets401FromEveryProtectedOperationAndNothingA5xx() {
        List<String> runIds = List.of(startRun("{\"prompt\":\"fuzz anonymous\",\"options\":{\"mode\":\"mock\"}}"));
        int requests = Math.max(300, REQUESTS / 4);
        Map<String, int[]> tally = fuzz(api.anonymous(), SEED + 1, requests, new ArrayList<>(runIds),
                // links of the kinds the authenticated fuzz follows; without credentials they answer 401 alike
                List.of("/v1/runs/" + runIds.get(0) + "/package", "/v1/runs/" + runIds.get(0) + "/results/any/trend_up_mid"));
        System.out.printf("anonymous contract fuzz: seed %d, %d requests; per operation [2xx, 4xx, 5xx]:%n", SEED + 1, requests);
        tally.forEach((op, counts) -> System.out.printf("  %-16s %5d %5d %5d%n", op, counts[0], counts[1], counts[2]));
        assertThat(tally.keySet()).contains("createRun", "login", "health");
    }

    /** {@code requests} generated calls through {@code client}; fails with every broken rule. Per operation: [2xx, 4xx, 5xx]. */
    private Map<String, int[]> fuzz(Api client, long seed, int requests, List<String> runIds, List<String> packagedUrls) {
        List<Op> ops = operations();
        assertThat(ops).extracting(Op::id).contains("createRun", "getRun", "listRuns", "saveStrategy", "auditEvents");
        boolean anonymous = client.apiKey() == null;
        SplittableRandom random = new SplittableRandom(seed);
        InstanceGenerator generator = new InstanceGenerator(random.split());
        Mutator mutator = new Mutator(random.split());
        List<String> scenarioIds = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Map<String, int[]> tally = new TreeMap<>();

        for (int i = 0; i < requests && failures.size() < 20; i++) {
            Op op = ops.get(random.nextInt(ops.size()));
            Call call = (op.id().equals("getRunResult") || op.id().equals("downloadPackage")) && random.nextBoolean()
                    ? known(op, packagedUrls, random)
                    : build(op, random, generator, mutator, runIds, scenarioIds);
            Api.Response response;
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(client.base() + call.path()));
                request = request.method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8));
                response = call.contentType() == null ? client.send(request, call.method(), call.path())
                        : client.send(request, call.method(), call.path(), "Content-Type", call.contentType());
            } catch (AssertionError contractMismatch) {
                failures.add("#" + i + " " + call.what() + ": " + contractMismatch.getMessage());
                continue;
            }
            int status = response.status();
            tally.computeIfAbsent(op.id(), k -> new int[3])[status >= 500 ? 2 : status >= 400 ? 1 : 0]++;
            boolean open = op.operation().getSecurity() != null && op.operation().getSecurity().isEmpty();
            boolean ok = status < 500 && (anonymous && !open
                    ? status == 401 || (!call.valid() && status / 100 == 4)
                    : call.valid()
                    ? status / 100 == 2 || (call.mayBeMissing() && status == 404) || (call.mayBeRefused() && status / 100 == 4)
                    : status / 100 == 4);
            if (!ok) {
                failures.add("#" + i + " " + call.what() + " (valid=" + call.valid() + ") -> " + status + " "
                        + abbreviate(response.body()));
            }
            if (status == 201 && op.id().equals("createRun")) {
                runIds.add(response.json().get("runId").asText());
            }
            if (status / 100 == 2 && op.id().equals("generateScenario")) {
                scenarioIds.add(response.json().get("scenario_id").asText());
            }
        }
        assertThat(failures).as("seed %d", seed).isEmpty();
        tally.values().forEach(counts -> assertThat(counts[2]).isZero());
        return tally;
    }

    /** The detail links of a finished run's t0 results and its package links (one per ranked candidate). */
    private List<String> packagedUrls(String runId) {
        List<String> urls = new ArrayList<>();
        for (var event : api.events(runId).events()) {
            JsonNode payload = event.json().get("payload");
            if (event.type().equals("artifact") && event.json().get("phase").asText().equals("t0")) {
                payload.get("results").forEach(r -> urls.add(r.get("detailUrl").asText()));
                payload.get("ranking").forEach(r -> urls.add("/v1/runs/" + runId + "/package?candidate="
                        + r.get("candidateId").asText()));
            }
        }
        assertThat(urls).as("the seed run's results and packages").isNotEmpty();
        return urls;
    }

    /** A request for a result or package that exists: must be a 2xx matching the contract. */
    private static Call known(Op op, List<String> urls, SplittableRandom random) {
        String prefix = op.id().equals("getRunResult") ? "/results/" : "/package";
        List<String> own = urls.stream().filter(u -> u.contains(prefix)).toList();
        String path = own.get(random.nextInt(own.size()));
        return new Call("GET", path, null, null, true, false, "GET " + path + " (known)");
    }

    private Call build(Op op, SplittableRandom random, InstanceGenerator generator, Mutator mutator, List<String> runIds,
                       List<String> scenarioIds) {
        boolean valid = true;
        boolean mayBeMissing = false;
        StringBuilder what = new StringBuilder(op.method() + " " + op.path());
        String path = op.path();
        List<String> query = new ArrayList<>();
        for (Parameter parameter : parameters(op)) {
            if ("path".equals(parameter.getIn())) {
                String value;
                switch (random.nextInt(4)) {
                    case 0 -> { value = UUID.randomUUID().toString(); mayBeMissing = true; }
                    case 1 -> { value = garbageId(random); valid = false; what.append(" bad-id"); }
                    default -> {
                        boolean scenarioPath = op.path().startsWith("/api/v1/scenarios/");
                        value = scenarioPath && !scenarioIds.isEmpty()
                                ? scenarioIds.get(random.nextInt(scenarioIds.size()))
                                : runIds.get(random.nextInt(runIds.size()));
                        mayBeMissing |= !op.path().startsWith("/v1/runs/") && !(scenarioPath && !scenarioIds.isEmpty());
                    }
                }
                path = path.replace("{" + parameter.getName() + "}", URLEncoder.encode(value, StandardCharsets.UTF_8));
            } else if ("query".equals(parameter.getIn()) && random.nextInt(3) == 0) {
                if (parameter.getName().equals("to") && query.stream().anyMatch(q -> q.startsWith("from="))) {
                    continue; // from < to is a rule of its own, checked by ApiContractTest
                }
                String value;
                if (random.nextInt(5) == 0) {
                    value = random.nextBoolean() ? "-1" : random.nextBoolean() ? "abc" : "99999999999999999999";
                    if (!isFreeText(parameter)) {
                        valid = false; // any text is a valid aggregate id, type or principal filter
                    }
                    what.append(" bad-").append(parameter.getName());
                } else if (parameter.getName().equals("cursor")) {
                    continue; // only cursors this server issued are valid; the paging tests use those
                } else {
                    JsonNode drawn = generator.instance(parameter.getSchema());
                    value = drawn.isTextual() ? drawn.asText() : drawn.toString();
                    if (value.indexOf('\u0000') >= 0) {
                        valid = false; // refused in query parameters too (QueryHygieneFilter)
                    }
                }
                query.add(parameter.getName() + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        if (!query.isEmpty()) {
            path = path + "?" + String.join("&", query);
        }
        // A run's results and packages exist only once its t0 (pack) finished, and only for its own
        // candidates: a 404 is a right answer to a well-formed request for one.
        mayBeMissing |= op.id().equals("getRunResult") || op.id().equals("downloadPackage");
        if (op.operation().getRequestBody() == null) {
            // the test installation has no billing provider: a push is refused with 409
            return new Call(op.method(), path, null, null, valid, mayBeMissing, what.toString(),
                    op.id().equals("pushBilling"));
        }
        if (op.id().equals("verifyPackage")) {
            return packageUpload(op, path, random, what, mayBeMissing);
        }

        Schema<?> bodySchema = op.operation().getRequestBody().getContent().get("application/json").getSchema();
        // Random family parameters almost never make a valid scenario; a third of the time start
        // from one of the contract's valid scenario fixtures so the success path is fuzzed too.
        boolean engine = ENGINE_FIXTURES.containsKey(op.id());
        boolean fromFixture = random.nextInt(3) == 0;
        JsonNode drawn = op.id().equals("generateScenario") && fromFixture
                ? SCENARIO_FIXTURES.get(random.nextInt(SCENARIO_FIXTURES.size()))
                : engine && fromFixture ? ENGINE_FIXTURES.get(op.id()).deepCopy()
                : generator.instance(bodySchema);
        if (drawn instanceof ObjectNode object && object.path("options") instanceof ObjectNode options) {
            options.remove("mockStepDelayMs"); // slow mock steps would hold the shared worker for seconds
        }
        String body = drawn.toString();
        String contentType = "application/json";
        int roll = random.nextInt(20);
        if (roll == 0) {
            contentType = random.nextBoolean() ? "text/plain" : "application/x-www-form-urlencoded";
            what.append(" wrong-content-type");
            return new Call(op.method(), path, contentType, body, false, mayBeMissing, what.toString());
        }
        if (roll == 1) {
            what.append(" oversized");
            return new Call(op.method(), path, contentType, "{\"prompt\":\"" + "y".repeat(300_000) + "\"}", false,
                    mayBeMissing, what.toString());
        }
        boolean mutated = roll < 11;
        if (mutated) {
            Mutator.Mutation mutation = mutator.mutate(drawn);
            body = mutation.body();
            what.append(" ").append(mutation.name());
        }
        // Refusals on meaning are as right as a 2xx: a market outside a tier or a strategy the DSL
        // rejects (engine), a scenario whose parameters fit the schema but not the model (e.g. GARCH
        // alpha + beta >= 1 is not stationary), a generated blueprint contradictory enough that no 3
        // candidates survive the policy (422). Bodies started from valid fixtures must still succeed.
        boolean scenario = op.id().equals("generateScenario");
        // A well-formed login with made-up credentials is refused (401, or 429 once throttled); a
        // new key may exceed the keys a user may hold (409) or expire in the past (400); a user or
        // workspace name may be taken (409) or break a rule the schema cannot state (400); a member
        // or user named at random does not exist (404); the last admin stays (409).
        boolean identity = java.util.Set.of("login", "createApiKey", "createUser", "createWorkspace", "setMember",
                "setUserRateLimit").contains(op.id());
        // a strategy saved from a run names the run: one the caller's workspace does not have is a 404
        mayBeMissing |= op.id().equals("saveStrategy") && body.contains("\"runId\"");
        // a paper session deploys a portfolio item named in the body: one drawn at random does not exist
        mayBeMissing |= op.id().equals("startPaperSession");
        boolean mayBeRefused = (engine || scenario) && (mutated || !fromFixture) || op.id().equals("orchSynth") || identity;
        return new Call(op.method(), path, contentType, body, valid && bodyIsValid(op, path, body), mayBeMissing,
                what.toString(), mayBeRefused);
    }

    /**
     * A package upload: random bytes as text (valid: the verdict, valid false, is a 200), an empty
     * body (400) or a wrong content type (415). The byte-level tampering is PromptToPackageTest's
     * and the verifier's own fuzz test's; this checks the HTTP edges.
     */
    private static Call packageUpload(Op op, String path, SplittableRandom random, StringBuilder what,
                                      boolean mayBeMissing) {
        int roll = random.nextInt(10);
        if (roll == 0) {
            return new Call(op.method(), path, "application/vnd.heliox.hsp", "", false, mayBeMissing,
                    what.append(" empty").toString());
        }
        if (roll == 1) {
            return new Call(op.method(), path, "application/json", "{}", false, mayBeMissing,
                    what.append(" wrong-content-type").toString());
        }
        StringBuilder junk = new StringBuilder();
        int length = 1 + random.nextInt(400);
        for (int i = 0; i < length; i++) {
            junk.append((char) (0x20 + random.nextInt(0x5f)));
        }
        String type = random.nextBoolean() ? "application/vnd.heliox.hsp" : "application/octet-stream";
        return new Call(op.method(), path, type, junk.toString(), true, mayBeMissing, what.append(" junk").toString());
    }

    /**
     * What the contract says of a body: malformed JSON never passes; then the OpenAPI document's
     * request schema decides, and where the server checks a stricter JSON Schema, that one too.
     */
    private boolean bodyIsValid(Op op, String path, String body) {
        JsonNode tree;
        try {
            tree = ContractSchemas.parseStrict(body.getBytes(StandardCharsets.UTF_8));
        } catch (MalformedJsonException e) {
            return false;
        }
        SimpleRequest request = new SimpleRequest.Builder(op.method(), path.contains("?") ? path.substring(0, path.indexOf('?')) : path)
                .withContentType("application/json").withBody(body).build();
        boolean openApiValid = OPENAPI.validateRequest(request).getMessages().stream()
                .noneMatch(m -> m.getLevel() == ValidationReport.Level.ERROR && m.getKey().startsWith("validation.request.body"));
        String schema = BODY_SCHEMAS.get(op.id());
        // U+0000 is refused in every string (PostgreSQL cannot store it; see RequestBodies)
        return openApiValid && !body.contains("\\u0000") && (schema == null || contracts.validate(schema, tree).isEmpty());
    }

    private static boolean isFreeText(Parameter parameter) {
        Schema<?> schema = parameter.getSchema();
        return "string".equals(schema.getType()) && schema.getFormat() == null && schema.getPattern() == null
                && schema.getEnum() == null && !parameter.getName().equals("cursor"); // cursors are opaque tokens
    }

    private static String garbageId(SplittableRandom random) {
        String[] ids = {"not-a-uuid", "123", "%00", "' or 1=1 --", "中文", "../../etc/passwd",
                "00000000-0000-0000-0000-00000000000Z"};
        return ids[random.nextInt(ids.length)];
    }

    private static List<Parameter> parameters(Op op) {
        return op.operation().getParameters() == null ? List.of() : op.operation().getParameters();
    }

    private static List<Op> operations() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        OpenAPI spec = new OpenAPIV3Parser()
                .readContents(ContractSchemas.resourceText("contracts/openapi.yaml"), null, options).getOpenAPI();
        List<Op> ops = new ArrayList<>();
        spec.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            boolean streaming = operation.getResponses().values().stream().anyMatch(r -> r.getContent() != null
                    && r.getContent().containsKey("text/event-stream"));
            if (!streaming && !path.startsWith("/actuator")) {
                ops.add(new Op(method.name(), path, operation));
            }
        }));
        return ops;
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

}
