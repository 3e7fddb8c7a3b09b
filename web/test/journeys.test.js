// The market in a real browser: fans and artists going through the pages with a wallet, against
// a test instance of the whole market (bittunes dev on its own chain). Run: npm run test:web.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createWalletClient, http, defineChain, parseEther, decodeFunctionData } from "viem";
import { privateKeyToAccount, generatePrivateKey } from "viem/accounts";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { startMarket } from "./market.js";
import { launch, shot, cleanArtefacts } from "./browser.js";
import { TestWallet } from "./wallet.js";

const abi = JSON.parse(readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "abi", "BittunesMarket.abi.json"), "utf8"));

let market, browser;
const T = { timeout: 120_000 };

before(async () => {
  cleanArtefacts();
  [market, browser] = await Promise.all([startMarket(), launch()]);
});

after(async () => {
  await browser?.close();
  await market?.stop();
});

const lower = (a) => a.toLowerCase();

// The widths the issue asks journeys to hold at: a desktop and a phone.
const viewports = [["desktop", { width: 1280, height: 900 }], ["phone", { width: 390, height: 844 }]];

function walletFor(i, opts = {}) {
  const { rpc, chainId, accounts } = market.dev;
  return new TestWallet({ rpc, chainId, privateKey: accounts[i].privateKey, ...opts });
}

async function libraryIds(address) {
  return (await market.api(`/accounts/${address}/library`)).library.map((x) => x.track.id);
}

async function chartSales(trackId, query = "") {
  const c = await market.api(`/charts/7d${query}`);
  return c.entries.find((e) => e.track.id === trackId)?.sales ?? 0;
}

/**
 * signIn signs the page's person in with their wallet from the header: one Connect click asks for
 * the account and the signature (an account connected on an earlier visit only needs Sign in).
 * No retry: a lost click is a bug (see web/src/lib/walletlazy.js).
 */
async function signIn(page) {
  const w = page.locator("#wallet");
  const connect = w.getByRole("button", { name: "Connect wallet" });
  const signInButton = w.getByRole("button", { name: "Sign in" });
  try {
    await connect.or(signInButton).click({ timeout: 20_000 });
    await w.getByRole("button", { name: "Sign out" }).waitFor({ timeout: 20_000 });
  } catch (e) {
    await shot(page, "failed-sign-in");
    throw new Error(`sign-in failed: ${await page.locator("#notices").textContent()} ${e.message}`, { cause: e });
  }
}

function assertNoErrors(errors) {
  assert.deepEqual(errors, [], `console errors:\n${errors.join("\n")}`);
}

// The demo catalogue's fans are accounts 4–9; pick a track one fan owns (the referrer) and
// another does not (the buyer).
async function referralSetup(exclude = []) {
  const fans = [];
  for (let i = 4; i <= 9; i++) fans.push({ i, address: market.dev.accounts[i].address, owns: await libraryIds(market.dev.accounts[i].address) });
  for (const r of fans) {
    for (const id of r.owns) {
      const b = fans.find((f) => f !== r && !f.owns.includes(id) && !exclude.includes(f.i));
      if (b && !exclude.includes(r.i)) return { trackId: id, referrer: r, buyer: b };
    }
  }
  throw new Error("no referral set-up in the demo catalogue");
}

let journey1;

test("a fan buys through another fan's referral link; the chart and both account pages update", T, async () => {
  const { trackId, referrer, buyer } = await referralSetup();
  journey1 = { trackId, referrer, buyer };
  const track = await market.api(`/tracks/${trackId}`);
  const salesBefore = await chartSales(trackId);
  const earnedBefore = BigInt((await market.api(`/accounts/${referrer.address}/library`)).library.find((x) => x.track.id === trackId).referralEarnings.wei);

  // The buyer's wallet starts on another network and does not know the market's chain: the page adds it and switches.
  const wallet = walletFor(buyer.i, { startChainId: 1, knowsChain: false });
  const { page, errors } = await browser.person({ wallet });
  await page.goto(`${market.base}/t/${trackId}?ref=${lower(referrer.address)}`);
  await page.getByText("You came through").waitFor();
  await shot(page, "1-referral-link");
  assert.equal(await page.evaluate((id) => localStorage.getItem(`bittunes.ref.${id}`), trackId), lower(referrer.address));

  await page.getByRole("button", { name: `Buy for ${track.price.ether} ETH` }).click();
  await page.getByText("It's yours.").waitFor({ timeout: 60_000 });
  await shot(page, "1-bought");
  assert.equal(wallet.current, market.dev.chainId, "the page switched the wallet to the market's chain");
  assert.ok(wallet.log.includes("wallet_addEthereumChain"), "the page added the chain to the wallet");
  const sale = (await market.api(`/audit/purchases?track=${trackId}&account=${buyer.address}`)).sales[0];
  assert.equal(lower(sale.referrer), lower(referrer.address), "the referrer was credited on-chain");

  // The chart counts the sale.
  await market.waitFor("the chart to count the sale", async () => (await chartSales(trackId)) === salesBefore + 1, 10_000);
  await page.goto(`${market.base}/charts?period=7d`);
  await page.locator(`li[data-track="${trackId}"]`).getByText(`${salesBefore + 1} sale`).waitFor();
  await shot(page, "1-chart");

  // The buyer's account page has the track in the library.
  await page.goto(`${market.base}/account`);
  await signIn(page);
  await page.locator(`li[data-library="${trackId}"]`).waitFor();
  await shot(page, "1-buyer-account");

  // Signed in, the owner can play and download the full track, and has the magnet link.
  await page.goto(`${market.base}/t/${trackId}`);
  const download = page.getByRole("link", { name: "Download" });
  await download.waitFor();
  assert.equal(await page.getByText("You came through").count(), 0, "an owner is not told whose link they came through");
  await page.getByRole("button", { name: "Play", exact: true }).waitFor();
  assert.match(await page.getByRole("link", { name: "Magnet link" }).getAttribute("href"), /^magnet:\?xt=urn:btih:/);
  const file = await page.request.get(market.base + (await download.getAttribute("href")));
  assert.equal(file.status(), 200);
  assert.match(file.headers()["content-type"], /^audio\//);
  await shot(page, "1-owner-track");

  // The referrer's account page shows what the link earned.
  const earned = earnedBefore + (BigInt(track.price.wei) * BigInt(track.referralBps)) / 10000n;
  const rw = walletFor(referrer.i);
  const r = await browser.person({ wallet: rw });
  journey1.referrerPerson = { ...r, wallet: rw };
  await r.page.goto(`${market.base}/account`);
  await signIn(r.page);
  const item = r.page.locator(`li[data-library="${trackId}"] [data-earned]`);
  await item.waitFor();
  const { formatEther } = await import("viem");
  assert.equal(await item.textContent(), `${formatEther(earned)} ETH`);
  // The library shows each referral link in its short form.
  await r.page.waitForFunction((id) => /\/r\/[a-z2-7]{10}$/.test(document.getElementById(`ref-${id}`)?.value ?? ""), trackId);
  await shot(r.page, "1-referrer-account");
  assertNoErrors(errors);
  assertNoErrors(r.errors);
});

test("the referrer withdraws and their on-chain balance rises", T, async () => {
  const { page, errors, wallet } = journey1.referrerPerson;
  const before = await wallet.balance();
  const credit = BigInt((await market.api(`/accounts/${wallet.address}`)).onChainBalance.wei);
  assert.ok(credit > 0n);
  await page.getByRole("button", { name: "Withdraw" }).click();
  await page.getByText("Withdrawn: the ETH is in your wallet.").waitFor({ timeout: 60_000 });
  const { formatEther } = await import("viem");
  assert.equal(await page.locator("[data-withdrawn]").textContent(), `${formatEther(credit)} ETH`);
  assert.equal(await page.locator("[data-balance]").textContent(), "0 ETH");
  await shot(page, "2-withdrawn");
  const after = await wallet.balance();
  assert.ok(after > before, `balance ${before} → ${after}`);
  assert.equal((await market.api(`/accounts/${wallet.address}`)).onChainBalance.wei, "0");
  assertNoErrors(errors);
});

/** wav makes a short mono 16-bit WAV tone (of hz: an artist cannot upload the same audio twice). */
function wav(seconds = 2, rate = 8000, hz = 440) {
  const n = seconds * rate;
  const b = Buffer.alloc(44 + n * 2);
  b.write("RIFF", 0); b.writeUInt32LE(36 + n * 2, 4); b.write("WAVE", 8); b.write("fmt ", 12);
  b.writeUInt32LE(16, 16); b.writeUInt16LE(1, 20); b.writeUInt16LE(1, 22); b.writeUInt32LE(rate, 24);
  b.writeUInt32LE(rate * 2, 28); b.writeUInt16LE(2, 32); b.writeUInt16LE(16, 34); b.write("data", 36); b.writeUInt32LE(n * 2, 40);
  for (let i = 0; i < n; i++) b.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * hz * i) / rate)), 44 + i * 2);
  return b;
}

