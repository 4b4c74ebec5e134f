// The browser's kNN query helpers: how many a training worker starts, and none where it cannot start workers
// (Node has no Worker; the real wiring runs in the training worker, Node's in src/cli/node-query-threads.test.ts).

import { describe, expect, it } from 'vitest';
import { countQueryHelpers, createBrowserQueryThreads } from './knn-query-threads';

describe('browser kNN query threads', () => {
  it('start one helper per core beside the training worker, at most 3, and none without Worker', () => {
    expect({ counts: [undefined, 1, 2, 4, 16].map(countQueryHelpers), withoutWorker: createBrowserQueryThreads(8) })
      .toEqual({ counts: [0, 0, 1, 3, 3], withoutWorker: null });
  });
});
