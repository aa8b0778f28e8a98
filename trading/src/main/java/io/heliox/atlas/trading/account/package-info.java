/**
 * The books: {@link io.heliox.atlas.trading.account.Fill fills} (the only thing that changes them),
 * {@link io.heliox.atlas.trading.account.Position positions} at average cost with realised and
 * unrealised P&amp;L, and the {@link io.heliox.atlas.trading.account.Account} (cash by currency,
 * equity, margin used and available). Immutable values, exact in BigDecimal.
 */
package io.heliox.atlas.trading.account;
