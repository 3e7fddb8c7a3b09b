import { html, render, message, $, $$ } from "../lib/dom.js";
import { get } from "../lib/api.js";
import { etherToWei, weiToEther, pct, short } from "../lib/format.js";
import { priceWei, referralBps, maxReferralPercent } from "../lib/limits.js";
import { connectAndSignIn } from "../lib/walletui.js";
import { config } from "../lib/config.js";
import { parseEventLogs } from "viem";
import * as w from "../lib/wallet.js";
import * as tx from "../lib/tx.js";
import { splitSale } from "../lib/split.js";

export default async function upload(main, _params, ready) {
  const genres = await get("/genres");
  await ready;
  document.title = "Upload a track · Bittunes";
  let key = null;
  w.onChange((s) => {
    const k = `${s.account}|${w.signedIn()}`;
    if (k === key) return;
    key = k;
    if (!w.signedIn()) return gate(main, s.account);
    form(main, genres.genres, s.session);
  });
}

function gate(main, account) {
  render(main, html`<section class="hero"><h1>Sell your music</h1>
    <p>Upload a track, set its price and how much fans earn for passing it on, and sign its registration in your wallet. You are paid in the same transaction every time someone buys.</p>
    <div class="actions"><button type="button" class="btn btn-primary btn-big" data-act="go">${account ? "Sign in to upload" : "Connect wallet to upload"}</button></div><div id="gate-msg"></div></section>`);
  $("[data-act=go]", main).addEventListener("click", async (e) => {
    const button = e.currentTarget;
    button.disabled = true;
    try {
      await connectAndSignIn();
    } catch (err) {
      render($("#gate-msg", main), message("error", w.explain(err).message));
    } finally {
      button.disabled = false;
    }
  });
}

