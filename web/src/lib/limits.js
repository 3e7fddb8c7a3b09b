// The contract's caps, checked where a page takes a price, a referral share or a release's tracks,
// so that a wallet is never asked to sign a transaction that reverts. limits is the pages'
// config.limits, which the server fills from market.ContractLimits (itself tested against the
// contract's limits()): no page writes a cap of its own.
import { etherToWei, weiToEther } from "./format.js";

/** priceWei reads a price given in ETH as a bigint of wei; it throws on a malformed price or one above the cap. */
export function priceWei(limits, ether) {
  const wei = etherToWei(ether);
  if (wei > BigInt(limits.maxPrice)) throw new Error(`The price is at most ${weiToEther(BigInt(limits.maxPrice))} ETH.`);
  return wei;
}

/** referralBps reads a referral share given in percent as basis points; it throws outside 0 to the cap. */
export function referralBps(limits, percent) {
  const bps = Math.round(Number(percent) * 100);
  if (!(bps >= 0 && bps <= limits.maxReferralBps)) throw new Error(`The referral share is from 0 to ${maxReferralPercent(limits)} %.`);
  return bps;
}

/** maxReferralPercent is the highest referral share, in percent. */
export function maxReferralPercent(limits) {
  return limits.maxReferralBps / 100;
}

/** checkReleaseTracks throws unless a release of n tracks is within 1 to the cap. */
export function checkReleaseTracks(limits, n) {
  if (n < 1) throw new Error("Choose at least one track.");
  if (n > limits.maxReleaseTracks) throw new Error(`A release has at most ${limits.maxReleaseTracks} tracks.`);
}
