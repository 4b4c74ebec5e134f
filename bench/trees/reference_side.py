"""The reference side of the trees suite (bench/trees/suite.mjs): one fit per process, on the same rows and split
as ours; prints one JSON object with the fit time (ms, data loading excluded), test accuracy and versions.

Usage: /usr/bin/python3 bench/trees/reference_side.py DATA.f64 ROWS COLS TRAIN_ROWS '<json spec>'
DATA.f64: ROWS x COLS features (row-major) then ROWS labels, little-endian float64.
spec: {"model": "hist_gb" | "xgboost" | "random_forest", "params": {...}, "threads": "all" | 1}
(one thread: the caller also sets OMP_NUM_THREADS=1; here n_jobs / n_jobs=1 follow "threads").
"""
import json
import sys
import time

import numpy as np


def make_model(spec, ytr):
    threads = spec["threads"]
    params = dict(spec["params"])
    if spec["model"] == "hist_gb":
        from sklearn.ensemble import HistGradientBoostingClassifier
        return HistGradientBoostingClassifier(random_state=0, **params)
    if spec["model"] == "random_forest":
        from sklearn.ensemble import RandomForestClassifier
        return RandomForestClassifier(random_state=0, n_jobs=-1 if threads == "all" else 1, **params)
    if spec["model"] == "xgboost":
        from xgboost import XGBClassifier
        # XGBoost 1.x starts from 0.5; sklearn (and ours) from the training prior: give it the same start.
        return XGBClassifier(random_state=0, n_jobs=0 if threads == "all" else 1, base_score=float(np.mean(ytr)), **params)
    raise SystemExit(f"unknown model {spec['model']!r}: use hist_gb, xgboost or random_forest")


def version_of(model):
    if model == "xgboost":
        import xgboost
        return f"xgboost {xgboost.__version__}"
    import sklearn
    return f"scikit-learn {sklearn.__version__}"


def main():
    path, rows, cols, train_rows, spec = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), json.loads(sys.argv[5])
    data = np.fromfile(path, dtype="<f8")
    X = data[: rows * cols].reshape(rows, cols)
    y = data[rows * cols: rows * cols + rows].astype(np.int64)
    Xtr, ytr, Xte, yte = X[:train_rows], y[:train_rows], X[train_rows:], y[train_rows:]
    model = make_model(spec, ytr)
    started = time.perf_counter()
    model.fit(Xtr, ytr)
    fit_ms = (time.perf_counter() - started) * 1000
    print(json.dumps({"fitMs": fit_ms, "accuracy": float(np.mean(model.predict(Xte) == yte)),
                      "iterations": int(getattr(model, "n_iter_", 0) or 0), "version": version_of(spec["model"])}))


if __name__ == "__main__":
    main()
