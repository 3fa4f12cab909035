// Live play in two browsers against a real `enshu demo` server: the organiser loads the
// bundled scenario through the scenario page, starts the exercise in the controller
// console and releases an inject now; an org lead in a second browser sees it appear
// live in the participant console, acknowledges it and logs an action; the controller
// console's progress row of that organisation counts both; axe scans the scenario page
// and both consoles.
// Run: ENSHU_BINARY=…/build/enshu ENSHU_WEB_ROOT=…/web/dist npm test
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { openBrowser } from '../lib/browser.js';
import { startDemoServer } from '../lib/server.js';
import { seriousViolations, signInAsOrganiser, waitForPath, waitForValue } from '../lib/ui.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SCENARIO = process.env.ENSHU_SCENARIO ?? path.resolve(HERE, '../../../scenarios/ransomware-2023.yaml');

let server;
const browsers = [];

async function browser() {
  const opened = await openBrowser({ baseURL: server.baseUrl });
  browsers.push(opened);
  return opened;
}

// "3 / 12" -> 3 (acknowledged injects of a progress row).
async function progressNumbers(page, organisationId) {
  const acked = await page.getByTestId(`acked-${organisationId}`).textContent();
  const actions = await page.getByTestId(`actions-${organisationId}`).textContent();
  return { acked: Number(/^\s*(\d+)/.exec(acked ?? '')?.[1] ?? NaN), actions: Number((actions ?? '').trim()) };
}

