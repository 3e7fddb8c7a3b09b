// The wallet code (viem, EIP-6963, Sign-In with Ethereum) is a chunk of its own, loaded when a
// visitor acts on the chain (connects, buys, opens their account or the upload page) or when they
// connected on an earlier visit. Until then the header shows a plain Connect button and the
// pages read the API only, so a shared link's first paint carries no wallet code.

let loaded = null; // the wallet module, once initialised
let loading = null;
let mounted = false; // the wallet control has taken over the header's buttons
const waiting = new Set();

/** loadWallet loads and initialises the wallet module (once) and mounts the header control. */
export function loadWallet() {
  loading ??= (async () => {
    const [w, ui] = await Promise.all([import("./wallet.js"), import("./walletui.js")]);
    ui.mount(document.getElementById("wallet"));
    mounted = true;
    await w.init();
    loaded = w;
    for (const fn of waiting) fn(w);
    return w;
  })();
  return loading;
}

/** onWallet calls fn with the wallet module as soon as it is loaded (now, if it is). */
export function onWallet(fn) {
  waiting.add(fn);
  if (loaded) fn(loaded);
}

/** walletUsed reports whether this browser connected a wallet or signed in here before. */
export function walletUsed() {
  try {
    return !!(localStorage.getItem("bittunes.wallet") || localStorage.getItem("bittunes.signedIn"));
  } catch {
    return false;
  }
}

/** connect loads the wallet and connects, asking which wallet when there are several. */
export async function connect() {
  const w = await loadWallet();
  if (w.wallet.account) return w.wallet.account;
  const { connectChoosing } = await import("./walletui.js");
  return connectChoosing();
}

/**
 * mountButton makes the server-rendered Connect button in the header load the wallet, and enables
 * it (the server sends it disabled: without this script it could do nothing).
 */
export function mountButton(el, notice) {
  for (const b of el.querySelectorAll("button[data-act=connect]")) b.disabled = false;
  el.addEventListener("click", async (ev) => {
    const b = ev.target.closest("button[data-act=connect]");
    // Once mounted, the wallet control handles its own buttons; a click before (even while the
    // wallet code loads) is this one's.
    if (!b || mounted) return;
    b.disabled = true;
    try {
      await connect();
    } catch (e) {
      const w = await loadWallet().catch(() => null);
      notice("error", w ? w.explain(e).message : e.message, { id: "wallet-error" });
    } finally {
      b.disabled = false;
    }
  });
}
