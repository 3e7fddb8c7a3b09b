// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {BittunesMarket} from "../BittunesMarket.sol";
import {Split} from "../libraries/Split.sol";
import {BaseTest} from "./Base.t.sol";
import {vm} from "./Vm.t.sol";

/// @notice The split arithmetic, fuzzed over any price up to 2^128 and any shares within the caps.
contract SplitTest {
    uint256 internal constant MAX_FEE_BPS = 1_000;
    uint256 internal constant MAX_REFERRAL_BPS = 5_000;

    function testFuzz_sale_partsSumToPrice(uint128 price, uint16 feeBps, uint16 referralBps) public pure {
        feeBps = uint16(feeBps % (MAX_FEE_BPS + 1));
        referralBps = uint16(referralBps % (MAX_REFERRAL_BPS + 1));
        (uint256 fee, uint256 referral, uint256 artist) = Split.sale(price, feeBps, referralBps);
        vm.assertEq(fee + referral + artist, price, "fee + referral + artist == price");
    }

    function testFuzz_sale_eachPartIsItsShare(uint128 price, uint16 feeBps, uint16 referralBps) public pure {
        feeBps = uint16(feeBps % (MAX_FEE_BPS + 1));
        referralBps = uint16(referralBps % (MAX_REFERRAL_BPS + 1));
        (uint256 fee, uint256 referral, uint256 artist) = Split.sale(price, feeBps, referralBps);

        // fee and referral are their exact share rounded down: x * 10 000 <= price * bps < (x + 1) * 10 000
        vm.assertLe(fee * 10_000, uint256(price) * feeBps, "fee is not above its share");
        vm.assertLe(uint256(price) * feeBps, fee * 10_000 + 9_999, "fee is its share less under 1 wei");
        vm.assertLe(referral * 10_000, uint256(price) * referralBps, "referral is not above its share");
        vm.assertLe(uint256(price) * referralBps, referral * 10_000 + 9_999, "referral is its share less under 1 wei");

        // the artist side gets at least its exact share, and the dust (under 2 wei) on top
        uint256 artistShareScaled = uint256(price) * (10_000 - feeBps - referralBps);
        vm.assertGe(artist * 10_000, artistShareScaled, "artist side gets at least its share");
        vm.assertLe(artist * 10_000, artistShareScaled + 2 * 9_999, "artist's dust is under 2 wei");
    }

    function testFuzz_sale_feeNeverAboveCap(uint128 price, uint16 feeBps) public pure {
        feeBps = uint16(feeBps % (MAX_FEE_BPS + 1));
        (uint256 fee,,) = Split.sale(price, feeBps, 0);
        vm.assertLe(fee, uint256(price) / 10, "fee <= 10 % of the price");
    }

    function testFuzz_sale_noReferralKeepsShareWithArtist(uint128 price, uint16 feeBps, uint16 referralBps)
        public
        pure
    {
        feeBps = uint16(feeBps % (MAX_FEE_BPS + 1));
        referralBps = uint16(referralBps % (MAX_REFERRAL_BPS + 1));
        (uint256 feeReferred, uint256 referral, uint256 artistReferred) = Split.sale(price, feeBps, referralBps);
        (uint256 feeDirect, uint256 none, uint256 artistDirect) = Split.sale(price, feeBps, 0);
        vm.assertEq(none, 0, "no referrer, no referral");
        vm.assertEq(feeDirect, feeReferred, "the fee does not depend on the referral");
        vm.assertEq(artistDirect, artistReferred + referral, "the unpaid referral stays with the artist side");
    }

    function testFuzz_share_boundedByAmount(uint256 amount, uint16 bps) public pure {
        amount = amount % (uint256(1) << 200);
        bps = uint16(bps % 10_001);
        uint256 part = Split.share(amount, bps);
        vm.assertLe(part, amount, "a share is never above the whole");
        vm.assertEq(Split.share(amount, 10_000), amount, "10 000 bps is the whole");
        vm.assertEq(Split.share(amount, 0), 0, "0 bps is nothing");
    }

    function test_sale_knownValues() public pure {
        // 1 000 wei, 5 % fee, 20 % referral: 50 + 200 + 750
        (uint256 fee, uint256 referral, uint256 artist) = Split.sale(1_000, 500, 2_000);
        vm.assertEq(fee, 50, "fee");
        vm.assertEq(referral, 200, "referral");
        vm.assertEq(artist, 750, "artist");
        // 999 wei, 3.33 % fee, 33.33 % referral: 33.26… → 33, 332.96… → 332, artist 634 carries the dust
        (fee, referral, artist) = Split.sale(999, 333, 3_333);
        vm.assertEq(fee, 33, "fee rounds down");
        vm.assertEq(referral, 332, "referral rounds down");
        vm.assertEq(artist, 634, "artist gets the rest");
    }
}

/// @notice The platform fee accrues inside the fee slot and moves to the recipient's balance instead
///         of overflowing 80 bits.
contract FeeAccrualTest is BaseTest {
    bytes32 internal constant FEE_SLOT = bytes32(uint256(2)); // after Ownable._owner and Ownable2Step._pendingOwner

    function test_feeSlot_isWhereTheLayoutSays() public view {
        bytes32 word = vm.load(address(market), FEE_SLOT);
        vm.assertEq(address(uint160(uint256(word))), treasury, "recipient in the low 160 bits");
        vm.assertEq(uint256(word) >> 160 & 0xffff, FEE_BPS, "bps in the next 16 bits");
        vm.assertEq(uint256(word) >> 176, 0, "nothing accrued yet");
    }

    function testFuzz_accrual_flushesToBalanceInsteadOfOverflowing(uint80 accrued, uint72 price) public {
        uint256 fee = uint256(price) * FEE_BPS / 10_000;
        vm.assume(fee > 0);
        // Pretend `accrued` wei of fees have built up (a state otherwise reached only after millions of ETH of sales).
        bytes32 word = bytes32(uint256(uint160(treasury)) | FEE_BPS << 160 | uint256(accrued) << 176);
        vm.store(address(market), FEE_SLOT, word);
        uint256 id = registerAs(artist, price, REFERRAL_BPS);

        buy(alice, id, address(0));

        (address recipient, uint256 bps, uint256 accruedAfter) = market.feeConfig();
        vm.assertEq(recipient, treasury, "recipient unchanged");
        vm.assertEq(bps, FEE_BPS, "bps unchanged");
        vm.assertEq(market.balanceOf(treasury), uint256(accrued) + fee, "nothing lost either way");
        if (uint256(accrued) + fee > type(uint80).max) {
            vm.assertEq(accruedAfter, 0, "overflowing fees moved to the balance");
        } else {
            vm.assertEq(accruedAfter, uint256(accrued) + fee, "fees accrue in the slot");
        }
    }

    function test_setFeeRecipient_movesAccruedFeesToThePreviousRecipient() public {
        uint256 id = registerAs(artist, PRICE, REFERRAL_BPS);
        buy(alice, id, address(0));
        uint256 fee = PRICE * FEE_BPS / 10_000;

        vm.prank(operator);
        market.setFeeRecipient(dave);
        buy(bob, id, address(0));

        vm.assertEq(market.balanceOf(treasury), fee, "the old recipient keeps what accrued under it");
        vm.assertEq(market.balanceOf(dave), fee, "the new recipient gets new fees");
        (, , uint256 accrued) = market.feeConfig();
        vm.assertEq(accrued, fee, "only the new recipient's fees are in the slot");

        vm.prank(treasury);
        vm.assertEq(market.withdraw(), fee, "the old recipient withdraws its fees");
    }
}
