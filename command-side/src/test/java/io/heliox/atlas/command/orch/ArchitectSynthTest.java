package io.heliox.atlas.command.orch;

import com.fasterxml.jackson.databind.JsonNode;
import io.heliox.atlas.contracts.ContractSchemas;
import io.heliox.atlas.kernel.CanonicalJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The real architect and synth nodes on the local model: roadmap 2.3.6/2.3.7 acceptance. */
class ArchitectSynthTest {

    private final Nodes nodes = Nodes.local();

    @Test
    void maCrossoverPromptGivesAtLeastThreeDistinctValidCandidates() {
        ArchitectNode.Result architect = nodes.architect.run("Create MA crossover strategy", 42);
        assertThat(Nodes.SCHEMAS.validate(ContractSchemas.BLUEPRINT, architect.blueprint())).isEmpty();
        assertThat(architect.blueprint().path("features").toString()).contains("SMA");
        assertThat(architect.calls()).hasSize(1);
        assertThat(architect.calls().get(0).template()).startsWith("architect@1#");

        SynthNode.Result synth = nodes.synth.run(architect.blueprint(), 42);
        assertThat(synth.iterations()).as("the local model gets it right the first time").hasSize(1);
        assertDistinctValid(synth);
        assertThat(synth.candidates().get(0).path("rules").toString()).contains("crossover(ma(close");
        assertThat(synth.calls()).as("one call for all candidates when none fails").hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Trend following on gold with a moving average filter, 4h",
            "Mean reversion on EURUSD when price stretches far from its average",
            "Breakout strategy for BTC on new 50-bar highs",
            "RSI oversold bounce on ETHUSDT 1h",
            "Bollinger band reversion on silver, daily bars, conservative",
            "EMA trend with ATR stops on XAUUSD, aggressive",
            "Short selling strategy for the nasdaq when momentum fades",
            "Gold swing trading idea, long only",
            "Crypto momentum on bitcoin and ether, 15m, high risk",
            "FX carry-free trend idea on GBPUSD and USDJPY with volatility stops"})
    void tenVariedPromptsEachGiveAtLeastThree(String prompt) {
        ArchitectNode.Result architect = nodes.architect.run(prompt, 7);
        assertThat(Nodes.SCHEMAS.validate(ContractSchemas.BLUEPRINT, architect.blueprint())).isEmpty();
        SynthNode.Result synth = nodes.synth.run(architect.blueprint(), 7);
        assertThat(synth.iterations().get(0).problems()).as(prompt).isEmpty();
        assertDistinctValid(synth);
    }

    @Test
    void shortSellingPromptGivesShortRulesAndLongOnlyNever() {
        JsonNode both = nodes.architect.run("Short selling strategy for the nasdaq", 1).blueprint();
        assertThat(both.path("direction").asText()).isEqualTo("both");
        assertThat(nodes.synth.run(both, 1).candidates().toString()).contains("\"then\":\"sell\"");
        JsonNode longOnly = nodes.architect.run("Gold trend idea, long only", 1).blueprint();
        assertThat(nodes.synth.run(longOnly, 1).candidates().toString()).doesNotContain("\"then\":\"sell\"");
    }

    @Test
    void sameSeedGivesByteIdenticalBlueprintAndCandidatesAndAnotherSeedDiffers() {
        String prompt = "RSI and Bollinger mean reversion on BTCUSDT 1h";
        String first = CanonicalJson.write(nodes.architect.run(prompt, 99).blueprint())
                + CanonicalJson.write(nodes.synth.run(nodes.architect.run(prompt, 99).blueprint(), 99).candidates());
        for (int i = 0; i < 3; i++) {
            Nodes fresh = Nodes.local();
            String again = CanonicalJson.write(fresh.architect.run(prompt, 99).blueprint())
                    + CanonicalJson.write(fresh.synth.run(fresh.architect.run(prompt, 99).blueprint(), 99).candidates());
            assertThat(again).isEqualTo(first);
        }
        String other = CanonicalJson.write(nodes.synth.run(nodes.architect.run(prompt, 100).blueprint(), 100).candidates());
        assertThat(other).isNotEqualTo(first.substring(first.indexOf('[')));
    }

    private static void assertDistinctValid(SynthNode.Result synth) {
        assertThat(synth.candidates().size()).isBetween(SynthNode.MIN_CANDIDATES, SynthNode.MAX_CANDIDATES);
        Set<String> ids = new HashSet<>();
        for (JsonNode c : synth.candidates()) {
            assertThat(Nodes.SCHEMAS.validate(ContractSchemas.STRATEGY_DSL, c)).as(c.toString()).isEmpty();
            assertThat(ids.add(c.path("id").asText())).isTrue();
            assertThat(c.path("risk").has("stop_loss_bps") || c.path("risk").has("stop_loss_atr")).isTrue();
        }
        for (int i = 0; i < synth.candidates().size(); i++) {
            for (int j = i + 1; j < synth.candidates().size(); j++) {
                double similarity = RuleSimilarity.jaccard(features(synth.candidates().get(i)), features(synth.candidates().get(j)));
                assertThat(similarity).isLessThan(RuleSimilarity.DUPLICATE_AT);
            }
        }
    }

    private static Set<String> features(JsonNode candidate) {
        return RuleSimilarity.features(new io.heliox.atlas.engine.dsl.validation.StrategyValidator(Nodes.STRATEGY_SCHEMA,
                io.heliox.atlas.engine.dsl.CheckOptions.DEFAULTS).validate(candidate).ir());
    }
}
