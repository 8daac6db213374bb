// Every page of every desk fits a 390 px phone (issue 13, part 6).
//
// Seller, officer, admin and buyer each sign in on a phone-sized Chromium; the
// walk starts from the desks their header menu links to and follows links two
// steps out (desk → its own pages, such as the office's registry or the order
// desk → one page of each kind, such as one order or one case). Every page is
// checked for sideways scrolling and for text columns too narrow to read
// (see `layoutProblems`). All problems are collected and reported together,
// naming the page and the element. Run by `run.sh`, or alone:
//   bash tests/browser/run.sh --test-name-pattern=phone    (PHONE_SHOTS=1 keeps a picture of every page)

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ACCOUNTS, PHONE, bankTransfer, clickAndWait, launchBrowser, phoneContext, screenshotPath, signIn, startServer } from './helpers.mjs';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
}, { timeout: 180_000 });

after(async () => {
  await browser?.close().catch(() => {});
  await server?.stop();
  if (process.env.KEEP_TMP) console.log(`server temp dir kept: ${server?.tmp}`);
  else server?.removeTmp();
});

/** Links that are not pages to read: downloads, machine answers, actions and the language switch. */
const SKIP_PATH = [/^\/api\//, /^\/assets\//, /^\/lang\//, /^\/signout$/, /\.(xlsx|xls|csv|pdf|svg|png|jpe?g|webp|json|zip)$/i];

/**
 * The route a URL is an instance of: a path segment holding a digit or a dash,
 * or written in capitals (ids, slugs, order codes, GTINs) stands for any; the query is left out, so
 * `/office/cases?status=open` and `/office/cases?province=12` are one route.
 */
function routeOf(url) {
  return url.pathname
    .split('/')
    .map((s) => (/[\d-]/.test(s) || /^[A-Z0-9]{6,}$/.test(s) || s.length > 24 ? ':x' : s))
    .join('/');
}

/**
 * Everything on the page that would not read well on a phone, as strings
 * naming the element. Runs in the page.
 *
 * The criteria:
 * - sideways scrolling: the document is wider than the window;
 * - the header's name and menu (its top-level links and buttons) take more than one line;
 * - a text column too narrow: a visible table cell (`td`, `th`) or description
 *   (`dd`) with text is narrower than a short word — less than the width of
 *   "0000" in its own font, unless its whole text is shorter than that; and
 * - a word broken letter by letter: any word (between spaces, hyphens, dashes
 *   or slashes, where lines may break) inside such an element whose text lies on
 *   more than one line (its Range has client rectangles
 *   at different heights). That is what narrow columns with `overflow-wrap:
 *   anywhere` do to words; normal wrapping between words is fine. Only words
 *   that fit 40% of a phone's line count: a long e-mail address or URL may break.
 */
function layoutProblems(phoneWidth) {
  const problems = [];
  const doc = document.documentElement;
  // Not innerWidth: a mobile browser widens its layout viewport to the content.
  if (doc.scrollWidth > phoneWidth) {
    const wide = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > phoneWidth + 0.5)
      .filter((e) => !e.parentElement || e.parentElement.getBoundingClientRect().right <= phoneWidth + 0.5)
      .slice(0, 3)
      .map(describe);
    problems.push(`scrolls sideways: scrollWidth ${doc.scrollWidth} > ${phoneWidth} (widest: ${wide.join('; ')})`);
  }

  function describe(el) {
    let name = el.tagName.toLowerCase();
    if (el.id) name += `#${el.id}`;
    if (el.classList.length) name += `.${[...el.classList].join('.')}`;
    const cell = el.closest('td, th');
    if (cell) {
      const table = cell.closest('table');
      const head = table?.querySelector('thead tr')?.children[cell.cellIndex];
      const label = cell.dataset.label || head?.innerText.trim();
      if (label) name += ` in column "${label}"`;
    }
    const text = (el.innerText || '').trim().replace(/\s+/g, ' ');
    return `${name} "${text.slice(0, 40)}"`;
  }

  // Rendered, and not inside a visually hidden box (a 1 px clipped table head).
  const visible = (el) => {
    if (el.getClientRects().length === 0 || getComputedStyle(el).visibility === 'hidden') return false;
    for (let a = el; a && a !== document.body; a = a.parentElement) {
      const r = a.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1) return false;
    }
    return true;
  };

  // The header's name and menu on one line.
  const menu = document.querySelector('header nav');
  if (menu && visible(menu)) {
    // Items share a line when they overlap vertically (they are centred, not top-aligned).
    const items = [document.querySelector('header .brand'), ...menu.children].filter((e) => e && visible(e));
    const boxes = items.map((e) => e.getBoundingClientRect()).sort((a, b) => a.top - b.top);
    let lines = 0;
    let bottom = -Infinity;
    for (const b of boxes) {
      if (b.top >= bottom - 2) lines += 1;
      bottom = Math.max(bottom, b.bottom);
    }
    if (lines > 1) problems.push(`header on ${lines} lines: ${items.map(describe).join(', ')}`);
  }

  const ctx = document.createElement('canvas').getContext('2d');
  const widthOf = (text, el) => {
    const cs = getComputedStyle(el);
    ctx.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
    return ctx.measureText(text).width;
  };
  // A word that fits in 40% of a phone's line (about 18 characters) fits any sensible column.
  const shortWord = 0.4 * (phoneWidth - 32);

  for (const el of document.querySelectorAll('main td, main th, main dd')) {
    const text = el.innerText.trim();
    if (!text || !visible(el)) continue;
    const cs = getComputedStyle(el);
    const inner = el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
    const need = Math.min(widthOf('0000', el), widthOf(text.split('\n')[0], el));
    if (inner + 0.5 < need) {
      problems.push(`column too narrow: ${describe(el)} is ${inner.toFixed(0)} px wide, needs ${need.toFixed(0)} px`);
      continue;
    }
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let broken = null;
    for (let node = walker.nextNode(); node && !broken; node = walker.nextNode()) {
      if (!node.parentElement || !visible(node.parentElement)) continue;
      for (const m of node.data.matchAll(/[^\s\-\u2010-\u2014/]+/g)) {
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top / 4)));
        if (tops.size > 1 && widthOf(m[0], node.parentElement) <= shortWord) {
          broken = m[0];
          break;
        }
      }
    }
    if (broken) problems.push(`word broken over lines: "${broken}" in ${describe(el)} (${inner.toFixed(0)} px wide)`);
  }
  return problems;
}

