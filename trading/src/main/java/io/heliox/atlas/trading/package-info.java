/**
 * The trading model: instruments, orders, fills, positions, accounts, venues and risk, as plain
 * Java with no framework, so one execution model serves backtests, paper and live trading.
 */
package io.heliox.atlas.trading;
