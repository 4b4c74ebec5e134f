"""Reference values for the tree families (src/core/models/trees): fits scikit-learn 1.2's DecisionTree,
RandomForest and HistGradientBoosting estimators on the committed samples and writes, per case, the exact
feature matrix, target, train/test rows and held-out metrics as JSON fixtures.

Run: /usr/bin/python3 scripts/reference/trees_reference.py
"""
import json
import os

import numpy as np
import pandas as pd
import sklearn
from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor, RandomForestClassifier
from sklearn.metrics import accuracy_score, r2_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.tree import DecisionTreeClassifier

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLES = os.path.join(ROOT, "public", "samples")
OUT = os.path.join(ROOT, "src", "core", "models", "trees", "fixtures")


def nan_list(a):
    return [None if (isinstance(v, float) and np.isnan(v)) else v for v in np.asarray(a, dtype=float).ravel().tolist()]


def dataset(name, X, y, feature_names, classes, stratify=True, seed=0):
    idx = np.arange(len(y))
    train, test = train_test_split(idx, test_size=0.25, random_state=seed, stratify=y if stratify else None)
    train.sort()
    test.sort()
    return {
        "source": name, "sklearn": sklearn.__version__,
        "featureNames": feature_names, "classes": classes,
        "rows": int(X.shape[0]), "cols": int(X.shape[1]),
        "X": nan_list(X), "y": np.asarray(y, dtype=float).tolist(),
        "train": train.tolist(), "test": test.tolist(),
    }


def split(fx):
    X = np.array([np.nan if v is None else v for v in fx["X"]], dtype=float).reshape(fx["rows"], fx["cols"])
    y = np.array(fx["y"])
    return X[fx["train"]], X[fx["test"]], y[fx["train"]], y[fx["test"]]


def classification_metrics(model, Xte, yte, binary):
    out = {"accuracy": accuracy_score(yte, model.predict(Xte))}
    if binary:
        out["rocAuc"] = roc_auc_score(yte, model.predict_proba(Xte)[:, 1])
    return out


def breast_cancer():
    df = pd.read_csv(os.path.join(SAMPLES, "breast-cancer.csv"))
    classes = ["benign", "malignant"]
    y = (df["diagnosis"] == "malignant").astype(float).values
    X = df.drop(columns=["diagnosis"]).values
    return dataset("public/samples/breast-cancer.csv", X, y, list(df.columns[:-1]), classes)


def penguins(drop_missing):
    df = pd.read_csv(os.path.join(SAMPLES, "penguins.csv"))
    numeric = ["Beak Length (mm)", "Beak Depth (mm)", "Flipper Length (mm)", "Body Mass (g)"]
    if drop_missing:
        df = df.dropna(subset=numeric).reset_index(drop=True)
    classes = sorted(df["Species"].unique())
    y = df["Species"].map({c: i for i, c in enumerate(classes)}).values
    islands = sorted(df["Island"].unique())
    island = df["Island"].map({c: i for i, c in enumerate(islands)}).values.astype(float)
    X = np.column_stack([df[numeric].values, island])
    fx = dataset("public/samples/penguins.csv", X, y, numeric + ["Island"], classes)
    fx["categorical"] = [False] * 4 + [True]
    return fx


def cars():
    df = pd.read_csv(os.path.join(SAMPLES, "cars.csv")).dropna(subset=["Miles_per_Gallon"]).reset_index(drop=True)
    df["Year"] = pd.to_datetime(df["Year"]).dt.year
    origins = sorted(df["Origin"].unique())
    df["Origin"] = df["Origin"].map({c: i for i, c in enumerate(origins)})
    cols = ["Cylinders", "Displacement", "Horsepower", "Weight_in_lbs", "Acceleration", "Year", "Origin"]
    fx = dataset("public/samples/cars.csv", df[cols].values.astype(float), df["Miles_per_Gallon"].values, cols, None, stratify=False)
    fx["categorical"] = [False] * 6 + [True]
    return fx


def write(name, fx):
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(fx, f, separators=(",", ":"))
        f.write("\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    bc = breast_cancer()
    Xtr, Xte, ytr, yte = split(bc)
    tree = DecisionTreeClassifier(random_state=0).fit(Xtr, ytr)
    tree5 = DecisionTreeClassifier(max_depth=4, min_samples_leaf=5, criterion="entropy", random_state=0).fit(Xtr, ytr)
    forest = RandomForestClassifier(n_estimators=100, oob_score=True, random_state=0, n_jobs=1).fit(Xtr, ytr)
    hgb = HistGradientBoostingClassifier(random_state=0).fit(Xtr, ytr)
    bc["reference"] = {
        "decisionTree": {"params": {}, **classification_metrics(tree, Xte, yte, True),
                         "meanAccuracySeeds0to9": float(np.mean([DecisionTreeClassifier(random_state=s).fit(Xtr, ytr).score(Xte, yte) for s in range(10)]))},
        "decisionTreeDepth4Entropy": {"params": {"maxDepth": 4, "minSamplesLeaf": 5, "criterion": "entropy"}, **classification_metrics(tree5, Xte, yte, True)},
        "randomForest": {"params": {"nEstimators": 100}, "oobScore": forest.oob_score_, **classification_metrics(forest, Xte, yte, True)},
        "gradientBoosting": {"params": {}, "iterations": hgb.n_iter_, **classification_metrics(hgb, Xte, yte, True)},
    }
    write("breast-cancer.json", bc)

    pg = penguins(drop_missing=False)
    Xtr, Xte, ytr, yte = split(pg)
    native = HistGradientBoostingClassifier(random_state=0).fit(Xtr[:, :4], ytr)
    categorical = HistGradientBoostingClassifier(random_state=0, categorical_features=[4]).fit(Xtr, ytr)
    pg["reference"] = {
        "gradientBoostingMissing": {"features": 4, **classification_metrics(native, Xte[:, :4], yte, False)},
        "gradientBoostingCategorical": {"features": 5, **classification_metrics(categorical, Xte, yte, False)},
    }
    write("penguins.json", pg)

    pc = penguins(drop_missing=True)
    Xtr, Xte, ytr, yte = split(pc)
    forest = RandomForestClassifier(n_estimators=100, oob_score=True, random_state=0, n_jobs=1).fit(Xtr[:, :4], ytr)
    pc["reference"] = {"randomForest": {"features": 4, "oobScore": forest.oob_score_, **classification_metrics(forest, Xte[:, :4], yte, False)}}
    write("penguins-complete.json", pc)

    cr = cars()
    Xtr, Xte, ytr, yte = split(cr)
    hgb = HistGradientBoostingRegressor(random_state=0).fit(Xtr, ytr)
    hgb_cat = HistGradientBoostingRegressor(random_state=0, categorical_features=[6]).fit(Xtr, ytr)
    cr["reference"] = {
        "gradientBoosting": {"r2": r2_score(yte, hgb.predict(Xte)), "iterations": hgb.n_iter_},
        "gradientBoostingCategorical": {"r2": r2_score(yte, hgb_cat.predict(Xte))},
    }
    write("cars.json", cr)
    for name in sorted(n for n in os.listdir(OUT) if n.endswith(".json")):
        fx = json.load(open(os.path.join(OUT, name)))
        print(name, os.path.getsize(os.path.join(OUT, name)), json.dumps(fx["reference"]))


if __name__ == "__main__":
    main()