/** Same-site page links under `selector` (absolute URLs), minus downloads and actions. */
async function pageLinks(page, selector) {
  const hrefs = await page
    .locator(selector)
    .evaluateAll((as) => as.filter((a) => !a.hasAttribute('download')).map((a) => a.href));
  const origin = new URL(server.baseURL).origin;
  return hrefs
    .map((h) => new URL(h))
    .filter((u) => u.origin === origin && !SKIP_PATH.some((re) => re.test(u.pathname)))
    .map((u) => {
      u.hash = '';
      return u;
    });
}

/**
 * Signs in as `who` on a phone, walks the desks' pages (one page per route) and
 * returns every problem found, each prefixed by the page's path.
 */
async function walkDesks(who) {
  const context = await phoneContext(browser, server.baseURL);
  const page = await context.newPage();
  const problems = [];
  const visited = new Map(); // route → URL
  try {
    await signIn(page, ACCOUNTS[who]);
    // The desks: what the header's menu links to (open or folded away in a menu).
    let frontier = await pageLinks(page, 'header nav a[href]');
    assert.ok(frontier.length > 0, `${who}: no links in the header menu`);
    for (let depth = 0; depth <= 2 && frontier.length; depth++) {
      const next = [];
      for (const url of frontier) {
        const route = routeOf(url);
        if (visited.has(route)) continue;
        visited.set(route, url.pathname + url.search);
        const where = `${who} ${url.pathname}${url.search}`;
        const res = await page.goto(url.href, { waitUntil: 'load' });
        // A broken link or a server error is a problem; another 4xx page (a form
        // that asks for more, such as the office without a province) is checked like any page.
        const status = res?.status() ?? 0;
        if (status === 404 || status >= 500 || status === 0) {
          problems.push(`${where}: HTTP ${status}`);
          continue;
        }
        if (status >= 400) console.log(`${where}: HTTP ${status} (checked as a page)`);
        const found = await page.evaluate(layoutProblems, PHONE.width);
        problems.push(...found.map((p) => `${where}: ${p}`));
        if (process.env.PHONE_SHOTS || found.length) {
          const name = `${found.length ? 'FAILED-' : ''}phone-${who}${route.replace(/[^a-z0-9]+/gi, '-')}`;
          await page.screenshot({ path: screenshotPath(name), fullPage: true, clip: { x: 0, y: 0, width: PHONE.width + 40, height: 2400 } });
        }
        if (depth < 2) next.push(...(await pageLinks(page, 'main a[href]')));
      }
      frontier = next;
    }
  } finally {
    await context.close();
  }
  return { problems, visited };
}

