"""Reference statistics for src/core/profile, computed with numpy/pandas/scipy.

Writes the input datasets (src/core/profile/fixtures/datasets.json) and the expected statistics
(src/core/profile/fixtures/reference.json). Run from the repository root:

    /usr/bin/python3 scripts/reference/profile_reference.py

JSON encoding of inputs: numbers with NaN as null and +/-inf as "Infinity"/"-Infinity"; categories as
strings with null for missing. Our profile reports skewness/kurtosis of a constant column as null where
pandas reports 0, so the reference writes null there too (see the README).
"""
import json
import math
import pathlib

import numpy as np
import pandas as pd
from scipy import stats

OUT = pathlib.Path(__file__).resolve().parents[2] / "src" / "core" / "profile" / "fixtures"
NaN = float("nan")
inf = float("inf")


def make_datasets():
    basic = {
        "a": [1, 2, 2, 3, NaN, 5, 8, 13, 2, 100],
        "b": [0.5, -1.25, inf, 3.5, 3.5, NaN, -inf, 10, 0, 2.75],
        "constant": [7.0] * 10,
        "single": [NaN] * 4 + [4.2] + [NaN] * 5,
        "skewed": [0.1, 0.2, 0.2, 0.5, 1, 2, 4, 9, 20, 55],
        "cat1": ["x", "y", "x", "z", None, "y", "x", "x", "z", "y"],
        "cat2": ["p", "q", "p", "q", "p", None, "p", "q", "q", "p"],
    }
    dups = {
        "num": [1, 1, NaN, NaN, 2, 1, -0.0, 0.0, 3, 1],
        "cat": ["a", "a", None, None, "b", "a", "c", "c", "c", "b"],
    }
    rng = np.random.default_rng(20261122)
    n = 200
    x = np.round(rng.normal(10, 3, n), 1)
    y = np.round(0.5 * x + rng.normal(0, 2, n), 2)
    z = np.round(rng.lognormal(0, 1, n), 3)
    x[rng.choice(n, 12, replace=False)] = NaN
    y[rng.choice(n, 9, replace=False)] = NaN
    z[5] = inf
    groups = rng.choice(["g1", "g2", "g3", "g4"], n, p=[0.4, 0.3, 0.2, 0.1]).astype(object)
    flags = np.where(x > 10, "hi", "lo").astype(object)
    groups[rng.choice(n, 7, replace=False)] = None
    flags[rng.choice(n, 5, replace=False)] = None
    larger = {
        "x": x.tolist(), "y": y.tolist(), "z": z.tolist(),
        "group": groups.tolist(), "flag": flags.tolist(),
    }
    return {"basic": basic, "dups": dups, "larger": larger}


def encode_number(v):
    if isinstance(v, float) and math.isnan(v):
        return None
    if v == inf:
        return "Infinity"
    if v == -inf:
        return "-Infinity"
    return float(v)


def encode_dataset(columns):
    out = []
    for name, values in columns.items():
        if any(isinstance(v, str) for v in values):
            out.append({"name": name, "kind": "categorical", "values": values})
        else:
            out.append({"name": name, "kind": "numeric", "values": [encode_number(v) for v in values]})
    return out


def clean(v):
    """NaN -> None so the JSON holds only finite numbers."""
    v = float(v)
    return None if math.isnan(v) or math.isinf(v) else v


def numeric_reference(values):
    s = pd.Series(values, dtype="float64")
    finite = s[np.isfinite(s)]
    a = finite.to_numpy()
    constant = len(a) >= 2 and a.min() == a.max()
    ref = {
        "count": int(s.notna().sum()),
        "finite": int(len(a)),
        "distinct": int(pd.Series(s.dropna().to_numpy()).nunique()),
        "mean": clean(finite.mean()),
        "std": clean(finite.std(ddof=1)),
        "skewness": None if constant else clean(finite.skew()),
        "kurtosis": None if constant else clean(finite.kurt()),
    }
    if len(a) == 0:
        ref.update(quantiles=None, histogram=None, outliersIqr=None, outliersZ=None)
        return ref
    qs = np.percentile(a, [1, 5, 25, 50, 75, 95, 99])
    ref["quantiles"] = dict(zip(["p1", "p5", "p25", "p50", "p75", "p95", "p99"], map(float, qs)))
    edges = np.histogram_bin_edges(a, bins="auto")
    counts, _ = np.histogram(a, bins=edges)
    ref["histogram"] = {"edges": edges.tolist(), "counts": counts.tolist()}
    q1, q3 = np.percentile(a, [25, 75])
    lower, upper = q1 - 1.5 * (q3 - q1), q3 + 1.5 * (q3 - q1)
    ref["outliersIqr"] = {"count": int(((a < lower) | (a > upper)).sum()), "lower": float(lower), "upper": float(upper)}
    std = a.std(ddof=1) if len(a) > 1 else NaN
    ref["outliersZ"] = None if not std > 0 else {"count": int((np.abs(a - a.mean()) / std > 3).sum())}
    return ref


