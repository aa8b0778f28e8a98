package io.heliox.atlas.command.strategy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.heliox.atlas.api.strategy.RegisterStrategyVersionCommand;
import io.heliox.atlas.api.strategy.StrategyVersionPackagedEvent;
import io.heliox.atlas.api.strategy.StrategyVersionRegisteredEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.Instant;

class StrategyTest {

    private static final Instant T = Instant.parse("2026-11-24T10:00:00Z");
    private static final JsonNode V1 = JsonNodeFactory.instance.objectNode().put("id", "ma-cross").put("n", 1);
    private static final JsonNode V2 = JsonNodeFactory.instance.objectNode().put("id", "ma-cross").put("n", 2);

    private final AggregateTestFixture<Strategy> fixture = new AggregateTestFixture<>(Strategy.class);

    @Test
    void theFirstRegistrationIsVersionOne() {
        fixture.givenNoPriorActivity()
                .when(new RegisterStrategyVersionCommand("ma-cross", "MA", V1, "h1", T, null))
                .expectEvents(new StrategyVersionRegisteredEvent("ma-cross", 1, "MA", V1, "h1", T, null))
                .expectResultMessagePayload(1);
    }

    @Test
    void newContentAddsAVersion() {
        fixture.given(new StrategyVersionRegisteredEvent("ma-cross", 1, "MA", V1, "h1", T, null))
                .when(new RegisterStrategyVersionCommand("ma-cross", "MA", V2, "h2", T, null))
                .expectEvents(new StrategyVersionRegisteredEvent("ma-cross", 2, "MA", V2, "h2", T, null))
                .expectResultMessagePayload(2);
    }

    @Test
    void knownContentKeepsItsVersion() {
        fixture.given(new StrategyVersionRegisteredEvent("ma-cross", 1, "MA", V1, "h1", T, null),
                        new StrategyVersionRegisteredEvent("ma-cross", 2, "MA", V2, "h2", T, null))
                .when(new RegisterStrategyVersionCommand("ma-cross", "MA", V1, "h1", T, null))
                .expectNoEvents()
                .expectResultMessagePayload(1);
    }

    private static final JsonNode REF = JsonNodeFactory.instance.objectNode().put("packageId", "pkg-1")
            .put("url", "/v1/runs/r/package");

    @Test
    void knownContentSavedFromARunGetsThePackage() {
        fixture.given(new StrategyVersionRegisteredEvent("ma-cross", 1, "MA", V1, "h1", T, null))
                .when(new RegisterStrategyVersionCommand("ma-cross", "MA", V1, "h1", T, REF))
                .expectEvents(new StrategyVersionPackagedEvent("ma-cross", 1, REF, T))
                .expectResultMessagePayload(1);
    }

    @Test
    void aVersionRegisteredWithItsPackageKeepsIt() {
        fixture.given(new StrategyVersionRegisteredEvent("ma-cross", 1, "MA", V1, "h1", T, REF))
                .when(new RegisterStrategyVersionCommand("ma-cross", "MA", V1, "h1", T, REF))
                .expectNoEvents();
    }

    @Test
    void aVersionIsPackagedOnce() {
        fixture.given(new StrategyVersionRegisteredEvent("ma-cross", 1, "MA", V1, "h1", T, null),
                        new StrategyVersionPackagedEvent("ma-cross", 1, REF, T))
                .when(new RegisterStrategyVersionCommand("ma-cross", "MA", V1, "h1", T, REF))
                .expectNoEvents();
    }
}
