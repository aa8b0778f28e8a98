package io.heliox.atlas.llm.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.contracts.ContractSchemas;
import io.heliox.atlas.contracts.MalformedJsonException;
import io.heliox.atlas.contracts.Violation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model's reply to a document we can trust: strict JSON parse → the contract's
 * JSON Schema (everit) and the caller's own checks → local repair of small defects → one repair
 * round by the model → else {@link OutputRejected} with the reason. Fields the schema does not
 * allow are removed by the local repair, never passed on.
 */
public final class OutputPipeline {

    /** How the document was obtained, for the semantic log fields and the events. */
    public enum Stage {
        STRICT, LOCAL_REPAIR, LLM_REPAIR
    }

    public record Outcome(JsonNode document, Stage stage) {
    }

    /** The one paid repair round: given the bad reply and its problems, the model's new reply. */
    @FunctionalInterface
    public interface Repairer {
        String repair(String badReply, List<String> problems);
    }

    private static final Pattern EXTRANEOUS = Pattern.compile("extraneous key \\[(.*)] is not permitted");
    private static final int MAX_PROBLEMS = 20; // a repair prompt lists at most this many

    private final ContractSchemas schemas;

    public OutputPipeline(ContractSchemas schemas) {
        this.schemas = schemas;
    }

    /**
     * @param schema    the contract schema the document must match
     * @param check     further problems of a schema-valid document (e.g. DSL errors), empty when fine
     * @param repairer  null: no paid round (the reply must be fixable locally)
     */
    public Outcome read(String reply, String schema, Function<JsonNode, List<String>> check, Repairer repairer) {
        Attempt first = attempt(reply, schema, check);
        if (first.document != null) {
            return new Outcome(first.document, first.stage);
        }
        if (repairer == null) {
            throw first.rejection();
        }
        String again = repairer.repair(reply, first.problems);
        Attempt second = attempt(again, schema, check);
        if (second.document != null) {
            return new Outcome(second.document, Stage.LLM_REPAIR);
        }
        throw second.rejection();
    }

    private record Attempt(JsonNode document, Stage stage, String code, List<String> problems) {
        OutputRejected rejection() {
            return new OutputRejected(code, problems);
        }
    }

    private Attempt attempt(String reply, String schema, Function<JsonNode, List<String>> check) {
        JsonNode strict = null;
        try {
            strict = ContractSchemas.parseStrict(reply.getBytes(StandardCharsets.UTF_8));
        } catch (MalformedJsonException e) {
            // not strict JSON: the local repair gets its chance below
        }
        if (strict != null && problems(strict, schema, check).isEmpty()) {
            return new Attempt(strict, Stage.STRICT, null, List.of());
        }
        JsonNode repaired;
        try {
            repaired = JsonRepair.repair(reply);
        } catch (JsonRepair.Unrepairable e) {
            return new Attempt(null, null, "output.invalid_json", List.of(e.getMessage()));
        }
        dropExtraneous(repaired, schema);
        List<String> schemaProblems = schemaProblems(repaired, schema);
        if (!schemaProblems.isEmpty()) {
            return new Attempt(null, null, "output.schema_violation", schemaProblems);
        }
        List<String> policyProblems = check == null ? List.of() : limit(check.apply(repaired));
        if (!policyProblems.isEmpty()) {
            return new Attempt(null, null, "output.policy_violation", policyProblems);
        }
        return new Attempt(repaired, Stage.LOCAL_REPAIR, null, List.of());
    }

    private List<String> problems(JsonNode document, String schema, Function<JsonNode, List<String>> check) {
        List<String> out = schemaProblems(document, schema);
        return out.isEmpty() && check != null ? limit(check.apply(document)) : out;
    }

    /** Schema violations as "pointer: message", at most {@value #MAX_PROBLEMS}. */
    public List<String> schemaProblems(JsonNode document, String schema) {
        List<String> out = new ArrayList<>();
        for (Violation v : schemas.validate(schema, document)) {
            out.add((v.pointer().isEmpty() ? "/" : v.pointer()) + ": " + v.message());
        }
        return limit(out);
    }

    private static List<String> limit(List<String> problems) {
        return problems.size() > MAX_PROBLEMS ? List.copyOf(problems.subList(0, MAX_PROBLEMS)) : List.copyOf(problems);
    }

    /** Removes every member the schema reports as not permitted (repeats: removing one can reveal a nested one). */
    public void dropExtraneous(JsonNode document, String schema) {
        for (int round = 0; round < 8; round++) {
            boolean removed = false;
            for (Violation v : schemas.validate(schema, document)) {
                Matcher m = EXTRANEOUS.matcher(v.message());
                if (m.find()) {
                    JsonNode parent = document.at(v.pointer().endsWith("/" + m.group(1))
                            ? v.pointer().substring(0, v.pointer().length() - m.group(1).length() - 1) : v.pointer());
                    if (parent instanceof ObjectNode object && object.remove(m.group(1)) != null) {
                        removed = true;
                    }
                }
            }
            if (!removed) {
                return;
            }
        }
    }
}