def cramers_v(a, b):
    """Bias-uncorrected Cramér's V from the contingency table of rows where both are present."""
    mask = pd.notna(a) & pd.notna(b)
    table = pd.crosstab(pd.Series(a)[mask], pd.Series(b)[mask]).to_numpy(dtype=float)
    n = table.sum()
    r, c = table.shape
    if n == 0 or min(r, c) < 2:
        return None
    expected = np.outer(table.sum(axis=1), table.sum(axis=0)) / n
    chi2 = ((table - expected) ** 2 / expected).sum()
    return float(math.sqrt(chi2 / (n * (min(r, c) - 1))))


def correlation_ratio(categories, values):
    """eta = sqrt(SS_between / SS_total) over rows with a category and a finite number."""
    cats = pd.Series(categories, dtype=object)
    nums = pd.Series(values, dtype="float64")
    mask = cats.notna() & np.isfinite(nums)
    cats, nums = cats[mask], nums[mask]
    if len(nums) == 0:
        return None
    mean = nums.mean()
    ss_total = ((nums - mean) ** 2).sum()
    ss_between = sum(len(g) * (g.mean() - mean) ** 2 for _, g in nums.groupby(cats))
    return None if ss_total == 0 else float(math.sqrt(ss_between / ss_total))


def pair_reference(columns):
    numeric = {k: np.array(v, dtype=float) for k, v in columns.items() if not any(isinstance(x, str) for x in v)}
    categorical = {k: v for k, v in columns.items() if k not in numeric}
    names = list(numeric)
    finite = pd.DataFrame({k: np.where(np.isfinite(v), v, NaN) for k, v in numeric.items()})
    pearson = finite.corr(method="pearson")
    spearman = []
    for i in names:
        row = []
        for j in names:
            mask = np.isfinite(numeric[i]) & np.isfinite(numeric[j])
            if mask.sum() < 2 or np.ptp(numeric[i][mask]) == 0 or np.ptp(numeric[j][mask]) == 0:
                row.append(None)
            else:
                row.append(float(stats.spearmanr(numeric[i][mask], numeric[j][mask]).correlation))
        spearman.append(row)
    pearson_rows = [[clean(pearson.loc[i, j]) for j in names] for i in names]
    for i in names:  # scipy.stats.pearsonr on complete rows agrees with pandas; assert it here
        for j in names:
            mask = np.isfinite(numeric[i]) & np.isfinite(numeric[j])
            if mask.sum() > 2 and np.ptp(numeric[i][mask]) > 0 and np.ptp(numeric[j][mask]) > 0:
                r = stats.pearsonr(numeric[i][mask], numeric[j][mask])[0]
                assert abs(r - pearson.loc[i, j]) < 1e-12, (i, j)
    cats = list(categorical)
    return {
        "numeric": names,
        "pearson": pearson_rows,
        "spearman": spearman,
        "categorical": cats,
        "cramersV": [[cramers_v(categorical[i], categorical[j]) for j in cats] for i in cats],
        "correlationRatio": [[correlation_ratio(categorical[i], numeric[j]) for j in names] for i in cats],
    }


def duplicate_reference(columns):
    frame = pd.DataFrame(columns)
    duplicated = frame.duplicated(keep="first")
    return {"count": int(duplicated.sum()), "rows": [int(i) for i in np.flatnonzero(duplicated.to_numpy())]}


def main():
    datasets = make_datasets()
    inputs = {name: encode_dataset(cols) for name, cols in datasets.items()}
    reference = {}
    for name, cols in datasets.items():
        reference[name] = {
            "numeric": {k: numeric_reference(np.array(v, dtype=float)) for k, v in cols.items() if not any(isinstance(x, str) for x in v)},
            "pairs": pair_reference(cols),
            "duplicates": duplicate_reference(cols),
        }
    meta = {"generatedBy": "scripts/reference/profile_reference.py", "numpy": np.__version__, "pandas": pd.__version__, "scipy": __import__("scipy").__version__}
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "datasets.json").write_text(json.dumps({"meta": meta, "datasets": inputs}, indent=1, allow_nan=False) + "\n")
    (OUT / "reference.json").write_text(json.dumps({"meta": meta, "reference": reference}, indent=1, allow_nan=False) + "\n")


if __name__ == "__main__":
    main()
