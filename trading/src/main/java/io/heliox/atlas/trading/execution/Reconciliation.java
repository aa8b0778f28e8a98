package io.heliox.atlas.trading.execution;

import io.heliox.atlas.trading.instrument.InstrumentId;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares what a session's log says the venue holds with what the venue says it holds, after a
 * restart or a lost connection, before the session trades again. Amounts are compared by value
 * ({@code 1.50} equals {@code 1.5}). Every difference is reported, in a stable order (positions,
 * cash, then orders by client id), so the same two snapshots always give the same list; an empty
 * list means the session may resume.
 */
public final class Reconciliation {

    private Reconciliation() {
    }

    public static List<Discrepancy> compare(VenueSnapshot expected, VenueSnapshot actual) {
        List<Discrepancy> out = new ArrayList<>();
        TreeSet<InstrumentId> instruments = new TreeSet<>(Comparator.comparing(InstrumentId::toString));
        instruments.addAll(expected.positions().keySet());
        instruments.addAll(actual.positions().keySet());
        for (InstrumentId id : instruments) {
            BigDecimal want = expected.positions().getOrDefault(id, BigDecimal.ZERO);
            BigDecimal have = actual.positions().getOrDefault(id, BigDecimal.ZERO);
            if (want.compareTo(have) != 0) {
                out.add(new Discrepancy("position.mismatch", id.toString(), plain(want), plain(have)));
            }
        }
        TreeSet<String> currencies = new TreeSet<>(expected.cash().keySet());
        currencies.addAll(actual.cash().keySet());
        for (String currency : currencies) {
            BigDecimal want = expected.cash().getOrDefault(currency, BigDecimal.ZERO);
            BigDecimal have = actual.cash().getOrDefault(currency, BigDecimal.ZERO);
            if (want.compareTo(have) != 0) {
                out.add(new Discrepancy("cash.mismatch", currency, plain(want), plain(have)));
            }
        }
        Map<String, VenueOrder> wanted = byId(expected);
        Map<String, VenueOrder> held = byId(actual);
        TreeSet<String> ids = new TreeSet<>(wanted.keySet());
        ids.addAll(held.keySet());
        for (String id : ids) {
            VenueOrder want = wanted.get(id);
            VenueOrder have = held.get(id);
            if (have == null) {
                out.add(new Discrepancy("order.missing_at_venue", id, describe(want), "none"));
            } else if (want == null) {
                out.add(new Discrepancy("order.unknown_to_session", id, "none", describe(have)));
            } else if (!sameTerms(want, have)) {
                out.add(new Discrepancy("order.mismatch", id, describe(want), describe(have)));
            }
        }
        return List.copyOf(out);
    }

    private static Map<String, VenueOrder> byId(VenueSnapshot snapshot) {
        return snapshot.openOrders().stream().collect(Collectors.toMap(VenueOrder::clientOrderId, Function.identity()));
    }

    private static boolean sameTerms(VenueOrder a, VenueOrder b) {
        return a.order().side() == b.order().side() && a.order().type() == b.order().type()
                && a.order().instrumentId().equals(b.order().instrumentId())
                && a.order().quantity().compareTo(b.order().quantity()) == 0
                && a.filled().compareTo(b.filled()) == 0
                && samePrice(a.order().limitPrice(), b.order().limitPrice())
                && samePrice(a.order().stopPrice(), b.order().stopPrice());
    }

    private static boolean samePrice(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static String describe(VenueOrder o) {
        StringBuilder s = new StringBuilder().append(o.order().side()).append(' ').append(plain(o.order().quantity()))
                .append(' ').append(o.order().instrumentId()).append(' ').append(o.order().type());
        if (o.order().limitPrice() != null) {
            s.append(" limit ").append(plain(o.order().limitPrice()));
        }
        if (o.order().stopPrice() != null) {
            s.append(" stop ").append(plain(o.order().stopPrice()));
        }
        return s.append(", filled ").append(plain(o.filled())).toString();
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
