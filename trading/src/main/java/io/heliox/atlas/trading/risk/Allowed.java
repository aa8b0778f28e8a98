package io.heliox.atlas.trading.risk;

/**
 * The order passed every limit. One shared instance ({@link #ALLOWED}): the common answer of a
 * check that runs hundreds of thousands of times a second allocates nothing.
 */
public record Allowed() implements RiskCheck {

    public static final Allowed ALLOWED = new Allowed();
}
