// The "Seeding" panel of a fan's account page: what the fan's `bittunes seed` is passing on now
// (as its signed heartbeats told the market), what the referrals of those tracks earned, and how
// to seed.
import { html, render } from "./dom.js";
import { get } from "./api.js";
import { weiToEther } from "./format.js";

/** seedingPanel fills el with the seeding of address, whose library (GET …/library) is given. */
export async function seedingPanel(el, address, library) {
  const { seeds } = await get(`/accounts/${address}/seeds`);
  const { earned, sales } = seedingEarned(seeds, library);
  const how = html`<p class="small">Seed what you own with <code>bittunes seed --account ${address}</code> and your key in
    <code>BITTUNES_PRIVATE_KEY</code> (or <code>--keystore</code>): your client names your account to every peer, signed, and a
    buyer whose download you carried names you as referrer when they <code>bittunes buy</code> without a link.</p>`;
  render(el, seeds.length
    ? html`<h2 id="seeding-h">Seeding ${seeds.length} track${seeds.length === 1 ? "" : "s"}</h2>
      <p>The referrals of the tracks you seed have earned you <strong data-seeding-earned>${weiToEther(earned)} ETH</strong> from ${sales} sale${sales === 1 ? "" : "s"}
        (through your links and through the copies you delivered: the contract pays both the same).</p>
      <ul class="small">${seeds.map((t) => html`<li><a href="/t/${t.id}">${t.title}</a></li>`)}</ul>${how}`
    : html`<h2 id="seeding-h">Seeding</h2><p class="small muted">You are not seeding anything right now.</p>${library.length ? how : ""}`);
}

/** seedingEarned adds up, exactly in wei, the referral earnings and sales of the seeded tracks. */
export function seedingEarned(seeds, library) {
  const byTrack = new Map(library.map((item) => [item.track.id, item]));
  let earned = 0n, sales = 0;
  for (const t of seeds) {
    const item = byTrack.get(t.id);
    if (!item) continue;
    earned += BigInt(item.referralEarnings.wei);
    sales += item.referralSales;
  }
  return { earned, sales };
}
