// The account page's seeding earnings (web/src/lib/seeding.js): exact wei over the seeded tracks only.
import { test } from "node:test";
import assert from "node:assert/strict";
import { seedingEarned } from "../src/lib/seeding.js";

test("seedingEarned adds the referral earnings of the seeded tracks exactly", () => {
  const library = [
    { track: { id: 1 }, referralSales: 2, referralEarnings: { wei: "900000000000000001" } },
    { track: { id: 2 }, referralSales: 5, referralEarnings: { wei: "7" } },
    { track: { id: 3 }, referralSales: 1, referralEarnings: { wei: "900000000000000000" } },
  ];
  const got = seedingEarned([{ id: 1 }, { id: 3 }, { id: 9 }], library);
  assert.equal(got.earned, 1800000000000000001n);
  assert.equal(got.sales, 3);
  assert.deepEqual(seedingEarned([], library), { earned: 0n, sales: 0 });
});
