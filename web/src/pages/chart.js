// A chart is rendered on the server; this adds the preview player and keeps the list live: while
// the tab is visible it reads the chart (the API's cached JSON) every half minute and redraws the
// list when a rank or a sale count changed.
import { $, $$, render } from "../lib/dom.js";
import { get, qs } from "../lib/api.js";
import { trackList } from "../lib/ui.js";
import { wire } from "../lib/player.js";

export const refreshEvery = 30_000;

const sales = (n) => `${n} sale${n === 1 ? "" : "s"}`;

/** shown is the list on the page: track, rank and sales of each row, in order. */
function shown(list) {
  return $$("li[data-track]", list).map((li) => `${li.dataset.track}:${$(".rank", li)?.textContent}:${$(".price small", li)?.textContent}`).join();
}

export default async function chart(main, { genre = "", subgenre = "" }) {
  wire(main);
  const period = new URLSearchParams(location.search).get("period") || "7d";
  const panel = $("section.panel", main);
  setInterval(async () => {
    if (document.visibilityState !== "visible" || !panel) return;
    const data = await get(`/charts/${period}${qs({ genre, subgenre })}`).catch(() => null);
    if (!data?.entries.length) return;
    const list = $("ol.tracks", panel);
    const next = data.entries.map((e) => `${e.track.id}:${e.rank}:${sales(e.sales)}`).join();
    if (list && next === shown(list)) return;
    const holder = document.createElement("div");
    render(holder, trackList(data.entries.map((e) => e.track), data.entries));
    if (list) list.replaceWith(holder.firstElementChild);
    else $(".empty", panel)?.replaceWith(holder.firstElementChild);
    wire(main, data.entries.map((e) => e.track));
  }, refreshEvery);
}
