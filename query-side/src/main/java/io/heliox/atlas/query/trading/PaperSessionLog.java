package io.heliox.atlas.query.trading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.heliox.atlas.api.trading.PaperSessionStartedEvent;
import io.heliox.atlas.api.trading.PaperSessionStoppedEvent;
import io.heliox.atlas.api.trading.SessionBarClosedEvent;
import io.heliox.atlas.api.trading.SessionKillSwitchEvent;
import io.heliox.atlas.api.trading.SessionOrderEvent;
import io.heliox.atlas.api.trading.SessionPositionChangedEvent;
import io.heliox.atlas.api.trading.SessionRiskEvent;
import io.heliox.atlas.api.workspace.Scope;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A paper session's log, read from its own event stream (the one source of truth): orders, risk,
 * kill switches and the stop, each with its sequence number; and the equity curve, a point per bar.
 */
public class PaperSessionLog {

    /** One entry of the log. {@code kind}, {@code bar}, {@code clientOrderId} and {@code detail} may be null. */
    public record Entry(long seq, String type, String kind, Integer bar, String clientOrderId, JsonNode detail,
                        Instant at) {
    }

    /** A page: its entries, and the seq to ask after for more (null at the end). */
    public record Page(List<Entry> entries, Long nextAfter) {
    }

    /** The account at one bar's close: the equity curve's point. */
    public record Point(int bar, Instant barClose, double close, String signal, java.math.BigDecimal equity,
                        java.math.BigDecimal position, String state) {
    }

    private final EventStore eventStore;

    public PaperSessionLog(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Entries with seq greater than {@code after}; empty when no session of {@code scope} has this id. */
    public Optional<Page> after(UUID session, long after, int limit, Scope scope) {
        DomainEventStream stream = open(session, scope);
        if (stream == null) {
            return Optional.empty();
        }
        List<Entry> entries = new ArrayList<>();
        Long nextAfter = null;
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getSequenceNumber() <= after) {
                continue;
            }
            Entry entry = entry(message);
            if (entry == null) {
                continue;
            }
            if (entries.size() == limit) {
                nextAfter = entries.get(entries.size() - 1).seq();
                break;
            }
            entries.add(entry);
        }
        return Optional.of(new Page(entries, nextAfter));
    }

    /**
     * Everything the session recorded after {@code after}, oldest first, at most {@code limit}: the log's
     * entries and also its start ({@code started}), each bar's close ({@code bar}: the equity point) and
     * each position change ({@code position}), for a live view. No check of the scope: ask
     * {@link #after} first (a stream is opened once and then read many times).
     */
    public List<Entry> stream(UUID session, long after, int limit) {
        DomainEventStream stream = eventStore.readEvents(session.toString(), after + 1);
        List<Entry> entries = new ArrayList<>();
        while (stream.hasNext() && entries.size() < limit) {
            DomainEventMessage<?> message = stream.next();
            if (message.getSequenceNumber() <= after) {
                continue;
            }
            Entry entry = liveEntry(message);
            if (entry != null) {
                entries.add(entry);
            }
        }
        return entries;
    }

    /** The session's equity curve, a point per bar taken; empty when no session of {@code scope} has this id. */
    public Optional<List<Point>> equity(UUID session, Scope scope) {
        DomainEventStream stream = open(session, scope);
        if (stream == null) {
            return Optional.empty();
        }
        List<Point> points = new ArrayList<>();
        while (stream.hasNext()) {
            if (stream.next().getPayload() instanceof SessionBarClosedEvent e) {
                points.add(new Point(e.bar(), e.barClose(), e.close(), e.signal(), e.equity(), e.position(), e.state()));
            }
        }
        return Optional.of(points);
    }

    /** The session's stream, or null when the id is no session of {@code scope} (a run's id is none either). */
    private DomainEventStream open(UUID session, Scope scope) {
        DomainEventStream stream = eventStore.readEvents(session.toString(), 0);
        boolean ours = stream.hasNext() && stream.peek().getPayload() instanceof PaperSessionStartedEvent
                && scope.admits(stream.peek());
        return ours ? stream : null;
    }

    private static Entry liveEntry(DomainEventMessage<?> message) {
        long seq = message.getSequenceNumber();
        Object payload = message.getPayload();
        JsonNodeFactory json = JsonNodeFactory.instance;
        if (payload instanceof PaperSessionStartedEvent e) {
            return new Entry(seq, "started", null, null, null, json.objectNode().put("principal", e.principal()), e.at());
        }
        if (payload instanceof SessionBarClosedEvent e) {
            var detail = json.objectNode().put("barClose", e.barClose().toString()).put("signal", e.signal())
                    .put("equity", e.equity().toPlainString()).put("position", e.position().toPlainString())
                    .put("state", e.state());
            if (Double.isFinite(e.close())) {
                detail.put("close", e.close());
            }
            return new Entry(seq, "bar", null, e.bar(), null, detail, e.at());
        }
        if (payload instanceof SessionPositionChangedEvent e) {
            return new Entry(seq, "position", null, e.bar(), null, json.objectNode()
                    .put("instrument", e.instrument()).put("quantity", e.quantity().toPlainString())
                    .put("averagePrice", e.averagePrice().toPlainString())
                    .put("realised", e.realised().toPlainString()).put("fees", e.fees().toPlainString())
                    .put("cash", e.cash().toPlainString()), e.at());
        }
        return entry(message);
    }

    private static Entry entry(DomainEventMessage<?> message) {
        long seq = message.getSequenceNumber();
        Object payload = message.getPayload();
        if (payload instanceof SessionOrderEvent e) {
            return new Entry(seq, "order", e.kind(), e.bar(), e.clientOrderId(), e.detail(), e.at());
        }
        if (payload instanceof SessionRiskEvent e) {
            return new Entry(seq, "risk", e.kind(), e.bar(), null, e.detail(), e.at());
        }
        if (payload instanceof SessionKillSwitchEvent e) {
            return new Entry(seq, "kill_switch", e.engaged() ? "engaged" : "released", null, null,
                    JsonNodeFactory.instance.objectNode()
                            .put("principal", e.principal()).put("reason", e.reason()), e.at());
        }
        if (payload instanceof PaperSessionStoppedEvent e) {
            return new Entry(seq, "stopped", null, null, null,
                    JsonNodeFactory.instance.objectNode()
                            .put("principal", e.principal()).put("reason", e.reason()), e.at());
        }
        return null;
    }
}
