package io.heliox.atlas.api.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BlueprintTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void readsEveryMemberAndWritesThemInTheContractsOrder() throws Exception {
        JsonNode sorted = json("""
                {"constraints":{"long_only":false,"max_drawdown_pct":15.0,"max_positions":3,"risk_bp":40},
                 "direction":"both","features":["EMA","RSI"],"notes":"n","scenarios":["trend","shock_mix"],
                 "timeframe":"4h","universe":["BTCUSDT","ETHUSDT"]}""");

        Blueprint blueprint = Blueprint.of(sorted);

        assertThat(blueprint.universe()).containsExactly("BTCUSDT", "ETHUSDT");
        assertThat(blueprint.constraints()).isEqualTo(new Blueprint.Constraints(40, 15.0, false, 3));
        assertThat(blueprint.shortsAllowed()).isTrue();
        assertThat(blueprint.asksFor("shock_mix")).isTrue();
        assertThat(blueprint.asksFor("regime_switch")).isFalse();
        assertThat(blueprint.maxDrawdownLimit(0.2)).isEqualTo(0.15);
        assertThat(JSON.writeValueAsString(blueprint.toJson())).isEqualTo("""
                {"universe":["BTCUSDT","ETHUSDT"],"timeframe":"4h","features":["EMA","RSI"],\
                "constraints":{"risk_bp":40,"max_drawdown_pct":15.0,"long_only":false,"max_positions":3},\
                "direction":"both","scenarios":["trend","shock_mix"],"notes":"n"}""");
    }

    @Test
    void absentOptionalMembersStayAbsentAndReadAsTheContractsDefaults() throws Exception {
        JsonNode minimal = json("""
                {"universe":["XAUUSD"],"timeframe":"1h","features":["SMA"],"constraints":{"risk_bp":50}}""");

        Blueprint blueprint = Blueprint.of(minimal);

        assertThat(blueprint.direction()).isNull();
        assertThat(blueprint.shortsAllowed()).as("no direction reads as long").isFalse();
        assertThat(blueprint.asksFor("trend")).isFalse();
        assertThat(blueprint.maxDrawdownLimit(0.2)).isEqualTo(0.2);
        assertThat(blueprint.toJson()).isEqualTo(minimal);
    }

    @Test
    void longOnlyForbidsShortsWhateverTheDirection() throws Exception {
        assertThat(Blueprint.of(json("""
                {"universe":["X"],"timeframe":"1d","features":["SMA"],"direction":"short",
                 "constraints":{"risk_bp":50,"long_only":true}}""")).shortsAllowed()).isFalse();
    }

    @Test
    void aDocumentWithoutATimeframeIsReportedNotReadAsNull() throws Exception {
        assertThatThrownBy(() -> Blueprint.of(json("{\"universe\":[\"X\"],\"constraints\":{\"risk_bp\":1}}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'timeframe'");
    }
}
