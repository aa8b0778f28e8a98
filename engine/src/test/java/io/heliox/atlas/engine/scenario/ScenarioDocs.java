package io.heliox.atlas.engine.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/** ScenarioDSL documents for tests: the contract's fixtures and documents built in place. */
final class ScenarioDocs {

    static final ObjectMapper JSON = new ObjectMapper();

    /** The six roadmap fixtures plus regime-switch, as contracts/fixtures/valid/scenario-dsl names them. */
    static final List<String> VALID_FIXTURES = List.of("trend-up-mid", "trend-down-high", "mean-revert",
            "vol-cluster-low", "vol-cluster-high", "shocky", "regime-switch");

    private ScenarioDocs() {
    }

    static ObjectNode fixture(String name) {
        return (ObjectNode) resource("contracts/fixtures/valid/scenario-dsl/" + name + ".json");
    }

    static ScenarioSpec spec(String fixture) {
        return ScenarioSpec.parse(fixture(fixture));
    }

    /** Every document of contracts/fixtures/{kind}/scenario-dsl (kind = valid or invalid), by file name. */
    static SortedMap<String, JsonNode> contractFixtures(String kind) {
        // The fixtures are in the contracts jar when the engine is built alone, in a folder in an IDE.
        URL dir = ScenarioDocs.class.getClassLoader().getResource("contracts/fixtures/" + kind + "/scenario-dsl");
        try {
            URI uri = dir.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return readAll(jar.provider().getPath(uri));
                } catch (FileSystemAlreadyExistsException openedByAnotherTest) {
                    return readAll(FileSystems.getFileSystem(uri).provider().getPath(uri));
                }
            }
            return readAll(Path.of(uri));
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SortedMap<String, JsonNode> readAll(Path folder) throws IOException {
        SortedMap<String, JsonNode> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                out.put(file.getFileName().toString(), JSON.readTree(Files.readAllBytes(file)));
            }
        }
        return out;
    }

    static JsonNode resource(String name) {
        try (InputStream in = ScenarioDocs.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A document of the given family and params (JSON text), 1h bars, lognormal volume. */
    static ObjectNode document(String family, String paramsJson, int bars, long seed) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("id", "test-" + family.replace('_', '-'));
        doc.put("version", "0.1");
        doc.put("timeframe", "1h");
        doc.put("duration_bars", bars);
        doc.put("seed", seed);
        doc.put("family", family);
        doc.set("params", parse(paramsJson));
        doc.put("volume_model", "lognormal");
        return doc;
    }

    static ScenarioSpec spec(String family, String paramsJson, int bars, long seed) {
        return ScenarioSpec.parse(document(family, paramsJson, bars, seed));
    }

    /** Close-to-close log returns, bar 1 onward. */
    static double[] logReturns(Bars bars) {
        double[] close = bars.close();
        double[] r = new double[close.length - 1];
        for (int t = 1; t < close.length; t++) {
            r[t - 1] = StrictMath.log(close[t] / close[t - 1]);
        }
        return r;
    }
}
