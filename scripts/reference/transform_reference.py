"""Reference values from scikit-learn for core/split and core/transform tests.

Run with /usr/bin/python3 scripts/reference/transform_reference.py (scikit-learn 1.2, numpy, scipy).
Writes JSON fixtures beside the TypeScript that tests against them; tests never need Python.
"""
import json
import math
import os

import numpy as np
from sklearn.model_selection import GroupKFold, KFold, StratifiedKFold, TimeSeriesSplit

ROOT = os.path.join(os.path.dirname(__file__), '..', '..')


def clean(value):
    """NaN/inf as strings so the JSON is strict."""
    if isinstance(value, float):
        if math.isnan(value):
            return 'NaN'
        if math.isinf(value):
            return 'Infinity' if value > 0 else '-Infinity'
        return value
    if isinstance(value, (list, tuple)):
        return [clean(v) for v in value]
    if isinstance(value, dict):
        return {k: clean(v) for k, v in value.items()}
    if isinstance(value, np.ndarray):
        return clean(value.tolist())
    if isinstance(value, (np.floating,)):
        return clean(float(value))
    if isinstance(value, (np.integer,)):
        return int(value)
    return value


def write(path, data):
    full = os.path.join(ROOT, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, 'w') as f:
        json.dump(clean(data), f, indent=1)
        f.write('\n')
    print('wrote', path)


