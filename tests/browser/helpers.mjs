// Helpers for the browser journeys: the demo server, the browser, a PNG maker,
// and the page checks every journey repeats. Nothing here knows a journey.

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import qrcode from 'qrcode-generator';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const SCREENSHOTS = path.join(HERE, 'screenshots');
export const PHONE = { width: 390, height: 844 };

export const ACCOUNTS = {
  seller: { email: 'seller@dacsan.vn', password: 'dacsan-seller', producer: 'htx-che-shan-tuyet-sin-ho' },
  admin: { email: 'admin@dacsan.vn', password: 'dacsan-admin' },
  buyer: { email: 'buyer@dacsan.vn', password: 'dacsan-buyer' },
  officer: { email: 'officer@dacsan.vn', password: 'dacsan-officer', province: '12' },
};

/** The secret in the carriers' notification URL the test server accepts. */
export const SHIPPING_HOOK_TOKEN = 'browser-test-shipping-hook';

/**
 * A local server that answers GHN's calls as its documentation says: create (the
 * waybill is "GHN" + our client code; a repeated code gets the same one), the label
 * token and the A5 print page. Returns its base URL (the `DACSAN_GHN_URL` form), the
 * bodies it was sent and `close()`.
 */
export async function startFakeGhn() {
  const http = await import('node:http');
  const creates = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => { raw += chunk; });
    req.on('end', () => {
      const send = (status, body, type = 'application/json') => {
        res.writeHead(status, { 'content-type': type });
        res.end(typeof body === 'string' ? body : JSON.stringify(body));
      };
      if (req.method === 'POST' && req.url === '/shiip/public-api/v2/shipping-order/create') {
        const body = JSON.parse(raw || '{}');
        creates.push({ headers: req.headers, body });
        const waybill = `GHN${String(body.client_order_code).replace(/-/g, '')}`;
        return send(200, { code: 200, message: 'Success', data: { order_code: waybill, total_fee: 45000, expected_delivery_time: '2026-12-06T16:59:59Z' } });
      }
      if (req.method === 'POST' && req.url === '/shiip/public-api/v2/a5/gen-token') {
        return send(200, { code: 200, message: 'Success', data: { token: 'label-token-1' } });
      }
      if (req.method === 'GET' && req.url.startsWith('/a5/public-api/printA5?token=label-token-1')) {
        return send(200, '<!doctype html><title>GHN A5</title><p>Nhãn GHN</p>', 'text/html; charset=utf-8');
      }
      return send(404, { code: 404, message: 'not in this test server' });
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { baseURL: `http://127.0.0.1:${port}/shiip/public-api`, creates, close: () => new Promise((r) => server.close(r)) };
}

/** Sends a GHN status notification to the server's webhook; returns its JSON answer. */
export async function ghnNotification(baseURL, { waybill, clientCode, status, time }) {
  const res = await fetch(`${baseURL}/api/v1/shipping/webhooks/ghn?token=${SHIPPING_HOOK_TOKEN}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ OrderCode: waybill, ClientOrderCode: clientCode, Type: 'switch_status', Status: status, Time: time, Reason: '', ShopID: 81558, CODAmount: 0 }),
    signal: AbortSignal.timeout(10_000),
  });
  assert.equal(res.status, 200, `GHN notification: HTTP ${res.status} ${await res.clone().text()}`);
  return res.json();
}

/** The key the test server accepts on its bank webhook (`Authorization: Apikey …`). */
export const WEBHOOK_KEY = 'browser-test-webhook-key';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A port nobody listens on right now: bind port 0, read it, close. */
export function freePort() {
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

// Every server started here, so that an exit for any reason still kills them.
const running = new Set();
function killAllSync() {
  for (const child of running) {
    try {
      child.kill('SIGKILL');
    } catch {
      /* already gone */
    }
  }
  running.clear();
}
process.on('exit', killAllSync);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    killAllSync();
    process.exit(128 + (os.constants.signals[sig] || 1));
  });
}

/**
 * Starts `dacsan demo` on a fresh SQLite file in a temp dir and waits for
 * `/healthz` to answer 200. Returns { baseURL, tmp, log(), stop() }.
 */
export async function startServer({ healthTimeoutMs = 120_000, env = {} } = {}) {
  const bin = path.resolve(HERE, process.env.DACSAN_BIN || '../../target/debug/dacsan');
  if (!existsSync(bin)) {
    throw new Error(`dacsan binary not found at ${bin}: build it with 'cargo build --bin dacsan' or set DACSAN_BIN`);
  }
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'dacsan-browser-'));
  const port = await freePort();
  const addr = `127.0.0.1:${port}`;
  const logFile = path.join(tmp, 'server.log');
  const out = openSync(logFile, 'a');
  const child = spawn(bin, ['demo', '--database', path.join(tmp, 'b.db'), '--addr', addr], {
    cwd: tmp,
    stdio: ['ignore', out, out],
    env: { ...process.env, RUST_LOG: process.env.RUST_LOG || 'warn', DACSAN_BANK_WEBHOOK_KEY: WEBHOOK_KEY, ...env },
  });
  running.add(child);
  let exited = null;
  const exitPromise = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      running.delete(child);
      resolve(exited);
    });
  });
  const log = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');

  const stop = async () => {
    if (exited) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exitPromise;
    clearTimeout(timer);
  };

  const baseURL = `http://${addr}`;
  const deadline = Date.now() + healthTimeoutMs;
  for (;;) {
    if (exited) {
      const output = log();
      if (!process.env.KEEP_TMP) rmSync(tmp, { recursive: true, force: true });
      throw new Error(`dacsan exited early (${JSON.stringify(exited)}); its output:\n${output}`);
    }
    try {
      const res = await fetch(`${baseURL}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      const output = log();
      if (!process.env.KEEP_TMP) rmSync(tmp, { recursive: true, force: true });
      throw new Error(`dacsan did not answer /healthz with 200 within ${healthTimeoutMs} ms; its output:\n${output}`);
    }
    // Polling interval for the health check (not a wait for a page state).
    await new Promise((r) => setTimeout(r, 250));
  }
  return { baseURL, tmp, log, stop, removeTmp: () => rmSync(tmp, { recursive: true, force: true }) };
}

export async function launchBrowser(extraArgs = []) {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/**
 * A browser whose camera films `videoFile` (a .y4m, see `writeQrVideo`) and is
 * allowed without asking, as on a phone whose owner said yes once.
 */
export function launchBrowserWithCamera(videoFile) {
  return launchBrowser([
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${videoFile}`,
  ]);
}

/**
 * Writes a short Y4M video (640×480, a second at 5 frames/s; Chromium loops it)
 * of a label's QR code holding `text`, black on white with its quiet zone.
 */
export function writeQrVideo(file, text) {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const [width, height, module] = [640, 480, 8];
  const modules = qr.getModuleCount();
  const side = (modules + 8) * module;
  const [left, top] = [(width - side) / 2, (height - side) / 2];
  const luma = Buffer.alloc(width * height, 235);
  for (let row = 0; row < modules; row += 1) {
    for (let col = 0; col < modules; col += 1) {
      if (!qr.isDark(row, col)) continue;
      for (let y = 0; y < module; y += 1) {
        const start = (top + (row + 4) * module + y) * width + left + (col + 4) * module;
        luma.fill(16, start, start + module);
      }
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F5:1 Ip A1:1 C420jpeg\n`);
  writeFileSync(file, Buffer.concat([header, ...Array(5).fill(frame)]));
}

/** A bearer token for a demo account. */
export async function apiToken(baseURL, { email, password }) {
  const { token } = await apiCall(baseURL, null, 'POST', '/api/v1/auth/token', { email, password });
  return token;
}

/** Calls the JSON API and returns the answer's body, failing on anything but 2xx. */
export async function apiCall(baseURL, token, method, path, body) {
  const headers = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${baseURL}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await res.text();
  assert.ok(res.ok, `${method} ${path}: HTTP ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** A phone-sized context; timeouts generous enough for a debug build on 2 shared cores. */
export async function phoneContext(browser, baseURL, options = {}) {
  const context = await browser.newContext({
    baseURL,
    viewport: PHONE,
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    locale: 'vi-VN',
    ...options,
  });
  context.setDefaultTimeout(20_000);
  context.setDefaultNavigationTimeout(30_000);
  return context;
}

// ---------------------------------------------------------------- PNG maker

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A valid RGB PNG (a green-to-brown gradient with a pale disc), written to `file`. */
export function writePng(file, width = 320, height = 240) {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  let i = 0;
  for (let y = 0; y < height; y++) {
    raw[i++] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const dx = x - width / 2;
      const dy = y - height / 2;
      const inDisc = dx * dx + dy * dy < (height / 3) ** 2;
      raw[i++] = inDisc ? 240 : Math.round(40 + (150 * x) / width);
      raw[i++] = inDisc ? 230 : Math.round(120 + (60 * y) / height);
      raw[i++] = inDisc ? 200 : 50;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  writeFileSync(file, png);
  return file;
}

// ---------------------------------------------------------------- checks

/** Strips Vietnamese tone marks and đ, as a buyer without a Vietnamese keyboard types. */
export function withoutMarks(s) {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** Parses "1.234 sản phẩm" / "12 sản phẩm" into a number. */
export function parseCount(text) {
  const m = /([\d.,\u00a0 ]+)/.exec(text);
  assert.ok(m, `no number in "${text}"`);
  return Number(m[1].replace(/[^\d]/g, ''));
}

/**
 * The checks that every public page must pass on a phone: no sideways
 * scrolling at 390 px, an alt on every image, a title and a meta description.
 * Works with JavaScript disabled (Playwright evaluates in its own world).
 */
export async function assertPhoneFriendly(page, what) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scrollWidth <= PHONE.width, `${what}: horizontal overflow, scrollWidth ${scrollWidth} > ${PHONE.width}`);
  const noAlt = await page.locator('img:not([alt])').evaluateAll((imgs) => imgs.map((i) => i.outerHTML));
  assert.deepEqual(noAlt, [], `${what}: images without alt`);
  const title = (await page.title()).trim();
  assert.ok(title.length > 0, `${what}: empty <title>`);
  const desc = await page.locator('head meta[name="description"]').getAttribute('content');
  assert.ok(desc && desc.trim().length > 0, `${what}: missing or empty meta description`);
}

/** Clicks something that navigates, and waits for the new document. */
export async function clickAndWait(page, locator, urlPattern) {
  await Promise.all([page.waitForURL(urlPattern, { waitUntil: 'domcontentloaded' }), locator.click()]);
}

/** Types a query in the site search box (found by its label) and submits it. */
export async function siteSearch(page, query) {
  const box = page.getByRole('search').getByLabel('Tìm sản phẩm');
  await box.fill(query);
  await Promise.all([page.waitForURL(/\/search\?/, { waitUntil: 'domcontentloaded' }), box.press('Enter')]);
}

export async function signIn(page, { email, password }) {
  await page.goto('/signin');
  const form = page.locator('form[action="/signin"]');
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Mật khẩu').fill(password);
  await Promise.all([
    page.waitForURL((u) => u.pathname !== '/signin', { waitUntil: 'domcontentloaded' }),
    form.getByRole('button', { name: 'Đăng nhập' }).click(),
  ]);
  // Signed in: the header offers "Đăng xuất" instead of "Đăng nhập" (on a phone,
  // folded in the header's menu).
  await page.locator('header form[action="/signout"] button').waitFor({ state: 'attached' });
}

export function screenshotPath(name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return path.join(SCREENSHOTS, `${name}.png`);
}

/** Scrolls through the page so lazy images load, then waits until every image has finished. */
export async function loadAllImages(page) {
  await page.evaluate(async () => {
    const step = Math.max(200, window.innerHeight - 100);
    for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
      window.scrollTo(0, y);
      await new Promise((r) => requestAnimationFrame(() => r()));
    }
    window.scrollTo(0, 0);
  });
  await page.waitForFunction(() => [...document.images].every((i) => i.complete), null, { timeout: 20_000 });
}

let transferId = 880_000;

/**
 * The bank tells the server that `amount` ₫ arrived on `accountNumber` with the
 * order code in the transfer content, as SePay's webhook does. Returns its answer
 * ({ success, outcome, order_id }).
 */
export async function bankTransfer(baseURL, { code, amount, accountNumber }) {
  transferId += 1;
  const content = `MBVCB.${transferId} ${code} chuyen tien`;
  const res = await fetch(`${baseURL}/api/v1/payments/bank-webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Apikey ${WEBHOOK_KEY}` },
    body: JSON.stringify({
      id: transferId,
      gateway: 'Vietcombank',
      transactionDate: '2026-11-25 10:00:00',
      accountNumber,
      subAccount: null,
      code: null,
      content,
      transferType: 'in',
      transferAmount: amount,
      accumulated: 0,
      referenceCode: `FT${transferId}`,
      description: content,
    }),
    signal: AbortSignal.timeout(10_000),
  });
  assert.equal(res.status, 200, `bank webhook for ${code}: HTTP ${res.status} ${await res.clone().text()}`);
  return res.json();
}
