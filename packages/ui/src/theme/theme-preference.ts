export type Theme = 'light' | 'dark';
/** `system` follows prefers-color-scheme; the toggle sets an explicit theme. */
export type ThemePreference = 'system' | Theme;

export const THEME_STORAGE_KEY = 'sightline.theme';

export function resolveTheme(preference: ThemePreference, systemPrefersDark: boolean): Theme {
  if (preference === 'system') return systemPrefersDark ? 'dark' : 'light';
  return preference;
}

/** The toggle flips what is on screen; choosing what the system would pick goes back to following it. */
export function toggleThemePreference(preference: ThemePreference, systemPrefersDark: boolean): ThemePreference {
  const next: Theme = resolveTheme(preference, systemPrefersDark) === 'dark' ? 'light' : 'dark';
  return next === resolveTheme('system', systemPrefersDark) ? 'system' : next;
}

export function parseThemePreference(value: string | null | undefined): ThemePreference {
  return value === 'light' || value === 'dark' ? value : 'system';
}
