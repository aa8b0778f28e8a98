package io.heliox.atlas.llm.guard;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A heuristic for prompt injection in a trader's request. It does not try to be
 * a classifier; it flags the known families so the node can log them, show them, and limit what
 * follows (the request reaches the model only as delimited data, and every output is still
 * checked by schema, DSL validator and risk clamps, flagged or not). Families:
 * instruction override, system-prompt extraction, secret exfiltration, role play / jailbreak,
 * delimiter forgery, encoded payloads (base64 is decoded and scanned again), lookahead and
 * unbounded risk smuggled into a strategy. Phrases in several languages.
 */
public final class InjectionGuard {

    public enum Flag {
        INSTRUCTION_OVERRIDE, PROMPT_EXTRACTION, SECRET_EXFILTRATION, ROLE_PLAY, DELIMITER_FORGERY,
        ENCODED_PAYLOAD, LOOKAHEAD, UNBOUNDED_RISK;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What the guard found; {@code sanitized} is the request with delimiter look-alikes defused. */
    public record Verdict(Set<Flag> flags, String sanitized) {
        public boolean flagged() {
            return !flags.isEmpty();
        }
    }

    private record Rule(Flag flag, Pattern pattern) {
    }

    private static final List<Rule> RULES = List.of(
            rule(Flag.INSTRUCTION_OVERRIDE,
                    "(ignore|disregard|forget|override|bypass)\\b.{0,40}\\b(instruction|rule|guardrail|prompt|polic|above|previous|prior|earlier)",
                    "new (instructions|rules)\\s*:", "from now on,? you (are|will|must)",
                    "ignora (las|todas|tus)? ?(instrucciones|reglas)", "ignorez (les|toutes)? ?(instructions|consignes)",
                    "ignoriere (alle|die)? ?(anweisungen|regeln)", "ignora (le|tutte)? ?(istruzioni|regole)",
                    "игнорируй", "忽略(之前|以上|所有)?的?(指令|指示|规则)", "以前の指示を無視",
                    "ละเว้น|เพิกเฉย.{0,20}คำสั่ง"),
            rule(Flag.PROMPT_EXTRACTION,
                    "(reveal|print|show|repeat|output|dump|display|tell me)\\b.{0,40}\\b(system prompt|instructions|hidden prompt|initial prompt|your rules|guardrails)",
                    "what (are|were) your (instructions|rules)", "system prompt",
                    "muestra (tu|el) prompt", "montre.{0,20}(prompt|instructions)", "系统提示"),
            rule(Flag.SECRET_EXFILTRATION,
                    "(api[ _-]?key|secret|password|token|credential|private key|env(ironment)? var)",
                    "\\$\\{?[A-Z_]*(KEY|TOKEN|SECRET)\\}?", "printenv|process\\.env|os\\.environ|system\\.getenv",
                    "clave api|contraseña|mot de passe|пароль|密钥|密码"),
            rule(Flag.ROLE_PLAY,
                    "\\b(jailbreak|dan mode|developer mode|do anything now|unfiltered|no restrictions)\\b",
                    "pretend (you are|to be)|act as (an? )?(unrestricted|different|evil)",
                    "you are no longer"),
            rule(Flag.DELIMITER_FORGERY,
                    "<<<|>>>|(REQUEST|BLUEPRINT|DOCUMENT|INPUT)>>>|</?(system|assistant|user)>|\\[/?INST\\]|<\\|im_(start|end)\\|>"),
            rule(Flag.LOOKAHEAD,
                    "\\b(future|tomorrow'?s?|next (bar|candle|day)'?s?|upcoming) (close|price|bar|candle|data|return)",
                    "lag\\s*\\([^)]*,\\s*-\\s*\\d", "look-?ahead", "peek (at|into) (the )?future",
                    "shift\\s*\\(\\s*-\\d"),
            rule(Flag.UNBOUNDED_RISK,
                    "\\bno (stop|stop[- ]loss|risk limit)s?\\b", "\\bwithout (a )?(stop|stop[- ]loss)\\b",
                    "\\b(\\d{2,}) ?x leverage\\b", "\\bleverage (of )?\\d{2,}\\b", "\\bmartingale\\b",
                    "\\bunlimited (risk|size|position)\\b", "(risk|bet) (the )?(whole|entire|all (of )?(my|the)) (account|capital|equity)",
                    "\\bsizing\\b.{0,20}\\b(\\d{2,}|[2-9](\\.\\d+)?)\\b"));

    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]{24,}={0,2}");
    private static final Pattern DELIMITER = Pattern.compile("<<<|>>>");

    private static Rule rule(Flag flag, String... patterns) {
        // the text is NFKC-normalized before matching, so the patterns must be too (Thai ำ decomposes)
        String regex = Normalizer.normalize(String.join("|", patterns), Normalizer.Form.NFKC);
        return new Rule(flag, Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    public Verdict inspect(String request) {
        String text = Normalizer.normalize(request, Normalizer.Form.NFKC);
        Set<Flag> flags = new LinkedHashSet<>(scan(text));
        for (String decoded : decodedPayloads(text)) {
            List<Flag> inside = scan(decoded);
            if (!inside.isEmpty()) {
                flags.add(Flag.ENCODED_PAYLOAD);
                flags.addAll(inside);
            }
        }
        return new Verdict(Set.copyOf(flags), DELIMITER.matcher(text).replaceAll("<<"));
    }

    private static List<Flag> scan(String text) {
        List<Flag> found = new ArrayList<>();
        for (Rule rule : RULES) {
            if (rule.pattern().matcher(text).find()) {
                found.add(rule.flag());
            }
        }
        return found;
    }

    /** Base64 runs that decode to mostly printable UTF-8 text (so random ids and hashes are skipped). */
    private static List<String> decodedPayloads(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = BASE64.matcher(text);
        while (m.find()) {
            try {
                String decoded = new String(Base64.getDecoder().decode(m.group()), StandardCharsets.UTF_8);
                long printable = decoded.chars().filter(c -> c >= 0x20 && c != 0xFFFD || c == '\n').count();
                if (printable >= decoded.length() * 0.9) {
                    out.add(decoded);
                }
            } catch (IllegalArgumentException notBase64) {
                // not valid base64 after all: nothing hidden there
            }
        }
        return out;
    }
}
