package io.heliox.atlas.contracts;

/** The text is not one well-formed JSON document (syntax error, duplicate key, trailing data, empty). */
public class MalformedJsonException extends RuntimeException {
    public MalformedJsonException(String message) {
        super(message);
    }
}
