package io.heliox.atlas.trading.live;

/** The position a strategy asks for: long, flat or short (its size is execution's business). */
public enum Exposure {
    LONG(1),
    FLAT(0),
    SHORT(-1);

    private final int sign;

    Exposure(int sign) {
        this.sign = sign;
    }

    /** 1, 0 or −1, as the engine's simulator writes a target position. */
    public int sign() {
        return sign;
    }
}
