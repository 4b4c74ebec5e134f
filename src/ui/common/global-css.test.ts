// The colour tokens of global.css meet WCAG 2.1 AA contrast where the studio pairs them, in the light and the dark
// theme: 4.5:1 for text, 3:1 for the edge of a form field and for plot lines (1.4.11). axe checks the rendered pages
// in the accessibility journey; this keeps a token edit from quietly dropping below the line.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Tokens = Record<string, string>;

const CSS = readFileSync(new URL('./global.css', import.meta.url), 'utf8');

/** The `--name: #rrggbb;` custom properties declared in a block of CSS. */
function readTokens(block: string): Tokens {
  return Object.fromEntries([...block.matchAll(/(--[\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map(([, name, hex]) => [name, hex.toLowerCase()]));
}

/** The body of the first rule whose selector is exactly `selector` (no nested braces inside a rule body). */
function readRuleBody(css: string, selector: string): string {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`global.css has no rule "${selector} {": the theme blocks were renamed or removed`);
  const open = css.indexOf('{', start);
  return css.slice(open + 1, css.indexOf('}', open));
}

/** The light tokens (:root), the forced dark ones and the dark ones the system's preference applies. */
function readThemes(): { light: Tokens; dark: Tokens; systemDark: Tokens } {
  const media = CSS.slice(CSS.indexOf('@media (prefers-color-scheme: dark)'));
  return {
    light: readTokens(readRuleBody(CSS, ':root')),
    dark: readTokens(readRuleBody(CSS, ":root[data-theme='dark']")),
    systemDark: readTokens(readRuleBody(media, ":root:not([data-theme='light'])")),
  };
}

/** WCAG 2.x relative luminance of an sRGB hex colour (0 black … 1 white). */
function relativeLuminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two hex colours, 1 … 21. */
function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** "fg on bg 3.21" for every pair below `minimum` (or naming a missing token); colours are token names or hex. */
function listFailures(tokens: Tokens, pairs: [string, string][], minimum: number): string[] {
  const resolve = (name: string) => tokens[name] ?? name;
  return pairs
    .map(([fg, bg]) => ({ fg, bg, ratio: contrastRatio(resolve(fg), resolve(bg)) }))
    .filter(({ ratio }) => !(ratio >= minimum)) // NaN: a token that is not declared
    .map(({ fg, bg, ratio }) => `${fg} on ${bg} ${ratio.toFixed(2)}`);
}

const across = (fgs: string[], bgs: string[]): [string, string][] => fgs.flatMap((fg) => bgs.map((bg): [string, string] => [fg, bg]));

/** Text pairs: every text colour on the page and cards, each tint with the text drawn on it. */
const TEXT_PAIRS: [string, string][] = [
  ...across(['--ink', '--muted', '--accent', '--danger', '--ok', '--warn', '--side-a-ink', '--side-b-ink'], ['--card', '--page']),
  // badges, alerts, notes and verdicts on their own tint; primary buttons and the production badge
  ['--accent', '--accent-soft'], ['--danger', '--danger-soft'], ['--ok', '--ok-soft'], ['--warn', '--warn-soft'],
  ['--on-accent', '--accent'], ['--on-accent', '--accent-hover'], ['--on-ok', '--ok'], ['--accent', '--hover-bg'],
  // text and muted notes inside table headers, stripes, highlighted rows, code boxes, fields and hovered rows
  ...across(['--ink', '--muted'], ['--tint', '--tint-header', '--tint-strong', '--stripe', '--hover-bg', '--highlight', '--selected', '--code-bg', '--field-bg']),
  // the data grid's column-kind badges and the preview's changed cells
  ...across(['--kind-ink'], ['--kind-numeric', '--kind-categorical', '--kind-datetime', '--kind-boolean']),
  ...across(['--ink'], ['--mark-imputed', '--mark-capped', '--mark-nulled']),
];

/** Non-text pairs at 3:1: field edges, and the plot colours that carry meaning as lines and markers. */
const EDGE_PAIRS: [string, string][] = [
  ...across(['--field-line'], ['--card', '--page', '--field-bg']),
  ...across(['--plot-blue', '--plot-vermillion', '--plot-green', '--plot-grey', '--plot-ink'], ['--card', '--page']),
];

describe('contrastRatio', () => {
  it('matches the WCAG definition on known pairs', () => {
    // 21:1 by definition; #777777 on white is WebAIM's textbook 4.48:1.
    expect([contrastRatio('#000000', '#ffffff'), contrastRatio('#777777', '#ffffff'), contrastRatio('#ffffff', '#ffffff')].map((r) => Number(r.toFixed(2)))).toEqual([21, 4.48, 1]);
  });
});

describe('global.css colour tokens', () => {
  const { light, dark, systemDark } = readThemes();

  it('the light theme keeps its original values for the tokens it started with', () => {
    expect([light['--page'], light['--card'], light['--ink'], light['--muted'], light['--accent'], light['--field-line']]).toEqual(['#f6f7fb', '#ffffff', '#1d2330', '#5b6475', '#3656d6', '#878fa1']);
  });

  it('the dark theme declares every colour token the light one does, and the system-dark block is the same set', () => {
    expect(Object.keys(light).filter((name) => !(name in dark))).toEqual([]);
    expect(systemDark).toEqual(dark);
  });

  for (const [theme, tokens] of [['light', light], ['dark', dark]] as const) {
    it(`${theme}: text reads at 4.5:1 on the page, cards and every tint it is drawn on`, () => {
      expect(listFailures(tokens, TEXT_PAIRS, 4.5)).toEqual([]);
    });

    it(`${theme}: field edges and meaningful plot colours are 3:1 on the page and on cards`, () => {
      expect(listFailures(tokens, EDGE_PAIRS, 3)).toEqual([]);
    });
  }

  it('a darker text colour on a light tint would be caught (the check can fail)', () => {
    expect(listFailures(light, [['--muted', '--tint-strong'], ['#9ca3af', '--card']], 4.5)).toEqual(['#9ca3af on --card 2.54']);
  });
});
