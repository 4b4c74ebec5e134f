"""Reference values for src/core/stats (pandas describe, two-sample Kolmogorov–Smirnov) and the cars target
the split summary's drift check is tried on.

Writes src/core/stats/fixtures/reference.json and src/core/split/fixtures/cars-mpg.json (the bundled cars
sample's Miles_per_Gallon in file order, null where missing). Run from the repository root:

    /usr/bin/python3 scripts/reference/stats_reference.py

describe: pandas Series.describe(percentiles=[.05, .25, .5, .75, .95]) (NaN left out, std with ddof 1).
KS: the statistic of scipy.stats.ks_2samp and the asymptotic two-sided p-value of the Kolmogorov
distribution, scipy.stats.kstwobign.sf(D * sqrt(n * m / (n + m))).
"""
import json
import math
import pathlib

import numpy as np
import pandas as pd
import scipy
from scipy import stats

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "src" / "core" / "stats" / "fixtures"
NaN = float("nan")


def encode(values):
    return [None if isinstance(v, float) and math.isnan(v) else v for v in values]


def describe(values):
    d = pd.Series(values, dtype="float64").describe(percentiles=[0.05, 0.25, 0.5, 0.75, 0.95])
    keys = {"count": "count", "mean": "mean", "std": "std", "min": "min", "5%": "p5", "25%": "p25",
            "50%": "p50", "75%": "p75", "95%": "p95", "max": "max"}
    return {keys[k]: (None if math.isnan(v) else float(v)) for k, v in d.items()}


def ks(a, b):
    a = np.asarray([v for v in a if not math.isnan(v)])
    b = np.asarray([v for v in b if not math.isnan(v)])
    d = stats.ks_2samp(a, b).statistic
    en = len(a) * len(b) / (len(a) + len(b))
    return {"statistic": float(d), "pValue": float(stats.kstwobign.sf(d * math.sqrt(en)))}


def main():
    rng = np.random.default_rng(20261205)
    samples = {
        "small": [3.5, 1, NaN, 2, 2, 8, -4, 0.25],
        "single": [7.0],
        "normal": [float(round(x, 6)) for x in rng.normal(10, 2, 60)],
        "shifted": [float(round(x, 6)) for x in rng.normal(11.5, 2, 45)],
        "ties": [1, 1, 2, 2, 2, 3, 5, 5, 8, 8, 8, 8],
        "ties2": [2, 2, 3, 5, 5, 5, 9],
    }
    cars = pd.read_csv(ROOT / "public" / "samples" / "cars.csv")["Miles_per_Gallon"].astype("float64").tolist()
    reference = {
        "source": f"pandas {pd.__version__}, scipy {scipy.__version__}",
        "samples": {k: encode(v) for k, v in samples.items()},
        "describe": {k: describe(v) for k, v in samples.items()},
        "ks": [
            {"a": "normal", "b": "shifted", **ks(samples["normal"], samples["shifted"])},
            {"a": "ties", "b": "ties2", **ks(samples["ties"], samples["ties2"])},
            {"a": "small", "b": "normal", **ks(samples["small"], samples["normal"])},
        ],
    }
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "reference.json").write_text(json.dumps(reference, indent=1) + "\n")
    cars_out = {"source": "public/samples/cars.csv, column Miles_per_Gallon", "values": encode(cars)}
    (ROOT / "src" / "core" / "split" / "fixtures" / "cars-mpg.json").write_text(json.dumps(cars_out) + "\n")


if __name__ == "__main__":
    main()
