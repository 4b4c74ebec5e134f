"""Reference values for the profile's leakage check: single-feature ROC AUC of a binary target, folded to
max(AUC, 1 - AUC), with sklearn.metrics.roc_auc_score on the rows where both the feature and the class are present.

Writes src/core/profile/fixtures/auc-reference.json. Run from the repository root:

    /usr/bin/python3 scripts/reference/alerts_reference.py
"""
import json
import math
import pathlib

import numpy as np
import sklearn
from sklearn.metrics import roc_auc_score

OUT = pathlib.Path(__file__).resolve().parents[2] / "src" / "core" / "profile" / "fixtures" / "auc-reference.json"
NaN = float("nan")


def folded_auc(feature, classes):
    keep = [i for i in range(len(feature)) if not math.isnan(feature[i]) and classes[i] >= 0]
    auc = roc_auc_score([classes[i] for i in keep], [feature[i] for i in keep])
    return max(auc, 1 - auc)


def main():
    rng = np.random.default_rng(20261205)
    classes = [int(c) for c in rng.integers(0, 2, 40)]
    classes[5] = -1  # missing class
    noisy = [float(round(c + rng.normal(0, 1.2), 3)) for c in classes]
    noisy[9] = NaN
    cases = {
        "separating": {"feature": [1, 2, 3, 4, 10, 11, 12, 13], "classes": [0, 0, 0, 0, 1, 1, 1, 1]},
        "reversed": {"feature": [9, 8, 7, 1, 2, 3], "classes": [0, 0, 0, 1, 1, 1]},
        "ties": {"feature": [1, 1, 2, 2, 2, 3, 3, 5, 5, 1], "classes": [0, 1, 0, 0, 1, 1, 0, 1, 1, 0]},
        "noisy": {"feature": noisy, "classes": classes},
    }
    out = {"source": f"scikit-learn {sklearn.__version__} roc_auc_score", "cases": {}}
    for name, case in cases.items():
        feature = [float(v) for v in case["feature"]]
        out["cases"][name] = {
            "feature": [None if math.isnan(v) else v for v in feature],
            "classes": case["classes"],
            "auc": folded_auc(feature, case["classes"]),
        }
    OUT.write_text(json.dumps(out, indent=1) + "\n")


if __name__ == "__main__":
    main()
