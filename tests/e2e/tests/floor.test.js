// The exercise floor in two browsers against a real `enshu demo` server: the organiser
// posts an announcement and schedules an immediate short break in the control console;
// an org lead's participant console shows the announcement banner and the full-screen
// break countdown live; the exercise marking is on the page and in the window title;
// the break ends and the overlay goes; an observer rates an inject in the observer
// console. axe scans the participant console with the banner and the overlay, the
// control console's floor tabs and the observer console.
// Run: ENSHU_BINARY=…/build/enshu ENSHU_WEB_ROOT=…/web/dist node --test tests/floor.test.js
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { openBrowser } from '../lib/browser.js';
import { startDemoServer } from '../lib/server.js';
import { csrfToken, seriousViolations, signInAsOrganiser, waitForPath, waitForValue } from '../lib/ui.js';

let server;
const browsers = [];

async function browser() {
  const opened = await openBrowser({ baseURL: server.baseUrl });
  browsers.push(opened);
  return opened;
}

describe('exercise floor', () => {
  before(async () => {
    server = await startDemoServer();
  });

  after(async () => {
    for (const opened of browsers) await opened.close();
    if (server) await server.stop();
  });

  test('an announcement and an immediate break reach the participant console live; the marking is always shown', async () => {
    // Organiser: control console.
    const { page: organiser } = await browser();
    const exerciseId = await signInAsOrganiser(organiser, server);
    assert.match(await organiser.title(), /^【演習】/, 'the window title carries the marking');
    await organiser.getByTestId('exercise-marking').waitFor();
    await organiser.getByTestId('nav-control').click();
    await waitForPath(organiser, (p) => p === `/exercises/${exerciseId}/control`, 'control console');

    // Participant (org lead of a demo organisation) in a second browser.
    const join = server.joins[0];
    const { page: participant } = await browser();
    await participant.goto(`/join#${encodeURIComponent(join.token)}`);
    await waitForPath(participant, (p) => /^\/exercises\/\d+\/organisations\/\d+$/.test(p), 'after join');
    await participant.getByTestId('open-console').click();
    await waitForPath(participant, (p) => p === `/exercises/${exerciseId}/play`, 'participant console');
    await participant.getByTestId('connection-state').and(participant.locator('[data-status="live"]')).waitFor();
    const marking = participant.getByTestId('exercise-marking');
    assert.match(await marking.textContent(), /演習.*EXERCISE/);
    assert.match(await participant.title(), /^【演習】/);

    // The announcement, posted from the Announcements tab; text with markup stays text.
    await organiser.getByRole('tab', { name: 'アナウンス' }).click();
    const form = organiser.getByTestId('announcement-form');
    const text = '15:30 から会場Bで全体説明を行います <b>必ず</b>';
    await form.getByLabel('本文（日本語）').fill(text);
    await form.getByRole('button', { name: '全画面に表示' }).click();
    await organiser.getByText('アナウンスを表示しました').waitFor({ timeout: 15_000 }).catch(async (error) => {
      const alerts = await organiser.locator('.ant-alert, .ant-form-item-explain').allTextContents();
      throw new Error(`the announcement was not posted: ${alerts.join(' | ')} (${error.message})`);
    });
    const banner = participant.getByTestId('announcement-banner');
    await banner.waitFor({ timeout: 15_000 });
    assert.ok((await banner.textContent()).includes(text), 'the banner shows the text as typed');
    assert.equal(await banner.locator('b').count(), 0, 'no HTML from the announcement');

    // An immediate 30-second break from the Breaks tab.
    await organiser.getByRole('tab', { name: '休憩' }).click();
    const breakForm = organiser.getByTestId('break-form');
    await breakForm.getByLabel('長さ（分）').fill('0.5');
    await breakForm.getByLabel('メッセージ（日本語）').fill('コーヒー休憩です');
    await breakForm.getByRole('button', { name: '休憩を設定' }).click();
    const overlay = participant.getByTestId('break-overlay');
    await overlay.waitFor({ timeout: 15_000 });
    assert.ok((await overlay.textContent()).includes('コーヒー休憩です'));
    const countdown = participant.getByTestId('break-countdown');
    const first = await countdown.textContent();
    assert.match(first, /^0:(2\d|30)$/, `a countdown from 0:30 (${first})`);
    await waitForValue(() => countdown.textContent(), (value) => value !== first, 'the countdown moves', 5_000);
    // The overlay covers the whole viewport and is a modal dialog.
    const box = await overlay.boundingBox();
    assert.ok(box && box.width >= 1300 && box.height >= 700, `full screen (${JSON.stringify(box)})`);
    assert.equal(await overlay.getAttribute('role'), 'dialog');

    const withOverlay = await new AxeBuilder({ page: participant }).analyze();
    assert.deepEqual(seriousViolations(withOverlay), [], 'participant console with announcement and break');
    const controlFloor = await new AxeBuilder({ page: organiser }).include('.ant-tabs').analyze();
    assert.deepEqual(seriousViolations(controlFloor), [], 'control console floor tabs');

    // The organiser ends the break now: the overlay goes, the banner stays.
    const running = organiser.locator('[data-testid^="break-item-"]').first();
    await running.getByRole('button', { name: '今すぐ終了' }).click();
    await overlay.waitFor({ state: 'detached', timeout: 15_000 });
    assert.equal(await banner.count(), 1);
    // The reader closes the banner.
    await banner.getByRole('button', { name: 'アナウンスを閉じる' }).click();
    await banner.waitFor({ state: 'detached' });
  });

  test('an observer rates an inject released to an organisation in the observer console', async () => {
    const observer = server.logins.find((l) => l.role === 'observer');
    assert.ok(observer, 'the demo prints an observer login');
    // Release an ad-hoc inject to the join link's organisation through the API (organiser).
    const { page: organiser } = await browser();
    const exerciseId = await signInAsOrganiser(organiser, server);
    const organisations = await (await organiser.request.get(`/api/exercises/${exerciseId}/organisations?page_size=100`)).json();
    const target = organisations.items.find((o) => o.name === server.joins[0].organisation) ?? organisations.items[0];
    const released = await organiser.request.post(`/api/exercises/${exerciseId}/adhoc-injects`, {
      headers: { 'X-CSRF-Token': await csrfToken(organiser) },
      data: { title: { ja: '評価用の臨時インジェクト', en: 'Ad hoc for rating' }, body: { ja: '本文' }, audience: { everyone: false, organisation_ids: [target.id] } },
    });
    assert.equal(released.status(), 201, await released.text());

    const { page } = await browser();
    await page.goto('/login');
    await page.getByLabel('ログインID').fill(observer.login);
    await page.getByLabel('パスワード').fill(observer.password);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await waitForPath(page, (p) => p !== '/login', 'after sign-in');
    await page.goto(`/exercises/${exerciseId}/observe`);
    await page.getByRole('heading', { name: '評価者コンソール' }).waitFor();
    const picker = page.locator('#observe-organisation-picker');
    await picker.click();
    await page.keyboard.type(target.name.slice(0, 4));
    await page.locator('.ant-select-item-option', { hasText: target.name }).first().click();
    await page.keyboard.press('Escape');
    const rating = page.locator('form[data-testid^="observation-form-"]', { hasText: '評価用の臨時インジェクト' });
    await rating.waitFor({ timeout: 15_000 });
    await rating.getByText('4 適切').click();
    await rating.getByLabel('コメント').fill('初動の判断が早い');
    await rating.getByRole('button', { name: '保存' }).click();
    await waitForValue(() => rating.getByTestId('observation-state').textContent(), (v) => v.startsWith('保存済み'), 'saved');
    const results = await new AxeBuilder({ page }).analyze();
    assert.deepEqual(seriousViolations(results), [], 'observer console');
    const stored = await (await page.request.get(`/api/exercises/${exerciseId}/observations?mine=true`)).json();
    assert.equal(stored.total, 1);
    assert.equal(stored.items[0].rating, 4);
  });
});
