// The colour tokens of global.css meet WCAG 2.1 AA contrast where the studio pairs them: 4.5:1 for text, 3:1 for
// the edge of a form field (1.4.11). axe checks the rendered page in the accessibility journey; this keeps a token
// edit from quietly dropping below the line.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The `--name: #rrggbb;` custom properties declared in global.css. */
function readTokens(): Record<string, string> {
  const css = readFileSync(new URL('./global.css', import.meta.url), 'utf8');
  return Object.fromEntries([...css.matchAll(/(--[\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map(([, name, hex]) => [name, hex.toLowerCase()]));
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
function listFailures(tokens: Record<string, string>, pairs: [string, string][], minimum: number): string[] {
  const resolve = (name: string) => tokens[name] ?? name;
  return pairs
    .map(([fg, bg]) => ({ fg, bg, ratio: contrastRatio(resolve(fg), resolve(bg)) }))
    .filter(({ ratio }) => !(ratio >= minimum)) // NaN: a token that is not declared
    .map(({ fg, bg, ratio }) => `${fg} on ${bg} ${ratio.toFixed(2)}`);
}

describe('contrastRatio', () => {
  it('matches the WCAG definition on known pairs', () => {
    // 21:1 by definition; #777777 on white is WebAIM's textbook 4.48:1.
    expect([contrastRatio('#000000', '#ffffff'), contrastRatio('#777777', '#ffffff'), contrastRatio('#ffffff', '#ffffff')].map((r) => Number(r.toFixed(2)))).toEqual([21, 4.48, 1]);
  });
});

describe('global.css colour tokens', () => {
  const tokens = readTokens();

  it('declares every token the studio pairs', () => {
    const names = ['--page', '--card', '--ink', '--muted', '--accent', '--accent-soft', '--danger', '--danger-soft', '--ok', '--warn', '--line', '--field-line'];
    expect(names.filter((name) => !(name in tokens))).toEqual([]);
  });

  it('text reads at 4.5:1 on the page, cards, its own tint and the grey tints of tables and badges', () => {
    const text = ['--ink', '--muted', '--accent', '--danger', '--ok', '--warn'];
    const pairs: [string, string][] = [
      ...text.flatMap((fg): [string, string][] => [[fg, '--card'], [fg, '--page']]),
      // the cell-kind badge, alerts, primary buttons
      ['--accent', '--accent-soft'], ['--danger', '--danger-soft'], ['#ffffff', '--accent'],
      // muted notes inside table headers, schema type badges and grid headers
      ['--muted', '#eceef3'], ['--muted', '#f1f3f8'], ['--muted', '#e2e6ef'],
    ];
    expect(listFailures(tokens, pairs, 4.5)).toEqual([]);
  });

  it('the edge of a text field or select is 3:1 on the page and on cards', () => {
    expect(listFailures(tokens, [['--field-line', '--card'], ['--field-line', '--page']], 3)).toEqual([]);
  });
});
