// The mock PR site in two browsers against a real `enshu demo` server: the org lead of one
// demo organisation writes a statement with an attachment and publishes it; the org lead
// of another organisation, with the PR site already open, sees it appear live on the
// notice board (no reload), downloads nothing unsafe (the attachment link is a download),
// then sees the first organisation's update as version 2 and its withdrawal as a
// tombstone. The organiser posts a social-media item as a persona and it appears live in
// the other browser's press & social tab. axe scans the PR site in both tabs.
// Run: ENSHU_BINARY=…/build/enshu ENSHU_WEB_ROOT=…/web/dist node --test tests/pr_site.test.js
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { openBrowser } from '../lib/browser.js';
import { startDemoServer } from '../lib/server.js';
import { seriousViolations, signInAsOrganiser, waitForPath } from '../lib/ui.js';

let server;
const browsers = [];

async function browser() {
  const opened = await openBrowser({ baseURL: server.baseUrl });
  browsers.push(opened);
  return opened;
}

// Joins with an org lead's link and opens the PR site from the organisation page.
async function joinAndOpenPrSite(join) {
  const { page } = await browser();
  await page.goto(`/join#${encodeURIComponent(join.token)}`);
  const orgPath = await waitForPath(page, (p) => /^\/exercises\/\d+\/organisations\/\d+$/.test(p), 'after join');
  const exerciseId = Number(orgPath.split('/')[2]);
  await page.getByTestId('nav-pr').click();
  await waitForPath(page, (p) => p === `/exercises/${exerciseId}/pr`, 'PR site');
  await page.getByTestId('connection-state').and(page.locator('[data-status="live"]')).waitFor();
  return { page, exerciseId, organisationId: Number(orgPath.split('/')[4]) };
}

