package io.heliox.atlas.trading.order;

/**
 * What {@link OrderValidator} decided: {@link OrderAccepted} or {@link OrderReject}, and nothing
 * else (sealed): a caller that is not handed an acceptance holds a reject with its reason.
 */
public sealed interface OrderCheck permits OrderAccepted, OrderReject {

    default boolean isAccepted() {
        return this instanceof OrderAccepted;
    }
}
