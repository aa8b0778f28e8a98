package io.heliox.atlas.command.portfolio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.heliox.atlas.api.portfolio.PortfolioItemConflictException;
import io.heliox.atlas.api.portfolio.PortfolioItemSavedEvent;
import io.heliox.atlas.api.portfolio.SavePortfolioItemCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

class PortfolioItemTest {

    private static final UUID ID = UUID.fromString("0b6f7a52-3f0e-4d0c-8d4e-6c1f2a9b7e31");
    private static final Instant T = Instant.parse("2026-11-24T10:00:00Z");
    private static final JsonNode DSL = JsonNodeFactory.instance.objectNode().put("id", "ma-cross");

    private final AggregateTestFixture<PortfolioItem> fixture = new AggregateTestFixture<>(PortfolioItem.class);

    @Test
    void savingAStrategyAddsItToThePortfolio() {
        fixture.givenNoPriorActivity()
                .when(new SavePortfolioItemCommand(ID, "MA cross", DSL, null, T, null))
                .expectEvents(new PortfolioItemSavedEvent(ID, "MA cross", DSL, null, T, null))
                .expectResultMessagePayload(true);
    }

    @Test
    void savingTheSameItemAgainIsANoOp() {
        fixture.given(new PortfolioItemSavedEvent(ID, "MA cross", DSL, null, T, null))
                .when(new SavePortfolioItemCommand(ID, "MA cross", DSL, null, T.plusSeconds(5), null))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void otherContentUnderAnExistingIdIsAConflict() {
        fixture.given(new PortfolioItemSavedEvent(ID, "MA cross", DSL, null, T, null))
                .when(new SavePortfolioItemCommand(ID, "renamed", DSL, null, T, null))
                .expectException(PortfolioItemConflictException.class);
    }
}
