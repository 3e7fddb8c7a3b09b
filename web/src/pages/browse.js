// Browse is rendered on the server (the search form works without script); this adds the player.
import { wire } from "../lib/player.js";

export default async function browse(main) {
  wire(main);
}
