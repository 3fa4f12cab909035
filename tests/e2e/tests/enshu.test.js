// Browser tests against a real `enshu demo` server and Debian chromium.
// Run: ENSHU_BINARY=…/build/enshu ENSHU_WEB_ROOT=…/web/dist npm test
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { openBrowser } from '../lib/browser.js';
import { startDemoServer } from '../lib/server.js';
import { organiserAccount, seriousViolations, signInAsOrganiser as signInWithForm, waitForPath } from '../lib/ui.js';
import { csvHeader, organisationWorkbook } from '../lib/workbook.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
// A rare two-character word, so that the demo organisations do not match it.
const TERM = '鶺鴒';
const GOOD_ROWS = [
  { external_ref: 'E2E-001', name: `${TERM}電力株式会社`, name_kana: 'セキレイデンリョク', name_en: 'Sekirei Power Co.', sector: '電力', size: '大', region: '東京都', mode: '集合会場' },
  { external_ref: 'E2E-002', name: `${TERM}ガス株式会社`, name_kana: 'セキレイガス', name_en: 'Sekirei Gas Co.', sector: 'ガス', size: '中', region: '大阪府', mode: 'オンライン' },
  { external_ref: 'E2E-003', name: '北斗鉄道株式会社', name_kana: 'ホクトテツドウ', name_en: 'Hokuto Railway', sector: '鉄道', size: '小', region: '北海道', mode: '疑似体験プログラム' },
];
// Same file with an unknown sector in the third data row (file row 4; the header is row 1).
const BAD_ROWS = GOOD_ROWS.map((row, index) => (index === 2 ? { ...row, sector: '電気' } : row));

let server;
const browsers = [];

async function browser() {
  const opened = await openBrowser({ baseURL: server.baseUrl });
  browsers.push(opened);
  return opened;
}

function organiser() {
  return organiserAccount(server);
}

function signInAsOrganiser(page) {
  return signInWithForm(page, server);
}

async function shownTotal(page) {
  const text = await page.getByTestId('organisation-total').textContent();
  const match = /(\d[\d,]*)/.exec(text ?? '');
  assert.ok(match, `total shown: ${text}`);
  return Number(match[1].replace(/,/g, ''));
}

async function waitForTotal(page, predicate, what) {
  const deadline = Date.now() + 15_000;
  let total = -1;
  while (Date.now() < deadline) {
    total = await shownTotal(page);
    if (predicate(total)) return total;
    await page.waitForTimeout(150);
  }
  assert.fail(`${what}: the total stayed ${total}`);
}

// Organisation names in the list's current page.
async function listedNames(page) {
  const table = page.getByRole('table', { name: '参加組織の一覧' });
  return table.locator('tbody tr[data-row-key] td:first-child a').allTextContents();
}

async function chooseInSelect(page, label, text) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.keyboard.type(text);
  await page.getByRole('option', { name: text, exact: true }).waitFor({ state: 'attached' }).catch(() => undefined);
  await page.keyboard.press('Enter');
}

