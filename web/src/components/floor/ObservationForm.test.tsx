import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Observation, ObservedInject } from '../../api/floorTypes';
import { renderWithProviders } from '../../test/render';
import { ObservationForm } from './ObservationForm';

const inject: ObservedInject = {
  inject_id: 'adhoc-1',
  title: { ja: '臨時インジェクト', en: 'Ad hoc' },
  scenario_time: 'D1 10:00',
  released_at_us: 1,
  my_observation: null,
};

const saved = (rating: number, comment: string): Observation => ({
  id: 1,
  organisation_id: 7,
  organisation_name: 'デモ電力',
  inject_id: 'adhoc-1',
  observer_id: 2,
  observer_name: '評価者',
  rating,
  comment,
  created_at: '2023-12-07T04:00:00.000Z',
  updated_at: '2023-12-07T04:05:00.000Z',
});

describe('ObservationForm', () => {
  it('needs a rating, saves rating and comment, and says whether it is saved', async () => {
    const onSave = vi.fn((rating: number, comment: string) => Promise.resolve(saved(rating, comment)));
    renderWithProviders(<ObservationForm inject={inject} onSave={onSave} />);
    const form = screen.getByTestId('observation-form-adhoc-1');
    expect(within(form).getByText('未評価')).toBeInTheDocument();
    await userEvent.click(within(form).getByRole('button', { name: '保存' }));
    expect(await within(form).findByText('評価を選んでください')).toBeInTheDocument();
    expect(onSave).not.toHaveBeenCalled();

    await userEvent.click(within(form).getByText('4 適切'));
    await userEvent.type(within(form).getByLabelText('コメント'), '初動が早い');
    expect(within(form).getByText('未保存の変更があります')).toBeInTheDocument();
    await userEvent.click(within(form).getByRole('button', { name: '保存' }));
    await vi.waitFor(() => expect(onSave).toHaveBeenCalledWith(4, '初動が早い'));
    expect(await within(form).findByText(/^保存済み（2023\/12\/07 \d{1,2}:\d{2}）$/)).toBeInTheDocument();
  });

  it('starts from the observer’s earlier rating', () => {
    renderWithProviders(<ObservationForm inject={{ ...inject, my_observation: saved(2, '遅い') }} onSave={vi.fn()} />);
    const form = screen.getByTestId('observation-form-adhoc-1');
    expect(within(form).getByLabelText('コメント')).toHaveValue('遅い');
    expect(within(form).getByRole('radio', { name: '2 要改善' })).toBeChecked();
  });
});
