// The Studio's releases: the artist groups their tracks into an album, EP or single (title, kind,
// cover, description, release date, the tracks in order, a price with its saving against the sum
// of the tracks), registers it through the wallet (registerRelease, its metadata written first with
// POST /api/v1/releases), and changes its price or listing (setReleasePrice, setReleaseListed).
import { html, render, message, $, $$ } from "../lib/dom.js";
import { get, post } from "../lib/api.js";
import { eth, etherToWei, weiToEther } from "../lib/format.js";
import { config } from "../lib/config.js";
import { priceWei, checkReleaseTracks } from "../lib/limits.js";
import { dataURL } from "./profile.js";
import * as w from "../lib/wallet.js";
import * as tx from "../lib/tx.js";
import { chainChanger } from "../lib/chainedit.js";

const kindWord = (k) => (k === "ep" ? "EP" : k ?? "release");

/** releasesInto fills the Studio's releases section for the artist, whose tracks are tracks. */
export async function releasesInto(section, address, tracks) {
  const { releases } = await get(`/artists/${address}/releases`);
  render(section, html`<h2 id="rel-h">Releases</h2>
    <p class="small muted">An album, EP or single of your tracks, bought in one transaction. Its price is yours to set; a buyer never pays more than the tracks one by one, and each track is split and credited exactly as a single sale.</p>
    ${releases.length ? html`<ul class="studio">${releases.map(releaseRow)}</ul>` : html`<p class="empty">No release yet.</p>`}
    ${tracks.length ? createForm(tracks) : ""}`);
  for (const li of $$("[data-release]", section)) wireRelease(li, releases.find((r) => String(r.id) === li.dataset.release));
  const form = $("form[data-form=release]", section);
  if (form) wireCreate(form, section, address, tracks);
}

function releaseRow(r) {
  return html`<li class="studio-row" data-release="${r.id}">
    <div><a class="t" href="/releases/${r.id}"><strong>${r.metadata?.title ?? `Release ${r.id}`}</strong></a>
      <span class="small muted">${kindWord(r.metadata?.kind)} · ${r.tracks.length} track${r.tracks.length === 1 ? "" : "s"} · ${r.purchases} purchase${r.purchases === 1 ? "" : "s"} · <span data-state>${r.listed ? "on sale" : "off sale"}</span></span></div>
    <div class="small" data-price>${eth(r.effectivePrice)} (price ${eth(r.price)}; the tracks alone ${eth(r.sumOfPrices)}${r.saving.wei !== "0" ? `, a saving of ${eth(r.saving)}` : ""})</div>
    <form class="row" data-form="release-price"><div class="field"><label for="rp-${r.id}">Release price in ETH</label><input id="rp-${r.id}" name="price" inputmode="decimal" value="${r.price.ether}"></div>
      <div class="field shrink"><button class="btn">Change release price</button></div></form>
    <div class="actions"><button type="button" class="btn" data-act="release-listing">${r.listed ? "Take release off sale" : "Put release on sale"}</button></div>
    <div data-tx></div></li>`;
}

function wireRelease(li, r) {
  const box = $("[data-tx]", li);
  const fresh = async () => get(`/releases/${r.id}`);
  const show = (n) => {
    r = n;
    render($("[data-price]", li), html`${eth(n.effectivePrice)} (price ${eth(n.price)}; the tracks alone ${eth(n.sumOfPrices)}${n.saving.wei !== "0" ? `, a saving of ${eth(n.saving)}` : ""})`);
    $("[data-state]", li).textContent = n.listed ? "on sale" : "off sale";
    $("[data-act=release-listing]", li).textContent = n.listed ? "Take release off sale" : "Put release on sale";
  };
  const change = chainChanger(box, fresh, show);
  $("[data-form=release-price]", li).addEventListener("submit", (e) => {
    e.preventDefault();
    let wei;
    try { wei = priceWei(config.limits, e.target.price.value); } catch (err) { return render(box, message("error", err.message)); }
    change($("button", e.target), `Changing the release's price to ${weiToEther(wei)} ETH`, "setReleasePrice", [BigInt(r.id), wei], (n) => BigInt(n.price.wei) === wei);
  });
  $("[data-act=release-listing]", li).addEventListener("click", (e) => {
    const listed = !r.listed;
    change(e.currentTarget, `${listed ? "Putting" : "Taking"} the release ${listed ? "on" : "off"} sale`, "setReleaseListed", [BigInt(r.id), listed], (n) => n.listed === listed);
  });
}

