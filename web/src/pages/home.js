import { html, render } from "../lib/dom.js";
import { get } from "../lib/api.js";
import { card, genreTree, trackList } from "../lib/ui.js";
import { wire } from "../lib/player.js";

export default async function home(main) {
  const [chart, genres, fresh] = await Promise.all([get("/charts/7d"), get("/genres"), get("/tracks?sort=newest&limit=12")]);
  document.title = "Bittunes · independent music, passed on by fans";
  render(main, html`
    <section class="hero">
      <h1>Music straight from artists, passed on by fans.</h1>
      <p>Buy a track and it is yours to play, download and share. Everyone who buys through your link pays you a share, on-chain, the moment they buy.</p>
    </section>
    <section class="panel" aria-labelledby="new-h">
      <h2 id="new-h">New releases <a href="/browse?sort=newest">See all</a></h2>
      <div class="cards">${fresh.tracks.length ? fresh.tracks.map(card) : html`<p class="empty">No tracks yet.</p>`}</div>
    </section>
    <div class="grid-2">
      <section class="panel" aria-labelledby="top-h">
        <h2 id="top-h">Top 100 this week <a href="/charts?period=30d">30 days</a></h2>
        ${trackList(chart.entries.map((e) => e.track), chart.entries)}
      </section>
      <aside>
        <section class="panel" aria-labelledby="genres-h">
          <h2 id="genres-h">Genres</h2>
          ${genreTree(genres.genres)}
        </section>
        <section class="panel" aria-labelledby="search-h">
          <h2 id="search-h">Find a track</h2>
          <form action="/browse" method="get" role="search">
            <label for="home-q">Title, artist or genre</label>
            <div class="copyrow"><input id="home-q" name="q" type="search" placeholder="e.g. harbour"><button class="btn btn-primary">Search</button></div>
          </form>
          <p class="small muted mt-m">Or <a href="/browse?sort=bestselling">browse every track</a>, best-selling first.</p>
        </section>
      </aside>
    </div>`);
  wire(main, [...chart.entries.map((e) => e.track), ...fresh.tracks]);
}
