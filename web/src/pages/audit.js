import { html, render } from "../lib/dom.js";
import { get, qs } from "../lib/api.js";
import { eth, dateTime, weiToEther } from "../lib/format.js";
import { txURL, config } from "../lib/config.js";
import { who } from "../lib/people.js";

/** salesTable renders sales with every part of their split and a link to each transaction. */
export function salesTable(sales, { titles = {}, names = {} } = {}) {
  if (!sales.length) return html`<p class="empty">No sales yet.</p>`;
  const ext = config.explorerUrl ? html`target="_blank" rel="noopener"` : "";
  return html`<div class="table-wrap"><table class="sales">
    <thead><tr><th scope="col">Time</th><th scope="col">Track</th><th scope="col">Buyer</th><th scope="col">Referred by</th>
      <th scope="col" class="num">Price</th><th scope="col" class="num">Artist</th><th scope="col">Collaborators</th><th scope="col" class="num">Referral</th><th scope="col" class="num">Fee</th><th scope="col">Transaction</th></tr></thead>
    <tbody>${sales.map((s) => html`<tr>
      <td>${dateTime(s.time)}</td>
      <td><a href="/t/${s.trackId}">${titles[s.trackId] ?? `#${s.trackId}`}</a></td>
      <td>${who(s.buyer, names)}${s.recipient !== s.buyer ? html` → ${who(s.recipient, names)} <span class="small muted">(a gift)</span>` : ""}</td>
      <td>${who(s.referrer, names)}</td>
      <td class="num">${eth(s.price)}</td><td class="num">${artistKeeps(s)}</td>
      <td>${(s.collaborators ?? []).length ? (s.collaborators).map((c) => html`<div>${who(c.address, names)} <span class="num">${eth(c.amount, false)}</span></div>`) : html`<span class="muted">none</span>`}</td><td class="num">${eth(s.referrerAmount, false)}</td><td class="num">${eth(s.feeAmount, false)}</td>
      <td><a class="mono" href="${txURL(s.tx)}" ${ext}>${s.tx.slice(0, 10)}…</a> <span class="small muted">block ${s.block}</span></td></tr>`)}</tbody></table></div>`;
}

/** artistKeeps is what the artist keeps of a sale's artist side once the collaborators are paid. */
function artistKeeps(s) {
  const paid = (s.collaborators ?? []).reduce((sum, c) => sum + BigInt(c.amount.wei), 0n);
  return weiToEther(BigInt(s.artistAmount.wei) - paid);
}

/** titlesOf fetches the titles of the tracks these sales are of. */
export async function titlesOf(sales) {
  const ids = [...new Set(sales.map((s) => s.trackId))];
  const out = {};
  await Promise.all(ids.map(async (id) => {
    try { out[id] = (await get(`/tracks/${id}`)).title; } catch { /* unlisted */ }
  }));
  return out;
}

export default async function audit(main) {
  const p = new URLSearchParams(location.search);
  const f = { track: p.get("track") ?? "", account: p.get("account") ?? "", cursor: p.get("cursor") ?? "" };
  const data = await get(`/audit/purchases${qs({ ...f, limit: 50 })}`);
  const titles = await titlesOf(data.sales);
  render(main, html`
    <section class="hero"><h1>Audit</h1>
      <p>Every sale on the market, with how its price was split between the artist, the fan who referred it and the platform fee. The parts always add up to the price; each links to its transaction${config.explorerUrl ? " on the block explorer" : ""}, where the contract's <code>Purchased</code> event carries the same amounts.</p>
      <p class="small muted">Market contract <span class="mono">${config.market}</span> on chain ${config.chainId}.</p></section>
    <form class="row panel" action="/audit" method="get">
      <div class="field"><label for="a-track">Track id</label><input id="a-track" name="track" inputmode="numeric" value="${f.track}"></div>
      <div class="field wide"><label for="a-account">Account (buyer, referrer or artist)</label><input id="a-account" name="account" value="${f.account}" placeholder="0x…"></div>
      <div class="field shrink"><button class="btn btn-primary">Filter</button></div>
    </form>
    <section class="panel">${salesTable(data.sales, { titles, names: data.names })}
      <nav class="pager">${f.cursor ? html`<a class="btn" href="/audit${qs({ ...f, cursor: "" })}">← Newest</a>` : ""}${data.nextCursor ? html`<a class="btn" href="/audit${qs({ ...f, cursor: data.nextCursor })}">Older sales →</a>` : ""}</nav>
    </section>`);
}
