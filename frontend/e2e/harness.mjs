// Shared e2e setup: a real doorstep server on a fresh database, plus
// headless Debian Chromium driven by playwright-core (no browser download).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const frontendDir = path.resolve(here, '..');
export const artifactsDir = path.join(here, 'artifacts');

export const ADMIN_EMAIL = 'admin@doorstep.test';
export const ADMIN_PASSWORD = 'Admin-pass-123';

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function runOnce(bin, args, env) {
  const r = spawnSync(bin, args, { env, encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0) {
    throw new Error(`${path.basename(bin)} ${args.join(' ')} failed (${r.status ?? r.signal}):\n${r.stderr}\n${r.stdout}`);
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Starts `doorstep serve` on a new database; returns helpers and stop().
 *  `demo: true` loads the demo data first (published orders, organisations). */
export async function startServer({ demo = false } = {}) {
  const bin = path.resolve(frontendDir, process.env.DOORSTEP_BIN || '../bin/doorstep');
  if (!fs.existsSync(bin)) {
    throw new Error(`server binary not found at ${bin}: run "go build -o bin/doorstep ./server" in the repo root or set DOORSTEP_BIN`);
  }
  const dist = path.resolve(frontendDir, process.env.E2E_DIST || 'dist');
  if (!fs.existsSync(path.join(dist, 'index.html'))) {
    throw new Error(`${dist}/index.html missing: run "npm run build" first`);
  }
  const port = await freePort();
  const pgBase = (process.env.E2E_PG_BASE || 'postgres://postgres@127.0.0.1:5432').replace(/\/+$/, '');
  const dbName = `doorstep_e2e_${randomBytes(6).toString('hex')}`;
  const baseURL = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    DATABASE_URL: `${pgBase}/${dbName}?sslmode=disable`,
    ADDR: `127.0.0.1:${port}`,
    FRONTEND_DIR: dist,
    APP_BASE_URL: baseURL,
    LOG_LEVEL: 'info',
  };
  runOnce(bin, ['migrate'], env);
  runOnce(bin, ['staff', 'create', '--email', ADMIN_EMAIL, '--password', ADMIN_PASSWORD, '--role', 'admin'], env);
  if (demo) runOnce(bin, ['seed', '--demo'], env);

  const proc = spawn(bin, ['serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const logs = []; // parsed JSON log lines from stdout
  const stderr = [];
  let partial = '';
  proc.stdout.setEncoding('utf8');
  proc.stdout.on('data', (chunk) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop();
    for (const line of lines) {
      try {
        logs.push(JSON.parse(line));
      } catch {
        logs.push({ msg: line });
      }
    }
  });
  proc.stderr.setEncoding('utf8');
  proc.stderr.on('data', (chunk) => stderr.push(chunk));
  let exited = null;
  proc.on('exit', (code, signal) => (exited = code ?? signal));

  const dropDatabase = () => {
    const r = spawnSync('psql', [`${pgBase}/postgres?sslmode=disable`, '-q', '-c', `DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    if (r.error || r.status !== 0) console.error(`note: could not drop ${dbName}: ${r.error?.message ?? r.stderr}`);
  };
  const stop = async () => {
    // Server errors are logged with their request id; show them so a 500 in
    // a test can be traced without rerunning.
    const errors = logs.filter((l) => l.level === 'ERROR');
    if (errors.length) console.error(`server errors:\n${errors.map((l) => JSON.stringify(l)).join('\n')}`);
    if (exited === null) {
      proc.kill('SIGTERM');
      for (let i = 0; i < 50 && exited === null; i++) await sleep(100);
      if (exited === null) proc.kill('SIGKILL');
    }
    dropDatabase();
  };

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited !== null) {
      dropDatabase();
      throw new Error(`server exited (${exited}) before it was ready:\n${stderr.join('')}\n${logs.map((l) => JSON.stringify(l)).join('\n')}`);
    }
    try {
      const res = await fetch(`${baseURL}/readyz`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`server not ready after 30s:\n${stderr.join('')}\n${logs.map((l) => JSON.stringify(l)).join('\n')}`);
    }
    await sleep(200);
  }

  /** The first link to `${baseURL}${route}?token=…` in a dev mail to `to`. */
  const mailLink = async (to, route) => {
    const re = new RegExp(`${baseURL.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${route}\\?token=[A-Za-z0-9_\\-.%]+`);
    const until = Date.now() + 10_000;
    while (Date.now() < until) {
      for (let i = logs.length - 1; i >= 0; i--) {
        const l = logs[i];
        if (l.to !== to) continue;
        const m = re.exec(String(l.body ?? JSON.stringify(l)));
        if (m) return m[0];
      }
      await sleep(100);
    }
    throw new Error(`no mail to ${to} with a ${route} link; mail log lines:\n${logs.filter((l) => l.to).map((l) => JSON.stringify(l)).join('\n')}`);
  };

  /** One row's first column from the server's database (psql -tA). */
  const sql = (query) => {
    const r = spawnSync('psql', [env.DATABASE_URL, '-tAc', query], { encoding: 'utf8', timeout: 30_000 });
    if (r.status !== 0) throw new Error(`psql: ${r.stderr}`);
    return r.stdout.trim();
  };

  return { baseURL, dbName, logs, stderr, mailLink, sql, stop };
}

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export function safeName(name) {
  return name.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 100);
}

/** Saves a full-page screenshot of each open page: `contexts` maps a
 *  person ("company", "staff", …) to their browser context. The context used
 *  last is saved as <test-name>.png, the others as <test-name>-<person>.png. */
export async function screenshotOnFailure(name, contexts, last) {
  fs.mkdirSync(artifactsDir, { recursive: true });
  for (const [who, ctx] of Object.entries(contexts)) {
    for (const [i, page] of (ctx?.pages() ?? []).entries()) {
      const suffix = (who === last ? '' : `-${who}`) + (i > 0 ? `-${i + 1}` : '');
      await page.screenshot({ path: path.join(artifactsDir, `${safeName(name)}${suffix}.png`), fullPage: true }).catch(() => {});
    }
  }
}

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** A valid unified social credit code from 17 characters (test data only). */
export function creditCode(first17) {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i]) * WEIGHTS[i];
  const c = 31 - (sum % 31);
  return first17 + CHARSET[c === 31 ? 0 : c];
}

/** A random valid credit code, so repeated runs never collide. */
export function randomCreditCode() {
  const body = Array.from({ length: 9 }, () => CHARSET[Math.floor(Math.random() * 31)]).join('');
  return creditCode(`91371602${body}`);
}
