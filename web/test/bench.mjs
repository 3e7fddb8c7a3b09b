// The pages' weight and first paint, measured in Chromium against a test market (bittunes dev):
//   BENCH web_track_html_kb   the track page's HTML (as sent, uncompressed)
//   BENCH web_first_js_kb     JavaScript a track page loads before any wallet action, gzipped as sent
//   BENCH web_track_fcp_ms    first contentful paint of a track page on loopback, median of 10 cold loads
//   BENCH web_track_lcp_ms    largest contentful paint (the cover or the title: the track itself), median of 10
// Run: npm run bench:web (BITTUNES_BIN=<binary> skips the build).
import { startMarket } from "./market.js";
import { launch } from "./browser.js";

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

const runs = Number(process.env.BENCH_RUNS ?? 10);
const [market, browser] = await Promise.all([startMarket(), launch()]);
try {
  const trackURL = `${market.base}/t/1`;
  const html = await (await fetch(trackURL)).text();
  console.log(`BENCH web_track_html_kb ${(Buffer.byteLength(html) / 1024).toFixed(1)} KB`);

  const fcps = [], lcps = [];
  let jsBytes = 0;
  for (let i = 0; i < runs; i++) {
    const { page, context } = await browser.person({ viewport: { width: 390, height: 844 } });
    const scripts = new Map(); // url → gzipped bytes on the wire
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    const urls = new Map();
    cdp.on("Network.responseReceived", (e) => { if (e.type === "Script") urls.set(e.requestId, e.response.url); });
    cdp.on("Network.loadingFinished", (e) => { if (urls.has(e.requestId)) scripts.set(urls.get(e.requestId), e.encodedDataLength); });
    await page.goto(trackURL, { waitUntil: "networkidle" });
    const fcp = await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null);
    if (fcp !== null) fcps.push(fcp);
    const lcp = await page.evaluate(() => new Promise((resolve) => {
      new PerformanceObserver((list) => resolve(list.getEntries().at(-1)?.startTime ?? null)).observe({ type: "largest-contentful-paint", buffered: true });
      setTimeout(() => resolve(null), 2000);
    }));
    if (lcp !== null) lcps.push(lcp);
    if (i === 0) {
      // The wire size includes headers; the body's gzipped size is what the bundle costs.
      for (const url of scripts.keys()) {
        const r = await fetch(url, { headers: { "Accept-Encoding": "gzip" } });
        jsBytes += Number(r.headers.get("content-length") ?? (await r.arrayBuffer()).byteLength);
      }
      const wallet = [...scripts.keys()].filter((u) => /wallet/.test(u));
      if (wallet.length) throw new Error(`the wallet code loaded before any wallet action: ${wallet}`);
      console.error(`track page scripts: ${[...scripts.keys()].map((u) => u.replace(market.base, "")).join(" ")}`);
    }
    await context.close();
  }
  console.log(`BENCH web_first_js_kb ${(jsBytes / 1024).toFixed(1)} KB`);
  console.log(`BENCH web_track_fcp_ms ${median(fcps).toFixed(0)} ms`);
  console.log(`BENCH web_track_lcp_ms ${median(lcps).toFixed(0)} ms`);
} finally {
  await browser.close();
  await market.stop();
}
