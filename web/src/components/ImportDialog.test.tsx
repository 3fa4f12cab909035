import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../api/client';
import { XLSX_TYPE } from '../api/endpoints';
import { jsonResponse, renderWithProviders } from '../test/render';
import { ImportDialog } from './ImportDialog';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
  setCsrfToken('csrf-token');
});
afterEach(() => vi.unstubAllGlobals());

function fileInput(): HTMLInputElement {
  const input = document.querySelector<HTMLInputElement>('input[type="file"]');
  if (!input) throw new Error('no file input');
  return input;
}

describe('ImportDialog', () => {
  it('shows row errors of a bad file, then imports a good one', async () => {
    const onImported = vi.fn();
    fetchMock
      .mockResolvedValueOnce(
        jsonResponse(200, {
          dry_run: true,
          valid: false,
          row_count: 3,
          created: 0,
          updated: 0,
          errors: [{ row: 3, column: 'sector', message: "unknown sector '電気'" }],
        }),
      )
      .mockResolvedValueOnce(
        jsonResponse(200, { dry_run: true, valid: true, row_count: 3, created: 0, updated: 0, errors: [] }),
      )
      .mockResolvedValueOnce(
        jsonResponse(200, { dry_run: false, valid: true, row_count: 3, created: 2, updated: 1, errors: [] }),
      );

    renderWithProviders(<ImportDialog exerciseId={5} open onClose={() => undefined} onImported={onImported} />);
    const importButton = () => screen.getByRole('button', { name: '取り込む' });
    expect(importButton()).toBeDisabled();

    await userEvent.upload(fileInput(), new File(['bad'], 'bad.xlsx', { type: XLSX_TYPE }));
    const errors = await screen.findByRole('table', { name: '取り込みエラーの一覧' });
    const cells = within(errors).getAllByRole('cell').map((cell) => cell.textContent);
    expect(cells).toEqual(['3', 'sector', "unknown sector '電気'"]);
    expect(importButton()).toBeDisabled();
    expect(String(fetchMock.mock.calls[0]?.[0])).toBe('/api/exercises/5/imports/organisations?dry_run=true');

    await userEvent.upload(fileInput(), new File(['good'], 'good.csv', { type: 'text/csv' }));
    expect(await screen.findByText('3 行を検査しました。エラーはありません。')).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: '取り込みエラーの一覧' })).toBeNull();
    const dryRun = fetchMock.mock.calls[1]?.[1];
    expect((dryRun?.headers as Record<string, string>)['Content-Type']).toBe('text/csv');

    await waitFor(() => expect(importButton()).toBeEnabled());
    await userEvent.click(importButton());
    expect(await screen.findByText('取り込みました: 新規 2 件、更新 1 件。')).toBeInTheDocument();
    expect(String(fetchMock.mock.calls[2]?.[0])).toBe('/api/exercises/5/imports/organisations?dry_run=false');
    expect(onImported).toHaveBeenCalledTimes(1);
  });

  it('refuses files that are neither CSV nor XLSX without calling the server', async () => {
    renderWithProviders(<ImportDialog exerciseId={5} open onClose={() => undefined} onImported={() => undefined} />);
    await userEvent.upload(fileInput(), new File(['x'], 'list.pdf', { type: 'application/pdf' }), { applyAccept: false });
    expect(await screen.findByText('CSV または XLSX ファイルを選んでください。')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