test("an artist uploads and registers a track, and it enters its genre chart after a sale", T, async () => {
  const artist = walletFor(1);
  const { page, errors } = await browser.person({ wallet: artist });
  await page.goto(`${market.base}/upload`);
  await page.getByRole("button", { name: "Connect wallet to upload" }).click();
  await page.getByLabel("Audio file").waitFor();
  await shot(page, "3-upload-form");
  await page.getByLabel("Audio file").setInputFiles({ name: "test-pattern.wav", mimeType: "audio/wav", buffer: wav() });
  await page.getByLabel("Title").fill("Test Pattern");
  await page.getByLabel("Artist name").fill("Mira Vale");
  await page.getByLabel("Genre", { exact: true }).fill("Ambient");
  await page.getByLabel("Sub-genre").fill("Drone");
  await page.getByLabel("Price in ETH").fill("0.0015");
  await page.getByLabel("Referral share, %").fill("10");
  await page.getByRole("button", { name: "Upload and register" }).click();
  await page.getByText("Your track is live.").waitFor({ timeout: 60_000 });
  await shot(page, "3-registered");
  const href = await page.getByRole("link", { name: "Go to your track" }).getAttribute("href");
  const trackId = Number(href.split("/").pop());
  const t = await market.api(`/tracks/${trackId}`);
  assert.equal(t.title, "Test Pattern");
  assert.equal(t.price.wei, parseEther("0.0015").toString());
  assert.equal(t.referralBps, 1000);

  // Not in the Ambient chart before its first sale; a fan buys it on its page; then it is.
  assert.equal(await chartSales(trackId, "?genre=ambient"), 0);
  const fan = await browser.person({ wallet: walletFor(9) });
  await fan.page.goto(`${market.base}/t/${trackId}`);
  await fan.page.getByRole("button", { name: "Buy for 0.0015 ETH" }).click();
  await fan.page.getByText("It's yours.").waitFor({ timeout: 60_000 });
  await market.waitFor("the Ambient chart", async () => (await chartSales(trackId, "?genre=ambient")) === 1, 10_000);
  await page.goto(`${market.base}/charts/ambient`);
  await page.locator(`li[data-track="${trackId}"]`).getByText("Test Pattern").waitFor();
  await shot(page, "3-genre-chart");

  // The artist's dashboard: the new track's ranks, the sale with its transaction, CSV export.
  await page.goto(`${market.base}/account`);
  await page.getByRole("heading", { name: "Your tracks in the charts" }).waitFor();
  await page.getByRole("link", { name: /^Ambient: #1 week/ }).waitFor();
  const saleTx = (await market.api(`/audit/purchases?track=${trackId}`)).sales[0].tx;
  await page.locator(`a[href="/tx/${saleTx}"]`).waitFor();
  await page.locator("#earn-chart svg").waitFor();
  const csv = await page.request.get(market.base + (await page.getByRole("link", { name: "Export CSV" }).getAttribute("href")));
  assert.equal(csv.status(), 200);
  assert.ok((await csv.text()).includes(saleTx));
  await shot(page, "3-artist-account");
  assertNoErrors(errors);
  assertNoErrors(fan.errors);
});

async function unownedTrack(i) {
  const owns = await libraryIds(market.dev.accounts[i].address);
  const all = (await market.api("/tracks?limit=100")).tracks;
  return all.find((t) => !owns.includes(t.id) && t.artist.address !== market.dev.accounts[i].address);
}

test("a signature rejected in the wallet, a wrong network, an ineligible referrer and too little ETH are said plainly", T, async () => {
  const t = await unownedTrack(8);
  const wallet = walletFor(8);
  const { page, errors } = await browser.person({ wallet });
  await page.goto(`${market.base}/t/${t.id}`);
  wallet.rejectNext("eth_sendTransaction");
  await page.getByRole("button", { name: /^Buy for/ }).click();
  await page.getByText("You rejected the request in your wallet. Nothing was sent.").waitFor();
  await shot(page, "4-rejected");
  assert.ok(!(await libraryIds(wallet.address)).includes(t.id));

  // A wallet on another network that refuses to switch.
  const other = walletFor(7, { startChainId: 5 });
  other.refuseSwitch = true;
  const o = await browser.person({ wallet: other });
  const t2 = await unownedTrack(7);
  await o.page.goto(`${market.base}/t/${t2.id}`);
  await o.page.getByRole("button", { name: /^Buy for/ }).click();
  await o.page.getByText(/Your wallet is on the wrong network \(chain 5\)\. Switch it to/).waitFor();
  await shot(o.page, "4-wrong-network");

  // A wallet without ETH, arriving through the link of someone who does not own the track.
  const { rpc, chainId } = market.dev;
  const broke = new TestWallet({ rpc, chainId, privateKey: generatePrivateKey() });
  const b = await browser.person({ wallet: broke });
  await b.page.goto(`${market.base}/t/${t.id}?ref=${broke.address}`);
  await b.page.getByText("so the artist keeps the referral share").waitFor();
  await b.page.getByRole("button", { name: /^Buy for/ }).click();
  await b.page.getByText(/^Your wallet holds 0 ETH: not enough to pay/).waitFor();
  await shot(b.page, "4-insufficient-funds");
  assertNoErrors(errors);
  assertNoErrors(o.errors);
  assertNoErrors(b.errors);
});

test("the page passes the link's referrer to the contract whatever the API says, on the quoted terms", T, async () => {
  // The link's referrer owns nothing: the API says it is not eligible, the page still names it, and
  // the contract (not the page) decides to credit nobody. The purchase names the quoted fee and share.
  const t = await unownedTrack(5);
  const ref = privateKeyToAccount(generatePrivateKey()).address;
  const wallet = walletFor(5);
  const { page, errors } = await browser.person({ wallet });
  await page.goto(`${market.base}/t/${t.id}?ref=${ref}`);
  await page.getByText("so the artist keeps the referral share").waitFor();
  await page.getByRole("button", { name: /^Buy for/ }).click();
  await page.getByText("It's yours.").waitFor({ timeout: 60_000 });
  const sent = wallet.sent.at(-1);
  const call = decodeFunctionData({ abi, data: sent.data });
  assert.equal(call.functionName, "purchase");
  assert.equal(lower(call.args[1]), lower(ref), "the link's referrer was passed to the contract");
  const [, fee] = await wallet.reader.readContract({ address: market.dev.market, abi, functionName: "feeConfig" });
  assert.equal(call.args[2], Number(fee), "the purchase named the quoted fee");
  assert.equal(call.args[3], t.referralBps, "the purchase named the quoted referral share");
  const sale = (await market.api(`/audit/purchases?track=${t.id}&account=${wallet.address}`)).sales[0];
  assert.equal(sale.referrer, null, "the contract credited nobody");
  assertNoErrors(errors);
});

test("a price changed since the page loaded is shown, and buying at the new price works", T, async () => {
  const t = await unownedTrack(6);
  const { page, errors } = await browser.person({ wallet: walletFor(6) });
  await page.goto(`${market.base}/t/${t.id}`);
  // The page's script draws the buy area again from the API: wait for that, or it could already
  // show the new price and the old one would never be clicked.
  await page.locator("#buy-area[data-shown-for]").waitFor({ state: "attached" });
  await page.getByRole("button", { name: `Buy for ${t.price.ether} ETH` }).waitFor();
  // The artist raises the price while the fan looks at the page.
  const artistKey = market.dev.accounts.find((a) => lower(a.address) === lower(t.artist.address)).privateKey;
  const chain = defineChain({ id: market.dev.chainId, name: "dev", nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 }, rpcUrls: { default: { http: [market.dev.rpc] } } });
  const artist = createWalletClient({ account: privateKeyToAccount(artistKey), chain, transport: http(market.dev.rpc) });
  const newPrice = BigInt(t.price.wei) + parseEther("0.001");
  await artist.writeContract({ address: market.dev.market, abi, functionName: "setPrice", args: [BigInt(t.id), newPrice] });
  await page.getByRole("button", { name: `Buy for ${t.price.ether} ETH` }).click();
  await page.getByText("The price changed since the page loaded").waitFor();
  await shot(page, "5-price-changed");
  const { formatEther } = await import("viem");
  await page.getByRole("button", { name: `Buy for ${formatEther(newPrice)} ETH` }).last().click();
  await page.getByText("It's yours.").waitFor({ timeout: 60_000 });
  assertNoErrors(errors);
});

test("several wallets are discovered with EIP-6963 and the visitor chooses one, from the keyboard", T, async () => {
  const wallet = walletFor(5);
  const { context, page, errors } = await browser.person({ wallet });
  // A second wallet that refuses everything, announced the same way.
  await context.addInitScript({ content: `(() => {
    const provider = { request: async () => { throw Object.assign(new Error("User rejected the request."), { code: 4001 }); }, on() {}, removeListener() {} };
    const info = Object.freeze({ uuid: "0b1f3c5e-2a4d-4c6e-8f10-123456789abc", name: "Other Wallet", rdns: "example.other", icon: "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E" });
    const announce = () => window.dispatchEvent(new CustomEvent("eip6963:announceProvider", { detail: Object.freeze({ info, provider }) }));
    window.addEventListener("eip6963:requestProvider", announce);
    announce();
  })();` });
  await page.goto(`${market.base}/t/1`);
  await page.locator("#wallet").getByRole("button", { name: "Connect wallet" }).focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Choose a wallet" });
  await dialog.getByRole("button", { name: "Other Wallet" }).waitFor();
  await shot(page, "7-choose-wallet");
  await dialog.getByRole("button", { name: "Test Wallet" }).focus();
  await page.keyboard.press("Enter");
  await page.locator("#wallet").getByRole("button", { name: "Sign out" }).waitFor();
  assert.match(await page.locator("#wallet .who").textContent(), new RegExp(wallet.address.slice(0, 6)));
  assertNoErrors(errors);
});

test("one Connect click asks for the account and then the signature, saying why; a refused signature leaves the visitor connected", T, async () => {
  const wallet = walletFor(6);
  const { page, errors } = await browser.person({ wallet });
  await page.goto(`${market.base}/account`);
  const header = page.locator("#wallet");
  const accounts = wallet.holdNext("eth_requestAccounts");
  const signature = wallet.holdNext("personal_sign");
  await header.getByRole("button", { name: "Connect wallet" }).click();
  await accounts.asked;
  await page.locator("#wallet-step").getByText(/^Step 1 of 2 · Your wallet asks whether to connect: this page then learns your address/).waitFor();
  await shot(page, "7-step-1-connect");
  accounts.release();
  await signature.asked; // at once, without a second click
  await page.locator("#wallet-step").getByText(/^Step 2 of 2 · Your wallet asks you to sign in: a free signature \(no transaction, no fee\)/).waitFor();
  await shot(page, "7-step-2-sign-in");
  signature.release();
  await header.getByRole("button", { name: "Sign out" }).waitFor();
  await page.locator("form[data-profile]").waitFor({ timeout: 20_000 }); // the account page opened
  assert.equal(await page.locator("#wallet-step").count(), 0, "the step line goes once both are done");
  assert.deepEqual(wallet.log.filter((m) => m === "eth_requestAccounts" || m === "personal_sign"), ["eth_requestAccounts", "personal_sign"]);

  // Signed out, the next visitor refuses the signature: still connected, and Sign in asks again.
  await header.getByRole("button", { name: "Sign out" }).click();
  wallet.rejectNext("personal_sign");
  await header.getByRole("button", { name: "Connect wallet" }).click();
  await page.getByText(/not signed in: You rejected the request in your wallet\. Nothing was sent\. You can buy without signing in/).waitFor();
  assert.match(await header.locator(".who").textContent(), new RegExp(wallet.address.slice(0, 6)));
  await shot(page, "7-signature-refused");
  await header.getByRole("button", { name: "Sign in" }).click();
  await header.getByRole("button", { name: "Sign out" }).waitFor();
  await page.locator("form[data-profile]").waitFor({ timeout: 20_000 });
  assertNoErrors(errors);
});

test("every page renders without console errors, on a desktop and on a phone", T, async () => {
  const artist = market.dev.accounts[1].address;
  const sale = (await market.api("/audit/purchases?limit=1")).sales[0];
  // The demo catalogue's release (an EP of the artist's tracks, bought once through a fan's link).
  const release = (await market.api(`/artists/${artist}/releases`)).releases.at(-1);
  assert.ok(release?.metadata, "the demo catalogue has a release with its metadata");
  assert.ok(release.purchases >= 1 && BigInt(release.saving.wei) > 0n, "the demo release was bought, and costs less than its tracks");
  const owner = (await market.api("/audit/purchases?track=1&limit=1")).sales[0].buyer; // their link says "Shared by"
  const pages = ["/", "/charts", "/charts?period=all", "/charts/electronic", "/charts/electronic/house?period=30d", "/browse",
    "/browse?sort=bestselling", "/browse?q=harbour", "/t/1", `/t/1?ref=${lower(owner)}`, `/a/${artist}`, `/a/${lower(sale.buyer)}`, "/audit", `/tx/${sale.tx}`, "/account", "/upload", "/studio", "/browse?genre=electronic",
    release.page, `${release.page}?ref=${lower(sale.buyer)}`];
  for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
    const { page, errors } = await browser.person({ viewport });
    for (const p of pages) {
      await page.goto(market.base + p);
      await page.locator("main .loading").waitFor({ state: "detached" });
      await page.locator("main h1").first().waitFor();
      const [scrollWidth, clientWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      assert.ok(scrollWidth <= clientWidth, `${p} at ${viewport.width} px scrolls sideways (${scrollWidth} > ${clientWidth})`);
      const account = await page.locator(".main-nav a[href='/account']").boundingBox();
      assert.ok(account && account.x >= 0 && account.x + account.width <= clientWidth, `${p}: the Account link is cut off`);
      if (p.startsWith("/t/")) { // a referral link's "Shared by" line included
        // The page's script replaces the server's disabled button with an enabled one: measure that.
        const button = page.locator("[data-act=buy]:enabled");
        await button.waitFor();
        const buy = await button.boundingBox();
        assert.ok(buy && buy.y + buy.height <= viewport.height, `${p}: the Buy button is below the fold at ${viewport.width} px`);
      }
      if (p === release.page) {
        // The release's own page: its title, its cover, its tracks in order, the price and the saving.
        assert.equal(await page.locator("main h1").textContent(), release.metadata.title);
        assert.ok(await page.locator("img.cover").evaluate((img) => img.complete && img.naturalWidth > 0), "the release cover did not load");
        const rows = page.locator("table.release-tracks tbody tr");
        assert.deepEqual(await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.dataset.track))), release.tracks.map((t) => t.id));
        await page.locator("[data-saving]").waitFor();
      }
      const name = p.replace(/0x[0-9a-f]+/gi, "x").replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "home";
      await shot(page, `6-${viewport.width}-${name}`);
    }
    // The release's player embedded on another site: the release with its cover and Buy, and each
    // of its tracks, as wide as the page's column.
    const site = await thirdParty(`<iframe src="${market.base}/embed${release.page}" title="Bittunes player" style="width:100%;height:520px;border:0"></iframe>`);
    try {
      await page.goto(site.url);
      const frame = page.frameLocator("iframe");
      await frame.locator("[data-act=buy-release]").waitFor();
      assert.equal(await frame.locator(".erelease .etitle").textContent(), release.metadata.title);
      assert.ok(await frame.locator(".erelease img").evaluate((img) => img.complete && img.naturalWidth > 0), "the release cover did not load in the embed");
      assert.equal(await frame.locator("article.etrack[data-track]").count(), release.tracks.length);
      const [sw, cw] = await frame.locator("html").evaluate((el) => [el.scrollWidth, el.clientWidth]);
      assert.ok(sw <= cw, `the release embed at ${viewport.width} px scrolls sideways (${sw} > ${cw})`);
      await shot(page, `6-${viewport.width}-embed-release`);
    } finally {
      await site.close();
    }
    assertNoErrors(errors);
    await page.context().close();
  }
});

