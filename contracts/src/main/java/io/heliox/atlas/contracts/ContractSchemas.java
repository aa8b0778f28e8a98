package io.heliox.atlas.contracts;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.everit.json.schema.Schema;
import org.everit.json.schema.ValidationException;
import org.everit.json.schema.loader.SchemaClient;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONObject;
import org.json.JSONTokener;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The contract's JSON Schemas (draft-07, {@code contracts/schemas/*.schema.json} on the classpath),
 * loaded once and used to validate request bodies, phase payloads and fixtures.
 *
 * <p>Input is parsed strictly with Jackson first (duplicate keys, trailing tokens and other
 * leniencies of org.json are rejected), then validated by everit. {@code $ref}s between schemas
 * use the schemas' {@code $id} base and are served from the classpath, never from the network.
 */
public final class ContractSchemas {

    /** Base of every schema's {@code $id}; refs under it resolve to {@link #RESOURCE_DIR}. */
    public static final String ID_BASE = "https://heliox.io/atlas/schemas/";
    public static final String RESOURCE_DIR = "contracts/schemas/";

    public static final String ORCHESTRATOR_EVENT = "orchestrator-event";
    public static final String BLUEPRINT = "blueprint";
    public static final String STRATEGY_DSL = "strategy-dsl";
    public static final String BACKTEST_RESULT = "backtest-result";
    public static final String PACK_MANIFEST = "pack-manifest";
    public static final String PROBLEM = "problem";
    public static final String START_RUN_REQUEST = "start-run-request";
    public static final String SAVE_PORTFOLIO_ITEM_REQUEST = "save-portfolio-item-request";
    public static final String CANCEL_RUN_REQUEST = "cancel-run-request";
    public static final String LOGIN_REQUEST = "login-request";
    public static final String API_KEY_REQUEST = "api-key-request";
    public static final String WORKSPACE_REQUEST = "workspace-request";
    public static final String MEMBER_REQUEST = "member-request";
    public static final String USER_REQUEST = "user-request";
    public static final String RATE_LIMIT_REQUEST = "rate-limit-request";
    public static final String QUOTA_REQUEST = "quota-request";
    public static final String BILLING_REQUEST = "billing-request";
    public static final String SCENARIO_DSL = "scenario-dsl";
    public static final String ENGINE_BACKTEST_REQUEST = "engine-backtest-request";
    public static final String ENGINE_BACKTEST_RESPONSE = "engine-backtest-response";
    public static final String SYNTH_CANDIDATES = "synth-candidates";
    public static final String REVIEW_VERDICT = "review-verdict";
    public static final String QC_PLAN = "qc-plan";
    public static final String ARCHITECT_REQUEST = "architect-request";
    public static final String ARCHITECT_RESULT = "architect-result";
    public static final String SYNTH_REQUEST = "synth-request";
    public static final String SYNTH_RESULT = "synth-result";
    public static final String PAPER_SESSION_REQUEST = "paper-session-request";
    public static final String SESSION_CONTROL_REQUEST = "session-control-request";
    public static final String SESSION_RISK_REQUEST = "session-risk-request";
    public static final String RELEASE_REQUEST = "release-request";

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonParser.Feature.ALLOW_COMMENTS)
            .build();

    /** "required key [prompt] not found", "extraneous key [promt] is not permitted" */
    private static final Pattern KEY_IN_MESSAGE = Pattern.compile("key \\[(.*)\\] (?:not found|is not permitted)");

    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    /** Parses JSON text strictly; throws {@link MalformedJsonException} with the offending location. */
    public static JsonNode parseStrict(byte[] json) {
        try {
            JsonNode node = STRICT.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new MalformedJsonException("the body is empty");
            }
            return node;
        } catch (MalformedJsonException e) {
            throw e;
        } catch (JsonProcessingException e) {
            // The original message says what is wrong; the location says where (line, column).
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new MalformedJsonException(e.getOriginalMessage() + where);
        } catch (IOException e) {
            throw new MalformedJsonException(e.getMessage());
        }
    }

    /** Validates a JSON document against a named schema; an empty list means valid. */
    public List<Violation> validate(String schemaName, JsonNode document) {
        Object subject = toOrgJson(document);
        try {
            schema(schemaName).validate(subject);
            return List.of();
        } catch (ValidationException e) {
            List<Violation> violations = new ArrayList<>();
            collectLeaves(e, violations);
            violations.sort(Comparator.comparing(Violation::pointer).thenComparing(Violation::message));
            return List.copyOf(violations);
        }
    }

    /** Throws {@link ContractViolationException} unless the document validates. */
    public void require(String schemaName, JsonNode document) {
        List<Violation> violations = validate(schemaName, document);
        if (!violations.isEmpty()) {
            throw new ContractViolationException(schemaName, violations);
        }
    }

    private Schema schema(String name) {
        return schemas.computeIfAbsent(name, ContractSchemas::load);
    }

    private static Schema load(String name) {
        String resource = RESOURCE_DIR + name + ".schema.json";
        try (InputStream in = open(resource)) {
            JSONObject raw = new JSONObject(new JSONTokener(in));
            return SchemaLoader.builder()
                    .draftV7Support()
                    .schemaClient(classpathClient())
                    .useDefaults(false)
                    .schemaJson(raw)
                    .build()
                    .load()
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static SchemaClient classpathClient() {
        return url -> {
            if (!url.startsWith(ID_BASE)) {
                // Never fetch: a ref outside our own schemas is a defect of the contract.
                throw new IllegalArgumentException("schema reference outside the contract: " + url);
            }
            return open(RESOURCE_DIR + url.substring(ID_BASE.length()));
        };
    }

    private static InputStream open(String resource) {
        InputStream in = ContractSchemas.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("no contract resource " + resource);
        }
        return in;
    }

    private static Object toOrgJson(JsonNode document) {
        try {
            byte[] bytes = STRICT.writeValueAsBytes(document);
            return new JSONTokener(new ByteArrayInputStream(bytes)).nextValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collectLeaves(ValidationException e, List<Violation> out) {
        if (e.getCausingExceptions().isEmpty()) {
            String pointer = toPointer(e.getPointerToViolation());
            // everit points at the object for a missing or an extra key; the client wants the key itself.
            Matcher key = KEY_IN_MESSAGE.matcher(e.getErrorMessage());
            if (("required".equals(e.getKeyword()) || "additionalProperties".equals(e.getKeyword())) && key.find()) {
                pointer = pointer + "/" + key.group(1).replace("~", "~0").replace("/", "~1");
            }
            out.add(new Violation(pointer, e.getErrorMessage(), e.getKeyword()));
            return;
        }
        for (ValidationException cause : e.getCausingExceptions()) {
            collectLeaves(cause, out);
        }
    }

    /** everit reports "#/a/b"; problem+json wants an RFC 6901 pointer: "/a/b" ("" for the whole document). */
    private static String toPointer(String everitPointer) {
        if (everitPointer == null || everitPointer.equals("#")) {
            return "";
        }
        return everitPointer.startsWith("#") ? everitPointer.substring(1) : everitPointer;
    }

    /** Reads a classpath resource of the contract (OpenAPI document, fixtures) as text. */
    public static String resourceText(String resource) {
        try (InputStream in = open(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
