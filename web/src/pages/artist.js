import { html, render } from "../lib/dom.js";
import { get } from "../lib/api.js";
import { short, eth } from "../lib/format.js";
import { cover, periodName, chartName } from "../lib/ui.js";
import { playButton, wire } from "../lib/player.js";

/** ranks renders a track's places in the charts, best first, this week's before older ones. */
export function ranks(list, genres) {
  const order = { "7d": 0, "30d": 1, all: 2 };
  const sorted = [...list].sort((a, b) => order[a.period] - order[b.period] || a.rank - b.rank);
  if (!sorted.length) return html`<span class="small muted">Not in a chart yet</span>`;
  return html`<div class="chips">${sorted.map((r) => {
    const [g, s] = r.chart.split("/");
    const href = `/charts${g ? "/" + g : ""}${s ? "/" + s : ""}?period=${r.period}`;
    return html`<a class="chip" href="${href}">#${r.rank} ${chartName(r.chart, genres)} · ${periodName(r.period).toLowerCase()}</a>`;
  })}</div>`;
}

export default async function artist(main, { address }) {
  const [a, genres] = await Promise.all([get(`/artists/${encodeURIComponent(address)}`), get("/genres")]);
  const name = a.name || short(a.address);
  document.title = `${name} · Bittunes`;
  render(main, html`
    <section class="hero"><h1>${name}</h1><p class="mono small">${a.address}</p></section>
    <section class="panel" aria-labelledby="tracks-h">
      <h2 id="tracks-h">Tracks</h2>
      ${a.tracks.length ? html`<ul class="tracks">${a.tracks.map((t) => html`<li class="trow no-rank">
        ${cover(t)}
        <div class="meta"><a class="t" href="/t/${t.id}">${t.title}</a>
          <div class="sub">${t.genre.name}${t.subgenre?.name ? ` / ${t.subgenre.name}` : ""} · ${t.sales} sale${t.sales === 1 ? "" : "s"}</div>
          <div class="mt-s">${ranks(t.ranks, genres.genres)}</div></div>
        <div class="price">${eth(t.price)}</div>
        ${playButton(t)}</li>`)}</ul>` : html`<p class="empty">No tracks on sale yet.</p>`}
    </section>`);
  wire(main, a.tracks);
}
