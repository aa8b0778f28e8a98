package io.heliox.atlas.engine.execution;

import io.heliox.atlas.engine.accounting.TradeLog;

/** Why a fill happened, one byte per fill in the {@link TradeLog}. */
public final class FillReason {

    /** A rule's decision (buy/sell/close), or the entry leg of one. */
    public static final byte SIGNAL = 0;
    public static final byte STOP_LOSS = 1;
    public static final byte TAKE_PROFIT = 2;
    /** {@code risk.max_bars_held} reached. */
    public static final byte TIME_EXIT = 3;
    /** Equity reached 0: the position is liquidated and the account stops trading. */
    public static final byte RUIN = 4;

    private static final String[] NAMES = {"signal", "stop_loss", "take_profit", "time_exit", "ruin"};

    private FillReason() {
    }

    public static String name(byte reason) {
        return NAMES[reason];
    }
}
