package io.heliox.atlas.packaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.luben.zstd.ZstdInputStream;
import io.heliox.atlas.kernel.CanonicalJson;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;

/** A realistic strategy package (five JSON files of a few KB) and helpers to build odd ones. */
final class HspFixtures {

    static final long MAX_UNPACKED = 64L << 20;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private HspFixtures() {
    }

    /** A fresh key pair; its files are deleted again (the keys stay in memory). */
    static PackageSigningKeys newKeys() {
        try {
            Path dir = Files.createTempDirectory("hsp-keys");
            PackageSigningKeys keys = PackageSigningKeys.loadOrCreate(dir);
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(dir);
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Function<String, Optional<String>> trusting(PackageSigningKeys... keys) {
        return id -> {
            for (PackageSigningKeys key : keys) {
                if (key.keyId().equals(id)) {
                    return Optional.of(key.publicKeyBase64());
                }
            }
            return Optional.empty();
        };
    }

    static HspVerifier verifier(PackageSigningKeys... keys) {
        return new HspVerifier(trusting(keys), MAX_UNPACKED);
    }

    static ObjectNode manifestFields() {
        ObjectNode fields = JSON.objectNode()
                .put("packageId", "pkg-7f3a")
                .put("strategyId", "strat-momentum-42")
                .put("irHash", "0".repeat(63) + "1")
                .put("engineVersion", "0.1.0")
                .put("createdAt", "2026-11-24T12:00:00Z")
                .put("seed", 42)
                .put("runId", "3f0c2d9e-8a7b-4c1d-9e2f-0a1b2c3d4e5f")
                .put("rank", 1)
                .put("score", 1.2345);
        fields.putObject("templateVersions").put("t0", "t0-rank@3#abc123");
        fields.putArray("scenarios").add("sc-bull").add("sc-bear").add("sc-chop");
        return fields;
    }

    static PackageContent realisticContent() {
        SplittableRandom random = new SplittableRandom(7);
        return new PackageContent(manifestFields(), List.of(
                json("strategy.json", strategy(random)),
                json("ir.json", ir(random)),
                json("scenarios.json", scenarios(random)),
                json("metrics.json", metrics(random)),
                json("blueprint.json", blueprint(random))));
    }

    static PackageFile json(String path, ObjectNode node) {
        return new PackageFile(path, CanonicalJson.bytes(node));
    }

    private static ObjectNode strategy(SplittableRandom random) {
        ObjectNode strategy = JSON.objectNode().put("id", "strat-momentum-42").put("name", "Momentum with volatility filter");
        ArrayNode rules = strategy.putArray("rules");
        for (int i = 0; i < 12; i++) {
            rules.addObject().put("when", "sma(close, " + (5 + random.nextInt(50)) + ") > sma(close, "
                            + (50 + random.nextInt(150)) + ")")
                    .put("then", i % 2 == 0 ? "long" : "flat").put("weight", round(random.nextDouble()));
        }
        strategy.putObject("risk").put("maxDrawdown", 0.2).put("stopLoss", round(random.nextDouble() / 10));
        return strategy;
    }

    private static ObjectNode ir(SplittableRandom random) {
        ObjectNode ir = JSON.objectNode().put("version", 3);
        ArrayNode nodes = ir.putArray("nodes");
        for (int i = 0; i < 40; i++) {
            nodes.addObject().put("id", "n" + i).put("op", List.of("sma", "ema", "gt", "and", "atr").get(random.nextInt(5)))
                    .put("window", 1 + random.nextInt(200)).putArray("inputs").add("n" + random.nextInt(i + 1));
        }
        return ir;
    }

    private static ObjectNode scenarios(SplittableRandom random) {
        ObjectNode scenarios = JSON.objectNode();
        ArrayNode list = scenarios.putArray("scenarios");
        for (String id : List.of("sc-bull", "sc-bear", "sc-chop")) {
            ObjectNode scenario = list.addObject().put("id", id).put("seed", random.nextInt(1_000_000));
            scenario.putObject("garch").put("omega", round(random.nextDouble() / 1000))
                    .put("alpha", round(random.nextDouble() / 10)).put("beta", round(0.8 + random.nextDouble() / 10));
            ArrayNode shocks = scenario.putArray("shocks");
            for (int i = 0; i < 15; i++) {
                shocks.addObject().put("bar", random.nextInt(5000)).put("size", round(random.nextGaussian() / 20));
            }
        }
        return scenarios;
    }

    private static ObjectNode metrics(SplittableRandom random) {
        ObjectNode metrics = JSON.objectNode();
        for (String id : List.of("sc-bull", "sc-bear", "sc-chop")) {
            ObjectNode m = metrics.putObject(id).put("sharpe", round(random.nextGaussian()))
                    .put("sortino", round(random.nextGaussian())).put("maxDrawdown", round(random.nextDouble() / 3))
                    .put("trades", random.nextInt(400));
            ArrayNode equity = m.putArray("equity");
            for (int i = 0; i < 60; i++) {
                equity.add(round(10_000 * (1 + random.nextGaussian() / 10)));
            }
        }
        return metrics;
    }

    private static ObjectNode blueprint(SplittableRandom random) {
        ObjectNode blueprint = JSON.objectNode().put("title", "Deploy blueprint").put("venue", "paper");
        ArrayNode steps = blueprint.putArray("steps");
        for (int i = 0; i < 20; i++) {
            steps.addObject().put("step", i).put("text", "Check the signal feed " + random.nextInt(100)
                    + " and reconcile positions before the open; alert on drift above " + random.nextInt(10) + "%");
        }
        return blueprint;
    }

    private static double round(double value) {
        return Math.round(value * 1e6) / 1e6;
    }

    /** The tar inside a package (decompressed, trailer ignored, as {@code zstd -d} would). */
    static byte[] tarOf(byte[] packageBytes) {
        try (ZstdInputStream in = new ZstdInputStream(new ByteArrayInputStream(packageBytes))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A package from arbitrary tar entries, compressed and sealed properly by {@code keys}. */
    static byte[] sealed(List<DeterministicTar.Entry> entries, PackageSigningKeys keys) {
        return HspWriter.seal(DeterministicTar.write(entries), keys);
    }

    static DeterministicTar.Entry entry(String name, byte[] bytes) {
        return new DeterministicTar.Entry(name, bytes);
    }

    static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectMapper mapper() {
        return HspPackage.json();
    }
}