test("at 390 px the signed-in account pages and the embeds keep to the screen's width", T, async () => {
  const viewport = { width: 390, height: 844 };
  const artist = market.dev.accounts[1].address;
  // An artist's account (sales with transaction hashes, distributors' addresses) and a fan's
  // (library with referral links), signed in: the pages where long addresses and hashes sit.
  for (const i of [1, 4]) {
    const { page, errors, context } = await browser.person({ wallet: walletFor(i), viewport });
    await page.goto(`${market.base}/account`);
    await signIn(page);
    await page.locator("main .loading").first().waitFor({ state: "detached" });
    await page.locator("[data-balance]").waitFor();
    if (i === 4) await page.locator("li[data-library]").first().waitFor();
    if (i === 1) { // the sales table scrolls in its box rather than cutting its words into letters
      const sales = page.locator("table.sales").first();
      await sales.waitFor();
      const tallest = await sales.evaluate((t) => Math.max(...[...t.querySelectorAll("th, .who")].map((x) => x.getBoundingClientRect().height)));
      assert.ok(tallest < 80, `a heading or a name of the sales table is ${tallest} px tall at 390 px: cut into letters`);
    }
    await noSidewaysScroll(page, `the account page of account ${i} at 390 px`);
    const link = await page.locator(".main-nav a[href='/account']").boundingBox();
    assert.ok(link && link.x >= 0 && link.x + link.width <= viewport.width, `account ${i}: the Account link is cut off`);
    await shot(page, `6-390-account-${i}`);
    assertNoErrors(errors);
    await context.close();
  }
  const { page, errors, context } = await browser.person({ viewport });
  for (const p of ["/embed/t/1", `/embed/a/${artist}`, "/embed/charts?period=all", "/embed/charts/electronic"]) {
    await page.goto(`${market.base}${p}?ref=${lower(market.dev.accounts[4].address)}`.replace("?period=all?", "?period=all&"));
    await page.locator("a[data-act=buy]").first().waitFor();
    await noSidewaysScroll(page, `${p} at 390 px`);
  }
  assertNoErrors(errors);
  await context.close();
});

