package io.heliox.atlas.engine.dsl;

/**
 * One problem found in a StrategyDSL document.
 *
 * @param code    the family (stable, for machines)
 * @param subCode the precise reason (stable, for machines)
 * @param message what is wrong, for a person, naming the offending text
 * @param loc     where
 * @param hint    the smallest edit that fixes it, phrased as an instruction
 */
public record DslError(ErrorCode code, SubCode subCode, String message, Loc loc, String hint) {

    public DslError {
        if (subCode.code() != code) {
            throw new IllegalArgumentException(subCode + " is not a sub-code of " + code);
        }
    }

    public static DslError of(SubCode subCode, Loc loc, String message, String hint) {
        return new DslError(subCode.code(), subCode, message, loc, hint);
    }
}
