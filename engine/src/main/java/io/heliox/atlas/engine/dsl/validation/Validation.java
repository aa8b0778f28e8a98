package io.heliox.atlas.engine.dsl.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.heliox.atlas.engine.dsl.DslError;
import io.heliox.atlas.engine.dsl.ir.IrStrategy;

import java.util.List;

/**
 * The verdict on one StrategyDSL document. When valid: its IR, the IR's hash and the document in
 * normal form; when not: the errors, and nothing else.
 *
 * @param normalized the document with sorted keys and each condition re-printed in canonical
 *                   spelling (it validates against the schema and has the same IR hash)
 */
public record Validation(boolean valid, List<DslError> errors, IrStrategy ir, String irHash, JsonNode normalized) {

    public Validation {
        errors = List.copyOf(errors);
    }

    static Validation invalid(List<DslError> errors) {
        return new Validation(false, errors, null, null, null);
    }
}
