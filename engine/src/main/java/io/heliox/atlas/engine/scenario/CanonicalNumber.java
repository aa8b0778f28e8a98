package io.heliox.atlas.engine.scenario;

import io.heliox.atlas.kernel.CanonicalJson;

/** Numbers in messages spelt as in the canonical JSON (20, not 20.0). */
final class CanonicalNumber {

    private CanonicalNumber() {
    }

    static String of(double v) {
        return Double.isFinite(v) ? CanonicalJson.number(v) : String.valueOf(v);
    }
}
