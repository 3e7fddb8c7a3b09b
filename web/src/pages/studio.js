// The Studio: a signed-in artist's catalogue, with the price, referral share and listing of each
// track changed through the wallet (the contract's setPrice, setReferralBps and setListed; the
// transaction's life shown as for purchases), and the metadata edited through the API's PATCH.
import { html, render, message, $, $$ } from "../lib/dom.js";
import { get } from "../lib/api.js";
import { eth, pct } from "../lib/format.js";
import { cover } from "../lib/ui.js";
import { connectAndSignIn } from "../lib/walletui.js";
import * as w from "../lib/wallet.js";
import * as tx from "../lib/tx.js";
import { chainChanger } from "../lib/chainedit.js";
import { config } from "../lib/config.js";
import { priceWei, referralBps } from "../lib/limits.js";
import { releasesInto } from "./studioreleases.js";

export default async function studio(main, _params, ready) {
  await ready;
  document.title = "Studio · Bittunes";
  let shown = null;
  w.onChange((s) => {
    const key = `${s.account}|${w.signedIn()}`;
    if (key === shown) return;
    shown = key;
    if (!w.signedIn()) return gate(main, s.account);
    catalogue(main, s.session).catch((e) => render(main, message("error", e.message)));
  });
}

function gate(main, account) {
  render(main, html`<section class="hero"><h1>Studio</h1>
    <p>Your tracks, their prices, referral shares and sales. ${account ? "Sign in (a free signature) so the market knows it is you." : "Connect your wallet, then sign in (a free signature) so the market knows it is you."}</p>
    <div class="actions"><button type="button" class="btn btn-primary btn-big" data-act="go">${account ? "Sign in" : "Connect wallet and sign in"}</button></div><div id="gate-msg"></div></section>`);
  $("[data-act=go]", main).addEventListener("click", async (e) => {
    e.currentTarget.disabled = true;
    try {
      await connectAndSignIn();
    } catch (err) {
      render($("#gate-msg", main), message("error", w.explain(err).message));
    } finally {
      e.target.disabled = false;
    }
  });
}

async function catalogue(main, address) {
  const [artist, collab, drafts, earnings] = await Promise.all([get(`/artists/${address}`), get(`/accounts/${address}/collaborations`), get("/uploads"),
    get(`/accounts/${address}/track-earnings`)]);
  const earned = new Map(earnings.tracks.map((e) => [e.trackId, e.earned]));
  render(main, html`<section class="hero"><h1>Studio</h1><p>Every track you registered. Price, referral share and listing are on-chain: each change is a transaction you sign; the title, genre and description are edited here directly.</p>
    <p class="small"><a href="/upload">Upload a track</a> · <a href="/a/${address}">Your public page</a></p></section>
    ${artist.tracks.length ? html`<section class="panel"><ul class="studio">${artist.tracks.map((t) => row(t, earned.get(t.id)))}</ul></section>`
      : html`<section class="panel"><p class="empty">No track registered yet. <a href="/upload">Upload your first.</a></p></section>`}
    <section class="panel" id="releases" aria-labelledby="rel-h"></section>
    ${drafts.uploads.length ? html`<section class="panel" aria-labelledby="drafts-h"><h2 id="drafts-h">Waiting for their registration</h2>
      <p class="small muted">Uploads whose registration was never signed (a closed tab, a rejected signature). Register one to put it on sale, or discard it: its files are deleted, and uploads left unregistered are swept after a while anyway.</p>
      <ul class="studio">${drafts.uploads.map((d) => html`<li class="studio-row" data-draft="${d.contentHash}"><div><strong>${d.title}</strong> <span class="small muted">${d.genre} · uploaded ${new Date(d.createdAt).toLocaleDateString()}</span></div>
        ${saved(d.contentHash) ? "" : html`<form class="row" data-form="terms"><div class="field"><label for="dp-${d.contentHash}">Price in ETH</label><input id="dp-${d.contentHash}" name="price" inputmode="decimal" value="0.002"></div>
          <div class="field"><label for="dr-${d.contentHash}">Referral share, %</label><input id="dr-${d.contentHash}" name="referral" type="number" min="0" max="50" step="0.01" value="20"></div></form>
          <p class="hint">The registration made at upload is not on this device: register it again with a price and a share (without collaborators), or discard it and upload again.</p>`}
        <div class="actions"><button type="button" class="btn btn-primary" data-act="register">Register</button><button type="button" class="btn" data-act="discard">Discard</button></div><div data-tx></div></li>`)}</ul></section>` : ""}
    ${collab.collaborations.length ? html`<section class="panel" aria-labelledby="collab-h"><h2 id="collab-h">Tracks you share in</h2>
      <div class="table-wrap"><table><thead><tr><th scope="col">Track</th><th scope="col">Artist</th><th scope="col" class="num">Your share of the artist side</th><th scope="col" class="num">Sales</th><th scope="col" class="num">Paid to you</th></tr></thead>
      <tbody>${collab.collaborations.map((c) => html`<tr><td><a href="/t/${c.track.id}">${c.track.title}</a></td><td><a href="/a/${c.track.artist.address}" title="${c.track.artist.address}">${c.track.artist.name || c.track.artist.address}</a></td>
        <td class="num">${pct(c.bps)}</td><td class="num">${c.sales}</td><td class="num">${eth(c.earned)}</td></tr>`)}</tbody></table></div></section>` : ""}`);
  releasesInto($("#releases", main), address, artist.tracks).catch((e) => render($("#releases", main), message("error", e.message)));
  for (const li of $$("[data-studio]", main)) wireRow(li, artist.tracks.find((t) => String(t.id) === li.dataset.studio));
  for (const li of $$("[data-draft]", main)) wireDraft(li, drafts.uploads.find((d) => d.contentHash === li.dataset.draft), main, address);
}

