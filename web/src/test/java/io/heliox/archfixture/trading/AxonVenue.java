package io.heliox.archfixture.trading;

import org.axonframework.messaging.MetaData;

/** The trading model reaching for Axon: a venue that tags its orders with message metadata. */
public class AxonVenue {
    public MetaData tag(String venue) {
        return MetaData.with("venue", venue);
    }
}
