// The wallet control in the header: connect, choose a wallet, sign in, sign out.
import { html, render, notice } from "./dom.js";
import { short } from "./format.js";
import * as w from "./wallet.js";

/**
 * mount gives the header element to the wallet control. It is called once the wallet module is
 * initialised (lib/walletlazy.js), so the control never shows a placeholder: a visitor who is not
 * connected keeps the server's Connect button, which the control now handles.
 */
export function mount(el) {
  const server = el.querySelector("button[data-act=connect]");
  if (server) {
    server.title = connectWhy;
    el.dataset.drawn = "connect";
  }
  w.onChange(() => draw(el));
  el.addEventListener("click", async (ev) => {
    const b = ev.target.closest("button[data-act]");
    if (!b) return;
    b.disabled = true;
    try {
      if (b.dataset.act === "connect") await connectAndSignIn();
      if (b.dataset.act === "signin") await w.signIn();
      if (b.dataset.act === "switch") await w.ensureChain();
      if (b.dataset.act === "signout") await w.disconnect();
    } catch (e) {
      notice("error", w.explain(e).message, { id: "wallet-error" });
    } finally {
      b.disabled = false;
    }
  });
}

// draw re-renders only when the control changes, so that a button is never replaced under the
// pointer or the keyboard focus (a Connect button stays the one the server sent).
function draw(el) {
  const next = w.wallet.account ? String(control()) : "connect";
  if (next === el.dataset.drawn) return;
  el.dataset.drawn = next;
  el.innerHTML = next === "connect" ? String(html`<button type="button" class="btn btn-primary" data-act="connect" title="${connectWhy}">Connect wallet</button>`) : next;
}

function control() {
  const s = w.wallet;
  const wrong = s.chainId !== null && s.chainId !== w.chain.id;
  return html`
    <span class="who" title="${s.account}">${s.info?.icon ? html`<img src="${s.info.icon}" alt="" width="16" height="16"> ` : ""}${short(s.account)}</span>
    ${wrong ? html`<button type="button" class="btn btn-small" data-act="switch" title="Your wallet is on chain ${s.chainId}">Switch network</button>` : ""}
    ${w.signedIn()
      ? html`<button type="button" class="btn btn-ghost btn-small" data-act="signout">Sign out</button>`
      : html`<button type="button" class="btn btn-primary btn-small" data-act="signin" title="${signInWhy}">Sign in</button>`}`;
}

// Why each step is asked. Connecting tells this page your address and lets it ask your wallet for
// transactions (each one shown to you first); signing in is a free signature, not a transaction,
// that proves to the market's server that you hold the address. Wallets ask for the two
// separately, so one click asks for both, one after the other, saying each time why.
const connectWhy = "Connect: the page learns your address and can ask your wallet to send a purchase, which you approve each time.";
const signInWhy = "Sign in: a free signature (no transaction, no fee) that proves to the market you hold this address, to see your account, upload, and unlock what you bought.";
const stepConnect = "Step 1 of 2 · Your wallet asks whether to connect: this page then learns your address and can ask your wallet for a purchase, which you approve each time.";
const stepSignIn = "Step 2 of 2 · Your wallet asks you to sign in: a free signature (no transaction, no fee) proving to the market that you hold this address, so it can show your account, take your uploads and unlock what you bought.";

/**
 * connectAndSignIn asks the wallet for an account and then, at once, for the Sign-In with Ethereum
 * signature, with a line saying why each is asked. A wallet that refuses the signature stays
 * connected (buying needs no sign-in), and the header's Sign in button asks again later. It resolves
 * to the signed-in address, or null when the visitor stopped at either step.
 */
export async function connectAndSignIn() {
  const step = (text) => notice("info", text, { id: "wallet-step" });
  try {
    if (!w.wallet.account) {
      step(stepConnect);
      if (!(await connectChoosing())) return null;
    }
    if (w.signedIn()) return w.wallet.session;
    step(stepSignIn);
    try {
      return await w.signIn();
    } catch (e) {
      notice("warn", `Connected as ${short(w.wallet.account)}, not signed in: ${w.explain(e).message} You can buy without signing in; use Sign in when you want your account, uploads or downloads.`, { id: "wallet-error" });
      return null;
    }
  } finally {
    document.getElementById("wallet-step")?.remove();
  }
}

/** connectChoosing connects, asking which wallet when there are several. */
export async function connectChoosing() {
  const list = w.wallet.wallets;
  if (list.length <= 1) return w.connect(list[0]);
  const dlg = document.createElement("dialog");
  dlg.setAttribute("aria-labelledby", "choose-wallet");
  render(dlg, html`<h2 id="choose-wallet">Choose a wallet</h2><ul class="wallet-list">${list.map((x, i) =>
    html`<li><button type="button" class="btn" value="${i}">${x.info.icon ? html`<img src="${x.info.icon}" alt="">` : ""}${x.info.name}</button></li>`)}</ul>
    <button type="button" class="btn btn-ghost" value="">Cancel</button>`);
  document.body.append(dlg);
  const picked = await new Promise((resolve) => {
    dlg.addEventListener("click", (e) => {
      const b = e.target.closest("button");
      if (b) resolve(b.value);
    });
    dlg.addEventListener("cancel", () => resolve(""));
    dlg.showModal();
  });
  dlg.remove();
  if (picked === "") return null;
  return w.connect(list[Number(picked)]);
}
