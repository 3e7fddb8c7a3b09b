// Short referral links: the server gives an owner of a track a stable /r/<code> link for it.

/** shortLink asks the server for an owner's short link to a track; null if it gives none. */
export async function shortLink(trackId, account) {
  try {
    const res = await fetch("/r", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ track: Number(trackId), account }) });
    return res.ok ? (await res.json()).url : null;
  } catch {
    return null;
  }
}
