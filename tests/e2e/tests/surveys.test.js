// Surveys in two browsers against a real `enshu demo` server: the organiser adds the
// bundled feedback-session survey (意見交換会アンケート) from its template and opens it;
// an org lead answers it in a second browser, where choosing "did not take part" hides
// the follow-up questions for those who took part (show-if) and shows the reasons; the
// organiser then sees the answer counted in the results. axe scans the answer form and
// the results page. A second test walks the session pages: the organiser adds a feedback
// session, an org lead registers a person, the organiser records attendance and an opinion.
// Run: ENSHU_BINARY=…/enshu ENSHU_WEB_ROOT=…/dist node --test tests/surveys.test.js
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

describe('surveys', () => {
  before(async () => {
    server = await startDemoServer();
  });

  after(async () => {
    for (const opened of browsers) await opened.close();
    if (server) await server.stop();
  });

  test('the organiser opens the feedback-session template, an org lead answers it with show-if, the result counts it', async () => {
    // Organiser: add the template and open it.
    const { page: organiser } = await browser();
    const exerciseId = await signInAsOrganiser(organiser, server);
    await organiser.getByTestId('nav-surveys').click();
    await waitForPath(organiser, (p) => p === `/exercises/${exerciseId}/surveys`, 'surveys page');
    await organiser.getByRole('heading', { name: 'アンケート' }).waitFor();
    await organiser.getByRole('combobox', { name: 'テンプレートを選択' }).click();
    await organiser.locator('.ant-select-item-option', { hasText: '意見交換会アンケート' }).click();
    await organiser.getByTestId('add-template').click();
    await organiser.getByTestId('open-feedback_session').click();
    const row = organiser.getByTestId('survey-table').locator('tr', { hasText: '意見交換会アンケート' });
    await row.getByTestId('survey-status').filter({ hasText: '回答受付中' }).waitFor();

    // Org lead of a demo organisation in a second browser: join, open the survey list.
    const join = server.joins[0];
    assert.ok(join, 'the demo prints a join link');
    const { page: lead } = await browser();
    await lead.goto(`/join#${encodeURIComponent(join.token)}`);
    await waitForPath(lead, (p) => /^\/exercises\/\d+\/organisations\/\d+$/.test(p), 'after join');
    await lead.getByTestId('nav-surveys').click();
    await waitForPath(lead, (p) => p === `/exercises/${exerciseId}/surveys`, 'surveys page (org lead)');
    await lead.getByTestId('answer-feedback_session').click();
    await waitForPath(lead, (p) => /\/surveys\/\d+\/answer$/.test(p), 'answer page');
    await lead.getByTestId('question-joined').waitFor();

    // Show-if: "took part" shows the meaningful question; "did not take part" hides it and asks why.
    await lead.getByLabel('参加した', { exact: true }).check();
    await lead.getByTestId('question-meaningful').waitFor();
    await lead.getByLabel('参加しなかった', { exact: true }).check();
    await lead.getByTestId('question-meaningful').waitFor({ state: 'detached' });
    await lead.getByTestId('question-not_joined_reasons').waitFor();
    assert.equal(await lead.getByTestId('question-time').count(), 0, 'the time question is hidden too');
    const form = await new AxeBuilder({ page: lead }).analyze();
    assert.deepEqual(seriousViolations(form), [], 'answer form');
    await lead.getByLabel('業務都合または他業務との兼ね合い').check();
    await lead.getByLabel('その他', { exact: true }).check();
    await lead.getByTestId('question-not_joined_other').locator('textarea').fill('日程が合わなかった');
    await lead.getByTestId('survey-submit').click();
    await lead.getByTestId('survey-thanks').waitFor();

    // Organiser: the results count the answer.
    await row.getByTestId('results-feedback_session').click();
    await waitForPath(organiser, (p) => /\/surveys\/\d+\/results$/.test(p), 'results page');
    const responses = await waitForValue(
      () => organiser.getByTestId('results-responses').textContent(),
      (text) => text?.trim() === '1',
      'one response in the results',
    );
    assert.equal(responses.trim(), '1');
    assert.equal((await organiser.getByTestId('count-joined-not_joined').textContent())?.trim(), '1');
    assert.equal((await organiser.getByTestId('count-joined-joined').textContent())?.trim(), '0');
    assert.equal((await organiser.getByTestId('count-not_joined_reasons-business').textContent())?.trim(), '1');
    await organiser.getByText('日程が合わなかった').waitFor();
    const results = await new AxeBuilder({ page: organiser }).analyze();
    assert.deepEqual(seriousViolations(results), [], 'results page');
  });

  test('the organiser writes a survey in the editor with a show-if condition', async () => {
    const { page: organiser } = await browser();
    const exerciseId = await signInAsOrganiser(organiser, server);
    await organiser.goto(`/exercises/${exerciseId}/surveys`);
    await organiser.getByTestId('new-survey').click();
    await waitForPath(organiser, (p) => p.endsWith('/surveys/new/edit'), 'editor');
    await organiser.getByLabel('コード（英小文字・数字・_）').fill('bcp_check');
    await organiser.getByLabel('題名（日本語）').fill('BCP確認アンケート');
    const first = organiser.getByTestId('editor-question-0');
    await first.getByLabel('設問文（日本語）').fill('IT-BCPはありますか。');
    await first.getByLabel('選択肢 1（日本語）').fill('ある');
    await first.getByLabel('選択肢 2（日本語）').fill('ない');
    await organiser.getByRole('button', { name: '設問を追加' }).click();
    const second = organiser.getByTestId('editor-question-1');
    await second.getByRole('combobox', { name: '設問の種類' }).click();
    await organiser.locator('.ant-select-item-option', { hasText: '自由記述' }).last().click();
    await second.getByLabel('設問文（日本語）').fill('最後に見直した時期');
    await second.getByRole('combobox', { name: '表示条件' }).click();
    await organiser.locator('.ant-select-item-option', { hasText: 'IT-BCPはありますか。' }).last().click();
    await second.getByRole('combobox', { name: 'この回答のときに表示' }).click();
    await organiser.locator('.ant-select-item-option', { hasText: 'ある' }).last().click();
    await organiser.getByTestId('survey-save').click();
    await waitForPath(organiser, (p) => p === `/exercises/${exerciseId}/surveys`, 'back to the list');
    const row = organiser.getByTestId('survey-table').locator('tr', { hasText: 'BCP確認アンケート' });
    await row.getByTestId('survey-status').filter({ hasText: '下書き' }).waitFor();
    // The stored definition keeps the condition.
    const surveys = await (await organiser.request.get(`/api/exercises/${exerciseId}/surveys`)).json();
    const stored = surveys.items.find((item) => item.code === 'bcp_check');
    const survey = await (await organiser.request.get(`/api/exercises/${exerciseId}/surveys/${stored.id}`)).json();
    assert.equal(survey.questions[1].kind, 'free_text');
    assert.deepEqual(survey.questions[1].show_if, { question: 'q1', any_of: ['a'] });
  });

  test('a feedback session: added by the organiser, an org lead registers, attendance and an opinion are recorded', async () => {
    const { page: organiser } = await browser();
    const exerciseId = await signInAsOrganiser(organiser, server);
    await organiser.getByTestId('nav-sessions').click();
    await waitForPath(organiser, (p) => p === `/exercises/${exerciseId}/sessions`, 'sessions page');
    await organiser.getByTestId('session-new').click();
    const dialog = organiser.getByRole('dialog');
    await dialog.getByLabel('題名（日本語）').fill('意見交換会 第1回');
    await dialog.getByLabel('開始（現地時刻）').fill('2023-12-14T14:00');
    await dialog.getByLabel('終了（現地時刻）').fill('2023-12-14T16:30');
    await dialog.getByLabel('会場・URL').fill('https://meet.example.jp/1');
    await dialog.getByLabel('テーマ（1行に1つ）').fill('2023年度 分野横断的演習当日の振り返り');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'detached' });
    await organiser.getByRole('link', { name: '意見交換会 第1回' }).click();
    const sessionPath = await waitForPath(organiser, (p) => /\/sessions\/\d+$/.test(p), 'session page');

    const join = server.joins[1] ?? server.joins[0];
    const { page: lead } = await browser();
    await lead.goto(`/join#${encodeURIComponent(join.token)}`);
    await waitForPath(lead, (p) => /^\/exercises\/\d+\/organisations\/\d+$/.test(p), 'after join');
    await lead.goto(sessionPath);
    await lead.getByRole('combobox', { name: '参加者を選択' }).click();
    await lead.locator('.ant-select-item-option').first().click();
    await lead.getByTestId('register').click();
    await lead.getByTestId('session-registered').filter({ hasText: '1 組織 1 名' }).waitFor();

    await organiser.reload();
    await organiser.getByTestId('session-registered').filter({ hasText: '1 組織 1 名' }).waitFor();
    await organiser.locator('.ant-table-row .ant-checkbox-input').first().check();
    await organiser.getByTestId('attendance-save').click();
    await organiser.getByText('出席を保存しました').waitFor();
    await organiser.getByRole('combobox', { name: '意見の種類' }).click();
    await organiser.locator('.ant-select-item-option', { hasText: 'サプライチェーン' }).click();
    await organiser.getByLabel('意見の内容').fill('情報共有を行うサプライチェーンの範囲が課題');
    await organiser.getByTestId('opinion-save').click();
    await organiser.getByTestId('opinion-table').getByText('情報共有を行うサプライチェーンの範囲が課題').waitFor();
    const page = await new AxeBuilder({ page: organiser }).analyze();
    assert.deepEqual(seriousViolations(page), [], 'session page');
  });
});
