// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {BittunesMarket} from "../BittunesMarket.sol";
import {Split} from "../libraries/Split.sol";
import {BaseTest, ANY_FEE, ANY_REFERRAL} from "./Base.t.sol";
import {Vm, vm} from "./Vm.t.sol";

/// @notice Releases: registration, price and listing, and release purchases (apportionment, skipped
///         tracks, per-track splits and referrals, and when the whole purchase reverts).
contract BittunesMarketReleasesTest is BaseTest {
    uint256 internal t1;
    uint256 internal t2;
    uint256 internal t3;

    function setUp() public override {
        super.setUp();
        t1 = registerAs(artist, PRICE, REFERRAL_BPS);
        t2 = registerAs(artist, 2 * PRICE, 1_000);
        t3 = registerWithCollaborators(artist, 3 * PRICE, REFERRAL_BPS);
    }

    // ------------------------------------------------------------------------------------------
    // registerRelease / setReleasePrice / setReleaseListed
    // ------------------------------------------------------------------------------------------

    function test_registerRelease_storesTracksInOrderAndEmits() public {
        uint256[] memory ids = tracks3(t3, t1, t2);
        vm.expectEmit(address(market));
        emit BittunesMarket.ReleaseRegistered(1, artist, 5 * PRICE, ids, "ipfs://album");
        vm.prank(artist);
        uint256 releaseId = market.registerRelease(ids, 5 * PRICE, "ipfs://album");
        vm.assertEq(releaseId, 1, "first release id");
        vm.assertEq(market.releaseCount(), 1, "count");
        BittunesMarket.ReleaseInfo memory info = market.release(releaseId);
        vm.assertEq(info.artist, artist, "artist");
        vm.assertEq(info.price, 5 * PRICE, "price");
        vm.assertTrue(info.listed, "listed at once");
        vm.assertEq(info.trackIds.length, 3, "three tracks");
        vm.assertEq(info.trackIds[0], t3, "order kept");
        vm.assertEq(info.trackIds[1], t1, "order kept");
        vm.assertEq(info.trackIds[2], t2, "order kept");
        vm.prank(artist);
        vm.assertEq(market.registerRelease(tracks1(t1), PRICE, ""), 2, "second release id");
    }

    function test_registerRelease_revertsOnBadTrackLists() public {
        vm.startPrank(artist);
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.InvalidReleaseTrackCount.selector, 0, 50));
        market.registerRelease(new uint256[](0), PRICE, "");
        uint256[] memory many = new uint256[](51);
        for (uint256 i; i < 51; ++i) {
            many[i] = t1;
        }
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.InvalidReleaseTrackCount.selector, 51, 50));
        market.registerRelease(many, PRICE, "");
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.DuplicateReleaseTrack.selector, 2, t1));
        market.registerRelease(tracks3(t1, t2, t1), PRICE, "");
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.UnknownTrack.selector, 99));
        market.registerRelease(tracks2(t1, 99), PRICE, "");
        vm.expectRevert(
            abi.encodeWithSelector(BittunesMarket.PriceTooHigh.selector, uint256(type(uint72).max) + 1, type(uint72).max)
        );
        market.registerRelease(tracks1(t1), uint256(type(uint72).max) + 1, "");
        vm.stopPrank();

        uint256 other = registerAs(alice, PRICE, 0);
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.NotTrackArtist.selector, other, artist, alice));
        vm.prank(artist);
        market.registerRelease(tracks2(t1, other), PRICE, "");
        vm.assertEq(market.releaseCount(), 0, "nothing registered");
    }

    function test_registerRelease_acceptsTheMaximumTrackCount() public {
        uint256[] memory ids = new uint256[](50);
        for (uint256 i; i < 50; ++i) {
            ids[i] = registerAs(artist, PRICE, 0);
        }
        vm.prank(artist);
        uint256 releaseId = market.registerRelease(ids, PRICE, "");
        vm.assertEq(market.release(releaseId).trackIds.length, 50, "fifty tracks");
    }

    function test_setReleasePriceAndListed_onlyByTheArtist() public {
        uint256 releaseId = album(4 * PRICE);
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.NotReleaseArtist.selector, releaseId, alice, artist));
        vm.prank(alice);
        market.setReleasePrice(releaseId, 1);
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.NotReleaseArtist.selector, releaseId, alice, artist));
        vm.prank(alice);
        market.setReleaseListed(releaseId, false);
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.UnknownRelease.selector, 7));
        vm.prank(artist);
        market.setReleasePrice(7, 1);

        vm.expectEmit(address(market));
        emit BittunesMarket.ReleasePriceUpdated(releaseId, 4 * PRICE, 3 * PRICE);
        vm.prank(artist);
        market.setReleasePrice(releaseId, 3 * PRICE);
        vm.expectEmit(address(market));
        emit BittunesMarket.ReleaseListingUpdated(releaseId, false);
        vm.prank(artist);
        market.setReleaseListed(releaseId, false);
        BittunesMarket.ReleaseInfo memory info = market.release(releaseId);
        vm.assertEq(info.price, 3 * PRICE, "new price");
        vm.assertFalse(info.listed, "delisted");

        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.ReleaseNotListed.selector, releaseId));
        vm.prank(alice);
        market.purchaseRelease{value: 3 * PRICE}(releaseId, address(0), ANY_FEE, ANY_REFERRAL);
        vm.prank(artist);
        market.setReleaseListed(releaseId, true);
        vm.prank(alice);
        market.purchaseRelease{value: 3 * PRICE}(releaseId, address(0), ANY_FEE, ANY_REFERRAL);
        vm.assertTrue(market.owns(t1, alice) && market.owns(t2, alice) && market.owns(t3, alice), "bought");
    }

    // ------------------------------------------------------------------------------------------
    // purchaseRelease
    // ------------------------------------------------------------------------------------------

    function test_purchaseRelease_buysEveryTrackAtItsApportionedPrice() public {
        uint256 releaseId = album(4 * PRICE); // tracks sum to 6 × PRICE: a third off
        vm.recordLogs();
        vm.prank(alice);
        market.purchaseRelease{value: 4 * PRICE}(releaseId, address(0), ANY_FEE, ANY_REFERRAL);
        Vm.Log[] memory logs = vm.getRecordedLogs();

        uint256[3] memory want = [uint256(4 * PRICE * 1 / 6), 4 * PRICE * 2 / 6, 0];
        want[2] = 4 * PRICE - want[0] - want[1];
        uint256 seen;
        uint256 total;
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].topics[0] == BittunesMarket.Purchased.selector) {
                (, uint256 price,,,) = abi.decode(logs[i].data, (address, uint256, uint256, uint256, uint256));
                vm.assertEq(uint256(logs[i].topics[1]), [t1, t2, t3][seen], "in release order");
                vm.assertEq(price, want[seen], "apportioned price");
                total += price;
                seen++;
            }
            if (logs[i].topics[0] == BittunesMarket.ReleasePurchased.selector) {
                vm.assertEq(i, logs.length - 1, "ReleasePurchased comes last");
                (, uint256 amount, uint256 bought) = abi.decode(logs[i].data, (address, uint256, uint256));
                vm.assertEq(amount, 4 * PRICE, "amount");
                vm.assertEq(bought, 3, "tracks bought");
            }
        }
        vm.assertEq(seen, 3, "one Purchased per track");
        vm.assertEq(total, 4 * PRICE, "parts sum to the release price");
        vm.assertEq(address(market).balance, 4 * PRICE, "held what was paid");
    }

    function test_purchaseRelease_neverCostsMoreThanTheTracks() public {
        uint256 releaseId = album(100 * PRICE);
        BittunesMarket.ReleaseQuote memory q = market.quoteRelease(releaseId, address(0), alice, alice);
        vm.assertEq(q.effectivePrice, 6 * PRICE, "capped at the sum");
        vm.assertEq(q.amount, 6 * PRICE, "amount");
        vm.prank(alice);
        market.purchaseRelease{value: 6 * PRICE}(releaseId, address(0), ANY_FEE, ANY_REFERRAL);
        vm.assertEq(address(market).balance, 6 * PRICE, "paid the sum");
    }

    function test_purchaseRelease_skipsOwnedTracksAndDoesNotChargeThem() public {
        uint256 releaseId = album(4 * PRICE);
        buy(alice, t2, address(0));
        uint256 before = address(market).balance;
        BittunesMarket.ReleaseQuote memory q = market.quoteRelease(releaseId, address(0), alice, alice);
        vm.assertTrue(q.tracks[1].skipped, "owned track skipped");
        vm.assertEq(q.tracks[1].amount, 0, "not charged");
        vm.assertEq(q.tracksBought, 2, "two bought");
        uint256 want = 4 * PRICE - 4 * PRICE * 2 / 6;
        vm.assertEq(q.amount, want, "release price less the owned track's part");

        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.IncorrectReleasePayment.selector, releaseId, 4 * PRICE, want));
        vm.prank(alice);
        market.purchaseRelease{value: 4 * PRICE}(releaseId, address(0), ANY_FEE, ANY_REFERRAL);

        vm.expectEmit(address(market));
        emit BittunesMarket.ReleasePurchased(releaseId, alice, alice, address(0), want, 2);
        vm.prank(alice);
        market.purchaseRelease{value: want}(releaseId, address(0), ANY_FEE, ANY_REFERRAL);
        vm.assertEq(address(market).balance - before, want, "charged only the unowned parts");
        vm.assertTrue(market.owns(t1, alice) && market.owns(t3, alice), "bought the rest");

        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.ReleaseAlreadyOwned.selector, releaseId, alice));
        vm.prank(alice);
        market.purchaseRelease{value: 0}(releaseId, address(0), ANY_FEE, ANY_REFERRAL);
    }

    function test_purchaseRelease_creditsTheReferrerOnTheTracksItOwns() public {
        uint256 releaseId = album(6 * PRICE); // no discount: the parts are the tracks' prices
        buy(bob, t1, address(0));
        buy(bob, t3, address(0));
        BittunesMarket.ReleaseQuote memory q = market.quoteRelease(releaseId, bob, alice, alice);
        vm.assertEq(q.tracks[0].creditedReferrer, bob, "bob owns t1");
        vm.assertEq(q.tracks[1].creditedReferrer, address(0), "bob does not own t2");
        vm.assertEq(q.minReferralBps, REFERRAL_BPS, "lowest credited share");
        uint256 bobBefore = market.balanceOf(bob);
        vm.prank(alice);
        market.purchaseRelease{value: 6 * PRICE}(releaseId, bob, uint16(FEE_BPS), uint16(REFERRAL_BPS));
        uint256 want = Split.share(PRICE, REFERRAL_BPS) + Split.share(3 * PRICE, REFERRAL_BPS);
        vm.assertEq(market.balanceOf(bob) - bobBefore, want, "referral on t1 and t3 only");
        vm.assertEq(q.tracks[0].referrerAmount + q.tracks[2].referrerAmount, want, "as quoted");
    }

    function test_purchaseRelease_revertsWholeOnAnyTracksError() public {
        uint256 releaseId = album(4 * PRICE);
        // A delisted track the recipient does not own reverts the purchase...
        vm.prank(artist);
        market.setListed(t2, false);
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.TrackNotListed.selector, t2));
        vm.prank(alice);
        market.purchaseRelease{value: 4 * PRICE}(releaseId, address(0), ANY_FEE, ANY_REFERRAL);
        // ...a delisted track they own is skipped as any owned track.
        vm.prank(artist);
        market.setListed(t2, true);
        buy(alice, t2, address(0));
        vm.prank(artist);
        market.setListed(t2, false);
        uint256 amount = market.quoteRelease(releaseId, address(0), alice, alice).amount;
        vm.prank(alice);
        market.purchaseRelease{value: amount}(releaseId, address(0), ANY_FEE, ANY_REFERRAL);
        vm.assertTrue(market.owns(t1, alice) && market.owns(t3, alice), "bought");

        // Terms: a higher fee than named.
        vm.prank(operator);
        market.setFeeBps(FEE_BPS + 1);
        vm.expectRevert(
            abi.encodeWithSelector(BittunesMarket.TermsChanged.selector, t1, FEE_BPS + 1, REFERRAL_BPS, FEE_BPS, 0)
        );
        vm.prank(bob);
        market.purchaseRelease{value: 4 * PRICE}(releaseId, address(0), uint16(FEE_BPS), 0);
        vm.assertFalse(market.owns(t1, bob), "nothing bought");
    }

    function test_purchaseRelease_refusesSelfPurchases() public {
        uint256 releaseId = album(4 * PRICE);
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.SelfPurchase.selector, t1, artist));
        vm.prank(artist);
        market.purchaseRelease{value: 4 * PRICE}(releaseId, address(0), ANY_FEE, ANY_REFERRAL);
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.SelfPurchase.selector, t3, collab1));
        vm.prank(collab1);
        market.purchaseRelease{value: 4 * PRICE}(releaseId, address(0), ANY_FEE, ANY_REFERRAL);
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.SelfPurchase.selector, t3, collab2));
        vm.prank(alice);
        market.purchaseReleaseFor{value: 4 * PRICE}(collab2, releaseId, address(0), ANY_FEE, ANY_REFERRAL);
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.UnknownRelease.selector, 9));
        vm.prank(alice);
        market.purchaseRelease{value: 0}(9, address(0), ANY_FEE, ANY_REFERRAL);
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.InvalidAddress.selector, address(0)));
        vm.prank(alice);
        market.purchaseReleaseFor{value: 0}(address(0), releaseId, address(0), ANY_FEE, ANY_REFERRAL);
    }

    /// @notice Self-dealing is refused per track sold: a collaborator of a track the recipient owns
    ///         (skipped, so not sold) may give them the rest of the release, not a release with it in.
    function test_purchaseReleaseFor_byACollaboratorOfASkippedTrack() public {
        uint256 releaseId = album(4 * PRICE);
        buy(bob, t3, address(0));
        uint256 amount = market.quoteRelease(releaseId, address(0), collab1, bob).amount;
        vm.prank(collab1);
        market.purchaseReleaseFor{value: amount}(bob, releaseId, address(0), ANY_FEE, ANY_REFERRAL);
        vm.assertTrue(market.owns(t1, bob) && market.owns(t2, bob), "bob got the rest");
        amount = market.quoteRelease(releaseId, address(0), collab1, alice).amount;
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.SelfPurchase.selector, t3, collab1));
        vm.prank(collab1);
        market.purchaseReleaseFor{value: amount}(alice, releaseId, address(0), ANY_FEE, ANY_REFERRAL);
    }

    function test_purchaseReleaseFor_givesTheTracks() public {
        uint256 releaseId = album(4 * PRICE);
        buy(bob, t1, address(0));
        uint256 amount = market.quoteRelease(releaseId, address(0), alice, bob).amount;
        vm.prank(alice);
        market.purchaseReleaseFor{value: amount}(bob, releaseId, address(0), ANY_FEE, ANY_REFERRAL);
        vm.assertTrue(market.owns(t2, bob) && market.owns(t3, bob), "bob owns them");
        vm.assertFalse(market.owns(t2, alice), "alice does not");
    }

    function test_purchaseRelease_freeTracksAndAFreeRelease() public {
        uint256 f1 = registerAs(artist, 0, 0);
        uint256 f2 = registerAs(artist, 0, 0);
        vm.prank(artist);
        uint256 releaseId = market.registerRelease(tracks2(f1, f2), PRICE, "");
        vm.prank(alice);
        market.purchaseRelease{value: 0}(releaseId, address(0), ANY_FEE, ANY_REFERRAL);
        vm.assertTrue(market.owns(f1, alice) && market.owns(f2, alice), "free release bought");
    }

    // ------------------------------------------------------------------------------------------
    // Fuzz: apportionment and splits
    // ------------------------------------------------------------------------------------------

    /// @notice For any track prices, release price and owned subset, the parts sum to min(release price,
    ///         sum of prices) exactly, the value charged is the unowned parts, and every party is credited
    ///         exactly what single purchases at those parts would credit.
    function testFuzz_purchaseRelease_apportionsExactlyAndSplitsAsSinglePurchases(
        uint256 seed,
        uint256 releasePrice,
        uint8 count,
        uint8 ownedMask,
        bool referred
    ) public {
        uint256 n = 1 + count % 6;
        uint256[] memory ids = new uint256[](n);
        uint256 sum;
        for (uint256 i; i < n; ++i) {
            uint256 price = uint256(keccak256(abi.encode(seed, i))) % 4 == 0
                ? 0
                : uint256(keccak256(abi.encode(seed, "p", i))) % (uint256(type(uint72).max) / 64);
            uint256 referralBps = uint256(keccak256(abi.encode(seed, "r", i))) % 5_001;
            ids[i] = i % 2 == 0 ? registerAs(artist, price, referralBps) : registerWithCollaborators(artist, price, referralBps);
            sum += price;
        }
        releasePrice = bound(releasePrice, 0, type(uint72).max);
        vm.prank(artist);
        uint256 releaseId = market.registerRelease(ids, releasePrice, "");
        for (uint256 i; i < n; ++i) {
            if (referred) buy(bob, ids[i], address(0));
            if ((ownedMask >> i) & 1 == 1) buy(alice, ids[i], address(0));
        }
        address referrer = referred ? bob : address(0);
        BittunesMarket.ReleaseQuote memory q = market.quoteRelease(releaseId, referrer, alice, alice);
        uint256 effective = releasePrice < sum ? releasePrice : sum;
        vm.assertEq(q.effectivePrice, effective, "P = min(release price, sum)");

        uint256 parts;
        uint256 wantValue;
        for (uint256 i; i < n; ++i) {
            uint256 part = q.tracks[i].skipped ? partOf(i, n, effective, ids, sum) : q.tracks[i].amount;
            parts += part;
            if (!q.tracks[i].skipped) wantValue += part;
            vm.assertEq(q.tracks[i].skipped, (ownedMask >> i) & 1 == 1, "skipped exactly the owned");
        }
        vm.assertEq(parts, effective, "parts sum to P exactly");
        vm.assertEq(q.amount, wantValue, "charged the unowned parts");
        if (q.tracksBought == 0) {
            vm.expectRevert(abi.encodeWithSelector(BittunesMarket.ReleaseAlreadyOwned.selector, releaseId, alice));
            vm.prank(alice);
            market.purchaseRelease{value: 0}(releaseId, referrer, ANY_FEE, ANY_REFERRAL);
            return;
        }

        uint256[4] memory before =
            [market.balanceOf(artist), market.balanceOf(collab1), market.balanceOf(bob), market.balanceOf(treasury)];
        vm.prank(alice);
        market.purchaseRelease{value: q.amount}(releaseId, referrer, uint16(q.feeBps), q.minReferralBps);
        uint256[4] memory want;
        for (uint256 i; i < n; ++i) {
            if (q.tracks[i].skipped) continue;
            uint256 part = q.tracks[i].amount;
            uint256 bps = referred ? q.tracks[i].referralBps : 0;
            (uint256 fee, uint256 referral, uint256 artistSide) = Split.sale(part, FEE_BPS, bps);
            vm.assertEq(q.tracks[i].feeAmount, fee, "quoted fee");
            vm.assertEq(q.tracks[i].referrerAmount, referral, "quoted referral");
            vm.assertEq(q.tracks[i].artistAmount, artistSide, "quoted artist side");
            if (i % 2 == 1) {
                uint256 c1 = Split.share(artistSide, 6_000);
                uint256 c2 = Split.share(artistSide, 1_500);
                want[1] += c1;
                artistSide -= c1 + c2;
            }
            want[0] += artistSide;
            want[2] += referral;
            want[3] += fee;
        }
        vm.assertEq(market.balanceOf(artist) - before[0], want[0], "artist credited as by single purchases");
        vm.assertEq(market.balanceOf(collab1) - before[1], want[1], "collaborator credited as by single purchases");
        vm.assertEq(market.balanceOf(bob) - before[2], want[2], "referrer credited as by single purchases");
        vm.assertEq(market.balanceOf(treasury) - before[3], want[3], "fee as by single purchases");
        for (uint256 i; i < n; ++i) {
            vm.assertTrue(market.owns(ids[i], alice), "owns every track now");
        }
    }

    // ------------------------------------------------------------------------------------------
    // Helpers
    // ------------------------------------------------------------------------------------------

    function partOf(uint256 i, uint256 n, uint256 total, uint256[] memory ids, uint256 sum)
        internal
        view
        returns (uint256 part)
    {
        if (i + 1 < n) return sum == 0 ? 0 : total * market.track(ids[i]).price / sum;
        part = total;
        for (uint256 j; j + 1 < n; ++j) {
            part -= sum == 0 ? 0 : total * market.track(ids[j]).price / sum;
        }
    }

    function album(uint256 price) internal returns (uint256 releaseId) {
        vm.prank(artist);
        releaseId = market.registerRelease(tracks3(t1, t2, t3), price, "ipfs://album");
    }

    function registerWithCollaborators(address who, uint256 price, uint256 referralBps)
        internal
        returns (uint256 trackId)
    {
        BittunesMarket.Collaborator[] memory c = new BittunesMarket.Collaborator[](2);
        c[0] = BittunesMarket.Collaborator({account: collab1, bps: 6_000});
        c[1] = BittunesMarket.Collaborator({account: collab2, bps: 1_500});
        vm.prank(who);
        trackId = market.register(price, referralBps, nextContentHash(), "ipfs://meta", c);
    }

    function tracks1(uint256 a) internal pure returns (uint256[] memory ids) {
        ids = new uint256[](1);
        ids[0] = a;
    }

    function tracks2(uint256 a, uint256 b) internal pure returns (uint256[] memory ids) {
        ids = new uint256[](2);
        (ids[0], ids[1]) = (a, b);
    }

    function tracks3(uint256 a, uint256 b, uint256 c) internal pure returns (uint256[] memory ids) {
        ids = new uint256[](3);
        (ids[0], ids[1], ids[2]) = (a, b, c);
    }
}
