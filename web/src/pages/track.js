import { html, render, message, $ } from "../lib/dom.js";
import { get, qs } from "../lib/api.js";
import { eth, pct, short, duration, date, zeroAddress, weiToEther } from "../lib/format.js";
import { audioURL, downloadURL, magnetURI, torrentURL } from "../lib/media.js";
import { play } from "../lib/player.js";
import { loadWallet, onWallet, connect } from "../lib/walletlazy.js";
import { shortLink } from "../lib/shortlink.js";
import { supportersInto, giftForm } from "../lib/people.js";

// The track page is rendered on the server (cover, title, price, the Buy button, what a referrer
// earns). This adds the preview player, the purchase, the viewer's referral state and, for an
// owner, their links. The wallet module (w) is loaded when the visitor buys or connects.
let w = null;

const addressPattern = /^0x[0-9a-fA-F]{40}$/;

/** rememberedRef is the referrer of this track's link: from ?ref=, else remembered from an earlier visit. */
function rememberedRef(id) {
  const key = `bittunes.ref.${id}`;
  const fromURL = new URLSearchParams(location.search).get("ref");
  if (fromURL && addressPattern.test(fromURL)) {
    localStorage.setItem(key, fromURL);
    return fromURL;
  }
  const kept = localStorage.getItem(key);
  return kept && addressPattern.test(kept) ? kept : null;
}

