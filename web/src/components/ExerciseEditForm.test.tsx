import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../api/client';
import type { Exercise } from '../api/types';
import { jsonResponse, renderWithProviders } from '../test/render';
import { ExerciseEditForm, PHASE_DATE_PATTERN } from './ExerciseEditForm';

const exercise: Exercise = {
  id: 1,
  fiscal_year: 2023,
  title_ja: '2023年度 分野横断的演習（デモ）',
  title_en: 'FY2023 cross-sector exercise (demo)',
  description: '',
  time_zone: 'Asia/Tokyo',
  phases: [{ id: 3, kind: 'exercise_day', starts_at: '2023-12-07T13:00', ends_at: '2023-12-07T17:00', note: '演習本番' }],
  my_roles: ['organiser'],
  organisation_count: 60,
};

const fetchMock = vi.fn<typeof fetch>();
beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
  setCsrfToken('csrf-edit');
});
afterEach(() => vi.unstubAllGlobals());

describe('ExerciseEditForm', () => {
  it('accepts only the phase date formats of the API', () => {
    for (const good of ['2023-12-07', '2023-12-07T13:00']) expect(PHASE_DATE_PATTERN.test(good)).toBe(true);
    for (const bad of ['2023/12/07', '2023-12-07 13:00', '07-12-2023', '2023-12-07T13:00:00']) {
      expect(PHASE_DATE_PATTERN.test(bad)).toBe(false);
    }
  });

  it('rejects an end before the start, then PATCHes title, year and phases (without ids)', async () => {
    const saved = vi.fn();
    fetchMock.mockImplementation((_url, init) =>
      Promise.resolve(jsonResponse(200, { ...exercise, ...JSON.parse(String(init?.body)) })),
    );
    renderWithProviders(<ExerciseEditForm exercise={exercise} open onClose={() => undefined} onSaved={saved} />);
    const dialog = await screen.findByRole('dialog', { name: '演習の編集' });
    const phase = within(dialog).getByRole('group', { name: 'フェーズ 1' });

    const ends = within(phase).getByLabelText('終了');
    await userEvent.clear(ends);
    await userEvent.type(ends, '2023-12-06');
    await userEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    expect(await within(dialog).findByText('終了は開始以降にしてください')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();

    await userEvent.clear(ends);
    await userEvent.type(ends, '2023-12-07T18:00');
    const title = within(dialog).getByLabelText('名称（日本語）');
    await userEvent.clear(title);
    await userEvent.type(title, '2024年度 分野横断的演習');
    await userEvent.click(within(dialog).getByRole('button', { name: '保存' }));

    await waitFor(() => expect(saved).toHaveBeenCalledTimes(1));
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(String(url)).toBe('/api/exercises/1');
    expect(init?.method).toBe('PATCH');
    expect((init?.headers as Record<string, string>)['X-CSRF-Token']).toBe('csrf-edit');
    expect(JSON.parse(String(init?.body))).toEqual({
      title_ja: '2024年度 分野横断的演習',
      title_en: 'FY2023 cross-sector exercise (demo)',
      fiscal_year: 2023,
      phases: [{ kind: 'exercise_day', starts_at: '2023-12-07T13:00', ends_at: '2023-12-07T18:00', note: '演習本番' }],
    });
  });
});
