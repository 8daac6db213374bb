// Phone-sized journeys through the dacsan demo site, driven by Playwright on
// Debian's Chromium. Run with `bash tests/browser/run.sh` (or `node --test` here).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  ACCOUNTS,
  PHONE,
  assertPhoneFriendly,
  bankTransfer,
  clickAndWait,
  apiCall,
  apiToken,
  launchBrowser,
  launchBrowserWithCamera,
  loadAllImages,
  parseCount,
  phoneContext,
  screenshotPath,
  signIn,
  siteSearch,
  startServer,
  startFakeGhn,
  ghnNotification,
  SHIPPING_HOOK_TOKEN,
  withoutMarks,
  writePng,
  writeQrVideo,
} from './helpers.mjs';

const HERE_DIR = path.dirname(new URL(import.meta.url).pathname);

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let server;
let browser;
let ghn;

before(async () => {
  ghn = await startFakeGhn();
  server = await startServer({
    env: {
      DACSAN_GHN_URL: ghn.baseURL,
      DACSAN_GHN_TOKEN: 'browser-test-ghn-token',
      DACSAN_GHN_SHOP_ID: '81558',
      DACSAN_SHIPPING_WEBHOOK_TOKEN: SHIPPING_HOOK_TOKEN,
      // The journeys sign in some 30 times within minutes from one address; the
      // default (10 a minute) would answer the later ones 429.
      DACSAN_SIGNIN_PER_MINUTE: '120',
    },
  });
  browser = await launchBrowser();
}, { timeout: 180_000 });

after(async () => {
  // Each step on its own, so that a failure in one still runs the others.
  await browser?.close().catch(() => {});
  await ghn?.close().catch(() => {});
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

/** Submits a form whose answer redirects (maybe to the same URL), and waits for the new document. */
async function submitAndWait(page, button) {
  await Promise.all([
    page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame() }),
    button.click(),
  ]);
  await page.waitForLoadState('domcontentloaded');
}

/** The amount in "1.234.000 ₫". */
const vnd = (text) => Number(text.replace(/[^\d]/g, ''));

