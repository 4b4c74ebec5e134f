// The palette is Okabe–Ito's, its tokens exist in both themes, and no figure builder keeps a colour of its own.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATEGORICAL, DIVERGING_SCALE, LOW_HIGH_SCALE, PLOT_COLOR } from './palette';

const SRC = new URL('../../', import.meta.url);
const CSS = readFileSync(new URL('ui/common/global.css', SRC), 'utf8');

/** `--plot-*` tokens declared in the light block and in the forced dark block of global.css. */
function readDeclared(selector: string): Map<string, string> {
  const start = CSS.indexOf(`${selector} {`);
  const body = CSS.slice(start, CSS.indexOf('}', start));
  return new Map([...body.matchAll(/(--[\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map(([, name, hex]) => [name, hex.toLowerCase()]));
}

/** The figure builders: every file that hands plotly colours (their tests left out). */
function listFigureSources(): string[] {
  const inDir = (dir: string, match: RegExp) => readdirSync(new URL(dir, SRC)).filter((name) => match.test(name) && !name.endsWith('.test.ts')).map((name) => `${dir}${name}`);
  const cells = readdirSync(new URL('ui/cells/', SRC), { withFileTypes: true }).filter((d) => d.isDirectory()).flatMap((d) => inDir(`ui/cells/${d.name}/`, /-figures\.ts$/));
  return [...inDir('state/', /-figures\.ts$/), 'state/monitor-view.ts', 'ui/cells/profile/sample-plot-rows.ts', ...cells];
}

const OKABE_ITO = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#56b4e9', '#e69f00', '#f0e442', '#000000'];

describe('palette', () => {
  const light = readDeclared(':root');
  const dark = readDeclared(":root[data-theme='dark']");
  const tokenOf = (value: string) => /^var\((--[\w-]+)\)$/.exec(value)?.[1] ?? value;

  it('the colorway is Okabe–Ito’s eight colours in the light theme; dark swaps only black for the text colour', () => {
    expect(CATEGORICAL.map((token) => light.get(tokenOf(token)))).toEqual(OKABE_ITO);
    expect(CATEGORICAL.map((token) => dark.get(tokenOf(token)))).toEqual([...OKABE_ITO.slice(0, 7), dark.get('--ink')]);
  });

  it('every colour a meaning names is a token of both themes', () => {
    const tokens = [...Object.values(PLOT_COLOR), ...LOW_HIGH_SCALE.map(([, color]) => color)].map(tokenOf);
    expect(tokens.filter((token) => !light.has(token) || !dark.has(token))).toEqual([]);
  });

  it('the diverging scale runs from Okabe–Ito vermillion to blue through near-white', () => {
    expect(DIVERGING_SCALE.map(([at, color]) => [at, color])).toEqual([[0, '#d55e00'], [0.25, '#e69f00'], [0.5, '#f7f7f7'], [0.75, '#56b4e9'], [1, '#0072b2']]);
  });

  it('figure builders name colours only as declared tokens (no hex literals, no unknown tokens)', () => {
    const files = listFigureSources();
    const problems = files.flatMap((file) => {
      const source = readFileSync(new URL(file, SRC), 'utf8');
      const hex = [...source.matchAll(/['"]#[0-9a-f]{3,8}['"]/gi)].map(([literal]) => `${file}: colour literal ${literal}`);
      const unknown = [...source.matchAll(/var\((--[\w-]+)\)/g)].filter(([, token]) => !light.has(token) || !dark.has(token)).map(([, token]) => `${file}: ${token} is not declared in both themes`);
      return [...hex, ...unknown];
    });
    expect(files.length).toBeGreaterThan(6);
    expect(problems).toEqual([]);
  });
});
