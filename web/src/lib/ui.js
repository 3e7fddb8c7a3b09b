// Pieces of pages: track rows, cards, movement arrows, genre lists.
import { html } from "./dom.js";
import { eth, pct, short } from "./format.js";
import { coverURL } from "./media.js";
import { playButton } from "./player.js";

export function artistLink(a) {
  return html`<a href="/a/${a.address}">${a.name || short(a.address)}</a>`;
}

export function cover(t, cls = "") {
  return html`<a class="coverlink" href="/t/${t.id}" tabindex="-1" aria-hidden="true"><img class="${cls}" src="${coverURL(t)}" alt="Cover of ${t.title}" loading="lazy" width="300" height="300"></a>`;
}

const arrows = { up: "▲", down: "▼", same: "–", new: "NEW" };
const words = { up: "up", down: "down", same: "no change", new: "new entry" };

export function movement(e) {
  const m = e.movement;
  const by = e.previousRank && m !== "same" ? Math.abs(e.previousRank - e.rank) : "";
  return html`<span class="move ${m}" title="${words[m] ?? m}${e.previousRank ? ` (was ${e.previousRank})` : ""}"><span aria-hidden="true">${arrows[m] ?? ""}${m === "up" || m === "down" ? by : ""}</span><span class="sr-only">${words[m] ?? m}${by ? ` ${by}` : ""}</span></span>`;
}

/** trackRow is one row of a chart (with entry) or of a list (without). */
export function trackRow(t, entry) {
  return html`<li class="trow${entry ? "" : " no-rank"}" data-track="${t.id}">
    ${entry ? html`<span class="rank" aria-label="Rank ${entry.rank}">${entry.rank}</span>${movement(entry)}` : ""}
    ${cover(t)}
    <div class="meta"><a class="t" href="/t/${t.id}">${t.title}</a>
      <div class="sub">${artistLink(t.artist)} · <a href="/charts/${t.genre.slug}">${t.genre.name}</a>${t.subgenre?.slug ? html` / <a href="/charts/${t.genre.slug}/${t.subgenre.slug}">${t.subgenre.name}</a>` : ""}</div></div>
    <div class="price">${eth(t.price)}<small>${entry ? `${entry.sales} sale${entry.sales === 1 ? "" : "s"}` : t.referralBps ? `${pct(t.referralBps)} to referrers` : ""}</small></div>
    ${playButton(t)}
  </li>`;
}

export function trackList(tracks, entries) {
  if (!tracks.length) return html`<p class="empty">Nothing here yet.</p>`;
  return html`<ol class="tracks">${tracks.map((t, i) => trackRow(t, entries?.[i]))}</ol>`;
}

export function card(t) {
  return html`<div class="card"><div class="art">${cover(t)}${playButton(t)}</div>
    <a class="title" href="/t/${t.id}">${t.title}</a>
    <div class="artist">${artistLink(t.artist)}</div>
    <div class="price">${eth(t.price)}</div></div>`;
}

export function genreTree(genres) {
  if (!genres.length) return html`<p class="empty">No genres yet.</p>`;
  return html`<ul class="genres">${genres.map((g) => html`<li><a href="/charts/${g.slug}">${g.name}</a> <span class="count">${g.tracks} track${g.tracks === 1 ? "" : "s"}</span>
    ${g.subgenres?.length ? html`<div class="subs">${g.subgenres.map((s) => html`<a href="/charts/${g.slug}/${s.slug}">${s.name} <span class="count">${s.tracks}</span></a>`)}</div>` : ""}</li>`)}</ul>`;
}

export function periodName(p) {
  return { "7d": "This week", "30d": "Last 30 days", all: "All time" }[p] ?? p;
}

/** chartName renders a chart key ("", "electronic", "electronic/house") with genre names. */
export function chartName(key, genres = []) {
  if (!key) return "Overall";
  const [g, s] = key.split("/");
  const genre = genres.find((x) => x.slug === g);
  const sub = genre?.subgenres?.find((x) => x.slug === s);
  return [genre?.name ?? g, s ? sub?.name ?? s : null].filter(Boolean).join(" / ");
}
