package io.heliox.atlas.engine.dsl;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * The contract's JSON Schema, run before the engine reads a document. The engine does not
 * depend on the contracts module, so the caller plugs the schema in (the web layer and the tests
 * adapt {@code ContractSchemas}); {@link #NONE} leaves shape checking to the engine's reader.
 */
@FunctionalInterface
public interface SchemaGate {

    SchemaGate NONE = document -> List.of();

    /** The document's schema violations as {@code DSL_SCHEMA_INVALID} errors; empty when it conforms. */
    List<DslError> check(JsonNode document);

    /** One JSON Schema violation as a DSL error, with a hint chosen by the keyword that failed. */
    static DslError violation(String pointer, String message, String keyword) {
        String hint = switch (keyword == null ? "" : keyword) {
            case "required" -> "add the missing field";
            case "additionalProperties" -> "remove the field: StrategyDSL has no such field";
            case "type" -> "give the value the type the schema asks for";
            case "enum", "const" -> "use one of the allowed values";
            case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum" -> "bring the value within its bounds";
            case "pattern" -> "use lower-case letters, digits, '-' and '_' only";
            case "minLength", "maxLength", "minItems", "maxItems", "maxProperties" -> "shorten or lengthen it to the allowed size";
            default -> "change the value so that it matches strategy-dsl.schema.json";
        };
        return DslError.of(SubCode.SCHEMA_VIOLATION, Loc.at(pointer), message, hint);
    }
}
