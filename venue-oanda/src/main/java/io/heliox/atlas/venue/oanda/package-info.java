/**
 * The OANDA venue adapter: the trading model's market-data and execution ports over the venue's
 * published protocol (docs/VENUES.md).
 */
package io.heliox.atlas.venue.oanda;
