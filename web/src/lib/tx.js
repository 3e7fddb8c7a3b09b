// A transaction's life, shown step by step: waiting for the signature, pending, mined, and
// visible in the market (the indexer has it).
import { html, render, message } from "./dom.js";
import { txURL, config } from "./config.js";
import { poll } from "./api.js";
import * as w from "./wallet.js";

/**
 * track runs send() (which returns a transaction hash once the wallet signed) and shows its
 * progress in el. indexed(receipt) is polled until it is truthy. It resolves to the receipt, or
 * null when the transaction failed (the reason is shown in el).
 */
export async function track(el, { title, send, indexed, done }) {
  const steps = [
    ["sign", "Waiting for your signature in the wallet"],
    ["pending", "Pending on the chain"],
    ["mined", "Mined"],
    ["indexed", "Visible in the market"],
  ];
  const st = { sign: "active" };
  let hash = null, block = null, error = null;
  const draw = () => render(el, html`
    <div class="txbox" aria-live="polite">
      <strong>${title}</strong>
      <ol class="txsteps">${steps.map(([k, label]) => html`<li class="${st[k] ?? ""}" data-step="${k}">${label}${
        k === "pending" && hash ? html` · <a href="${txURL(hash)}" ${config.explorerUrl ? html`target="_blank" rel="noopener"` : ""}>transaction ${hash.slice(0, 10)}…</a>` : ""}${
        k === "mined" && block !== null ? html` in block ${block}` : ""}</li>`)}</ol>
      ${error ? message("error", error) : ""}
      ${st.indexed === "done" && done ? message("ok", typeof done === "function" ? done() : done) : ""}
    </div>`);
  draw();
  try {
    hash = await send();
    st.sign = "done"; st.pending = "active"; draw();
    const receipt = await w.waitMined(hash);
    block = receipt.blockNumber.toString();
    st.pending = "done"; st.mined = "done"; st.indexed = "active"; draw();
    const ok = indexed ? await poll(() => indexed(receipt), { interval: 400, timeout: 60000 }) : true;
    if (!ok) throw new w.WalletError("slow", "Mined, but the market has not shown it yet. It will appear shortly; reload in a moment.");
    st.indexed = "done"; draw();
    return receipt;
  } catch (e) {
    const err = w.explain(e);
    const k = Object.keys(st).find((x) => st[x] === "active");
    if (k) st[k] = "failed";
    error = err.message;
    draw();
    err.shown = true;
    throw err;
  }
}
