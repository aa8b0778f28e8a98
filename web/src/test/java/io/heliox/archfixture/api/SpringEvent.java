package io.heliox.archfixture.api;

import org.springframework.util.Assert;

/** A domain event that checks itself with Spring. */
public record SpringEvent(String id) {
    public SpringEvent {
        Assert.hasText(id, "id");
    }
}
