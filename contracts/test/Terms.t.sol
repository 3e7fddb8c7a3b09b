// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {BittunesMarket} from "../BittunesMarket.sol";
import {MarketSpec} from "./MarketSpec.t.sol";
import {MarketHandler} from "./Handler.t.sol";
import {vm} from "./Vm.t.sol";

/// @notice The rules of market v2: a purchase names the terms it was quoted, an artist registers a
///         package once, and the artist side of a track cannot buy it. Unit, fuzz and attack tests.
contract MarketTermsTest is MarketSpec {
    uint256 internal trackId;

    function setUp() public override {
        super.setUp();
        trackId = registerAs(artist, PRICE, REFERRAL_BPS);
        buyAt(alice, trackId, address(0), uint16(FEE_BPS), uint16(REFERRAL_BPS)); // alice can refer it
    }

    /// @dev Buys `id` (every track here costs `PRICE`; reads nothing first, so `expectRevert` applies to it).
    function buyAt(address buyer, uint256 id, address referrer, uint16 maxFeeBps, uint16 minReferralBps) internal {
        vm.prank(buyer);
        market.purchase{value: PRICE}(id, referrer, maxFeeBps, minReferralBps);
    }

    function giftAt(address buyer, address recipient, uint256 id, address referrer, uint16 maxFeeBps, uint16 minReferralBps)
        internal
    {
        vm.prank(buyer);
        market.purchaseFor{value: PRICE}(recipient, id, referrer, maxFeeBps, minReferralBps);
    }

    function termsChanged(uint256 id, uint256 feeBps, uint256 referralBps, uint256 maxFeeBps, uint256 minReferralBps)
        internal
        pure
        returns (bytes memory)
    {
        return abi.encodeWithSelector(
            BittunesMarket.TermsChanged.selector, id, feeBps, referralBps, maxFeeBps, minReferralBps
        );
    }

    // ------------------------------------------------------------------------------------------
    // Terms a buyer can rely on
    // ------------------------------------------------------------------------------------------

    function test_quote_returnsTheTermsToName() public view {
        BittunesMarket.Quote memory q = market.quote(trackId, alice, bob, bob);
        vm.assertEq(q.feeBps, FEE_BPS, "feeBps");
        vm.assertEq(q.referralBps, REFERRAL_BPS, "referralBps");
        vm.assertEq(q.creditedReferrer, alice, "alice would be credited");
        // The track's referral share is quoted even when no referrer would be credited.
        q = market.quote(trackId, carol, bob, bob);
        vm.assertEq(q.referralBps, REFERRAL_BPS, "referralBps without a credited referrer");
        vm.assertEq(q.creditedReferrer, address(0), "carol owns nothing");
    }

    /// @dev Attack: the operator raises the fee to its cap in the same block, in front of the buyer.
    function test_attack_feeRaisedInFrontOfAPurchase_reverts() public {
        BittunesMarket.Quote memory q = market.quote(trackId, alice, bob, bob);
        vm.prank(operator);
        market.setFeeBps(MAX_FEE_BPS);

        vm.expectRevert(termsChanged(trackId, MAX_FEE_BPS, REFERRAL_BPS, q.feeBps, q.referralBps));
        buyAt(bob, trackId, alice, q.feeBps, q.referralBps);
        vm.expectRevert(termsChanged(trackId, MAX_FEE_BPS, REFERRAL_BPS, q.feeBps, q.referralBps));
        giftAt(bob, carol, trackId, alice, q.feeBps, q.referralBps);
        // Unreferred too: the fee is taken from the artist side whoever refers.
        vm.expectRevert(termsChanged(trackId, MAX_FEE_BPS, REFERRAL_BPS, q.feeBps, q.referralBps));
        buyAt(bob, trackId, address(0), q.feeBps, q.referralBps);
        vm.assertFalse(market.owns(trackId, bob) || market.owns(trackId, carol), "nothing bought");

        // Re-quoted, the purchase goes through on the new terms.
        q = market.quote(trackId, alice, bob, bob);
        buyAt(bob, trackId, alice, q.feeBps, q.referralBps);
        vm.assertTrue(market.owns(trackId, bob), "bought on the new terms");
    }

    /// @dev Attack: the artist cuts the referral share to 0 in the same block, in front of a referred buyer.
    function test_attack_referralShareCutInFrontOfAPurchase_reverts() public {
        BittunesMarket.Quote memory q = market.quote(trackId, alice, bob, bob);
        vm.prank(artist);
        market.setReferralBps(trackId, 0);

        vm.expectRevert(termsChanged(trackId, FEE_BPS, 0, q.feeBps, q.referralBps));
        buyAt(bob, trackId, alice, q.feeBps, q.referralBps);
        vm.expectRevert(termsChanged(trackId, FEE_BPS, 0, q.feeBps, q.referralBps));
        giftAt(bob, carol, trackId, alice, q.feeBps, q.referralBps);
        vm.assertEq(market.balanceOf(alice), 0, "alice was not cut out: nothing happened");
    }

    function test_purchase_referralShareDoesNotMatterWithoutACreditedReferrer() public {
        vm.prank(artist);
        market.setReferralBps(trackId, 0);
        // carol owns nothing, so nobody is credited and the share named is irrelevant.
        buyAt(bob, trackId, carol, uint16(FEE_BPS), uint16(REFERRAL_BPS));
        vm.assertTrue(market.owns(trackId, bob), "bought");
    }

    function test_purchase_termsThatImprovedGoThrough() public {
        vm.prank(operator);
        market.setFeeBps(0);
        vm.prank(artist);
        market.setReferralBps(trackId, MAX_REFERRAL_BPS);
        buyAt(bob, trackId, alice, uint16(FEE_BPS), uint16(REFERRAL_BPS));
        vm.assertEq(market.balanceOf(alice), PRICE * MAX_REFERRAL_BPS / BPS, "alice gets the higher share");
        vm.assertEq(market.balanceOf(treasury), PRICE * FEE_BPS / BPS, "only alice's own purchase paid a fee");
    }

    /// @dev A purchase goes through exactly when fee <= maxFeeBps and, with a credited referrer,
    ///      referral >= minReferralBps; when it does, it pays the current terms.
    function testFuzz_purchase_revertsExactlyWhenTermsWorsened(
        uint256 feeBps,
        uint256 referralBps,
        uint16 maxFeeBps,
        uint16 minReferralBps,
        bool referred,
        bool asGift
    ) public {
        feeBps = bound(feeBps, 0, MAX_FEE_BPS);
        referralBps = bound(referralBps, 0, MAX_REFERRAL_BPS);
        vm.prank(operator);
        market.setFeeBps(feeBps);
        vm.prank(artist);
        market.setReferralBps(trackId, referralBps);
        address referrer = referred ? alice : address(0);

        bool worse = feeBps > maxFeeBps || (referred && referralBps < minReferralBps);
        if (worse) vm.expectRevert(termsChanged(trackId, feeBps, referralBps, maxFeeBps, minReferralBps));
        if (asGift) giftAt(bob, carol, trackId, referrer, maxFeeBps, minReferralBps);
        else buyAt(bob, trackId, referrer, maxFeeBps, minReferralBps);

        address recipient = asGift ? carol : bob;
        vm.assertEq(market.owns(trackId, recipient), !worse, "owned exactly when the terms held");
        (, uint256 referral,) = expectedSplit(PRICE, feeBps, referred ? referralBps : 0);
        vm.assertEq(market.balanceOf(alice), worse ? 0 : referral, "the referrer's share");
    }

    // ------------------------------------------------------------------------------------------
    // A package is registered once per artist
    // ------------------------------------------------------------------------------------------

    /// @dev Attack: an artist registers their package again without its collaborators, cheaper.
    function test_attack_artistReRegistersAPackageWithoutCollaborators_reverts() public {
        bytes32 pkg = keccak256("a collaboration");
        vm.prank(artist);
        uint256 first = market.register(PRICE, REFERRAL_BPS, pkg, "ipfs://a", twoCollaborators(3_000, 2_000));

        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.PackageAlreadyRegistered.selector, artist, pkg, first));
        vm.prank(artist);
        market.register(PRICE / 10, 0, pkg, "ipfs://a", noCollaborators());
        // Nor with the same collaborators, nor at the same terms: once is once.
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.PackageAlreadyRegistered.selector, artist, pkg, first));
        vm.prank(artist);
        market.register(PRICE, REFERRAL_BPS, pkg, "ipfs://a", twoCollaborators(3_000, 2_000));
        vm.assertEq(market.trackCount(), first, "no new track");
        vm.assertEq(market.trackByPackage(artist, pkg), first, "the package is the first track");
    }

    function test_register_samePackageByAnotherArtistIsAllowed() public {
        // Content hashes are not unique across artists: an impostor cannot squat a package before its
        // artist registers it (the market lists a track only with the package its own artist uploaded).
        bytes32 pkg = keccak256("a hit");
        vm.prank(dave);
        uint256 squatted = market.register(1, 0, pkg, "", noCollaborators());
        vm.prank(artist);
        uint256 real = market.register(PRICE, REFERRAL_BPS, pkg, "", noCollaborators());
        vm.assertEq(market.trackByPackage(dave, pkg), squatted, "dave's registration");
        vm.assertEq(market.trackByPackage(artist, pkg), real, "the artist's registration");
        vm.assertEq(market.trackByPackage(bob, pkg), 0, "bob registered nothing");
    }

    function testFuzz_register_packageOncePerArtist(bytes32 pkg, uint256 price, uint256 refBps, bool sameArtist) public {
        vm.assume(pkg != bytes32(0));
        price = bound(price, 0, MAX_PRICE);
        refBps = bound(refBps, 0, MAX_REFERRAL_BPS);
        vm.prank(bob);
        uint256 first = market.register(price, refBps, pkg, "", noCollaborators());
        address second = sameArtist ? bob : carol;
        if (sameArtist) {
            vm.expectRevert(abi.encodeWithSelector(BittunesMarket.PackageAlreadyRegistered.selector, bob, pkg, first));
        }
        vm.prank(second);
        uint256 id = market.register(price, refBps, pkg, "", noCollaborators());
        if (!sameArtist) {
            vm.assertEq(id, first + 1, "another artist's registration");
            vm.assertEq(market.trackByPackage(carol, pkg), id, "carol's track");
        }
        vm.assertEq(market.trackByPackage(bob, pkg), first, "bob's first track stays");
    }

    // ------------------------------------------------------------------------------------------
    // No self-purchases
    // ------------------------------------------------------------------------------------------

    function selfPurchase(uint256 id, address account) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(BittunesMarket.SelfPurchase.selector, id, account);
    }

    /// @dev Attack: the artist buys their own track, gifts it to a wallet of theirs, or has a wallet
    ///      give it to them; a collaborator does the same. All refused; nothing moves.
    function test_attack_selfPurchases_revert() public {
        vm.prank(artist);
        uint256 shared = market.register(PRICE, REFERRAL_BPS, keccak256("shared"), "", twoCollaborators(3_000, 2_000));
        buyAt(alice, shared, address(0), ANY, 0);
        uint256 held = address(market).balance;

        vm.expectRevert(selfPurchase(trackId, artist));
        buyAt(artist, trackId, alice, ANY, 0);
        vm.expectRevert(selfPurchase(trackId, artist));
        giftAt(artist, dave, trackId, alice, ANY, 0); // for a second wallet
        vm.expectRevert(selfPurchase(trackId, artist));
        giftAt(dave, artist, trackId, alice, ANY, 0); // from a second wallet

        vm.expectRevert(selfPurchase(shared, artist));
        buyAt(artist, shared, alice, ANY, 0);
        vm.expectRevert(selfPurchase(shared, collab1));
        buyAt(collab1, shared, alice, ANY, 0);
        vm.expectRevert(selfPurchase(shared, collab2));
        giftAt(collab2, dave, shared, alice, ANY, 0);
        vm.expectRevert(selfPurchase(shared, collab1));
        giftAt(dave, collab1, shared, alice, ANY, 0);

        vm.assertEq(address(market).balance, held, "nothing paid");
        vm.assertFalse(market.owns(trackId, artist) || market.owns(shared, collab1) || market.owns(shared, dave), "none owned");
    }

    function test_collaboratorMayBuyOtherTracksOfTheArtist() public {
        // collab1 works on one track only: the artist's other tracks are ordinary purchases for them.
        vm.prank(artist);
        market.register(PRICE, REFERRAL_BPS, keccak256("shared"), "", twoCollaborators(3_000, 2_000));
        buyAt(collab1, trackId, alice, ANY, 0);
        vm.assertTrue(market.owns(trackId, collab1), "collab1 bought the artist's solo track");
    }

    /// @dev Whoever of the artist side is buyer or recipient, the purchase is refused; anyone else may buy.
    function testFuzz_purchase_artistSideCannotBuy(uint256 who, bool asBuyer, bool asGift) public {
        vm.prank(artist);
        uint256 shared = market.register(PRICE, 0, keccak256("shared"), "", manyCollaborators(7, 1_000));
        address[9] memory candidates = [
            artist,
            collaboratorAddress(0),
            collaboratorAddress(1),
            collaboratorAddress(2),
            collaboratorAddress(3),
            collaboratorAddress(4),
            collaboratorAddress(5),
            collaboratorAddress(6),
            bob
        ];
        address account = candidates[who % candidates.length];
        vm.deal(account, PRICE);
        bool refused = account != bob;
        address buyer = asBuyer || !asGift ? account : carol;
        address recipient = asGift ? (asBuyer ? carol : account) : account;
        if (refused) vm.expectRevert(selfPurchase(shared, account));
        if (asGift) giftAt(buyer, recipient, shared, address(0), ANY, 0);
        else buyAt(buyer, shared, address(0), ANY, 0);
        vm.assertEq(market.owns(shared, recipient), !refused, "owned exactly when not self-dealing");
    }

    uint16 internal constant ANY = type(uint16).max;
}

