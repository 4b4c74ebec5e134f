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
    weights = 1.0 + np.arange(len(ytr)) % 3  # 1, 2, 3, 1, 2, 3 … over the training rows
    for key, (params, model) in models.items():
        model.fit(Xtr, ytr)
        out[key] = {'params': params, 'coefficients': model.coef_.tolist(), 'intercept': float(model.intercept_),
                    'r2': metrics.r2_score(yte, model.predict(Xte))}
        model.fit(Xtr, ytr, sample_weight=weights)
        out[key]['weighted'] = {'coefficients': model.coef_.tolist(), 'intercept': float(model.intercept_)}
    return out


def logistic_references(d):
    Xtr, ytr, Xte, yte = arrays(d)
    out = {}
    for key, params, model in [
        ('l2', {'penalty': 'l2', 'C': 1.0, 'tol': 1e-8, 'max_iter': 1000}, LogisticRegression(C=1.0, tol=1e-8, max_iter=10000)),
        ('l2-weak', {'penalty': 'l2', 'C': 10.0, 'tol': 1e-8, 'max_iter': 1000}, LogisticRegression(C=10.0, tol=1e-8, max_iter=10000)),
        ('l1', {'penalty': 'l1', 'C': 0.5, 'tol': 1e-9, 'max_iter': 20000},
         LogisticRegression(penalty='l1', C=0.5, solver='saga', tol=1e-10, max_iter=100000, random_state=0)),
    ]:
        model.fit(Xtr, ytr)
        out[key] = {'params': params, 'coefficients': model.coef_.tolist(), 'intercepts': model.intercept_.tolist(),
                    **classification_scores(model, Xte, yte)}
    return out


def knn_references(d, cases):
    Xtr, ytr, Xte, yte = arrays(d)
    out = {}
    for key, params in cases.items():
        cls = KNeighborsClassifier if d['classes'] else KNeighborsRegressor
        model = cls(n_neighbors=params['k'], weights=params['weights'], metric=params['metric'], algorithm='brute').fit(Xtr, ytr)
        if d['classes']:
            out[key] = {'params': params, **classification_scores(model, Xte, yte)}
        else:
            pred = model.predict(Xte)
            out[key] = {'params': params, 'r2': metrics.r2_score(yte, pred), 'predictions': pred.tolist()}
    return out


def load_cars():
    frame = pd.read_csv(os.path.join(ROOT, 'public', 'samples', 'cars.csv'))
    features = ['Cylinders', 'Displacement', 'Horsepower', 'Weight_in_lbs', 'Acceleration']
    frame = frame.dropna(subset=features + ['Miles_per_Gallon']).reset_index(drop=True)
    X = frame[features].to_numpy(dtype=float)
    train, _ = split(len(frame), 4)
    return dataset('cars', standardise(X, train), frame['Miles_per_Gallon'].to_numpy(dtype=float), features, None, seed=4)


def load_penguins():
    """Mixed features: 4 numeric (raw) + Island and Sex as codes in sorted level order; rows with NaN dropped."""
    frame = pd.read_csv(os.path.join(ROOT, 'public', 'samples', 'penguins.csv')).dropna().reset_index(drop=True)
    frame = frame[frame['Sex'].isin(['MALE', 'FEMALE'])].reset_index(drop=True)
    numeric = ['Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)']
    categorical = ['Island', 'Sex']
    codes = np.column_stack([pd.Categorical(frame[c], categories=sorted(frame[c].unique())).codes for c in categorical])
    X = np.column_stack([frame[numeric].to_numpy(dtype=float), codes.astype(float)])
    classes = sorted(frame['Species'].unique().tolist())
    y = frame['Species'].map({c: i for i, c in enumerate(classes)}).to_numpy()
    d = dataset('penguins', np.round(X, 6), y, numeric + categorical, classes, seed=5)
    d['categorical'] = [False] * len(numeric) + [True] * len(categorical)
    return d


