package io.heliox.atlas.llm.output;

import java.util.List;

/**
 * A reply that could not be turned into a valid document, even after repair. The message lists
 * the problems found by the parser and the validators; it never quotes the reply itself, so a
 * reply that leaked something cannot leak it again through an error event.
 */
public class OutputRejected extends RuntimeException {

    private final String code;
    private final List<String> problems;

    public OutputRejected(String code, List<String> problems) {
        super(code + ": " + String.join("; ", problems));
        this.code = code;
        this.problems = List.copyOf(problems);
    }

    /** {@code output.invalid_json}, {@code output.schema_violation} or {@code output.policy_violation}. */
    public String code() {
        return code;
    }

    public List<String> problems() {
        return problems;
    }
}