/** thirdParty serves a page on another loopback origin that embeds html; close() stops it. */
async function thirdParty(body) {
  const server = createServer((req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html><head><title>A fan's blog</title></head><body><h1>Tracks I love</h1>${body}</body></html>`);
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) };
}

test("a player embedded on another site plays the preview, and its Buy credits the embedder", T, async () => {
  const { trackId, referrer: embedder, buyer } = await referralSetup();
  const track = await market.api(`/tracks/${trackId}`);
  // The embedder takes the iframe code the market's oEmbed gives for their referral link.
  const oembed = await (await fetch(`${market.base}/oembed?url=${encodeURIComponent(`${market.base}/t/${trackId}?ref=${lower(embedder.address)}`)}`)).json();
  assert.match(oembed.html, new RegExp(`^<iframe src="${market.base}/embed/t/${trackId}\\?ref=${lower(embedder.address)}"`));
  const site = await thirdParty(oembed.html);
  try {
    const wallet = walletFor(buyer.i);
    const { context, page, errors } = await browser.person({ wallet });
    await page.goto(site.url);
    const frame = page.frameLocator("iframe");
    await frame.getByText(track.title).first().waitFor();
    await shot(page, "8-embedded-player");

    // Play the preview: a click on the player's own audio control.
    const audio = frame.locator("audio").first();
    const box = await audio.boundingBox();
    await page.mouse.click(box.x + 16, box.y + box.height / 2);
    // The player is on another origin than the page: ask its frame whether the preview plays.
    const player = page.frames().find((x) => x.url().startsWith(`${market.base}/embed/t/`));
    await player.waitForFunction(() => { const a = document.querySelector("audio"); return !a.paused && a.currentTime > 0; }, null, { timeout: 15_000 });

    // Buy opens the track page in a new tab with the embedder's referral.
    const [tab] = await Promise.all([context.waitForEvent("page"), frame.getByRole("link", { name: /^Buy/ }).click()]);
    await tab.waitForLoadState();
    assert.equal(tab.url(), `${market.base}/t/${trackId}?ref=${lower(embedder.address)}`);
    await tab.getByText("You came through").waitFor();
    await tab.getByRole("button", { name: `Buy for ${track.price.ether} ETH` }).click();
    await tab.getByText("It's yours.").waitFor({ timeout: 60_000 });
    const sale = (await market.api(`/audit/purchases?track=${trackId}&account=${buyer.address}`)).sales[0];
    assert.equal(lower(sale.referrer), lower(embedder.address), "the embedder was credited on-chain");
    assertNoErrors(errors);
  } finally {
    await site.close();
  }
});

