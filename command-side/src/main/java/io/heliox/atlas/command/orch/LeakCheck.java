package io.heliox.atlas.command.orch;

import com.fasterxml.jackson.databind.JsonNode;
import io.heliox.atlas.llm.guard.SecretMasker;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds a node's own instructions or a secret in text a model wrote. Instructions: any run of
 * {@value #WINDOW} characters of the system prompt (whitespace collapsed) repeated in the text,
 * so a partial or re-wrapped copy is caught too. Secrets: the masker's values and shapes, and its
 * mask (a reply that needed masking carried a secret). A well-behaved model never trips it; a
 * compromised one that hides its instructions in a free-text field does.
 */
final class LeakCheck {

    static final int WINDOW = 40;

    private final Set<String> windows = new HashSet<>();
    private final SecretMasker masker;

    LeakCheck(String system, SecretMasker masker) {
        String normalized = normalize(system);
        for (int i = 0; i + WINDOW <= normalized.length(); i++) {
            windows.add(normalized.substring(i, i + WINDOW));
        }
        this.masker = masker;
    }

    /** "pointer: why" for every leaking string in the document. */
    List<String> problems(JsonNode document) {
        List<String> out = new ArrayList<>();
        walk(document, "", out);
        return out;
    }

    boolean repeatsInstructions(String text) {
        String normalized = normalize(text);
        for (int i = 0; i + WINDOW <= normalized.length(); i++) {
            if (windows.contains(normalized.substring(i, i + WINDOW))) {
                return true;
            }
        }
        return false;
    }

    /** A message safe for an error event: masked, and withheld if it quotes the instructions. */
    String safeMessage(String message) {
        String masked = masker.mask(message);
        return repeatsInstructions(masked) ? "(details withheld: they quote the node's instructions)" : masked;
    }

    private void walk(JsonNode node, String pointer, List<String> out) {
        if (node.isTextual()) {
            String text = node.asText();
            if (repeatsInstructions(text)) {
                out.add(pointer + ": repeats the node's instructions");
            } else if (masker.leaks(text) || text.contains(SecretMasker.MASK)) {
                out.add(pointer + ": contains a secret");
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> walk(e.getValue(),
                    pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1"), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, out);
            }
        }
    }

    private static String normalize(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
