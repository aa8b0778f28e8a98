package io.heliox.atlas.command.orch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.command.llm.LlmFailure;
import io.heliox.atlas.command.llm.LlmProvider;
import io.heliox.atlas.command.llm.guard.InjectionGuard;
import io.heliox.atlas.command.llm.guard.SecretMasker;
import io.heliox.atlas.command.llm.output.JsonRepair;
import io.heliox.atlas.command.llm.output.OutputPipeline;
import io.heliox.atlas.command.llm.prompt.PromptTemplates;
import io.heliox.atlas.contracts.ContractSchemas;
import io.heliox.atlas.contracts.MalformedJsonException;
import io.heliox.atlas.engine.dsl.CheckOptions;
import io.heliox.atlas.engine.dsl.DslError;
import io.heliox.atlas.engine.dsl.SchemaGate;
import io.heliox.atlas.engine.dsl.StrategyValidator;
import io.heliox.atlas.engine.dsl.Validation;
import io.heliox.atlas.engine.json.CanonicalJson;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The synth (roadmap 2.3.7, CEGIS-light): a blueprint → 3–5 distinct candidates that pass the
 * StrategyDSL schema, the DSL validator and the product's policy (a stop loss on every candidate,
 * short rules only when the blueprint allows shorts, the blueprint's timeframe, no leaked
 * instructions or secrets). One call asks for all candidates; the counterexamples (each failing
 * candidate with its problems) go back in one repair call for the failures only; near-duplicates
 * (rule Jaccard ≥ 0.6) are dropped.
 */
public final class SynthNode {

    public static final int MIN_CANDIDATES = 3;
    public static final int MAX_CANDIDATES = 5;
    private static final int MAX_TOKENS = 4_000;
    private static final double TEMPERATURE = 0.7;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** One pass of the loop, for the status events: what was asked, what passed, what was dropped. */
    public record Iteration(int number, int proposed, int valid, int invalid, int duplicates, List<String> problems) {
        public String message() {
            return "iteration " + number + ": " + proposed + " proposed, " + valid + " valid, " + invalid
                    + " rejected, " + duplicates + " duplicates";
        }

        /** The message and each problem, one line for the artifact's trace. */
        public String summary() {
            return problems.isEmpty() ? message() : message() + "; " + String.join("; ", problems);
        }
    }

    public record Result(ArrayNode candidates, List<Iteration> iterations, List<String> injectionFlags,
                         List<LlmSession.Call> calls) {
    }

    private final LlmProvider provider;
    private final PromptTemplates templates;
    private final OutputPipeline pipeline;
    private final SecretMasker masker;
    private final StrategyValidator validator;
    private final InjectionGuard guard = new InjectionGuard();
    private final String modelId;

    public SynthNode(LlmProvider provider, String modelId, PromptTemplates templates, ContractSchemas schemas,
                     SchemaGate strategySchema, SecretMasker masker) {
        this.provider = provider;
        this.modelId = modelId;
        this.templates = templates;
        this.pipeline = new OutputPipeline(schemas);
        this.masker = masker;
        this.validator = new StrategyValidator(strategySchema, CheckOptions.DEFAULTS);
    }

    public Result run(JsonNode blueprint, long seed) {
        return run(blueprint, seed, BudgetGuard.unlimited());
    }

    public Result run(JsonNode blueprint, long seed, BudgetGuard budget) {
        // prepare_blueprint
        List<String> blueprintProblems = pipeline.schemaProblems(blueprint, ContractSchemas.BLUEPRINT);
        if (!blueprintProblems.isEmpty()) {
            throw new NodeFailed("synth.invalid_blueprint", "the blueprint does not match the contract: "
                    + String.join("; ", blueprintProblems), false);
        }
        String blueprintText = CanonicalJson.write(blueprint);
        InjectionGuard.Verdict verdict = guard.inspect(masker.mask(blueprintText));
        Map<String, String> values = Map.of("blueprint", verdict.sanitized(), "count", Integer.toString(MAX_CANDIDATES));
        LlmSession session = new LlmSession("synth", provider, templates, masker, modelId, seed, budget);
        LeakCheck leaks = new LeakCheck(session.systemText("synth", values), masker);
        Policy policy = new Policy(blueprint, leaks);

        List<Iteration> iterations = new ArrayList<>();
        List<Accepted> accepted = new ArrayList<>();
        try {
            // llm_iter 1: all candidates in one call
            JsonNode answer = readAnswer(session.call("synth", values, TEMPERATURE, MAX_TOKENS));
            List<Rejected> rejected = sort(answer, policy, leaks, accepted, iterations, 1);
            // llm_iter 2: the failures only, with their counterexamples
            if (!rejected.isEmpty() && accepted.size() < MAX_CANDIDATES) {
                ObjectNode failing = JSON.objectNode();
                ArrayNode list = failing.putArray("candidates");
                List<String> problems = new ArrayList<>();
                for (int i = 0; i < rejected.size(); i++) {
                    list.add(rejected.get(i).candidate());
                    for (String p : rejected.get(i).problems()) {
                        problems.add("/candidates/" + i + p);
                    }
                }
                String again = session.repairer(ContractSchemas.SYNTH_CANDIDATES, MAX_TOKENS)
                        .repair(CanonicalJson.write(failing), problems);
                sort(readAnswer(again), policy, leaks, accepted, iterations, 2);
            }
        } catch (LlmFailure e) {
            throw new NodeFailed(e.kind().code(), "the synth's model call failed: " + leaks.safeMessage(e.getMessage()),
                    e.kind().retryable(), session.calls());
        } catch (NodeFailed e) {
            throw e.withCalls(session.calls());
        }
        if (accepted.size() < MIN_CANDIDATES) {
            throw new NodeFailed("synth.too_few_candidates", "only " + accepted.size() + " distinct valid candidates (at least "
                    + MIN_CANDIDATES + " needed): " + leaks.safeMessage(String.join("; ",
                    iterations.stream().map(Iteration::summary).toList())),
                    false, session.calls());
        }
        ArrayNode candidates = JSON.arrayNode();
        accepted.stream().limit(MAX_CANDIDATES).forEach(a -> candidates.add(a.candidate()));
        List<String> flags = verdict.flags().stream().map(InjectionGuard.Flag::code).sorted().toList();
        return new Result(candidates, List.copyOf(iterations), flags, session.calls());
    }

