// Self-test of the plotly rewrite (`node --test scripts/`): on a small bundle of the same shape the rewritten
// factory hands back the module initialisers, and running them then the entry gives what the original gave;
// the installed plotly bundle has that shape.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { rewritePlotlyBundle } from './plotly-in-slices.mjs';

// plotly.min.js in miniature: the UMD wrapper, esbuild's two helpers, three modules and the entry call.
const BUNDLE = `(function(root, factory) {
  if (typeof module === "object" && module.exports) { module.exports = factory(); } else { root.moduleName = factory(); }
} (typeof self !== "undefined" ? self : this, () => {
"use strict";var Plotly=(()=>{var gu=(e,t,r)=>()=>{if(r)throw r[0];try{return e&&(t=e(e=0)),t}catch(n){throw r=[n],n}};var ye=(e,t)=>()=>{try{return t||e((t={exports:{}}).exports,t),t.exports}catch(r){throw t=0,r}},x=1;var log=[],B;var A=ye((e,t)=>{log.push("A");t.exports={a:1}});var initB=gu(()=>{log.push("B");B={b:2}});var C=ye((e,t)=>{var a=A();initB();log.push("C");t.exports={sum:a.a+B.b+x,log}});return C();})();
window.Plotly = Plotly;
return Plotly;
}));`;

function evaluate(source) {
  const module = { exports: {} };
  const window = {};
  new Function('module', 'window', 'self', source)(module, window, undefined);
  return { exported: module.exports, window };
}

test('the rewritten bundle hands back its initialisers; run in order, then the entry, they give the original export', () => {
  const original = evaluate(BUNDLE);
  const rewritten = evaluate(rewritePlotlyBundle(BUNDLE));
  const { inSlices, entry } = rewritten.exported;
  assert.equal(inSlices.length, 3);
  for (const init of inSlices) init();
  assert.deepEqual({ exported: entry(), window: rewritten.window }, { exported: original.exported, window: {} });
  assert.deepEqual(original.exported, { sum: 4, log: ['A', 'B', 'C'] });
  assert.deepEqual(original.window.Plotly, original.exported);
});

test('a bundle of another shape is refused, naming what is missing', () => {
  assert.throws(() => rewritePlotlyBundle('var Plotly=(()=>1)();'), {
    message: 'plotly-in-slices: the plotly bundle lacks the __commonJS helper, the __esm helper, the entry call, "window.Plotly = Plotly;"; update scripts/plotly-in-slices.mjs for this plotly version.',
  });
});

test('the installed plotly.js-strict-dist-min has the shape the rewrite expects', () => {
  const path = createRequire(import.meta.url).resolve('plotly.js-strict-dist-min/plotly-strict.min.js');
  const rewritten = rewritePlotlyBundle(readFileSync(path, 'utf8'));
  assert.match(rewritten, /return\{inSlices:__plotlyInits,entry:[\w$]+\}\}\)\(\);/);
});
