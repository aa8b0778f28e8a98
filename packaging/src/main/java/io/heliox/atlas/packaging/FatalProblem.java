package io.heliox.atlas.packaging;

/**
 * A problem after which the verifier's later checks make no sense (no trailer, bad signature,
 * undecodable payload, …). Thrown inside the package, always caught by {@link HspVerifier}.
 * Without a stack trace: fuzzed input throws these by the thousand, and the code says it all.
 */
final class FatalProblem extends Exception {

    private static final long serialVersionUID = 1L;

    private final String code;

    FatalProblem(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }

    HspVerifier.Problem problem() {
        return new HspVerifier.Problem(code, getMessage());
    }
}
