// The Studio's edits on the chain (price, referral share, listing of a track or a release): each is
// one contract call sent through the wallet, with the transaction's life shown as for purchases,
// then the item read again from the API once the market shows the change.
import { render, message } from "./dom.js";
import * as w from "./wallet.js";
import * as tx from "./tx.js";

/**
 * chainChanger returns change(button, title, fn, args, seen) for one item: it calls the contract's
 * fn with args, shows the transaction in box, waits until seen(await fresh()) says the market
 * indexed it, then shows the item read again; button is disabled meanwhile.
 */
export function chainChanger(box, fresh, show) {
  return async (button, title, fn, args, seen) => {
    button.disabled = true;
    try {
      await tx.track(box, { title, send: () => w.write(fn, args), indexed: async () => seen(await fresh()), done: "Done: the market shows the change." });
      show(await fresh());
    } catch (err) {
      if (!err.shown) render(box, message("error", w.explain(err).message));
    } finally {
      button.disabled = false;
    }
  };
}