// Signs in over HTTP (no browser) and answers a GET with the session cookie.
async function organiserApi() {
  const { login, password } = organiser();
  const answer = await fetch(`${server.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'enshu' },
    body: JSON.stringify({ login, password }),
  });
  assert.equal(answer.status, 200, await answer.clone().text());
  const cookie = (answer.headers.get('set-cookie') ?? '').split(';')[0];
  return async (path) => {
    const response = await fetch(`${server.baseUrl}${path}`, { headers: { Cookie: cookie } });
    assert.equal(response.status, 200, `${path}: ${response.status}`);
    return response.json();
  };
}

describe('enshu web UI', () => {
  before(async () => {
    server = await startDemoServer();
  });

  after(async () => {
    for (const opened of browsers) await opened.close();
    if (server) await server.stop();
  });

  test('(a) organiser imports organisations from XLSX, then filters and searches the list', async () => {
    const { page } = await browser();
    const exerciseId = await signInAsOrganiser(page);
    const before = await shownTotal(page);
    assert.ok(before > 0, 'the demo exercise has organisations');

    // The import columns are the export's columns (docs/openapi.yaml).
    const exported = await page.request.get(`/api/exercises/${exerciseId}/exports/organisations?format=csv&lang=en`);
    assert.equal(exported.status(), 200);
    const headers = csvHeader(await exported.text());
    assert.ok(headers.length >= 5, `export header: ${headers.join(',')}`);

    await page.getByRole('button', { name: '取り込み' }).click();
    const dialog = page.getByRole('dialog', { name: '組織の取り込み' });
    await dialog.waitFor();
    const importButton = dialog.getByRole('button', { name: '取り込む' });

    // A bad file first: the row error is shown and nothing can be imported.
    await dialog.locator('input[type=file]').setInputFiles({
      name: 'bad.xlsx',
      mimeType: XLSX,
      buffer: await organisationWorkbook(headers, BAD_ROWS),
    });
    const errors = dialog.getByRole('table', { name: '取り込みエラーの一覧' });
    await errors.waitFor();
    const errorRow = errors.locator('tbody tr', { hasText: '電気' });
    await errorRow.waitFor();
    assert.equal((await errorRow.locator('td').first().textContent())?.trim(), '4');
    assert.equal(await importButton.isDisabled(), true);

    // Then the good file: counts, then import.
    await dialog.locator('input[type=file]').setInputFiles({
      name: 'good.xlsx',
      mimeType: XLSX,
      buffer: await organisationWorkbook(headers, GOOD_ROWS),
    });
    await dialog.getByTestId('import-valid').waitFor();
    assert.equal(await errors.count(), 0);
    await importButton.click();
    const done = dialog.getByTestId('import-done');
    await done.waitFor();
    assert.match((await done.textContent()) ?? '', /新規 3 件/);
    await dialog.getByRole('button', { name: '閉じる' }).first().click();

    await waitForTotal(page, (total) => total === before + 3, 'after the import');

    // Free-text search with a two-character Japanese word (debounced).
    await page.getByLabel('検索').fill(TERM);
    await waitForTotal(page, (total) => total === 2, `search ${TERM}`);
    assert.deepEqual((await listedNames(page)).sort(), [`${TERM}ガス株式会社`, `${TERM}電力株式会社`].sort());

    // Sector filter narrows further.
    await chooseInSelect(page, '分野', '電力');
    await waitForTotal(page, (total) => total === 1, 'search + sector 電力');
    assert.deepEqual(await listedNames(page), [`${TERM}電力株式会社`]);

    // Sector filter alone: every listed organisation is in that sector, fewer than all.
    await page.getByLabel('検索').fill('');
    const electricity = await waitForTotal(page, (total) => total > 1 && total < before + 3, 'sector 電力 alone');
    const sectorCells = await page
      .getByRole('table', { name: '参加組織の一覧' })
      .locator('tbody tr[data-row-key] td:nth-child(3)')
      .allTextContents();
    assert.ok(sectorCells.length > 0 && sectorCells.length <= electricity);
    assert.deepEqual([...new Set(sectorCells)], ['電力']);
  });

  test('(b) an org lead opens its join link and sees only its own organisation', async () => {
    const join = server.joins[0];
    const { page } = await browser();
    await page.goto(`/join#${encodeURIComponent(join.token)}`);
    const path = await waitForPath(page, (p) => /^\/exercises\/\d+\/organisations\/\d+$/.test(p), 'after join');
    const [, , exerciseId, , organisationId] = path.split('/');
    assert.equal(new URL(page.url()).hash, '', 'the token is removed from the address bar');
    await page.getByRole('table', { name: 'メンバーの一覧' }).waitFor();
    const own = await (await page.request.get(`/api/exercises/${exerciseId}/organisations/${organisationId}`)).json();
    assert.equal((await page.getByTestId('organisation-name').textContent())?.trim(), own.name);
    if (join.organisation) assert.equal(own.name, join.organisation);

    // Its organisation list holds only itself.
    const list = await page.request.get(`/api/exercises/${exerciseId}/organisations`);
    assert.equal(list.status(), 200);
    const body = await list.json();
    assert.deepEqual(body.items.map((o) => String(o.id)), [organisationId]);

    // Another organisation's page is "not found".
    const get = await organiserApi();
    const all = await get(`/api/exercises/${exerciseId}/organisations?page_size=5`);
    const other = all.items.find((o) => String(o.id) !== organisationId);
    assert.ok(other, 'the demo has other organisations');
    await page.goto(`/exercises/${exerciseId}/organisations/${other.id}`);
    await page.getByRole('heading', { name: '見つかりません' }).waitFor();
    assert.equal(await page.getByText(other.name, { exact: true }).count(), 0);
  });

  test('(c) axe finds no serious or critical violations on the login page, the organiser home and an organisation page', async () => {
    const { page } = await browser();
    await page.goto('/login');
    await page.getByRole('button', { name: 'ログイン' }).waitFor();
    const login = await new AxeBuilder({ page }).analyze();
    assert.deepEqual(seriousViolations(login), [], 'login page');

    await signInAsOrganiser(page);
    await page.getByRole('table', { name: '参加組織の一覧' }).locator('tbody tr[data-row-key]').first().waitFor();
    const home = await new AxeBuilder({ page }).analyze();
    assert.deepEqual(seriousViolations(home), [], 'organiser home');

    // And an organisation page with its members.
    await page.getByRole('table', { name: '参加組織の一覧' }).locator('tbody tr[data-row-key] a').first().click();
    await page.getByRole('table', { name: 'メンバーの一覧' }).locator('tbody tr[data-row-key]').first().waitFor();
    const organisation = await new AxeBuilder({ page }).analyze();
    assert.deepEqual(seriousViolations(organisation), [], 'organisation page');
  });

  test('(d) the language switch turns the UI to English and survives a reload', async () => {
    const { page } = await browser();
    await signInAsOrganiser(page);
    assert.equal(await page.locator('html').getAttribute('lang'), 'ja');
    await page.getByRole('radiogroup', { name: '表示言語' }).getByText('English').click();
    await page.getByRole('heading', { name: 'Organisations' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');

    await page.reload();
    await page.getByRole('heading', { name: 'Organisations' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    assert.equal(await page.getByRole('heading', { name: '参加組織' }).count(), 0);
  });
});
