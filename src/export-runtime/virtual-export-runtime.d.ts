// The page's copy of the bundle's scripts (src/export-runtime/vite-plugin.ts builds them).
declare module 'virtual:export-runtime' {
  const runtime: Record<'predict.mjs' | 'serve.mjs' | 'score.mjs', string>;
  export default runtime;
}
