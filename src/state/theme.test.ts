import { describe, expect, it } from 'vitest';
import { parseThemeChoice, THEME_STORAGE_KEY, ThemeState, type ThemeHost } from './theme.svelte';

/** A page stand-in: a Map as storage, a plain dataset, and a system preference the test can flip. */
function createHost(stored: string | null, systemDark = false, storageFails = false) {
  const values = new Map<string, string>(stored === null ? [] : [[THEME_STORAGE_KEY, stored]]);
  const listeners: ((event: { matches: boolean }) => void)[] = [];
  const host: ThemeHost = {
    storage: {
      getItem: (key) => {
        if (storageFails) throw new Error('SecurityError');
        return values.get(key) ?? null;
      },
      setItem: (key, value) => {
        if (storageFails) throw new Error('QuotaExceededError');
        values.set(key, value);
      },
    },
    root: { dataset: {} },
    prefersDark: { matches: systemDark, addEventListener: (_type, listener) => listeners.push(listener) },
  };
  const flipSystem = (matches: boolean) => listeners.forEach((listener) => listener({ matches }));
  return { host, values, flipSystem };
}

describe('parseThemeChoice', () => {
  it('keeps the three choices and reads anything else as system', () => {
    expect(['light', 'dark', 'system', null, 'Dark', 'sepia'].map(parseThemeChoice)).toEqual(['light', 'dark', 'system', 'system', 'system', 'system']);
  });
});

describe('ThemeState', () => {
  it('applies the stored choice at once: data-theme on <html>, resolved to it', () => {
    const { host } = createHost('dark');
    const theme = new ThemeState(host);
    expect({ choice: theme.choice, resolved: theme.resolved, attribute: host.root.dataset.theme }).toEqual({ choice: 'dark', resolved: 'dark', attribute: 'dark' });
  });

  it('on "system" sets no attribute and follows the system preference as it changes', () => {
    const { host, flipSystem } = createHost(null, true);
    const theme = new ThemeState(host);
    const seen = [theme.resolved];
    flipSystem(false);
    seen.push(theme.resolved);
    expect({ choice: theme.choice, seen, attribute: host.root.dataset.theme }).toEqual({ choice: 'system', seen: ['dark', 'light'], attribute: undefined });
  });

  it('choose stores the choice, sets the attribute, and "system" removes it again', () => {
    const { host, values } = createHost(null, false);
    const theme = new ThemeState(host);
    theme.choose('dark');
    const dark = { attribute: host.root.dataset.theme, stored: values.get(THEME_STORAGE_KEY), resolved: theme.resolved };
    theme.choose('system');
    const system = { attribute: host.root.dataset.theme, stored: values.get(THEME_STORAGE_KEY), resolved: theme.resolved };
    expect({ dark, system }).toEqual({ dark: { attribute: 'dark', stored: 'dark', resolved: 'dark' }, system: { attribute: undefined, stored: 'system', resolved: 'light' } });
  });

  it('a forced choice ignores the system preference', () => {
    const { host, flipSystem } = createHost('light', true);
    const theme = new ThemeState(host);
    flipSystem(true);
    expect(theme.resolved).toBe('light');
  });

  it('blocked storage: starts on system and still switches the page', () => {
    const { host } = createHost('dark', false, true);
    const theme = new ThemeState(host);
    const before = theme.choice;
    theme.choose('dark');
    expect({ before, after: theme.choice, attribute: host.root.dataset.theme }).toEqual({ before: 'system', after: 'dark', attribute: 'dark' });
  });
});
