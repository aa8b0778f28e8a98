package io.heliox.atlas.command.run;

/** A command that breaks the run's rules: out of phase order, after its end, or a conflicting restart. */
public class RunCommandRejectedException extends RuntimeException {
    public RunCommandRejectedException(String message) {
        super(message);
    }
}
