// The world desks in real browsers against a real `enshu demo` server:
// 1. an org lead sends an inquiry on the IPA homepage; a controller claims and answers it
//    in the desk queue; the reply appears in the org lead's console without a reload;
// 2. the organiser puts the police first in the reporting priority; the org lead sends one
//    incident report to its ministry and the police; the controller queue lists the two
//    deliveries police first, and the ministry's staff sees its delivery arrive live.
// The inquiry carries a text file that the controller opens. axe scans the desk homepage,
// the queue and the report form.
// Run: ENSHU_BINARY=…/build/enshu ENSHU_WEB_ROOT=…/web/dist node --test tests/desks.test.js
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { openBrowser } from '../lib/browser.js';
import { startDemoServer } from '../lib/server.js';
import { seriousViolations, signInAsOrganiser, waitForPath, waitForValue } from '../lib/ui.js';

let server;
const browsers = [];

async function browser() {
  const opened = await openBrowser({ baseURL: server.baseUrl });
  browsers.push(opened);
  return opened;
}

// Signs a staff member in through the login form and waits until the app has left /login.
async function signInAs(page, login) {
  const account = server.logins.find((l) => l.login === login);
  assert.ok(account, `the demo prints a login for ${login}`);
  await page.goto('/login');
  await page.getByLabel('ログインID').fill(account.login);
  await page.getByLabel('パスワード').fill(account.password);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await waitForPath(page, (p) => p !== '/login', `after sign-in of ${login}`);
}

// Joins with the org lead's link and answers the exercise and organisation ids.
async function joinAsOrgLead(page, join) {
  await page.goto(`/join#${encodeURIComponent(join.token)}`);
  const orgPath = await waitForPath(page, (p) => /^\/exercises\/\d+\/organisations\/\d+$/.test(p), 'after join');
  return { exerciseId: Number(orgPath.split('/')[2]), organisationId: Number(orgPath.split('/')[4]) };
}

async function openConsole(page, exerciseId) {
  await page.goto(`/exercises/${exerciseId}/play`);
  await page.getByTestId('connection-state').and(page.locator('[data-status="live"]')).waitFor();
  await page.getByTestId('organisation-desk-panel').waitFor();
}

async function openQueue(page, exerciseId) {
  await page.goto(`/exercises/${exerciseId}/queue`);
  await page.getByRole('heading', { name: '窓口対応（キュー）' }).waitFor();
  await page.getByTestId('connection-state').and(page.locator('[data-status="live"]')).waitFor();
}

