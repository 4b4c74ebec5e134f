"""Reference values for the drift statistics of the Monitor cell (src/core/stats/measure-*.ts, src/core/monitor):
two-sample Kolmogorov–Smirnov, chi-square homogeneity, PSI, Wasserstein-1 and Jensen–Shannon distance, and the
no-drift simulation that sets the small-batch size.

Writes src/core/stats/fixtures/drift-reference.json. Run from the repository root (CI has no Python; the JSON is
committed):

    /usr/bin/python3 scripts/reference/monitor_reference.py

KS: scipy.stats.ks_2samp(a, b) with its defaults (two-sided, method='auto': exact when max(n, m) <= 10,000). For
the one pair above that size, both scipy's default (kstwo.sf(D, round(en))) and the Kolmogorov limit
kstwobign.sf(D * sqrt(en)) that src/core/stats uses there are written, so the test can state the gap.
Chi-square: scipy.stats.chi2_contingency on the 2 x K table [reference; batch] after dropping categories empty on
both sides (scipy refuses a zero expected count); Yates' correction only when dof = 1 (a 2 x 2 table), as scipy.
PSI: not in scipy; written here with numpy from the documented binning (see PSI below), independently of the TS.
Wasserstein: scipy.stats.wasserstein_distance(reference, batch).
Jensen–Shannon: scipy.spatial.distance.jensenshannon(reference_counts, batch_counts, base=2) (in [0, 1]).
Large samples are not stored: they are made by a formula both sides evaluate ((i * mul) % mod / mod + shift).
"""
import json
import math
import pathlib

import numpy as np
import scipy
from scipy import stats
from scipy.spatial import distance

OUT = pathlib.Path(__file__).resolve().parents[2] / "src" / "core" / "stats" / "fixtures" / "drift-reference.json"

# PSI: cut points = the reference's numpy-'linear' quantiles at 1/10 … 9/10, duplicates collapsed (np.unique);
# bins (-inf, c1], (c1, c2], …, (c_k, +inf) (closed on the right); each proportion floored at 1e-4.
PSI_BINS = 10
PSI_FLOOR = 1e-4


def formula_sample(count, mul, mod, shift):
    return [(i * mul) % mod / mod + shift for i in range(count)]


def psi_cuts(reference):
    qs = np.quantile(np.asarray(reference, dtype=float), [i / PSI_BINS for i in range(1, PSI_BINS)])
    return [float(c) for c in np.unique(qs)]


def bin_counts(values, cuts):
    index = np.searchsorted(np.asarray(cuts), np.asarray(values, dtype=float), side="left")
    return [int(c) for c in np.bincount(index, minlength=len(cuts) + 1)]


def psi(reference_counts, batch_counts):
    r_total, b_total = sum(reference_counts), sum(batch_counts)
    total = 0.0
    for r, b in zip(reference_counts, batch_counts):
        pr = max(r / r_total, PSI_FLOOR)
        pb = max(b / b_total, PSI_FLOOR)
        total += (pb - pr) * math.log(pb / pr)
    return total


def ks_case(name, a, b):
    result = stats.ks_2samp(a, b)
    n, m = len(a), len(b)
    case = {"name": name, "a": a, "b": b, "statistic": float(result.statistic), "pValue": float(result.pvalue),
            "method": "exact" if max(n, m) <= 10000 else "asymptotic"}
    if case["method"] == "asymptotic":
        en = n * m / (n + m)
        case["kolmogorovLimitPValue"] = float(stats.kstwobign.sf(result.statistic * math.sqrt(en)))
    return case


def numeric_case(name, reference, batch):
    cuts = psi_cuts(reference)
    rc, bc = bin_counts(reference, cuts), bin_counts(batch, cuts)
    return {"name": name, "reference": reference, "batch": batch, "cuts": cuts, "referenceCounts": rc,
            "batchCounts": bc, "psi": psi(rc, bc), "wasserstein": float(stats.wasserstein_distance(reference, batch)),
            "jensenShannon": float(distance.jensenshannon(rc, bc, base=2))}


def category_case(name, reference_counts, batch_counts):
    keep = [i for i in range(len(reference_counts)) if reference_counts[i] + batch_counts[i] > 0]
    table = np.array([[reference_counts[i] for i in keep], [batch_counts[i] for i in keep]])
    chi2, p, dof, _ = stats.chi2_contingency(table)
    return {"name": name, "referenceCounts": reference_counts, "batchCounts": batch_counts, "chiSquare": float(chi2),
            "pValue": float(p), "dof": int(dof), "psi": psi(reference_counts, batch_counts),
            "jensenShannon": float(distance.jensenshannon(reference_counts, batch_counts, base=2))}


