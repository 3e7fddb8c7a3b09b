// The release page is rendered on the server (cover, title, tracks in order with their parts, the
// saving, the Buy button). This adds the purchase: the API's quote from the contract says what a
// buyer pays and which tracks are skipped because they own them already; the release is bought in
// one transaction through the link's referrer (?ref=), and what the contract decided is shown after,
// track by track, from the market's record of the sales.
import { html, render, message, $ } from "../lib/dom.js";
import { get, qs } from "../lib/api.js";
import { eth, short, weiToEther, zeroAddress } from "../lib/format.js";
import { loadWallet, onWallet, connect } from "../lib/walletlazy.js";

const addressPattern = /^0x[0-9a-fA-F]{40}$/;

/** linkRef is the referrer of this release's link: from ?ref=, else remembered from an earlier visit. */
function linkRef(id) {
  const key = `bittunes.ref.release.${id}`;
  const fromURL = new URLSearchParams(location.search).get("ref");
  try {
    if (fromURL && addressPattern.test(fromURL)) {
      localStorage.setItem(key, fromURL);
      return fromURL;
    }
    const kept = localStorage.getItem(key);
    return kept && addressPattern.test(kept) ? kept : null;
  } catch {
    return fromURL && addressPattern.test(fromURL) ? fromURL : null;
  }
}

export default async function release(main, { id }, ready) {
  const ref = linkRef(id);
  let r = await get(`/releases/${encodeURIComponent(id)}`);
  let w = null;
  const buyArea = $("#buy-area", main), txArea = $("#tx-area", main);
  const kind = r.metadata?.kind === "ep" ? "EP" : r.metadata?.kind ?? "release";

  /** quote is the contract's quote for buyer (through the link's referrer), via the API. */
  const quote = (buyer) => get(`/releases/${encodeURIComponent(id)}/quote${qs({ buyer, referrer: ref })}`);

  /** showQuote marks each track: skipped (owned), or its part and whether the referrer is paid on it. */
  function showQuote(q) {
    for (const t of q.tracks) {
      const cell = $(`tr[data-track="${t.trackId}"] [data-status]`, main);
      if (!cell) continue;
      render(cell, t.skipped
        ? html`<strong>You own it</strong>: skipped, not charged`
        : html`${eth(t.amount)}${t.creditedReferrer ? html` · ${short(t.creditedReferrer)} earns ${eth(t.referrerAmount)}` : ""}`);
      cell.classList.toggle("muted", t.skipped);
    }
  }

  function buyButton(q) {
    if (!r.listed) return render(buyArea, message("warn", "The artist has taken this release off sale for now; its tracks are sold one by one."));
    if (q && q.tracksBought === 0) return render(buyArea, message("ok", html`<strong>You own every track of this ${kind}.</strong> Find them in <a href="/account">your library</a>.`));
    const price = q ? q.amount : r.effectivePrice;
    const skipped = q ? q.tracks.filter((t) => t.skipped).length : 0;
    render(buyArea, html`<div class="actions"><button type="button" class="btn btn-primary btn-big" data-act="buy">Buy the ${kind} for ${eth(price)}</button>
      <span class="small muted">${skipped ? `${skipped} track${skipped === 1 ? "" : "s"} you own already: not charged.` : "One transaction; tracks you own already are not charged."}</span></div>`);
    $("[data-act=buy]", buyArea).addEventListener("click", (e) => buy(e.currentTarget));
  }

  async function refresh() {
    const viewer = w?.wallet.account ?? null;
    r = await get(`/releases/${encodeURIComponent(id)}`);
    if (!viewer) return buyButton(null);
    const q = await quote(viewer);
    showQuote(q);
    buyButton(q);
  }

  /** decided shows, per track, what the contract did in transaction hash: sold at a part (and
   * whether the referrer was credited), or skipped. */
  async function decided(hash, buyer) {
    const sales = (await get(`/audit/purchases${qs({ account: buyer, limit: 100 })}`)).sales.filter((s) => s.tx.toLowerCase() === hash.toLowerCase());
    for (const t of r.tracks) {
      const cell = $(`tr[data-track="${t.id}"] [data-status]`, main);
      const s = sales.find((x) => x.trackId === t.id || x.track?.id === t.id);
      if (!cell) continue;
      render(cell, s
        ? html`<strong>Bought</strong> for ${eth(s.price)}${s.referrer ? html` · ${short(s.referrer)} was paid ${eth(s.referrerAmount)}` : " · no referrer credited"}`
        : html`<strong>Skipped</strong>: you owned it, not charged`);
      cell.dataset.decided = s ? "bought" : "skipped";
    }
    return sales;
  }

  async function buy(button) {
    button.disabled = true;
    render(txArea, "");
    try {
      w = await loadWallet();
      const tx = await import("../lib/tx.js");
      if (!w.wallet.account && !(await connect())) return;
      await w.ensureChain();
      const buyer = w.wallet.account;
      const q = await quote(buyer);
      showQuote(q);
      if (q.tracksBought === 0) return buyButton(q);
      const value = BigInt(q.amount.wei);
      const balance = await w.publicClient().getBalance({ address: buyer });
      if (balance < value) throw new w.WalletError("insufficient_funds", `Your wallet holds ${weiToEther(balance)} ETH: not enough to pay ${weiToEther(value)} ETH and the network fee.`);
      let sold = [];
      const receipt = await tx.track(txArea, {
        title: `Buying “${r.metadata?.title ?? `release ${r.id}`}” (${q.tracksBought} track${q.tracksBought === 1 ? "" : "s"}) for ${weiToEther(value)} ETH`,
        send: () => w.write("purchaseRelease", [BigInt(r.id), ref ?? zeroAddress, q.maxFeeBps, q.minReferralBps], value),
        indexed: async (rc) => (sold = await decided(rc.transactionHash, buyer)).length === q.tracksBought,
        done: () => html`It's yours: ${sold.length} track${sold.length === 1 ? "" : "s"} in one transaction${q.tracksBought < q.tracks.length ? `, ${q.tracks.length - q.tracksBought} skipped because you owned them` : ""}. Find them in <a href="/account">your library</a>.`,
      });
      if (receipt) await decided(receipt.transactionHash, buyer);
      buyButton({ ...q, tracksBought: 0 });
      r = await get(`/releases/${encodeURIComponent(id)}`); // the purchase count refreshes
      const count = $("[data-purchases]", main);
      if (count) render(count, html`<strong>${r.purchases}</strong> ${r.purchases === 1 ? "purchase" : "purchases"} of the release`);
    } catch (e) {
      if (!w) return render(txArea, message("error", e.message));
      const err = w.explain(e);
      if (err.kind === "price_changed" || err.kind === "terms_changed") {
        render(txArea, message("warn", "The release's price or terms changed since you were quoted. Nothing was sent. Buy again to see the new price."));
        await refresh().catch(() => {});
      } else if (!err.shown) render(txArea, message("error", err.message));
    } finally {
      button.disabled = false;
    }
  }

  const serverBuy = $("[data-act=buy]", buyArea); // sent disabled: it works once this script has it
  if (serverBuy) {
    serverBuy.addEventListener("click", (e) => buy(e.currentTarget));
    serverBuy.disabled = false;
  }
  let last;
  const watch = (mod) => {
    w = mod;
    w.onChange((s) => {
      if (s.account === last) return;
      last = s.account;
      refresh().catch((e) => render(txArea, message("error", w.explain(e).message)));
    });
  };
  const loaded = await ready;
  if (loaded) return watch(loaded);
  onWallet(watch);
}
