package io.heliox.atlas.api.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static io.heliox.atlas.api.artifact.JsonFields.array;
import static io.heliox.atlas.api.artifact.JsonFields.bool;
import static io.heliox.atlas.api.artifact.JsonFields.integer;
import static io.heliox.atlas.api.artifact.JsonFields.longValue;
import static io.heliox.atlas.api.artifact.JsonFields.object;
import static io.heliox.atlas.api.artifact.JsonFields.requiredText;
import static io.heliox.atlas.api.artifact.JsonFields.text;

/**
 * The t0 phase's artifact: the scenarios every candidate met, the execution terms, one result
 * per candidate and scenario ({@link Cell}), the robust-score ranking and how it was scored.
 * A mock-mode run has a single scenario given by name only, no terms, and its results carry the
 * equity curve and fills inline; an engine run's results link to their detail instead.
 *
 * <p>{@link #toJson()} writes the members in the order runs have always recorded them, so the
 * stored events of new runs have the shape of the old ones.
 *
 * @param terms  null in mock mode
 * @param stored the stored {@link #document()} ({@code runs/{runId}/t0.json}); null in mock mode
 */
public record T0Artifact(List<Scenario> scenarios, Terms terms, List<Cell> results, List<Ranked> ranking,
                         Scoring scoring, StoredObject stored) {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public T0Artifact {
        scenarios = List.copyOf(scenarios);
        results = List.copyOf(results);
        ranking = List.copyOf(ranking);
    }

    /**
     * One market every candidate meets: its id and family, and for an engine run the generator's
     * document ({@code spec}) with its headline fields.
     */
    public record Scenario(String id, String family, Long seed, Integer bars, String timeframe, ObjectNode spec) {

        /** A scenario given by its generator document (contract {@code scenario-dsl}). */
        public static Scenario ofSpec(String id, String family, ObjectNode spec) {
            return new Scenario(id, family, spec.path("seed").asLong(), spec.path("duration_bars").asInt(),
                    spec.path("timeframe").asText(), spec);
        }

        static Scenario of(JsonNode json) {
            return new Scenario(requiredText(json, "id"), text(json, "family"), longValue(json, "seed"),
                    integer(json, "bars"), text(json, "timeframe"), object(json, "spec"));
        }

        public ObjectNode toJson() {
            ObjectNode node = NODES.objectNode();
            node.put("id", id);
            node.put("family", family);
            if (seed != null) {
                node.put("seed", seed);
            }
            if (bars != null) {
                node.put("bars", bars);
            }
            if (timeframe != null) {
                node.put("timeframe", timeframe);
            }
            if (spec != null) {
                node.set("spec", spec.deepCopy());
            }
            return node;
        }
    }

    /** The execution terms of every backtest of the phase. */
    public record Terms(double feesBps, double slippageBps, int barDelay, double initialCash, MonteCarlo monteCarlo) {

        /** The quick Monte Carlo each backtest ran: block bootstrap of its returns. */
        public record MonteCarlo(int paths, int blockLength, long seed) {
        }

        static Terms of(JsonNode json) {
            JsonNode mc = json.path("monteCarlo");
            return new Terms(json.path("feesBps").asDouble(), json.path("slippageBps").asDouble(),
                    json.path("barDelay").asInt(), json.path("initialCash").asDouble(),
                    new MonteCarlo(mc.path("paths").asInt(), mc.path("blockLength").asInt(), mc.path("seed").asLong()));
        }

        public ObjectNode toJson() {
            ObjectNode node = NODES.objectNode();
            node.put("feesBps", feesBps);
            node.put("slippageBps", slippageBps);
            node.put("barDelay", barDelay);
            node.put("initialCash", initialCash);
            ObjectNode mc = node.putObject("monteCarlo");
            mc.put("paths", monteCarlo.paths());
            mc.put("blockLength", monteCarlo.blockLength());
            mc.put("seed", monteCarlo.seed());
            return node;
        }
    }

    /**
     * One candidate on one scenario (contract {@code backtest-result}): the metrics, and either a
     * Monte Carlo summary, the result's signature and a link to its detail (engine), or the curve
     * and fills inline (mock).
     *
     * @param periodsPerYear as its producer stated it: the engine's a double, the mock's an integer
     * @param metrics        the engine's metric set (sharpe, sortino, max_drawdown, ...), as it wrote it
     * @param fromCache      whether the engine served the result from its cache; null in mock mode
     */
    public record Cell(String candidateId, String scenarioId, String signature, Number periodsPerYear,
                       ArrayNode equity, ArrayNode trades, ObjectNode metrics, ObjectNode monteCarlo,
                       String detailUrl, Boolean fromCache) {

        public static Cell of(JsonNode json) {
            JsonNode periods = json.get("periodsPerYear");
            return new Cell(requiredText(json, "candidateId"), requiredText(json, "scenarioId"),
                    text(json, "signature"), periods == null || periods.isNull() ? null : periods.numberValue(),
                    array(json, "equity"), array(json, "trades"), object(json, "metrics"), object(json, "monteCarlo"),
                    text(json, "detailUrl"), bool(json, "fromCache"));
        }

        /** {@code periodsPerYear} as a JSON number of the type its producer wrote (JSON null when absent). */
        public JsonNode periodsPerYearJson() {
            if (periodsPerYear == null) {
                return NODES.nullNode();
            }
            if (periodsPerYear instanceof Integer whole) {
                return NODES.numberNode(whole.intValue());
            }
            return periodsPerYear instanceof Long whole ? NODES.numberNode(whole.longValue())
                    : NODES.numberNode(periodsPerYear.doubleValue());
        }

        public double sharpe() {
            return metrics.path("sharpe").asDouble();
        }

        public double maxDrawdown() {
            return metrics.path("max_drawdown").asDouble();
        }

        public boolean cached() {
            return Boolean.TRUE.equals(fromCache);
        }

        /** Whether the curve and fills are inline (mock mode) rather than served from the engine. */
        public boolean inline() {
            return equity != null;
        }

        /** The result as data: without what belongs to the run that made it (its cache hit, its link). */
        public Cell withoutRunParts() {
            return new Cell(candidateId, scenarioId, signature, periodsPerYear, equity, trades, metrics, monteCarlo,
                    null, null);
        }

        /** The result as a package states it: the run's parts and the inline curve and fills left out. */
        public Cell summary() {
            return new Cell(candidateId, scenarioId, signature, periodsPerYear, null, null, metrics, monteCarlo,
                    null, null);
        }

        public ObjectNode toJson() {
            ObjectNode node = NODES.objectNode();
            node.put("candidateId", candidateId);
            node.put("scenarioId", scenarioId);
            if (signature != null) {
                node.put("signature", signature);
            }
            if (periodsPerYear != null) {
                node.set("periodsPerYear", periodsPerYearJson());
            }
            setCopy(node, "equity", equity);
            setCopy(node, "trades", trades);
            setCopy(node, "metrics", metrics);
            setCopy(node, "monteCarlo", monteCarlo);
            if (detailUrl != null) {
                node.put("detailUrl", detailUrl);
            }
            if (fromCache != null) {
                node.put("fromCache", fromCache);
            }
            return node;
        }
    }

    /** A candidate's place: its robust score and what it was made of. */
    public record Ranked(int rank, String candidateId, double score, double worstSharpe, double worstMaxDrawdown,
                         String worstScenario) {

        static Ranked of(JsonNode json) {
            return new Ranked(json.path("rank").asInt(), requiredText(json, "candidateId"),
                    json.path("score").asDouble(), json.path("worstSharpe").asDouble(),
                    json.path("worstMaxDrawdown").asDouble(), text(json, "worstScenario"));
        }

        public ObjectNode toJson() {
            ObjectNode node = NODES.objectNode();
            node.put("rank", rank);
            node.put("candidateId", candidateId);
            node.put("score", score);
            node.put("worstSharpe", worstSharpe);
            node.put("worstMaxDrawdown", worstMaxDrawdown);
            node.put("worstScenario", worstScenario);
            return node;
        }
    }

    /** How the ranking was computed, stated so a reader (and the UI) can say it. */
    public record Scoring(String formula, double mddPenalty, double maxDrawdownLimit) {

        static Scoring of(JsonNode json) {
            return new Scoring(text(json, "formula"), json.path("mddPenalty").asDouble(),
                    json.path("maxDrawdownLimit").asDouble());
        }

        public ObjectNode toJson() {
            ObjectNode node = NODES.objectNode();
            node.put("formula", formula);
            node.put("mddPenalty", mddPenalty);
            node.put("maxDrawdownLimit", maxDrawdownLimit);
            return node;
        }
    }

    public static T0Artifact of(JsonNode json) {
        JsonNode terms = json.get("terms");
        JsonNode scoring = json.get("scoring");
        return new T0Artifact(list(json.path("scenarios"), Scenario::of),
                terms == null || terms.isNull() ? null : Terms.of(terms),
                list(json.path("results"), Cell::of), list(json.path("ranking"), Ranked::of),
                scoring == null || scoring.isNull() ? null : Scoring.of(scoring), StoredObject.in(json, "stored"));
    }

    public ObjectNode toJson() {
        ObjectNode node = NODES.objectNode();
        ArrayNode scenarioList = node.putArray("scenarios");
        scenarios.forEach(s -> scenarioList.add(s.toJson()));
        if (terms != null) {
            node.set("terms", terms.toJson());
        }
        ArrayNode resultList = node.putArray("results");
        results.forEach(r -> resultList.add(r.toJson()));
        ArrayNode rankingList = node.putArray("ranking");
        ranking.forEach(r -> rankingList.add(r.toJson()));
        if (scoring != null) {
            node.set("scoring", scoring.toJson());
        }
        if (stored != null) {
            node.set("stored", stored.toJson());
        }
        return node;
    }

    /**
     * The results as data, as stored under the run: without the run's cache hits and links, and
     * without {@code stored}, so the same prompt and seed store the same document.
     */
    public T0Artifact document() {
        return new T0Artifact(scenarios, terms, results.stream().map(Cell::withoutRunParts).toList(), ranking,
                scoring, null);
    }

    public T0Artifact withStored(StoredObject where) {
        return new T0Artifact(scenarios, terms, results, ranking, scoring, where);
    }

    /** The best-ranked candidate's id. */
    public String best() {
        if (ranking.isEmpty()) {
            throw new IllegalStateException("the t0 ranking is empty");
        }
        return ranking.get(0).candidateId();
    }

    public Optional<Ranked> rankOf(String candidateId) {
        return ranking.stream().filter(r -> r.candidateId().equals(candidateId)).findFirst();
    }

    public Optional<Cell> result(String candidateId, String scenarioId) {
        return results.stream()
                .filter(r -> r.candidateId().equals(candidateId) && r.scenarioId().equals(scenarioId)).findFirst();
    }

    public List<Cell> resultsOf(String candidateId) {
        return results.stream().filter(r -> r.candidateId().equals(candidateId)).toList();
    }

    public Optional<Scenario> scenario(String id) {
        return scenarios.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public List<String> scenarioIds() {
        return scenarios.stream().map(Scenario::id).toList();
    }

    static <T> List<T> list(JsonNode array, Function<JsonNode, T> read) {
        List<T> out = new ArrayList<>(array.size());
        array.forEach(e -> out.add(read.apply(e)));
        return out;
    }

    private static void setCopy(ObjectNode node, String field, JsonNode value) {
        if (value != null) {
            node.set(field, value.deepCopy());
        }
    }
}
