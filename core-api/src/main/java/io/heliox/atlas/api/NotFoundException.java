package io.heliox.atlas.api;

/** What a request asked for does not exist (yet): a run, its backtest result, its package. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
