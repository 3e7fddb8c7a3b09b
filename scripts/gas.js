// Gas benchmark of the market's operations on Hardhat's simulated network (cancun rules).
//
//   npm run gas
//
// Prints one `BENCH gas_<operation> <gas> gas` line per operation. Each figure is the receipt's
// gasUsed of one real transaction, in the situation its name describes (gas_quote, a view, is the
// estimate of the same call sent as a transaction). Purchases name the terms they were quoted.
import { network } from "hardhat";
import { keccak256, toHex } from "viem";

const PRICE = 10n ** 15n; // 0.001 ETH
const REFERRAL_BPS = 2_000n;
const FEE_BPS = 500n;
// The terms a purchase names: the fee and the referral share it was quoted.
const TERMS = [Number(FEE_BPS), Number(REFERRAL_BPS)];

const { viem } = await network.create();
const publicClient = await viem.getPublicClient();
const [owner, treasury, artist, fanA, fanB, fanC, fanD, c1, c2, c3] = await viem.getWalletClients();

const market = await viem.deployContract("BittunesMarket", [
  owner.account.address,
  treasury.account.address,
  FEE_BPS,
]);

async function gas(name, send) {
  const hash = await send();
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") throw new Error(`${name}: transaction reverted`);
  console.log(`BENCH gas_${name} ${receipt.gasUsed} gas`);
}

const as = (wallet) => ({ account: wallet.account });
const hashOf = (s) => keccak256(toHex(s));

await gas("register", () =>
  market.write.register([PRICE, REFERRAL_BPS, hashOf("track-1"), "ipfs://track-1", []], as(artist)),
);
await market.write.register([PRICE, REFERRAL_BPS, hashOf("track-2"), "ipfs://track-2", []], as(artist));
await gas("register_collab3", () =>
  market.write.register(
    [
      PRICE,
      REFERRAL_BPS,
      hashOf("track-3"),
      "ipfs://track-3",
      [
        { account: c1.account.address, bps: 2_500 },
        { account: c2.account.address, bps: 2_500 },
        { account: c3.account.address, bps: 1_000 },
      ],
    ],
    as(artist),
  ),
);

// First sale of the market: nobody has a balance yet.
await gas("purchase_first", () => market.write.purchase([1n, zero(), ...TERMS], { ...as(fanA), value: PRICE }));

// Warm balances: artist, referrer (fanA) and treasury have all been credited before.
await market.write.purchase([2n, zero(), ...TERMS], { ...as(fanA), value: PRICE });
await market.write.purchase([2n, fanA.account.address, ...TERMS], { ...as(fanB), value: PRICE });
await gas("purchase_referred", () =>
  market.write.purchase([1n, fanA.account.address, ...TERMS], { ...as(fanC), value: PRICE }),
);
await gas("purchase_for", () =>
  market.write.purchaseFor([fanD.account.address, 1n, fanA.account.address, ...TERMS], { ...as(fanB), value: PRICE }),
);

await market.write.purchase([3n, zero(), ...TERMS], { ...as(fanA), value: PRICE });
await gas("purchase_collab3", () =>
  market.write.purchase([3n, fanA.account.address, ...TERMS], { ...as(fanB), value: PRICE }),
);

// The quote a page reads before a referred purchase (an eth_call: the gas it would cost as a transaction).
const quoteGas = await publicClient.estimateContractGas({
  address: market.address,
  abi: market.abi,
  functionName: "quote",
  args: [1n, fanA.account.address, fanB.account.address, fanB.account.address],
});
console.log(`BENCH gas_quote ${quoteGas} gas`);
const packageGas = await publicClient.estimateContractGas({
  address: market.address,
  abi: market.abi,
  functionName: "trackByPackage",
  args: [artist.account.address, hashOf("track-1")],
});
console.log(`BENCH gas_track_by_package ${packageGas} gas`);

// A release of RELEASE_TRACKS tracks at a discount, bought through a referrer who owns every track, by a
// fan whose balances are all warm: the receipt's gas divided by the tracks bought (the transaction's base
// cost shared among them, as it is in a real release purchase).
const RELEASE_TRACKS = 10;
const releaseTracks = [];
for (let i = 0; i < RELEASE_TRACKS; i++) {
  const id = (await market.read.trackCount()) + 1n;
  await market.write.register([PRICE, REFERRAL_BPS, hashOf(`release-${i}`), `ipfs://release-${i}`, []], as(artist));
  releaseTracks.push(id);
}
await gas(`register_release_${RELEASE_TRACKS}`, () =>
  market.write.registerRelease([releaseTracks, (PRICE * BigInt(RELEASE_TRACKS) * 8n) / 10n, "ipfs://album"], as(artist)),
);
const releaseId = await market.read.releaseCount();
for (const id of releaseTracks) await market.write.purchase([id, zero(), ...TERMS], { ...as(fanA), value: PRICE });
const releaseQuote = await market.read.quoteRelease([releaseId, fanA.account.address, fanC.account.address, fanC.account.address]);
{
  const hash = await market.write.purchaseRelease(
    [releaseId, fanA.account.address, releaseQuote.feeBps, releaseQuote.minReferralBps],
    { ...as(fanC), value: releaseQuote.amount },
  );
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") throw new Error("purchase_release: transaction reverted");
  console.log(`BENCH gas_purchase_release_per_track ${receipt.gasUsed / BigInt(RELEASE_TRACKS)} gas`);
}

await gas("withdraw", () => market.write.withdraw(as(artist)));
await gas("withdraw_fees", () => market.write.withdraw(as(treasury)));
await gas("set_price", () => market.write.setPrice([1n, PRICE * 2n], as(artist)));

function zero() {
  return "0x0000000000000000000000000000000000000000";
}
