// A kNN query worker: exposes knnQueryApi and nothing else.

import { expose } from 'comlink';
import { knnQueryApi } from './knn-query-api';

expose(knnQueryApi);