/// @notice The invariant handler really reaches the v2 rules: a few fixed calls refuse worse terms,
///         self-purchases and second registrations (so the invariants about them cannot pass vacuously).
contract MarketHandlerCoverageTest {
    function test_handler_reachesTheNewRules() public {
        address operator = vm.addr(uint256(keccak256("operator")));
        address treasury = vm.addr(uint256(keccak256("treasury")));
        BittunesMarket market = new BittunesMarket(operator, treasury, 500);
        MarketHandler handler = new MarketHandler(market, operator, treasury, 500);
        vm.deal(address(handler), type(uint128).max);

        handler.register(1, 2 << 8, 2_000, 4); // actor 1, a track without collaborators (4 % 4 == 0)
        handler.register(1, 3 << 8, 1_000, 20); // the same package again (20 % 16 == 4): refused
        handler.reregister(0, 5); // refused
        handler.purchase(1, 0, 0, 1); // the artist buys their own track: refused
        handler.purchase(2, 0, 0, 1); // actor 2 buys, on the quoted terms
        handler.setFeeBps(900);
        handler.purchase(3, 0, 2 << 8 | 1, 0); // names a fee of 0 (termsSeed % 3 == 0, maxFee 0): refused
        vm.assertEq(handler.purchases(), 1, "one purchase went through");
        vm.assertGe(handler.selfPurchasesRefused(), 1, "a self-purchase was refused");
        vm.assertGe(handler.termsRefused(), 1, "worse terms were refused");
        vm.assertGe(handler.duplicatePackagesRefused(), 2, "second registrations were refused");
        vm.assertEq(handler.termsMismatches() + handler.selfDealingAccepted() + handler.duplicatePackagesAccepted(), 0, "no disagreement");
    }
}