function createForm(tracks) {
  return html`<details class="mt-s"><summary>Create a release</summary>
    <form class="stack" data-form="release">
      <div class="field"><label for="nr-title">Release title</label><input id="nr-title" name="title" required maxlength="200"></div>
      <div class="row"><div class="field"><label for="nr-kind">Kind</label><select id="nr-kind" name="kind"><option value="album">Album</option><option value="ep">EP</option><option value="single">Single</option></select></div>
        <div class="field"><label for="nr-date">Release date</label><input id="nr-date" name="releaseDate" type="date"></div></div>
      <div class="field"><label for="nr-cover">Release cover (optional)</label><input id="nr-cover" name="cover" type="file" accept="image/png,image/jpeg,image/webp"></div>
      <div class="field"><label for="nr-desc">Release description</label><textarea id="nr-desc" name="description" maxlength="5000"></textarea></div>
      <fieldset><legend>Tracks, in the order of the release</legend>
        <ul class="plain" data-choices>${tracks.map((t) => html`<li><label><input type="checkbox" name="track" value="${t.id}" data-price-wei="${t.price.wei}"> ${t.title} <span class="small muted">${eth(t.price)}</span></label></li>`)}</ul>
        <ol data-order aria-label="Order of the release"></ol></fieldset>
      <div class="field"><label for="nr-price">Release price in ETH</label><input id="nr-price" name="price" inputmode="decimal" required aria-describedby="nr-saving"><div class="hint" id="nr-saving" aria-live="polite">Choose the tracks first.</div></div>
      <div class="actions"><button class="btn btn-primary">Create and register the release</button></div>
      <div data-tx></div></form></details>`;
}

function wireCreate(form, section, address, tracks) {
  const order = []; // track ids, in the release's order
  const byID = new Map(tracks.map((t) => [String(t.id), t]));
  const drawOrder = () => {
    render($("[data-order]", form), html`${order.map((id, i) => html`<li data-id="${id}">${byID.get(id).title}
      <button type="button" class="btn btn-small btn-ghost" data-move="-1" aria-label="Move ${byID.get(id).title} up" ${i === 0 ? "disabled" : ""}>↑</button>
      <button type="button" class="btn btn-small btn-ghost" data-move="1" aria-label="Move ${byID.get(id).title} down" ${i === order.length - 1 ? "disabled" : ""}>↓</button></li>`)}`);
    saving();
  };
  const saving = () => {
    const hint = $("#nr-saving", form);
    if (!order.length) return render(hint, "Choose the tracks first.");
    const sum = order.reduce((s, id) => s + BigInt(byID.get(id).price.wei), 0n);
    let price;
    try { price = etherToWei(form.price.value); } catch { return render(hint, html`The tracks alone cost ${weiToEther(sum)} ETH.`); }
    const pays = price < sum ? price : sum;
    render(hint, price < sum
      ? html`The tracks alone cost ${weiToEther(sum)} ETH: a buyer saves <strong data-saving>${weiToEther(sum - pays)} ETH</strong>.`
      : html`The tracks alone cost ${weiToEther(sum)} ETH: at this price there is no saving, and a buyer pays ${weiToEther(pays)} ETH.`);
  };
  $("[data-choices]", form).addEventListener("change", (e) => {
    const box = e.target.closest("input[name=track]");
    if (!box) return;
    const i = order.indexOf(box.value);
    if (box.checked && i < 0) order.push(box.value);
    if (!box.checked && i >= 0) order.splice(i, 1);
    drawOrder();
  });
  $("[data-order]", form).addEventListener("click", (e) => {
    const b = e.target.closest("button[data-move]");
    if (!b) return;
    const i = order.indexOf(b.closest("li").dataset.id), j = i + Number(b.dataset.move);
    [order[i], order[j]] = [order[j], order[i]];
    drawOrder();
  });
  form.price.addEventListener("input", saving);
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const box = $("[data-tx]", form);
    const button = $("button.btn-primary", form);
    button.disabled = true;
    try {
      checkReleaseTracks(config.limits, order.length);
      const price = priceWei(config.limits, form.price.value);
      const body = { title: form.title.value, kind: form.kind.value, description: form.description.value, releaseDate: form.releaseDate.value,
        trackIds: order.map(Number), price: price.toString() };
      if (form.cover.files[0]) body.cover = await dataURL(form.cover.files[0]);
      const draft = await post("/releases", body);
      let id = null;
      await tx.track(box, {
        title: `Registering “${body.title}” on-chain`,
        send: () => w.write("registerRelease", [body.trackIds.map(BigInt), price, draft.metadataUri]),
        indexed: async () => {
          const mine = await get(`/artists/${address}/releases`);
          id = mine.releases.find((r) => r.metadataUri === draft.metadataUri)?.id ?? null;
          return id !== null;
        },
        done: () => html`Registered: <a href="/releases/${id}">the release's page</a>.`,
      });
      await releasesInto(section, address, tracks);
      render($(`[data-release="${id}"] [data-tx]`, section) ?? $("[data-tx]", section), message("ok", html`Registered: <a href="/releases/${id}">its page</a> is live.`));
    } catch (err) {
      if (!err.shown) render(box, message("error", w.explain(err).message));
    } finally {
      button.disabled = false;
    }
  });
}
