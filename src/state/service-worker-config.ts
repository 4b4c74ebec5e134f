// The installable app's build settings for vite-plugin-pwa (read by vite.config.ts): the web app manifest and what
// the generated service worker precaches. Colours come from global.css's tokens so the window matches the page.

import type { ManifestOptions, VitePWAOptions } from 'vite-plugin-pwa';

/**
 * Everything the app loads, workers, tfjs's WASM files, plotly, the icons and the bundled samples included; never
 * `*.map` (source maps are ~4× the code and only devtools read them). No `webmanifest`: the plugin lists the
 * manifest itself, and a second entry for one URL would only be counted twice.
 */
export const PRECACHE_GLOB_PATTERNS = ['**/*.{js,css,html,wasm,svg,png,json,csv,ico}'];

/**
 * Workbox skips, with only a build warning, any file larger than this, and the app would then fail offline.
 * plotly's chunk is ~4.6 MB and the training worker ~1.9 MB; 8 MiB leaves room for both to grow.
 */
export const MAX_PRECACHE_FILE_BYTES = 8 * 1024 * 1024;

/** The icons in public/ (rendered from favicon.svg by scripts/make-icons.mjs). */
export const MANIFEST_ICONS: ManifestOptions['icons'] = [
  { src: 'pwa-192x192.png', sizes: '192x192', type: 'image/png' },
  { src: 'pwa-512x512.png', sizes: '512x512', type: 'image/png' },
  { src: 'maskable-icon-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
];

/** The value of custom property `name` (e.g. `--page`) as `css` first declares it; throws naming it when absent. */
export function readCssToken(css: string, name: string): string {
  const escaped = name.replace(/[-]/g, '\\-');
  const value = new RegExp(`(?:^|[;{\\s])${escaped}\\s*:\\s*([^;}]+)`).exec(css)?.[1]?.trim();
  if (!value) throw new Error(`No ${name} in src/ui/common/global.css; the web app manifest takes its colours from it. Declare it in :root or change service-worker-config.ts.`);
  return value;
}

/**
 * The web app manifest: `themeColour` paints an installed window's title bar (the header's --card, so bar and
 * header read as one), `backgroundColour` the splash screen before the first paint (the page's --page).
 */
export function createManifest(options: { description: string; themeColour: string; backgroundColour: string }): Partial<ManifestOptions> {
  return {
    name: 'ML Studio',
    short_name: 'ML Studio',
    description: options.description,
    lang: 'en',
    start_url: '.',
    scope: '.',
    display: 'standalone',
    theme_color: options.themeColour,
    background_color: options.backgroundColour,
    icons: MANIFEST_ICONS,
  };
}

/**
 * vite-plugin-pwa's options: a generated Workbox service worker that precaches the build and waits to take over
 * until the page asks (`registerType: 'prompt'`, so an update never reloads a notebook under someone's hands);
 * the page registers it itself (state/service-worker.ts), only in production builds.
 */
export function createPwaOptions(options: { description: string; globalCss: string }): Partial<VitePWAOptions> {
  const manifest = createManifest({
    description: options.description,
    themeColour: readCssToken(options.globalCss, '--card'),
    backgroundColour: readCssToken(options.globalCss, '--page'),
  });
  return {
    registerType: 'prompt',
    injectRegister: false,
    manifest,
    // The glob already lists the icons in public/; the plugin's own icon entries would repeat them.
    includeManifestIcons: false,
    workbox: {
      globPatterns: PRECACHE_GLOB_PATTERNS,
      globIgnores: ['**/*.map'],
      maximumFileSizeToCacheInBytes: MAX_PRECACHE_FILE_BYTES,
      // Routes are hashes (#/notebook/…), so every navigation is to the shell.
      navigateFallback: 'index.html',
      cleanupOutdatedCaches: true,
    },
  };
}