def simulate_small_batches(rng):
    """How often a batch from the reference's own distribution crosses the PSI thresholds (no drift at all)."""
    reps, out = 20000, []
    for n in [30, 50, 70, 100, 150, 200, 250, 300, 500, 1000]:
        values = np.empty(reps)
        for r in range(reps):
            reference = rng.normal(0, 1, 1000)
            cuts = psi_cuts(reference)
            values[r] = psi(bin_counts(reference, cuts), bin_counts(rng.normal(0, 1, n), cuts))
        out.append({"rows": n, "meanPsi": float(values.mean()), "overWarn": float((values >= 0.1).mean()),
                    "overAlert": float((values >= 0.25).mean())})
    return {"reps": reps, "referenceRows": 1000, "distribution": "normal(0, 1) for both", "results": out}


def r(values, digits):
    return [float(round(float(v), digits)) for v in values]


def main():
    rng = np.random.default_rng(20261215)
    normal = r(rng.normal(10, 2, 60), 6)
    shifted = r(rng.normal(11.5, 2, 45), 6)
    square_a = r(rng.normal(0, 1, 40), 1)  # one decimal: many ties, n == m (scipy's square formula)
    square_b = r(rng.normal(0.4, 1, 40), 1)
    mid_a = r(rng.normal(0, 1, 300), 4)
    mid_b = r(rng.normal(0.1, 1, 800), 4)
    zeros_ref = r(np.where(rng.random(200) < 0.6, 0.0, rng.exponential(3, 200)), 3)  # 60 % zeros: edges collapse
    zeros_batch = r(np.where(rng.random(90) < 0.3, 0.0, rng.exponential(3, 90)), 3)
    ties_a = [1.0, 1, 2, 2, 2, 3, 5, 5, 8, 8, 8, 8]
    ties_b = [2.0, 2, 3, 5, 5, 5, 9]
    large = {"a": {"count": 1000, "mul": 7919, "mod": 1009, "shift": 0.0},
             "b": {"count": 12000, "mul": 104729, "mod": 12007, "shift": 0.03}}
    large_a = formula_sample(**large["a"])
    large_b = formula_sample(**large["b"])

    ks = [
        ks_case("normal-shifted", normal, shifted),
        ks_case("ties", ties_a, ties_b),
        ks_case("square-ties", square_a, square_b),
        ks_case("mid-300-800", mid_a, mid_b),
        ks_case("equal", [1.0, 2, 3, 4, 5], [1.0, 2, 3, 4, 5]),
        ks_case("separated", [float(i) for i in range(1, 11)], [float(i) for i in range(11, 21)]),
        ks_case("tiny-1-3", [3.0], [1.0, 2, 4]),
        ks_case("tiny-2-2", [1.0, 2], [1.5, 3]),
        ks_case("zeros", zeros_ref, zeros_batch),
    ]
    full = stats.ks_2samp(large_a, large_b)
    en = 1000 * 12000 / 13000
    large_case = {"name": "large-1000-12000", "a": large["a"], "b": large["b"], "statistic": float(full.statistic),
                  "pValue": float(full.pvalue), "method": "asymptotic",
                  "kolmogorovLimitPValue": float(stats.kstwobign.sf(full.statistic * math.sqrt(en)))}
    ks.append(large_case)

    numeric = [
        numeric_case("normal-shifted", normal, shifted),
        numeric_case("ties", ties_a, ties_b),
        numeric_case("zeros", zeros_ref, zeros_batch),  # duplicate cut points collapse; empty bins on one side
        numeric_case("empty-bins", mid_a, r(rng.normal(2.5, 0.2, 30), 4)),  # the batch fills only the top bins
        numeric_case("tiny", [4.0, 1, 3, 2, 5], [2.5, 9]),
        numeric_case("constant", [7.0, 7, 7, 7], [7.0, 8, 6]),
    ]
    categories = [
        category_case("three-levels", [50, 30, 20], [10, 12, 8]),
        category_case("one-side-only", [40, 0, 25, 5, 0], [10, 7, 0, 3, 0]),  # level 2 batch-only, 3 reference-only, 5 neither
        category_case("two-by-two-yates", [30, 10], [5, 9]),
        category_case("yates-small-difference", [10, 10], [10, 11]),
        category_case("tiny", [1, 0], [0, 1]),
        category_case("one-level", [5, 0], [3, 0]),  # dof 0 after dropping the empty level: chi2 0, p 1
        category_case("many-levels", [int(c) for c in rng.integers(0, 40, 12)], [int(c) for c in rng.integers(0, 15, 12)]),
    ]
    out = {
        "source": f"scipy {scipy.__version__}, numpy {np.__version__}",
        "psi": {"bins": PSI_BINS, "floor": PSI_FLOOR},
        "ks": ks,
        "numeric": numeric,
        "categories": categories,
        "smallBatchSimulation": simulate_small_batches(rng),
    }
    OUT.write_text(json.dumps(out, indent=1) + "\n")


if __name__ == "__main__":
    main()
