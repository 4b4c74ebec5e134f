"""Reference values from scikit-learn for the classic model families (src/core/models/classic).

Run with /usr/bin/python3 scripts/reference/classic_reference.py (scikit-learn 1.2, numpy, pandas).
Writes JSON fixtures to src/core/models/classic/fixtures/: per dataset the exact feature matrix (rounded to
6 decimals *before* fitting, so both sides see the same numbers), target, train/test row indices, and each
estimator's held-out metrics, predictions and (where deterministic) coefficients.
"""
import json
import os

import numpy as np
import pandas as pd
from sklearn import datasets, metrics
from sklearn.cluster import KMeans
from sklearn.decomposition import PCA
from sklearn.linear_model import ElasticNet, Lasso, LinearRegression, LogisticRegression, Ridge
from sklearn.naive_bayes import CategoricalNB, GaussianNB
from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor

ROOT = os.path.join(os.path.dirname(__file__), '..', '..')
OUT = os.path.join(ROOT, 'src', 'core', 'models', 'classic', 'fixtures')


def split(n, seed, test_share=0.3):
    order = np.random.RandomState(seed).permutation(n)
    cut = int(round(n * (1 - test_share)))
    return np.sort(order[:cut]), np.sort(order[cut:])


def standardise(X, train):
    """Standardise with training-row statistics (the Prepare cell's job), rounded to 6 decimals."""
    mean, std = X[train].mean(axis=0), X[train].std(axis=0)
    return np.round((X - mean) / std, 6)


def dataset(name, X, y, feature_names, classes=None, seed=0):
    train, test = split(len(y), seed)
    return {'name': name, 'rows': int(X.shape[0]), 'cols': int(X.shape[1]), 'featureNames': list(feature_names),
            'X': X.ravel().tolist(), 'y': y.tolist(), 'classes': classes, 'train': train.tolist(), 'test': test.tolist()}


def arrays(d):
    X = np.array(d['X']).reshape(d['rows'], d['cols'])
    y = np.array(d['y'])
    return X[d['train']], y[d['train']], X[d['test']], y[d['test']]


def write(name, data):
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, name)
    with open(path, 'w') as f:
        json.dump(data, f, separators=(',', ':'))
    print('wrote', path, os.path.getsize(path), 'bytes')


def load_breast_cancer():
    frame = pd.read_csv(os.path.join(ROOT, 'public', 'samples', 'breast-cancer.csv'))
    classes = sorted(frame['diagnosis'].unique().tolist())  # level order as the studio would encode them
    y = frame['diagnosis'].map({c: i for i, c in enumerate(classes)}).to_numpy()
    X = frame.drop(columns=['diagnosis']).to_numpy(dtype=float)
    train, _ = split(len(y), 1)
    return dataset('breast-cancer', standardise(X, train), y, frame.columns[:-1], classes, seed=1)


def load_sklearn(loader, name, seed, scale, classification=True):
    bunch = loader()
    train, _ = split(len(bunch.target), seed)
    X = standardise(bunch.data, train) if scale else np.round(bunch.data, 6)
    classes = [str(c) for c in bunch.target_names] if classification else None
    y = bunch.target if classification else np.round(bunch.target, 6)
    return dataset(name, X, y, bunch.feature_names, classes, seed=seed)


def classification_scores(model, Xte, yte):
    pred = model.predict(Xte)
    proba = model.predict_proba(Xte)
    out = {'accuracy': metrics.accuracy_score(yte, pred), 'predictions': pred.tolist()}
    out['rocAuc'] = metrics.roc_auc_score(yte, proba[:, 1]) if proba.shape[1] == 2 else metrics.roc_auc_score(yte, proba, multi_class='ovr')
    return out


def linear_references(d):
    Xtr, ytr, Xte, yte = arrays(d)
    models = {
        'ols': ({'penalty': 'none'}, LinearRegression()),
        'ridge': ({'penalty': 'l2', 'alpha': 1.0}, Ridge(alpha=1.0)),
        'lasso': ({'penalty': 'l1', 'alpha': 0.1, 'tol': 1e-6, 'max_iter': 10000}, Lasso(alpha=0.1, tol=1e-6, max_iter=10000)),
        'elasticnet': ({'penalty': 'elasticnet', 'alpha': 0.05, 'l1_ratio': 0.5, 'tol': 1e-6, 'max_iter': 10000},
                       ElasticNet(alpha=0.05, l1_ratio=0.5, tol=1e-6, max_iter=10000)),
    }
    out = {}
    for key, (params, model) in models.items():
        model.fit(Xtr, ytr)
        out[key] = {'params': params, 'coefficients': model.coef_.tolist(), 'intercept': float(model.intercept_),
                    'r2': metrics.r2_score(yte, model.predict(Xte))}
    return out


def logistic_references(d):
    Xtr, ytr, Xte, yte = arrays(d)
    out = {}
    for key, params, model in [
        ('l2', {'penalty': 'l2', 'C': 1.0, 'tol': 1e-8, 'max_iter': 1000}, LogisticRegression(C=1.0, tol=1e-8, max_iter=10000)),
        ('l2-weak', {'penalty': 'l2', 'C': 10.0, 'tol': 1e-8, 'max_iter': 1000}, LogisticRegression(C=10.0, tol=1e-8, max_iter=10000)),
        ('l1', {'penalty': 'l1', 'C': 0.5, 'tol': 1e-9, 'max_iter': 20000},
         LogisticRegression(penalty='l1', C=0.5, solver='saga', tol=1e-10, max_iter=100000)),
    ]:
        model.fit(Xtr, ytr)
        out[key] = {'params': params, 'coefficients': model.coef_.tolist(), 'intercepts': model.intercept_.tolist(),
                    **classification_scores(model, Xte, yte)}
    return out


def main():
    breast = load_breast_cancer()
    wine = load_sklearn(datasets.load_wine, 'wine', 2, scale=True)
    diabetes = load_sklearn(datasets.load_diabetes, 'diabetes', 3, scale=False, classification=False)
    write('breast-cancer.json', {'data': breast, 'logistic': logistic_references(breast)})
    write('wine.json', {'data': wine, 'logistic': logistic_references(wine)})
    write('diabetes.json', {'data': diabetes, 'linear': linear_references(diabetes)})


if __name__ == '__main__':
    main()
