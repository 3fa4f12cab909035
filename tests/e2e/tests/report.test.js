// The results report in the browser: the organiser opens the report page of the demo
// exercise, sees the web view with a chart, downloads the PDF (checked with pdftotext:
// Japanese text present) and the XLSX (read back with exceljs: one sheet per table,
// counts as numbers), and axe finds no serious/critical violations on the page.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import ExcelJS from 'exceljs';
import { openBrowser } from '../lib/browser.js';
import { startDemoServer } from '../lib/server.js';
import { seriousViolations, signInAsOrganiser } from '../lib/ui.js';

let server;
let opened;
let directory;

describe('results report', () => {
  before(async () => {
    server = await startDemoServer();
    opened = await openBrowser({ baseURL: server.baseUrl });
    directory = mkdtempSync(join(tmpdir(), 'enshu-e2e-report-'));
  });

  after(async () => {
    await opened?.close();
    await server?.stop();
    if (directory) rmSync(directory, { recursive: true, force: true });
  });

  test('organiser opens the report, sees a chart, downloads PDF and XLSX', { timeout: 180_000 }, async () => {
    const page = opened.page;
    const exerciseId = await signInAsOrganiser(page, server);
    await page.getByTestId('nav-report').click();
    await page.waitForURL(new RegExp(`/exercises/${exerciseId}/report$`));
    await page.getByRole('heading', { name: /【演習結果】.*実施結果/ }).waitFor({ timeout: 30_000 });
    // The objectives chart drawn by ECharts (SVG renderer) and the readiness table.
    const chart = page.locator('[data-chart="objectives_could"] svg');
    await chart.first().waitFor({ timeout: 30_000 });
    assert.ok(await chart.first().isVisible());
    await page.locator('[data-table="readiness"]').waitFor();
    const participants = page.locator('[data-table="participants_by_mode"]');
    assert.match((await participants.textContent()) ?? '', /合計/);

    const axe = await new AxeBuilder({ page }).include('.report-page').analyze();
    assert.deepEqual(seriousViolations(axe), []);

    const pdfDownload = page.waitForEvent('download', { timeout: 120_000 });
    await page.getByRole('button', { name: 'PDFをダウンロード' }).click();
    const failure = page.getByRole('alert');
    const pdf = await Promise.race([
      pdfDownload,
      failure.waitFor({ timeout: 120_000 }).then(async () => assert.fail(`render failed: ${await failure.textContent()}`)),
    ]);
    const pdfPath = join(directory, 'report.pdf');
    await pdf.saveAs(pdfPath);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' });
    assert.match(text, /演習結果/);
    assert.match(text, /障害対応体制の強化の取組状況/);
    assert.match(text, /行動記録シートにおける検証課題の結果/);
    await page.getByText('完了しました').waitFor();

    const [xlsx] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: 'Excel（XLSX）をダウンロード' }).click(),
    ]);
    const xlsxPath = join(directory, 'report.xlsx');
    await xlsx.saveAs(xlsxPath);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxPath);
    assert.ok(workbook.worksheets.length >= 8, `sheets: ${workbook.worksheets.map((s) => s.name).join(', ')}`);
    const modes = workbook.getWorksheet('参加形態別の参加数');
    assert.ok(modes, 'a sheet per table, named by its title');
    // Header row, then venue / online / simulated / total: counts are numbers.
    const total = modes.getRow(5);
    assert.equal(total.getCell(1).value, '合計');
    assert.equal(typeof total.getCell(2).value, 'number');
    assert.ok(total.getCell(2).value > 0);
  });
});
