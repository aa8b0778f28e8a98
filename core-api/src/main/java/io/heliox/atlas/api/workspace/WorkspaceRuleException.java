package io.heliox.atlas.api.workspace;

/** A change the workspace's rules refuse: the name taken, the last admin leaving or stepping down. */
public class WorkspaceRuleException extends RuntimeException {
    public WorkspaceRuleException(String message) {
        super(message);
    }
}
