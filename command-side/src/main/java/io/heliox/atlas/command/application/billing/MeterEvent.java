package io.heliox.atlas.command.application.billing;

import java.time.Instant;
import java.util.Map;

/**
 * One invoice line pushed to a billing provider: a quantity of a meter for a customer.
 *
 * @param identifier the line's idempotency key: the same line always has the same one, so a
 *                   provider that saw it already counts it once
 * @param dimensions what else the provider may group by (model tokens: provider and model)
 */
public record MeterEvent(String identifier, String eventName, String customerId, long value, Instant timestamp,
                         Map<String, String> dimensions) {

    public MeterEvent {
        dimensions = Map.copyOf(dimensions);
    }
}
