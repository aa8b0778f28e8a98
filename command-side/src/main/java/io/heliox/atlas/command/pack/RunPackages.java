package io.heliox.atlas.command.pack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.api.NotFoundException;
import io.heliox.atlas.api.RunId;
import io.heliox.atlas.api.RunOptions;
import io.heliox.atlas.api.artifact.Candidate;
import io.heliox.atlas.api.artifact.PackageManifest;
import io.heliox.atlas.api.artifact.StoredObject;
import io.heliox.atlas.api.artifact.T0Artifact;
import io.heliox.atlas.api.artifact.T0Artifact.Ranked;
import io.heliox.atlas.api.run.RunLinks;
import io.heliox.atlas.api.run.RunState;
import io.heliox.atlas.command.storage.ObjectStore;
import io.heliox.atlas.command.storage.StoredObjects;
import io.heliox.atlas.engine.backtest.Backtest;
import io.heliox.atlas.engine.dsl.CheckOptions;
import io.heliox.atlas.engine.dsl.SchemaGate;
import io.heliox.atlas.engine.dsl.ir.CanonicalIr;
import io.heliox.atlas.engine.dsl.validation.StrategyValidator;
import io.heliox.atlas.engine.dsl.validation.Validation;
import io.heliox.atlas.kernel.CanonicalJson;
import io.heliox.atlas.packaging.HspPackage;
import io.heliox.atlas.packaging.HspVerifier;
import io.heliox.atlas.packaging.HspWriter;
import io.heliox.atlas.packaging.PackageContent;
import io.heliox.atlas.packaging.PackageFile;
import io.heliox.atlas.packaging.PackageSigningKeys;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A run's strategy packages: what goes into the package of one candidate, where it is kept
 * ({@code runs/{runId}/packages/{candidateId}.hsp}) and how it is linked. The pack phase builds
 * the best-ranked candidate's; any other is built on first request from the same recorded
 * artifacts, so every package of a run tells the same story as its events.
 *
 * <p>Files: {@code strategy.json} (the DSL), {@code ir.json} (its compiled IR, whose sha256 is the
 * manifest's {@code irHash}), {@code scenarios.json} (the markets, as generator documents),
 * {@code metrics.json} (the candidate's results per scenario, its rank and the scoring rule) and
 * {@code blueprint.json}. All are canonical JSON and none holds a time or a run id, so two runs
 * with the same prompt and seed give packages with the same files and the same
 * {@code contentHash}; the manifest adds the run, the time and the versions, and is signed.
 */
public final class RunPackages {

    /** What one of our own packages may unpack to (a few KB in practice). */
    public static final long MAX_UNPACKED_BYTES = 64L << 20;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** A built (or found) package: its manifest, where to get it, and where it is stored. */
    public record Packed(PackageManifest manifest, String downloadUrl, StoredObject stored, byte[] bytes) {
    }

    /** The run has nothing to package yet, or no such candidate. */
    public static class NotPackageable extends NotFoundException {
        public NotPackageable(String message) {
            super(message);
        }
    }

    private final ObjectStore store;
    private final PackageSigningKeys keys;
    private final SchemaGate strategySchema;
    private final RunLinks links;

    public RunPackages(ObjectStore store, PackageSigningKeys keys, SchemaGate strategySchema, RunLinks links) {
        this.store = store;
        this.keys = keys;
        this.strategySchema = strategySchema;
        this.links = links;
    }

    public static String key(RunId runId, String candidateId) {
        return "runs/" + runId + "/packages/" + candidateId + ".hsp";
    }

    /**
     * The pack phase: the best-ranked candidate's package, written before the artifact is recorded.
     * A retry after a crash finds the package it stored and reuses it, so the event and the file agree.
     */
    public synchronized Packed packBest(RunState history, Instant now) {
        String best = history.t0().orElseThrow(() -> new IllegalStateException("pack runs after t0")).best();
        return storedOrBuilt(history, best, now, links.runPackage(history.runId(), null));
    }

    /**
     * The candidate's package: the stored one, else built now. Synchronized so two first requests
     * for the same package cannot store two versions (they would differ in {@code createdAt}).
     */
    public synchronized Packed ensure(RunState history, String candidateId, Instant now) {
        boolean packed = history.pack().filter(p -> p.manifest().strategyId().equals(candidateId)).isPresent();
        return storedOrBuilt(history, candidateId, now, links.runPackage(history.runId(), packed ? null : candidateId));
    }

    private Packed storedOrBuilt(RunState history, String candidateId, Instant now, String downloadUrl) {
        String key = key(history.runId(), candidateId);
        Optional<byte[]> stored = store.get(key);
        if (stored.isEmpty()) {
            return build(history, candidateId, now, downloadUrl);
        }
        PackageManifest manifest = PackageManifest.of(HspVerifier.unpack(stored.get(), MAX_UNPACKED_BYTES).manifest());
        return new Packed(manifest, downloadUrl, StoredObjects.describe(key, stored.get()), stored.get());
    }

    private Packed build(RunState history, String candidateId, Instant now, String downloadUrl) {
        T0Artifact t0 = history.t0().orElseThrow(() -> new NotPackageable(
                "run " + history.runId() + " has no backtests yet: packages are built after t0"));
        Candidate candidate = Candidate.find(history.candidates(), candidateId)
                .orElseThrow(() -> new NotPackageable("run " + history.runId() + " has no candidate " + candidateId));
        Ranked rank = t0.rankOf(candidateId).orElseThrow(
                () -> new NotPackageable("run " + history.runId() + " did not rank candidate " + candidateId));
        Validation validation = new StrategyValidator(strategySchema, CheckOptions.DEFAULTS).validate(candidate.dsl());
        if (!validation.valid()) { // the worker validated every candidate before recording it
            throw new IllegalStateException("recorded candidate " + candidateId + " no longer validates: "
                    + validation.errors().get(0).message());
        }
        byte[] ir = CanonicalIr.json(validation.ir()).getBytes(StandardCharsets.UTF_8);
        ArrayNode scenarios = JSON.arrayNode();
        t0.scenarios().forEach(s -> scenarios.add(s.toJson()));

        List<PackageFile> files = List.of(
                new PackageFile("strategy.json", CanonicalJson.bytes(candidate.dsl())),
                new PackageFile("ir.json", ir),
                new PackageFile("scenarios.json", CanonicalJson.bytes(scenarios)),
                new PackageFile("metrics.json", CanonicalJson.bytes(metrics(t0, candidateId, rank))),
                new PackageFile("blueprint.json", CanonicalJson.bytes(history.blueprintDocument())));

        TreeMap<String, String> templates = new TreeMap<>();
        history.templates().forEach(t -> templates.put(t.substring(0, t.indexOf('@')), t));
        PackageManifest manifest = PackageManifest.unwritten("pkg-" + packageId(files), candidateId,
                validation.irHash(), RunOptions.MODE_MOCK.equals(history.options().mode())
                        ? "mock-0.1.0" : Backtest.ENGINE_VERSION,
                now.toString(), history.seed(), history.runId().toString(), rank.rank(), rank.score(), templates,
                t0.scenarioIds());

        HspWriter.Written written = HspWriter.write(new PackageContent(manifest.members(), files), keys);
        String key = key(history.runId(), candidateId);
        store.put(key, written.bytes(), HspPackage.MEDIA_TYPE);
        return new Packed(PackageManifest.of(written.manifest()), downloadUrl,
                StoredObjects.describe(key, written.bytes()), written.bytes());
    }

    /** The candidate's own results (no cache flags or links: those belong to the run, not the strategy). */
    private static ObjectNode metrics(T0Artifact t0, String candidateId, Ranked rank) {
        ObjectNode metrics = JSON.objectNode();
        metrics.put("candidateId", candidateId);
        metrics.set("rank", rank.toJson());
        if (t0.scoring() != null) {
            metrics.set("scoring", t0.scoring().toJson());
        }
        if (t0.terms() != null) {
            metrics.set("terms", t0.terms().toJson());
        }
        ArrayNode results = metrics.putArray("results");
        t0.resultsOf(candidateId).forEach(r -> results.add(r.summary().toJson()));
        return metrics;
    }

    /** Content-derived: the same files give the same id, whichever run built them. */
    private static String packageId(List<PackageFile> files) {
        StringBuilder hashes = new StringBuilder();
        files.forEach(f -> hashes.append(f.path()).append(' ').append(CanonicalJson.sha256(f.bytes())).append('\n'));
        return CanonicalJson.sha256(hashes.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }

}
