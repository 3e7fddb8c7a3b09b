// The preview player: one <audio> at the bottom of every page, driven by play buttons.
import { html, render, $$ } from "./dom.js";
import { coverURL, previewURL } from "./media.js";

let audio = null;
let current = null; // the track playing

const icons = {
  play: html`<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M4 2.5v11l9-5.5z" fill="currentColor"/></svg>`,
  pause: html`<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M4 2.5h3v11H4zM9 2.5h3v11H9z" fill="currentColor"/></svg>`,
};

/** playButton renders a preview button for a track, or a quiet "no preview" mark. */
export function playButton(t) {
  return html`<button type="button" class="play" data-play="${t.id}" aria-pressed="false" aria-label="Play the preview of ${t.title}">${icons.play}</button>`;
}

const known = new Map(); // id → track, for the buttons on the page

/** fromButton reads a track from a server-rendered play button's data attributes. */
function fromButton(b) {
  return { id: b.dataset.play, title: b.dataset.title ?? "", artist: { name: b.dataset.artist ?? "" }, contentHash: b.dataset.hash };
}

/** wire makes the play buttons under root work: for these tracks, or for the tracks the buttons describe. */
export function wire(root, tracks = []) {
  for (const t of tracks) known.set(String(t.id), t);
  for (const b of $$("[data-play]", root)) if (!known.has(b.dataset.play) && b.dataset.hash) known.set(b.dataset.play, fromButton(b));
  for (const b of $$("[data-play]", root)) {
    if (b.dataset.wired) continue;
    b.dataset.wired = "1";
    b.addEventListener("click", () => toggle(known.get(b.dataset.play)));
  }
  sync();
}

function toggle(t) {
  if (!t) return;
  if (current && String(current.id) === String(t.id) && audio && !audio.paused) {
    audio.pause();
    return;
  }
  play(t);
}

/** play starts a track's preview in the bottom player. */
export function play(t, src = previewURL(t), label = "Preview") {
  const box = document.getElementById("player");
  if (!audio) {
    box.hidden = false;
    render(box, html`<div class="inner"><img alt=""><div class="now"><strong></strong><span></span></div><audio controls preload="none"></audio><button type="button" class="btn btn-small btn-ghost" data-close>Close</button></div>`);
    audio = box.querySelector("audio");
    audio.addEventListener("play", sync);
    audio.addEventListener("pause", sync);
    audio.addEventListener("ended", sync);
    audio.addEventListener("error", () => {
      box.querySelector(".now span").textContent = "This file is not available on this server.";
      sync();
    });
    box.querySelector("[data-close]").addEventListener("click", () => {
      audio.pause();
      box.hidden = true;
    });
  }
  box.hidden = false;
  current = t;
  box.querySelector("img").src = coverURL(t);
  box.querySelector(".now strong").textContent = t.title;
  box.querySelector(".now span").textContent = `${label} · ${t.artist?.name ?? ""}`;
  audio.src = src;
  audio.play().catch(() => sync());
}

function sync() {
  for (const b of $$("[data-play]")) {
    const on = !!(current && audio && !audio.paused && String(current.id) === b.dataset.play);
    b.setAttribute("aria-pressed", String(on));
    b.innerHTML = String(on ? icons.pause : icons.play);
  }
}
