// The earnings chart: bars per day, week or month, drawn as SVG.
import { html } from "./dom.js";
import { weiToEther } from "./format.js";

const DAY = 86400000;
const iso = (t) => new Date(t).toISOString().slice(0, 10);

function bucketStart(t, by) {
  const d = new Date(t);
  if (by === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  return by === "week" ? day - ((d.getUTCDay() + 6) % 7) * DAY : day;
}

function previous(t, by) {
  if (by === "month") {
    const d = new Date(t);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1);
  }
  return t - (by === "week" ? 7 : 1) * DAY;
}

/**
 * fill gives every period from the earliest point (or the last few periods) to now a bar, with
 * nothing earned in the periods the API leaves out; at most 60 periods, the latest.
 */
export function fill(points, by, now = Date.now()) {
  const have = new Map(points.map((p) => [p.start, p]));
  const first = points.length ? Date.parse(points[0].start + "T00:00:00Z") : now;
  const out = [];
  let t = bucketStart(now, by);
  for (let i = 0; out.length < 60 && (i < (by === "day" ? 14 : 12) || t >= first); i++) {
    const key = iso(t);
    out.unshift(have.get(key) ?? { start: key, credits: 0, amount: { wei: "0", ether: "0" } });
    t = previous(t, by);
  }
  return out;
}

/** earningsChart renders points ({start, amount: {wei}}) as a bar chart with a labelled axis. */
export function earningsChart(points, { width = 720, height = 220 } = {}) {
  if (!points.length || points.every((p) => p.amount.wei === "0")) return html`<p class="empty">No earnings yet. They appear here with your first sale.</p>`;
  const values = points.map((p) => BigInt(p.amount.wei));
  const max = values.reduce((a, b) => (b > a ? b : a), 1n);
  const ticks = [0n, max / 2n, max];
  const labels = ticks.map((t) => axisLabel(t));
  // The axis is as wide as its longest label (about 7 units a character at the axis' size).
  const pad = { l: Math.max(48, 12 + 7 * Math.max(...labels.map((l) => l.length))), r: 12, t: 12, b: 28 };
  const iw = width - pad.l - pad.r, ih = height - pad.t - pad.b;
  const bw = iw / points.length;
  const y = (v) => pad.t + ih - Number((v * 10000n) / max) / 10000 * ih;
  const labelEvery = Math.ceil(points.length / 8);
  const total = values.reduce((a, b) => a + b, 0n);
  return html`<svg viewBox="0 0 ${width} ${height}" role="img" aria-label="Earnings over time: ${weiToEther(total)} ETH in all over ${points.length} periods">
    ${ticks.map((t, i) => html`<line class="gridline" x1="${pad.l}" x2="${width - pad.r}" y1="${y(t)}" y2="${y(t)}"/>
      <text class="axis" x="${pad.l - 6}" y="${y(t) + 4}" text-anchor="end">${labels[i]}</text>`)}
    ${points.map((p, i) => {
      const v = values[i];
      const top = y(v);
      return html`<rect class="bar" x="${pad.l + i * bw + (bw - Math.min(bw * 0.7, 40)) / 2}" y="${top}" width="${Math.max(Math.min(bw * 0.7, 40), 1)}" height="${Math.max(pad.t + ih - top, v > 0n ? 1 : 0)}"><title>${p.start}: ${weiToEther(v)} ETH from ${p.credits} credit${p.credits === 1 ? "" : "s"}</title></rect>
      ${i % labelEvery === 0 ? html`<text class="axis" x="${pad.l + i * bw + bw / 2}" y="${height - 8}" text-anchor="middle">${p.start.slice(5)}</text>` : ""}`;
    })}
  </svg>`;
}

/** axisLabel renders wei as ether with three significant digits, never cut: 0.00045, not 0.0004. */
export function axisLabel(wei) {
  const s = weiToEther(wei);
  const [a, b = ""] = s.split(".");
  if (!b) return a;
  if (a !== "0") return `${a}.${b.slice(0, 3)}`.replace(/\.?0+$/, "");
  const lead = b.length - b.replace(/^0+/, "").length; // zeros after the point
  return `0.${b.slice(0, lead + 3)}`.replace(/\.?0+$/, "") || "0";
}
