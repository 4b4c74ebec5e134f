// Suite name → loader of its module (exports `run(site) → result`, `describe(result) → text`, optionally
// `ratios(result) → Ratio[]` and `usesSite = false`). Shared by bench/run.mjs and bench/lib/summary.mjs.
export const SUITES = {
  import: () => import('../import/suite.mjs'),
  profile: () => import('../profile/suite.mjs'),
  neural: () => import('../neural/suite.mjs'),
  training: () => import('../training/suite.mjs'),
  knn: () => import('../knn/suite.mjs'),
  trees: () => import('../trees/suite.mjs'),
  reopen: () => import('../reopen/suite.mjs'),
  export: () => import('../export/suite.mjs'),
  tune: () => import('../tune/suite.mjs'),
  automl: () => import('../automl/suite.mjs'),
  serve: () => import('../serve-load.mjs'),
  startup: () => import('../startup.mjs'),
  large: () => import('../large/suite.mjs'),
};
