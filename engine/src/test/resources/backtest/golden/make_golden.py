#!/usr/bin/env python3
"""Golden files for MetricsGoldenTest (io.heliox.atlas.engine.backtest.Metrics).

Re-run from this folder:

    cd engine/src/test/resources/backtest/golden && python3 make_golden.py

Needs Python 3 and numpy only (the numpy version used is written as a comment on the
first line of expected.csv). The output is deterministic for a given numpy version: every
random draw comes from np.random.default_rng(20261124).

This is an INDEPENDENT implementation of the metrics, written from the definitions table
in engine/BACKTEST.md ("Metrics") and the ruin rule stated in Metrics.of's javadoc, with
numpy idioms (np.diff, np.maximum.accumulate, np.percentile(method="linear"),
np.std(ddof=1), ...). It is deliberately not a line-by-line translation of Metrics.java,
so that the golden test checks the Java code against the written definitions, not
against itself.

Writes (floats as repr(float(x)), the shortest string that round-trips, so Java's
Double.parseDouble reads back the exact same double):
  equity.csv    case,bar,equity           the equity curve, initial equity at bar 0
  trades.csv    case,pnl                  closed-trade PnLs (a case may have none)
  cases.csv     case,periods_per_year,exposure
  expected.csv  case,metric,value         `null` for an unbounded sortino / profit_factor
"""
import math
import os

import numpy as np

METRICS = ["sharpe", "sortino", "max_drawdown", "time_to_recovery", "cagr", "tail_p5",
           "tail_worst_1pct", "trade_count", "win_rate", "profit_factor", "exposure"]


# --------------------------------------------------------------------------------------
# Metrics, from the written definitions
# --------------------------------------------------------------------------------------

def simple_returns(equity):
    """r[i] = e[i]/e[i-1] - 1. Ruin (equity <= 0) is absorbing: the bar it happens returns
    -100 % (a return cannot say more than "everything"), every later bar returns 0."""
    e = np.asarray(equity, dtype=float)
    if e.size < 2:
        return np.empty(0)
    r = np.diff(e) / e[:-1]
    ruined = np.flatnonzero(e <= 0)
    if ruined.size:
        first = ruined[0]            # first bar at or below zero (never bar 0: it must be > 0)
        r[first - 1] = -1.0          # the bar it happens: everything is lost
        r[first:] = 0.0              # nothing left to earn on
    return r


def sharpe(r, p):
    if r.size < 2:
        return 0.0
    sd = np.std(r, ddof=1)
    return 0.0 if sd == 0 else float(np.mean(r) / sd * math.sqrt(p))


def sortino(r, p, mar=0.0):
    """empyrical: downside deviation = sqrt(mean over ALL periods of min(r - MAR, 0)^2)."""
    if r.size == 0:
        return 0.0
    excess = r - mar
    downside = math.sqrt(np.mean(np.square(np.minimum(excess, 0.0))))
    mean = float(np.mean(excess))
    if downside == 0:
        return None if mean > 0 else 0.0
    return mean / downside * math.sqrt(p)


def drawdown(equity):
    """(max drawdown as a positive fraction, bars from its trough back to the prior peak)."""
    e = np.asarray(equity, dtype=float)
    peak = np.maximum.accumulate(e)                 # the initial equity counts as a peak
    dd = np.minimum((peak - e) / peak, 1.0)         # ruin (e <= 0) is a 100 % drawdown
    mdd = float(dd.max())
    if mdd == 0:
        return 0.0, 0
    trough = int(np.argmax(dd))                     # argmax: of equal drawdowns, the first
    back = np.flatnonzero(e[trough + 1:] >= peak[trough])
    return mdd, (int(back[0]) + 1 if back.size else -1)


def cagr(equity, p):
    e = np.asarray(equity, dtype=float)
    n = e.size - 1
    if n == 0:
        return 0.0
    if e[-1] <= 0:
        return -1.0                                  # ruined: everything lost
    return float((e[-1] / e[0]) ** (p / n) - 1)


def tail_p5(r):
    return 0.0 if r.size == 0 else float(np.percentile(r, 5, method="linear"))


