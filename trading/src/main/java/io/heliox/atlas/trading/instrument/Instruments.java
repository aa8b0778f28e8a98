package io.heliox.atlas.trading.instrument;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The instruments one can trade, by id. Immutable: a venue's instrument list changes by building a
 * new registry, so an order validated against one registry is never checked against a half-updated one.
 */
public final class Instruments {

    private final Map<InstrumentId, Instrument> byId;

    private Instruments(Map<InstrumentId, Instrument> byId) {
        this.byId = byId;
    }

    /** A registry of these instruments; two with the same id are a mistake, not an override. */
    public static Instruments of(Collection<Instrument> instruments) {
        Map<InstrumentId, Instrument> byId = new LinkedHashMap<>();
        for (Instrument instrument : instruments) {
            if (byId.putIfAbsent(instrument.id(), instrument) != null) {
                throw new IllegalArgumentException("instrument listed twice: " + instrument.id());
            }
        }
        return new Instruments(java.util.Collections.unmodifiableMap(byId));
    }

    public static Instruments of(Instrument... instruments) {
        return of(List.of(instruments));
    }

    /** The instrument with this id; empty when the registry does not know it. */
    public Optional<Instrument> find(InstrumentId id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every instrument, in the order given. */
    public Collection<Instrument> all() {
        return byId.values();
    }
}
