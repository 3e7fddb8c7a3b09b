import { html } from "../lib/dom.js";
import { chartName } from "../lib/ui.js";
import { wire } from "../lib/player.js";

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

// The artist page is rendered on the server; this adds the preview player.
export default async function artist(main) {
  wire(main);
}
