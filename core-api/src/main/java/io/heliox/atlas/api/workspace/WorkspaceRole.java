package io.heliox.atlas.api.workspace;

import java.util.Locale;
import java.util.Optional;

/**
 * What a member may do in a workspace. Each role includes the ones before it: a {@code viewer}
 * reads, a {@code trader} also starts runs and keeps strategies, an {@code admin} also manages the
 * members and their roles.
 */
public enum WorkspaceRole {
    VIEWER, TRADER, ADMIN;

    /** The name on the wire and in the database: lower case. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<WorkspaceRole> fromWire(String text) {
        for (WorkspaceRole role : values()) {
            if (role.wireName().equals(text)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** Whether a member with this role may do what {@code needed} may. */
    public boolean includes(WorkspaceRole needed) {
        return compareTo(needed) >= 0;
    }
}