function form(main, genres, account) {
  render(main, html`
    <section class="hero"><h1>Upload a track</h1><p>The audio is encrypted and sold as a package only buyers can open; a free preview is cut for the track page.</p></section>
    <form class="panel" id="upload-form" novalidate>
      <div class="row">
        <div class="field"><label for="u-audio">Audio file</label><input id="u-audio" name="audio" type="file" accept="audio/*,.mp3,.flac,.ogg,.opus,.wav" required>
          <div class="hint">MP3, FLAC, Ogg or WAV, up to 200 MB.</div></div>
        <div class="field"><label for="u-cover">Cover image (optional)</label><input id="u-cover" name="cover" type="file" accept="image/png,image/jpeg,image/webp">
          <div class="hint">Square PNG, JPEG or WebP, up to 5 MB.</div></div>
        <div class="field"><label for="u-preview">Preview clip (optional)</label><input id="u-preview" name="preview" type="file" accept="audio/*">
          <div class="hint">MP3 and WAV get a 30-second preview cut for you.</div></div>
      </div>
      <div class="row">
        <div class="field"><label for="u-title">Title</label><input id="u-title" name="title" required maxlength="200"></div>
        <div class="field"><label for="u-artist">Artist name</label><input id="u-artist" name="artistName" maxlength="100"></div>
      </div>
      <div class="row">
        <div class="field"><label for="u-genre">Genre</label><input id="u-genre" name="genre" list="genre-list" required maxlength="60">
          <datalist id="genre-list">${genres.map((g) => html`<option value="${g.name}">`)}</datalist></div>
        <div class="field"><label for="u-sub">Sub-genre</label><input id="u-sub" name="subgenre" list="sub-list" maxlength="60">
          <datalist id="sub-list">${genres.flatMap((g) => (g.subgenres ?? []).map((s) => html`<option value="${s.name}">`))}</datalist></div>
      </div>
      <div class="field"><label for="u-desc">Description (optional)</label><textarea id="u-desc" name="description" maxlength="5000"></textarea></div>
      <div class="row">
        <div class="field"><label for="u-price">Price in ETH</label><input id="u-price" name="price" inputmode="decimal" required value="0.002" aria-describedby="u-price-hint"><div class="hint" id="u-price-hint">What a fan pays for the track.</div></div>
        <div class="field"><label for="u-ref">Referral share, %</label><input id="u-ref" name="referral" type="number" min="0" max="${maxRefPct()}" step="0.01" value="20" aria-describedby="u-ref-hint"><div class="hint" id="u-ref-hint">What a fan who brings a sale earns of it (0–${maxRefPct()} %).</div></div>
      </div>
      <fieldset class="field box"><legend>Collaborators (optional)</legend>
        <p class="hint">Each gets a fixed share of the artist's part of every sale; you keep the rest.</p>
        <div id="collabs"></div>
        <button type="button" class="btn btn-small" data-act="add-collab">Add a collaborator</button></fieldset>
      <section class="field box" aria-labelledby="split-h" aria-live="polite"><h3 id="split-h" class="flush">What one sale pays</h3><div id="split"></div></section>
      <div id="form-msg"></div>
      <div class="actions"><button class="btn btn-primary btn-big" type="submit">Upload and register</button></div>
    </form>
    <section id="progress" class="panel" hidden aria-live="polite"></section>`);
  const f = $("#upload-form", main);
  // The artist's profile name is the artist name unless they type another.
  if (account) get(`/accounts/${account}`).then((a) => { if (a.profile && !f.artistName.value) f.artistName.value = a.profile.name; }).catch(() => {});
  let feeBps = null;
  w.read("feeConfig", []).then((c) => { feeBps = Number(c[1]); showSplit(); }).catch(() => { showSplit(); });
  const showSplit = () => {
    const box = $("#split", f);
    let price;
    try { price = etherToWei(f.price.value); } catch { return render(box, html`<p class="hint">Give a price to see the split.</p>`); }
    const refBps = Math.round(Number(f.referral.value || 0) * 100);
    const cols = $$(".collab", f).map((row) => ({ address: row.querySelector("[name=caddr]").value.trim(), bps: Math.round(Number(row.querySelector("[name=cbps]").value || 0) * 100) }));
    if (feeBps === null) return render(box, html`<p class="hint">Reading the platform fee from the contract…</p>`);
    const withRef = splitSale(price, feeBps, refBps, cols);
    const noRef = splitSale(price, feeBps, 0, cols);
    const row = (label, a, b) => html`<tr><th scope="row">${label}</th><td class="num">${weiToEther(a)} ETH</td><td class="num">${weiToEther(b)} ETH</td></tr>`;
    render(box, html`<div class="table-wrap"><table data-split><thead><tr><th scope="col">Paid to</th><th scope="col" class="num">Through a fan's link</th><th scope="col" class="num">Without a referrer</th></tr></thead><tbody>
      ${row(`Platform fee (${pct(feeBps)})`, withRef.fee, noRef.fee)}
      ${row(`The referring fan (${pct(refBps)})`, withRef.referral, noRef.referral)}
      ${withRef.collaborators.map((c, i) => row(`Collaborator ${/^0x[0-9a-fA-F]{40}$/.test(c.address) ? short(c.address) : i + 1} (${pct(c.bps)} of the artist side)`, c.amount, noRef.collaborators[i].amount))}
      ${row("You", withRef.artist, noRef.artist)}</tbody></table></div>
      <p class="hint">Computed as the contract does: each share rounded down, the rounding dust to you.</p>`);
  };
  f.addEventListener("input", showSplit);
  $("[data-act=add-collab]", main).addEventListener("click", () => {
    const n = $$(".collab", f).length;
    if (n >= config.limits.maxCollaborators) return;
    const row = document.createElement("div");
    row.className = "collab";
    render(row, html`<label class="sr-only" for="c-addr-${n}">Collaborator ${n + 1} address</label><input id="c-addr-${n}" name="caddr" placeholder="0x… address">
      <label class="sr-only" for="c-pct-${n}">Collaborator ${n + 1} share, %</label><input id="c-pct-${n}" name="cbps" type="number" min="0.01" max="100" step="0.01" placeholder="share %">
      <button type="button" class="btn btn-small btn-ghost" aria-label="Remove collaborator ${n + 1}">Remove</button>`);
    row.querySelector("button").addEventListener("click", () => { row.remove(); showSplit(); });
    $("#collabs", f).append(row);
  });
  f.addEventListener("submit", async (e) => {
    e.preventDefault();
    const msg = $("#form-msg", f);
    let body;
    try {
      body = formData(f);
    } catch (err) {
      render(msg, message("error", err.message));
      return;
    }
    render(msg, "");
    f.hidden = true;
    await send(main, body);
  });
}

/** maxRefPct is the contract's highest referral share, in percent. */
const maxRefPct = () => maxReferralPercent(config.limits);