/** Opens, from the current search results, the first card whose maker matches, and adds it to the cart. */
async function addFromResults(page, { name, maker, notMaker }) {
  let cards = page.locator('main .card').filter({ has: page.locator('.name', { hasText: name }) });
  if (maker) cards = cards.filter({ has: page.locator('.maker', { hasText: maker }) });
  if (notMaker) cards = cards.filter({ hasNot: page.locator('.maker', { hasText: notMaker }) });
  assert.ok((await cards.count()) > 0, `no result for ${name} (maker ${maker ?? 'any'})`);
  const card = cards.first();
  const productName = (await card.locator('.name').innerText()).trim();
  await clickAndWait(page, card.locator('a').first(), /\/p\/[^/?#]+$/);
  assert.equal((await page.locator('main h1').innerText()).trim(), productName);
  const storeHref = await page.locator('main dl.facts a[href^="/s/"]').getAttribute('href');
  await clickAndWait(page, page.getByRole('button', { name: 'Thêm vào giỏ' }), /\/cart$/);
  return { productName, storeHref };
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

  // The OCOP <fieldset> once kept its min-content width (two date inputs side by
  // side) and made the page 405 px wide on a 390 px phone.
  test('f. the seller\'s product form fits a 390 px phone', async () => {
    await inPhone({}, async (page) => {
      await signIn(page, ACCOUNTS.seller);
      await page.goto('/seller');
      await clickAndWait(page, page.getByRole('link', { name: 'Thêm sản phẩm' }).first(), /\/seller\/products\/new/);
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(scrollWidth <= PHONE.width, `seller product form: horizontal overflow, scrollWidth ${scrollWidth} > ${PHONE.width}`);
    });
  });

  test('g. buyer fills a cart from two stores, pays both orders by VietQR; the seller confirms, packs and ships', async () => {
    const teaStore = `/s/${ACCOUNTS.seller.producer}`;
    const placed = await inPhone({}, async (page) => {
      // A tea of the demo seller's cooperative, found without tone marks.
      await page.goto('/');
      await siteSearch(page, 'che shan tuyet sin ho');
      const tea = await addFromResults(page, { name: /Sìn Hồ/, maker: 'Hợp tác xã Chè Shan tuyết Sìn Hồ' });
      assert.equal(tea.storeHref, teaStore, 'the tea should come from the demo seller\'s store');
      // Honey from another store.
      await siteSearch(page, 'mat ong');
      const honey = await addFromResults(page, { name: /Mật ong/, notMaker: 'Hợp tác xã Chè Shan tuyết Sìn Hồ' });
      assert.notEqual(honey.storeHref, teaStore);

      // The cart: one group per store, each line and a total.
      assert.match(await page.locator('main h1').innerText(), /Giỏ hàng/);
      const groups = page.locator('main form[action="/cart/update"] section.box');
      assert.equal(await groups.count(), 2, 'one group per store');
      const groupText = await groups.allInnerTexts();
      assert.ok(groupText.some((t) => t.includes(tea.productName)), `${tea.productName} in the cart`);
      assert.ok(groupText.some((t) => t.includes(honey.productName)), `${honey.productName} in the cart`);
      const subtotals = await groups.locator('p strong').allInnerTexts();
      const total = vnd(await page.locator('main p.total .price').innerText());
      assert.equal(total, subtotals.map(vnd).reduce((a, b) => a + b, 0), 'the total adds up the stores');
      await assertPhoneFriendly(page, 'cart');
      await page.screenshot({ path: screenshotPath('cart') });
      await page.screenshot({ path: screenshotPath('cart-full'), fullPage: true });

      // Checkout: with JavaScript on, the commune list follows the province (htmx).
      await clickAndWait(page, page.getByRole('link', { name: 'Đặt hàng' }), /\/checkout$/);
      const form = page.locator('main form[action="/checkout"]');
      await form.getByLabel('Họ và tên').fill('Nguyễn Thị Lan');
      await form.getByLabel('Điện thoại').fill('0987 654 321');
      await form.locator('#province').selectOption('01');
      await page.waitForFunction(() => document.querySelectorAll('#commune option').length > 1);
      const commune = form.locator('#commune option').nth(1);
      const communeName = (await commune.innerText()).trim();
      await form.locator('#commune').selectOption(await commune.getAttribute('value'));
      await form.getByLabel('Số nhà, thôn/bản, đường').fill('12 phố Hàng Bông');
      await form.getByLabel(/Chuyển khoản VietQR/).check();
      // Delivery from each store is priced for the commune, the cheapest chosen.
      await page.waitForFunction(() => document.querySelectorAll('#delivery .delivery-group').length === 2);
      const fees = [];
      for (const group of await page.locator('#delivery .delivery-group').all()) {
        const options = group.locator('label.delivery-option');
        assert.ok((await options.count()) >= 2, 'several ways to deliver');
        const prices = (await options.locator('.price').allInnerTexts()).map(vnd);
        assert.deepEqual(prices, [...prices].sort((a, b) => a - b), 'cheapest first');
        assert.ok(await options.first().locator('input').isChecked(), 'the cheapest is chosen');
        fees.push(prices[0]);
      }
      const grandTotal = vnd(await page.locator('#delivery p.total .price').innerText());
      assert.equal(grandTotal, total + fees[0] + fees[1], 'the total counts the goods and both deliveries');
      await assertPhoneFriendly(page, 'checkout');
      await page.screenshot({ path: screenshotPath('checkout') });
      await page.screenshot({ path: screenshotPath('checkout-full'), fullPage: true });
      await clickAndWait(page, form.getByRole('button', { name: 'Đặt hàng' }), /\/orders\/c\/[^/?#]+$/);

      // Placed: one order per store, each with its VietQR code.
      const orders = page.locator('main section.box');
      assert.equal(await orders.count(), 2, 'one order per store');
      await loadAllImages(page);
      const qrs = page.locator('main img.qr');
      assert.equal(await qrs.count(), 2, 'a QR code per order');
      for (const width of await qrs.evaluateAll((imgs) => imgs.map((i) => i.naturalWidth))) {
        assert.ok(width > 0, 'the QR picture loaded');
      }
      await assertPhoneFriendly(page, 'placed orders');
      await page.screenshot({ path: screenshotPath('placed') });
      await page.screenshot({ path: screenshotPath('placed-full'), fullPage: true });
      const transfers = [];
      for (const order of await orders.all()) {
        const code = await order.getAttribute('aria-label');
        assert.match(code, /^DS[0-9A-Z]{8}$/);
        const fact = (name) => order.locator(`dl.facts dt:text-is("${name}") + dd`).innerText();
        assert.equal((await fact('Nội dung chuyển khoản')).trim(), code);
        const store = await order.locator('h2 a[href^="/s/"]').getAttribute('href');
        transfers.push({ code, store, amount: vnd(await fact('Số tiền')), accountNumber: (await fact('Số tài khoản')).trim() });
      }

      // The money arrives (the bank's webhook), and the page shows both orders paid.
      for (const t of transfers) {
        const answer = await bankTransfer(server.baseURL, t);
        assert.equal(answer.outcome, 'paid', `${t.code}: ${JSON.stringify(answer)}`);
      }
      await page.reload({ waitUntil: 'domcontentloaded' });
      const badges = await page.locator('main section.box .badge').allInnerTexts();
      assert.deepEqual(badges.map((b) => b.trim()), ['Đã thanh toán', 'Đã thanh toán']);
      assert.equal(await page.locator('main img.qr').count(), 0, 'no QR code once paid');
      return { transfers, communeName };
    });

    const tea = placed.transfers.find((t) => t.store === teaStore);
    assert.ok(tea, 'an order for the demo seller');
    await inPhone({}, async (page) => {
      await signIn(page, ACCOUNTS.seller);
      await page.goto('/seller/orders');
      const row = page.locator('main tbody tr').filter({ has: page.locator(`a[href="/orders/${tea.code}"]`) });
      assert.equal(await row.count(), 1, `${tea.code} on the seller's desk`);
      assert.match(await row.innerText(), /Nguyễn Thị Lan[\s\S]*Đã thanh toán/);
      await assertPhoneFriendly(page, 'order desk');
      await page.screenshot({ path: screenshotPath('seller-orders'), fullPage: true });
      await clickAndWait(page, row.locator(`a[href="/orders/${tea.code}"]`), new RegExp(`/orders/${tea.code}$`));

      const status = () => page.locator('main section.box p .badge').first().innerText();
      assert.equal((await status()).trim(), 'Đã thanh toán');
      const delivery = await page
        .locator('main section.box')
        .filter({ has: page.locator('h2', { hasText: /^Giao hàng$/ }) })
        .innerText();
      assert.ok(delivery.includes('12 phố Hàng Bông') && delivery.includes(placed.communeName), 'the buyer\'s address');
      await submitAndWait(page, page.getByRole('button', { name: 'Xác nhận đơn' }));
      assert.equal((await status()).trim(), 'Đã xác nhận');
      await submitAndWait(page, page.getByRole('button', { name: 'Đã đóng gói xong' }));
      assert.equal((await status()).trim(), 'Đã đóng gói');
      // No carrier API in this demo: the parcel goes with another carrier, by its tracking number.
      await page.getByLabel('Gửi qua').selectOption('other');
      await page.getByLabel(/Tên hãng khác/).fill('VNPost');
      await page.getByLabel(/Mã vận đơn/).fill('EK123456789VN');
      await page.screenshot({ path: screenshotPath('seller-order'), fullPage: true });
      await submitAndWait(page, page.getByRole('button', { name: 'Tạo vận đơn', exact: true }));
      assert.equal((await status()).trim(), 'Đã gửi hàng');
      assert.match(await page.locator('main dl.facts').last().innerText(), /VNPost · EK123456789VN/);
      const parcels = page.locator('main section.box').filter({ has: page.locator('h2', { hasText: /^Kiện hàng$/ }) });
      assert.match(await parcels.innerText(), /EK123456789VN[\s\S]*Hãng đã lấy hàng/);
      await assertPhoneFriendly(page, 'seller order page');
    });
  });

  test('l. buyer picks GHN and pays goods and delivery by VietQR; the seller books GHN and prints the label; the carrier\'s notices reach the buyer', async () => {
    const teaStore = `/s/${ACCOUNTS.seller.producer}`;
    const placed = await inPhone({}, async (page) => {
      await page.goto(teaStore);
      await clickAndWait(page, page.locator('main .card a').first(), /\/p\/[^/?#]+$/);
      await clickAndWait(page, page.getByRole('button', { name: 'Thêm vào giỏ' }), /\/cart$/);
      await clickAndWait(page, page.getByRole('link', { name: 'Đặt hàng' }), /\/checkout$/);
      const subtotal = vnd(await page.locator('main p.total .price').first().innerText());
      const form = page.locator('main form[action="/checkout"]');
      await form.getByLabel('Họ và tên').fill('Trần Văn Minh');
      await form.getByLabel('Điện thoại').fill('0912 000 111');
      await form.locator('#province').selectOption('01');
      await page.waitForFunction(() => document.querySelectorAll('#commune option').length > 1);
      await form.locator('#commune').selectOption(await form.locator('#commune option').nth(1).getAttribute('value'));
      await form.getByLabel('Số nhà, thôn/bản, đường').fill('5 Tràng Tiền');
      await form.getByLabel(/Chuyển khoản VietQR/).check();
      const option = page.locator('#delivery label.delivery-option', { hasText: 'GHN Chuẩn' });
      await option.waitFor();
      await option.locator('input').check();
      await page.waitForTimeout(300); // the section redraws with the choice kept
      const fee = vnd(await page.locator('#delivery label.delivery-option', { hasText: 'GHN Chuẩn' }).locator('.price').innerText());
      assert.ok(await page.locator('#delivery label.delivery-option', { hasText: 'GHN Chuẩn' }).locator('input').isChecked());
      assert.equal(vnd(await page.locator('#delivery p.total .price').innerText()), subtotal + fee);
      await assertPhoneFriendly(page, 'checkout with GHN');
      await page.screenshot({ path: screenshotPath('checkout-ghn'), fullPage: true });
      await clickAndWait(page, form.getByRole('button', { name: 'Đặt hàng' }), /\/orders\/c\/[^/?#]+$/);
      const order = page.locator('main section.box').first();
      const code = await order.getAttribute('aria-label');
      const fact = (name) => order.locator(`dl.facts dt:text-is("${name}") + dd`).innerText();
      const amount = vnd(await fact('Số tiền'));
      assert.equal(amount, subtotal + fee, 'the VietQR amount is goods plus delivery');
      const answer = await bankTransfer(server.baseURL, { code, amount, accountNumber: (await fact('Số tài khoản')).trim() });
      assert.equal(answer.outcome, 'paid');
      return { code, orderURL: `/orders/${code}`, cookies: await page.context().cookies() };
    });

    const booked = await inPhone({}, async (page) => {
      await signIn(page, ACCOUNTS.seller);
      await page.goto(placed.orderURL);
      assert.equal(await page.getByLabel('Gửi qua').inputValue(), 'ghn', 'the carrier the buyer chose');
      await submitAndWait(page, page.getByRole('button', { name: 'Tạo vận đơn', exact: true }));
      const parcels = page.locator('main section.box').filter({ has: page.locator('h2', { hasText: /^Kiện hàng$/ }) });
      const text = await parcels.innerText();
      const waybill = `GHN${placed.code}1`;
      assert.match(text, new RegExp(`GHN · ${waybill}[\\s\\S]*Đã đặt, chờ lấy hàng`));
      assert.equal(ghn.creates.length, 1, 'one booking');
      assert.equal(ghn.creates[0].headers.token, 'browser-test-ghn-token');
      assert.equal(ghn.creates[0].body.client_order_code, `${placed.code}-1`);
      assert.equal(ghn.creates[0].body.cod_amount, 0, 'paid by VietQR: nothing to collect');
      await assertPhoneFriendly(page, 'seller order with a GHN parcel');
      await page.screenshot({ path: screenshotPath('seller-ghn-parcel'), fullPage: true });
      const label = await page.request.get(await parcels.getByRole('link', { name: 'In nhãn gửi hàng' }).getAttribute('href'));
      assert.equal(label.status(), 200);
      assert.match(await label.text(), /Nhãn GHN/, 'the carrier\'s own A5 label');
      return { waybill };
    });

    const at = (hours) => new Date(Date.now() + hours * 3_600_000).toISOString();
    for (const [status, hours] of [['picked', 1], ['transporting', 8], ['delivering', 20], ['delivered', 24]]) {
      const answer = await ghnNotification(server.baseURL, { waybill: booked.waybill, clientCode: `${placed.code}-1`, status, time: at(hours) });
      assert.equal(answer.outcome, 'applied', `${status}: ${JSON.stringify(answer)}`);
    }
    await inPhone({}, async (page) => {
      await page.context().addCookies(placed.cookies);
      await page.goto(placed.orderURL);
      assert.equal((await page.locator('main section.box p .badge').first().innerText()).trim(), 'Đã giao');
      const parcels = page.locator('main section.box').filter({ has: page.locator('h2', { hasText: /^Kiện hàng$/ }) });
      const steps = await parcels.locator('ol.timeline li strong').allInnerTexts();
      assert.deepEqual(steps, ['Đã đặt, chờ lấy hàng', 'Hãng đã lấy hàng', 'Đang vận chuyển', 'Đang giao', 'Đã giao']);
      assert.match(await parcels.getByRole('link', { name: 'Theo dõi trên trang của hãng' }).getAttribute('href'), new RegExp(booked.waybill));
      await assertPhoneFriendly(page, 'buyer order delivered');
      await page.screenshot({ path: screenshotPath('buyer-parcel-delivered'), fullPage: true });
    });
  });

  // On a 390 px phone the account number a buyer types and the order codes must
  // stay whole (they once broke over two lines).
  test('h. account numbers and order codes stay on one line', async () => {
    await inPhone({}, async (page) => {
      await page.goto('/s/htx-che-shan-tuyet-sin-ho');
      await clickAndWait(page, page.locator('main .card a').first(), /\/p\/[^/?#]+$/);
      await clickAndWait(page, page.getByRole('button', { name: 'Thêm vào giỏ' }), /\/cart$/);
      await clickAndWait(page, page.getByRole('link', { name: 'Đặt hàng' }), /\/checkout$/);
      const form = page.locator('main form[action="/checkout"]');
      await form.getByLabel('Họ và tên').fill('Lò Văn Páo');
      await form.getByLabel('Điện thoại').fill('0912 345 678');
      await form.locator('#province').selectOption('12');
      await page.waitForFunction(() => document.querySelectorAll('#commune option').length > 1);
      await form.locator('#commune').selectOption({ index: 1 });
      await form.getByLabel('Số nhà, thôn/bản, đường').fill('Bản Sìn Hồ Dao');
      await clickAndWait(page, form.getByRole('button', { name: 'Đặt hàng' }), /\/orders\/c\/[^/?#]+$/);
      // An inline element has one client rect per line it spans.
      const lines = (locator) => locator.evaluateAll((els) => els.map((e) => [e.innerText.trim(), e.getClientRects().length]));
      const broken = (measured) => measured.filter(([, n]) => n > 1).map(([text]) => text);
      assert.deepEqual(broken(await lines(page.locator('main dl.facts dd strong'))), [], 'placed page: numbers broken over lines');
      await page.goto('/orders');
      assert.deepEqual(broken(await lines(page.locator('main tbody td a'))), [], 'history: order codes broken over lines');
    });
  });

  // A seller records a batch and its journey on a phone, issues serial labels; a
  // buyer scans one (opens its URL) and sees the timeline and the genuine mark.
  test('i. seller records a batch with events and serial labels; a scanned label shows the timeline, genuine', async () => {
    const labelUrl = await inPhone({}, async (page) => {
      await signIn(page, ACCOUNTS.seller);
      await page.goto('/seller');
      await clickAndWait(page, page.getByRole('link', { name: 'Lô hàng truy xuất' }).first(), /\/seller\/products\/\d+\/batches$/);
      const form = page.locator('main form[action$="/batches"]');
      await form.getByLabel('Lô', { exact: true }).fill('BT-2611');
      await form.getByLabel('Ngày sản xuất').fill('2026-11-01');
      await form.getByLabel('Hết hạn').fill('2027-11-01');
      await form.getByLabel(/^Số lượng/).fill('100');
      await form.getByLabel('Tiêu chuẩn áp dụng').fill('TCVN 3218:2012');
      await clickAndWait(page, form.getByRole('button', { name: 'Ghi lô hàng' }), /\/seller\/batches\/\d+$/);
      await assertPhoneFriendly(page, 'seller batch page');
      for (const [kind, who, when] of [['harvest', 'Tổ hái chè bản Sìn Hồ Dao', '2026-11-01T06:30'], ['shipping', 'Viettel Post', '2026-11-03T09:00']]) {
        const events = page.locator('main form[action$="/events"]');
        await events.getByLabel('Sự kiện', { exact: true }).selectOption(kind);
        await events.getByLabel('Thời điểm (để trống: bây giờ)').fill(when);
        await events.getByLabel('Ai thực hiện').fill(who);
        await clickAndWait(page, events.getByRole('button', { name: 'Thêm sự kiện' }), /done=event$/);
        await page.getByRole('status').filter({ hasText: 'Đã ghi sự kiện' }).waitFor();
      }
      const serials = page.locator('main form[action$="/serials"]');
      await serials.getByLabel('Cấp số sê-ri').fill('5');
      await clickAndWait(page, serials.getByRole('button', { name: 'Cấp số' }), /done=serials$/);
      const pdfHref = await page.getByRole('link', { name: '5×13' }).last().getAttribute('href');
      assert.match(pdfHref, /mode=serial/);
      const pdf = await page.request.get(pdfHref);
      assert.equal(pdf.status(), 200);
      assert.equal(pdf.headers()['content-type'], 'application/pdf');
      await page.screenshot({ path: screenshotPath('seller-batch'), fullPage: true });
      // The batch's own QR link; a unit label is the same with /{serial} added.
      const batchLink = await page.locator('main .trace-head a').first().getAttribute('href');
      const id = page.url().match(/batches\/(\d+)/)[1];
      const labels = await page.request.post(`/api/v1/batches/${id}/serials`, { data: { count: 1 } });
      assert.equal(labels.status(), 201);
      const [unit] = (await labels.json()).urls;
      assert.ok(unit.startsWith(batchLink), `${unit} is a label of ${batchLink}`);
      return unit;
    });
    await inPhone({}, async (page) => {
      await page.goto(labelUrl);
      await page.getByRole('status').filter({ hasText: 'Chính hãng' }).waitFor();
      const timeline = page.locator('main ol.timeline li');
      assert.equal(await timeline.count(), 2);
      assert.match(await timeline.nth(0).innerText(), /Thu hoạch[\s\S]*Tổ hái chè bản Sìn Hồ Dao/);
      assert.match(await timeline.nth(1).innerText(), /Vận chuyển[\s\S]*Viettel Post/);
      assert.match(await page.locator('main dl.facts').innerText(), /BT-2611[\s\S]*TCVN 3218:2012/);
      assert.match(await page.locator('main dl.facts').innerText(), /Lượt quét\s*1/);
      await assertPhoneFriendly(page, 'batch page');
      await page.screenshot({ path: screenshotPath('batch-page'), fullPage: true });
      // The product page lists the batch and links back to it.
      await clickAndWait(page, page.getByRole('link', { name: 'Xem và mua sản phẩm' }), /\/p\/[^/?#]+$/);
      await page.getByRole('link', { name: 'Lô BT-2611' }).waitFor();
    });
  });

  // The seller hands a batch to a carrier with a link (and its QR code); the carrier,
  // with no account, records the carton's arrival in Hà Nội from their phone; the
  // carton's label lists the batch; once the seller revokes the link it stops working.
  test('k. a carrier records a carton\'s arrival with the seller\'s handover link', async () => {
    const sscc = '106141412345678908';
    const { carryUrl, batchPath } = await inPhone({}, async (page) => {
      await signIn(page, ACCOUNTS.seller);
      await page.goto('/seller');
      await clickAndWait(page, page.getByRole('link', { name: 'Lô hàng truy xuất' }).first(), /\/seller\/products\/\d+\/batches$/);
      await clickAndWait(page, page.locator('main table a').first(), /\/seller\/batches\/\d+$/);
      const batchPath = new URL(page.url()).pathname;
      const form = page.locator('main form[action$="/handovers"]');
      await form.getByLabel('Người hoặc đơn vị vận chuyển').fill('Xe khách Sìn Hồ – Hà Nội');
      await form.getByLabel(/^Điện thoại/).fill('0912 345 678');
      await form.getByRole('button', { name: 'Tạo liên kết' }).click();
      const link = page.locator('#carrier-link');
      await link.waitFor();
      assert.equal(await page.locator('main .qr svg').count(), 1, 'the link comes with a QR code to scan');
      await assertPhoneFriendly(page, 'seller batch page with a carrier link');
      return { carryUrl: await link.getAttribute('href'), batchPath };
    });
    await inPhone({}, async (page) => {
      await page.goto(carryUrl);
      await page.getByText('Xe khách Sìn Hồ – Hà Nội').first().waitFor();
      const form = page.locator('main form');
      await form.getByLabel('Sự kiện', { exact: true }).selectOption('receiving');
      await form.getByLabel('Tỉnh, thành phố').selectOption({ label: 'Hà Nội' });
      await form.getByLabel('Xã, phường (tên)').fill('Ba Dinh');
      await form.getByLabel(/^SSCC/).fill(`(00) ${sscc}`);
      await form.getByLabel(/^Số lượng/).fill('24');
      await clickAndWait(page, form.getByRole('button', { name: 'Thêm sự kiện' }), /done=event$/);
      await page.getByRole('status').filter({ hasText: 'Đã ghi sự kiện' }).waitFor();
      assert.match(await page.locator('main ol.timeline li').first().innerText(), /Nhận hàng[\s\S]*Xe khách Sìn Hồ/);
      await assertPhoneFriendly(page, 'carrier page');
      await page.screenshot({ path: screenshotPath('carrier-page'), fullPage: true });
      await page.goto(`/00/${sscc}`);
      await page.locator('main ul.carton li').first().waitFor();
      assert.match(await page.locator('main').innerText(), /Nhận hàng/);
      await assertPhoneFriendly(page, 'carton page');
      await page.screenshot({ path: screenshotPath('carton-page'), fullPage: true });
    });
    await inPhone({}, async (page) => {
      await signIn(page, ACCOUNTS.seller);
      await page.goto(batchPath);
      await clickAndWait(page, page.locator('main ul.handovers').getByRole('button', { name: 'Thu hồi' }).first(), /done=revoked/);
      const gone = await page.request.get(carryUrl);
      assert.equal(gone.status(), 410, 'a revoked link stops working');
    });
  });

  // The province's officer imports the registry workbook (two producers, three OCOP
  // products of Lai Châu, one already on Shopee), sees the preview, imports, finds the
  // indicators moved by exactly that on the dashboard, and downloads the .xlsx report.
  test('j. officer imports the registry, sees the dashboard move and downloads the report', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dacsan-registry-'));
    const workbook = path.join(dir, 'so-dang-ky-lai-chau.xlsx');
    const spec = {
      'Cơ sở': [
        ['DANH SÁCH CƠ SỞ SẢN XUẤT SẢN PHẨM OCOP TỈNH LAI CHÂU'],
        ['Mã cơ sở', 'Tên cơ sở', 'Loại hình', 'Mã số thuế', 'Tỉnh', 'Xã', 'Địa chỉ', 'Điện thoại', 'Email',
          'Gian hàng số', 'Tài khoản thanh toán điện tử', 'Tập huấn kỹ năng số', 'Tập huấn đóng gói - giao nhận'],
        ['LC-BT-01', 'HTX Chè Phìn Hồ', 'Hợp tác xã', '6200777001', 'Lai Châu', 'Sìn Hồ', 'Bản Phìn Hồ', '0912 777 001', '',
          'Có', 'Có', 'Có', 'Không'],
        ['LC-BT-02', 'Hộ kinh doanh Tẩn Thị Mây', 'Hộ kinh doanh', '', 'Lai Châu', 'Bình Lư', 'Bản Cốc Pa', '0912777002', '',
          'Không', 'Không', 'Không', 'Không'],
      ],
      'Sản phẩm': [
        ['Mã cơ sở', 'Tên sản phẩm', 'Nhóm sản phẩm', 'Phân loại', 'Số sao OCOP', 'Số quyết định', 'Ngày cấp', 'Ngày hết hạn',
          'Đủ điều kiện TMĐT', 'Giá', 'Đơn vị', 'Sàn TMĐT', 'Link sàn'],
        ['LC-BT-01', 'Chè Shan tuyết Phìn Hồ', 'Chè tươi, chè chế biến', 'OCOP', '4', '99/QĐ-UBND', '15/03/2025', '15/03/2028',
          'Có', '250.000', 'hộp 200 g', 'Shopee', 'https://shopee.vn/che-phin-ho'],
        ['LC-BT-01', 'Chè xanh Phìn Hồ', 'Chè tươi, chè chế biến', 'OCOP', '3', '99/QĐ-UBND', '15/03/2025', '15/03/2028',
          'Có', '', '', '', ''],
        ['LC-BT-02', 'Gạo Séng Cù Cốc Pa', 'Gạo, ngũ cốc, hạt sơ chế khác', 'OCOP', '3', '100/QĐ-UBND', '01/06/2025', '01/06/2028',
          'Không', '', '', '', ''],
      ],
    };
    writeFileSync(path.join(dir, 'spec.json'), JSON.stringify(spec));
    execFileSync('python3', [path.join(HERE_DIR, 'make_xlsx.py'), workbook, path.join(dir, 'spec.json')]);

    await inPhone({}, async (page) => {
      await signIn(page, ACCOUNTS.officer);
      const kpis = async () => {
        const response = await page.request.get('/api/v1/programme/kpis?province=12');
        assert.equal(response.status(), 200);
        return Object.fromEntries((await response.json()).indicators.map((i) => [i.id, [i.numerator, i.denominator]]));
      };
      const before = await kpis();

      await page.goto('/office/registry?province=12');
      await assertPhoneFriendly(page, 'registry upload page');
      await page.locator('main input[type=file][name=file]').setInputFiles(workbook);
      await clickAndWait(page, page.getByRole('button', { name: 'Xem trước' }), /\/office\/registry\/preview/);
      const preview = await page.locator('main').innerText();
      assert.match(preview, /HTX Chè Phìn Hồ|LC-BT-01|2/);
      await page.screenshot({ path: screenshotPath('office-registry-preview'), fullPage: true });
      await clickAndWait(page, page.getByRole('button', { name: 'Nhập vào hệ thống' }), /\/office\/registry/);
      await assertPhoneFriendly(page, 'registry import result');

      const after = await kpis();
      const moved = (id, dn, dd) => {
        assert.deepEqual(after[id], [before[id][0] + dn, before[id][1] + dd], `${id}: ${before[id]} → ${after[id]}`);
      };
      moved('ocop_products_online', 1, 3);
      moved('producers_store_and_payment', 1, 2);
      moved('trained_digital_skills', 1, 2);
      moved('trained_packaging_delivery', 0, 2);
      moved('eligible_goods_online', 1, 2);

      await page.goto('/office?province=12');
      await assertPhoneFriendly(page, 'dashboard');
      const card = page.locator('#kpi-ocop_products_online');
      assert.equal(await card.locator('[data-kpi-numerator]').innerText(), String(after.ocop_products_online[0]));
      assert.equal(await card.locator('[data-kpi-denominator]').innerText(), String(after.ocop_products_online[1]));
      await page.screenshot({ path: screenshotPath('office-dashboard'), fullPage: true });

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Tải bảng .xlsx' }).first().click(),
      ]);
      assert.match(download.suggestedFilename(), /^chi-tieu-12-.*\.xlsx$/);
      const file = await download.path();
      const bytes = (await import('node:fs')).readFileSync(file);
      assert.equal(bytes.subarray(0, 2).toString(), 'PK', 'an .xlsx is a zip');

      // The monthly report: printable page, and its PDF.
      await page.goto('/office/report?province=12');
      await assertPhoneFriendly(page, 'monthly report');
      const [pdf] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Tải báo cáo PDF' }).click(),
      ]);
      assert.match(pdf.suggestedFilename(), /^bao-cao-12-\d{4}-\d{2}\.pdf$/);
      const report = (await import('node:fs')).readFileSync(await pdf.path());
      assert.equal(report.subarray(0, 5).toString(), '%PDF-');
    });
  });

  test('m. a new buyer sees and downloads their data, takes back a consent and deletes the account; the admin sees the requests', async () => {
    const email = `lan-${Date.now()}@example.vn`;
    const password = 'mat-khau-rieng';
    await inPhone({}, async (page) => {
      await page.goto('/register');
      const form = page.locator('main form');
      await form.getByLabel('Họ và tên').fill('Lò Thị Lan');
      await form.getByLabel('Email').fill(email);
      await form.getByLabel('Mật khẩu').fill(password);
      await form.locator('input[name="consent"]').check();
      await Promise.all([page.waitForURL((u) => u.pathname !== '/register'), form.getByRole('button').last().click()]);

      await page.locator('header summary').click();
      await clickAndWait(page, page.getByRole('link', { name: 'Dữ liệu của tôi' }), /\/account\/data$/);
      await assertPhoneFriendly(page, 'my data');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Tải tệp Excel' }).click(),
      ]);
      const bytes = (await import('node:fs')).readFileSync(await download.path());
      assert.equal(bytes.subarray(0, 2).toString(), 'PK', 'an .xlsx is a zip');

      const consents = page.locator('main form[action="/account/data/consents"]');
      await consents.getByLabel('Nhận tin và ưu đãi qua e-mail').check();
      await clickAndWait(page, consents.getByRole('button', { name: 'Lưu' }), /done=consents$/);
      await page.getByRole('status').filter({ hasText: 'Đã lưu lựa chọn của bạn' }).waitFor();
      assert.ok(await consents.getByLabel('Nhận tin và ưu đãi qua e-mail').isChecked());

      const profile = page.locator('main form[action="/account/data/profile"]');
      await profile.getByLabel(/^Điện thoại/).fill('12');
      await profile.getByRole('button', { name: 'Lưu' }).click();
      await page.locator('main .field-error').first().waitFor();
      await profile.getByLabel(/^Điện thoại/).fill('0912 345 678');
      await clickAndWait(page, profile.getByRole('button', { name: 'Lưu' }), /done=profile$/);

      const erase = page.locator('main form[action="/account/data/erase"]');
      await erase.getByLabel('Mật khẩu').fill('sai-mat-khau');
      await erase.getByRole('button', { name: 'Xóa tài khoản của tôi' }).click();
      await page.getByText('Sai mật khẩu: chưa có gì thay đổi.').waitFor();
      await page.screenshot({ path: screenshotPath('my-data'), fullPage: true });
      await erase.getByLabel('Mật khẩu').fill(password);
      await Promise.all([
        page.waitForURL((u) => u.pathname === '/'),
        erase.getByRole('button', { name: 'Xóa tài khoản của tôi' }).click(),
      ]);
      assert.equal(await page.locator('header form[action="/signout"]').count(), 0, 'signed out with the account');
    });
    await inPhone({}, async (page) => {
      await signIn(page, ACCOUNTS.admin);
      await page.goto('/admin/privacy');
      await assertPhoneFriendly(page, 'privacy inbox');
      const rows = page.locator('main table').first().locator('tbody tr');
      assert.ok((await rows.count()) >= 3, 'the deletion, the correction and the downloads are logged');
      await page.screenshot({ path: screenshotPath('admin-privacy'), fullPage: true });
      await page.goto('/admin');
      await page.locator('#jobs').waitFor();
      await assertPhoneFriendly(page, 'admin desk with background jobs');
    });
  });
  test('n. a stall sells two items by VietQR and one by cash, sells one more offline, and the fair counts all four', async () => {
    // What the officer's fair page says the stalls sold, in đồng.
    const fairSales = async (fairId) => inPhone({}, async (page) => {
      await signIn(page, ACCOUNTS.officer);
      await page.goto(`/office/fairs/${fairId}`);
      await assertPhoneFriendly(page, 'fair with stall sales');
      return vnd(await page.locator('main dl.facts dt:text-is("Bán tại gian hàng") + dd strong').innerText());
    });
    const context = await phoneContext(browser, server.baseURL);
    const page = await context.newPage();
    try {
      await signIn(page, ACCOUNTS.seller);
      await page.goto('/stall');
      await assertPhoneFriendly(page, 'my booths');
      await clickAndWait(page, page.locator('main a', { hasText: 'Phiên chợ hàng Việt' }).first(), /\/stall\/\d+/);
      const fairId = new URL(page.url()).pathname.split('/')[2];
      await assertPhoneFriendly(page, 'stall till');
      await page.evaluate(() => navigator.serviceWorker.ready);
      const before = await fairSales(fairId);

      const rows = page.locator('main .till-items li');
      assert.ok((await rows.count()) >= 2, 'the booth has two products or more');
      const price = async (i) => Number(await rows.nth(i).locator('input.qty').getAttribute('data-price'));
      const expected = 2 * (await price(0)) + (await price(1)) + (await price(0));
      await rows.nth(0).getByRole('button', { name: /^Thêm/ }).click();
      await rows.nth(1).getByRole('button', { name: /^Thêm/ }).click();
      assert.equal(vnd(await page.locator('[data-total]').innerText()), (await price(0)) + (await price(1)));
      await page.getByRole('button', { name: 'Bán · VietQR' }).click();
      const qr = page.locator('[data-qr]');
      await qr.locator('svg').waitFor();
      const [amountText, code] = (await qr.locator('h2').innerText()).split(' · ');
      assert.equal(vnd(amountText), (await price(0)) + (await price(1)));
      await page.screenshot({ path: screenshotPath('stall-vietqr'), fullPage: true });
      await bankTransfer(server.baseURL, { code, amount: vnd(amountText), accountNumber: '' });
      await qr.getByText('Đã nhận tiền ✓').waitFor({ timeout: 15_000 });
      await qr.getByRole('button', { name: 'Bán tiếp' }).click();

      await rows.nth(0).getByRole('button', { name: /^Thêm/ }).click();
      await page.getByRole('button', { name: 'Bán · Tiền mặt' }).click();
      await page.locator('[data-queue-box]').waitFor({ state: 'hidden' });

      await context.setOffline(true);
      await page.locator('.till-net.offline').waitFor();
      await rows.nth(0).getByRole('button', { name: /^Thêm/ }).click();
      await page.getByRole('button', { name: 'Bán · Tiền mặt' }).click();
      const queued = page.locator('[data-queue] li');
      await queued.first().waitFor();
      assert.equal(await queued.count(), 1, 'the offline sale waits on the phone');
      await assertPhoneFriendly(page, 'stall till offline');
      await page.screenshot({ path: screenshotPath('stall-offline'), fullPage: true });
      await page.reload({ waitUntil: 'domcontentloaded' });
      await page.locator('[data-queue] li').first().waitFor();
      assert.equal(await page.locator('[data-queue] li').count(), 1, 'a reload without network keeps the queue');

      await context.setOffline(false);
      await page.evaluate(() => window.dispatchEvent(new Event('online')));
      await page.locator('[data-queue-box]').waitFor({ state: 'hidden', timeout: 20_000 });
      assert.equal(await fairSales(fairId), before + expected, 'the fair counts the four items, each once');
    } catch (err) {
      await page.screenshot({ path: screenshotPath(`FAILED-${Date.now()}`), fullPage: true }).catch(() => {});
      throw err;
    } finally {
      await context.close();
    }
  });

  test('o. a business posts a request for quotation, two cooperatives quote, the buyer compares, accepts and pays the deposit; the seller sees the order', async () => {
    const title = `Chè Shan tuyết cho bếp ăn ${Date.now() % 100000}`;
    // The admin gives a second tea cooperative a seller account.
    const second = { email: `tanuyen-${Date.now()}@example.vn`, password: 'tan-uyen-2026' };
    await inPhone({}, async (page) => {
      await signIn(page, ACCOUNTS.admin);
      await page.goto('/admin');
      await page.locator('#u-email').fill(second.email);
      await page.locator('#u-password').fill(second.password);
      await page.locator('#u-role').selectOption('seller');
      await page.locator('#u-producer').fill('htx-che-tan-uyen');
      await submitAndWait(page, page.locator('form[action="/admin/users"] button[type="submit"]'));
    });

    const rfqUrl = await inPhone({}, async (page) => {
      await signIn(page, ACCOUNTS.buyer);
      await page.goto('/trade');
      await assertPhoneFriendly(page, 'trade board');
      await clickAndWait(page, page.locator('main a', { hasText: 'Đăng yêu cầu báo giá' }).first(), /\/trade\/(rfqs\/new|business)$/);
      await page.goto('/trade/business');
      await assertPhoneFriendly(page, 'business profile');
      await page.getByLabel('Tên doanh nghiệp').fill('Công ty TNHH Bếp ăn Ba Đình');
      await submitAndWait(page, page.getByRole('button', { name: 'Lưu' }));
      assert.match(page.url(), /\/trade\/rfqs\/new$/);
      await assertPhoneFriendly(page, 'new request');
      await page.getByLabel('Hàng cần').fill(title);
      await page.getByLabel('Bộ sản phẩm OCOP').selectOption('che');
      await page.getByLabel('Số lượng', { exact: true }).fill('300');
      await page.getByLabel('Đơn vị', { exact: true }).fill('kg');
      await page.getByLabel('Giao tại tỉnh/thành').selectOption('01');
      await page.getByLabel(/Mã xã\/phường nhận hàng/).fill('00004');
      await submitAndWait(page, page.getByRole('button', { name: 'Đăng', exact: true }));
      assert.match(page.url(), /\/trade\/rfqs\/\d+$/);
      assert.equal((await page.locator('main h1').innerText()).trim(), title);
      return new URL(page.url()).pathname;
    });

    // Two cooperatives quote: the demo seller with a deposit, the second without.
    const quote = async (account, tiers, deposit) => inPhone({}, async (page) => {
      await signIn(page, account);
      await page.goto('/seller/trade');
      await assertPhoneFriendly(page, 'seller trade desk');
      await clickAndWait(page, page.locator('main a', { hasText: title }), /\/trade\/rfqs\/\d+$/);
      const form = page.locator(`form[action="${rfqUrl}/quotes"]`);
      for (const [i, [q, p]] of tiers.entries()) {
        await form.locator(`input[name="tier_q_${i}"]`).fill(String(q));
        await form.locator(`input[name="tier_p_${i}"]`).fill(String(p));
      }
      await form.getByLabel('Số lượng tối thiểu').fill('100');
      await form.getByLabel('Số ngày chuẩn bị hàng').fill('10');
      await form.getByLabel(/Đặt cọc/).fill(String(deposit));
      await assertPhoneFriendly(page, 'quote form');
      await submitAndWait(page, form.getByRole('button', { name: 'Gửi', exact: true }));
      assert.match(page.url(), /\/trade\/quotes\/\d+$/);
      await assertPhoneFriendly(page, 'quote page');
    });
    await quote(ACCOUNTS.seller, [[100, 390_000], [300, 355_000]], 30);
    await quote(second, [[100, 370_000]], 0);

    const order = await inPhone({}, async (page) => {
      await signIn(page, ACCOUNTS.buyer);
      await page.goto(rfqUrl);
      const quotes = page.locator('main article.quote');
      assert.equal(await quotes.count(), 2, 'the buyer sees both quotes');
      assert.match(await quotes.first().locator('h3').innerText(), /Sìn Hồ/, '300 kg at 355 000 ₫ is the cheaper');
      await assertPhoneFriendly(page, 'quotes compared');
      await page.screenshot({ path: screenshotPath('trade-compare'), fullPage: true });
      await clickAndWait(page, quotes.first().getByRole('button', { name: 'Chấp nhận và đặt hàng' }), /\/orders\/DS[0-9A-Z]{8}$/);
      const code = new URL(page.url()).pathname.split('/')[2];
      const fact = (name) => page.locator(`main dl.facts dt:text-is("${name}") + dd`).first().innerText();
      const total = 300 * 355_000 + 0;
      const deposit = Math.ceil((total * 30) / 100);
      assert.equal(vnd(await fact('Số tiền')), deposit, 'the QR asks for the deposit');
      await assertPhoneFriendly(page, 'wholesale order');
      const answer = await bankTransfer(server.baseURL, { code, amount: deposit, accountNumber: '' });
      assert.equal(answer.outcome, 'paid', JSON.stringify(answer));
      await page.reload({ waitUntil: 'domcontentloaded' });
      assert.equal((await page.locator('main section.box p .badge').first().innerText()).trim(), 'Đã thanh toán');
      return code;
    });

    await inPhone({}, async (page) => {
      await signIn(page, ACCOUNTS.seller);
      await page.goto('/seller/orders');
      const row = page.locator('main tbody tr').filter({ has: page.locator(`a[href="/orders/${order}"]`) });
      assert.equal(await row.count(), 1, `${order} on the seller's desk`);
      assert.match(await row.innerText(), /Bếp ăn Ba Đình[\s\S]*Đã thanh toán/);
    });
  });

  test('p. a seller schedules a live session at a session price; a viewer comes through its short link, pays the session price, and the report counts the order', async () => {
    const session = await inPhone({}, async (page) => {
      await signIn(page, ACCOUNTS.seller);
      await page.goto('/seller');
      await clickAndWait(page, page.locator('main a[href="/seller/live"]'), /\/seller\/live$/);
      await assertPhoneFriendly(page, 'seller live sessions');
      const form = page.locator('main form[action="/seller/live"]');
      await form.getByLabel('Tên phiên', { exact: true }).fill('Chè Shan tuyết lên sóng');
      await form.locator('#stream').fill('https://www.tiktok.com/@htxchesinho/live');
      // On air since a minute ago, for two hours, in Vietnam's time.
      const local = (ms) => new Date(Date.now() + 7 * 3600_000 + ms).toISOString().slice(0, 16);
      await form.locator('#starts').fill(local(-60_000));
      await form.locator('#ends').fill(local(2 * 3600_000));
      const item = form.locator('.live-item').first();
      const listPrice = vnd((await item.locator('small').innerText()).split('₫')[0]);
      const sessionPrice = listPrice - 10_000;
      await item.locator('input[type=checkbox]').check();
      await item.locator('input[name^="price_"]').fill(String(sessionPrice));
      await item.locator('input[name^="cap_"]').fill('5');
      await clickAndWait(page, form.getByRole('button', { name: 'Lên lịch' }), /\/seller\/live\/\d+$/);
      const shortLink = await page.locator('main a[href*="/l/"]').first().getAttribute('href');
      await assertPhoneFriendly(page, 'session report');
      return { report: new URL(page.url()).pathname, shortLink: new URL(shortLink, server.baseURL).pathname, listPrice, sessionPrice };
    });

    await inPhone({}, async (page) => {
      await page.goto(session.shortLink);
      assert.match(page.url(), /\/live\/[^/?#]+$/, 'the short link opens the session page');
      assert.match(await page.locator('main h1').innerText(), /Chè Shan tuyết lên sóng/);
      await page.locator('#countdown').waitFor();
      assert.equal(vnd(await page.locator('main ul.lines .price').first().innerText()), session.sessionPrice);
      await assertPhoneFriendly(page, 'live session page');
      await page.screenshot({ path: screenshotPath('live-session'), fullPage: true });
      await clickAndWait(page, page.locator('main ul.lines a', { hasText: 'Xem và mua' }).first(), /\/p\/[^/?#]+$/);
      await clickAndWait(page, page.getByRole('button', { name: 'Thêm vào giỏ' }), /\/cart$/);
      const line = page.locator('main form[action="/cart/update"] li').filter({ has: page.locator('.badge', { hasText: 'giá phiên live' }) });
      assert.equal(await line.count(), 1, 'the cart charges the session price the code brings');
      assert.equal(vnd(await line.locator('.price').first().innerText()), session.sessionPrice);

      await clickAndWait(page, page.getByRole('link', { name: 'Đặt hàng' }), /\/checkout$/);
      const form = page.locator('main form[action="/checkout"]');
      await form.getByLabel('Họ và tên').fill('Lò Thị Hoa');
      await form.getByLabel('Điện thoại').fill('0912 345 678');
      await form.locator('#province').selectOption('01');
      await page.waitForFunction(() => document.querySelectorAll('#commune option').length > 1);
      await form.locator('#commune').selectOption(await form.locator('#commune option').nth(1).getAttribute('value'));
      await form.getByLabel('Số nhà, thôn/bản, đường').fill('5 phố Lò Đúc');
      await form.getByLabel(/khi nhận hàng/).check();
      await page.waitForFunction(() => document.querySelectorAll('#delivery .delivery-group').length === 1);
      await clickAndWait(page, form.getByRole('button', { name: 'Đặt hàng' }), /\/orders\/c\/[^/?#]+$/);
      assert.equal(await page.locator('main section.box').count(), 1, 'one order');
    });

    await inPhone({}, async (page) => {
      await signIn(page, ACCOUNTS.seller);
      await page.goto(session.report);
      const fact = (name) => page.locator(`main dl.facts dt:text-is("${name}") + dd`).innerText();
      assert.equal((await fact('Đơn hàng')).trim(), '1', 'the order is attributed to the session');
      assert.equal(vnd(await fact('Doanh thu hàng')), session.sessionPrice, 'at the session price');
      await page.screenshot({ path: screenshotPath('live-report'), fullPage: true });
    });
  });

  test('q. an affiliate asks for its referral code, the seller sets it a rate, a buyer orders through its link; the statement shows the order on its way, then the commission once delivered', async () => {
    const affiliate = { name: 'Hà Thị Mai', email: `mai-${Date.now()}@example.vn`, password: 'mat-khau-cua-mai' };
    const buyer = { name: 'Vàng Thị Dợ', phone: '0988 123 457', street: '17 ngõ Văn Chương' };
    const rate = { typed: '7,5', shown: '7,5 %', bp: 750 }; // typed as a Vietnamese seller writes 7.5 %
    const teaStore = `/s/${ACCOUNTS.seller.producer}`;
    // This month in Vietnam (UTC+7), the statement's default period.
    const thisMonth = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 7);

    /** Opens the affiliate page from the header menu, as the affiliate would. */
    const openAffiliatePage = async (page) => {
      await page.locator('header summary').click();
      await clickAndWait(page, page.getByRole('link', { name: 'Tiếp thị liên kết' }), /\/account\/affiliate$/);
    };
    const statementFact = (page, name) => page.locator(`#statement-totals dt:text-is("${name}") + dd`).innerText();
    /** The buyer's details must never reach the affiliate's page. */
    const assertNoBuyerDetails = async (page, what) => {
      const html = await page.content();
      for (const secret of [buyer.name, buyer.street]) assert.ok(!html.includes(secret), `${what}: shows the buyer's "${secret}"`);
      assert.ok(!html.replace(/\s/g, '').includes(buyer.phone.replace(/\s/g, '').slice(1)), `${what}: shows the buyer's phone`);
    };

    // 1. A new account signs up and asks for its own referral code.
    const code = await inPhone({}, async (page) => {
      await page.goto('/register');
      const form = page.locator('main form');
      await form.getByLabel('Họ và tên').fill(affiliate.name);
      await form.getByLabel('Email').fill(affiliate.email);
      await form.getByLabel('Mật khẩu').fill(affiliate.password);
      await form.locator('input[name="consent"]').check();
      await Promise.all([page.waitForURL((u) => u.pathname !== '/register'), form.getByRole('button').last().click()]);
      await openAffiliatePage(page);
      assert.equal(await page.locator('#affiliate-code').count(), 0, 'no code before asking for one');
      await submitAndWait(page, page.getByRole('button', { name: 'Nhận mã giới thiệu của tôi' }));
      const myCode = (await page.locator('#affiliate-code').innerText()).trim();
      assert.match(myCode, /^[0-9A-Z]{8}$/, 'an affiliate code is eight letters and digits');
      const link = (await page.locator('main code.wraps').first().innerText()).trim();
      assert.ok(link.endsWith(`/?ref=${myCode}`), `the example link carries the code: ${link}`);
      assert.match(await page.locator('main').innerText(), /Chưa nhà sản xuất nào đặt mức hoa hồng cho bạn/);
      await assertPhoneFriendly(page, 'affiliate page with its code');
      return myCode;
    });

    // 2. The demo seller pays that affiliate 7,5 % on all its products, naming it by e-mail.
    const commissionsPath = await inPhone({}, async (page) => {
      await signIn(page, ACCOUNTS.seller);
      await page.goto('/seller');
      const store = page.locator('main section.box').filter({ has: page.locator(`h2 a[href="${teaStore}"]`) });
      await clickAndWait(page, store.getByRole('link', { name: 'Hoa hồng phải trả' }), /\/seller\/producers\/\d+\/commissions$/);
      await assertPhoneFriendly(page, 'seller commissions');
      const form = page.locator('main form[action$="/commissions/rates"]');
      await form.getByLabel('E-mail người dẫn / cộng tác viên').fill(affiliate.email);
      assert.equal(await form.locator('#product').inputValue(), '', 'all products by default');
      await form.locator('#rate').fill(rate.typed);
      await submitAndWait(page, form.getByRole('button', { name: 'Lưu mức' }));
      assert.equal(await page.locator('main [role="alert"]').count(), 0, 'the rate form came back with errors');
      const set = page.locator('#producer-rates li').filter({ hasText: affiliate.email });
      assert.equal(await set.count(), 1, 'the rate is listed for the affiliate');
      assert.match(await set.innerText(), new RegExp(`${escapeRegExp(rate.shown)}[\\s\\S]*${affiliate.name}[\\s\\S]*Mọi sản phẩm`));
      return new URL(page.url()).pathname;
    });

    // 3. A buyer without an account opens one of the seller's products through the
    // affiliate's link, and orders it (cash on delivery).
    const placed = await inPhone({}, async (page) => {
      await page.goto(teaStore);
      const productPath = await page.locator('main .card a').first().getAttribute('href');
      await page.goto(`${productPath}?ref=${code}`);
      const productName = (await page.locator('main h1').innerText()).trim();
      const price = vnd(await page.locator('main .price').first().innerText());
      await clickAndWait(page, page.getByRole('button', { name: 'Thêm vào giỏ' }), /\/cart$/);
      const line = page.locator('main form[action="/cart/update"] li').filter({ hasText: productName });
      assert.equal(vnd(await line.locator('.price').first().innerText()), price, 'an affiliate\'s link changes no price');
      assert.equal(vnd(await page.locator('main p.total .price').innerText()), price, 'one unit in the cart');

      await clickAndWait(page, page.getByRole('link', { name: 'Đặt hàng' }), /\/checkout$/);
      assert.equal(await page.locator('#referral').inputValue(), code, 'checkout carries the affiliate\'s code');
      const form = page.locator('main form[action="/checkout"]');
      await form.getByLabel('Họ và tên').fill(buyer.name);
      await form.getByLabel('Điện thoại').fill(buyer.phone);
      await form.locator('#province').selectOption('01');
      await page.waitForFunction(() => document.querySelectorAll('#commune option').length > 1);
      await form.locator('#commune').selectOption(await form.locator('#commune option').nth(1).getAttribute('value'));
      await form.getByLabel('Số nhà, thôn/bản, đường').fill(buyer.street);
      await form.getByLabel(/khi nhận hàng/).check();
      await page.waitForFunction(() => document.querySelectorAll('#delivery .delivery-group').length === 1);
      await clickAndWait(page, form.getByRole('button', { name: 'Đặt hàng' }), /\/orders\/c\/[^/?#]+$/);
      const orders = page.locator('main section.box');
      assert.equal(await orders.count(), 1, 'one order');
      return { orderCode: await orders.first().getAttribute('aria-label'), goods: price };
    });
    assert.match(placed.orderCode, /^DS[0-9A-Z]{8}$/);
    // The commission: the rate on the goods (delivery left out), rounded down to the đồng on each line.
    const expectedCommission = Math.floor((placed.goods * rate.bp) / 10_000);

    // 4. The affiliate's statement of this month: nothing due yet, one order on its way.
    await inPhone({}, async (page) => {
      await signIn(page, affiliate);
      await openAffiliatePage(page);
      assert.equal(await page.locator('#month').inputValue(), thisMonth, 'the statement is this month\'s');
      assert.match(
        await page.locator('#affiliate-rates').innerText(),
        new RegExp(`${escapeRegExp(rate.shown)}[\\s\\S]*Mọi sản phẩm[\\s\\S]*Hợp tác xã Chè Shan tuyết Sìn Hồ`),
        'the affiliate sees the rate the seller set',
      );
      assert.equal((await statementFact(page, 'Đơn hàng')).trim(), '0', 'nothing delivered yet');
      assert.equal(vnd(await statementFact(page, 'Hoa hồng')), 0);
      const onTheWay = await page.locator('main p.muted').filter({ hasText: 'đơn đang trên đường' }).innerText();
      const [, count, amount] = /(\d+)\s*đơn đang trên đường[^(]*\(([^)]*)\)/.exec(onTheWay) ?? [];
      assert.equal(Number(count), 1, `one order on its way: "${onTheWay}"`);
      assert.equal(vnd(amount), placed.goods, 'its goods, without delivery');
      await assertNoBuyerDetails(page, 'statement with an order on its way');
      await assertPhoneFriendly(page, 'affiliate statement, order on its way');
      await page.screenshot({ path: screenshotPath('affiliate-statement-on-the-way'), fullPage: true });
    });

    // 5. The seller packs, ships and marks the order delivered on its order desk.
    await inPhone({}, async (page) => {
      await signIn(page, ACCOUNTS.seller);
      await page.goto('/seller/orders');
      const row = page.locator('main tbody tr').filter({ has: page.locator(`a[href="/orders/${placed.orderCode}"]`) });
      assert.equal(await row.count(), 1, `${placed.orderCode} on the seller's desk`);
      await clickAndWait(page, row.locator(`a[href="/orders/${placed.orderCode}"]`), new RegExp(`/orders/${placed.orderCode}$`));
      const status = async () => (await page.locator('main section.box p .badge').first().innerText()).trim();
      assert.equal(await status(), 'Đã xác nhận', 'cash on delivery starts confirmed');
      await submitAndWait(page, page.getByRole('button', { name: 'Đã đóng gói xong' }));
      assert.equal(await status(), 'Đã đóng gói');
      await page.getByLabel('Gửi qua').selectOption('other');
      await page.getByLabel(/Tên hãng khác/).fill('Viettel Post');
      await page.getByLabel(/Mã vận đơn/).fill('VTP2611000123');
      await submitAndWait(page, page.getByRole('button', { name: 'Tạo vận đơn', exact: true }));
      assert.equal(await status(), 'Đã gửi hàng');
      await submitAndWait(page, page.getByRole('button', { name: 'Đã giao hàng', exact: true }));
      assert.equal(await status(), 'Đã giao');

      // The seller's side agrees: what it owes the affiliate this month.
      await page.goto(commissionsPath);
      const owed = page.locator('#owed-hosts tbody tr').filter({ hasText: affiliate.name });
      assert.equal(await owed.count(), 1, 'the seller owes the affiliate');
      assert.equal(vnd(await owed.locator('td').last().innerText()), expectedCommission);
    });

    // 6. The affiliate's statement now counts the delivered order and its commission.
    await inPhone({}, async (page) => {
      await signIn(page, affiliate);
      await openAffiliatePage(page);
      assert.equal((await statementFact(page, 'Đơn hàng')).trim(), '1');
      assert.equal(vnd(await statementFact(page, 'Tiền hàng')), placed.goods);
      assert.equal(vnd(await statementFact(page, 'Hoa hồng')), expectedCommission, `${rate.shown} of ${placed.goods} ₫, rounded down`);
      const order = page.locator('#statement-orders tbody tr').filter({ hasText: placed.orderCode });
      assert.equal(await order.count(), 1, 'the order is on the statement');
      const cell = (label) => order.locator(`td[data-label="${label}"]`).innerText();
      assert.equal(vnd(await cell('Tiền hàng')), placed.goods);
      assert.equal((await cell('Tỉ lệ')).trim(), rate.shown);
      assert.equal(vnd(await cell('Hoa hồng')), expectedCommission);
      assert.equal(await page.locator('main p.muted').filter({ hasText: 'đơn đang trên đường' }).count(), 0, 'nothing on its way any more');
      await assertNoBuyerDetails(page, 'statement with the delivered order');
      await assertPhoneFriendly(page, 'affiliate statement');
      await page.screenshot({ path: screenshotPath('affiliate-statement'), fullPage: true });
    });
  });

  test('r. a collection point keeper receives a parcel by pointing the phone\'s camera at its label', async () => {
    const base = server.baseURL;
    const officer = await apiToken(base, ACCOUNTS.officer);
    const seller = await apiToken(base, ACCOUNTS.seller);

    // The province sets up a point with a run and gives its keeper a link.
    const points = '/api/v1/shipping/collection-points';
    const point = await apiCall(base, officer, 'POST', points, {
      name: 'Bưu điện xã Sìn Hồ', province_code: '12', commune_code: '03478', address: 'Bản Sìn Hồ',
      hours: 'T2–T6 7:30–17:00', contact_name: 'Lò Thị Mai', contact_phone: '0912 345 678',
    });
    await apiCall(base, officer, 'POST', `${points}/${point.id}/runs`, { weekdays: ['tue', 'fri'], time: '14:00', carrier: 'ghn' });
    const keeper = await apiCall(base, officer, 'POST', `${points}/${point.id}/keepers`, { keeper_name: 'Lò Thị Mai' });

    // The tea cooperative drops its parcels there; a buyer's order is booked with GHN.
    const producer = await apiCall(base, null, 'GET', `/api/v1/producers/${ACCOUNTS.seller.producer}`);
    const termsPath = `/api/v1/producers/${producer.id}/delivery`;
    const terms = await apiCall(base, seller, 'GET', termsPath);
    await apiCall(base, seller, 'PUT', termsPath, { ...terms, collection_point_id: point.id });
    const products = await apiCall(base, null, 'GET', '/api/v1/products?province=12&in_stock=1&per_page=100');
    const product = products.items.find((p) => p.producer_id === producer.id && p.stock > 0);
    assert.ok(product, 'the cooperative has a product in stock');
    const placed = await apiCall(base, null, 'POST', '/api/v1/checkout', {
      items: [{ product_id: product.id, quantity: 1, price_vnd: product.price_vnd }],
      buyer: { name: 'Nguyễn Thị Lan', phone: '0987 654 321' },
      shipping: { province_code: '01', commune_code: '00004', street: '12 phố Hàng Bông' },
      payment_method: 'cod',
      delivery: { [producer.id]: 'ghn:standard' },
    });
    const order = placed.orders[0];
    const [parcel] = await apiCall(base, seller, 'POST', `/api/v1/orders/${order.id}/shipments`, {});

    // The keeper's phone films the parcel's label: its QR code is the order's page and the parcel.
    const video = path.join(mkdtempSync(path.join(os.tmpdir(), 'dacsan-label-')), 'label.y4m');
    writeQrVideo(video, `${base}/orders/${order.code}#${parcel.code}`);
    const camera = await launchBrowserWithCamera(video);
    const context = await phoneContext(camera, base, { permissions: ['camera'] });
    const page = await context.newPage();
    try {
      await page.goto(new URL(keeper.url).pathname);
      const expected = page.locator('main section[aria-labelledby="expected-h"]');
      assert.match(await expected.innerText(), new RegExp(escapeRegExp(parcel.code)), 'the parcel is expected');
      await assertPhoneFriendly(page, 'keeper page');
      await page.screenshot({ path: screenshotPath('keeper-before-scan'), fullPage: true });

      await Promise.all([
        page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame(), timeout: 30_000 }),
        page.getByRole('button', { name: 'Quét nhãn bằng camera' }).click(),
      ]);
      await page.waitForLoadState('domcontentloaded');
      const notice = page.locator('main p.notice[role="status"]');
      assert.match(await notice.innerText(), new RegExp(`${escapeRegExp(parcel.code)}[\\s\\S]*Đã nhận kiện tại điểm gom`));
      const waiting = page.locator('main section[aria-labelledby="received-h"]');
      assert.match(await waiting.innerText(), new RegExp(escapeRegExp(parcel.code)), 'waiting for the run');

      // The camera comes back on for the next parcel, and the label still in view is not sent again.
      await page.locator('#camera-video').waitFor({ state: 'visible' });
      assert.equal(await page.getByRole('button', { name: 'Quét nhãn bằng camera' }).isVisible(), false, 'one button: stop');
      await page.waitForTimeout(2_000);
      assert.match(await notice.innerText(), /Đã nhận kiện tại điểm gom/, 'still the first answer, no second scan sent');
      await assertPhoneFriendly(page, 'keeper page with the camera on');
      await page.screenshot({ path: screenshotPath('keeper-camera-received'), fullPage: true });
      await page.getByRole('button', { name: 'Tắt camera' }).click();
      await page.locator('#camera-video').waitFor({ state: 'hidden' });
    } finally {
      await camera.close();
    }
    const read = await apiCall(base, seller, 'GET', `/api/v1/orders/${order.id}`);
    assert.equal(read.shipments[0].status, 'at_collection_point');
    assert.deepEqual(read.shipments[0].events.map((e) => e.status), ['booked', 'at_collection_point'], 'received once');
  });
});
