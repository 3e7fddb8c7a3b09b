// The pages' entry point: mounts the wallet control and fills the page the server framed.
import { html, render, message } from "./lib/dom.js";
import * as wallet from "./lib/wallet.js";
import { mount } from "./lib/walletui.js";
import home from "./pages/home.js";
import chart from "./pages/chart.js";
import browse from "./pages/browse.js";
import track from "./pages/track.js";
import artist from "./pages/artist.js";
import account from "./pages/account.js";
import upload from "./pages/upload.js";
import audit from "./pages/audit.js";
import tx from "./pages/tx.js";

const pages = { home, chart, browse, track, artist, account, upload, audit, tx };

const main = document.getElementById("main");
const name = main.dataset.page;
const params = JSON.parse(main.dataset.params || "{}");

mount(document.getElementById("wallet"));
const ready = wallet.init();

const q = new URLSearchParams(location.search).get("q");
if (q) document.getElementById("site-search").value = q;

if (pages[name]) {
  pages[name](main, params, ready).catch((e) => {
    console.warn(e);
    render(main, html`<h1>Something went wrong</h1>${message("error", e.status === 404 ? "There is nothing here: the link may be wrong, or the track is not on sale." : e.message)}
      <p><a href="/">Back to the store</a></p>`);
  });
}
