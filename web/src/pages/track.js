import { html, render, message, $ } from "../lib/dom.js";
import { get, qs } from "../lib/api.js";
import { eth, pct, short, duration, date, zeroAddress, weiToEther } from "../lib/format.js";
import { artistLink, cover } from "../lib/ui.js";
import { previewURL, audioURL, downloadURL, magnetURI, torrentURL } from "../lib/media.js";
import { play } from "../lib/player.js";
import { connectChoosing } from "../lib/walletui.js";
import * as w from "../lib/wallet.js";
import * as tx from "../lib/tx.js";

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
  let shownPrice = BigInt(t.price.wei); // the price the visitor was shown
  document.title = `${t.title} by ${t.artist.name || short(t.artist.address)} · Bittunes`;
  const preview = previewURL(t, { strict: true });
  render(main, html`
    <article class="track-hero">
      <div>${cover(t, "cover")}</div>
      <div>
        <div class="kicker"><a href="/charts/${t.genre.slug}">${t.genre.name}</a>${t.subgenre?.slug ? html` · <a href="/charts/${t.genre.slug}/${t.subgenre.slug}">${t.subgenre.name}</a>` : ""}</div>
        <h1>${t.title}</h1>
        <div class="by">by ${artistLink(t.artist)}</div>
        ${t.description ? html`<p>${t.description}</p>` : ""}
        <div class="facts">
          <span><strong>${duration(t.durationMs)}</strong> long</span>
          <span><strong>${t.sales}</strong> sale${t.sales === 1 ? "" : "s"}</span>
          <span>Released <strong>${date(t.registeredAt)}</strong></span>
          ${t.collaborators?.length ? html`<span>With <strong>${t.collaborators.length}</strong> collaborator${t.collaborators.length === 1 ? "" : "s"}</span>` : ""}
        </div>
        ${preview ? html`<label for="preview-audio" class="small muted flush">Free preview</label><audio id="preview-audio" controls preload="none" src="${preview}"></audio>
          <div class="actions"><button type="button" class="btn" data-act="preview">Play preview in the player</button></div>`
          : html`<p class="small muted">No preview for this track yet.</p>`}
        <section class="buybox" aria-labelledby="buy-h">
          <h2 id="buy-h" class="sr-only">Buy</h2>
          <div class="pricetag" data-price>${eth(t.price)}</div>
          <div id="ref-info"></div>
          <div id="buy-area"></div>
          <div id="tx-area"></div>
        </section>
        <section class="buybox" aria-labelledby="dist-h">
          <h2 id="dist-h">Pass it on, get paid</h2>
          <p>${t.referralBps
            ? html`Owners of this track earn <strong>${pct(t.referralBps)}</strong> of every sale they bring in — <strong>${weiToEther(BigInt(t.price.wei) * BigInt(t.referralBps) / 10000n)} ETH</strong> per sale at today's price, paid by the contract in the same transaction.`
            : html`The artist keeps every referral share of this track: referrers earn nothing from it.`}</p>
          <div id="owner-area"></div>
        </section>
      </div>
    </article>`);
  $("[data-act=preview]", main)?.addEventListener("click", () => {
    $("#preview-audio", main)?.pause();
    play(t);
  });

  const refInfo = $("#ref-info", main), buyArea = $("#buy-area", main), txArea = $("#tx-area", main), ownerArea = $("#owner-area", main);
  const linkRef = ref ?? zeroAddress; // always passed to purchase(): the contract decides whom it credits

  /** quote asks the contract what a purchase by buyer through the link's referrer would cost and pay now. */
  const quote = (buyer) => w.read("quote", [BigInt(t.id), linkRef, buyer, buyer]);

  /** showReferrer says whether the contract would credit the link's referrer (the API's answer when it cannot ask). */
  function showReferrer(credited, reason) {
    if (!ref) return;
    render(refInfo, credited
      ? message("info", html`You came through <strong>${short(ref)}</strong>'s link: they get ${pct(t.referralBps)} of this sale, at no extra cost to you.`)
      : html`<p class="small muted">The referrer of your link, ${short(ref)}, will not be credited (${reason ?? "not eligible"}), so the artist keeps the referral share.</p>`);
  }

  async function refresh() {
    const s = w.wallet;
    const viewer = s.account;
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
        const lib = await get(`/accounts/${viewer}/library`).catch(() => ({ library: [] }));
        owns = lib.library.some((x) => x.track.id === t.id);
      }
    }
    if (owns) render(refInfo, ""); // a link matters to buyers only
    if (!t.listed) render(buyArea, message("warn", "The artist has taken this track off sale for now."));
    else if (t.viewerIsArtistSide && !owns) {
      render(refInfo, "");
      render(buyArea, message("info", "This is your track (as its artist or a collaborator): the market does not let you buy it. Share its link: every sale through it is a real fan's."));
    } else if (owns) render(buyArea, message("ok", html`<strong>You own this track.</strong> Play it, download it, and share your link below.`));
    else render(buyArea, html`<div class="actions"><button type="button" class="btn btn-primary btn-big" data-act="buy">Buy for ${eth(t.price)}</button>
      ${viewer ? "" : html`<span class="small muted">You pay with your browser wallet.</span>`}</div>`);
    $("[data-act=buy]", buyArea)?.addEventListener("click", (e) => buy(e.currentTarget));
    await drawOwner(owns, viewer);
  }

  async function drawOwner(owns, viewer) {
    if (!owns) {
      render(ownerArea, html`<p class="small muted">Buy it to get your own referral link.</p>`);
      return;
    }
    const link = `${location.origin}/t/${t.id}?ref=${viewer.toLowerCase()}`;
    const lib = await get(`/accounts/${viewer}/library`).catch(() => ({ library: [] }));
    const mine = lib.library.find((x) => x.track.id === t.id);
    const signed = w.signedIn();
    const audio = audioURL(t), dl = downloadURL(t), magnet = magnetURI(t), torrent = torrentURL(t);
    render(ownerArea, html`
      <label for="my-ref">Your referral link</label>
      <div class="copyrow"><input id="my-ref" readonly value="${link}"><button type="button" class="btn" data-act="copy">Copy link</button></div>
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

  async function buy(button) {
    button.disabled = true;
    render(txArea, "");
    try {
      if (!w.wallet.account && !(await connectChoosing())) return;
      await w.ensureChain();
      const buyer = w.wallet.account;
      // The link's referrer goes to the contract as it is: the contract decides whether it is credited
      // (the quote says so), and the purchase names the terms quoted, so a fee raised or a referral
      // share cut in front of it makes it revert instead of paying on worse terms.
      const q = await quote(buyer);
      if (q.price !== shownPrice) return priceChanged(q.price);
      const credited = q.creditedReferrer !== zeroAddress ? q.creditedReferrer : null;
      showReferrer(Boolean(credited), t.referrer?.reason);
      const balance = await w.publicClient().getBalance({ address: buyer });
      if (balance < q.price) throw new w.WalletError("insufficient_funds", `Your wallet holds ${weiToEther(balance)} ETH: not enough to pay ${weiToEther(q.price)} ETH and the network fee.`);
      await tx.track(txArea, {
        title: `Buying “${t.title}” for ${weiToEther(q.price)} ETH`,
        send: () => w.write("purchase", [BigInt(t.id), linkRef, q.feeBps, q.referralBps], q.price),
        indexed: async (r) => {
          const a = await get(`/audit/purchases${qs({ track: t.id, account: buyer })}`);
          return a.sales.some((s) => s.tx.toLowerCase() === r.transactionHash.toLowerCase());
        },
        done: html`It's yours. ${credited ? html`${short(credited)} was paid for passing it on. ` : ""}Find it in <a href="/account">your library</a>.`,
      });
      await refresh();
    } catch (e) {
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

  await ready;
  let last = undefined;
  w.onChange((s) => {
    const key = `${s.account}|${w.signedIn()}`;
    if (key === last) return;
    last = key;
    refresh().catch((e) => render(txArea, message("error", w.explain(e).message)));
  });
}
