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

/** giftForm adds, after el, a form to buy the track for a friend named by address or profile name;
 * send(button, address, label) makes the purchase (the track page's Buy, with a recipient). */
export function giftForm(el, t, send) {
  const box = document.createElement("details");
  box.className = "gift";
  box.innerHTML = String(html`<summary>Give it to a friend</summary>
    <form class="row" data-gift><div class="field wide"><label for="gift-to">Friend's address or profile name</label><input id="gift-to" name="to" autocomplete="off" placeholder="0x… or a name"></div>
      <div class="field shrink"><button class="btn">Give for ${t.price.ether} ETH</button></div></form>
    <p class="small muted">You pay; the track goes to their library, and they can download it and pass it on.</p><div data-gift-msg></div>`);
  el.after(box);
  const form = $("[data-gift]", box);
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const to = form.to.value.trim();
    const msg = $("[data-gift-msg]", box);
    msg.textContent = "";
    let address = to, label = to;
    if (!/^0x[0-9a-fA-F]{40}$/.test(to)) {
      try {
        const p = await get(`/profiles${qs({ name: to })}`);
        address = p.address;
        label = `${p.name} (${short(p.address)})`;
      } catch (err) {
        msg.textContent = err.status === 404 ? `No one on the market is named “${to}”. Give their address instead.` : err.message;
        return;
      }
    } else {
      label = short(to);
    }
    await send($("button", form), address, label);
  });
}
