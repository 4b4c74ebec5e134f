// Explaining fitted models: permutation importance, exact TreeSHAP, Kernel SHAP, partial dependence and the
// summaries the Explain cell draws. Pure functions over FeatureMatrix and model JSON.

export * from './compute-permutation-importance';
export * from './compute-tree-shap';
export { readShapEnsemble, type ShapEnsemble, type ShapOutputSpace, type ShapTree } from './shap-tree';
export * from './summarise-shap';
export * from './estimate-kernel-shap';
export * from './summarise-background';
export * from './compute-partial-dependence';
export { buildFeatureGrid } from './build-feature-grid';
