import { parseThemePreference, THEME_STORAGE_KEY, type ThemePreference } from './theme-preference';

/** The stored preference; storage may be unavailable (private mode, blocked cookies). */
export function readStoredThemePreference(storage: Storage | undefined): ThemePreference {
  try {
    return parseThemePreference(storage?.getItem(THEME_STORAGE_KEY));
  } catch {
    return 'system';
  }
}

export function storeThemePreference(storage: Storage | undefined, preference: ThemePreference): void {
  try {
    if (preference === 'system') storage?.removeItem(THEME_STORAGE_KEY);
    else storage?.setItem(THEME_STORAGE_KEY, preference);
  } catch {
    // the choice then lasts for this page only
  }
}

/** `data-theme` on <html> overrides prefers-color-scheme in the CSS; absent, the system decides. */
export function applyThemePreference(root: HTMLElement, preference: ThemePreference): void {
  if (preference === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', preference);
}
