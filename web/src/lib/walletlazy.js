// The wallet code (viem, EIP-6963, Sign-In with Ethereum) is a chunk of its own, loaded when a
// visitor acts on the chain (connects, buys, opens their account or the upload page) or when they
// connected on an earlier visit. Until then the header shows a plain Connect button and the
// pages read the API only, so a shared link's first paint carries no wallet code.
//
// The header's Connect button belongs to exactly one handler at a time: this module's until the
// wallet module has finished initialising, then the wallet control's. The hand-over happens in one
// synchronous step after init() resolves, so a click can never fall between the two (before, the
// control took over while init() still ran, redrew the header into a disabled placeholder, and a
// click on the server's button in that window did nothing).

const importWallet = () => Promise.all([import("./wallet.js"), import("./walletui.js")]);

/**
 * walletLoader builds the loader around load(), which resolves to [walletModule, uiModule]. Tests
 * give it fakes; the pages use the one built below.
 */
export function walletLoader(load = importWallet) {
  let loaded = null; // the wallet module, once initialised
  let loading = null;
  let ui = null; // the wallet control module, once the wallet is initialised
  const waiting = new Set();
  const mountOn = new Set(); // header elements to hand to the wallet control once initialised

  function loadWallet() {
    loading ??= (async () => {
      const [w, u] = await load();
      await w.init();
      // Everything below runs in one task: the control takes the header over, and the pages hear
      // of the wallet, with no event in between.
      ui = u;
      for (const el of mountOn) u.mount(el);
      loaded = w;
      for (const fn of waiting) fn(w);
      return w;
    })();
    // A chunk that failed to load (a flaky network) is tried again on the next action.
    loading.catch(() => { if (!loaded) loading = null; });
    return loading;
  }

  function onWallet(fn) {
    waiting.add(fn);
    if (loaded) fn(loaded);
  }

  /** connect loads the wallet and connects (the wallet chosen, when there are several). */
  async function connect() {
    const w = await loadWallet();
    if (w.wallet.account) return w.wallet.account;
    return ui.connectChoosing();
  }

  /** connectAndSignIn loads the wallet, connects and signs in, as the header's Connect does. */
  async function connectAndSignIn() {
    await loadWallet();
    return ui.connectAndSignIn();
  }

  function mountButton(el, notice) {
    for (const b of el.querySelectorAll("button[data-act=connect]")) b.disabled = false;
    if (ui) return ui.mount(el);
    mountOn.add(el);
    el.addEventListener("click", async (ev) => {
      const b = ev.target.closest("button[data-act=connect]");
      // Once the control has the header, it handles its own buttons; any click before (while the
      // wallet code loads and initialises) is this one's.
      if (!b || ui) return;
      b.disabled = true;
      try {
        await connectAndSignIn();
      } catch (e) {
        const w = await loadWallet().catch(() => null);
        notice("error", w ? w.explain(e).message : e.message, { id: "wallet-error" });
      } finally {
        b.disabled = false;
      }
    });
  }

  return { loadWallet, onWallet, connect, connectAndSignIn, mountButton };
}

const loader = walletLoader();

/** loadWallet loads and initialises the wallet module (once) and mounts the header control. */
export const loadWallet = loader.loadWallet;

/** onWallet calls fn with the wallet module as soon as it is loaded (now, if it is). */
export const onWallet = loader.onWallet;

/** connect loads the wallet and connects, asking which wallet when there are several. */
export const connect = loader.connect;

/**
 * mountButton makes the server-rendered Connect button in the header connect and sign in, and
 * enables it (the server sends it disabled: without this script it could do nothing).
 */
export const mountButton = loader.mountButton;

/** walletUsed reports whether this browser connected a wallet or signed in here before. */
export function walletUsed() {
  try {
    return !!(localStorage.getItem("bittunes.wallet") || localStorage.getItem("bittunes.signedIn"));
  } catch {
    return false;
  }
}
