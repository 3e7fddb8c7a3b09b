// Formatting for people: ether amounts, shares, addresses, dates.

/** eth renders an amount ({wei, ether} from the API) as "0.004 ETH". */
export function eth(amount, unit = true) {
  const s = typeof amount === "string" ? amount : amount?.ether ?? "0";
  return unit ? `${s} ETH` : s;
}

/** weiToEther renders a bigint of wei as exact decimal ether. */
export function weiToEther(wei) {
  const neg = wei < 0n;
  let v = neg ? -wei : wei;
  const whole = v / 10n ** 18n;
  let frac = (v % 10n ** 18n).toString().padStart(18, "0").replace(/0+$/, "");
  return (neg ? "-" : "") + whole.toString() + (frac ? "." + frac : "");
}

/** etherToWei parses a decimal ether string exactly; it throws on anything else. */
export function etherToWei(s) {
  const m = /^\s*(\d*)(?:\.(\d*))?\s*$/.exec(s);
  if (!m || (m[1] === "" && (m[2] ?? "") === "")) throw new Error("Give the price in ETH, like 0.002");
  const frac = m[2] ?? "";
  if (frac.length > 18) throw new Error("A price has at most 18 decimals");
  return BigInt(m[1] || "0") * 10n ** 18n + BigInt((frac + "0".repeat(18)).slice(0, 18));
}

/** pct renders basis points as a percentage: 2000 → "20%". */
export function pct(bps) {
  const v = Number(bps) / 100;
  return `${Number.isInteger(v) ? v : v.toFixed(2).replace(/0+$/, "")}%`;
}

/** short renders an address as 0x1234…abcd. */
export function short(addr) {
  if (!addr) return "";
  return `${addr.slice(0, 6)}…${addr.slice(-4)}`;
}

/** duration renders milliseconds as m:ss. */
export function duration(ms) {
  const s = Math.round(Number(ms) / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** date renders an RFC 3339 time as a short local date. */
export function date(t) {
  const d = new Date(t);
  return isNaN(d) ? "" : d.toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" });
}

export function dateTime(t) {
  const d = new Date(t);
  return isNaN(d) ? "" : d.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

export function sameAddress(a, b) {
  return !!a && !!b && a.toLowerCase() === b.toLowerCase();
}

export const zeroAddress = "0x0000000000000000000000000000000000000000";
