package io.heliox.atlas.engine.scenario;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A ScenarioDSL document the engine cannot use: malformed, outside the schema, breaking a rule
 * only the engine checks (alpha + beta &lt; 1, transition rows summing to 1), or driving the price
 * out of the representable range. Each problem names where it is (a JSON pointer).
 */
public final class ScenarioSpecException extends RuntimeException {

    /** One problem: where in the document ({@code /params/sigma}) and what is wrong. */
    public record Problem(String pointer, String message) {
        @Override
        public String toString() {
            return (pointer.isEmpty() ? "/" : pointer) + ": " + message;
        }
    }

    private final transient List<Problem> problems;

    public ScenarioSpecException(List<Problem> problems) {
        super("invalid scenario: " + problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public static ScenarioSpecException of(String pointer, String message) {
        return new ScenarioSpecException(List.of(new Problem(pointer, message)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
