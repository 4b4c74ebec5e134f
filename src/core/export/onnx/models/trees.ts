// The tree families as TreeEnsemble nodes: decision_tree and random_forest (the mean of CART trees' leaf values —
// class probabilities or regression means — each leaf weighted 1/trees as the studio adds them) and
// gradient_boosting (baseline + the sum of boosted trees' leaves per output, then sigmoid / softmax for classes).

import { ExportError } from '../../../errors';
import type { SerializedModel } from '../../../models/types';
import type { OnnxGraphBuilder } from '../graph-builder';
import { addBinaryProbabilities, addClassifierOutputs, addDoubles, describePrediction, readClasses, type OnnxModelInfo, type OnnxModelOutputs } from './model-outputs';
import { addTreeEnsemble, type EnsembleTree } from './tree-ensemble';

interface CartTreeJson {
  outputs: number;
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  value: number[];
}

interface BoostedTreeJson {
  feature: number[];
  threshold: number[];
  missingLeft: number[];
  left: number[];
  right: number[];
  value: number[];
  /** Categorical nodes: [node, codes sent left…] (code 255 = the missing bin, never a raw code). */
  categories: number[][];
}

/** The boosting trees' missing bin: a raw code never equals it, so it is not part of a membership set. */
const MISSING_BIN = 255;

/** decision_tree / random_forest: x ≤ threshold goes left, NaN goes right (as `NaN ≤ t` is false). */
export function addCartEnsembleModel(builder: OnnxGraphBuilder, model: SerializedModel, features: string, info: OnnxModelInfo): OnnxModelOutputs {
  const trees = (model.state as { trees: CartTreeJson[] }).trees;
  if (trees.length === 0) throw new ExportError(`The ${model.kind} run has no trees to export; retrain it.`);
  const outputs = trees[0].outputs;
  const scale = 1 / trees.length;
  const ensemble: EnsembleTree[] = trees.flatMap((tree) =>
    Array.from({ length: outputs }, (_, target) => ({
      target, feature: tree.feature, threshold: tree.threshold, left: tree.left, right: tree.right,
      leafWeight: (node: number) => scale * tree.value[node * outputs + target],
      missingLeft: () => false,
      leftCodes: () => null,
    })),
  );
  const mean = addTreeEnsemble(builder, features, ensemble, outputs, info.task === 'regression' ? 'prediction' : 'probabilities');
  if (info.task === 'regression') return describePrediction(mean);
  return addClassifierOutputs(builder, mean, readClasses(model.kind, info));
}

/** gradient_boosting: raw = baseline + Σ leaves (learning rate already in them); categorical nodes as membership tests. */
export function addGradientBoostingModel(builder: OnnxGraphBuilder, model: SerializedModel, features: string, info: OnnxModelInfo): OnnxModelOutputs {
  const { baseline, trees } = model.state as { baseline: number[]; trees: BoostedTreeJson[][] };
  const outputs = baseline.length;
  const ensemble: EnsembleTree[] = trees.flatMap((round) => round.map((tree, target) => describeBoostedTree(tree, target)));
  const sums = addTreeEnsemble(builder, features, ensemble, outputs, 'tree_sums');
  const [raw] = builder.node('Add', [sums, addDoubles(builder, 'boosting_baseline', [1, outputs], baseline)], [info.task === 'regression' ? 'prediction' : 'raw_scores']);
  if (info.task === 'regression') return describePrediction(raw);
  const classes = readClasses(model.kind, info);
  if (info.task === 'binary') return addClassifierOutputs(builder, addBinaryProbabilities(builder, builder.node('Sigmoid', [raw], ['positive_proba'])[0]), classes);
  return addClassifierOutputs(builder, builder.node('Softmax', [raw], ['probabilities'], { axis: { i: 1 } })[0], classes);
}

function describeBoostedTree(tree: BoostedTreeJson, target: number): EnsembleTree {
  const codesByNode = new Map(tree.categories.map(([node, ...codes]) => [node, codes.filter((code) => code !== MISSING_BIN)]));
  return {
    target, feature: tree.feature, threshold: tree.threshold, left: tree.left, right: tree.right,
    leafWeight: (node) => tree.value[node],
    missingLeft: (node) => tree.missingLeft[node] === 1,
    leftCodes: (node) => codesByNode.get(node) ?? null,
  };
}
