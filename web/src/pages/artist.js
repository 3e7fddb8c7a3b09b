import { html, render } from "../lib/dom.js";
import { get } from "../lib/api.js";
import { short, eth } from "../lib/format.js";
import { cover, chartName } from "../lib/ui.js";
import { playButton, wire } from "../lib/player.js";

/** ranks renders a track's places in the charts: one chip per chart, its rank in each period. */
export function ranks(list, genres) {
  if (!list.length) return html`<span class="small muted">Not in a chart yet</span>`;
  const order = { "7d": 0, "30d": 1, all: 2 };
  const short = { "7d": "week", "30d": "30 days", all: "all time" };
  const byChart = new Map();
  for (const r of list) byChart.set(r.chart, [...(byChart.get(r.chart) ?? []), r]);
  const charts = [...byChart.entries()].sort((a, b) => a[0].split("/").length - b[0].split("/").length || a[0].localeCompare(b[0]));
  return html`<div class="chips">${charts.map(([chart, rs]) => {
    const [g, s] = chart.split("/");
    const href = `/charts${g ? "/" + g : ""}${s ? "/" + s : ""}`;
    rs.sort((a, b) => order[a.period] - order[b.period]);
    return html`<a class="chip" href="${href}">${chartName(chart, genres)}: ${rs.map((r) => `#${r.rank} ${short[r.period]}`).join(" · ")}</a>`;
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