export default async function track(main, { id }, ready) {
  const ref = rememberedRef(id);
  let t = await get(`/tracks/${encodeURIComponent(id)}${qs({ ref })}`);
  let shownPrice = BigInt($(".track-hero", main)?.dataset.priceWei ?? t.price.wei); // the price the visitor was shown
  supportersInto($("#supported-by", main), id);
  $("[data-act=preview]", main)?.addEventListener("click", () => {
    $("#preview-audio", main)?.pause();
    play(t);
  });

  const refInfo = $("#ref-info", main), buyArea = $("#buy-area", main), txArea = $("#tx-area", main), ownerArea = $("#owner-area", main);
  const linkRef = ref ?? zeroAddress; // always passed to purchase(): the contract decides whom it credits

  /** quote asks the contract what a purchase by buyer for recipient (a gift when not the buyer)
   * through the link's referrer would cost and pay now. */
  const quote = (buyer, recipient = buyer) => w.read("quote", [BigInt(t.id), linkRef, buyer, recipient]);

  /** refName is the link's referrer by their profile name, else their short address. */
  const refName = () => Object.entries(t.names ?? {}).find(([a]) => a.toLowerCase() === ref.toLowerCase())?.[1] ?? short(ref);

  /** showReferrer says whether the contract would credit the link's referrer (the API's answer when it cannot ask). */
  function showReferrer(credited, reason) {
    if (!ref) return;
    render(refInfo, credited
      ? message("info", html`You came through <strong title="${ref}">${refName()}</strong>'s link: they get ${pct(t.referralBps)} of this sale, at no extra cost to you.`)
      : html`<p class="small muted">The referrer of your link, <span title="${ref}">${refName()}</span>, will not be credited (${reason ?? "not eligible"}), so the artist keeps the referral share.</p>`);
  }
  const serverBuy = $("[data-act=buy]", buyArea); // sent disabled: it works once this script has it
  if (serverBuy) {
    serverBuy.addEventListener("click", (e) => buy(e.currentTarget));
    serverBuy.disabled = false;
    giftForm(buyArea, t, (button, recipient, label) => buy(button, { recipient, label }));
  }

  async function refresh() {
    const viewer = w?.wallet.account ?? null;
    t = await get(`/tracks/${encodeURIComponent(id)}${qs({ ref, viewer })}`);
    // The API's eligibility (from indexed purchases) is shown first; the contract's quote, when the
    // chain can be read, replaces it: a referrer whose purchase is not indexed yet is still credited.
    showReferrer(t.referrer?.eligible, t.referrer?.reason);
    if (ref && viewer) {
      try {
        const q = await quote(viewer);
        showReferrer(q.creditedReferrer.toLowerCase() === ref.toLowerCase(), t.referrer?.reason ?? "the contract does not credit this address");
      } catch { /* no chain to read: keep the API's answer */ }
    }
    let owns = false;
    if (viewer) {
      try {
        owns = await w.read("owns", [BigInt(t.id), viewer]);
      } catch {
        owns = t.viewer?.owns ?? false; // no chain to read: the indexed purchases' answer
      }
    }
    if (owns) render(refInfo, ""); // a link matters to buyers only
    const sales = $("[data-sales]", main); // the count refreshes after a purchase
    if (sales) render(sales, html`<strong>${t.sales}</strong> ${t.sales === 1 ? "sale" : "sales"}`);
    if (!t.listed) render(buyArea, message("warn", "The artist has taken this track off sale for now."));
    else if (t.viewerIsArtistSide && !owns) {
      render(refInfo, "");
      $(".gift", main)?.remove();
      render(buyArea, html`<div class="msg info" role="status" data-own-view><div><strong>Your track.</strong> ${t.sales} sale${t.sales === 1 ? "" : "s"}, ${eth(t.revenue)} in all, at ${eth(t.price)} with ${pct(t.referralBps)} to referrers.
        <a href="/studio">Change the price, the share or the listing, or edit it, in your Studio</a>. Share its page: every sale through a fan's link is a real fan's.</div></div>`);
    } else if (owns) render(buyArea, message("ok", html`<strong>You own this track.</strong> Play it, download it, and share your link below.`));
    else render(buyArea, html`<div class="actions"><button type="button" class="btn btn-primary btn-big" data-act="buy">Buy for ${eth(t.price)}</button>
      ${viewer ? "" : html`<span class="small muted">You pay with your browser wallet.</span>`}</div>`);
    $("[data-act=buy]", buyArea)?.addEventListener("click", (e) => buy(e.currentTarget));
    await drawOwner(owns, viewer);
    buyArea.dataset.shownFor = viewer?.toLowerCase() ?? ""; // whom the buy area was last drawn for
  }

  async function drawOwner(owns, viewer) {
    if (!owns) {
      render(ownerArea, html`<p class="small muted">Buy it to get your own referral link.</p>`);
      return;
    }
    const long = `${location.origin}/t/${t.id}?ref=${viewer.toLowerCase()}`;
    const link = (await shortLink(t.id, viewer)) ?? long;
    const mine = t.viewer?.owns ? t.viewer : null; // its referral sales, once the purchase is indexed
    const signed = w.signedIn();
    const audio = audioURL(t), dl = downloadURL(t), magnet = magnetURI(t), torrent = torrentURL(t);
    render(ownerArea, html`
      <label for="my-ref">Your referral link</label>
      <div class="copyrow"><input id="my-ref" readonly value="${link}"><button type="button" class="btn" data-act="copy">Copy link</button></div>
      <div class="actions share">
        ${navigator.share ? html`<button type="button" class="btn btn-primary" data-act="share">Share…</button>` : ""}
        <button type="button" class="btn" data-act="qr" aria-expanded="false" aria-controls="qr-box">QR code</button>
      </div>
      <figure id="qr-box" class="qr" hidden><img alt="QR code of your referral link" width="240" height="240"><figcaption class="small muted">Print it on a poster or show it at a gig: whoever scans it and buys pays you ${pct(t.referralBps)}.</figcaption></figure>
      <details class="small"><summary>Put a player on your site</summary><p>Paste this where the player should go; a purchase through it pays you too.</p>
        <input readonly aria-label="Player code" value="${`<iframe src="${location.origin}/embed/t/${t.id}?ref=${viewer.toLowerCase()}" width="480" height="152" style="border:0" loading="lazy"></iframe>`}"></details>
      <p class="small mt-s" data-earned>${mine
        ? html`You have earned <strong>${eth(mine.referralEarnings)}</strong> from ${mine.referralSales} sale${mine.referralSales === 1 ? "" : "s"} through your link.`
        : html`Your link has not brought a sale yet.`}</p>
      <div class="actions">
        ${audio && signed ? html`<button type="button" class="btn btn-primary" data-act="play">Play</button>` : ""}
        ${dl && signed ? html`<a class="btn" href="${dl}" download>Download</a>` : ""}
        ${audio && !signed ? html`<button type="button" class="btn btn-primary" data-act="signin">Sign in to play or download</button>` : ""}
        ${magnet ? html`<a class="btn" href="${magnet}">Magnet link</a>` : ""}
        ${torrent ? html`<a class="btn" href="${torrent}">.torrent</a>` : ""}
      </div>
      ${!audio && !dl && !magnet ? html`<p class="small muted">Playing, downloading and the torrent of the full track come from the market's content service, which this server does not offer yet. Your ownership is on-chain and stays yours.</p>` : ""}`);
    $("[data-act=copy]", ownerArea).addEventListener("click", async (e) => {
      const button = e.currentTarget;
      const input = $("#my-ref", ownerArea);
      input.select();
      try { await navigator.clipboard.writeText(link); } catch { document.execCommand?.("copy"); }
      button.textContent = "Copied";
    });
    $("[data-act=share]", ownerArea)?.addEventListener("click", async () => {
      try {
        await navigator.share({ title: `${t.title} by ${t.artist.name || short(t.artist.address)}`, text: `Listen to ${t.title} on Bittunes`, url: link });
      } catch { /* the visitor closed the share sheet */ }
    });
    $("[data-act=qr]", ownerArea).addEventListener("click", (e) => {
      const box = $("#qr-box", ownerArea);
      const img = box.querySelector("img");
      if (!img.getAttribute("src")) img.src = `/qr?url=${encodeURIComponent(link)}`;
      box.hidden = !box.hidden;
      e.currentTarget.setAttribute("aria-expanded", String(!box.hidden));
    });
    $("[data-act=play]", ownerArea)?.addEventListener("click", () => play(t, audio, "Full track"));
    $("[data-act=signin]", ownerArea)?.addEventListener("click", async (e) => {
      const button = e.currentTarget;
      button.disabled = true;
      try {
        await w.signIn();
      } catch (err) {
        render(txArea, message("error", w.explain(err).message));
        button.disabled = false;
      }
    });
  }

  /** buy buys the track for the connected account, or as a gift for gift.recipient (named gift.label). */
  async function buy(button, gift = null) {
    button.disabled = true;
    render(txArea, "");
    try {
      w = await loadWallet();
      const tx = await import("../lib/tx.js");
      if (!w.wallet.account && !(await connect())) return;
      await w.ensureChain();
      const buyer = w.wallet.account;
      // The link's referrer goes to the contract as it is: the contract decides whether it is credited
      // (the quote says so), and the purchase names the terms quoted, so a fee raised or a referral
      // share cut in front of it makes it revert instead of paying on worse terms.
      const to = gift?.recipient ?? buyer;
      const q = await quote(buyer, to);
      if (q.price !== shownPrice) return priceChanged(q.price);
      const credited = q.creditedReferrer !== zeroAddress ? q.creditedReferrer : null;
      showReferrer(Boolean(credited), t.referrer?.reason);
      const balance = await w.publicClient().getBalance({ address: buyer });
      if (balance < q.price) throw new w.WalletError("insufficient_funds", `Your wallet holds ${weiToEther(balance)} ETH: not enough to pay ${weiToEther(q.price)} ETH and the network fee.`);
      await tx.track(txArea, {
        title: gift ? `Giving “${t.title}” to ${gift.label} for ${weiToEther(q.price)} ETH` : `Buying “${t.title}” for ${weiToEther(q.price)} ETH`,
        send: () => gift
          ? w.write("purchaseFor", [to, BigInt(t.id), linkRef, q.feeBps, q.referralBps], q.price)
          : w.write("purchase", [BigInt(t.id), linkRef, q.feeBps, q.referralBps], q.price),
        indexed: async (r) => {
          const a = await get(`/audit/purchases${qs({ track: t.id, account: buyer })}`);
          return a.sales.some((s) => s.tx.toLowerCase() === r.transactionHash.toLowerCase());
        },
        done: gift
          ? html`Given: “${t.title}” is in ${gift.label}'s library now. ${credited ? html`${short(credited)} was paid for passing it on.` : ""}`
          : html`It's yours. ${credited ? html`${short(credited)} was paid for passing it on. ` : ""}Find it in <a href="/account">your library</a>.`,
      });
      await refresh();
    } catch (e) {
      if (!w) return render(txArea, message("error", e.message));
      const err = w.explain(e);
      if (err.kind === "price_changed" && err.price !== undefined) return priceChanged(err.price);
      if (err.kind === "terms_changed") return termsChanged(err);
      if (!err.shown) render(txArea, message("error", err.message));
    } finally {
      button.disabled = false;
    }
  }

  function termsChanged(err) {
    render(txArea, message("warn", html`The platform fee or the referral share changed since you were quoted (now ${pct(err.feeBps)} fee, ${pct(err.referralBps)} to a referrer). Nothing was sent. Buy again to accept the new terms.`));
  }

  function priceChanged(price) {
    const before = shownPrice;
    shownPrice = price;
    $("[data-price]", main).textContent = `${weiToEther(price)} ETH`;
    render(txArea, message("warn", html`The price changed since the page loaded: it was ${weiToEther(before)} ETH and is now <strong>${weiToEther(price)} ETH</strong>. Nothing was sent. Buy again to pay the new price.`));
    const b = $("[data-act=buy]", buyArea);
    if (b) {
      b.textContent = `Buy for ${weiToEther(price)} ETH`;
      b.focus();
    }
  }

  let last = undefined;
  const watch = (mod) => {
    w = mod;
    w.onChange((s) => {
      const key = `${s.account}|${w.signedIn()}`;
      if (key === last) return;
      last = key;
      refresh().catch((e) => render(txArea, message("error", w.explain(e).message)));
    });
  };
  const loaded = await ready;
  if (loaded) return watch(loaded);
  refresh().catch((e) => render(txArea, message("error", e.message)));
  onWallet(watch);
}
