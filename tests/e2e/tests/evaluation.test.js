// Evaluation instruments in a real browser against a real `enshu demo` server:
// 1. an org lead chooses verification objectives, fills the action-record sheet (a
//    submission with unanswered settings is refused and names them), and submits it; the
//    objectives show in the participant console;
// 2. another org lead downloads the sheet as XLSX, a test edits it with ExcelJS (first
//    with a wrong label: refused, the cell named, nothing stored), uploads it back and
//    sees the answers in the form. axe scans the sheet;
// 3. the organiser sees completion per sector and reminds those who have not submitted;
//    an org lead whose page is open sees the notice appear live and dismisses it.
// Run: ENSHU_BINARY=…/enshu ENSHU_WEB_ROOT=…/dist node --test tests/evaluation.test.js
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import ExcelJS from 'exceljs';
import { openBrowser } from '../lib/browser.js';
import { startDemoServer } from '../lib/server.js';
import { seriousViolations, signInAsOrganiser, waitForPath, waitForValue } from '../lib/ui.js';

let server;
const browsers = [];

async function joinAsOrgLead(join) {
  const opened = await openBrowser({ baseURL: server.baseUrl });
  browsers.push(opened);
  const { page } = opened;
  await page.goto(`/join#${encodeURIComponent(join.token)}`);
  const orgPath = await waitForPath(page, (p) => /^\/exercises\/\d+\/organisations\/\d+$/.test(p), 'after join');
  await page.getByTestId('evaluation-tabs').waitFor();
  return { page, organisationPath: orgPath };
}

// Chooses standard objectives 2 and 4 and one own objective on the 準備 tab.
async function chooseObjectives(page, ownText) {
  const form = page.getByTestId('objectives-form');
  await form.getByRole('checkbox').nth(1).check();
  await form.getByRole('checkbox').nth(3).check();
  await form.getByTestId('own-objective-add').click();
  await form.getByTestId('own-objective-0').fill(ownText);
  await form.getByTestId('objectives-save').click();
  await page.getByText('保存しました').first().waitFor();
}

async function openSheetTab(page) {
  await page.getByRole('tab', { name: '行動記録シート' }).click();
  await page.getByTestId('action-record-sheet').waitFor();
}

// Picks `label` in the antd Select of one setting.
async function chooseRating(page, key, setting, label) {
  await page.getByTestId(`sheet-${key}-setting-${setting}`).click();
  const option = page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${label}"]`);
  await option.click();
  await option.waitFor({ state: 'hidden' });
}

async function sheetStatus(page) {
  return page.getByTestId('action-record-sheet').getByTestId('evaluation-status').getAttribute('data-status');
}

