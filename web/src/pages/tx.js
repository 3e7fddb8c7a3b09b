// The market's own view of a transaction, for chains without a block explorer (the dev chain).
import { html, render, message } from "../lib/dom.js";
import { parseEventLogs } from "viem";
import { weiToEther } from "../lib/format.js";
import * as w from "../lib/wallet.js";
import { config } from "../lib/config.js";

function show(v) {
  if (typeof v === "bigint") return v.toString();
  if (Array.isArray(v)) return v.map(show).join(", ");
  if (v && typeof v === "object") return JSON.stringify(v, (_, x) => (typeof x === "bigint" ? x.toString() : x));
  return String(v);
}

/** label turns an event argument's name into words: artistAmount → "Artist amount". */
function label(k) {
  const words = k.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/Bps$/, "share").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** value renders an event argument: amounts in ETH (wei beside), accounts and tracks as links. */
function value(k, v) {
  if (typeof v === "bigint" && /amount|price|balance|value/i.test(k)) return html`${weiToEther(v)} ETH <span class="small muted">${v.toString()} wei</span>`;
  if (typeof v === "bigint" && /bps$/i.test(k)) return `${Number(v) / 100} %`;
  if (typeof v === "bigint" && k === "trackId") return html`<a href="/t/${v.toString()}">track ${v.toString()}</a>`;
  if (typeof v === "string" && /^0x[0-9a-fA-F]{40}$/.test(v)) return /^0x0{40}$/.test(v) ? html`<span class="muted">none</span>` : html`<a class="mono" href="/a/${v}">${v}</a>`;
  return html`<span class="mono">${show(v)}</span>`;
}

export default async function tx(main, { hash }) {
  if (!/^0x[0-9a-fA-F]{64}$/.test(hash)) throw Object.assign(new Error("not a transaction hash"), { status: 404 });
  const c = w.publicClient();
  const [t, r] = await Promise.all([c.getTransaction({ hash }), c.getTransactionReceipt({ hash }).catch(() => null)]);
  const events = r ? parseEventLogs({ abi: w.abi, logs: r.logs.filter((l) => l.address.toLowerCase() === config.market.toLowerCase()) }) : [];
  render(main, html`
    <h1>Transaction</h1>
    <p class="mono small">${hash}</p>
    ${r ? (r.status === "success" ? message("ok", `Mined in block ${r.blockNumber}`) : message("error", `Reverted in block ${r.blockNumber}`)) : message("info", "Pending")}
    <section class="panel"><div class="table-wrap"><table><tbody>
      <tr><th scope="row">From</th><td>${value("from", t.from)}</td></tr>
      <tr><th scope="row">To</th><td class="mono">${t.to ?? "contract creation"}</td></tr>
      <tr><th scope="row">Value</th><td>${weiToEther(t.value)} ETH</td></tr>
      ${r ? html`<tr><th scope="row">Gas used</th><td>${r.gasUsed.toString()}</td></tr>` : ""}
    </tbody></table></div></section>
    <section class="panel"><h2>Market events</h2>${events.length ? events.map((e) => html`<h3>${e.eventName}</h3><div class="table-wrap"><table><tbody>${Object.entries(e.args).map(([k, v]) => html`<tr><th scope="row">${label(k)}</th><td>${value(k, v)}</td></tr>`)}</tbody></table></div>`) : html`<p class="empty">No market events.</p>`}</section>`);
}
