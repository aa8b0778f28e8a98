package io.heliox.atlas.engine.dsl;

/**
 * The five families every DSL problem falls into. A caller (the orchestrator, the UI, an LLM repair
 * prompt) can branch on the code alone; the {@link SubCode} says precisely what was wrong.
 */
public enum ErrorCode {
    /** The document's shape is wrong: a missing field, a wrong type, an unsupported version. */
    DSL_SCHEMA_INVALID,
    /** A rule's condition is not a sentence of the expression language. */
    DSL_PARSE_ERROR,
    /** It parses, but it is unsafe, ill-typed or self-contradictory. */
    DSL_STATIC_FAIL,
    /** A function or price series that is not on the whitelist. */
    DSL_UNSUPPORTED_FUN,
    /** A parameter's value is outside what its key or its use allows. */
    DSL_PARAM_OUT_OF_RANGE
}
