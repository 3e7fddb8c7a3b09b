import { html, render } from "../lib/dom.js";
import { get, qs } from "../lib/api.js";
import { trackList, periodName, chartName } from "../lib/ui.js";
import { wire } from "../lib/player.js";

const periods = ["7d", "30d", "all"];

export default async function chart(main, { genre = "", subgenre = "" }) {
  let period = new URLSearchParams(location.search).get("period") ?? "7d";
  if (!periods.includes(period)) period = "7d";
  const [data, genres] = await Promise.all([get(`/charts/${period}${qs({ genre, subgenre })}`), get("/genres")]);
  const name = chartName(data.chart, genres.genres);
  const g = genres.genres.find((x) => x.slug === genre);
  const base = `/charts${genre ? "/" + genre : ""}${subgenre ? "/" + subgenre : ""}`;
  document.title = `${name} top 100 · Bittunes`;
  render(main, html`
    <nav class="small muted" aria-label="Breadcrumb"><a href="/charts">Charts</a>${g ? html` › <a href="/charts/${g.slug}">${g.name}</a>` : ""}${subgenre ? html` › ${name.split(" / ")[1]}` : ""}</nav>
    <h1>${name} top 100</h1>
    <nav class="tabs" aria-label="Period">${periods.map((p) => html`<a href="${base}?period=${p}" ${p === period ? html`aria-current="page"` : ""}>${periodName(p)}</a>`)}</nav>
    ${!genre ? html`<div class="tabs" aria-label="Genres">${genres.genres.map((x) => html`<a href="/charts/${x.slug}?period=${period}">${x.name}</a>`)}</div>` : ""}
    ${g?.subgenres?.length ? html`<div class="tabs" aria-label="Sub-genres"><a href="/charts/${g.slug}?period=${period}" ${!subgenre ? html`aria-current="page"` : ""}>All ${g.name}</a>${g.subgenres.map((s) => html`<a href="/charts/${g.slug}/${s.slug}?period=${period}" ${s.slug === subgenre ? html`aria-current="page"` : ""}>${s.name}</a>`)}</div>` : ""}
    <section class="panel">
      ${data.entries.length ? trackList(data.entries.map((e) => e.track), data.entries)
        : html`<p class="empty">No sales in this chart for ${periodName(period).toLowerCase()} yet.</p>`}
      <p class="small muted mt-m">Ranked by sales, then revenue, then who sold first. The long tail: <a href="/browse${qs({ genre, subgenre, sort: "newest" })}">every ${genre ? name : ""} track, newest first</a> or <a href="/browse${qs({ genre, subgenre, sort: "bestselling" })}">best-selling</a>.</p>
    </section>`);
  wire(main, data.entries.map((e) => e.track));
}
