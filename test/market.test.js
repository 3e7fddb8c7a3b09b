// End-to-end on Hardhat's simulated network: deploy through the Ignition module, then
// register → purchase → purchase with referral → withdraw, checking balances and events.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { network } from "hardhat";
import { keccak256, parseEther, toHex, zeroAddress } from "viem";
import MarketModule from "../ignition/modules/BittunesMarket.js";

describe("BittunesMarket (Ignition deployment, viem)", async () => {
  const { ignition, viem } = await network.create();
  const publicClient = await viem.getPublicClient();
  const [deployer, treasury, artist, alice, bob] = await viem.getWalletClients();

  async function deploy() {
    const { market } = await ignition.deploy(MarketModule, {
      parameters: { BittunesMarket: { feeRecipient: treasury.account.address, feeBps: 500n } },
    });
    return market;
  }

  async function send(promise) {
    const receipt = await publicClient.waitForTransactionReceipt({ hash: await promise });
    assert.equal(receipt.status, "success");
    return receipt;
  }

  async function eventsOf(market, receipt, eventName) {
    return (await market.getEvents[eventName]({}, { blockHash: receipt.blockHash })).map((e) => e.args);
  }

  it("is deployed with the module's parameters", async () => {
    const market = await deploy();
    assert.equal((await market.read.owner()).toLowerCase(), deployer.account.address.toLowerCase());
    const [recipient, bps, accrued] = await market.read.feeConfig();
    assert.equal(recipient.toLowerCase(), treasury.account.address.toLowerCase());
    assert.equal(bps, 500n);
    assert.equal(accrued, 0n);
  });

  it("pays the artist, the referrer and the platform, and lets each withdraw", async () => {
    const market = await deploy();
    const price = parseEther("0.01");
    const contentHash = keccak256(toHex("encrypted package"));

    const registered = await send(
      market.write.register([price, 2_000n, contentHash, "https://bittunes.example/t/1.json", []], {
        account: artist.account,
      }),
    );
    const [reg] = await eventsOf(market, registered, "TrackRegistered");
    assert.equal(reg.trackId, 1n);
    assert.equal(reg.contentHash, contentHash);
    assert.equal(reg.artist.toLowerCase(), artist.account.address.toLowerCase());

    // alice buys without a referrer, on the terms quoted: 5 % fee, the rest to the artist.
    const first = await market.read.quote([1n, zeroAddress, alice.account.address, alice.account.address]);
    assert.equal(first.feeBps, 500);
    assert.equal(first.referralBps, 2_000);
    await send(
      market.write.purchase([1n, zeroAddress, first.feeBps, first.referralBps], { account: alice.account, value: price }),
    );
    // bob buys through alice's link: the quote credits alice, and she gets 20 %.
    const q = await market.read.quote([1n, alice.account.address, bob.account.address, bob.account.address]);
    assert.equal(q.creditedReferrer.toLowerCase(), alice.account.address.toLowerCase());
    assert.equal(q.referrerAmount, price / 5n);
    const bought = await send(
      market.write.purchase([1n, alice.account.address, q.feeBps, q.referralBps], { account: bob.account, value: price }),
    );
    const [sale] = await eventsOf(market, bought, "Purchased");
    assert.equal(sale.referrer.toLowerCase(), alice.account.address.toLowerCase());
    assert.equal(sale.price, price);
    assert.equal(sale.feeAmount, price / 20n);
    assert.equal(sale.referrerAmount, price / 5n);
    assert.equal(sale.artistAmount, price - price / 20n - price / 5n);
    assert.equal(sale.artistAmount + sale.referrerAmount + sale.feeAmount, sale.price);
    assert.equal(await market.read.owns([1n, bob.account.address]), true);

    assert.equal(await market.read.balanceOf([alice.account.address]), price / 5n);
    assert.equal(await market.read.balanceOf([treasury.account.address]), (2n * price) / 20n);
    const artistOwed = price - price / 20n + (price - price / 20n - price / 5n);
    assert.equal(await market.read.balanceOf([artist.account.address]), artistOwed);
    assert.equal(await publicClient.getBalance({ address: market.address }), 2n * price);

    // alice withdraws her referral earnings: her ETH rises by exactly that, less gas.
    const before = await publicClient.getBalance({ address: alice.account.address });
    const withdrawal = await send(market.write.withdraw({ account: alice.account }));
    const after = await publicClient.getBalance({ address: alice.account.address });
    const gas = withdrawal.gasUsed * withdrawal.effectiveGasPrice;
    assert.equal(after - before + gas, price / 5n);
    const [w] = await eventsOf(market, withdrawal, "Withdrawn");
    assert.equal(w.amount, price / 5n);
    assert.equal(await market.read.balanceOf([alice.account.address]), 0n);

    // the artist and the platform withdraw the rest: the contract is left holding nothing.
    await send(market.write.withdraw({ account: artist.account }));
    await send(market.write.withdraw({ account: treasury.account }));
    assert.equal(await publicClient.getBalance({ address: market.address }), 0n);
  });

  it("refuses a stale price with the current price in the error", async () => {
    const market = await deploy();
    const price = parseEther("0.01");
    await send(market.write.register([price, 0n, keccak256(toHex("x")), "", []], { account: artist.account }));
    await send(market.write.setPrice([1n, price * 2n], { account: artist.account }));
    await assert.rejects(
      market.write.purchase([1n, zeroAddress, 500, 0], { account: alice.account, value: price }),
      (err) => {
        assert.match(err.message, /IncorrectPayment/);
        assert.match(err.message, new RegExp(String(price * 2n)));
        return true;
      },
    );
  });

  it("refuses a raised fee with the current terms in the error, and the artist's own purchase", async () => {
    const market = await deploy();
    const price = parseEther("0.01");
    await send(market.write.register([price, 1_000n, keccak256(toHex("y")), "", []], { account: artist.account }));
    const q = await market.read.quote([1n, zeroAddress, alice.account.address, alice.account.address]);
    await send(market.write.setFeeBps([1_000n], { account: deployer.account }));
    await assert.rejects(
      market.write.purchase([1n, zeroAddress, q.feeBps, q.referralBps], { account: alice.account, value: price }),
      (err) => {
        assert.match(err.message, /TermsChanged/);
        assert.match(err.message, /1000/);
        return true;
      },
    );
    await assert.rejects(
      market.write.purchase([1n, zeroAddress, 1_000, 0], { account: artist.account, value: price }),
      /SelfPurchase/,
    );
    await assert.rejects(
      market.write.register([price, 0n, keccak256(toHex("y")), "", []], { account: artist.account }),
      /PackageAlreadyRegistered/,
    );
  });
});
