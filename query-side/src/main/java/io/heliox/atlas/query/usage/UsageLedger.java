package io.heliox.atlas.query.usage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.heliox.atlas.api.usage.Meter;
import io.heliox.atlas.api.usage.Quota;
import io.heliox.atlas.api.workspace.Scope;
import io.heliox.atlas.query.ScopedReads;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads a workspace's usage: what it holds and has used today, and its ledger of a month (row-level security applies). */
public class UsageLedger {

    /** A quantity of a meter (for model tokens, of one provider and model), on a day or over a month. */
    public record Line(LocalDate day, Meter meter, String provider, String model, long quantity) {
    }

    /**
     * The workspace's usage as its quotas see it.
     *
     * @param own the quotas the workspace set itself (the others are the installation's)
     */
    public record Current(Map<Quota, Long> own, long runsToday, long runsInFlight, long modelTokensToday,
                          long scenarioBarsStored, long storageBytes) {

        /** What {@code quota} counts now (for {@code scenarioBarsPerRequest}, nothing: it bounds one request). */
        public long used(Quota quota) {
            return switch (quota) {
                case RUNS_PER_DAY -> runsToday;
                case CONCURRENT_RUNS -> runsInFlight;
                case MODEL_TOKENS_PER_DAY -> modelTokensToday;
                case SCENARIO_BARS_PER_REQUEST -> 0;
                case SCENARIO_BARS_STORED -> scenarioBarsStored;
                case STORAGE_BYTES -> storageBytes;
            };
        }
    }

    private final ScopedReads reads;
    private final ObjectMapper json;

    public UsageLedger(ScopedReads reads, ObjectMapper json) {
        this.reads = reads;
        this.json = json;
    }

    public Current current(UUID workspace, LocalDate today, Scope scope) {
        // one round trip: what the workspace holds (no row yet: nothing) and its two meters of the day
        return reads.read(scope, () -> reads.jdbc().queryForObject("""
                select coalesce(u.quotas::text, '{}'), coalesce(u.runs_in_flight, 0),
                       coalesce(u.scenario_bars_stored, 0), coalesce(u.storage_bytes, 0),
                       (select coalesce(sum(quantity), 0) from usage_ledger
                         where workspace_id = w.id and day = ? and meter = 'runs'),
                       (select coalesce(sum(quantity), 0) from usage_ledger
                         where workspace_id = w.id and day = ? and meter = 'modelTokens')
                from (select ?::uuid as id) w left join workspace_usage u on u.workspace_id = w.id""",
                (rs, i) -> new Current(quotas(rs.getString(1)), rs.getLong(5), rs.getLong(2), rs.getLong(6),
                        rs.getLong(3), rs.getLong(4)),
                Date.valueOf(today), Date.valueOf(today), workspace));
    }

    /** The month's lines per day, in day, meter, provider, model order. */
    public List<Line> month(UUID workspace, YearMonth month, Scope scope) {
        return reads.read(scope, () -> reads.jdbc().query("""
                        select day, meter, provider, model, quantity from usage_ledger
                        where workspace_id = ? and day >= ? and day <= ?
                        order by day, meter, provider, model""",
                (rs, i) -> new Line(rs.getDate(1).toLocalDate(), Meter.fromWire(rs.getString(2)).orElseThrow(),
                        rs.getString(3), rs.getString(4), rs.getLong(5)),
                workspace, Date.valueOf(month.atDay(1)), Date.valueOf(month.atEndOfMonth())));
    }

    private Map<Quota, Long> quotas(String text) {
        try {
            JsonNode node = json.readTree(text);
            Map<Quota, Long> own = new EnumMap<>(Quota.class);
            node.fields().forEachRemaining(e -> Quota.fromWire(e.getKey()).ifPresent(q -> own.put(q, e.getValue().asLong())));
            return own;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
