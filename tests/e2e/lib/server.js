// Starts `enshu demo` on an ephemeral port with a fresh database and parses what it
// prints: the URL it listens on, the staff logins and the org-lead join links.
// The server is stopped by stop() and, as a last resort, when this process exits.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const LISTENING = /listening on (http:\/\/[^\s]+?:(\d+))\b/;
// "login: <login> password: <password> role: <role>"
const LOGIN = /login:\s*(\S+)\s+password:\s*(\S+)\s+role:\s*(\S+)/;
// "join: <organisation name> <url>" (the name may contain spaces and may be absent; the URL is last)
const JOIN = /join:\s*(?:(.*?)\s+)?(https?:\/\/\S+)\s*$/;

// Parses the demo's stdout lines. Exported for the parser's own test.
export function parseDemoOutput(text) {
  const logins = [];
  const joins = [];
  let baseUrl = null;
  for (const line of text.split(/\r?\n/)) {
    const listening = LISTENING.exec(line);
    if (listening) baseUrl = listening[1];
    const login = LOGIN.exec(line);
    if (login) logins.push({ login: login[1], password: login[2], role: login[3] });
    const join = JOIN.exec(line);
    if (join && !login) {
      const url = new URL(join[2]);
      joins.push({ organisation: join[1] ?? null, url: join[2], token: decodeURIComponent(url.hash.slice(1)) });
    }
  }
  return { baseUrl, logins, joins };
}

function requireEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (make test-e2e sets it)`);
  return value;
}

export async function startDemoServer({ timeoutMs = 60_000 } = {}) {
  const binary = requireEnv('ENSHU_BINARY');
  const webRoot = requireEnv('ENSHU_WEB_ROOT');
  if (!existsSync(binary)) throw new Error(`ENSHU_BINARY ${binary} does not exist: build the server first (make build)`);
  if (!existsSync(path.join(webRoot, 'index.html'))) {
    throw new Error(`ENSHU_WEB_ROOT ${webRoot} has no index.html: build the web UI first (make web)`);
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'enshu-e2e-'));
  const args = ['demo', '--db', path.join(dir, 'e.db'), '--port', '0', '--web-root', webRoot];
  const child = spawn(binary, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env } });
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);

  let output = '';
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let exitInfo = null;
  void exited.then((info) => {
    exitInfo = info;
  });
  const onData = (chunk) => {
    output += chunk.toString('utf8');
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);

  const stop = async () => {
    process.off('exit', killOnExit);
    if (exitInfo === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dir, { recursive: true, force: true });
  };

  // Wait for the listening line, then briefly for the logins and join links.
  const deadline = Date.now() + timeoutMs;
  let parsed = parseDemoOutput(output);
  let settleUntil = null;
  while (true) {
    parsed = parseDemoOutput(output);
    if (exitInfo !== null) {
      await stop();
      throw new Error(`enshu demo exited early (${JSON.stringify(exitInfo)}). Output:\n${output}`);
    }
    if (parsed.baseUrl) {
      settleUntil ??= Date.now() + 5_000;
      const complete = parsed.logins.some((l) => l.role === 'organiser') && parsed.joins.length > 0;
      if (complete || Date.now() > settleUntil) break;
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`enshu demo did not start within ${timeoutMs} ms. Output:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!parsed.logins.some((l) => l.role === 'organiser') || parsed.joins.length === 0) {
    await stop();
    throw new Error(`could not find an organiser login and join links in the demo output:\n${output}`);
  }
  // The demo builds join URLs from its public URL; the token is what matters.
  const baseUrl = parsed.baseUrl.replace('://0.0.0.0:', '://127.0.0.1:');
  return { baseUrl, logins: parsed.logins, joins: parsed.joins, output: () => output, stop };
}
