import { html, render, message, $, $$ } from "../lib/dom.js";
import { get, library } from "../lib/api.js";
import { eth, short, weiToEther } from "../lib/format.js";
import { cover } from "../lib/ui.js";
import { audioURL, downloadURL } from "../lib/media.js";
import { play, playButton, wire } from "../lib/player.js";
import { earningsChart, fill } from "../lib/chart.js";
import { connectAndSignIn } from "../lib/walletui.js";
import { ranks } from "./artist.js";
import { salesTable, titlesOf } from "./audit.js";
import * as w from "../lib/wallet.js";
import * as tx from "../lib/tx.js";
import { shortLink } from "../lib/shortlink.js";
import { who } from "../lib/people.js";
import { profileEditor } from "./profile.js";
import { seedingPanel } from "../lib/seeding.js";

export default async function account(main, _params, ready) {
  await ready;
  let shown = null;
  w.onChange((s) => {
    const key = `${s.account}|${w.signedIn()}`;
    if (key === shown) return;
    shown = key;
    if (!s.account) return gate(main, "Connect your wallet and sign in (a free signature) to see your account.", "Connect wallet and sign in", () => connectAndSignIn());
    if (!w.signedIn()) return gate(main, html`Sign in as <span class="mono">${short(s.account)}</span> to see your earnings, library and balance. Signing costs nothing.`, "Sign in", () => w.signIn());
    dashboard(main, s.session).catch((e) => render(main, message("error", e.message)));
  });
}

function gate(main, text, label, action) {
  document.title = "Your account · Bittunes";
  render(main, html`<section class="hero"><h1>Your account</h1><p>${text}</p>
    <div class="actions"><button type="button" class="btn btn-primary btn-big" data-act="go">${label}</button></div><div id="gate-msg"></div></section>`);
  $("[data-act=go]", main).addEventListener("click", async (e) => {
    const button = e.currentTarget;
    button.disabled = true;
    try {
      await action();
    } catch (err) {
      render($("#gate-msg", main), message("error", w.explain(err).message));
    } finally {
      button.disabled = false;
    }
  });
}

