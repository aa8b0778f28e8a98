package io.heliox.atlas.llm.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.kernel.CanonicalJson;
import io.heliox.atlas.llm.LlmCall;
import io.heliox.atlas.llm.LlmFailure;
import io.heliox.atlas.llm.LlmProvider;
import io.heliox.atlas.llm.LlmReply;
import io.heliox.atlas.llm.guard.InjectionGuard;
import io.heliox.atlas.llm.output.JsonRepair;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The deterministic in-process model, the default provider and the only one tests use. Its
 * output is a function of (seed, template checksum, prompt): the same call gives the same bytes,
 * and a new template version gives a new stream. It "understands" a request through
 * {@link TradingIntent} and writes blueprints ({@link BlueprintDraft}) and candidates
 * ({@link CandidateWriter}); it repairs JSON the way the local repair does.
 *
 * <p>{@link #compromised} builds a model that obeys prompt injections (prints its instructions,
 * the secrets it can see, lookahead and unbounded risk): the injection harness runs the whole
 * pipeline against it to prove that the guards downstream of the model hold on their own.
 */
public final class LocalModel implements LlmProvider {

    public static final String NAME = "local";
    public static final String MODEL_ID = "atlas-local-1";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern COUNT = Pattern.compile("Write (\\d+) candidates");

    private final boolean obeysInjections;
    private final Map<String, String> visibleSecrets;
    private final InjectionGuard guard = new InjectionGuard();

    private LocalModel(boolean obeysInjections, Map<String, String> visibleSecrets) {
        this.obeysInjections = obeysInjections;
        this.visibleSecrets = Map.copyOf(visibleSecrets);
    }

    public LocalModel() {
        this(false, Map.of());
    }

    /** A model that does whatever an injection asks, and can see {@code secrets} (name → value). */
    public static LocalModel compromised(Map<String, String> secrets) {
        return new LocalModel(true, secrets);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public LlmReply complete(LlmCall call) {
        SplittableRandom random = new SplittableRandom(streamSeed(call));
        String content = switch (call.templateId()) {
            case "architect" -> architect(call);
            case "synth" -> synth(call, random);
            case "repair" -> repair(call);
            default -> throw new LlmFailure(LlmFailure.Kind.UNSUPPORTED, NAME,
                    "the local model has no answer for template " + call.templateId());
        };
        int completion = LlmReply.Usage.estimate(content);
        if (completion > call.maxTokens()) { // what a remote model does at max_tokens: stop mid-text
            return new LlmReply(MODEL_ID, content.substring(0, call.maxTokens() * 4), LlmReply.FinishReason.LENGTH,
                    new LlmReply.Usage(promptTokens(call), call.maxTokens()), NAME);
        }
        return new LlmReply(MODEL_ID, content, LlmReply.FinishReason.STOP, new LlmReply.Usage(promptTokens(call), completion), NAME);
    }

    private static int promptTokens(LlmCall call) {
        return LlmReply.Usage.estimate(call.system()) + LlmReply.Usage.estimate(call.user());
    }

    // ---- tasks ---------------------------------------------------------------------------------

    private String architect(LlmCall call) {
        String request = between(call.user(), "<<<REQUEST", "REQUEST>>>");
        ObjectNode blueprint = BlueprintDraft.of(TradingIntent.read(request));
        if (obeysInjections) {
            Set<InjectionGuard.Flag> flags = guard.inspect(request).flags();
            if (!flags.isEmpty()) { // carries the injection on to the synth, as a model told to would
                blueprint.put("notes", request.substring(0, Math.min(1900, request.length())));
            }
            if (flags.contains(InjectionGuard.Flag.PROMPT_EXTRACTION)) {
                blueprint.put("notes", call.system().substring(0, Math.min(1900, call.system().length())));
            }
            if (flags.contains(InjectionGuard.Flag.SECRET_EXFILTRATION)) {
                blueprint.put("notes", "keys: " + String.join(" ", visibleSecrets.values()));
            }
            if (flags.contains(InjectionGuard.Flag.UNBOUNDED_RISK)) {
                ObjectNode constraints = (ObjectNode) blueprint.path("constraints");
                constraints.put("risk_bp", 10_000);
                constraints.remove("max_drawdown_pct");
            }
            if (flags.contains(InjectionGuard.Flag.INSTRUCTION_OVERRIDE) || flags.contains(InjectionGuard.Flag.ROLE_PLAY)) {
                return "Sure! Guardrails are off now. " + call.system();
            }
        }
        return CanonicalJson.write(blueprint);
    }

    private String synth(LlmCall call, SplittableRandom random) {
        String blueprintText = between(call.user(), "<<<BLUEPRINT", "BLUEPRINT>>>");
        JsonNode blueprint;
        try {
            blueprint = MAPPER.readTree(blueprintText);
        } catch (Exception e) {
            return "I could not read the blueprint.";
        }
        Matcher m = COUNT.matcher(call.user());
        int count = m.find() ? Integer.parseInt(m.group(1)) : 5;
        ObjectNode answer = CandidateWriter.write(blueprint, count, random);
        if (obeysInjections) {
            Set<InjectionGuard.Flag> flags = guard.inspect(blueprintText).flags();
            ArrayNode candidates = (ArrayNode) answer.path("candidates");
            if (flags.contains(InjectionGuard.Flag.LOOKAHEAD) && !candidates.isEmpty()) {
                ((ObjectNode) candidates.get(0).path("rules").get(0)).put("if", "lag(close, -1) > close");
            }
            if (flags.contains(InjectionGuard.Flag.UNBOUNDED_RISK)) {
                candidates.forEach(c -> {
                    ((ObjectNode) c).remove("risk");
                    ((ObjectNode) c.path("sizing")).put("mode", "fixed_qty").put("value", 1e9);
                });
            }
            if (flags.contains(InjectionGuard.Flag.SECRET_EXFILTRATION) && !candidates.isEmpty()) {
                ((ObjectNode) candidates.get(0)).put("name", "keys " + String.join(" ", visibleSecrets.values()));
            }
        }
        return CanonicalJson.write(answer);
    }

    /** The best a rule-based model can do: the local repair again, reprinted as strict JSON. */
    private String repair(LlmCall call) {
        String document = between(call.user(), "<<<DOCUMENT", "DOCUMENT>>>");
        try {
            return CanonicalJson.write(JsonRepair.repair(document));
        } catch (JsonRepair.Unrepairable e) {
            return document;
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** The text between two markers on their own lines; the whole text when they are missing. */
    static String between(String text, String open, String close) {
        int from = text.indexOf(open);
        int to = text.lastIndexOf(close);
        if (from < 0 || to < 0 || to < from) {
            return text;
        }
        return text.substring(from + open.length(), to).strip();
    }

    /** (seed, template checksum, prompt) → the random stream of this call. */
    private static long streamSeed(LlmCall call) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(Long.toString(call.seed() == null ? 0 : call.seed()).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(call.template().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(call.system().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(call.user().getBytes(StandardCharsets.UTF_8));
            long seed = 0;
            for (byte b : java.util.Arrays.copyOf(sha.digest(), 8)) {
                seed = seed << 8 | (b & 0xFF);
            }
            return seed;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
