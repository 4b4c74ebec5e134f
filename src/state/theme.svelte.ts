// The colour theme: System, Light or Dark, kept in localStorage and applied as <html data-theme> (no attribute while
// "System": global.css then follows prefers-color-scheme). `resolved` is the theme the page shows, so plots redraw
// with its colours when the choice or, on "System", the system's preference changes.

export type ThemeChoice = 'system' | 'light' | 'dark';
export type ResolvedTheme = 'light' | 'dark';

/** The choices in the order the header offers them. */
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

/** The localStorage key holding the choice ("system" | "light" | "dark"). */
export const THEME_STORAGE_KEY = 'ml-studio-theme';

/** What the theme touches in a page: storage (null where it is blocked), <html>'s dataset, the system's preference. */
export interface ThemeHost {
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  root: { dataset: DOMStringMap };
  prefersDark: { matches: boolean; addEventListener(type: 'change', listener: (event: { matches: boolean }) => void): void } | null;
}

/** A stored value as a choice; anything else (nothing stored, an old or edited value) is "system". */
export function parseThemeChoice(value: string | null): ThemeChoice {
  return THEME_CHOICES.find((choice) => choice === value) ?? 'system';
}

/** The page's theme: the user's choice, the system's preference, and the theme they resolve to. */
export class ThemeState {
  choice = $state<ThemeChoice>('system');
  systemDark = $state(false);
  readonly resolved: ResolvedTheme = $derived(this.choice === 'system' ? (this.systemDark ? 'dark' : 'light') : this.choice);
  readonly #host: ThemeHost;

  /** Reads the stored choice and applies it at once; follows the system's preference from then on. */
  constructor(host: ThemeHost) {
    this.#host = host;
    this.systemDark = host.prefersDark?.matches ?? false;
    host.prefersDark?.addEventListener('change', (event) => {
      this.systemDark = event.matches;
    });
    this.choice = parseThemeChoice(readStored(host.storage));
    this.#apply();
  }

  /** Switches to `choice`, applies it to the page and stores it (a blocked storage only loses the memory of it). */
  choose(choice: ThemeChoice): void {
    this.choice = choice;
    this.#apply();
    try {
      this.#host.storage?.setItem(THEME_STORAGE_KEY, choice);
    } catch {
      // Storage refused (private mode, quota): the page still shows the choice until it is reloaded.
    }
  }

  #apply(): void {
    if (this.choice === 'system') delete this.#host.root.dataset.theme;
    else this.#host.root.dataset.theme = this.choice;
  }
}

function readStored(storage: ThemeHost['storage']): string | null {
  try {
    return storage?.getItem(THEME_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

let pageTheme: ThemeState | null = null;

/** The page's one theme, created on the first call from localStorage, <html> and matchMedia (main.ts calls it before mounting, so the first paint has the theme). */
export function usePageTheme(): ThemeState {
  pageTheme ??= new ThemeState({
    storage: readLocalStorage(),
    root: document.documentElement,
    prefersDark: typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null,
  });
  return pageTheme;
}

function readLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // reading the property itself throws where storage is blocked
  }
}
