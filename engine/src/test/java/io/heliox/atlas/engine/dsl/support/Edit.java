package io.heliox.atlas.engine.dsl.support;

import com.fasterxml.jackson.databind.JsonNode;

/** One edit of a document, the way a person (or a repair prompt) would apply a hint. */
public record Edit(String op, String pointer, String json) {

    public static Edit set(String pointer, String json) {
        return new Edit("set", pointer, json);
    }

    /** Sets a string value (a condition, an action, a version). */
    public static Edit text(String pointer, String value) {
        return new Edit("set", pointer, Docs.JSON.valueToTree(value).toString());
    }

    public static Edit remove(String pointer) {
        return new Edit("remove", pointer, null);
    }

    public void applyTo(JsonNode root) {
        if (op.equals("remove")) {
            Docs.remove(root, pointer);
        } else {
            Docs.set(root, pointer, Docs.parse(json));
        }
    }

    @Override
    public String toString() {
        return op + " " + pointer + (json == null ? "" : " = " + json);
    }
}
