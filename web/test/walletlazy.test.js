// The lazy wallet loader's hand-over of the header's Connect button (web/src/lib/walletlazy.js):
// until the wallet module has finished initialising, a click is the loader's; after, the wallet
// control's; never nobody's, never both.
import { test } from "node:test";
import assert from "node:assert/strict";
import { walletLoader } from "../src/lib/walletlazy.js";

/** fakes builds a wallet module whose init() the test finishes, a control module that records. */
function fakes() {
  const log = [];
  let finishInit;
  const w = {
    wallet: { account: null },
    init: () => new Promise((r) => { log.push("init"); finishInit = () => { log.push("init done"); r(); }; }),
    explain: (e) => e,
  };
  const ui = {
    mount: (el) => { log.push("mount"); el.mounted = true; },
    connectAndSignIn: async () => { log.push("connectAndSignIn"); return "0xabc"; },
    connectChoosing: async () => { log.push("connectChoosing"); return "0xabc"; },
  };
  return { w, ui, log, finish: () => finishInit() };
}

/** header is a stand-in for the header element holding the server's Connect button. */
function header() {
  const button = { disabled: true, dataset: { act: "connect" } };
  const handlers = [];
  return {
    button,
    querySelectorAll: () => [button],
    addEventListener: (type, fn) => handlers.push(fn),
    click: () => Promise.all(handlers.map((fn) => fn({ target: { closest: () => button } }))),
  };
}

const tick = () => new Promise((r) => setImmediate(r));

test("a Connect click while the wallet initialises connects and signs in once the wallet is ready", async () => {
  const f = fakes();
  const loader = walletLoader(async () => [f.w, f.ui]);
  const el = header();
  const notices = [];
  loader.mountButton(el, (...a) => notices.push(a));
  assert.equal(el.button.disabled, false, "the server's button is enabled by the script");
  loader.loadWallet();
  await tick();
  assert.deepEqual(f.log, ["init"]);
  const clicked = el.click(); // between the start of init() and its end
  await tick();
  assert.equal(el.mounted, undefined, "the control must not take the header before init() finishes");
  assert.ok(!f.log.includes("connectAndSignIn"), "nothing asked of the wallet before it is ready");
  f.finish();
  await clicked;
  assert.deepEqual(f.log, ["init", "init done", "mount", "connectAndSignIn"]);
  assert.deepEqual(notices, []);
});

test("after the hand-over the loader leaves clicks to the wallet control", async () => {
  const f = fakes();
  const loader = walletLoader(async () => [f.w, f.ui]);
  const el = header();
  loader.mountButton(el, () => {});
  const loaded = loader.loadWallet();
  await tick();
  f.finish();
  await loaded;
  assert.equal(el.mounted, true);
  await el.click();
  assert.ok(!f.log.includes("connectAndSignIn"), "the loader handled a click the control owns");
});

test("pages hear of the wallet only after the control has the header, and a late mount goes straight to it", async () => {
  const f = fakes();
  const loader = walletLoader(async () => [f.w, f.ui]);
  const el = header();
  loader.mountButton(el, () => {});
  loader.onWallet(() => f.log.push("page"));
  const loaded = loader.loadWallet();
  await tick();
  f.finish();
  assert.equal(await loaded, f.w);
  assert.deepEqual(f.log, ["init", "init done", "mount", "page"]);
  const late = header();
  loader.mountButton(late, () => {});
  assert.equal(late.mounted, true);
  loader.onWallet(() => f.log.push("late page"));
  assert.equal(f.log.at(-1), "late page");
});

test("a failure while loading is reported, the button works again, and the next click loads anew", async () => {
  const f = fakes();
  let fail = true;
  const loader = walletLoader(async () => {
    if (fail) throw new Error("chunk failed to load");
    return [f.w, f.ui];
  });
  const el = header();
  const notices = [];
  loader.mountButton(el, (...a) => notices.push(a));
  await el.click();
  assert.equal(notices.length, 1);
  assert.equal(notices[0][1], "chunk failed to load");
  assert.equal(el.button.disabled, false);
  fail = false;
  const clicked = el.click();
  await tick();
  f.finish();
  await clicked;
  assert.deepEqual(f.log, ["init", "init done", "mount", "connectAndSignIn"]);
});
