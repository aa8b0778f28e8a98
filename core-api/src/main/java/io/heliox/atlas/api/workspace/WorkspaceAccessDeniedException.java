package io.heliox.atlas.api.workspace;

/** A person asked for something their role in the workspace does not allow (a viewer starting a run). */
public class WorkspaceAccessDeniedException extends RuntimeException {
    public WorkspaceAccessDeniedException(String message) {
        super(message);
    }
}