def naive_bayes_references(d):
    Xtr, ytr, Xte, yte = arrays(d)
    flags = np.array(d.get('categorical', [False] * d['cols']))
    out = {}
    if (~flags).any():
        g = GaussianNB().fit(Xtr[:, ~flags], ytr)
        out['gaussian'] = {'accuracy': metrics.accuracy_score(yte, g.predict(Xte[:, ~flags])),
                           'proba': np.round(g.predict_proba(Xte[:, ~flags]), 12).ravel().tolist(),
                           'predictions': g.predict(Xte[:, ~flags]).tolist()}
    if flags.any():
        c = CategoricalNB(alpha=1.0).fit(Xtr[:, flags], ytr)
        out['categorical'] = {'accuracy': metrics.accuracy_score(yte, c.predict(Xte[:, flags])),
                              'proba': np.round(c.predict_proba(Xte[:, flags]), 12).ravel().tolist(),
                              'predictions': c.predict(Xte[:, flags]).tolist()}
    if flags.any() and (~flags).any():
        # The product of both likelihoods with the class prior counted once.
        joint = g._joint_log_likelihood(Xte[:, ~flags]) + c._joint_log_likelihood(Xte[:, flags].astype(int)) - np.log(g.class_prior_)
        out['mixed'] = {'predictions': joint.argmax(axis=1).tolist(), 'accuracy': metrics.accuracy_score(yte, joint.argmax(axis=1))}
    return out


def clustering_references(d):
    from sklearn.cluster import kmeans_plusplus
    X = np.array(d['X']).reshape(d['rows'], d['cols'])
    init, _ = kmeans_plusplus(X, 3, random_state=0)
    km = KMeans(n_clusters=3, init=init, n_init=1, max_iter=300, tol=1e-4, algorithm='lloyd').fit(X)
    elbow = [{'k': k, 'inertia': KMeans(n_clusters=k, n_init=10, random_state=0).fit(X).inertia_} for k in range(1, 7)]
    pca2 = PCA(n_components=2, svd_solver='full').fit(X)
    pca_fraction = PCA(n_components=0.97, svd_solver='full').fit(X)
    return {
        'kmeans': {'initCenters': init.ravel().tolist(), 'centers': km.cluster_centers_.ravel().tolist(), 'labels': km.labels_.tolist(),
                   'inertia': km.inertia_, 'iterations': int(km.n_iter_), 'silhouette': metrics.silhouette_score(X, km.labels_)},
        'elbow': elbow,
        'pca': {'components': pca2.components_.ravel().tolist(), 'explainedVariance': pca2.explained_variance_.tolist(),
                'explainedVarianceRatio': pca2.explained_variance_ratio_.tolist(), 'projected': pca2.transform(X[:5]).ravel().tolist(),
                'fractionComponents': int(pca_fraction.n_components_)},
    }


def main():
    breast = load_breast_cancer()
    wine = load_sklearn(datasets.load_wine, 'wine', 2, scale=True)
    diabetes = load_sklearn(datasets.load_diabetes, 'diabetes', 3, scale=False, classification=False)
    write('breast-cancer.json', {'data': breast, 'logistic': logistic_references(breast)})
    write('wine.json', {'data': wine, 'logistic': logistic_references(wine)})
    cars = load_cars()
    iris = load_sklearn(datasets.load_iris, 'iris', 6, scale=False)
    penguins = load_penguins()
    write('diabetes.json', {'data': diabetes, 'linear': linear_references(diabetes),
                            'knn': knn_references(diabetes, {'distance': {'k': 10, 'weights': 'distance', 'metric': 'euclidean'}})})
    write('cars.json', {'data': cars, 'knn': knn_references(cars, {
        'uniform': {'k': 5, 'weights': 'uniform', 'metric': 'euclidean'},
        'distance-manhattan': {'k': 7, 'weights': 'distance', 'metric': 'manhattan'}})})
    write('knn-classification.json', {
        'breast-cancer': knn_references(breast, {'uniform': {'k': 5, 'weights': 'uniform', 'metric': 'euclidean'},
                                                 'distance-manhattan': {'k': 9, 'weights': 'distance', 'metric': 'manhattan'}}),
        'wine': knn_references(wine, {'uniform': {'k': 7, 'weights': 'uniform', 'metric': 'euclidean'},
                                      'distance': {'k': 4, 'weights': 'distance', 'metric': 'euclidean'}})})
    write('iris.json', {'data': iris, 'naiveBayes': naive_bayes_references(iris), **clustering_references(iris)})
    write('penguins.json', {'data': penguins, 'naiveBayes': naive_bayes_references(penguins)})
    write('naive-bayes-breast-cancer.json', {'naiveBayes': naive_bayes_references(breast)})


if __name__ == '__main__':
    main()
