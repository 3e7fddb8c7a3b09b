// The pages' checks of the contract's caps (web/src/lib/limits.js) against the caps the server
// hands them (market.ContractLimits, whose JSON internal/market's TestLimitsJSON holds), and no
// page with a cap of its own.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { priceWei, referralBps, checkReleaseTracks, maxReferralPercent } from "../src/lib/limits.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const limits = { maxFeeBps: 1000, maxReferralBps: 5000, maxCollaborators: 7, maxPrice: "4722366482869645213695", maxReleaseTracks: 50 };

test("a referral share is read in percent and held to the cap", () => {
  assert.equal(referralBps(limits, "0"), 0);
  assert.equal(referralBps(limits, "12.34"), 1234);
  assert.equal(referralBps(limits, "50"), 5000);
  assert.equal(maxReferralPercent(limits), 50);
  assert.throws(() => referralBps(limits, "50.01"), /from 0 to 50 %/);
  assert.throws(() => referralBps(limits, "-1"), /from 0 to 50 %/);
  assert.throws(() => referralBps(limits, "many"), /from 0 to 50 %/);
  assert.equal(referralBps({ ...limits, maxReferralBps: 2500 }, "25"), 2500, "the cap comes from the limits given");
  assert.throws(() => referralBps({ ...limits, maxReferralBps: 2500 }, "26"), /from 0 to 25 %/);
});

test("a price is read in ETH and held to the cap", () => {
  assert.equal(priceWei(limits, "0.002"), 2_000_000_000_000_000n);
  assert.equal(priceWei(limits, "4722.366482869645213695"), 4722366482869645213695n);
  assert.throws(() => priceWei(limits, "4722.366482869645213696"), /at most 4722.366482869645213695 ETH/);
  assert.throws(() => priceWei(limits, "two"), /Give the price in ETH/);
});

test("a release has 1 to the cap of tracks", () => {
  assert.doesNotThrow(() => checkReleaseTracks(limits, 1));
  assert.doesNotThrow(() => checkReleaseTracks(limits, 50));
  assert.throws(() => checkReleaseTracks(limits, 0), /at least one track/);
  assert.throws(() => checkReleaseTracks(limits, 51), /at most 50 tracks/);
});

test("no page writes a cap of its own", () => {
  const dir = path.join(here, "..", "src", "pages");
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".js"))) {
    const src = readFileSync(path.join(dir, name), "utf8");
    for (const cap of [/bps\s*<=?\s*\d/i, /\b5000\b(?!")/, /4722366482869645213695/, /maxPrice\)\)\s*throw/]) {
      assert.doesNotMatch(src, cap, `${name} checks a cap itself: use lib/limits.js with config.limits`);
    }
  }
});
