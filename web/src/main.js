// The pages' entry point. The server renders the public pages (home, charts, browse, track,
// artist) with their content; this adds the preview player to them, the wallet when a visitor
// acts on the chain, and fills the pages that show one visitor's wallet (account, upload, audit,
// transaction) from the API. Each page's code is a chunk loaded for that page only.
import { html, render, message, notice } from "./lib/dom.js";
import { loadWallet, mountButton, walletUsed } from "./lib/walletlazy.js";

const pages = {
  home: () => import("./pages/home.js"),
  chart: () => import("./pages/chart.js"),
  browse: () => import("./pages/browse.js"),
  track: () => import("./pages/track.js"),
  release: () => import("./pages/release.js"),
  artist: () => import("./pages/artist.js"),
  account: () => import("./pages/account.js"),
  upload: () => import("./pages/upload.js"),
  studio: () => import("./pages/studio.js"),
  audit: () => import("./pages/audit.js"),
  tx: () => import("./pages/tx.js"),
};
// The pages that show a wallet's data load the wallet at once.
const walletPages = new Set(["account", "upload", "tx", "studio"]);

const main = document.getElementById("main");
const name = main.dataset.page;
const params = JSON.parse(main.dataset.params || "{}");

mountButton(document.getElementById("wallet"), notice);
const ready = walletPages.has(name) || walletUsed() ? loadWallet() : Promise.resolve(null);

// An account's name has a button beside it that shows its address in place (see lib/people.js):
// touch screens have no hover for the title attribute.
document.addEventListener("click", (e) => {
  const b = e.target.closest?.("[data-reveal]");
  if (!b) return;
  const shown = b.classList.toggle("shown");
  b.textContent = shown ? b.dataset.reveal : "0x";
  b.setAttribute("aria-expanded", String(shown));
});

const q = new URLSearchParams(location.search).get("q");
if (q) document.getElementById("site-search").value = q;

if (pages[name]) {
  pages[name]()
    .then((m) => m.default(main, params, ready))
    .catch((e) => {
      console.warn(e);
      render(main, html`<h1>Something went wrong</h1>${message("error", e.status === 404 ? "There is nothing here: the link may be wrong, or the track is not on sale." : e.message)}
        <p><a href="/">Back to the store</a></p>`);
    });
}