describe('PR site', () => {
  before(async () => {
    server = await startDemoServer();
    assert.ok(server.joins.length >= 2, 'the demo prints join links of at least two organisations');
  });

  after(async () => {
    for (const opened of browsers) await opened.close();
    if (server) await server.stop();
  });

  test('a statement published by one organisation appears live for another; update and withdrawal follow', async () => {
    const reader = await joinAndOpenPrSite(server.joins[1]);
    const writer = await joinAndOpenPrSite(server.joins[0]);
    assert.equal(reader.exerciseId, writer.exerciseId);
    assert.notEqual(reader.organisationId, writer.organisationId, 'two different organisations');
    await reader.page.getByTestId('pr-exercise-marking').waitFor();
    assert.match(await reader.page.getByTestId('pr-exercise-marking').textContent(), /演習/);
    const before = await reader.page.getByTestId('statement-card').count();

    // The writer attaches a text file and publishes. The body holds markup: shown as text.
    const directory = mkdtempSync(path.join(tmpdir(), 'enshu-pr-'));
    const file = path.join(directory, 'お知らせ.txt');
    writeFileSync(file, '障害の詳細\n');
    const title = `システム障害のお知らせ ${Date.now()}`;
    await writer.page.getByLabel('件名').fill(title);
    await writer.page.getByLabel('本文').fill('<b>現在</b>、一部のサービスを停止しています。');
    await writer.page.locator('input[type=file]').setInputFiles(file);
    await writer.page.getByTestId('statement-publish').click();
    await writer.page.getByTestId('own-statement').filter({ hasText: title }).waitFor();

    // The reader sees it appear without reloading.
    const card = reader.page.getByTestId('statement-card').filter({ hasText: title });
    await card.waitFor({ timeout: 15_000 });
    assert.equal(await reader.page.getByTestId('statement-card').count(), before + 1);
    assert.match(await card.textContent(), /<b>現在<\/b>/, 'markup is shown as text, not rendered');
    assert.equal(await card.locator('b').count(), 0);
    const link = card.getByTestId('statement-attachment');
    assert.match(await link.textContent(), /お知らせ\.txt/);
    const href = await link.getAttribute('href');
    const download = await reader.page.request.get(href);
    assert.equal(download.status(), 200);
    assert.match(download.headers()['content-disposition'], /^attachment;/);
    assert.equal(download.headers()['x-content-type-options'], 'nosniff');

    const board = await new AxeBuilder({ page: reader.page }).analyze();
    assert.deepEqual(seriousViolations(board), [], 'PR site notice board');

    // An update becomes version 2 live; the withdrawal leaves a tombstone.
    const own = writer.page.getByTestId('own-statement').filter({ hasText: title });
    await own.getByRole('button', { name: '編集' }).click();
    await writer.page.getByLabel('件名').fill(`${title}（第2報）`);
    await writer.page.getByTestId('statement-publish').click();
    await reader.page.getByTestId('statement-card').filter({ hasText: `${title}（第2報）` }).getByText('第2版（更新あり）').waitFor();
    await writer.page.getByTestId('own-statement').filter({ hasText: `${title}（第2報）` }).getByRole('button', { name: '取り下げ' }).click();
    await writer.page.locator('.ant-popconfirm').getByRole('button', { name: '取り下げ' }).click();
    await reader.page.getByTestId('statement-tombstone').first().waitFor({ timeout: 15_000 });
    assert.equal(await reader.page.getByTestId('statement-card').filter({ hasText: title }).count(), 0);
  });

  test('a social-media post by the organiser appears live in the press & social tab', async () => {
    const reader = await joinAndOpenPrSite(server.joins[0]);
    await reader.page.getByRole('tab', { name: '報道・SNS' }).click();
    const { page: organiser } = await browser();
    const exerciseId = await signInAsOrganiser(organiser, server);
    assert.equal(exerciseId, reader.exerciseId);
    await organiser.goto(`/exercises/${exerciseId}/pr`);
    // Staff see the report counts under the board: the first test's organisation has posted.
    await organiser.getByRole('heading', { name: '広報の集計（統制・評価者のみ）' }).waitFor();
    await organiser.getByText(/^[1-9]\d* \/ \d+ 組織$/).first().waitFor();
    const counts = await new AxeBuilder({ page: organiser }).analyze();
    assert.deepEqual(seriousViolations(counts), [], 'PR site board with the report counts (organiser)');
    await organiser.getByRole('tab', { name: '報道・SNS' }).click();
    await organiser.getByLabel('発信者名').fill('東京ニュース');
    await organiser.getByLabel('アカウント名').fill(`@tokyo_${Date.now() % 100000}`);
    await organiser.getByRole('button', { name: '発信者を追加' }).click();
    await organiser.getByLabel('発信者', { exact: true }).click();
    await organiser.locator('.ant-select-item-option').filter({ hasText: '東京ニュース' }).first().click();
    const text = `大規模障害の情報 #停電 ${Date.now()}`;
    await organiser.getByLabel('本文（#ハッシュタグ可）').fill(text);
    await organiser.getByRole('button', { name: '投稿する' }).click();

    const post = reader.page.getByTestId('media-card').filter({ hasText: text.split(' #')[0] });
    await post.waitFor({ timeout: 15_000 });
    assert.match(await post.textContent(), /東京ニュース/);
    // The counts move between reads, like a real feed.
    const views = post.getByTestId('media-views');
    const first = await views.textContent();
    await reader.page.waitForTimeout(3000);
    assert.notEqual(await views.textContent(), first, 'the view count ticks');
    await reader.page.getByTestId('trend').filter({ hasText: '#停電' }).waitFor({ timeout: 15_000 });
    const media = await new AxeBuilder({ page: reader.page }).analyze();
    assert.deepEqual(seriousViolations(media), [], 'PR site press & social tab');
    const control = await new AxeBuilder({ page: organiser }).analyze();
    assert.deepEqual(seriousViolations(control), [], 'PR site press & social tab with the post form (organiser)');
  });
});
