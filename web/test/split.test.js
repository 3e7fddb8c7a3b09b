// The upload form's split (web/src/lib/split.js) against the figures internal/audit computes as
// the contract does, from the same vectors (internal/audit/testdata/split_vectors.json).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { splitSale } from "../src/lib/split.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const cases = JSON.parse(readFileSync(path.join(here, "..", "..", "internal", "audit", "testdata", "split_vectors.json"), "utf8"));

test("the page's split gives the contract's figures", () => {
  assert.ok(cases.length > 0);
  for (const c of cases) {
    const got = splitSale(BigInt(c.price), c.feeBps, c.referralBps, c.collaboratorBps.map((bps, i) => ({ address: `0x${i}`, bps })));
    const name = `price ${c.price}, fee ${c.feeBps}, referral ${c.referralBps}, collaborators ${c.collaboratorBps}`;
    assert.equal(got.fee.toString(), c.want.fee, name);
    assert.equal(got.referral.toString(), c.want.referral, name);
    assert.equal(got.artistSide.toString(), c.want.artistSide, name);
    assert.deepEqual(got.collaborators.map((x) => x.amount.toString()), c.want.collaborators, name);
    assert.equal(got.artist.toString(), c.want.artist, name);
    assert.equal(got.fee + got.referral + got.collaborators.reduce((s, x) => s + x.amount, 0n) + got.artist, BigInt(c.price), `${name}: the parts add up`);
  }
});

test("the earnings chart's axis labels keep their significant digits", async () => {
  const { axisLabel } = await import("../src/lib/chart.js");
  const cases = [[450_000_000_000_000n, "0.00045"], [0n, "0"], [1_234_567_000_000_000_000n, "1.234"], [2_000_000_000_000_000_000n, "2"], [123_456_789n, "0.000000000123"], [4_500_000_000_000_000n, "0.0045"]];
  for (const [wei, want] of cases) assert.equal(axisLabel(wei), want, String(wei));
});