test("on a phone, an owner shares their short link, and its QR code scans to the track", T, async () => {
  const fanIndex = 4;
  const owned = await libraryIds(market.dev.accounts[fanIndex].address);
  assert.ok(owned.length, "the demo fan owns a track");
  const wallet = walletFor(fanIndex);
  const { context, page, errors } = await browser.person({ wallet, viewport: { width: 390, height: 844 } });
  // Phones have the Web Share API; record what the page shares.
  await context.addInitScript({ content: "window.__shared = []; navigator.share = async (data) => { window.__shared.push(data); };" });
  await page.goto(`${market.base}/t/${owned[0]}`);
  await page.locator("#wallet").getByRole("button", { name: "Connect wallet" }).click();
  const link = page.locator("#my-ref");
  await link.waitFor();
  const short = await link.inputValue();
  assert.match(short, new RegExp(`^${market.base}/r/[a-z2-7]{10}$`));

  await page.getByRole("button", { name: "Share…" }).click();
  await page.waitForFunction(() => window.__shared.length === 1);
  assert.equal((await page.evaluate(() => window.__shared[0])).url, short);

  await page.getByRole("button", { name: "QR code" }).click();
  const qr = page.getByRole("img", { name: "QR code of your referral link" });
  await qr.waitFor();
  const svg = await page.request.get(new URL(await qr.getAttribute("src"), market.base).href);
  assert.equal(svg.status(), 200);
  assert.match(svg.headers()["content-type"], /^image\/svg\+xml/);
  const qrBox = await qr.boundingBox();
  assert.ok(qrBox.width >= 200 && qrBox.x + qrBox.width <= 390, `the QR code is ${qrBox.width} px wide at ${qrBox.x}`);
  const [scrollWidth, clientWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  assert.ok(scrollWidth <= clientWidth, `the owner's track page scrolls sideways (${scrollWidth} > ${clientWidth})`);
  await shot(page, "9-share-phone");

  // The short link is the referral link.
  const visitor = await browser.person({ viewport: { width: 390, height: 844 } });
  await visitor.page.goto(short);
  assert.equal(visitor.page.url(), `${market.base}/t/${owned[0]}?ref=${lower(wallet.address)}`);
  await visitor.page.getByText("You came through").waitFor();
  assertNoErrors(errors);
  assertNoErrors(visitor.errors);
});

test("on a desktop without the Web Share API, an owner copies their short link", T, async () => {
  const fanIndex = 5;
  const owned = await libraryIds(market.dev.accounts[fanIndex].address);
  assert.ok(owned.length, "the demo fan owns a track");
  const { context, page, errors } = await browser.person({ wallet: walletFor(fanIndex) });
  // The owner's view reads this track's referral figures with the track, not their whole library.
  const libraryReads = [];
  page.on("request", (r) => { if (new URL(r.url()).pathname.endsWith("/library")) libraryReads.push(r.url()); });
  await context.addInitScript({ content: "delete Navigator.prototype.share;" });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: market.base });
  await page.goto(`${market.base}/t/${owned[0]}`);
  await page.locator("#wallet").getByRole("button", { name: "Connect wallet" }).click();
  const link = page.locator("#my-ref");
  await link.waitFor();
  const short = await link.inputValue();
  assert.match(short, new RegExp(`^${market.base}/r/[a-z2-7]{10}$`));
  assert.equal(await page.getByRole("button", { name: "Share…" }).count(), 0, "a Share button without the Web Share API");
  await page.getByRole("button", { name: "Copy link" }).click();
  await page.getByRole("button", { name: "Copied" }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), short);
  assert.deepEqual(libraryReads, [], "the track page read the owner's library");
  assertNoErrors(errors);
  await context.close();
});

test("a chart page updates itself when a sale changes it", T, async () => {
  const t = await unownedTrack(9);
  const before = await chartSales(t.id);
  const { page, errors } = await browser.person();
  await page.clock.install();
  await page.goto(`${market.base}/charts?period=7d`);
  await page.locator("main h1").waitFor();

  // Someone else buys the track on its page.
  const fan = await browser.person({ wallet: walletFor(9) });
  await fan.page.goto(`${market.base}/t/${t.id}`);
  await fan.page.getByRole("button", { name: /^Buy for/ }).click();
  await fan.page.getByText("It's yours.").waitFor({ timeout: 60_000 });
  await market.waitFor("the chart to count the sale", async () => (await chartSales(t.id)) === before + 1, 10_000);

  // Half a minute later the open chart shows it, without a reload.
  await page.clock.fastForward(31_000);
  await page.locator(`li[data-track="${t.id}"]`).getByText(`${before + 1} sale`).waitFor({ timeout: 10_000 });
  await shot(page, "10-chart-live");
  assertNoErrors(errors);
  assertNoErrors(fan.errors);
});

for (const [device, viewport] of viewports) {
  test(`a fan sets a profile, and their name shows instead of their address (${device})`, T, async () => {
    const i = 8;
    const address = market.dev.accounts[i].address;
    const owned = await libraryIds(address);
    assert.ok(owned.length > 0, "the demo fan owns a track");
    const name = `Night Owl ${device} ${Date.now() % 100000}`;

    const { page, errors, context } = await browser.person({ wallet: walletFor(i), viewport });
    await page.goto(`${market.base}/account`);
    await signIn(page);
    const form = page.locator("form[data-profile]");
    await form.waitFor({ timeout: 20_000 });
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("Short bio").fill("Deep cuts, passed on.");
    await form.getByRole("button", { name: "Save profile" }).click();
    await page.getByText("Saved.").waitFor();
    await shot(page, `10-profile-saved-${viewport.width}`);
    assert.equal((await market.api(`/profiles/${address}`)).name, name);
    assertNoErrors(errors);
    await context.close();

    const v = await browser.person({ viewport });
    // The public page: the name, the bio and the address in full.
    await v.page.goto(`${market.base}/a/${address}`);
    assert.equal(await v.page.locator("h1").textContent(), name);
    await v.page.getByText(address).waitFor();
    await v.page.getByText("Deep cuts, passed on.").waitFor();
    // The track page says who supported it, by name, with the address on hover.
    await v.page.goto(`${market.base}/t/${owned[0]}`);
    const supporter = v.page.locator("#supported-by").getByRole("link", { name });
    await supporter.waitFor();
    assert.equal(await supporter.getAttribute("title"), address);
    // The audit lists the fan's purchase by name; a tap on the button beside it shows the address.
    await v.page.goto(`${market.base}/audit?account=${address}`);
    const who = v.page.locator("table .who", { hasText: name }).first();
    await who.waitFor();
    await who.getByRole("button").click();
    await who.getByText(address).waitFor();
    if (viewport.width >= 1280) { // the sales table fits a 1280 px screen
      const [sw, cw] = await v.page.locator("table.sales").evaluate((t) => [t.parentElement.scrollWidth, t.parentElement.clientWidth]);
      assert.ok(sw <= cw, `the sales table is wider than its box at 1280 px (${sw} > ${cw})`);
    }
    await noSidewaysScroll(v.page, "the audit");
    await shot(v.page, `10-names-${viewport.width}`);
    assertNoErrors(v.errors);
    await v.context.close();
  });
}

