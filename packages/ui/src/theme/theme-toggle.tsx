import { useEffect, useState } from 'preact/hooks';
import { MoonIcon, SunIcon } from '../components/icons';
import { applyThemePreference, readStoredThemePreference, storeThemePreference } from './apply-theme';
import { resolveTheme, type ThemePreference, toggleThemePreference } from './theme-preference';

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** Light/dark toggle; until it is used the app follows the system's preference. */
export function ThemeToggle() {
  const [preference, setPreference] = useState<ThemePreference>(() => readStoredThemePreference(safeStorage()));
  const [systemDark, setSystemDark] = useState(() => window.matchMedia(DARK_QUERY).matches);

  useEffect(() => {
    const query = window.matchMedia(DARK_QUERY);
    const onChange = () => setSystemDark(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);

  useEffect(() => {
    applyThemePreference(document.documentElement, preference);
    storeThemePreference(safeStorage(), preference);
  }, [preference]);

  const theme = resolveTheme(preference, systemDark);
  return (
    <button
      type="button"
      class="icon-button"
      onClick={() => setPreference(toggleThemePreference(preference, systemDark))}
      aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`}
      title={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`}
    >
      {theme === 'dark' ? <SunIcon /> : <MoonIcon />}
    </button>
  );
}

function safeStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
