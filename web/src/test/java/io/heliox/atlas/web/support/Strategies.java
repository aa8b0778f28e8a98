package io.heliox.atlas.web.support;

/** Strategy documents the web tests send. */
public final class Strategies {

    /** A valid StrategyDSL v0.1 MA crossover: sized, with a stop and an exit rule. */
    public static final String MA_CROSS = """
            {"id":"ma-cross-10-40","name":"MA crossover 10/40","version":"0.1","timeframe":"1h",
             "rules":[{"if":"crossover(ma(close,$fast), ma(close,$slow))","then":"buy"},
                      {"if":"crossunder(ma(close,$fast), ma(close,$slow))","then":"close"}],
             "params":{"fast":10,"slow":40},"sizing":{"mode":"fraction","value":0.5},
             "risk":{"stop_loss_bps":200}}""";

    private Strategies() {
    }
}