async function dashboard(main, address) {
  const [acct, artist, lib, genres] = await Promise.all([get(`/accounts/${address}`), get(`/artists/${address}`),
    library(address), get("/genres")]);
  const isArtist = artist.tracks.length > 0;
  const [sales, distributors] = isArtist
    ? await Promise.all([get(`/accounts/${address}/sales?limit=20`), get(`/accounts/${address}/distributors?limit=10`)])
    : [null, null];
  const titles = sales ? await titlesOf(sales.sales) : {};
  const balance = acct.onChainBalance ?? acct.owed;
  const role = acct.creditedByRole;
  document.title = "Your account · Bittunes";
  render(main, html`
    <section class="hero"><h1>${isArtist ? artist.name || "Your account" : "Your account"}</h1><p class="mono small">${address}</p></section>
    <section class="panel" id="profile" aria-labelledby="prof-h"></section>
    <div class="stats">
      <div class="stat"><div class="label">Withdrawable now</div><div class="value" data-balance>${eth(balance)}</div>
        <div class="actions"><button type="button" class="btn btn-primary" data-act="withdraw" ${BigInt(balance.wei) > 0n ? "" : "disabled"}>Withdraw</button></div></div>
      <div class="stat"><div class="label">Earned in all</div><div class="value">${eth(acct.credited)}</div></div>
      ${role.artist ? html`<div class="stat"><div class="label">As artist</div><div class="value">${eth(role.artist)}</div></div>` : ""}
      ${role.collaborator ? html`<div class="stat"><div class="label">As collaborator</div><div class="value">${eth(role.collaborator)}</div></div>` : ""}
      <div class="stat"><div class="label">From your referral links</div><div class="value" data-referral-total>${eth(role.referrer ?? { ether: "0" })}</div></div>
      <div class="stat"><div class="label">Withdrawn</div><div class="value" data-withdrawn>${eth(acct.withdrawn)}</div></div>
    </div>
    <div id="withdraw-tx"></div>
    ${BigInt(acct.credited.wei) > 0n ? html`<section class="panel earnings" aria-labelledby="earn-h">
      <h2 id="earn-h">Earnings over time <span class="tabs flat" role="group" aria-label="Group by">
        ${["day", "week", "month"].map((b) => html`<button type="button" class="btn btn-small ${b === "day" ? "btn-primary" : ""}" data-by="${b}">${b[0].toUpperCase() + b.slice(1)}</button>`)}</span></h2>
      <div id="earn-chart"><p class="loading">Loading…</p></div></section>` : ""}
    ${isArtist ? html`
      <section class="panel" aria-labelledby="mine-h"><h2 id="mine-h">Your tracks in the charts <a href="/studio">Studio</a> <a href="/a/${address}">Public page</a></h2>
        <ul class="tracks">${artist.tracks.map((t) => html`<li class="trow no-rank">${cover(t)}
          <div class="meta"><a class="t" href="/t/${t.id}">${t.title}</a><div class="sub">${t.sales} sale${t.sales === 1 ? "" : "s"} · ${eth(t.revenue)} revenue</div>
          <div class="mt-s">${ranks(t.ranks, genres.genres)}</div></div><div class="price">${eth(t.price)}</div>${playButton(t)}</li>`)}</ul></section>
      <section class="panel" aria-labelledby="sales-h"><h2 id="sales-h">Sales <a href="/api/v1/accounts/${address}/sales.csv" download>Export CSV</a></h2>
        ${salesTable(sales.sales, { titles, names: sales.names })}</section>
      <section class="panel" aria-labelledby="dist-h"><h2 id="dist-h">Top distributors</h2>
        ${distributors.distributors.length ? html`<div class="table-wrap"><table><thead><tr><th scope="col">Fan</th><th scope="col" class="num">Sales brought</th><th scope="col" class="num">Revenue</th><th scope="col" class="num">They earned</th></tr></thead>
          <tbody>${distributors.distributors.map((d) => html`<tr><td>${who(d.address, distributors.names)}</td><td class="num">${d.sales}</td><td class="num">${eth(d.revenue)}</td><td class="num">${eth(d.earned)}</td></tr>`)}</tbody></table></div>`
          : html`<p class="empty">No sale through a fan's link yet.</p>`}</section>` : ""}
    <section class="panel" aria-labelledby="lib-h"><h2 id="lib-h">Your library ${lib.library.length ? html`<a href="/api/v1/accounts/${address}/referrals.csv" download>Referrals CSV</a>` : ""}</h2>
      ${lib.library.length ? html`<ul class="tracks">${lib.library.map((item) => libraryItem(item))}</ul>`
        : html`<p class="empty">Nothing bought yet. <a href="/charts">Find something in the charts.</a></p>`}</section>
    <section class="panel" id="seeding" aria-labelledby="seeding-h"></section>`);
  seedingPanel($("#seeding", main), address, lib.library).catch((e) => render($("#seeding", main), message("error", e.message)));
  wire(main, [...artist.tracks, ...lib.library.map((x) => x.track)]);
  profileEditor($("#profile", main), address, acct.profile).catch((e) => render($("#profile", main), message("error", e.message)));

  for (const b of $$("[data-copy]", main)) {
    b.addEventListener("click", async () => {
      const input = document.getElementById(b.dataset.copy);
      input.select();
      try { await navigator.clipboard.writeText(input.value); } catch { /* selected for the user */ }
      b.textContent = "Copied";
    });
  }
  for (const b of $$("[data-full]", main)) {
    const item = lib.library.find((x) => String(x.track.id) === b.dataset.full);
    b.addEventListener("click", () => play(item.track, audioURL(item.track, { strict: false }), "Full track"));
  }
  // Each referral link as its short form, one request at a time.
  (async () => {
    for (const item of lib.library) {
      const url = await shortLink(item.track.id, address);
      const input = document.getElementById(`ref-${item.track.id}`);
      if (url && input) input.value = url;
    }
  })();
  const chartBox = $("#earn-chart", main);
  const drawChart = async (by) => {
    const e = await get(`/accounts/${address}/earnings?by=${by}`);
    render(chartBox, earningsChart(fill(e.points, by)));
    for (const b of $$("[data-by]", main)) b.classList.toggle("btn-primary", b.dataset.by === by);
  };
  if (chartBox) {
    drawChart("day");
    for (const b of $$("[data-by]", main)) b.addEventListener("click", () => drawChart(b.dataset.by));
  }
  $("[data-act=withdraw]", main).addEventListener("click", async (e) => {
    const button = e.currentTarget;
    button.disabled = true;
    const before = BigInt(acct.withdrawn.wei);
    try {
      const amount = await w.read("balanceOf", [address]);
      await tx.track($("#withdraw-tx", main), {
        title: `Withdrawing ${weiToEther(amount)} ETH to your wallet`,
        send: () => w.write("withdraw", []),
        indexed: async () => BigInt((await get(`/accounts/${address}`)).withdrawn.wei) > before,
        done: "Withdrawn: the ETH is in your wallet.",
      });
      const fresh = await get(`/accounts/${address}`);
      $("[data-balance]", main).textContent = eth(fresh.onChainBalance ?? fresh.owed);
      $("[data-withdrawn]", main).textContent = eth(fresh.withdrawn);
    } catch (err) {
      if (!err.shown) render($("#withdraw-tx", main), message("error", w.explain(err).message));
      button.disabled = false;
    }
  });
}

function libraryItem(item) {
  const t = item.track;
  const link = `${location.origin}${item.referralLink}`;
  const dl = downloadURL(t, { strict: false });
  return html`<li class="trow no-rank" data-library="${t.id}">${cover(t)}
    <div class="meta"><a class="t" href="/t/${t.id}">${t.title}</a><div class="sub">${t.artist.name || short(t.artist.address)} · earned <strong data-earned>${eth(item.referralEarnings)}</strong> from ${item.referralSales} referred sale${item.referralSales === 1 ? "" : "s"}</div>
      <div class="copyrow mt-s"><label class="sr-only" for="ref-${t.id}">Referral link for ${t.title}</label><input id="ref-${t.id}" readonly value="${link}"><button type="button" class="btn btn-small" data-copy="ref-${t.id}">Copy link</button>
        <button type="button" class="btn btn-small" data-full="${t.id}" aria-label="Play the full track of ${t.title}">▶ Full track</button>
        ${dl ? html`<a class="btn btn-small" href="${dl}" download>Download</a>` : ""}</div></div>
    <div class="price">${eth(t.price)}<small>preview ▸</small></div>${playButton(t)}</li>`;
}
