package io.heliox.atlas.trading.execution;

import io.heliox.atlas.trading.instrument.InstrumentId;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a venue holds for an account at one moment: its working orders, its net positions and its
 * cash by currency. Both sides of a reconciliation have this shape: the venue's answer, and what a
 * session's own log says the venue should hold. Maps are sorted, so two equal snapshots print alike.
 *
 * @param positions signed net quantity per instrument; flat instruments are left out
 */
public record VenueSnapshot(Instant asOf, List<VenueOrder> openOrders, Map<InstrumentId, BigDecimal> positions,
                            Map<String, BigDecimal> cash) {

    public VenueSnapshot {
        Objects.requireNonNull(asOf, "asOf");
        openOrders = openOrders.stream().sorted(Comparator.comparing(VenueOrder::clientOrderId)).toList();
        TreeMap<InstrumentId, BigDecimal> held = new TreeMap<>(Comparator.comparing(InstrumentId::toString));
        positions.forEach((id, quantity) -> {
            if (quantity.signum() != 0) {
                held.put(id, quantity);
            }
        });
        positions = java.util.Collections.unmodifiableMap(held);
        cash = java.util.Collections.unmodifiableMap(new TreeMap<>(cash));
    }
}
