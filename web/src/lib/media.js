// Where a track's media lives. A track page's JSON carries the links its server offers
// (previewUrl, coverUrl, audioUrl, torrentUrl, magnet); a field that is absent there means the
// server does not have that file, and the page shows no button for it. Lists (charts, browse,
// library) carry no links: their buttons point at the API's per-track routes, and the player says
// so plainly when a file turns out to be missing.

export function coverURL(t) {
  return t.coverUrl ?? `/covers/${t.contentHash}`;
}

/** previewURL is the track page's preview link (strict) or, in lists, the preview route. */
export function previewURL(t, { strict = false } = {}) {
  if (t.previewUrl) return t.previewUrl;
  return strict ? null : `/api/v1/tracks/${t.id}/preview`;
}

/** audioURL is the full track, for its owner (signed in). */
export function audioURL(t, { strict = true } = {}) {
  if (t.audioUrl) return t.audioUrl;
  return strict ? null : `/api/v1/tracks/${t.id}/audio`;
}

export function downloadURL(t, opts) {
  const a = audioURL(t, opts);
  return a ? a + (a.includes("?") ? "&" : "?") + "download=1" : null;
}

export function magnetURI(t) {
  return t.magnet ?? null;
}

export function torrentURL(t) {
  return t.torrentUrl ?? null;
}
