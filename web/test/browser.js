// Debian's Chromium driven by playwright-core (no browser is ever downloaded), one context per
// person, every console error and uncaught exception collected, and screenshots kept as artefacts.
import { chromium } from "playwright-core";
import { mkdirSync, existsSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const artefacts = path.join(repo, "test-results", "web");

export const chromiumPath = process.env.CHROMIUM ?? "/usr/bin/chromium";

/** cleanArtefacts empties test-results/web, so that it holds this run's screenshots only. */
export function cleanArtefacts() {
  rmSync(artefacts, { recursive: true, force: true });
  mkdirSync(artefacts, { recursive: true });
}

/** launch starts headless Chromium with a fresh profile; close() ends it and removes the profile. */
export async function launch() {
  if (!existsSync(chromiumPath)) throw new Error(`no Chromium at ${chromiumPath}: apt-get install chromium (or set CHROMIUM)`);
  mkdirSync(artefacts, { recursive: true });
  // Playwright gives each launch a fresh temporary profile (user-data-dir) and removes it on close.
  const browser = await chromium.launch({
    executablePath: chromiumPath, headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  return {
    /** person opens a browser context (its own cookies and storage), with a wallet if given. */
    async person({ wallet, viewport = { width: 1280, height: 900 } } = {}) {
      const context = await browser.newContext({ viewport });
      if (wallet) await wallet.attach(context);
      const errors = [];
      context.on("page", (page) => watch(page, errors));
      const page = await context.newPage();
      return { context, page, errors };
    },
    close: () => browser.close(),
  };
}

function watch(page, errors) {
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`${page.url()}: console error: ${m.text()} (${m.location()?.url ?? ""})`);
  });
  page.on("pageerror", (e) => errors.push(`${page.url()}: uncaught: ${e.message}`));
}

/** shot saves a full-page screenshot under test-results/web. */
export async function shot(page, name) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(artefacts, `${name}.png`), fullPage: true });
}
