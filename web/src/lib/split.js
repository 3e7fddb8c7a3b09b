// The split of a sale, computed exactly as the contract does (contracts/libraries/Split.sol and
// the market's _creditCollaborators): the fee and the referral share are price × bps / 10 000
// rounded down, the artist side is the remainder (it carries the rounding dust); each collaborator
// gets their bps of the whole artist side, rounded down, and the artist keeps the rest.
// internal/audit checks the same figures (testdata/split_vectors.json holds cases both test).

const BPS = 10_000n;

/** splitSale returns, as bigints of wei, what a sale at price pays each party. */
export function splitSale(price, feeBps, referralBps, collaborators = []) {
  price = BigInt(price);
  const fee = (price * BigInt(feeBps)) / BPS;
  const referral = (price * BigInt(referralBps)) / BPS;
  const artistSide = price - fee - referral;
  let artist = artistSide;
  const shares = collaborators.map((c) => {
    const amount = (artistSide * BigInt(c.bps)) / BPS;
    artist -= amount;
    return { address: c.address, bps: c.bps, amount };
  });
  return { fee, referral, artistSide, collaborators: shares, artist };
}
