package io.heliox.atlas.engine.dsl.read;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A StrategyDSL version, {@code LEVEL[.REVISION]} such as {@code 0.1} or {@code 0.1.1}.
 * The level ("0.1") names the semantics; a revision only adds optional fields, so every document
 * of a level means the same thing under every revision of that level (see DSL.md, "Versioning").
 */
public record DslVersion(int major, int minor, int revision) {

    /** The language level this engine executes. */
    public static final String LEVEL = "0.1";
    /** The newest revision of {@link #LEVEL} this engine reads. */
    public static final int LATEST_REVISION = 1;

    private static final Pattern FORMAT = Pattern.compile("^(0)\\.(1)(?:\\.(0|[1-9][0-9]{0,3}))?$");

    public static Optional<DslVersion> parse(String text) {
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        int revision = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        return Optional.of(new DslVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), revision));
    }

    /** The semantics level, which is all the IR records (a revision never changes meaning). */
    public String level() {
        return major + "." + minor;
    }

    public boolean atLeastRevision(int r) {
        return revision >= r;
    }
}
