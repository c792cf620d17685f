# The reference of `npm run bench`: the same computations in pandas on the same rows, timed in the same
# run (median of RUNS after one warm-up; loading the CSV is not timed). Prints one JSON object of
# milliseconds of CPU time (CLOCK "wall": elapsed time). Usage: python3 pandas_ref.py FILE.csv RUNS [CLOCK]
#
# What differs from ours, so that the ratios are read fairly:
# - pandas gets columns already typed by read_csv (not timed); our engine gets typed JS arrays, and our
#   function gets Excel-shaped ranges (a row of one cell per row, text and numbers mixed) that it checks
#   cell by cell: that reading is exactly what function ÷ engine measures.
# - Sums: pandas adds pairwise (numpy); ours are Neumaier-compensated, so long columns of money add up
#   to the cent.
# - RFM: ours also breaks score ties by the other two measures and names each customer's segment.
# - FUNNEL_WEIGHT: pandas maps the five stage names exactly as written, and an unknown stage becomes NaN,
#   which sum() skips; ours matches names without case or spaces, reads probabilities written as 0.5 or
#   50%, and stops at an unknown stage naming its cell.
# - PIPELINE_FORECAST: pandas groups every row by close month into three measures (deals, amount,
#   weighted); ours gives each row its stage's forecast category, leaves out lost deals and won deals
#   before the first period, puts open deals before it in Overdue and later ones in Later, and sums
#   five measures per period (total, weighted, closed, commit, best case) and a total row.
import json
import sys
import time

import numpy as np
import pandas as pd

PROB = {"Prospect": 0.1, "Intent": 0.3, "Proposal": 0.5, "Negotiation": 0.7, "Won": 1.0}


def timed(runs, f, clock=time.process_time):
    f()
    ts = []
    for _ in range(runs):
        t0 = clock()
        f()
        ts.append((clock() - t0) * 1000)
    ts.sort()
    return ts[len(ts) // 2]


def rfm(df):
    """Recency (days to the day after the last purchase), frequency (purchase days), monetary (sum,
    returns included), quintile scores by rank, the RFM code."""
    as_of = df["date"].max() + 1
    g = df.groupby("cust", sort=False)
    recency = as_of - g["date"].max()
    buys = df[df["amount"] >= 0]
    freq = buys.groupby("cust", sort=False)["date"].nunique().reindex(recency.index, fill_value=0)
    mon = g["amount"].sum()
    n = len(recency)
    score = lambda s, asc: (np.ceil(s.rank(method="first", ascending=asc) * 5 / n)).astype(int)
    r = score(recency, False)
    f = score(freq, True)
    m = score(mon, True)
    return r * 100 + f * 10 + m


def rfm_summary(df):
    """BG/NBD inputs per customer: repeat purchase days, recency and T in weeks, mean repeat value."""
    buys = df[df["amount"] >= 0]
    as_of = buys["date"].max()
    daily = buys.groupby(["cust", "date"], sort=False)["amount"].sum().reset_index()
    daily = daily.sort_values(["cust", "date"], kind="stable")
    g = daily.groupby("cust", sort=False)
    first = g["date"].min()
    last = g["date"].max()
    days = g.size()
    total = g["amount"].sum()
    first_amount = g["amount"].first()
    frequency = days - 1
    monetary = ((total - first_amount) / frequency.where(frequency > 0)).fillna(0)
    return pd.DataFrame(
        {
            "frequency": frequency,
            "recency": (last - first) / 7,
            "T": (as_of - first) / 7,
            "monetary": monetary,
        }
    )


def pareto(df):
    """Totals per customer, largest first: share, cumulative share, rank, ABC class."""
    s = df.groupby("cust", sort=False)["amount"].sum().sort_values(ascending=False, kind="stable")
    share = s / s.sum()
    cum = share.cumsum()
    cls = np.where(cum <= 0.8, "A", np.where(cum <= 0.95, "B", "C"))
    return pd.DataFrame({"total": s, "share": share, "cum": cum, "rank": np.arange(1, len(s) + 1), "class": cls})


def funnel_weight(df):
    """The weighted total: amount × the stage's probability."""
    return (df["amount"].abs() * df["stage"].map(PROB)).sum()


def pipeline_forecast(df):
    """Deals, open and weighted amounts per month of the close date."""
    close = pd.to_datetime(df["close"], unit="D", origin="1899-12-30")
    month = close.dt.year * 12 + close.dt.month
    amount = df["amount"].abs()
    weighted = amount * df["stage"].map(PROB)
    frame = pd.DataFrame({"month": month, "amount": amount, "weighted": weighted})
    return frame.groupby("month").agg(deals=("amount", "size"), amount=("amount", "sum"), weighted=("weighted", "sum"))


def main():
    path, runs = sys.argv[1], int(sys.argv[2])
    # CPU time of the process (every thread), as run.ts takes by default; "wall": elapsed time
    clock = time.perf_counter if len(sys.argv) > 3 and sys.argv[3] == "wall" else time.process_time
    df = pd.read_csv(path, dtype={"cust": str, "date": np.int64, "amount": np.float64, "stage": str, "close": np.int64})
    out = {
        "pandas": pd.__version__,
        "rfm": timed(runs, lambda: rfm(df), clock),
        "rfm_summary": timed(runs, lambda: rfm_summary(df), clock),
        "pareto": timed(runs, lambda: pareto(df), clock),
        "funnel_weight": timed(runs, lambda: funnel_weight(df), clock),
        "pipeline_forecast": timed(runs, lambda: pipeline_forecast(df), clock),
    }
    print(json.dumps(out))


if __name__ == "__main__":
    main()
