import { create } from 'zustand';

export type ThemeChoice = 'light' | 'dark' | 'system';

export const THEME_STORAGE_KEY = 'nal-theme';

interface ThemeState {
  choice: ThemeChoice;
  choose: (choice: ThemeChoice) => void;
  /** Reads the stored choice once the page runs in a browser. */
  hydrate: () => void;
}

function systemPrefersDark(): boolean {
  return typeof window !== 'undefined' && window.matchMedia?.('(prefers-color-scheme: dark)').matches === true;
}

export function applyTheme(choice: ThemeChoice): void {
  const dark = choice === 'dark' || (choice === 'system' && systemPrefersDark());
  document.documentElement.classList.toggle('dark', dark);
}

function storedChoice(): ThemeChoice {
  try {
    const value = window.localStorage.getItem(THEME_STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system';
  }
}

export const useTheme = create<ThemeState>((set) => ({
  choice: 'system',
  choose: (choice) => {
    try {
      if (choice === 'system') window.localStorage.removeItem(THEME_STORAGE_KEY);
      else window.localStorage.setItem(THEME_STORAGE_KEY, choice);
    } catch {
      // Private windows may refuse storage; the choice then lasts for this page only.
    }
    applyTheme(choice);
    set({ choice });
  },
  hydrate: () => set({ choice: storedChoice() }),
}));

/**
 * Runs before the first paint (inlined in <head>), so a dark page never flashes light. Kept tiny and
 * dependency-free: it is a string, not a module.
 */
export const THEME_BOOT_SCRIPT = `(function(){try{var c=localStorage.getItem('${THEME_STORAGE_KEY}');var d=c==='dark'||(c!=='light'&&window.matchMedia('(prefers-color-scheme: dark)').matches);document.documentElement.classList.toggle('dark',d);}catch(e){}})();`;
