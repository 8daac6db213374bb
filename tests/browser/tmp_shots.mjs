import { startServer, launchBrowser, phoneContext, signIn, assertPhoneFriendly } from './helpers.mjs';
const server = await startServer();
const browser = await launchBrowser();
try {
  for (const [who, pages] of [
    [{ email: 'officer@dacsan.vn', password: 'dacsan-officer' }, ['/office/delivery', '/office/report']],
    [{ email: 'seller@dacsan.vn', password: 'dacsan-seller' }, ['/seller']],
  ]) {
    const context = await phoneContext(browser, server.baseURL);
    const page = await context.newPage();
    await signIn(page, who);
    for (const p of pages) {
      await page.goto(p);
      await page.screenshot({ path: `/tmp/shots/${p.replaceAll('/', '_')}.png`, fullPage: true });
      try { await assertPhoneFriendly(page, p); } catch (e) { console.log('NOT FRIENDLY', p, e.message); }
    }
    if (who.email.startsWith('seller')) {
      const href = await page.locator('a[href*="/payouts"]').first().getAttribute('href');
      await page.goto(href + '?from=2026-01-01&to=2026-12-31');
      await page.screenshot({ path: `/tmp/shots/payouts.png`, fullPage: true });
      try { await assertPhoneFriendly(page, href); } catch (e) { console.log('NOT FRIENDLY', href, e.message); }
      const commune = await (await context.newPage());
    }
    if (who.email.startsWith('officer')) {
      const link = page.locator('#delivery-table a').first();
      await page.goto('/office/delivery');
      if (await link.count()) {
        await link.click();
        await page.waitForLoadState();
        await page.screenshot({ path: `/tmp/shots/delivery_commune.png`, fullPage: true });
      }
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
  server.removeTmp();
}
