// Browser helpers shared by the e2e tests: waiting for client-side navigation, signing
// in through the login form, and filtering axe results.
import assert from 'node:assert/strict';

// Waits until the address matches (client-side navigation: no page load to wait for).
export async function waitForPath(page, predicate, what, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (predicate(new URL(page.url()).pathname)) return new URL(page.url()).pathname;
    await page.waitForTimeout(100);
  }
  assert.fail(`${what}: still at ${page.url()}`);
}

// Polls `read` until `predicate` holds for its value; fails with the last value.
export async function waitForValue(read, predicate, what, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  let value;
  while (Date.now() < deadline) {
    value = await read();
    if (predicate(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  assert.fail(`${what}: last value ${JSON.stringify(value)}`);
}

export function organiserAccount(server) {
  const account = server.logins.find((l) => l.role === 'organiser');
  assert.ok(account, 'the demo prints an organiser login');
  return account;
}

// Signs in through the login form and returns the exercise id of the organiser home.
export async function signInAsOrganiser(page, server) {
  const { login, password } = organiserAccount(server);
  await page.goto('/login');
  await page.getByLabel('ログインID').fill(login);
  await page.getByLabel('パスワード').fill(password);
  await page.getByRole('button', { name: 'ログイン' }).click();
  const home = /^\/exercises\/\d+$/;
  const landed = await waitForPath(page, (p) => p === '/' || home.test(p), 'after sign-in');
  if (landed === '/') {
    // "/" goes straight on with one exercise; with several it shows the chooser.
    const chooser = page.getByRole('heading', { name: '演習の選択' });
    await waitForPath(page, (p) => home.test(p) || p === '/', 'chooser');
    const deadline = Date.now() + 20_000;
    while (!home.test(new URL(page.url()).pathname) && Date.now() < deadline) {
      if (await chooser.isVisible()) {
        await page.getByRole('main').getByRole('link', { name: /demo|デモ/i }).first().click();
        break;
      }
      await page.waitForTimeout(100);
    }
  }
  const path = await waitForPath(page, (p) => home.test(p), 'organiser home');
  await page.getByTestId('organisation-total').filter({ hasText: /\d/ }).waitFor();
  return Number(path.split('/')[2]);
}

export function seriousViolations(results) {
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`);
}

// The session's CSRF token, for API calls made with the page's cookies.
export async function csrfToken(page) {
  const session = await page.request.get('/api/auth/session');
  assert.equal(session.status(), 200);
  return (await session.json()).csrf_token;
}