/** row is one of the artist's tracks; earned is what its sales credited the artist, if any. */
function row(t, earned) {
  return html`<li class="studio-row" data-studio="${t.id}">
    <div class="trow no-rank">${cover(t)}<div class="meta"><a class="t" href="/t/${t.id}">${t.title}</a>
      <div class="sub">${t.sales} sale${t.sales === 1 ? "" : "s"} · ${eth(t.revenue)} revenue · <span data-earned title="${earned?.wei ?? "0"} wei: what these sales paid you, after the fee, referrals and collaborators">${eth(earned ?? "0")} to you</span> · <span data-state>${t.listed ? "on sale" : "off sale"}</span></div></div>
      <div class="price" data-price>${eth(t.price)}<small data-ref>${pct(t.referralBps)} to referrers</small></div><span></span></div>
    <form class="row" data-form="price"><div class="field"><label for="p-${t.id}">Price in ETH</label><input id="p-${t.id}" name="price" inputmode="decimal" value="${t.price.ether}"></div>
      <div class="field shrink"><button class="btn">Change price</button></div></form>
    <form class="row" data-form="referral"><div class="field"><label for="r-${t.id}">Referral share, %</label><input id="r-${t.id}" name="referral" type="number" min="0" max="50" step="0.01" value="${t.referralBps / 100}"></div>
      <div class="field shrink"><button class="btn">Change share</button></div></form>
    <div class="actions"><button type="button" class="btn" data-act="listing">${t.listed ? "Take off sale" : "Put on sale"}</button></div>
    <details><summary>Edit title, genre and description</summary>
      <form class="stack" data-form="meta">
        <div class="field"><label for="m-title-${t.id}">Title</label><input id="m-title-${t.id}" name="title" value="${t.title}" maxlength="200"></div>
        <div class="row"><div class="field"><label for="m-genre-${t.id}">Genre</label><input id="m-genre-${t.id}" name="genre" value="${t.genre.name}" maxlength="60"></div>
          <div class="field"><label for="m-sub-${t.id}">Sub-genre</label><input id="m-sub-${t.id}" name="subgenre" value="${t.subgenre?.name ?? ""}" maxlength="60"></div></div>
        <div class="field"><label for="m-desc-${t.id}">Description</label><textarea id="m-desc-${t.id}" name="description" maxlength="5000">${t.description}</textarea></div>
        <div class="actions"><button class="btn">Save</button></div></form></details>
    <div data-tx></div></li>`;
}

