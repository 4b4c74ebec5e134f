// The training worker: exposes trainingApi, and lends kNN predictions its query helper workers (started on first use).

import { expose } from 'comlink';
import { setQueryThreads } from '../core/models/classic/knn-query-threads';
import { createBrowserQueryThreads } from './knn-query-threads';
import { setHistogramThreads } from '../core/models/trees/gbdt/histogram-threads';
import { createBrowserHistogramThreads } from './histogram-threads';
import { trainingApi } from './training-api';

setQueryThreads(createBrowserQueryThreads());
// Gradient boosting's histogram helpers: only where the page is cross-origin isolated (shared memory).
setHistogramThreads(createBrowserHistogramThreads());
expose(trainingApi);