async function clickConfirm(page) {
  const dialog = page.locator('.ant-modal-confirm').last();
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'はい' }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe('live play', () => {
  before(async () => {
    assert.ok(existsSync(SCENARIO), `the bundled scenario ${SCENARIO} exists`);
    server = await startDemoServer();
  });

  after(async () => {
    for (const opened of browsers) await opened.close();
    if (server) await server.stop();
  });

  test('an inject released in the controller console reaches the participant console live; ack and action show up in progress', async () => {
    // Organiser: sign in and import the bundled scenario on the scenario page.
    const { page: organiser } = await browser();
    const exerciseId = await signInAsOrganiser(organiser, server);
    await organiser.getByTestId('nav-scenario').click();
    await waitForPath(organiser, (p) => p === `/exercises/${exerciseId}/scenario`, 'scenario page');
    await organiser.getByRole('heading', { name: 'シナリオ（マスタータイムライン）' }).waitFor();
    await organiser.locator('input[type=file][accept=".yaml,.yml,.xlsx"]').setInputFiles(SCENARIO);
    await clickConfirmImport(organiser);
    const injectRows = organiser.getByTestId('inject-table').locator('tbody tr[data-row-key]');
    const rowCount = await waitForValue(() => injectRows.count(), (n) => n >= 30, 'injects listed after the import');
    assert.ok(rowCount >= 30, `the bundled scenario has at least 30 injects (${rowCount})`);
    const scenarioPage = await new AxeBuilder({ page: organiser }).analyze();
    assert.deepEqual(seriousViolations(scenarioPage), [], 'scenario page');

    // Participant (org lead of a demo organisation) in a second browser: join, open the console.
    const join = server.joins[server.joins.length - 1];
    const { page: participant } = await browser();
    await participant.goto(`/join#${encodeURIComponent(join.token)}`);
    const orgPath = await waitForPath(participant, (p) => /^\/exercises\/\d+\/organisations\/\d+$/.test(p), 'after join');
    const organisationId = Number(orgPath.split('/')[4]);
    await participant.getByTestId('open-console').click();
    await waitForPath(participant, (p) => p === `/exercises/${exerciseId}/play`, 'participant console');
    await participant.getByTestId('connection-state').and(participant.locator('[data-status="live"]')).waitFor();

    // An inject of this organisation's timeline, for everyone in it (no team roles), still
    // pending, as late as possible so that the running clock does not release it first.
    const timeline = await (await participant.request.get(`/api/exercises/${exerciseId}/organisations/${organisationId}/timeline`)).json();
    const candidates = new Set(
      timeline.items.filter((item) => item.source === 'master' && item.audience.team_roles.length === 0).map((item) => item.id),
    );
    assert.ok(candidates.size > 0, 'the organisation receives injects without team roles');

    // Controller console: start the exercise.
    await organiser.goto(`/exercises/${exerciseId}/control`);
    await organiser.getByRole('heading', { name: 'コントローラー画面' }).waitFor();
    await organiser.getByTestId('release-table').locator('tbody tr[data-row-key]').first().waitFor();
    await organiser.getByRole('button', { name: '演習開始' }).click();
    await clickConfirm(organiser);
    await organiser.getByTestId('clock-state').filter({ hasText: '進行中' }).waitFor();
    await participant.getByTestId('clock-state').filter({ hasText: '進行中' }).waitFor();

    // Filter the progress view to the organisation's sector so that its row is on the page.
    const own = await (await participant.request.get(`/api/exercises/${exerciseId}/organisations/${organisationId}`)).json();
    const reference = await (await organiser.request.get('/api/reference')).json();
    const sectorName = reference.sectors.find((s) => s.code === own.sector_code).name_ja;
    await organiser.getByRole('combobox', { name: '分野', exact: true }).click();
    await organiser.keyboard.type(sectorName);
    await organiser.getByRole('option', { name: sectorName, exact: true }).waitFor({ state: 'attached' });
    await organiser.keyboard.press('Enter');
    await organiser.getByTestId(`acked-${organisationId}`).waitFor();
    const before = await progressNumbers(organiser, organisationId);

    const releases = await (await organiser.request.get(`/api/exercises/${exerciseId}/releases`)).json();
    const pending = releases.items.filter((item) => item.status === 'pending' && candidates.has(item.inject_id));
    assert.ok(pending.length > 0, 'an inject of the organisation is still pending');
    const chosen = pending[pending.length - 1];

    // Release it now from the controller console.
    await organiser.getByRole('button', { name: `${chosen.inject_id} を今すぐ配信` }).click();
    await organiser.locator('.ant-popover').getByRole('button', { name: '今すぐ配信' }).click();
    await organiser.getByTestId(`status-${chosen.inject_id}`).filter({ hasText: /配信済み|遅延/ }).waitFor();

    // It appears live in the participant console (no reload).
    const item = participant.locator(`li[data-inject-id="${chosen.inject_id}"]`);
    await item.waitFor({ timeout: 10_000 });
    assert.equal(await item.count(), 1, 'delivered once');
    await item.locator('button', { hasText: '確認しました' }).click();
    await item.getByTestId('acknowledged').waitFor();

    // Log an action for it.
    await item.locator('button', { hasText: '対応を記録' }).click();
    const form = participant.getByTestId('action-form');
    const text = `E2E: CSIRT を招集し影響範囲を調査 (${chosen.inject_id})`;
    await form.getByLabel('実施した対応・判断').fill(text);
    await form.getByRole('button', { name: '記録する' }).click();
    await participant.getByTestId('team-timeline').getByText(text).waitFor();

    // The controller console counts both for the organisation.
    await waitForValue(
      () => progressNumbers(organiser, organisationId),
      (now) => now.acked >= before.acked + 1 && now.actions >= before.actions + 1,
      'progress of the organisation after the acknowledgement and the action',
      30_000,
    );

    // Accessibility of both consoles.
    const control = await new AxeBuilder({ page: organiser }).analyze();
    assert.deepEqual(seriousViolations(control), [], 'controller console');
    const play = await new AxeBuilder({ page: participant }).analyze();
    assert.deepEqual(seriousViolations(play), [], 'participant console');
  });
});

// The import asks before it replaces the master timeline.
async function clickConfirmImport(page) {
  const dialog = page.locator('.ant-modal-confirm').last();
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'ファイルから取り込み（YAML / Excel）' }).click();
  await dialog.waitFor({ state: 'detached' });
}