/** noSidewaysScroll fails when the page is wider than the window, naming the elements that stick out. */
async function noSidewaysScroll(page, what) {
  const [scrollWidth, clientWidth, wide] = await page.evaluate(() => {
    const cw = document.documentElement.clientWidth;
    const out = [];
    for (const el of document.body.querySelectorAll("*")) {
      const r = el.getBoundingClientRect();
      let clipped = false; // inside a box that scrolls or clips, it does not widen the page
      for (let a = el.parentElement; a && a !== document.body && !clipped; a = a.parentElement) clipped = getComputedStyle(a).overflowX !== "visible";
      if (!clipped && r.right > cw + 0.5 && r.width > 0) out.push(`${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${el.className ? "." + String(el.className).trim().split(/\s+/).join(".") : ""} (${Math.round(r.right)})`);
    }
    return [document.documentElement.scrollWidth, cw, out.slice(-5)];
  });
  assert.ok(scrollWidth <= clientWidth, `${what} scrolls sideways (${scrollWidth} > ${clientWidth}): ${wide.join(", ")}`);
}

for (const [device, viewport] of viewports) {
  test(`an artist sees what each track earned them, changes a price, takes a track off sale and puts it back, from the Studio (${device})`, T, async () => {
    const i = 3;
    const address = market.dev.accounts[i].address;
    const mine = (await market.api(`/artists/${address}`)).tracks;
    assert.ok(mine.length > 0, "the demo artist has tracks");
    const t = mine[mine.length - 1];
    const newPrice = device === "phone" ? "0.0043" : "0.0042";
    const { page, errors, context } = await browser.person({ wallet: walletFor(i), viewport });
    await page.goto(`${market.base}/studio`);
    await signIn(page);
    const row = page.locator(`li[data-studio="${t.id}"]`);
    await row.waitFor({ timeout: 20_000 });

    // What each track earned the artist, exactly as the chain credited it.
    const earned = (await market.api(`/accounts/${address}/track-earnings`)).tracks;
    assert.ok(earned.some((e) => e.earned.wei !== "0"), "the demo artist's tracks earned something");
    for (const own of mine) {
      const e = earned.find((x) => x.trackId === own.id);
      const cell = page.locator(`li[data-studio="${own.id}"] [data-earned]`);
      assert.equal(await cell.textContent(), `${e ? e.earned.ether : "0"} ETH to you`, `track ${own.id}`);
      assert.match(await cell.getAttribute("title"), new RegExp(`^${e ? e.earned.wei : "0"} wei`));
      assert.ok(await cell.evaluate((el) => { const line = el.closest(".sub"); return line.scrollWidth <= line.clientWidth; }), `track ${own.id}: its figures are cut off`);
    }

    await row.getByLabel("Price in ETH").fill(newPrice);
    await row.getByRole("button", { name: "Change price" }).click();
    await row.getByText("Done: the market shows the change.").waitFor({ timeout: 60_000 });
    assert.equal((await market.api(`/tracks/${t.id}`)).price.wei, parseEther(newPrice).toString());
    await row.locator("[data-price]").getByText(`${newPrice} ETH`).waitFor();
    await row.getByRole("button", { name: "Take off sale" }).click();
    await row.getByRole("button", { name: "Put on sale" }).waitFor({ timeout: 60_000 });
    assert.equal((await market.api(`/tracks/${t.id}`)).listed, false);
    await shot(page, `11-studio-delisted-${viewport.width}`);
    // Off sale, its page offers no Buy.
    await page.goto(`${market.base}/t/${t.id}`);
    await page.getByText("taken this track off sale").waitFor();

    // Back in the Studio: on sale again, at its old price.
    await page.goto(`${market.base}/studio`);
    await row.getByRole("button", { name: "Put on sale" }).click({ timeout: 20_000 });
    await row.getByRole("button", { name: "Take off sale" }).waitFor({ timeout: 60_000 });
    await row.getByLabel("Price in ETH").fill(t.price.ether);
    await row.getByRole("button", { name: "Change price" }).click();
    await market.waitFor("the old price back", async () => (await market.api(`/tracks/${t.id}`)).price.wei === t.price.wei, 60_000);
    await row.locator("[data-price]").getByText(`${t.price.ether} ETH`).waitFor();
    const back = await market.api(`/tracks/${t.id}`);
    assert.equal(back.listed, true);
    assert.equal(back.price.wei, t.price.wei);
    await noSidewaysScroll(page, `the Studio at ${viewport.width} px`);
    await shot(page, `11-studio-${viewport.width}`);
    // On their own track's page the artist sees their view, not a Buy button.
    await page.goto(`${market.base}/t/${t.id}`);
    await page.locator("[data-own-view]").getByText("Your track.").waitFor({ timeout: 20_000 });
    assert.equal(await page.getByRole("button", { name: /^Buy for/ }).count(), 0);
    await shot(page, `11-own-track-${viewport.width}`);
    assertNoErrors(errors);
    await context.close();
  });
}

/**
 * uploadUnsigned uploads a track from the upload page and rejects its registration in the wallet,
 * as an artist who closed the prompt would; it returns the upload's content hash.
 */
async function uploadUnsigned(page, wallet, { title, hz, price = "0.0021", referral = "12" }) {
  await page.goto(`${market.base}/upload`);
  await page.getByLabel("Audio file").waitFor({ timeout: 20_000 });
  await page.getByLabel("Audio file").setInputFiles({ name: `${title}.wav`, mimeType: "audio/wav", buffer: wav(2, 8000, hz) });
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Artist name").fill("Draft Artist");
  await page.getByLabel("Genre", { exact: true }).fill("Ambient");
  await page.getByLabel("Price in ETH").fill(price);
  await page.getByLabel("Referral share, %").fill(referral);
  wallet.rejectNext("eth_sendTransaction");
  await page.getByRole("button", { name: "Upload and register" }).click();
  await page.getByText("You rejected the request in your wallet. Nothing was sent.").waitFor({ timeout: 60_000 });
  const drafts = await (await page.request.get(`${market.base}/api/v1/uploads`)).json();
  const d = drafts.uploads.find((x) => x.title === title);
  assert.ok(d, `the unsigned upload ${title} is waiting`);
  return d.contentHash;
}

