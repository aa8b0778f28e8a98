package io.heliox.atlas.command.storage;

/** The object store failed (unreachable, refused, broken); not a missing object, which is empty. */
public class ObjectStoreException extends RuntimeException {
    public ObjectStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
