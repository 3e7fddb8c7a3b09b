import { html, render } from "../lib/dom.js";
import { get, qs } from "../lib/api.js";
import { trackList, chartName } from "../lib/ui.js";
import { wire } from "../lib/player.js";

export default async function browse(main) {
  const p = new URLSearchParams(location.search);
  const f = { genre: p.get("genre") ?? "", subgenre: p.get("subgenre") ?? "", q: p.get("q") ?? "", sort: p.get("sort") === "bestselling" ? "bestselling" : "newest", cursor: p.get("cursor") ?? "" };
  const [data, genres] = await Promise.all([get(`/tracks${qs({ ...f, limit: 20 })}`), get("/genres")]);
  const scope = f.genre ? chartName(f.genre + (f.subgenre ? "/" + f.subgenre : ""), genres.genres) : "All genres";
  document.title = `${f.q ? `“${f.q}”` : scope} · Browse · Bittunes`;
  const link = (o) => `/browse${qs({ ...f, cursor: "", ...o })}`;
  render(main, html`
    <h1>${f.q ? html`Results for “${f.q}”` : html`Browse ${scope}`}</h1>
    <form class="row panel" action="/browse" method="get">
      <div class="field"><label for="b-q">Search</label><input id="b-q" name="q" type="search" value="${f.q}" placeholder="Title, artist or genre"></div>
      <div class="field"><label for="b-genre">Genre</label><select id="b-genre" name="genre"><option value="">All genres</option>${genres.genres.map((g) => html`<option value="${g.slug}" ${g.slug === f.genre ? "selected" : ""}>${g.name}</option>`)}</select></div>
      <div class="field"><label for="b-sort">Order</label><select id="b-sort" name="sort"><option value="newest">Newest first</option><option value="bestselling" ${f.sort === "bestselling" ? "selected" : ""}>Best-selling first</option></select></div>
      <div class="field shrink"><button class="btn btn-primary">Show</button></div>
    </form>
    <section class="panel">
      ${data.tracks.length ? trackList(data.tracks) : html`<p class="empty">${f.q ? "No track matches your search." : "No tracks here yet."}</p>`}
      <nav class="pager" aria-label="Pages">
        ${f.cursor ? html`<a class="btn" href="${link({})}">← First page</a>` : ""}
        ${data.nextCursor ? html`<a class="btn" href="${link({ cursor: data.nextCursor })}">Next page →</a>` : ""}
      </nav>
    </section>`);
  wire(main, data.tracks);
}
