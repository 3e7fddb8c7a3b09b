// Where a track's media lives, from its API JSON. The preview, the owner's audio and the torrent
// come from the content service; a field that is absent means the server does not offer it
// (yet), and the page then shows no button for it rather than a broken one.

export function coverURL(t) {
  return t.coverUrl ?? t.cover?.url ?? `/covers/${t.contentHash}`;
}

export function previewURL(t) {
  if (typeof t.preview === "string") return t.preview;
  return t.preview?.url ?? t.previewUrl ?? null;
}

export function audioURL(t) {
  if (typeof t.audio === "string") return t.audio;
  return t.audio?.url ?? t.audioUrl ?? null;
}

export function downloadURL(t) {
  const explicit = t.audio?.downloadUrl ?? t.downloadUrl;
  if (explicit) return explicit;
  const a = audioURL(t);
  return a ? a + (a.includes("?") ? "&" : "?") + "download=1" : null;
}

export function magnetURI(t) {
  return t.magnet ?? t.magnetUri ?? t.torrent?.magnet ?? null;
}

export function torrentURL(t) {
  return t.torrentUrl ?? t.torrent?.url ?? null;
}
