package io.heliox.atlas.api.portfolio;

/** An item with this id already exists with different content. */
public class PortfolioItemConflictException extends RuntimeException {
    public PortfolioItemConflictException(String message) {
        super(message);
    }
}
