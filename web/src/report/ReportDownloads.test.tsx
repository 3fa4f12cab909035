import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../test/render';

const startRender = vi.fn();
const getRender = vi.fn();
vi.mock('../api/reportEndpoints', () => ({
  startRender: (...args: unknown[]) => startRender(...args),
  getRender: (...args: unknown[]) => getRender(...args),
  renderFileUrl: (exerciseId: number, key: string) => `/api/exercises/${exerciseId}/report/renders/${key}/file`,
}));

import { ReportDownloads } from './ReportDownloads';

afterEach(() => {
  vi.restoreAllMocks();
  startRender.mockReset();
  getRender.mockReset();
});

describe('ReportDownloads', () => {
  it('shows the render stage while it runs, then downloads the file', async () => {
    let finish: (value: unknown) => void = () => undefined;
    startRender.mockImplementation(() => new Promise((resolve) => (finish = resolve)));
    getRender.mockResolvedValue({ key: 'k', state: 'running', stage: 'rendering', percent: 65, format: 'pdf' });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    renderWithProviders(<ReportDownloads exerciseId={3} language="ja" organisationId={7} />);
    await userEvent.click(screen.getByRole('button', { name: 'PDFをダウンロード' }));
    expect(startRender).toHaveBeenCalledWith(
      3,
      expect.objectContaining({ format: 'pdf', language: 'ja', organisation_id: 7, key: expect.stringMatching(/^[0-9a-f]{32}$/) }),
    );
    await screen.findByText('ファイルを作成しています', {}, { timeout: 3000 });
    finish({ key: 'k', state: 'done', stage: 'done', percent: 100, format: 'pdf', filename: 'enshu-report.pdf' });
    await screen.findByText('完了しました');
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(screen.getByText('enshu-report.pdf を保存')).toHaveAttribute('href', expect.stringMatching(/\/report\/renders\/[0-9a-f]{32}\/file$/));
  });

  it('shows the error when the render fails', async () => {
    startRender.mockRejectedValue(new Error('boom'));
    renderWithProviders(<ReportDownloads exerciseId={3} language="ja" />);
    await userEvent.click(screen.getByRole('button', { name: 'Excel（XLSX）をダウンロード' }));
    expect(await screen.findByRole('alert')).toBeInTheDocument();
  });
});
