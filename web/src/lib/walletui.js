// The wallet control in the header: connect, choose a wallet, sign in, sign out.
import { html, render, notice } from "./dom.js";
import { short } from "./format.js";
import * as w from "./wallet.js";

export function mount(el) {
  w.onChange(() => draw(el));
  el.addEventListener("click", async (ev) => {
    const b = ev.target.closest("button[data-act]");
    if (!b) return;
    b.disabled = true;
    try {
      if (b.dataset.act === "connect") await connectChoosing();
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
// pointer or the keyboard focus.
function draw(el) {
  const next = String(control());
  if (next === el.dataset.drawn) return;
  el.dataset.drawn = next;
  el.innerHTML = next;
}

function control() {
  const s = w.wallet;
  if (!s.ready) return html`<button type="button" class="btn btn-ghost" disabled>Wallet…</button>`;
  if (!s.account) return html`<button type="button" class="btn btn-primary" data-act="connect" title="${connectWhy}">Connect wallet</button>`;
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
// that proves to the market's server that you hold the address. Wallets ask for the two separately.
const connectWhy = "Connect: the page learns your address and can ask your wallet to send a purchase, which you approve each time.";
const signInWhy = "Sign in: a free signature (no transaction, no fee) that proves to the market you hold this address, to see your account, upload, and unlock what you bought.";

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
