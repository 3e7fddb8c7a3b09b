// The market's settings, embedded by the server in every page.
const el = document.getElementById("bittunes-config");

/**
 * config: {chainId, chainName, rpcUrl, market, explorerUrl, limits}; limits are the contract's caps,
 * {maxFeeBps, maxReferralBps, maxCollaborators, maxPrice (wei, decimal string), maxReleaseTracks},
 * checked through lib/limits.js.
 */
export const config = el ? JSON.parse(el.textContent) : { chainId: 0, chainName: "", rpcUrl: "", market: "", explorerUrl: "" };

/** txURL links a transaction: on the configured explorer, else the market's own view. */
export function txURL(hash) {
  return config.explorerUrl ? `${config.explorerUrl}/tx/${hash}` : `/tx/${hash}`;
}

/** addressURL links an address on the explorer, or to its artist page without one. */
export function addressURL(addr) {
  return config.explorerUrl ? `${config.explorerUrl}/address/${addr}` : `/a/${addr}`;
}
