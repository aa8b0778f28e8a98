package io.heliox.atlas.command.application.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.heliox.atlas.command.application.usage.UsageMeter;
import io.heliox.atlas.command.storage.BarsParquet;
import io.heliox.atlas.command.storage.ObjectStore;
import io.heliox.atlas.engine.scenario.Bars;
import io.heliox.atlas.engine.scenario.DatasetManifest;
import io.heliox.atlas.engine.scenario.ScenarioGenerator;
import io.heliox.atlas.engine.scenario.ScenarioSpec;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import io.heliox.atlas.api.workspace.Scope;

/**
 * Market datasets, generated once per content hash and reused: {@code scenarios/{id}/{hash}/}
 * holds {@code dataset.parquet} and {@code manifest.json} in object storage, and the
 * {@code scenarios} table indexes them. The manifest is written last, so its presence means the
 * dataset is complete; a crash in between only leaves bytes that the next request overwrites.
 * A stored dataset made by another generator version is regenerated, never served.
 */
public class ScenarioDatasets {

    static final String DATASET = "dataset.parquet";
    static final String MANIFEST = "manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectStore store;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final UsageMeter usage;

    public ScenarioDatasets(ObjectStore store, JdbcTemplate jdbc, UsageMeter usage, Clock clock) {
        this.usage = usage;
        this.store = store;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A stored dataset; {@code generated} is false when an identical one already existed. */
    public record Stored(DatasetManifest manifest, String objectRef, boolean generated) {
    }

    /**
     * The dataset of {@code spec}, generated and stored unless it is already, and kept as one of
     * {@code workspace}'s (null: of none, seen by every workspace, like the built-in fixtures). A
     * workspace's scenario is within its quotas: its bars per request before anything is generated,
     * then the bars and bytes it keeps the first time it claims the dataset (shared bytes count for
     * every workspace that keeps them: each could have generated them alone).
     *
     * @throws io.heliox.atlas.api.usage.QuotaExceededException when the workspace may not have it
     */
    public Stored generateOrFetch(ScenarioSpec spec, UUID workspace) {
        if (workspace == null) {
            return storedOr(spec, () -> ScenarioGenerator.generate(spec), null);
        }
        usage.checkScenarioBars(workspace, spec.durationBars());
        return storedOr(spec, () -> ScenarioGenerator.generate(spec),
                (manifest, bytes) -> claim(workspace, spec, manifest, bytes));
    }

    /** What a workspace does with a dataset before it is indexed: counts it against its quotas and owns it. */
    private interface Claim {
        void claim(DatasetManifest manifest, long bytes);
    }

    /**
     * The workspace's first claim on a dataset: metered (refused over its quotas) and owned before
     * the dataset is stored or indexed, so a refused or half-made dataset is never anyone's to see.
     */
    private void claim(UUID workspace, ScenarioSpec spec, DatasetManifest manifest, long bytes) {
        if (owns(workspace, spec.id(), manifest.scenarioHash())) {
            return;
        }
        usage.store(workspace, "scenario:" + spec.id() + "@" + manifest.scenarioHash(), bytes, manifest.bars());
        jdbc.update("""
                insert into scenario_owners (scenario_id, scenario_hash, workspace_id, created_at) values (?, ?, ?, ?)
                on conflict do nothing""", spec.id(), manifest.scenarioHash(), workspace, Timestamp.from(clock.instant()));
    }

    private boolean owns(UUID workspace, String scenarioId, String scenarioHash) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from scenario_owners where workspace_id = ? and scenario_id = ? and scenario_hash = ?)""",
                Boolean.class, workspace, scenarioId, scenarioHash));
    }

    /**
     * Which datasets a scope sees: those its workspace generated, and those no workspace claimed
     * (the built-in fixtures, the markets runs stored); everything for {@link Scope#all()}. Its two
     * placeholders: whether the scope is all, and its workspace.
     */
    private static final String VISIBLE = " " + """
            and (? or not exists (select 1 from scenario_owners o where o.scenario_id = s.id
                                    and o.scenario_hash = s.scenario_hash)
                  or exists (select 1 from scenario_owners o where o.scenario_id = s.id
                             and o.scenario_hash = s.scenario_hash and o.workspace_id = ?))""";

    /**
     * For a caller that already generated {@code spec}'s bars (a backtest: regenerating 50k bars
     * takes a few ms, reading them back from storage several times that): stores them when the
     * dataset is not stored yet, so every market a backtest ran on can be fetched later.
     */
    public Stored ensureStored(ScenarioSpec spec, Bars bars) {
        return storedOr(spec, () -> bars, null);
    }

    /** @param claim a workspace's claim, made before the dataset is stored or indexed; null for none */
    private Stored storedOr(ScenarioSpec spec, java.util.function.Supplier<Bars> generate, Claim claim) {
        String prefix = prefix(spec.id(), spec.scenarioHash());
        Optional<DatasetManifest> existing = store.get(prefix + MANIFEST).map(ScenarioDatasets::manifest)
                .filter(m -> m.engineVer().equals(ScenarioGenerator.ENGINE_VERSION));
        if (existing.isPresent()) {
            if (claim != null) {
                claim.claim(existing.get(), store.size(prefix + DATASET).orElse(0L) + store.size(prefix + MANIFEST).orElse(0L));
            }
            index(spec, existing.get(), prefix); // the index may be new (another database, a lost row)
            return new Stored(existing.get(), prefix, false);
        }
        Bars bars = generate.get();
        DatasetManifest manifest = DatasetManifest.of(spec, bars, clock.instant());
        byte[] dataset = BarsParquet.write(bars);
        byte[] manifestJson = manifest.toJson().getBytes(StandardCharsets.UTF_8);
        if (claim != null) {
            claim.claim(manifest, dataset.length + manifestJson.length);
        }
        store.put(prefix + DATASET, dataset, "application/vnd.apache.parquet");
        store.put(prefix + MANIFEST, manifestJson, "application/json");
        index(spec, manifest, prefix);
        return new Stored(manifest, prefix, true);
    }

    /** The newest dataset of a scenario id that {@code scope} sees. */
    public Optional<Stored> latest(String scenarioId, Scope scope) {
        List<String> refs = jdbc.queryForList(
                "select object_ref from scenarios s where id = ?" + VISIBLE + " order by created_at desc limit 1",
                String.class, scenarioId, scope.isAll(), scope.workspaceId());
        return refs.stream().findFirst().flatMap(ref -> store.get(ref + MANIFEST)
                .map(bytes -> new Stored(manifest(bytes), ref, false)));
    }

    /** What the index knows of a stored dataset, enough to sign a backtest before reading any bar. */
    public record Indexed(String id, String scenarioHash, String timeframe, int bars, String objectRef) {
    }

    /** The dataset {@code (id, hash)}, or the newest of {@code id} when {@code hash} is null, that {@code scope} sees. */
    public Optional<Indexed> indexed(String scenarioId, String scenarioHash, Scope scope) {
        String sql = "select id, scenario_hash, timeframe, bars, object_ref from scenarios s where id = ?"
                + (scenarioHash == null ? "" : " and scenario_hash = ?") + VISIBLE + " order by created_at desc limit 1";
        Object[] args = scenarioHash == null ? new Object[]{scenarioId, scope.isAll(), scope.workspaceId()}
                : new Object[]{scenarioId, scenarioHash, scope.isAll(), scope.workspaceId()};
        return jdbc.query(sql, (rs, i) -> new Indexed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                rs.getString(5)), args).stream().findFirst();
    }

    public Optional<Bars> bars(Indexed indexed) {
        return store.get(indexed.objectRef() + DATASET).map(BarsParquet::read);
    }

    public Optional<Bars> bars(Stored stored) {
        return store.get(stored.objectRef() + DATASET).map(BarsParquet::read);
    }

    public boolean isStored(String scenarioId, String scenarioHash) {
        String prefix = prefix(scenarioId, scenarioHash);
        return store.exists(prefix + MANIFEST) && store.exists(prefix + DATASET);
    }

    static String prefix(String scenarioId, String scenarioHash) {
        return "scenarios/" + scenarioId + "/" + scenarioHash + "/";
    }

    private void index(ScenarioSpec spec, DatasetManifest manifest, String prefix) {
        jdbc.update("""
                insert into scenarios (id, scenario_hash, family, params_json, seed, timeframe, bars, engine_ver, object_ref, created_at)
                values (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?) on conflict (id, scenario_hash) do nothing""",
                spec.id(), manifest.scenarioHash(), spec.family().dslName(), params(spec), spec.seed(),
                spec.timeframe().dslName(), manifest.bars(), manifest.engineVer(), prefix,
                Timestamp.from(manifest.generatedAt()));
    }

    private static String params(ScenarioSpec spec) {
        try {
            return JSON.readTree(spec.canonicalJson()).path("params").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DatasetManifest manifest(byte[] bytes) {
        try {
            JsonNode tree = JSON.readTree(bytes);
            return DatasetManifest.fromJson(tree);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored manifest.json is not JSON", e);
        }
    }
}
