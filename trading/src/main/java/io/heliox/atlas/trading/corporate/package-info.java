/**
 * Corporate actions on equities, applied to the books: {@link io.heliox.atlas.trading.corporate.Split
 * splits} (forward and reverse, an exact ratio; positions converted with their cost basis kept, the
 * remainder below a lot paid as cash in lieu, open orders re-priced passively or cancelled with a reason
 * code) and {@link io.heliox.atlas.trading.corporate.CashDividend cash dividends} (entitlement at the
 * close before the ex-date, cash on the pay date, shorts pay, optional withholding on longs).
 * {@link io.heliox.atlas.trading.corporate.CorporateActionSchedule} puts them on a trading calendar and
 * yields, for an interval of time, a warning ahead of each action and then the events that changed the
 * books ({@link io.heliox.atlas.trading.corporate.CorporateActionEvent}), for an aggregate to record as its own.
 *
 * <p>Pure and deterministic: no clock (the caller says which interval has passed), no iteration over
 * hash order, exact BigDecimal except the books' one rounding ({@code Position.ROUNDING}) where a
 * ratio makes a repeating decimal.
 */
package io.heliox.atlas.trading.corporate;
