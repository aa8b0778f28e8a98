package io.heliox.atlas.command.orch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.api.artifact.Blueprint;
import io.heliox.atlas.contracts.ContractSchemas;
import io.heliox.atlas.contracts.MalformedJsonException;
import io.heliox.atlas.engine.dsl.CheckOptions;
import io.heliox.atlas.engine.dsl.DslError;
import io.heliox.atlas.engine.dsl.SchemaGate;
import io.heliox.atlas.engine.dsl.validation.StrategyValidator;
import io.heliox.atlas.engine.dsl.validation.Validation;
import io.heliox.atlas.kernel.CanonicalJson;
import io.heliox.atlas.llm.LlmFailure;
import io.heliox.atlas.llm.LlmProvider;
import io.heliox.atlas.llm.guard.InjectionGuard;
import io.heliox.atlas.llm.guard.SecretMasker;
import io.heliox.atlas.llm.output.JsonRepair;
import io.heliox.atlas.llm.output.OutputPipeline;
import io.heliox.atlas.llm.prompt.PromptTemplates;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The synth (CEGIS-light): a blueprint → 3–5 distinct candidates that pass the
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

    /** All sub-steps at once, outside a run. */
    public Result run(JsonNode blueprint, long seed, BudgetGuard budget) {
        Prepared prepared = prepare(blueprint);
        Blueprint read = Blueprint.of(blueprint); // prepare checked it against the contract
        List<String> replies = new ArrayList<>();
        List<LlmSession.Call> calls = new ArrayList<>();
        try {
            NodeCall first = generate(prepared, seed, budget);
            replies.add(first.reply());
            calls.addAll(first.calls());
            Sorted sorted = sort(read, prepared, replies);
            if (sorted.needsRepair()) {
                NodeCall second = repair(prepared, sorted, seed, budget);
                replies.add(second.reply());
                calls.addAll(second.calls());
                sorted = sort(read, prepared, replies);
            }
            Result result = finish(prepared, sorted);
            return new Result(result.candidates(), result.iterations(), result.injectionFlags(), calls);
        } catch (NodeFailed e) {
            throw e.after(calls);
        }
    }

    /** The blueprint as the model will see it, and what the injection guard found in it. */
    public record Prepared(String blueprint, List<String> injectionFlags) {
        public JsonNode state() {
            ObjectNode state = JSON.objectNode();
            state.put("blueprint", blueprint);
            injectionFlags.forEach(state.putArray("injection_flags")::add);
            return state;
        }

        public static Prepared fromState(JsonNode state) {
            List<String> flags = new ArrayList<>();
            state.path("injection_flags").forEach(f -> flags.add(f.asText()));
            return new Prepared(state.path("blueprint").asText(), flags);
        }

        Map<String, String> values() {
            return Map.of("blueprint", blueprint, "count", Integer.toString(MAX_CANDIDATES));
        }
    }

    /** What the replies so far add up to: candidates kept, the last reply's failures, one line per iteration. */
    public record Sorted(List<Accepted> accepted, List<Rejected> lastRejected, List<Iteration> iterations) {
        /** One repair round, for the failures of the first reply, while there is room for more candidates. */
        public boolean needsRepair() {
            return iterations.size() == 1 && !lastRejected.isEmpty() && accepted.size() < MAX_CANDIDATES;
        }
    }

    /** synth.prepare_blueprint */
    public Prepared prepare(JsonNode blueprint) {
        List<String> blueprintProblems = pipeline.schemaProblems(blueprint, ContractSchemas.BLUEPRINT);
        if (!blueprintProblems.isEmpty()) {
            throw new NodeFailed("synth.invalid_blueprint", "the blueprint does not match the contract: "
                    + String.join("; ", blueprintProblems), false);
        }
        InjectionGuard.Verdict verdict = guard.inspect(masker.mask(CanonicalJson.write(blueprint)));
        return new Prepared(verdict.sanitized(), verdict.flags().stream().map(InjectionGuard.Flag::code).sorted().toList());
    }

    /** synth.llm_iter 1: all candidates asked for in one call. */
    public NodeCall generate(Prepared prepared, long seed, BudgetGuard budget) {
        LlmSession session = session(seed, budget);
        try {
            return new NodeCall(session.call("synth", prepared.values(), TEMPERATURE, MAX_TOKENS), session.calls());
        } catch (LlmFailure e) {
            throw failed(e, prepared, session);
        } catch (NodeFailed e) {
            throw e.withCalls(session.calls());
        }
    }

    /** synth.llm_iter 2: the failures of the first reply only, each with its problems (the counterexamples). */
    public NodeCall repair(Prepared prepared, Sorted sorted, long seed, BudgetGuard budget) {
        ObjectNode failing = JSON.objectNode();
        ArrayNode list = failing.putArray("candidates");
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < sorted.lastRejected().size(); i++) {
            list.add(sorted.lastRejected().get(i).candidate());
            for (String p : sorted.lastRejected().get(i).problems()) {
                problems.add("/candidates/" + i + p);
            }
        }
        LlmSession session = session(seed, budget);
        try {
            String reply = session.repairer(ContractSchemas.SYNTH_CANDIDATES, MAX_TOKENS)
                    .repair(CanonicalJson.write(failing), problems);
            return new NodeCall(reply, session.calls());
        } catch (LlmFailure e) {
            throw failed(e, prepared, session);
        } catch (NodeFailed e) {
            throw e.withCalls(session.calls());
        }
    }

    /** Replays the replies so far, in order, through the checks: deterministic, no model call. */
    public Sorted sort(Blueprint blueprint, Prepared prepared, List<String> replies) {
        LeakCheck leaks = leaks(prepared);
        Policy policy = new Policy(blueprint, leaks);
        List<Accepted> accepted = new ArrayList<>();
        List<Iteration> iterations = new ArrayList<>();
        List<Rejected> rejected = List.of();
        for (int i = 0; i < replies.size(); i++) {
            rejected = sort(readAnswer(replies.get(i)), policy, leaks, accepted, iterations, i + 1);
        }
        return new Sorted(List.copyOf(accepted), rejected, List.copyOf(iterations));
    }

    /** synth.emit_candidates: 3–5 distinct valid candidates, or a failure that says why there are fewer. */
    public Result finish(Prepared prepared, Sorted sorted) {
        if (sorted.accepted().size() < MIN_CANDIDATES) {
            throw new NodeFailed("synth.too_few_candidates", "only " + sorted.accepted().size()
                    + " distinct valid candidates (at least " + MIN_CANDIDATES + " needed): "
                    + leaks(prepared).safeMessage(String.join("; ",
                    sorted.iterations().stream().map(Iteration::summary).toList())), false);
        }
        ArrayNode candidates = JSON.arrayNode();
        sorted.accepted().stream().limit(MAX_CANDIDATES).forEach(a -> candidates.add(a.candidate()));
        return new Result(candidates, sorted.iterations(), prepared.injectionFlags(), List.of());
    }

    private LlmSession session(long seed, BudgetGuard budget) {
        return new LlmSession("synth", provider, templates, masker, modelId, seed, budget);
    }

    private LeakCheck leaks(Prepared prepared) {
        return new LeakCheck(templates.get("synth").render(prepared.values()).system(), masker);
    }

    private NodeFailed failed(LlmFailure e, Prepared prepared, LlmSession session) {
        return new NodeFailed(e.kind().code(), "the synth's model call failed: " + leaks(prepared).safeMessage(e.getMessage()),
                e.kind().retryable(), session.calls());
    }

    public record Accepted(ObjectNode candidate, Set<String> features) {
    }

    public record Rejected(JsonNode candidate, List<String> problems) {
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

        Policy(Blueprint blueprint, LeakCheck leaks) {
            this.shortsAllowed = blueprint.shortsAllowed();
            this.timeframe = blueprint.timeframe();
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