    private record Accepted(ObjectNode candidate, Set<String> features) {
    }

    private record Rejected(JsonNode candidate, List<String> problems) {
    }

    /** The answer as a tree: strict JSON, else the local repair, else nothing usable (an empty answer). */
    private static JsonNode readAnswer(String reply) {
        try {
            return ContractSchemas.parseStrict(reply.getBytes(StandardCharsets.UTF_8));
        } catch (MalformedJsonException notStrict) {
            try {
                return JsonRepair.repair(reply);
            } catch (JsonRepair.Unrepairable e) {
                return JSON.objectNode();
            }
        }
    }

    /** Splits an answer's candidates into accepted (valid and new) and rejected (with their problems). */
    private List<Rejected> sort(JsonNode answer, Policy policy, LeakCheck leaks, List<Accepted> accepted,
                                List<Iteration> iterations, int number) {
        JsonNode list = answer.isArray() ? answer : answer.path("candidates");
        List<Rejected> rejected = new ArrayList<>();
        int valid = 0;
        int duplicates = 0;
        for (JsonNode node : list) {
            if (!(node instanceof ObjectNode candidate)) {
                rejected.add(new Rejected(node, List.of(": a candidate must be an object")));
                continue;
            }
            pipeline.dropExtraneous(candidate, ContractSchemas.STRATEGY_DSL);
            List<String> problems = new ArrayList<>(pipeline.schemaProblems(candidate, ContractSchemas.STRATEGY_DSL));
            Validation validation = null;
            if (problems.isEmpty()) {
                validation = validator.validate(candidate);
                for (DslError error : validation.errors()) {
                    problems.add(error.loc().path() + ": " + error.code() + "/" + error.subCode() + " " + error.message());
                }
            }
            if (problems.isEmpty()) {
                problems.addAll(policy.problems(candidate));
            }
            if (!problems.isEmpty()) {
                rejected.add(new Rejected(candidate, problems.stream().map(p -> p.startsWith("/") ? p : "/" + p).toList()));
                continue;
            }
            valid++;
            Set<String> features = RuleSimilarity.features(validation.ir());
            boolean duplicate = accepted.stream().anyMatch(a -> RuleSimilarity.jaccard(a.features(), features)
                    >= RuleSimilarity.DUPLICATE_AT || a.candidate().path("id").equals(candidate.path("id")));
            if (duplicate) {
                duplicates++;
            } else {
                accepted.add(new Accepted(candidate, features));
            }
        }
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < rejected.size(); i++) {
            for (String p : rejected.get(i).problems()) {
                problems.add(leaks.safeMessage("candidate " + i + " " + p));
            }
        }
        iterations.add(new Iteration(number, list.size(), valid, rejected.size(), duplicates, List.copyOf(problems)));
        return rejected;
    }

    /** What the product asks of every candidate beyond the DSL's own checks. */
    private static final class Policy {
        private final boolean shortsAllowed;
        private final String timeframe;
        private final LeakCheck leaks;

        Policy(JsonNode blueprint, LeakCheck leaks) {
            this.shortsAllowed = !blueprint.path("constraints").path("long_only").asBoolean(false)
                    && !blueprint.path("direction").asText("long").equals("long");
            this.timeframe = blueprint.path("timeframe").asText();
            this.leaks = leaks;
        }

        List<String> problems(JsonNode candidate) {
            List<String> out = new ArrayList<>();
            JsonNode risk = candidate.path("risk");
            if (!risk.has("stop_loss_bps") && !risk.has("stop_loss_atr")) {
                out.add("/risk: every candidate needs a stop loss (stop_loss_bps or stop_loss_atr)");
            }
            if (!candidate.path("timeframe").asText().equals(timeframe)) {
                out.add("/timeframe: must be the blueprint's " + timeframe);
            }
            JsonNode rules = candidate.path("rules");
            for (int i = 0; i < rules.size(); i++) {
                if (!shortsAllowed && rules.get(i).path("then").asText().equals("sell")) {
                    out.add("/rules/" + i + "/then: the blueprint is long only, sell (short) is not allowed");
                }
            }
            out.addAll(leaks.problems(candidate));
            return out;
        }
    }
}