/// @notice The invariant handler's release actions really buy releases, skip owned tracks and refuse
///         invalid release purchases, so the invariants are held with release purchases in the mix.
contract MarketHandlerReleaseCoverageTest {
    function test_handler_reachesReleasePurchases() public {
        address operator = vm.addr(uint256(keccak256("operator")));
        address treasury = vm.addr(uint256(keccak256("treasury")));
        BittunesMarket market = new BittunesMarket(operator, treasury, 500);
        MarketHandler handler = new MarketHandler(market, operator, treasury, 500);
        vm.deal(address(handler), type(uint128).max);

        handler.register(1, 2 << 8, 2_000, 4); // actor 1: track 1 (no collaborators)
        handler.register(1, 3 << 8, 1_000, 8); // actor 1: track 2 (no collaborators)
        handler.registerRelease(0, 1, 5 << 8); // both tracks, 10 % 10 ≥ 2: an everyday price
        handler.purchase(2, 1, 0, 1); // actor 2 buys track 2 alone
        handler.purchaseRelease(2, 1, 0, 3 << 8); // actor 2 buys the release through actor 3: track 2 skipped
        handler.purchaseRelease(2, 1, 0, 0); // again: everything owned, refused
        handler.purchaseRelease(1, 1, 0, 0); // the artist: refused
        vm.assertEq(handler.releasePurchases(), 1, "one release purchase went through");
        vm.assertEq(handler.releaseTracksSkipped(), 1, "the owned track was skipped");
        vm.assertEq(handler.releasePurchasesRefused(), 2, "invalid release purchases refused");
        vm.assertTrue(market.owns(1, handler.actors(2)), "bought track 1 through the release");
        vm.assertEq(handler.termsMismatches() + handler.acceptedInvalidCalls() + handler.splitMismatches(), 0, "no disagreement");
    }
}
