import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseThemePreference, resolveTheme, toggleThemePreference } from '../../src/theme/theme-preference';

describe('theme preference', () => {
  test('system follows prefers-color-scheme; explicit choices win', () => {
    assert.equal(resolveTheme('system', true), 'dark');
    assert.equal(resolveTheme('system', false), 'light');
    assert.equal(resolveTheme('light', true), 'light');
  });

  test('the toggle flips what is on screen, and returns to system when it matches', () => {
    assert.equal(toggleThemePreference('system', true), 'light');
    assert.equal(toggleThemePreference('light', true), 'system');
    assert.equal(toggleThemePreference('system', false), 'dark');
    assert.equal(toggleThemePreference('dark', false), 'system');
  });

  test('anything stored but light/dark means system', () => {
    assert.equal(parseThemePreference('dark'), 'dark');
    assert.equal(parseThemePreference('purple'), 'system');
    assert.equal(parseThemePreference(null), 'system');
  });
});
