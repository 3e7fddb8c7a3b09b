// People instead of hex addresses: an account is shown by its profile name when it has one, with
// its address on hover (title) and on tap (the small button beside the name reveals it).
import { html, $ } from "./dom.js";
import { get, qs } from "./api.js";
import { short, date } from "./format.js";

/** who renders an account: its name (from names, the API's address → name map) or its short
 * address, linking to its page, with the full address on hover and a tap-to-reveal button. */
export function who(address, names = {}) {
  if (!address) return html`<span class="muted">none</span>`;
  const name = names[address] ?? Object.entries(names).find(([a]) => a.toLowerCase() === address.toLowerCase())?.[1];
  if (!name) return html`<a class="who mono" href="/a/${address}" title="${address}">${short(address)}</a>`;
  return html`<span class="who"><a href="/a/${address}" title="${address}">${name}</a><button type="button" class="reveal" data-reveal="${address}" aria-label="Show ${name}'s address" title="Show the address">0x</button></span>`;
}

// The buttons of who() are handled once for every page in main.js: a tap shows the address in place.

/** supportersInto fills a track page's "Supported by" section, newest buyers first, a page at a time. */
export async function supportersInto(section, trackID) {
  if (!section) return;
  const list = $("[data-list]", section);
  let cursor = "";
  const more = async () => {
    const page = await get(`/tracks/${encodeURIComponent(trackID)}/supporters${qs({ limit: 24, cursor })}`);
    if (!page.supporters.length && !cursor) return;
    section.hidden = false;
    $("[data-more]", section)?.remove();
    list.insertAdjacentHTML("beforeend", String(html`${page.supporters.map((s) => html`<li>${s.address
      ? who(s.address, s.name ? { [s.address]: s.name } : {})
      : html`<span class="muted" title="This fan keeps their collection private">a fan</span>`} <span class="small muted">${date(s.time)}</span></li>`)}`));
    cursor = page.nextCursor ?? "";
    if (cursor) {
      const b = document.createElement("button");
      b.type = "button";
      b.className = "btn btn-small";
      b.dataset.more = "";
      b.textContent = "More supporters";
      b.addEventListener("click", () => more().catch(() => b.remove()));
      section.append(b);
    }
  };
  await more().catch(() => { /* the page works without the list */ });
}
