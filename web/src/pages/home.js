// The home page is rendered on the server; this adds the preview player.
import { wire } from "../lib/player.js";

export default async function home(main) {
  wire(main);
}