// Desktop: the Studio sends the registration the upload page kept in this browser. Phone: the
// artist comes back on another device (nothing kept), and registers with a price and share typed
// in the Studio.
for (const [device, viewport, artistIndex, sameDevice] of [[...viewports[0], 2, true], [...viewports[1], 1, false]]) {
  test(`an artist resumes an unregistered upload and discards another, from the Studio (${device}, ${sameDevice ? "same" : "another"} device)`, T, async () => {
    const wallet = walletFor(artistIndex);
    const { page, errors, context } = await browser.person({ wallet, viewport });
    await page.goto(`${market.base}/upload`);
    await page.getByRole("button", { name: "Connect wallet to upload" }).click();
    await page.locator("#wallet").getByRole("button", { name: "Sign out" }).waitFor({ timeout: 20_000 });
    const stamp = Date.now() % 100000;
    const keep = await uploadUnsigned(page, wallet, { title: `Resumed ${device} ${stamp}`, hz: sameDevice ? 523 : 587 });
    const drop = await uploadUnsigned(page, wallet, { title: `Dropped ${device} ${stamp}`, hz: sameDevice ? 659 : 698 });
    if (!sameDevice) await page.evaluate(() => { for (const k of Object.keys(localStorage)) if (k.startsWith("bittunes.register.")) localStorage.removeItem(k); });

    await page.goto(`${market.base}/studio`);
    await page.getByRole("heading", { name: "Waiting for their registration" }).waitFor({ timeout: 20_000 });
    const kept = page.locator(`li[data-draft="${keep}"]`);
    const dropped = page.locator(`li[data-draft="${drop}"]`);
    await kept.waitFor();
    await dropped.waitFor();
    await noSidewaysScroll(page, `the Studio's drafts at ${viewport.width} px`);
    await shot(page, `13-drafts-${viewport.width}`);

    // Discard: a second click confirms; the upload and its metadata are gone.
    await dropped.getByRole("button", { name: "Discard" }).click();
    await dropped.getByRole("button", { name: "Discard for good: its files are deleted" }).click();
    await dropped.waitFor({ state: "detached" });
    const left = (await (await page.request.get(`${market.base}/api/v1/uploads`)).json()).uploads.map((d) => d.contentHash);
    assert.ok(!left.includes(drop), "the discarded upload is still waiting");
    assert.ok(left.includes(keep), "the other upload went too");
    assert.equal((await page.request.get(`${market.base}/api/v1/metadata/${drop}`)).status(), 404);

    // Resume: on this device the kept registration (0.0021 ETH, 12 %); on another, the terms typed here.
    if (!sameDevice) {
      assert.equal(await kept.getByText("The registration made at upload is not on this device").count(), 1);
      await kept.getByLabel("Price in ETH").fill("0.0033");
      await kept.getByLabel("Referral share, %").fill("15");
    } else {
      assert.equal(await kept.getByLabel("Price in ETH").count(), 0, "the kept registration needs no terms");
    }
    await kept.getByRole("button", { name: "Register" }).click();
    await page.getByText("Registered: the track is on sale.").or(page.locator(`li[data-studio] a.t`, { hasText: `Resumed ${device} ${stamp}` })).first().waitFor({ timeout: 60_000 });
    const row = page.locator("li[data-studio]", { hasText: `Resumed ${device} ${stamp}` });
    await row.waitFor({ timeout: 20_000 });
    assert.equal(await page.locator(`li[data-draft="${keep}"]`).count(), 0, "the registered upload is still listed as waiting");
    const track = (await market.api(`/artists/${wallet.address}`)).tracks.find((x) => lower(x.contentHash) === lower(keep));
    assert.ok(track, "the resumed upload is a track on sale");
    assert.equal(track.price.wei, parseEther(sameDevice ? "0.0021" : "0.0033").toString());
    assert.equal(track.referralBps, sameDevice ? 1200 : 1500);
    assert.equal(track.listed, true);
    await shot(page, `13-resumed-${viewport.width}`);
    assertNoErrors(errors);
    await context.close();
  });
}

// The friend who receives the gifts names themselves once (before the gift journeys run).
let giftFriend = null;
async function namedFriend() {
  if (giftFriend) return giftFriend;
  const address = market.dev.accounts[7].address;
  const name = `Gift Friend ${Date.now() % 100000}`;
  const f = await browser.person({ wallet: walletFor(7) });
  await f.page.goto(`${market.base}/account`);
  await signIn(f.page);
  await f.page.locator("form[data-profile]").getByLabel("Name").fill(name);
  await f.page.getByRole("button", { name: "Save profile" }).click();
  await f.page.getByText("Saved.").waitFor();
  assertNoErrors(f.errors);
  await f.context.close();
  giftFriend = { address, name };
  return giftFriend;
}

// At a desktop the friend is named by their profile name, on a phone by their address.
for (const [device, viewport, giver, byName] of [[...viewports[0], 9, true], [...viewports[1], 6, false]]) {
  test(`a fan gives a track to a friend named by their ${byName ? "profile" : "address"} (${device})`, T, async () => {
    const friend = await namedFriend();
    const owned = await libraryIds(friend.address);
    const track = (await market.api("/tracks?limit=50")).tracks.find((t) => t.listed && !owned.includes(t.id) && lower(t.artist.address) !== lower(market.dev.accounts[giver].address));
    assert.ok(track, "a track the friend does not own");
    const g = await browser.person({ wallet: walletFor(giver), viewport });
    await g.page.goto(`${market.base}/t/${track.id}`);
    await g.page.getByText("Give it to a friend").click();
    await g.page.getByLabel("Friend's address or profile name").fill(byName ? friend.name : friend.address);
    await g.page.getByRole("button", { name: `Give for ${track.price.ether} ETH` }).click();
    await g.page.getByText("Given:").waitFor({ timeout: 60_000 });
    await g.page.locator("[data-sales]").getByText(String(track.sales + 1), { exact: true }).waitFor(); // the count refreshed
    await noSidewaysScroll(g.page, `the track page at ${viewport.width} px`);
    await shot(g.page, `12-gift-${viewport.width}`);
    assert.ok((await libraryIds(friend.address)).includes(track.id), "the track is in the friend's library");
    const sale = (await market.api(`/audit/purchases?track=${track.id}&account=${friend.address}`)).sales[0];
    assert.equal(lower(sale.buyer), lower(market.dev.accounts[giver].address));
    assert.equal(lower(sale.recipient), lower(friend.address));
    assertNoErrors(g.errors);
    await g.context.close();
  });
}

/** buyDirect buys a track for dev account i from the Node side (no page), on the quoted terms. */
async function buyDirect(i, trackId) {
  const account = market.dev.accounts[i];
  const chain = defineChain({ id: market.dev.chainId, name: "dev", nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 }, rpcUrls: { default: { http: [market.dev.rpc] } } });
  const client = createWalletClient({ account: privateKeyToAccount(account.privateKey), chain, transport: http(market.dev.rpc) });
  const reader = walletFor(i).reader;
  const zero = "0x0000000000000000000000000000000000000000";
  const q = await reader.readContract({ address: market.dev.market, abi, functionName: "quote", args: [BigInt(trackId), zero, account.address, account.address] });
  const hash = await client.writeContract({ address: market.dev.market, abi, functionName: "purchase", args: [BigInt(trackId), zero, q.feeBps, q.referralBps], value: q.price });
  await reader.waitForTransactionReceipt({ hash });
  await market.waitFor(`account ${i} to own track ${trackId}`, async () => (await libraryIds(account.address)).includes(trackId), 20_000);
}