describe('world desks', () => {
  before(async () => {
    server = await startDemoServer();
    assert.ok(server.joins.length >= 2, 'the demo prints join links');
  });

  after(async () => {
    for (const opened of browsers) await opened.close();
    if (server) await server.stop();
  });

  test('an inquiry answered in the controller queue appears in the participant console without reload', async () => {
    const { page: participant } = await browser();
    const { exerciseId } = await joinAsOrgLead(participant, server.joins[0]);

    // The IPA homepage: marked as an exercise page, with the inquiry form.
    await participant.goto(`/exercises/${exerciseId}/desks`);
    await participant.getByRole('link', { name: /情報処理推進機構/ }).click();
    await waitForPath(participant, (p) => /\/desks\/\d+$/.test(p), 'IPA homepage');
    await participant.getByTestId('desk-marking').filter({ hasText: '演習 / EXERCISE' }).waitFor();
    const subject = `ランサムウェアの相談 ${Date.now()}`;
    await participant.getByLabel('件名').fill(subject);
    await participant.getByLabel('内容').fill('ファイルが暗号化されました。<b>至急</b>助言をお願いします。');
    await participant.getByLabel('担当者名').fill('CSIRT 山田');
    await participant.getByTestId('desk-file-input').setInputFiles({
      name: 'detection-log.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('13:05 EDR alert: mass file encryption on FS01\n'),
    });
    await participant.getByText('detection-log.txt').waitFor();
    const homepage = await new AxeBuilder({ page: participant }).analyze();
    assert.deepEqual(seriousViolations(homepage), [], 'desk homepage');
    await participant.getByRole('button', { name: '送信する' }).click();
    await participant.getByText('送信しました。回答は演習コンソールに表示されます。').waitFor();

    // Back in the console: the case is listed; open its thread and keep the page.
    await openConsole(participant, exerciseId);
    const caseItem = participant.getByTestId('organisation-case').filter({ hasText: subject });
    await caseItem.waitFor();
    await caseItem.getByRole('button', { name: '開く' }).click();
    await participant.getByTestId('case-message-inbound').waitFor();
    await participant.evaluate(() => {
      window.__desksNoReload = true;
    });

    // The controller claims and answers it in the queue.
    const { page: controller } = await browser();
    await signInAs(controller, 'controller');
    await openQueue(controller, exerciseId);
    const row = controller.locator('tr', { hasText: subject });
    await row.waitFor();
    await row.getByTestId('waiting-clock').waitFor();
    const queuePage = await new AxeBuilder({ page: controller }).analyze();
    assert.deepEqual(seriousViolations(queuePage), [], 'desk queue');
    await row.getByRole('button', { name: subject }).click();
    const drawer = controller.getByTestId('case-detail');
    await drawer.waitFor();
    // The text is shown as text, never as markup.
    await drawer.getByText('ファイルが暗号化されました。<b>至急</b>助言をお願いします。').waitFor();
    // The attached file opens for the desk (served by the attachment store with safe headers).
    const attachmentUrl = await drawer.getByTestId('case-attachment').getAttribute('href');
    const attachment = await controller.request.get(attachmentUrl);
    assert.equal(attachment.status(), 200);
    assert.equal(await attachment.text(), '13:05 EDR alert: mass file encryption on FS01\n');
    await drawer.getByRole('button', { name: '担当する' }).click();
    await drawer.getByText('担当: ').waitFor();
    const reply = 'ネットワークから切り離し、ログを保全してください。';
    await drawer.getByLabel('本文').fill(reply);
    await drawer.getByRole('button', { name: '送信' }).click();
    await drawer.getByTestId('case-state').filter({ hasText: '回答済み' }).waitFor();

    // The reply reaches the participant's open thread live.
    await participant.getByTestId('case-message-reply').filter({ hasText: reply }).waitFor();
    await caseItem.getByTestId('case-state').filter({ hasText: '回答済み' }).waitFor();
    assert.equal(await participant.evaluate(() => window.__desksNoReload), true, 'the console was not reloaded');
  });

  test('an incident report reaches two recipients in the configured priority order', async () => {
    // The organiser puts the police first.
    const { page: organiser } = await browser();
    const exerciseId = await signInAsOrganiser(organiser, server);
    await organiser.goto(`/exercises/${exerciseId}/desk-settings`);
    const moveUp = organiser.getByRole('button', { name: '警察 を上へ' });
    await moveUp.waitFor();
    for (let i = 0; i < 4; i += 1) await moveUp.click();
    await organiser.getByTestId('priority-npa').filter({ hasText: '1. 警察' }).waitFor();
    await organiser.getByRole('button', { name: '報告先の設定を保存' }).click();
    await organiser.getByText('保存しました').first().waitFor();

    // The org lead's organisation and its ministry.
    const { page: participant } = await browser();
    const { organisationId } = await joinAsOrgLead(participant, server.joins[1]);
    const organisation = await (await participant.request.get(`/api/exercises/${exerciseId}/organisations/${organisationId}`)).json();
    const ministryLogin = `ministry-${organisation.ministry_code}`;

    // The ministry's staff watches its queue.
    const { page: ministry } = await browser();
    await signInAs(ministry, ministryLogin);
    await openQueue(ministry, exerciseId);

    // The report form lists the recipients numbered by priority: the police first.
    await participant.goto(`/exercises/${exerciseId}/incident-report`);
    const recipients = participant.getByTestId('report-recipients').locator('li');
    await waitForValue(() => recipients.count(), (n) => n === 5, 'five recipients listed');
    assert.match(await recipients.first().innerText(), /警察/);
    assert.match(await recipients.nth(1).innerText(), /所管省庁/);
    // Ticked ministry first, police second: delivery still follows the priority.
    await participant.getByTestId('recipient-ministry').check();
    await participant.getByTestId('recipient-npa').check();
    const summary = `基幹システム停止 ${Date.now()}`;
    await participant.getByLabel('発生日時').fill('12月7日 13:10');
    await participant.getByLabel('事象の概要').fill(summary);
    await participant.getByLabel('重要インフラサービスへの影響').fill('受付業務が停止');
    await participant.getByLabel('対応状況').fill('CSIRT を招集し調査中');
    await participant.getByLabel('被害届・相談の意向').fill('相談予定');
    await participant.getByLabel('検知日時').fill('12月7日 13:05');
    await participant.getByLabel('実施済みの対策').fill('ネットワークを遮断');
    const reportForm = await new AxeBuilder({ page: participant }).analyze();
    assert.deepEqual(seriousViolations(reportForm), [], 'incident-report form');
    await participant.getByRole('button', { name: '報告を送信' }).click();
    await participant.getByText('報告を送信しました').waitFor();

    // The ministry's queue receives its delivery live (and only that one).
    const ministryRow = ministry.locator('tr', { hasText: summary });
    await ministryRow.waitFor();
    assert.equal(await ministryRow.count(), 1);
    assert.match(await ministryRow.innerText(), /送付順 2/);

    // The controller's queue lists both deliveries, the police first.
    const { page: controller } = await browser();
    await signInAs(controller, 'controller');
    await openQueue(controller, exerciseId);
    const rows = controller.locator('tr', { hasText: summary });
    await waitForValue(() => rows.count(), (n) => n === 2, 'two deliveries in the controller queue');
    assert.match(await rows.nth(0).innerText(), /警察庁[\s\S]*送付順 1/);
    assert.match(await rows.nth(1).innerText(), /送付順 2/);
  });
});
