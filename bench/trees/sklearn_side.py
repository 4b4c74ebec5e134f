"""The scikit-learn side of the trees benchmark: same CSV, same split (first train_rows rows), same
hyperparameters; prints one JSON object with fit times (ms) and test accuracies.

Usage: /usr/bin/python3 bench/trees/sklearn_side.py DATA.csv TRAIN_ROWS '<json: which fits to run>'
"""
import json
import sys
import time

import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier


def main():
    path, train_rows, plan = sys.argv[1], int(sys.argv[2]), json.loads(sys.argv[3])
    df = pd.read_csv(path)
    X = df.drop(columns=["y"]).values
    y = df["y"].values
    Xtr, ytr, Xte, yte = X[:train_rows], y[:train_rows], X[train_rows:], y[train_rows:]
    out = {}
    for name, spec in plan.items():
        if spec["kind"] == "gradient_boosting":
            model = HistGradientBoostingClassifier(random_state=0, **spec["sklearn"])
        else:
            model = RandomForestClassifier(random_state=0, n_jobs=1, **spec["sklearn"])
        started = time.perf_counter()
        model.fit(Xtr, ytr)
        fit_ms = (time.perf_counter() - started) * 1000
        out[name] = {"fitMs": fit_ms, "accuracy": float(np.mean(model.predict(Xte) == yte)),
                     "iterations": int(getattr(model, "n_iter_", 0))}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
