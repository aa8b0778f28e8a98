package io.heliox.atlas.api.workspace;

import org.axonframework.messaging.Message;

import java.util.Objects;
import java.util.UUID;

/**
 * Which workspace's items a reader may see: one workspace (the caller's current one) or, for a
 * system administrator and the system's own work, all of them. Items recorded before workspaces
 * existed belong to none and are seen only by {@link #all()}.
 *
 * <p>The workspace of an aggregate is the {@value #METADATA_KEY} metadata of its first event: the
 * web layer puts the caller's workspace on every command, and Axon copies it onto the events the
 * command causes and on to the commands those cause in turn.
 */
public final class Scope {

    /** The metadata key that names a message's workspace. */
    public static final String METADATA_KEY = "workspaceId";

    private static final Scope ALL = new Scope(null);

    private final UUID workspaceId;

    private Scope(UUID workspaceId) {
        this.workspaceId = workspaceId;
    }

    public static Scope all() {
        return ALL;
    }

    public static Scope of(UUID workspaceId) {
        return new Scope(Objects.requireNonNull(workspaceId, "workspaceId"));
    }

    public boolean isAll() {
        return workspaceId == null;
    }

    /** The one workspace of this scope; null for {@link #all()}. */
    public UUID workspaceId() {
        return workspaceId;
    }

    public boolean admits(UUID owner) {
        return workspaceId == null || workspaceId.equals(owner);
    }

    /** Whether an aggregate whose first event is {@code first} is in this scope. */
    public boolean admits(Message<?> first) {
        return workspaceId == null || workspaceId.equals(workspaceOf(first));
    }

    /** The workspace a message was sent in, or null when it was sent in none. */
    public static UUID workspaceOf(Message<?> message) {
        Object value = message.getMetaData().get(METADATA_KEY);
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value.toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The value of the PostgreSQL setting {@code atlas.scope} the row-level security policies read:
     * {@code all} or the workspace's id.
     */
    public String setting() {
        return workspaceId == null ? "all" : workspaceId.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scope other && Objects.equals(workspaceId, other.workspaceId);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(workspaceId);
    }

    @Override
    public String toString() {
        return "Scope[" + setting() + "]";
    }
}
