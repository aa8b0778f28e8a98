package io.heliox.atlas.contracts;

import java.util.List;

/** A document does not satisfy its contract schema. */
public class ContractViolationException extends RuntimeException {
    private final String schemaName;
    private final transient List<Violation> violations;

    public ContractViolationException(String schemaName, List<Violation> violations) {
        super(schemaName + " violates its schema: " + violations);
        this.schemaName = schemaName;
        this.violations = List.copyOf(violations);
    }

    public String schemaName() {
        return schemaName;
    }

    public List<Violation> violations() {
        return violations;
    }
}