function wireRow(li, t) {
  const box = $("[data-tx]", li);
  const fresh = () => get(`/tracks/${t.id}`);
  const show = (n) => {
    t = n;
    $("[data-price]", li).firstChild.textContent = eth(n.price);
    $("[data-ref]", li).textContent = `${pct(n.referralBps)} to referrers`;
    $("[data-state]", li).textContent = n.listed ? "on sale" : "off sale";
    $("[data-act=listing]", li).textContent = n.listed ? "Take off sale" : "Put on sale";
  };
  const change = chainChanger(box, fresh, show);
  $("[data-form=price]", li).addEventListener("submit", (e) => {
    e.preventDefault();
    let wei;
    try { wei = priceWei(config.limits, e.target.price.value); } catch (err) { return render(box, message("error", err.message)); }
    change($("button", e.target), `Changing the price of ${t.title} to ${e.target.price.value.trim()} ETH`, "setPrice", [BigInt(t.id), wei], (n) => BigInt(n.price.wei) === wei);
  });
  $("[data-form=referral]", li).addEventListener("submit", (e) => {
    e.preventDefault();
    let bps;
    try { bps = referralBps(config.limits, e.target.referral.value); } catch (err) { return render(box, message("error", err.message)); }
    change($("button", e.target), `Changing the referral share of ${t.title} to ${pct(bps)}`, "setReferralBps", [BigInt(t.id), BigInt(bps)], (n) => n.referralBps === bps);
  });
  $("[data-act=listing]", li).addEventListener("click", (e) => {
    const listed = !t.listed;
    change(e.currentTarget, `${listed ? "Putting" : "Taking"} ${t.title} ${listed ? "on" : "off"} sale`, "setListed", [BigInt(t.id), listed], (n) => n.listed === listed);
  });
  $("[data-form=meta]", li).addEventListener("submit", async (e) => {
    e.preventDefault();
    const f = e.target;
    const body = { title: f.title.value, genre: f.genre.value, description: f.description.value };
    if (f.subgenre.value.trim()) body.subgenre = f.subgenre.value;
    try {
      const res = await fetch(`/api/v1/tracks/${t.id}/metadata`, { method: "PATCH", credentials: "same-origin", headers: { "Content-Type": "application/json", Accept: "application/json" }, body: JSON.stringify(body) });
      const data = await res.json();
      if (!res.ok) throw new Error(data?.error?.message ?? `The server answered ${res.status}`);
      $("a.t", li).textContent = data.title;
      render(box, message("ok", "Saved."));
    } catch (err) {
      render(box, message("error", err.message));
    }
  });
}

/** saved is the registration the upload page kept for a package, if this browser has it. */
function saved(hash) {
  try { return JSON.parse(localStorage.getItem(`bittunes.register.${hash.toLowerCase()}`) ?? "null"); } catch { return null; }
}

function wireDraft(li, d, main, address) {
  const box = $("[data-tx]", li);
  $("[data-act=register]", li).addEventListener("click", async (e) => {
    const button = e.currentTarget;
    button.disabled = true;
    try {
      const kept = saved(d.contentHash);
      let send;
      if (kept) send = () => w.send(kept);
      else {
        const f = $("[data-form=terms]", li);
        const price = priceWei(config.limits, f.price.value);
        const bps = referralBps(config.limits, f.referral.value);
        send = () => w.write("register", [price, BigInt(bps), d.contentHash, d.metadataUri, []]);
      }
      await tx.track(box, {
        title: `Registering “${d.title}” on-chain`,
        send,
        indexed: async () => (await get(`/artists/${address}`)).tracks.some((t) => t.contentHash.toLowerCase() === d.contentHash.toLowerCase()),
        done: "Registered: the track is on sale.",
      });
      try { localStorage.removeItem(`bittunes.register.${d.contentHash.toLowerCase()}`); } catch { /* private mode */ }
      await catalogue(main, address);
    } catch (err) {
      if (!err.shown) render(box, message("error", w.explain(err).message));
      button.disabled = false;
    }
  });
  $("[data-act=discard]", li).addEventListener("click", async (e) => {
    const b = e.currentTarget;
    if (!b.dataset.sure) { // a second click confirms
      b.dataset.sure = "1";
      b.textContent = "Discard for good: its files are deleted";
      return;
    }
    b.disabled = true;
    const res = await fetch(`/api/v1/uploads/${d.contentHash}`, { method: "DELETE", credentials: "same-origin" });
    if (res.ok || res.status === 404) {
      try { localStorage.removeItem(`bittunes.register.${d.contentHash.toLowerCase()}`); } catch { /* private mode */ }
      li.remove();
    } else render(box, message("error", `The server answered ${res.status}`));
  });
}
