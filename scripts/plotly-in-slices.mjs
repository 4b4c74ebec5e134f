// Vite plugin: plotly.js's prebuilt bundle initialises its ~1,250 modules in one call when it is first
// imported, a 0.6–1 s main-thread task (most of it compiling functions as they first run). This rewrites the
// bundle so its factory hands back its module initialisers and its entry instead (ui/plots/load-plotly.ts
// runs them in slices that yield to input), and marks the built chunk for eager compilation (V8's explicit
// compile hint), which does the compiling on the background thread that streams the file in.

/** esbuild's `__commonJS` helper as plotly's minified bundle writes it: `var ye=(e,t)=>()=>{try{…}catch(r){throw t=0,r}}`. */
const COMMON_JS = /var ([\w$]+)=\(([\w$]+),([\w$]+)\)=>\(\)=>\{try\{return \3\|\|\2\(\(\3=\{exports:\{\}\}\)\.exports,\3\),\3\.exports\}catch\(([\w$]+)\)\{throw \3=0,\4\}\}/;
/** esbuild's `__esm` helper (lazy ES-module initialiser): `var gu=(e,t,r)=>()=>{if(r)throw r[0];try{…}catch(n){throw r=[n],n}}`. */
const LAZY_ESM = /var ([\w$]+)=\(([\w$]+),([\w$]+),([\w$]+)\)=>\(\)=>\{if\(\4\)throw \4\[0\];try\{return \2&&\(\3=\2\(\2=0\)\),\3\}catch\(([\w$]+)\)\{throw \4=\[\5\],\5\}\}/;
/** The bundle's last statement, the entry call: `return Brr();})();`. */
const ENTRY_CALL = /return ([\w$]+)\(\);?\}\)\(\);/g;
const GLOBAL_ASSIGNMENT = 'window.Plotly = Plotly;';

/** The comment that asks V8 to compile every function of the file eagerly (off the main thread while streaming). */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/**
 * plotly.min.js rewritten: every module initialiser the two helpers create is recorded in creation order, and
 * the factory returns `{ inSlices, entry }` instead of calling the entry; `window.Plotly` is left to the loader.
 * Throws when the bundle does not have the expected shape (a new plotly version), naming what is missing.
 */
export function rewritePlotlyBundle(source) {
  const missing = [[COMMON_JS, 'the __commonJS helper'], [LAZY_ESM, 'the __esm helper']].filter(([pattern]) => !pattern.test(source)).map(([, name]) => name);
  const entries = [...source.matchAll(ENTRY_CALL)];
  if (entries.length === 0) missing.push('the entry call');
  if (!source.includes(GLOBAL_ASSIGNMENT)) missing.push(`"${GLOBAL_ASSIGNMENT}"`);
  if (missing.length > 0) throw new Error(`plotly-in-slices: the plotly bundle lacks ${missing.join(', ')}; update scripts/plotly-in-slices.mjs for this plotly version.`);
  const record = (match, name, params) => `var ${name}__made=${match.slice(match.indexOf('=') + 1)},${name}=(${params})=>{var init=${name}__made(${params});__plotlyInits.push(init);return init}`;
  let out = source.replace(COMMON_JS, (match, name) => record(match, name, 'a,b')).replace(LAZY_ESM, (match, name) => record(match, name, 'a,b,c'));
  const entry = [...out.matchAll(ENTRY_CALL)].at(-1);
  out = `${out.slice(0, entry.index)}return{inSlices:__plotlyInits,entry:${entry[1]}}})();${out.slice(entry.index + entry[0].length)}`;
  return `var __plotlyInits=[];\n${out.replace(GLOBAL_ASSIGNMENT, '')}`;
}

/** The plugin: rewrites plotly.min.js when bundled and puts the compile hint on top of the chunk holding it. */
export function plotlyInSlices() {
  return {
    name: 'plotly-in-slices',
    transform(code, id) {
      if (!id.replace(/\\/g, '/').endsWith('plotly.js-strict-dist-min/plotly-strict.min.js')) return null;
      try {
        return { code: rewritePlotlyBundle(code), map: null };
      } catch (error) {
        // Unchanged, the bundle still works: the loader then takes it whole, as one long task.
        this.warn(error.message);
        return null;
      }
    },
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.moduleIds.some((id) => id.includes('plotly.js-strict-dist-min'))) continue;
        chunk.code = `${COMPILE_HINT}\n${chunk.code}`;
        // One more line on top: the chunk's source map starts with an empty line.
        const map = bundle[`${chunk.fileName}.map`];
        if (map?.type === 'asset' && typeof map.source === 'string') {
          const parsed = JSON.parse(map.source);
          map.source = JSON.stringify({ ...parsed, mappings: `;${parsed.mappings}` });
        } else if (chunk.map) chunk.map.mappings = `;${chunk.map.mappings}`;
      }
    },
  };
}
