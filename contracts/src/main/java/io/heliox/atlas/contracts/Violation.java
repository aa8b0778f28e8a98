package io.heliox.atlas.contracts;

/**
 * One way a document breaks its schema.
 *
 * @param pointer RFC 6901 JSON pointer into the document ("" is the whole document)
 * @param message what is wrong, for a person
 * @param keyword the JSON Schema keyword that failed (required, type, maxLength …), or null
 */
public record Violation(String pointer, String message, String keyword) {
}
