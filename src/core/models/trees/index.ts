// The tree model families, for the lead's model registry.

import type { ModelFamily } from '../types';
import { decisionTreeFamily } from './cart/decision-tree';
import { randomForestFamily } from './forest/random-forest';
import { gradientBoostingFamily } from './gbdt/gradient-boosting';

/** Decision tree, random forest and histogram gradient boosting. */
export const TREE_FAMILIES: ModelFamily[] = [decisionTreeFamily, randomForestFamily, gradientBoostingFamily];
