package io.heliox.atlas.engine.dsl.types;

/** The two kinds of value a condition computes, per bar: a number (possibly NaN) or true/false. */
public enum Type {
    NUMBER, BOOLEAN;

    public String dslName() {
        return this == NUMBER ? "number" : "boolean";
    }
}