/** A buyer orders two of the demo seller's products (VietQR) and pays one, so the order desks have rows. */
async function placeOrders() {
  const context = await phoneContext(browser, server.baseURL);
  const page = await context.newPage();
  try {
    await signIn(page, ACCOUNTS.buyer);
    for (const paid of [true, false]) {
      await page.goto(`/s/${ACCOUNTS.seller.producer}`);
      await clickAndWait(page, page.locator('main .card a').first(), /\/p\/[^/?#]+$/);
      await clickAndWait(page, page.getByRole('button', { name: 'Thêm vào giỏ' }), /\/cart$/);
      await clickAndWait(page, page.getByRole('link', { name: 'Đặt hàng' }), /\/checkout$/);
      const form = page.locator('main form[action="/checkout"]');
      await form.getByLabel('Họ và tên').fill('Giàng Thị Mỷ');
      await form.getByLabel('Điện thoại').fill('0912 345 678');
      await form.locator('#province').selectOption('12');
      await page.waitForFunction(() => document.querySelectorAll('#commune option').length > 1);
      await form.locator('#commune').selectOption({ index: 1 });
      await form.getByLabel('Số nhà, thôn/bản, đường').fill('Bản Nậm Tăm, tổ 3');
      await form.getByLabel(/Chuyển khoản VietQR/).check();
      await clickAndWait(page, form.getByRole('button', { name: 'Đặt hàng' }), /\/orders\/c\/[^/?#]+$/);
      if (!paid) continue;
      const order = page.locator('main section.box').first();
      const fact = (name) => order.locator(`dl.facts dt:text-is("${name}") + dd`).innerText();
      const answer = await bankTransfer(server.baseURL, {
        code: await order.getAttribute('aria-label'),
        amount: Number((await fact('Số tiền')).replace(/[^\d]/g, '')),
        accountNumber: (await fact('Số tài khoản')).trim(),
      });
      assert.equal(answer.outcome, 'paid', JSON.stringify(answer));
    }
  } finally {
    await context.close();
  }
}

describe('every desk page fits a 390 px phone', { concurrency: false }, () => {
  before(placeOrders, { timeout: 120_000 });

  for (const [who, mustSee] of [
    ['seller', ['/seller', '/seller/orders', '/orders/:x', '/seller/products/:x/edit', '/seller/products/:x/batches']],
    ['officer', ['/office', '/office/registry', '/office/cases', '/office/cases/:x', '/office/fairs', '/office/fairs/:x']],
    ['admin', ['/admin', '/seller/producers/:x/edit']],
    ['buyer', ['/cart', '/orders', '/orders/:x']],
  ]) {
    test(`${who}: no sideways scrolling, no column narrower than a short word`, { timeout: 240_000 }, async () => {
      const { problems, visited } = await walkDesks(who);
      for (const route of mustSee) assert.ok(visited.has(route), `${who}: the walk never reached ${route} (visited ${[...visited.keys()].join(' ')})`);
      console.log(`${who}: ${visited.size} pages: ${[...visited.values()].join(' ')}`);
      assert.deepEqual(problems, [], `${who}: ${problems.length} problems at ${PHONE.width} px:\n${problems.join('\n')}`);
    });
  }
});
