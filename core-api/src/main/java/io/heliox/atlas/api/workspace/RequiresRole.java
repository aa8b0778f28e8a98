package io.heliox.atlas.api.workspace;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The role a person needs in the command's workspace to send this command. The command side's
 * workspace interceptor refuses a person's command without it (fail closed); the system's own
 * commands (the run worker's, deadlines) are not a person's and need none.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RequiresRole {
    WorkspaceRole value();
}