// The artist makes a release of all their tracks in the Studio; a fan who owns one of them already
// opens another fan's referral link to the release and buys the rest in one transaction.
const releaseBuyers = new Set(); // the fans who bought a release already (fans are accounts 4–9)
for (const [device, viewport] of viewports) {
  test(`a release is made in the Studio and bought in one transaction through a referral, its owned track skipped (${device})`, T, async () => {
    const artistIndex = 2; // The Paper Kites Club: three tracks in the demo
    const artist = market.dev.accounts[artistIndex].address;
    const mine = (await market.api(`/artists/${artist}`)).tracks.filter((t) => t.listed);
    assert.ok(mine.length >= 3, "the demo artist has three tracks on sale");
    const chosen = mine.slice(-3);
    const sum = chosen.reduce((s, t) => s + BigInt(t.price.wei), 0n);
    const price = sum - parseEther("0.001");
    const { formatEther } = await import("viem");
    const title = `Tide Tables ${device} ${Date.now() % 100000}`;

    // The Studio: tracks chosen, the third moved up to second, the saving shown, registered.
    const a = await browser.person({ wallet: walletFor(artistIndex), viewport });
    await a.page.goto(`${market.base}/studio`);
    await signIn(a.page);
    const form = a.page.locator("form[data-form=release]");
    await a.page.getByText("Create a release").click({ timeout: 20_000 });
    await form.getByLabel("Release title").fill(title);
    await form.getByLabel("Kind").selectOption("ep");
    await form.getByLabel("Release date").fill("2026-11-30");
    await form.getByLabel("Release description").fill("Three songs for the turning tide.");
    for (const t of chosen) await form.getByLabel(t.title, { exact: false }).first().check();
    await form.getByRole("button", { name: `Move ${chosen[2].title} up` }).click();
    const order = [chosen[0], chosen[2], chosen[1]];
    // Registered a little dearer, then repriced from the Studio's list of releases.
    const first = price + parseEther("0.0005");
    await form.getByLabel("Release price in ETH").fill(formatEther(first));
    assert.equal(await form.locator("[data-saving]").textContent(), "0.0005 ETH");
    await noSidewaysScroll(a.page, `the Studio's release form at ${viewport.width} px`);
    await shot(a.page, `14-release-form-${viewport.width}`);
    await form.getByRole("button", { name: "Create and register the release" }).click();
    const registered = a.page.getByText("Registered:").first();
    await registered.waitFor({ timeout: 60_000 });
    const made = (await market.api(`/artists/${artist}/releases`)).releases.find((r) => r.metadata?.title === title);
    assert.ok(made, "the release is in the market");
    assert.equal(made.price.wei, first.toString());
    const row = a.page.locator(`li[data-release="${made.id}"]`);
    await row.getByLabel("Release price in ETH").fill(formatEther(price));
    await row.getByRole("button", { name: "Change release price" }).click();
    await row.getByText("Done: the market shows the change.").waitFor({ timeout: 60_000 });
    await row.getByRole("button", { name: "Take release off sale" }).click();
    await row.getByRole("button", { name: "Put release on sale" }).waitFor({ timeout: 60_000 });
    assert.equal((await market.api(`/releases/${made.id}`)).listed, false);
    await row.getByRole("button", { name: "Put release on sale" }).click();
    await row.getByRole("button", { name: "Take release off sale" }).waitFor({ timeout: 60_000 });
    const rel = await market.api(`/releases/${made.id}`);
    assert.equal(rel.listed, true);
    await shot(a.page, `14-release-in-studio-${viewport.width}`);
    assert.deepEqual(rel.tracks.map((t) => t.id), order.map((t) => t.id), "the release keeps the order chosen");
    assert.equal(rel.price.wei, price.toString());
    assert.equal(rel.saving.wei, parseEther("0.001").toString());
    assert.equal(rel.metadata.kind, "ep");
    assertNoErrors(a.errors);
    await a.context.close();

    // The buyer (a fan who owns neither the second nor the third track) owns the release's first
    // track already; the referrer (another fan) owns the second.
    const fans = [4, 5, 6, 7, 8, 9].filter((i) => !releaseBuyers.has(i));
    let buyerIndex;
    for (const i of fans) {
      const owns = await libraryIds(market.dev.accounts[i].address);
      if (!owns.includes(order[1].id) && !owns.includes(order[2].id)) { buyerIndex = i; break; }
    }
    assert.ok(buyerIndex, "a fan who owns neither the second nor the third track");
    releaseBuyers.add(buyerIndex);
    const refIndex = fans.find((i) => i !== buyerIndex);
    const buyer = market.dev.accounts[buyerIndex].address, referrer = market.dev.accounts[refIndex].address;
    if (!(await libraryIds(buyer)).includes(order[0].id)) await buyDirect(buyerIndex, order[0].id);
    if (!(await libraryIds(referrer)).includes(order[1].id)) await buyDirect(refIndex, order[1].id);
    const refOwns = await libraryIds(referrer);

    // The release's page through the referrer's link, as the buyer sees it.
    const wallet = walletFor(buyerIndex);
    const { page, errors } = await browser.person({ wallet, viewport });
    await page.goto(`${market.base}/releases/${rel.id}?ref=${lower(referrer)}`);
    assert.equal(await page.locator("h1").textContent(), title);
    await page.getByText("Shared by").waitFor();
    assert.equal(await page.locator("[data-price]").textContent(), `${formatEther(price)} ETH`);
    const rows = page.locator("table.release-tracks tbody tr");
    assert.deepEqual(await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.dataset.track))), order.map((t) => t.id));
    await page.locator("#wallet").getByRole("button", { name: "Connect wallet" }).click();
    await page.locator(`tr[data-track="${order[0].id}"] [data-status]`).getByText("You own it").waitFor({ timeout: 20_000 });
    const quote = await market.api(`/releases/${rel.id}/quote?buyer=${buyer}&referrer=${referrer}`);
    assert.equal(quote.tracksBought, 2);
    const buyButton = page.getByRole("button", { name: `Buy the EP for ${quote.amount.ether} ETH` });
    await buyButton.waitFor();
    await noSidewaysScroll(page, `the release page at ${viewport.width} px`);
    await shot(page, `14-release-quoted-${viewport.width}`);
    const sentBefore = wallet.sent.length;
    await buyButton.click();
    await page.getByText("It's yours: 2 tracks in one transaction, 1 skipped because you owned them.").waitFor({ timeout: 60_000 });
    await shot(page, `14-release-bought-${viewport.width}`);

    // One transaction: purchaseRelease through the link's referrer, paying the quote.
    assert.equal(wallet.sent.length, sentBefore + 1, "one transaction");
    const sent = wallet.sent.at(-1);
    const call = decodeFunctionData({ abi, data: sent.data });
    assert.equal(call.functionName, "purchaseRelease");
    assert.equal(call.args[0], BigInt(rel.id));
    assert.equal(lower(call.args[1]), lower(referrer));
    assert.equal(BigInt(sent.value), BigInt(quote.amount.wei));
    // What the contract decided, on the page and in the market: the owned track skipped, the others
    // sold at their parts, the referrer paid on the track they own.
    await page.locator(`tr[data-track="${order[0].id}"] [data-status][data-decided="skipped"]`).waitFor();
    const sales = (await market.api(`/audit/purchases?account=${buyer}&limit=100`)).sales;
    const tx = sales.find((s) => s.trackId === order[1].id).tx;
    const inTx = sales.filter((s) => s.tx === tx);
    assert.deepEqual(inTx.map((s) => s.trackId).sort(), [order[1].id, order[2].id].sort());
    for (const s of inTx) {
      const q = quote.tracks.find((x) => x.trackId === s.trackId);
      assert.equal(s.price.wei, q.amount.wei, `track ${s.trackId} sold at its part`);
      assert.equal(s.referrer ? lower(s.referrer) : null, refOwns.includes(s.trackId) ? lower(referrer) : null, `track ${s.trackId}'s referrer`);
      await page.locator(`tr[data-track="${s.trackId}"] [data-status][data-decided="bought"]`).waitFor();
    }
    const owned = await libraryIds(buyer);
    for (const t of order) assert.ok(owned.includes(t.id), `the buyer owns track ${t.id}`);
    await page.locator("[data-purchases]").getByText("1", { exact: true }).waitFor(); // the count refreshed
    assertNoErrors(errors);
    await page.context().close();
  });
}