/** formData validates the form and builds the upload's multipart body. */
function formData(f) {
  const audio = f.audio.files[0];
  if (!audio) throw new Error("Choose the audio file.");
  if (!f.title.value.trim()) throw new Error("Give the track a title.");
  if (!f.genre.value.trim()) throw new Error("Give the track a genre.");
  const price = priceWei(config.limits, f.price.value);
  const refBps = referralBps(config.limits, f.referral.value || 0);
  const collaborators = $$(".collab", f).map((row, i) => {
    const address = row.querySelector("[name=caddr]").value.trim();
    const share = Number(row.querySelector("[name=cbps]").value);
    if (!/^0x[0-9a-fA-F]{40}$/.test(address)) throw new Error(`Collaborator ${i + 1}'s address must be 0x and 40 hex digits.`);
    if (!(share > 0 && share <= 100)) throw new Error(`Collaborator ${i + 1}'s share must be above 0 and at most 100 %.`);
    return { address, bps: Math.round(share * 100) };
  });
  const d = new FormData();
  d.append("title", f.title.value.trim());
  d.append("artistName", f.artistName.value.trim());
  d.append("genre", f.genre.value.trim());
  d.append("subgenre", f.subgenre.value.trim());
  d.append("description", f.description.value);
  d.append("price", price.toString());
  d.append("referralBps", String(refBps));
  d.append("collaborators", JSON.stringify(collaborators));
  d.append("audio", audio);
  if (f.cover.files[0]) d.append("cover", f.cover.files[0]);
  if (f.preview.files[0]) d.append("preview", f.preview.files[0]);
  return d;
}

function size(bytes) {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1e3))} kB`;
}

/** post uploads with progress (fetch cannot report upload progress). */
function postWithProgress(body, onProgress) {
  return new Promise((resolve, reject) => {
    const x = new XMLHttpRequest();
    x.open("POST", "/api/v1/uploads");
    x.responseType = "json";
    x.upload.addEventListener("progress", (e) => e.lengthComputable && onProgress(e.loaded / e.total));
    x.addEventListener("load", () => {
      if (x.status >= 200 && x.status < 300) resolve(x.response);
      else reject(new Error(x.response?.error?.message ?? `The upload failed (${x.status}).`));
    });
    x.addEventListener("error", () => reject(new Error("The upload failed: the connection broke.")));
    x.send(body);
  });
}

async function send(main, body) {
  const box = $("#progress", main);
  box.hidden = false;
  render(box, html`<h2>Uploading</h2><progress id="up-bar" max="1" value="0" aria-label="Upload progress"></progress> <span id="up-pct">0%</span>`);
  let up;
  try {
    up = await postWithProgress(body, (p) => {
      $("#up-bar", box).value = p;
      $("#up-pct", box).textContent = `${Math.round(p * 100)}%`;
    });
  } catch (e) {
    render(box, message("error", e.message));
    $("#upload-form", main).hidden = false;
    return;
  }
  const price = BigInt(body.get("price"));
  // Kept so that the Studio can send this exact registration again if it is never signed here.
  try { localStorage.setItem(`bittunes.register.${up.contentHash.toLowerCase()}`, JSON.stringify({ ...up.register, title: body.get("title") })); } catch { /* private mode */ }
  render(box, html`<h2>Uploaded and packaged</h2>
    <p class="small">Package <span class="mono">${up.contentHash.slice(0, 18)}…</span>, ${size(up.package.size)} · ${up.preview ? "preview ready" : "no preview"}${up.cover ? " · cover saved" : ""}.</p>
    ${up.notes?.length ? html`<ul class="small muted">${up.notes.map((n) => html`<li>${n}</li>`)}</ul>` : ""}
    <p>Now sign the registration in your wallet: it puts the track on sale at ${weiToEther(price)} ETH with ${pct(Number(body.get("referralBps")))} to referrers.</p>
    <div id="reg-tx"></div><div class="actions" id="reg-actions"></div>`);
  const register = async () => {
    render($("#reg-actions", box), "");
    let trackId = null;
    try {
      await tx.track($("#reg-tx", box), {
        title: `Registering “${body.get("title")}” on-chain`,
        send: () => w.send(up.register),
        indexed: async (receipt) => {
          if (trackId === null) {
            const ev = parseEventLogs({ abi: w.abi, logs: receipt.logs, eventName: "TrackRegistered" })[0];
            trackId = ev?.args?.trackId;
          }
          if (trackId === null || trackId === undefined) return false;
          // The artist's page lists the track once the indexer has it (a track page would 404 until then).
          const mine = await get(`/artists/${w.wallet.account}`);
          return mine.tracks.some((t) => BigInt(t.id) === trackId);
        },
        done: () => html`Your track is live. <a href="/t/${trackId}">Open its page</a> and share it.`,
      });
      render($("#reg-actions", box), html`<a class="btn btn-primary" href="/t/${trackId}">Go to your track</a> <a class="btn" href="/upload">Upload another</a>`);
    } catch (e) {
      if (!e.shown) render($("#reg-tx", box), message("error", w.explain(e).message));
      render($("#reg-actions", box), html`<button type="button" class="btn btn-primary" data-act="retry">Sign the registration again</button>`);
      $("[data-act=retry]", box).addEventListener("click", register);
    }
  };
  await register();
}
