package io.heliox.atlas.command.application.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import io.heliox.atlas.command.application.backtest.BacktestResult;
import io.heliox.atlas.command.storage.ObjectStore;
import io.heliox.atlas.engine.backtest.Backtest;
import io.heliox.atlas.engine.backtest.BacktestJson;
import io.heliox.atlas.engine.backtest.BacktestReport;
import io.heliox.atlas.engine.backtest.EquityNpy;
import io.heliox.atlas.engine.scenario.Bars;
import io.heliox.atlas.kernel.SizedLru;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

/**
 * BacktestResult backtest results, one per signature: {@code results/{signature}/} holds
 * {@code equity.npy}, {@code trades.jsonl} and {@code metrics.json} in object storage, and the
 * {@code run_results} table indexes them. The row is written last, so its presence means the
 * result is complete (a lookup asks the table first, not the object store); a crash in between
 * leaves bytes the next request overwrites with the same bytes. Recently used results are also kept in memory ({@link SizedLru}).
 */
public class BacktestResults {

    static final String EQUITY = "equity.npy";
    static final String TRADES = "trades.jsonl";
    static final String METRICS = "metrics.json";

    private final ObjectStore store;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SizedLru<BacktestResult> memo;
    private final WriteBehind writer;

    public BacktestResults(ObjectStore store, JdbcTemplate jdbc, Clock clock, long memoBytes, WriteBehind writer) {
        this.store = store;
        this.jdbc = jdbc;
        this.clock = clock;
        this.writer = writer;
        this.memo = new SizedLru<>(memoBytes, BacktestResult::size);
    }

    /** A result's three files; {@code fromCache} says whether this request computed it. */
    public static String prefix(String signature) {
        return "results/" + signature + "/";
    }

    /** The stored result with this signature, from memory or object storage. */
    public Optional<BacktestResult> find(String signature) {
        Optional<BacktestResult> remembered = memo.get(signature);
        if (remembered.isPresent()) {
            return remembered.map(BacktestResult::asCached);
        }
        // The index row is written after the files, so no row means no complete result: a miss
        // (every new backtest) costs one indexed query instead of an object-store round trip.
        if (!Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from run_results where signature = ?)",
                Boolean.class, signature))) {
            return Optional.empty();
        }
        String prefix = prefix(signature);
        Optional<byte[]> metrics = store.get(prefix + METRICS);
        if (metrics.isEmpty()) {
            return Optional.empty();
        }
        Optional<byte[]> equity = store.get(prefix + EQUITY);
        Optional<byte[]> trades = store.get(prefix + TRADES);
        if (equity.isEmpty() || trades.isEmpty()) {
            return Optional.empty(); // someone deleted a part: compute again
        }
        BacktestResult stored = new BacktestResult(signature, equity.get(), trades.get(), metrics.get(), true);
        memo.put(stored.signature(), stored);
        return Optional.of(stored);
    }

    /**
     * Remembers a freshly computed report at once and writes it behind the answer ({@link WriteBehind}):
     * files, {@code metrics.json} last, then the index row.
     */
    public BacktestResult save(String tier, String runId, BacktestReport report, Bars bars) {
        BacktestResult stored = new BacktestResult(report.signature(), EquityNpy.write(report.run().equity()),
                BacktestJson.tradesJsonl(report.run(), bars), BacktestJson.metricsJson(report), false);
        memo.put(stored.signature(), stored);
        writer.submit("result " + report.signature(), () -> persist(tier, runId, report, stored));
        return stored;
    }

    private void persist(String tier, String runId, BacktestReport report, BacktestResult stored) {
        String prefix = prefix(report.signature());
        store.put(prefix + EQUITY, stored.equityNpy(), "application/octet-stream");
        store.put(prefix + TRADES, stored.tradesJsonl(), "application/jsonl");
        store.put(prefix + METRICS, stored.metricsJson(), "application/json");
        jdbc.update("""
                insert into run_results (signature, tier, run_id, ir_hash, scenario_hash, engine_ver, bars, fills,
                                         metrics_json, object_ref, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?) on conflict (signature) do nothing""",
                report.signature(), tier, runId, report.irHash(), report.scenarioHash(), Backtest.ENGINE_VERSION,
                report.run().bars(), report.run().trades().fillCount(), metricsOnly(stored.metricsJson()), prefix,
                Timestamp.from(clock.instant()));
    }

    private static String metricsOnly(byte[] metricsJson) {
        try {
            JsonNode tree = BacktestJson.MAPPER.readTree(metricsJson);
            return tree.get("metrics").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