def tail_worst_1pct(r):
    if r.size == 0:
        return 0.0
    k = max(1, -(-r.size // 100))                   # ceil(1 % of n) in exact integer arithmetic
    return float(np.mean(np.sort(r)[:k]))


def win_rate(pnl):
    return 0.0 if pnl.size == 0 else float(np.count_nonzero(pnl > 0) / pnl.size)


def profit_factor(pnl):
    gross_loss = -float(np.sum(pnl[pnl < 0]))
    if gross_loss == 0:
        return None                                  # no losing trade (or no trade): unbounded
    return float(np.sum(pnl[pnl > 0])) / gross_loss


def metrics(equity, pnl, exposure, p):
    r = simple_returns(equity)
    mdd, recovery = drawdown(equity)
    return {
        "sharpe": sharpe(r, p),
        "sortino": sortino(r, p),
        "max_drawdown": mdd,
        "time_to_recovery": recovery,
        "cagr": cagr(equity, p),
        "tail_p5": tail_p5(r),
        "tail_worst_1pct": tail_worst_1pct(r),
        "trade_count": int(pnl.size),
        "win_rate": win_rate(pnl),
        "profit_factor": profit_factor(pnl),
        "exposure": float(exposure),
    }


# --------------------------------------------------------------------------------------
# Cases
# --------------------------------------------------------------------------------------

def cases(rng):
    """(name, equity, trade pnls, exposure, periods per year), each with a sanity check of
    the property it is there for."""
    out = []

    def walk(start, drifts_and_lengths, sigma):
        logs = np.concatenate([rng.normal(mu, sigma, n) for mu, n in drifts_and_lengths])
        return start * np.exp(np.concatenate([[0.0], np.cumsum(logs)]))

    # 1. 500-bar lognormal random walk, hourly-ish P
    e = walk(10_000.0, [(0.0001, 499)], 0.006)
    pnl = np.round(rng.normal(5, 60, 40), 2)
    out.append(("random_walk_500", e, pnl, 0.63, 6240.0))

    # 2. trending curve; 301 values = 300 returns, so ceil(1 % of 300) = 3 exactly (a float
    #    0.01*300 is 3.0000000000000004); every trade a winner
    e = walk(1_000.0, [(0.0015, 300)], 0.004)
    pnl = np.round(rng.uniform(1, 40, 12), 2)
    assert e[-1] > 1.3 * e[0] and (pnl > 0).all()
    out.append(("trend_301", e, pnl, 1.0, 252.0))

    # 3. deep drawdown (~45 %) that recovers; trades include a zero-PnL one
    e = walk(50_000.0, [(0.003, 60), (-0.009, 70), (0.009, 90)], 0.004)
    pnl = np.concatenate([np.round(rng.normal(20, 150, 25), 2), [0.0]])
    rng.shuffle(pnl)
    mdd, rec = drawdown(e)
    assert mdd > 0.35 and rec > 0, (mdd, rec)
    out.append(("deep_drawdown_recovers", e, pnl, 0.8, 260.0))

    # 4. falls and never gets back to its peak; every trade a loser
    e = walk(20_000.0, [(0.002, 40), (-0.006, 80), (0.003, 30)], 0.005)
    pnl = -np.round(rng.uniform(5, 90, 9), 2)
    mdd, rec = drawdown(e)
    assert mdd > 0.2 and rec == -1, (mdd, rec)
    out.append(("never_recovers", e, pnl, 0.4, 252.0))

    # 5. constant equity, no trades
    out.append(("constant", np.full(50, 1_000.0), np.empty(0), 0.0, 252.0))

    # 6. no losing period (a few flat bars, few enough that tail_p5 > 0): sortino and
    #    profit factor unbounded
    steps = np.where(rng.uniform(size=120) < 0.05, 0.0, np.round(rng.uniform(0.01, 25, 120), 2))
    e = 10_000.0 + np.concatenate([[0.0], np.cumsum(steps)])
    pnl = np.concatenate([np.round(rng.uniform(1, 50, 6), 2), [0.0, 0.0]])
    r = simple_returns(e)
    assert (r >= 0).all() and (r == 0).any() and tail_p5(r) > 0
    out.append(("no_losing_period", e, pnl, 0.55, 6240.0))

    # 7. two values: one (losing) return, so no sample std
    out.append(("two_values", np.array([100.0, 97.25]), np.array([-2.75]), 1.0, 260.0))

    # 8. the initial equity only
    out.append(("single_value", np.array([1_000.0]), np.empty(0), 0.0, 252.0))

    # 9. ruin: equity crosses below zero and stays there (what a simulator that stops leaves)
    e = walk(5_000.0, [(0.0, 25)], 0.02)
    e = np.concatenate([e, [e[-1] * 0.4, -730.5, -730.5, -730.5]])
    pnl = np.array([310.25, -120.0, -5_650.5])
    out.append(("ruin", e, pnl, 0.9, 252.0))

    # 10. two exactly equal drawdowns (110 -> 99 twice): the first counts, recovery 1 bar not 2
    out.append(("equal_drawdowns", np.array([100.0, 110.0, 99.0, 110.0, 99.0, 99.0, 120.0]),
                np.array([10.0, -11.0, 11.0, -11.0, 21.0]), 0.5, 252.0))
    return out


def fmt(v):
    if v is None:
        return "null"
    if isinstance(v, (int, np.integer)):
        return str(int(v))
    x = float(v)
    assert math.isfinite(x), v
    return repr(x)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    rng = np.random.default_rng(20261124)
    all_cases = cases(rng)
    with open(os.path.join(here, "equity.csv"), "w") as eq, \
            open(os.path.join(here, "trades.csv"), "w") as tr, \
            open(os.path.join(here, "cases.csv"), "w") as cs, \
            open(os.path.join(here, "expected.csv"), "w") as ex:
        eq.write("case,bar,equity\n")
        tr.write("case,pnl\n")
        cs.write("case,periods_per_year,exposure\n")
        ex.write(f"# generated by make_golden.py with numpy {np.__version__}\n")
        ex.write("case,metric,value\n")
        for name, e, pnl, exposure, p in all_cases:
            for bar, x in enumerate(e):
                eq.write(f"{name},{bar},{fmt(x)}\n")
            for x in pnl:
                tr.write(f"{name},{fmt(x)}\n")
            cs.write(f"{name},{fmt(p)},{fmt(exposure)}\n")
            m = metrics(e, np.asarray(pnl, dtype=float), exposure, p)
            for metric in METRICS:
                ex.write(f"{name},{metric},{fmt(m[metric])}\n")
            print(f"{name:24s} " + " ".join(f"{k}={fmt(m[k])}" for k in METRICS))


if __name__ == "__main__":
    main()
