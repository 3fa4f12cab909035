import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Organisation, Reference } from '../api/types';
import { jsonResponse, renderWithProviders } from '../test/render';
import { OrganisationList } from './OrganisationList';

const reference: Reference = {
  ministries: [{ code: 'meti', name_ja: '経済産業省', name_en: 'Ministry of Economy, Trade and Industry', short_ja: '経産省', short_en: 'METI' }],
  sectors: [
    { code: 'electricity', ministry_code: 'meti', name_ja: '電力', name_en: 'Electricity' },
    { code: 'gas', ministry_code: 'meti', name_ja: 'ガス', name_en: 'Gas' },
  ],
  regions: [{ code: 'JP-13', name_ja: '東京都', name_en: 'Tokyo' }],
};

function organisation(id: number, name: string, sector: string): Organisation {
  return {
    id,
    exercise_id: 1,
    external_ref: `E-${id}`,
    name,
    name_kana: '',
    name_en: '',
    sector_code: sector,
    ministry_code: 'meti',
    size_band: 'large',
    region: 'JP-13',
    participation_mode: 'venue',
    people_count: 2,
    created_at: '2023-08-01T00:00:00.000Z',
    updated_at: '2023-08-01T00:00:00.000Z',
  };
}

const all = [organisation(1, '東西電力株式会社', 'electricity'), organisation(2, '南北ガス株式会社', 'gas')];
const fetchMock = vi.fn<typeof fetch>();

// Answers like the server would for the two organisations above.
function answer(url: string): Response {
  const params = new URL(url, 'http://localhost').searchParams;
  const items = all.filter(
    (o) => (!params.get('sector') || o.sector_code === params.get('sector')) && (!params.get('q') || o.name.includes(params.get('q') ?? '')),
  );
  return jsonResponse(200, { items, total: items.length, page: 1, page_size: 50 });
}

beforeEach(() => {
  fetchMock.mockReset();
  fetchMock.mockImplementation((url) => Promise.resolve(answer(String(url))));
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

const lastUrl = () => new URL(String(fetchMock.mock.calls.at(-1)?.[0]), 'http://localhost');

describe('OrganisationList', () => {
  it('lists, labels codes in Japanese and sends the search term debounced', async () => {
    renderWithProviders(<OrganisationList exerciseId={1} reference={reference} canManage={false} canExport={false} />);
    const table = await screen.findByRole('table', { name: '参加組織の一覧' });
    expect(await within(table).findByText('東西電力株式会社')).toBeInTheDocument();
    expect(within(table).getAllByText('集合会場')).toHaveLength(2);
    expect(within(table).getAllByText('東京都')).toHaveLength(2);
    expect(screen.getByTestId('organisation-total')).toHaveTextContent('全 2 組織');
    expect(lastUrl().searchParams.get('sort')).toBe('name');
    expect(lastUrl().searchParams.get('page')).toBe('1');

    const callsBefore = fetchMock.mock.calls.length;
    await userEvent.type(screen.getByLabelText('検索'), '電力');
    await waitFor(() => expect(lastUrl().searchParams.get('q')).toBe('電力'));
    // one request for the whole term, not one per character
    expect(fetchMock.mock.calls.length).toBe(callsBefore + 1);
    await waitFor(() => expect(screen.getByTestId('organisation-total')).toHaveTextContent('全 1 組織'));
    expect(within(table).queryByText('南北ガス株式会社')).toBeNull();
  });

  it('offers create, import and export only to those allowed', async () => {
    const { unmount } = renderWithProviders(
      <OrganisationList exerciseId={1} reference={reference} canManage={false} canExport={false} />,
    );
    await screen.findByText('東西電力株式会社');
    expect(screen.queryByRole('button', { name: '組織を追加' })).toBeNull();
    expect(screen.queryByText('CSVで出力')).toBeNull();
    unmount();

    renderWithProviders(<OrganisationList exerciseId={1} reference={reference} canManage canExport />);
    await screen.findByText('東西電力株式会社');
    expect(screen.getByRole('button', { name: '組織を追加' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '取り込み' })).toBeInTheDocument();
    expect(screen.getByText('CSVで出力').closest('a')).toHaveAttribute(
      'href',
      '/api/exercises/1/exports/organisations?format=csv&lang=ja',
    );
  });
});
