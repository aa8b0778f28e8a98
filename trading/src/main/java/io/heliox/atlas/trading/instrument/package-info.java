/** What is traded: asset classes now, instruments next. */
package io.heliox.atlas.trading.instrument;