describe('evaluation instruments', () => {
  before(async () => {
    server = await startDemoServer();
    assert.ok(server.joins.length >= 3, 'the demo prints at least three join links');
  });

  after(async () => {
    for (const opened of browsers) await opened.close();
    if (server) await server.stop();
  });

  test('an org lead chooses objectives, fills the action-record sheet and submits it', async () => {
    const { page } = await joinAsOrgLead(server.joins[0]);
    await chooseObjectives(page, '夜間・休日の代行者への連絡');
    await openSheetTab(page);
    await page.getByTestId('sheet-objective-2').waitFor();
    await page.getByTestId('sheet-objective-10-1').waitFor();
    assert.equal(await sheetStatus(page), 'not_started');

    await chooseRating(page, '2', 1, 'よく対応できた');
    await chooseRating(page, '2', 2, '対応できた');
    await chooseRating(page, '2', 3, 'あまり対応できなかった');
    await page.getByTestId('sheet-2-issue-0').fill('手順書の保管場所が共有されていなかった');
    await page.getByTestId('sheet-save').click();
    await waitForValue(() => sheetStatus(page), (s) => s === 'draft', 'draft saved');

    // Submitting with objective 4 and the own objective unanswered is refused, naming them.
    await page.getByTestId('sheet-submit').click();
    const errors = page.getByTestId('evaluation-errors');
    await errors.waitFor();
    const listed = await errors.locator('li').count();
    assert.equal(listed, 6, 'three settings each of objective 4 and the own objective');
    assert.match(await errors.textContent(), /③行動/);
    assert.equal(await sheetStatus(page), 'draft');

    for (const key of ['4', '10-1']) {
      for (const setting of [1, 2, 3]) await chooseRating(page, key, setting, key === '4' ? '対応できた' : '無回答');
    }
    const axe = await new AxeBuilder({ page }).include('[data-testid="action-record-sheet"]').analyze();
    assert.deepEqual(seriousViolations(axe), [], 'action-record sheet');
    await page.getByTestId('sheet-submit').click();
    await waitForValue(() => sheetStatus(page), (s) => s === 'submitted', 'sheet submitted');
    assert.equal(await page.getByTestId('sheet-submit').count(), 0, 'no submit button once submitted');

    // After a reload the answers are still there, read-only.
    await page.reload();
    await openSheetTab(page);
    await waitForValue(() => sheetStatus(page), (s) => s === 'submitted', 'submitted after reload');
    assert.equal(await page.getByTestId('sheet-2-issue-0').inputValue(), '手順書の保管場所が共有されていなかった');
    assert.match(await page.getByTestId('sheet-2-setting-1').textContent(), /よく対応できた/);

    // The chosen objectives show in the participant console.
    await page.getByTestId('open-console').click();
    await waitForPath(page, (p) => /^\/exercises\/\d+\/play$/.test(p), 'participant console');
    const objectives = page.getByTestId('console-objectives');
    await objectives.waitFor();
    assert.match(await objectives.textContent(), /⑩-1 夜間・休日の代行者への連絡/);
    assert.equal(await objectives.locator('li').count(), 3);
  });

  test('an org lead downloads the sheet as XLSX, edits it and uploads it back', async () => {
    const { page } = await joinAsOrgLead(server.joins[1]);
    await chooseObjectives(page, 'サプライチェーン先への連絡');
    await openSheetTab(page);
    await page.getByTestId('sheet-objective-4').waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('sheet-xlsx-download').click(),
    ]);
    const bytes = await readFile(await download.path());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes);
    const ratings = workbook.getWorksheet('行動記録');
    assert.ok(ratings, 'the workbook has the 行動記録 sheet');
    const keys = [2, 3, 4].map((row) => String(ratings.getRow(row).getCell(1).value));
    assert.deepEqual(keys, ['2', '4', '10-1']);
    assert.equal(ratings.getColumn(1).hidden, true, 'the key column is hidden');
    assert.ok(ratings.getCell('D2').dataValidation?.type === 'list', 'the settings have a drop-down list');

    // A wrong label: refused, the cell named, nothing stored.
    for (const row of [2, 3, 4]) for (const column of ['D', 'E', 'F']) ratings.getCell(`${column}${row}`).value = '対応できた';
    ratings.getCell('E3').value = '対応';
    const issues = workbook.getWorksheet('課題');
    issues.getCell('C2').value = '取引先への連絡先一覧が古かった';
    const badPath = `${await download.path()}-bad.xlsx`;
    await workbook.xlsx.writeFile(badPath);
    const upload = page.locator('[data-testid="sheet-xlsx"] input[type=file]');
    await upload.setInputFiles(badPath);
    const uploadErrors = page.getByTestId('sheet-xlsx-errors');
    await uploadErrors.waitFor();
    assert.match(await uploadErrors.textContent(), /行動記録!E3: '対応' is not one of よく対応できた\//);
    assert.equal(await sheetStatus(page), 'not_started', 'nothing stored');

    // Fixed: stored as a draft, the form shows the answers and the issue.
    ratings.getCell('E3').value = 'よく対応できた';
    const goodPath = `${await download.path()}-good.xlsx`;
    await workbook.xlsx.writeFile(goodPath);
    await upload.setInputFiles(goodPath);
    await page.getByTestId('sheet-xlsx-stored').waitFor();
    await waitForValue(() => sheetStatus(page), (s) => s === 'draft', 'draft after the upload');
    assert.match(await page.getByTestId('sheet-4-setting-2').textContent(), /よく対応できた/);
    assert.match(await page.getByTestId('sheet-10-1-setting-3').textContent(), /対応できた/);
    assert.equal(await page.getByTestId('sheet-2-issue-0').inputValue(), '取引先への連絡先一覧が古かった');
    await page.getByTestId('sheet-submit').click();
    await waitForValue(() => sheetStatus(page), (s) => s === 'submitted', 'submitted after the upload');
  });
  test('the organiser reminds those who have not submitted; the notice appears live on an open page', async () => {
    const { page: lead } = await joinAsOrgLead(server.joins[2]);
    assert.equal(await lead.getByTestId('notice').count(), 0, 'no notice before the reminder');

    const organiserBrowser = await openBrowser({ baseURL: server.baseUrl });
    browsers.push(organiserBrowser);
    const organiser = organiserBrowser.page;
    const exerciseId = await signInAsOrganiser(organiser, server);
    await organiser.getByTestId('nav-evaluation').click();
    await waitForPath(organiser, (p) => p === `/exercises/${exerciseId}/evaluation`, 'completion page');
    await organiser.getByTestId('completion-instrument').click();
    await organiser.locator('.ant-select-dropdown:visible .ant-select-item-option[title="行動記録シート"]').click();
    // Scan once the drop-down has closed (its open list is the combobox's, named through it).
    await waitForValue(() => organiser.locator('.ant-select-dropdown:visible').count(), (n) => n === 0, 'list closed');
    // Two organisations submitted their sheets in the tests above.
    const submittedTotal = async () => {
      const cells = organiser.getByTestId('completion-sectors').locator('tbody tr td:nth-child(3)');
      const texts = await cells.allTextContents();
      return texts.reduce((sum, text) => sum + (Number(text) || 0), 0);
    };
    await waitForValue(submittedTotal, (n) => n === 2, 'submitted sheets counted per sector');
    const axe = await new AxeBuilder({ page: organiser }).analyze();
    assert.deepEqual(seriousViolations(axe), [], 'completion page');

    await organiser.getByTestId('completion-remind').click();
    await organiser.locator('.ant-popover:visible').getByRole('button', { name: '未提出の組織に督促' }).click();
    await organiser.getByText(/組織に督促しました/).waitFor();

    // The org lead's page shows it without a reload, and the org lead dismisses it.
    const notice = lead.getByTestId('notice');
    await notice.waitFor({ timeout: 20_000 });
    assert.match(await notice.textContent(), /行動記録シートの提出をお願いします/);
    await lead.getByTestId('notice-dismiss').click();
    await waitForValue(() => lead.getByTestId('notice').count(), (n) => n === 0, 'notice dismissed');
    await lead.reload();
    await lead.getByTestId('evaluation-tabs').waitFor();
    assert.equal(await lead.getByTestId('notice').count(), 0, 'a dismissed notice stays dismissed');
  });
});
