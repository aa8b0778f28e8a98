package io.heliox.atlas.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.heliox.atlas.web.support.Api;
import io.heliox.atlas.web.support.Strategies;
import io.heliox.atlas.web.support.AtlasIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/v1/dsl/validate, through real HTTP; {@link Api} checks every response against openapi.yaml. */
class DslValidateTest extends AtlasIntegrationTest {

    private static final String STRATEGY = Strategies.MA_CROSS;

    @Test
    void aValidStrategyComesBackWithItsHashAndNormalForm() {
        Api.Response response = api.postJson("/api/v1/dsl/validate", STRATEGY);
        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("valid").asBoolean()).isTrue();
        assertThat(body.get("errors")).isEmpty();
        assertThat(body.get("irHash").asText()).matches("[0-9a-f]{64}");
        assertThat(body.at("/normalized/rules/0/if").asText()).isEqualTo("crossover(ma(close, $fast), ma(close, $slow))");

        Api.Response reordered = api.postJson("/api/v1/dsl/validate", body.get("normalized").toString());
        assertThat(reordered.json().get("irHash")).isEqualTo(body.get("irHash"));
    }

    @Test
    void anInvalidStrategyIsAVerdictWithLocatedErrorsAndHints() {
        String lookahead = STRATEGY.replace("crossover(ma(close,$fast), ma(close,$slow))", "close > lag(close, -1)");
        Api.Response response = api.postJson("/api/v1/dsl/validate", lookahead);
        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("valid").asBoolean()).isFalse();
        assertThat(body.get("irHash").isNull()).isTrue();
        assertThat(body.get("normalized").isNull()).isTrue();
        JsonNode error = body.at("/errors/0");
        assertThat(error.get("code").asText()).isEqualTo("DSL_STATIC_FAIL");
        assertThat(error.get("subCode").asText()).isEqualTo("LOOKAHEAD");
        assertThat(error.at("/loc/path").asText()).isEqualTo("/rules/0/if");
        assertThat(error.at("/loc/offset").asInt()).isEqualTo("close > lag(close, ".length());
        assertThat(error.at("/loc/length").asInt()).isEqualTo(2);
        assertThat(error.get("hint").asText()).isNotBlank();
    }

    @Test
    void schemaViolationsAreFindingsNotBadRequests() {
        Api.Response response = api.postJson("/api/v1/dsl/validate", STRATEGY.replace("\"buy\"", "\"short\""));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().at("/errors/0/code").asText()).isEqualTo("DSL_SCHEMA_INVALID");
        assertThat(response.json().at("/errors/0/loc/path").asText()).isEqualTo("/rules/0/then");

        Api.Response notAnObject = api.postJson("/api/v1/dsl/validate", "[1, 2]");
        assertThat(notAnObject.status()).isEqualTo(200);
        assertThat(notAnObject.json().get("valid").asBoolean()).isFalse();
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequest() {
        Api.Response response = api.postJson("/api/v1/dsl/validate", "rules: [buy when cheap]");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }
}