def split_fixtures():
    cases = []
    for n, k in [(10, 3), (17, 5), (100, 7), (23, 4)]:
        X = np.zeros((n, 1))
        kfold = [len(test) for _, test in KFold(n_splits=k).split(X)]
        # labels: a fixed imbalanced pattern of three classes
        y = np.array(['a', 'b', 'b', 'c', 'b', 'a', 'b', 'b', 'c', 'b'] * (n // 10 + 1))[:n]
        strat = []
        for _, test in StratifiedKFold(n_splits=k).split(X, y):
            strat.append({c: int((y[test] == c).sum()) for c in sorted(set(y))})
        groups = np.array([i % (k + 3) for i in range(n)]) * 7 % 11
        group_sizes = sorted(len(test) for _, test in GroupKFold(n_splits=k).split(X, y, groups))
        ts = [[len(tr), len(te)] for tr, te in TimeSeriesSplit(n_splits=k).split(X)]
        cases.append({'n': n, 'k': k, 'kfoldSizes': kfold, 'labels': y.tolist(), 'stratifiedCounts': strat,
                      'groups': groups.tolist(), 'groupFoldSizesSorted': group_sizes, 'timeSeriesSizes': ts})
    write('src/core/split/fixtures/fold-sizes.json', {'source': 'scikit-learn 1.2.1 model_selection', 'cases': cases})


def column(values):
    return np.asarray(values, dtype=float).reshape(-1, 1)


def flat(array):
    return np.asarray(array, dtype=float).ravel().tolist()


def numeric_data():
    rng = np.random.RandomState(7)
    train = np.round(rng.lognormal(mean=1.0, sigma=0.8, size=60), 3)
    train[[3, 10]] = train[5]  # ties
    test = np.round(np.concatenate([rng.lognormal(mean=2.0, sigma=0.5, size=12), [-1.0, 0.0, 500.0]]), 3)
    return train, test


def scaler_fixtures():
    from sklearn.preprocessing import (MinMaxScaler, PowerTransformer, QuantileTransformer, RobustScaler,
                                       StandardScaler)
    train, test = numeric_data()
    out = {'train': train, 'test': test, 'cases': {}}
    makers = {
        'standard': lambda: StandardScaler(),
        'minmax': lambda: MinMaxScaler(),
        'robust': lambda: RobustScaler(),
        'quantile_uniform': lambda: QuantileTransformer(n_quantiles=min(1000, len(train)), output_distribution='uniform'),
        'quantile_normal': lambda: QuantileTransformer(n_quantiles=min(1000, len(train)), output_distribution='normal'),
        'quantile_uniform_10': lambda: QuantileTransformer(n_quantiles=10, output_distribution='uniform'),
        'quantile_normal_10': lambda: QuantileTransformer(n_quantiles=10, output_distribution='normal'),
        'yeo_johnson': lambda: PowerTransformer(method='yeo-johnson', standardize=True),
        'yeo_johnson_raw': lambda: PowerTransformer(method='yeo-johnson', standardize=False),
    }
    for name, make in makers.items():
        model = make().fit(column(train))
        case = {'trainOut': flat(model.transform(column(train))), 'testOut': flat(model.transform(column(test)))}
        if name.startswith('yeo'):
            case['lambda'] = float(model.lambdas_[0])
        out['cases'][name] = case
    # a second, symmetric sample for Yeo-Johnson with negative values
    mixed = np.round(np.random.RandomState(3).standard_t(df=3, size=40) * 2 - 0.5, 3)
    model = PowerTransformer(method='yeo-johnson', standardize=True).fit(column(mixed))
    out['mixed'] = {'train': mixed, 'lambda': float(model.lambdas_[0]), 'trainOut': flat(model.transform(column(mixed)))}
    write('src/core/transform/fixtures/scalers.json', out)


def imputer_fixtures():
    from sklearn.impute import SimpleImputer
    train = [1.5, np.nan, 3.0, 3.0, 7.25, np.nan, 2.0, 2.0, 10.0, 4.5]
    test = [np.nan, 0.0, np.nan, 99.0]
    cases = {}
    for strategy in ['mean', 'median', 'most_frequent', 'constant']:
        model = SimpleImputer(strategy=strategy, fill_value=-1.0 if strategy == 'constant' else None, add_indicator=True)
        model.fit(column(train))
        result = model.transform(column(test))
        cases[strategy] = {'statistic': float(model.statistics_[0]), 'testOut': flat(result[:, 0]), 'indicator': flat(result[:, 1])}
    words_train = np.array([['b'], ['a'], [None], ['b'], ['a'], ['c']], dtype=object)
    words_model = SimpleImputer(strategy='most_frequent', missing_values=None).fit(words_train)
    write('src/core/transform/fixtures/imputers.json', {'train': train, 'test': test, 'cases': cases,
          'wordsTrain': ['b', 'a', None, 'b', 'a', 'c'], 'wordsMostFrequent': words_model.statistics_[0]})


def encoder_fixtures():
    from sklearn.preprocessing import KBinsDiscretizer, OneHotEncoder, OrdinalEncoder
    train = ['red'] * 9 + ['blue'] * 6 + ['green'] * 4 + ['teal'] * 2 + ['pink'] * 2 + ['gold']
    test = ['red', 'gold', 'pink', 'violet', 'blue', 'teal', 'green']
    X = np.array(train, dtype=object).reshape(-1, 1)
    T = np.array(test, dtype=object).reshape(-1, 1)
    onehot = []
    for params in [{'handle_unknown': 'ignore'},
                   {'min_frequency': 3, 'handle_unknown': 'infrequent_if_exist'},
                   {'min_frequency': 0.1, 'handle_unknown': 'infrequent_if_exist'},
                   {'max_categories': 3, 'handle_unknown': 'infrequent_if_exist'},
                   {'max_categories': 4, 'min_frequency': 3, 'handle_unknown': 'ignore'},
                   # drop (1.2 semantics): the first output column *after* infrequent grouping goes.
                   {'drop': 'first', 'handle_unknown': 'ignore'},
                   {'drop': 'if_binary', 'handle_unknown': 'ignore'},
                   {'drop': 'first', 'min_frequency': 3, 'handle_unknown': 'infrequent_if_exist'},
                   {'drop': 'first', 'min_frequency': 7, 'handle_unknown': 'infrequent_if_exist'},
                   {'drop': 'first', 'max_categories': 3, 'handle_unknown': 'ignore'},
                   {'drop': 'if_binary', 'max_categories': 2, 'handle_unknown': 'infrequent_if_exist'},
                   {'drop': 'if_binary', 'min_frequency': 7, 'handle_unknown': 'ignore'}]:
        model = OneHotEncoder(sparse_output=False, **params).fit(X)
        names = [n.replace('x0_', '') for n in model.get_feature_names_out().tolist()]
        onehot.append({'params': params, 'names': names, 'testOut': model.transform(T).tolist()})
    ordinal = OrdinalEncoder(handle_unknown='use_encoded_value', unknown_value=np.nan).fit(X)
    numbers, tests = numeric_data()
    bins = {}
    for strategy in ['uniform', 'quantile']:
        for n_bins in [3, 5]:
            model = KBinsDiscretizer(n_bins=n_bins, encode='ordinal', strategy=strategy, subsample=None).fit(column(numbers))
            bins[f'{strategy}_{n_bins}'] = {'edges': model.bin_edges_[0], 'trainOut': flat(model.transform(column(numbers))),
                                            'testOut': flat(model.transform(column(tests)))}
    write('src/core/transform/fixtures/encoders.json', {
        'train': train, 'test': test, 'oneHot': onehot,
        'ordinal': {'categories': ordinal.categories_[0].tolist(), 'testOut': flat(ordinal.transform(T))},
        'binTrain': numbers, 'binTest': tests, 'bins': bins})


def target_encoding(cats, y, fit_rows, categories, smooth):
    """sklearn 1.3 TargetEncoder's _fit_encoding_fast(_auto_smooth), written out (sklearn 1.2 lacks it)."""
    y_fit = y[fit_rows]
    c_fit = cats[fit_rows]
    y_mean = y_fit.mean()
    y_var = y_fit.var()
    enc = []
    for c in categories:
        member = y_fit[c_fit == c]
        if member.size == 0:
            enc.append(y_mean)
        elif smooth == 'auto':
            lam = y_var * member.size / (y_var * member.size + member.var())
            enc.append(lam * member.mean() + (1 - lam) * y_mean)
        else:
            enc.append((member.sum() + smooth * y_mean) / (member.size + smooth))
    return np.array(enc), y_mean


def target_fixtures():
    rng = np.random.RandomState(11)
    cats = np.array(['a', 'b', 'c', 'd'])[rng.randint(0, 4, size=30)]
    cats[0] = 'e'  # a category seen once
    y_cont = np.round(rng.normal(size=30) + (cats == 'a') * 2.0, 3)
    y_bin = (rng.rand(30) < np.where(cats == 'b', 0.8, 0.3)).astype(float)
    test = np.array(['a', 'b', 'c', 'd', 'e', 'zz'])
    categories = sorted(set(cats.tolist()))
    folds = [list(range(i, 30, 3)) for i in range(3)]  # explicit validation folds
    cases = {}
    for yname, y in [('continuous', y_cont), ('binary', y_bin)]:
        for smooth in ['auto', 2.0]:
            enc, mean = target_encoding(cats, y, np.arange(30), categories, smooth)
            index = {c: i for i, c in enumerate(categories)}
            test_out = [enc[index[c]] if c in index else mean for c in test]
            cross = np.zeros(30)
            for val in folds:
                fit_rows = np.array([r for r in range(30) if r not in val])
                fenc, fmean = target_encoding(cats, y, fit_rows, categories, smooth)
                for r in val:
                    cross[r] = fenc[index[cats[r]]]
            cases[f'{yname}_{smooth}'] = {'y': y, 'encodings': enc, 'mean': mean, 'testOut': test_out, 'crossFit': cross}
    write('src/core/transform/fixtures/target-encoding.json', {
        'source': 'sklearn TargetEncoder formulas (1.3 _fit_encoding_fast / _auto_smooth), re-implemented in numpy',
        'categories': cats.tolist(), 'test': test.tolist(), 'folds': folds, 'cases': cases})


if __name__ == '__main__':
    split_fixtures()
    scaler_fixtures()
    imputer_fixtures()
    encoder_fixtures()
    target_fixtures()
