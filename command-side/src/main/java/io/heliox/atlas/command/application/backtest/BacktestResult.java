package io.heliox.atlas.command.application.backtest;

/**
 * A backtest's stored result: the engine's files as bytes (equity.npy, trades.jsonl,
 * metrics.json) under the request's signature.
 *
 * @param fromCache true when the answer was found stored rather than computed for this request
 */
public record BacktestResult(String signature, byte[] equityNpy, byte[] tradesJsonl, byte[] metricsJson,
                             boolean fromCache) {

    /** Bytes held, for caches bounded by size. */
    public long size() {
        return (long) equityNpy.length + tradesJsonl.length + metricsJson.length;
    }

    /** The same result as a later request sees it: from the cache. */
    public BacktestResult asCached() {
        return fromCache ? this : new BacktestResult(signature, equityNpy, tradesJsonl, metricsJson, true);
    }
}
