import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EffectiveInject, Overlay } from '../../api/scenarioTypes';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { MyScenarioSection } from './MyScenarioSection';

const everyone = { everyone: true, sectors: [], organisations: [], modes: [], team_roles: [] };
function effective(id: string, at: string, title: string, optional: boolean): EffectiveInject {
  return {
    id,
    scene_id: 'day1',
    at,
    audience: everyone,
    title: { ja: title, en: '' },
    body: { ja: `${title}の本文`, en: '' },
    attachments: [],
    objectives: [],
    expected_actions: [],
    controller_notes: '',
    optional,
    source: 'master',
    changed: false,
  };
}

const fetchMock = vi.fn<typeof fetch>();
let overlay: Overlay;

beforeEach(() => {
  overlay = { variables: { service: '電力供給' }, changes: [], added: [] };
  fetchMock.mockReset();
  fetchMock.mockImplementation((url, init) => {
    const path = String(url).split('?')[0];
    const method = init?.method ?? 'GET';
    if (path === '/api/exercises/1/organisations/7/overlay' && method === 'PUT') {
      overlay = JSON.parse(String(init?.body)) as Overlay;
      return Promise.resolve(jsonResponse(200, { overlay, version: 2 }));
    }
    if (path === '/api/exercises/1/organisations/7/overlay') return Promise.resolve(jsonResponse(200, { overlay, version: 1 }));
    if (path === '/api/exercises/1/organisations/7/timeline') {
      return Promise.resolve(
        jsonResponse(200, { items: [effective('D1-01', 'D1 09:00', '異常の検知', false), effective('D1-05', 'D1 10:00', '取引先からの照会', true)] }),
      );
    }
    return Promise.resolve(jsonResponse(404, { error: { code: 'not_found', message: '' } }));
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

const puts = () => fetchMock.mock.calls.filter(([, init]) => init?.method === 'PUT');

describe('MyScenarioSection', () => {
  it('rewords an inject, disables an optional one, edits variables and saves the overlay', async () => {
    renderWithProviders(<MyScenarioSection exerciseId={1} organisationId={7} reference={null} />);
    const preview = await screen.findByTestId('effective-timeline');
    expect(await within(preview).findByText('異常の検知')).toBeInTheDocument();
    // Only optional injects can be disabled.
    expect(preview.querySelector('button[aria-label="D1-01 を使わない"]')).toBeNull();

    await userEvent.click(preview.querySelector('button[aria-label="D1-01 の文面を変更"]') as HTMLElement);
    const dialog = await screen.findByRole('dialog');
    const title = within(dialog).getByLabelText('タイトル（日本語）');
    expect(title).toHaveValue('異常の検知');
    fireEvent.change(title, { target: { value: '{{org.name}} で異常を検知' } });
    await userEvent.click(within(dialog).getByText('反映').closest('button') as HTMLElement);

    await userEvent.click(preview.querySelector('button[aria-label="D1-05 を使わない"]') as HTMLElement);
    expect(await screen.findByText('使わない状況付与:')).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('変数'), { target: { value: 'service=ガス供給\nsupplier=東都データセンター' } });
    await userEvent.click(screen.getByText('個別シナリオを保存').closest('button') as HTMLElement);
    await vi.waitFor(() => expect(puts()).toHaveLength(1));
    const body = JSON.parse(String(puts()[0]?.[1]?.body)) as Overlay;
    expect(body.variables).toEqual({ service: 'ガス供給', supplier: '東都データセンター' });
    expect(body.changes).toEqual([
      { inject_id: 'D1-01', disabled: false, title: { ja: '{{org.name}} で異常を検知', en: '' }, body: { ja: '異常の検知の本文', en: '' } },
      { inject_id: 'D1-05', disabled: true },
    ]);
    expect(body.added).toEqual([]);
  }, 60_000);
});
