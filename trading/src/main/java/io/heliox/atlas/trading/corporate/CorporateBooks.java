package io.heliox.atlas.trading.corporate;

import io.heliox.atlas.trading.account.Account;
import io.heliox.atlas.trading.order.OrderRequest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What corporate actions change, as one immutable value: the account, the open orders (each with its
 * remaining quantity), and the dividends entitled but not yet paid, which must be carried from the
 * ex-date's eve to the pay date because the position may be gone by then.
 *
 * @param openOrders        the account's working orders, in the order a split should report them
 * @param pendingDividends  entitlements whose pay date has not come yet
 * @param withholdingRate   the share of a long dividend withheld as tax, in [0, 1); 0 for none
 */
public record CorporateBooks(Account account, List<OrderRequest> openOrders, List<DividendEntitled> pendingDividends,
                             BigDecimal withholdingRate) {

    public CorporateBooks {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(withholdingRate, "withholdingRate");
        openOrders = List.copyOf(openOrders);
        pendingDividends = List.copyOf(pendingDividends);
        if (withholdingRate.signum() < 0 || withholdingRate.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("a withholding rate must be in [0, 1), was " + withholdingRate);
        }
    }

    /** The account and its open orders, nothing entitled yet, no tax withheld. */
    public static CorporateBooks of(Account account, List<OrderRequest> openOrders) {
        return new CorporateBooks(account, openOrders, List.of(), BigDecimal.ZERO);
    }

    public CorporateBooks withWithholdingRate(BigDecimal rate) {
        return new CorporateBooks(account, openOrders, pendingDividends, rate);
    }

    public CorporateBooks withAccount(Account newAccount) {
        return new CorporateBooks(newAccount, openOrders, pendingDividends, withholdingRate);
    }

    public CorporateBooks withOpenOrders(List<OrderRequest> newOrders) {
        return new CorporateBooks(account, newOrders, pendingDividends, withholdingRate);
    }

    CorporateBooks withPendingDividends(List<DividendEntitled> pending) {
        return new CorporateBooks(account, openOrders, pending, withholdingRate);
    }
}
