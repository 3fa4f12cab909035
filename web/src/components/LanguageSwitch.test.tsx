import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import i18n, { LANGUAGE_STORAGE_KEY, setLanguage, storedLanguage } from '../i18n';
import { renderWithProviders } from '../test/render';
import { LanguageSwitch } from './LanguageSwitch';

afterEach(async () => {
  await setLanguage('ja');
});

describe('LanguageSwitch', () => {
  it('starts in Japanese', () => {
    expect(i18n.language).toBe('ja');
    expect(document.documentElement.lang).toBe('ja');
    expect(storedLanguage()).toBe('ja');
  });

  it('switches to English, remembers it and updates <html lang>', async () => {
    renderWithProviders(<LanguageSwitch />);
    expect(screen.getByRole('radiogroup', { name: '表示言語' })).toBeInTheDocument();

    await userEvent.click(screen.getByText('English'));

    expect(i18n.language).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(storedLanguage()).toBe('en');
    expect(document.title).toBe('Enshu — cross-sector exercise');
    expect(await screen.findByRole('radiogroup', { name: 'Language' })).toBeInTheDocument();
  });

  it('ignores an unknown stored language', () => {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'fr');
    expect(storedLanguage()).toBe('ja');
  });
});
