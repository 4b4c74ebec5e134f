import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createManifest, createPwaOptions, MANIFEST_ICONS, MAX_PRECACHE_FILE_BYTES, PRECACHE_GLOB_PATTERNS, readCssToken } from './service-worker-config';

const read = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8');

describe('readCssToken', () => {
  it('reads a custom property declaration, not a var() use of it', () => {
    const css = ':root {\n  background: var(--page);\n  --page: #f6f7fb;\n  --card:#fff }';
    expect([readCssToken(css, '--page'), readCssToken(css, '--card')]).toEqual(['#f6f7fb', '#fff']);
  });

  it('names the missing token and where it is looked for', () => {
    expect(() => readCssToken(':root { --pagex: red; color: var(--page); }', '--page')).toThrow('No --page in src/ui/common/global.css');
  });
});

describe('createPwaOptions', () => {
  const options = createPwaOptions({ description: 'A studio.', globalCss: read('../ui/common/global.css') });

  it('builds the manifest from package.json wording and global.css colours', () => {
    expect(options.manifest).toEqual(createManifest({ description: 'A studio.', themeColour: '#ffffff', backgroundColour: '#f6f7fb' }));
    expect(options.manifest).toMatchObject({ name: 'ML Studio', start_url: '.', scope: '.', display: 'standalone' });
  });

  it('prompts before an update takes over and leaves registration to the page', () => {
    expect([options.registerType, options.injectRegister, options.workbox?.navigateFallback]).toEqual(['prompt', false, 'index.html']);
  });

  it('precaches workers, WASM, samples and icons but never source maps', () => {
    const pattern = PRECACHE_GLOB_PATTERNS[0];
    for (const extension of ['js', 'css', 'html', 'wasm', 'svg', 'png', 'json', 'csv']) expect(pattern).toContain(extension);
    expect(pattern).not.toContain('map');
    expect(options.workbox?.globIgnores).toEqual(['**/*.map']);
  });

  it('lets plotly, the largest file, into the precache with room to grow (Workbox skips larger files silently)', () => {
    const plotlyBytes = statSync(new URL('../../node_modules/plotly.js-strict-dist-min/plotly-strict.min.js', import.meta.url)).size;
    expect(options.workbox?.maximumFileSizeToCacheInBytes).toBe(MAX_PRECACHE_FILE_BYTES);
    expect(MAX_PRECACHE_FILE_BYTES).toBeGreaterThan(1.5 * plotlyBytes);
  });

  it('lists icons that exist in public/ at the sizes they claim, 192 and 512 and a maskable one', () => {
    const sizes = MANIFEST_ICONS!.filter((icon) => icon.type === 'image/png').map((icon) => {
      const png = readFileSync(new URL(`../../public/${icon.src}`, import.meta.url));
      // PNG: 8-byte signature, then the IHDR chunk whose data starts with width and height (big-endian).
      return `${icon.purpose ?? 'any'} ${png.readUInt32BE(16)}x${png.readUInt32BE(20)} claims ${icon.sizes}`;
    });
    expect(sizes).toEqual(['any 192x192 claims 192x192', 'any 512x512 claims 512x512', 'maskable 512x512 claims 512x512']);
  });
});

describe('index.html', () => {
  const html = read('../../index.html');

  it('paints the browser bar with the header colour of each theme and links the Apple icon that exists', () => {
    const css = read('../ui/common/global.css');
    const darkBlock = css.slice(css.indexOf(":root[data-theme='dark'] {"));
    const themeColours = [...html.matchAll(/<meta name="theme-color" content="([^"]+)" media="\(prefers-color-scheme: (\w+)\)"/g)].map((m) => `${m[2]} ${m[1]}`);
    expect(themeColours).toEqual([`light ${readCssToken(css, '--card')}`, `dark ${readCssToken(darkBlock, '--card')}`]);
    const appleIcon = /<link rel="apple-touch-icon" href="\/([^"]+)"/.exec(html)?.[1];
    expect(statSync(new URL(`../../public/${appleIcon}`, import.meta.url)).isFile()).toBe(true);
  });

  it('has a Content-Security-Policy that allows connections to this origin only', () => {
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    const directives = new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources]));
    expect([directives.get('connect-src'), directives.get('default-src'), directives.get('object-src')]).toEqual([["'self'"], ["'self'"], ["'none'"]]);
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
  });
});
