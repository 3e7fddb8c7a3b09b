// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {BittunesMarket} from "../BittunesMarket.sol";
import {BaseTest} from "./Base.t.sol";
import {Vm, vm} from "./Vm.t.sol";

/// @notice Helpers shared by the market's unit tests: the contract's caps restated as the
///         specification gives them, the split recomputed independently of `Split`, and a few
///         shortcuts for registering and paying.
abstract contract MarketSpec is BaseTest {
    bytes4 internal constant OWNABLE_INVALID_OWNER = bytes4(keccak256("OwnableInvalidOwner(address)"));
    bytes4 internal constant OWNABLE_UNAUTHORIZED = bytes4(keccak256("OwnableUnauthorizedAccount(address)"));

    uint256 internal constant MAX_PRICE = 2 ** 72 - 1;
    uint256 internal constant MAX_FEE_BPS = 1_000;
    uint256 internal constant MAX_REFERRAL_BPS = 5_000;
    uint256 internal constant MAX_COLLABORATORS = 7;
    uint256 internal constant BPS = 10_000;

    /// @dev The split as the specification states it: fee and referral rounded down, the artist side
    ///      takes the rest.
    function expectedSplit(uint256 price, uint256 feeBps, uint256 referralBps)
        internal
        pure
        returns (uint256 fee, uint256 referral, uint256 artistSide)
    {
        fee = price * feeBps / BPS;
        referral = price * referralBps / BPS;
        artistSide = price - fee - referral;
    }

    function collaborator(address account, uint256 bps) internal pure returns (BittunesMarket.Collaborator memory) {
        return BittunesMarket.Collaborator({account: account, bps: uint16(bps)});
    }

    function twoCollaborators(uint256 bps1, uint256 bps2)
        internal
        view
        returns (BittunesMarket.Collaborator[] memory list)
    {
        list = new BittunesMarket.Collaborator[](2);
        list[0] = collaborator(collab1, bps1);
        list[1] = collaborator(collab2, bps2);
    }

    /// @dev `n` distinct collaborator addresses that are none of the named actors.
    function manyCollaborators(uint256 n, uint256 bpsEach)
        internal
        pure
        returns (BittunesMarket.Collaborator[] memory list)
    {
        list = new BittunesMarket.Collaborator[](n);
        for (uint256 i; i < n; ++i) {
            list[i] = collaborator(collaboratorAddress(i), bpsEach);
        }
    }

    function collaboratorAddress(uint256 i) internal pure returns (address) {
        return address(uint160(uint256(keccak256(abi.encode("collaborator", i)))));
    }

    function registerWith(address who, uint256 price, uint256 referralBps, BittunesMarket.Collaborator[] memory list)
        internal
        returns (uint256 trackId)
    {
        vm.prank(who);
        trackId = market.register(price, referralBps, CONTENT_HASH, "ipfs://meta", list);
    }

    /// @dev Pays `value` for `trackId` as `buyer` (unlike `buy`, reads nothing from the market first).
    function pay(address buyer, uint256 trackId, address referrer, uint256 value) internal {
        vm.prank(buyer);
        market.purchase{value: value}(trackId, referrer);
    }

    function gift(address buyer, address recipient, uint256 trackId, address referrer, uint256 value) internal {
        vm.prank(buyer);
        market.purchaseFor{value: value}(recipient, trackId, referrer);
    }

    function topic(address account) internal pure returns (bytes32) {
        return bytes32(uint256(uint160(account)));
    }

    function assertCollaboratorCredited(Vm.Log memory log, uint256 trackId, address account, uint256 amount)
        internal
        view
    {
        vm.assertEq(log.emitter, address(market), "CollaboratorCredited emitter");
        vm.assertEq(log.topics[0], BittunesMarket.CollaboratorCredited.selector, "CollaboratorCredited topic");
        vm.assertEq(uint256(log.topics[1]), trackId, "CollaboratorCredited trackId");
        vm.assertEq(log.topics[2], topic(account), "CollaboratorCredited account");
        vm.assertEq(abi.decode(log.data, (uint256)), amount, "CollaboratorCredited amount");
    }
}

/// @notice Deployment, registration, the artist's controls and the owner's powers.
contract BittunesMarketTest is MarketSpec {
    // ------------------------------------------------------------------------------------------
    // constructor
    // ------------------------------------------------------------------------------------------

    function test_constructor_revertsOnZeroFeeRecipient() public {
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.InvalidAddress.selector, address(0)));
        new BittunesMarket(operator, address(0), FEE_BPS);
    }

    function test_constructor_revertsOnFeeAboveCap() public {
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.FeeTooHigh.selector, MAX_FEE_BPS + 1, MAX_FEE_BPS));
        new BittunesMarket(operator, treasury, MAX_FEE_BPS + 1);
    }

    function test_constructor_acceptsFeeAtCap() public {
        BittunesMarket m = new BittunesMarket(operator, treasury, MAX_FEE_BPS);
        (, uint256 bps,) = m.feeConfig();
        vm.assertEq(bps, MAX_FEE_BPS, "fee at cap");
    }

    function test_constructor_revertsOnZeroOwner() public {
        vm.expectRevert(abi.encodeWithSelector(OWNABLE_INVALID_OWNER, address(0)));
        new BittunesMarket(address(0), treasury, FEE_BPS);
    }

    function test_constructor_emitsOwnershipThenFeeRecipientThenFee() public {
        vm.recordLogs();
        BittunesMarket m = new BittunesMarket(operator, treasury, FEE_BPS);
        Vm.Log[] memory logs = vm.getRecordedLogs();

        vm.assertEq(logs.length, 3, "three events");
        for (uint256 i; i < 3; ++i) {
            vm.assertEq(logs[i].emitter, address(m), "emitted by the new market");
        }
        vm.assertEq(logs[0].topics[0], Ownable.OwnershipTransferred.selector, "OwnershipTransferred first");
        vm.assertEq(logs[0].topics[1], topic(address(0)), "from nobody");
        vm.assertEq(logs[0].topics[2], topic(operator), "to the operator");

        vm.assertEq(logs[1].topics[0], BittunesMarket.FeeRecipientUpdated.selector, "FeeRecipientUpdated second");
        vm.assertEq(logs[1].topics[1], topic(address(0)), "previous recipient is zero");
        vm.assertEq(logs[1].topics[2], topic(treasury), "new recipient is the treasury");

        vm.assertEq(logs[2].topics[0], BittunesMarket.FeeUpdated.selector, "FeeUpdated third");
        (uint256 previousBps, uint256 newBps) = abi.decode(logs[2].data, (uint256, uint256));
        vm.assertEq(previousBps, 0, "previous fee is zero");
        vm.assertEq(newBps, FEE_BPS, "new fee");
    }

    function test_constructor_setsOwnerFeeConfigAndLimits() public view {
        vm.assertEq(market.owner(), operator, "owner");
        vm.assertEq(market.pendingOwner(), address(0), "no pending owner");
        (address recipient, uint256 bps, uint256 accrued) = market.feeConfig();
        vm.assertEq(recipient, treasury, "fee recipient");
        vm.assertEq(bps, FEE_BPS, "fee bps");
        vm.assertEq(accrued, 0, "nothing accrued");
        (uint256 maxFee, uint256 maxReferral, uint256 maxCollaborators, uint256 maxPrice) = market.limits();
        vm.assertEq(maxFee, 1_000, "max fee 10 %");
        vm.assertEq(maxReferral, 5_000, "max referral 50 %");
        vm.assertEq(maxCollaborators, 7, "max collaborators");
        vm.assertEq(maxPrice, type(uint72).max, "max price");
        vm.assertEq(market.trackCount(), 0, "no tracks yet");
    }

    // ------------------------------------------------------------------------------------------
    // register
    // ------------------------------------------------------------------------------------------

    function test_register_assignsIdsFromOneUpwards() public {
        vm.assertEq(registerAs(artist, PRICE, REFERRAL_BPS), 1, "first id");
        vm.assertEq(registerAs(alice, PRICE, 0), 2, "second id");
        vm.assertEq(registerAs(artist, 0, MAX_REFERRAL_BPS), 3, "third id");
        vm.assertEq(market.trackCount(), 3, "trackCount");
        vm.assertEq(market.track(2).artist, alice, "each track remembers its own artist");
    }

    function test_register_storesTheTrack() public {
        uint256 id = registerWith(artist, PRICE, REFERRAL_BPS, twoCollaborators(3_000, 1_500));

        BittunesMarket.TrackInfo memory info = market.track(id);
        vm.assertEq(info.artist, artist, "artist");
        vm.assertEq(info.price, PRICE, "price");
        vm.assertEq(info.referralBps, REFERRAL_BPS, "referralBps");
        vm.assertTrue(info.listed, "listed at once");
        vm.assertEq(info.contentHash, CONTENT_HASH, "contentHash");
        vm.assertEq(info.collaborators.length, 2, "two collaborators");
        vm.assertEq(info.collaborators[0].account, collab1, "collaborator 0");
        vm.assertEq(info.collaborators[0].bps, 3_000, "collaborator 0 share");
        vm.assertEq(info.collaborators[1].account, collab2, "collaborator 1");
        vm.assertEq(info.collaborators[1].bps, 1_500, "collaborator 1 share");
    }

    function test_register_emitsTrackRegisteredThenEachCollaboratorInOrder() public {
        vm.recordLogs();
        uint256 id = registerWith(artist, PRICE, REFERRAL_BPS, twoCollaborators(3_000, 1_500));
        Vm.Log[] memory logs = vm.getRecordedLogs();

        vm.assertEq(logs.length, 3, "one TrackRegistered and two CollaboratorAdded");
        vm.assertEq(logs[0].topics[0], BittunesMarket.TrackRegistered.selector, "TrackRegistered first");
        vm.assertEq(uint256(logs[0].topics[1]), id, "trackId");
        vm.assertEq(logs[0].topics[2], topic(artist), "artist");
        (uint256 price, uint256 referralBps, bytes32 contentHash, string memory uri) =
            abi.decode(logs[0].data, (uint256, uint256, bytes32, string));
        vm.assertEq(price, PRICE, "price");
        vm.assertEq(referralBps, REFERRAL_BPS, "referralBps");
        vm.assertEq(contentHash, CONTENT_HASH, "contentHash");
        vm.assertEq(keccak256(bytes(uri)), keccak256("ipfs://meta"), "metadataURI");

        address[2] memory accounts = [collab1, collab2];
        uint256[2] memory shares = [uint256(3_000), 1_500];
        for (uint256 i; i < 2; ++i) {
            Vm.Log memory log = logs[i + 1];
            vm.assertEq(log.topics[0], BittunesMarket.CollaboratorAdded.selector, "CollaboratorAdded");
            vm.assertEq(uint256(log.topics[1]), id, "CollaboratorAdded trackId");
            vm.assertEq(log.topics[2], topic(accounts[i]), "collaborators in the order given");
            vm.assertEq(abi.decode(log.data, (uint256)), shares[i], "CollaboratorAdded bps");
        }
    }

    function test_register_revertsOnPriceAboveMax() public {
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.PriceTooHigh.selector, 2 ** 72, MAX_PRICE));
        vm.prank(artist);
        market.register(2 ** 72, REFERRAL_BPS, CONTENT_HASH, "", noCollaborators());
    }

    function test_register_acceptsMaxPriceAndSellsAtIt() public {
        uint256 id = registerAs(artist, MAX_PRICE, REFERRAL_BPS);
        vm.assertEq(market.track(id).price, MAX_PRICE, "max price stored");

        pay(alice, id, address(0), MAX_PRICE);
        (uint256 fee,, uint256 artistSide) = expectedSplit(MAX_PRICE, FEE_BPS, 0);
        vm.assertEq(market.balanceOf(artist), artistSide, "artist side");
        vm.assertEq(market.balanceOf(treasury), fee, "fee");
    }

    function test_register_revertsOnReferralShareAboveCap() public {
        vm.expectRevert(
            abi.encodeWithSelector(BittunesMarket.ReferralShareTooHigh.selector, MAX_REFERRAL_BPS + 1, MAX_REFERRAL_BPS)
        );
        vm.prank(artist);
        market.register(PRICE, MAX_REFERRAL_BPS + 1, CONTENT_HASH, "", noCollaborators());
    }

    function test_register_acceptsReferralShareAtCap() public {
        uint256 id = registerAs(artist, PRICE, MAX_REFERRAL_BPS);
        vm.assertEq(market.track(id).referralBps, MAX_REFERRAL_BPS, "referral at cap");
    }

    function test_register_revertsWithoutContentHash() public {
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.MissingContentHash.selector));
        vm.prank(artist);
        market.register(PRICE, REFERRAL_BPS, bytes32(0), "ipfs://meta", noCollaborators());
    }

    function test_register_revertsOnMoreThanSevenCollaborators() public {
        BittunesMarket.Collaborator[] memory list = manyCollaborators(MAX_COLLABORATORS + 1, 100);
        vm.expectRevert(
            abi.encodeWithSelector(BittunesMarket.TooManyCollaborators.selector, MAX_COLLABORATORS + 1, MAX_COLLABORATORS)
        );
        vm.prank(artist);
        market.register(PRICE, REFERRAL_BPS, CONTENT_HASH, "", list);
    }

    function test_register_acceptsSevenCollaborators() public {
        uint256 id = registerWith(artist, PRICE, REFERRAL_BPS, manyCollaborators(MAX_COLLABORATORS, 1_000));
        BittunesMarket.Collaborator[] memory stored = market.track(id).collaborators;
        vm.assertEq(stored.length, MAX_COLLABORATORS, "seven stored");
        vm.assertEq(stored[6].account, collaboratorAddress(6), "last collaborator");
    }

    function test_register_revertsOnZeroAddressCollaborator() public {
        BittunesMarket.Collaborator[] memory list = twoCollaborators(1_000, 1_000);
        list[1].account = address(0);
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.InvalidCollaborator.selector, 1, address(0)));
        vm.prank(artist);
        market.register(PRICE, REFERRAL_BPS, CONTENT_HASH, "", list);
    }

    function test_register_revertsWhenTheMarketIsACollaborator() public {
        BittunesMarket.Collaborator[] memory list = twoCollaborators(1_000, 1_000);
        list[1].account = address(market);
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.InvalidCollaborator.selector, 1, address(market)));
        vm.prank(artist);
        market.register(PRICE, REFERRAL_BPS, CONTENT_HASH, "", list);
    }

    function test_register_revertsWhenTheArtistIsACollaborator() public {
        BittunesMarket.Collaborator[] memory list = twoCollaborators(1_000, 1_000);
        list[0].account = artist;
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.InvalidCollaborator.selector, 0, artist));
        vm.prank(artist);
        market.register(PRICE, REFERRAL_BPS, CONTENT_HASH, "", list);
    }

    function test_register_revertsOnDuplicateCollaborator() public {
        BittunesMarket.Collaborator[] memory list = new BittunesMarket.Collaborator[](3);
        list[0] = collaborator(collab1, 1_000);
        list[1] = collaborator(collab2, 1_000);
        list[2] = collaborator(collab1, 500);
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.InvalidCollaborator.selector, 2, collab1));
        vm.prank(artist);
        market.register(PRICE, REFERRAL_BPS, CONTENT_HASH, "", list);
    }

    function test_register_revertsOnZeroCollaboratorShare() public {
        BittunesMarket.Collaborator[] memory list = twoCollaborators(1_000, 0);
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.ZeroCollaboratorShare.selector, 1));
        vm.prank(artist);
        market.register(PRICE, REFERRAL_BPS, CONTENT_HASH, "", list);
    }

    function test_register_revertsWhenSharesExceedTheWholeArtistSide() public {
        BittunesMarket.Collaborator[] memory list = twoCollaborators(5_000, 5_001);
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.CollaboratorSharesTooHigh.selector, 10_001, BPS));
        vm.prank(artist);
        market.register(PRICE, REFERRAL_BPS, CONTENT_HASH, "", list);
    }

    function test_register_acceptsSharesOfTheWholeArtistSideLeavingTheArtistOnlyDust() public {
        BittunesMarket.Collaborator[] memory list = new BittunesMarket.Collaborator[](3);
        list[0] = collaborator(collab1, 3_333);
        list[1] = collaborator(collab2, 3_333);
        list[2] = collaborator(carol, 3_334);
        uint256 id = registerWith(artist, 1_001, 0, list);

        pay(alice, id, address(0), 1_001);

        // fee = 1001 * 5 % = 50; artist side = 951; shares 316, 316, 317 (316.98, 316.98, 317.07).
        vm.assertEq(market.balanceOf(treasury), 50, "fee");
        vm.assertEq(market.balanceOf(collab1), 316, "collab1");
        vm.assertEq(market.balanceOf(collab2), 316, "collab2");
        vm.assertEq(market.balanceOf(carol), 317, "carol");
        vm.assertEq(market.balanceOf(artist), 2, "the artist keeps only the rounding dust");
    }

    function test_register_freeTrackIsBoughtWithZeroValue() public {
        uint256 id = registerWith(artist, 0, REFERRAL_BPS, twoCollaborators(1_000, 1_000));

        vm.expectEmit(address(market));
        emit BittunesMarket.Purchased(id, alice, alice, address(0), 0, 0, 0, 0);
        pay(alice, id, address(0), 0);

        vm.assertTrue(market.owns(id, alice), "alice owns the free track");
        vm.assertEq(market.balanceOf(artist), 0, "nothing to the artist");
        vm.assertEq(market.balanceOf(treasury), 0, "nothing to the platform");

        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.IncorrectPayment.selector, id, 1, 0));
        pay(bob, id, address(0), 1);
    }

    // ------------------------------------------------------------------------------------------
    // track
    // ------------------------------------------------------------------------------------------

    function test_track_revertsOnUnknownIds() public {
        registerAs(artist, PRICE, REFERRAL_BPS);
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.UnknownTrack.selector, 0));
        market.track(0);
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.UnknownTrack.selector, 2));
        market.track(2);
    }

    // ------------------------------------------------------------------------------------------
    // setPrice
    // ------------------------------------------------------------------------------------------

    function test_setPrice_onlyByTheArtist() public {
        uint256 id = registerAs(artist, PRICE, REFERRAL_BPS);
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.NotTrackArtist.selector, id, alice, artist));
        vm.prank(alice);
        market.setPrice(id, 1);
        // Authorisation comes before validation: an outsider learns nothing from a bad price.
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.NotTrackArtist.selector, id, operator, artist));
        vm.prank(operator);
        market.setPrice(id, 2 ** 72);
    }

    function test_setPrice_revertsOnUnknownTrack() public {
        registerAs(artist, PRICE, REFERRAL_BPS);
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.UnknownTrack.selector, 0));
        vm.prank(artist);
        market.setPrice(0, PRICE);
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.UnknownTrack.selector, 2));
        vm.prank(artist);
        market.setPrice(2, PRICE);
    }

    function test_setPrice_revertsAboveMaxPrice() public {
        uint256 id = registerAs(artist, PRICE, REFERRAL_BPS);
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.PriceTooHigh.selector, 2 ** 72, MAX_PRICE));
        vm.prank(artist);
        market.setPrice(id, 2 ** 72);

        vm.prank(artist);
        market.setPrice(id, MAX_PRICE);
        vm.assertEq(market.track(id).price, MAX_PRICE, "max price accepted");
    }

    function test_setPrice_emitsPreviousAndNewPrice() public {
        uint256 id = registerAs(artist, PRICE, REFERRAL_BPS);
        vm.expectEmit(address(market));
        emit BittunesMarket.PriceUpdated(id, PRICE, 3 * PRICE);
        vm.prank(artist);
        market.setPrice(id, 3 * PRICE);
        vm.assertEq(market.track(id).price, 3 * PRICE, "stored");
    }

    function test_setPrice_appliesToFutureSalesOnly() public {
        uint256 id = registerAs(artist, PRICE, REFERRAL_BPS);
        pay(alice, id, address(0), PRICE);
        (, , uint256 firstSale) = expectedSplit(PRICE, FEE_BPS, 0);

        vm.prank(artist);
        market.setPrice(id, 2 * PRICE);

        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.IncorrectPayment.selector, id, PRICE, 2 * PRICE));
        pay(bob, id, address(0), PRICE);

        pay(bob, id, address(0), 2 * PRICE);
        (, , uint256 secondSale) = expectedSplit(2 * PRICE, FEE_BPS, 0);
        vm.assertTrue(market.owns(id, alice), "the earlier buyer keeps the track");
        vm.assertTrue(market.owns(id, bob), "the later buyer paid the new price");
        vm.assertEq(market.balanceOf(artist), firstSale + secondSale, "each sale at its own price");
    }

    // ------------------------------------------------------------------------------------------
    // setReferralBps
    // ------------------------------------------------------------------------------------------

    function test_setReferralBps_onlyByTheArtist() public {
        uint256 id = registerAs(artist, PRICE, REFERRAL_BPS);
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.NotTrackArtist.selector, id, bob, artist));
        vm.prank(bob);
        market.setReferralBps(id, 0);
    }

    function test_setReferralBps_revertsOnUnknownTrack() public {
        registerAs(artist, PRICE, REFERRAL_BPS);
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.UnknownTrack.selector, 0));
        vm.prank(artist);
        market.setReferralBps(0, 0);
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.UnknownTrack.selector, 2));
        vm.prank(artist);
        market.setReferralBps(2, 0);
    }

    function test_setReferralBps_revertsAboveCapAndAcceptsTheCap() public {
        uint256 id = registerAs(artist, PRICE, REFERRAL_BPS);
        vm.expectRevert(
            abi.encodeWithSelector(BittunesMarket.ReferralShareTooHigh.selector, MAX_REFERRAL_BPS + 1, MAX_REFERRAL_BPS)
        );
        vm.prank(artist);
        market.setReferralBps(id, MAX_REFERRAL_BPS + 1);

        vm.prank(artist);
        market.setReferralBps(id, MAX_REFERRAL_BPS);
        vm.assertEq(market.track(id).referralBps, MAX_REFERRAL_BPS, "cap accepted");
    }

    function test_setReferralBps_emitsPreviousAndNewShare() public {
        uint256 id = registerAs(artist, PRICE, REFERRAL_BPS);
        vm.expectEmit(address(market));
        emit BittunesMarket.ReferralShareUpdated(id, REFERRAL_BPS, 3_500);
        vm.prank(artist);
        market.setReferralBps(id, 3_500);
    }

    function test_setReferralBps_appliesToFutureSalesOnly() public {
        uint256 id = registerAs(artist, PRICE, REFERRAL_BPS);
        pay(alice, id, address(0), PRICE);
        pay(bob, id, alice, PRICE);
        (, uint256 firstReferral,) = expectedSplit(PRICE, FEE_BPS, REFERRAL_BPS);
        vm.assertEq(market.balanceOf(alice), firstReferral, "paid at the old share");

        vm.prank(artist);
        market.setReferralBps(id, MAX_REFERRAL_BPS);
        pay(carol, id, alice, PRICE);
        (, uint256 secondReferral,) = expectedSplit(PRICE, FEE_BPS, MAX_REFERRAL_BPS);
        vm.assertEq(market.balanceOf(alice), firstReferral + secondReferral, "then at the new share");
    }

    // ------------------------------------------------------------------------------------------
    // setListed
    // ------------------------------------------------------------------------------------------

    function test_setListed_onlyByTheArtist() public {
        uint256 id = registerAs(artist, PRICE, REFERRAL_BPS);
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.NotTrackArtist.selector, id, operator, artist));
        vm.prank(operator);
        market.setListed(id, false);
    }

    function test_setListed_revertsOnUnknownTrack() public {
        registerAs(artist, PRICE, REFERRAL_BPS);
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.UnknownTrack.selector, 0));
        vm.prank(artist);
        market.setListed(0, false);
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.UnknownTrack.selector, 2));
        vm.prank(artist);
        market.setListed(2, false);
    }

    function test_setListed_delistStopsSalesAndRelistResumesThem() public {
        uint256 id = registerAs(artist, PRICE, REFERRAL_BPS);
        pay(alice, id, address(0), PRICE);

        vm.expectEmit(address(market));
        emit BittunesMarket.ListingUpdated(id, false);
        vm.prank(artist);
        market.setListed(id, false);
        vm.assertFalse(market.track(id).listed, "delisted");
        vm.assertTrue(market.owns(id, alice), "owners keep a delisted track");

        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.TrackNotListed.selector, id));
        pay(bob, id, address(0), PRICE);
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.TrackNotListed.selector, id));
        gift(bob, carol, id, alice, PRICE);

        vm.expectEmit(address(market));
        emit BittunesMarket.ListingUpdated(id, true);
        vm.prank(artist);
        market.setListed(id, true);
        vm.assertTrue(market.track(id).listed, "listed again");
        pay(bob, id, address(0), PRICE);
        vm.assertTrue(market.owns(id, bob), "bought after relisting");
    }

    function test_setListed_keepsTheCollaboratorFlag() public {
        uint256 id = registerWith(artist, PRICE, 0, twoCollaborators(5_000, 2_500));
        vm.startPrank(artist);
        market.setListed(id, false);
        market.setListed(id, true);
        vm.stopPrank();

        pay(alice, id, address(0), PRICE);
        (, , uint256 artistSide) = expectedSplit(PRICE, FEE_BPS, 0);
        vm.assertEq(market.balanceOf(collab1), artistSide * 5_000 / BPS, "collaborators still paid after relisting");
        vm.assertEq(market.balanceOf(collab2), artistSide * 2_500 / BPS, "second collaborator too");
    }

    // ------------------------------------------------------------------------------------------
    // setMetadataURI
    // ------------------------------------------------------------------------------------------

    function test_setMetadataURI_onlyByTheArtist() public {
        uint256 id = registerAs(artist, PRICE, REFERRAL_BPS);
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.NotTrackArtist.selector, id, collab1, artist));
        vm.prank(collab1);
        market.setMetadataURI(id, "ipfs://forged");
    }

    function test_setMetadataURI_revertsOnUnknownTrack() public {
        registerAs(artist, PRICE, REFERRAL_BPS);
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.UnknownTrack.selector, 0));
        vm.prank(artist);
        market.setMetadataURI(0, "ipfs://new");
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.UnknownTrack.selector, 2));
        vm.prank(artist);
        market.setMetadataURI(2, "ipfs://new");
    }

    function test_setMetadataURI_emitsTheNewURIAndChangesNothingElse() public {
        uint256 id = registerAs(artist, PRICE, REFERRAL_BPS);
        vm.expectEmit(address(market));
        emit BittunesMarket.MetadataURIUpdated(id, "ipfs://new");
        vm.prank(artist);
        market.setMetadataURI(id, "ipfs://new");

        BittunesMarket.TrackInfo memory info = market.track(id);
        vm.assertEq(info.price, PRICE, "price unchanged");
        vm.assertEq(info.referralBps, REFERRAL_BPS, "referral unchanged");
        vm.assertTrue(info.listed, "still listed");
        vm.assertEq(info.contentHash, CONTENT_HASH, "content hash unchanged");
    }

    // ------------------------------------------------------------------------------------------
    // Owner: setFeeBps, setFeeRecipient, ownership
    // ------------------------------------------------------------------------------------------

    function test_setFeeBps_capIsInclusive() public {
        vm.expectEmit(address(market));
        emit BittunesMarket.FeeUpdated(FEE_BPS, MAX_FEE_BPS);
        vm.prank(operator);
        market.setFeeBps(MAX_FEE_BPS);
        (, uint256 bps,) = market.feeConfig();
        vm.assertEq(bps, MAX_FEE_BPS, "fee at cap");

        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.FeeTooHigh.selector, MAX_FEE_BPS + 1, MAX_FEE_BPS));
        vm.prank(operator);
        market.setFeeBps(MAX_FEE_BPS + 1);
    }

    function test_setFeeBps_appliesToFutureSales() public {
        uint256 id = registerAs(artist, PRICE, REFERRAL_BPS);
        pay(alice, id, address(0), PRICE);
        (uint256 firstFee,,) = expectedSplit(PRICE, FEE_BPS, 0);

        vm.prank(operator);
        market.setFeeBps(MAX_FEE_BPS);
        pay(bob, id, address(0), PRICE);
        (uint256 secondFee,,) = expectedSplit(PRICE, MAX_FEE_BPS, 0);

        vm.assertEq(market.balanceOf(treasury), firstFee + secondFee, "each sale at the fee of its time");
    }

    function test_setFeeBps_onlyByTheOwner() public {
        vm.expectRevert(abi.encodeWithSelector(OWNABLE_UNAUTHORIZED, alice));
        vm.prank(alice);
        market.setFeeBps(0);
    }

    function test_setFeeRecipient_revertsOnZeroAddress() public {
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.InvalidAddress.selector, address(0)));
        vm.prank(operator);
        market.setFeeRecipient(address(0));
    }

    function test_setFeeRecipient_revertsOnTheMarketItself() public {
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.InvalidAddress.selector, address(market)));
        vm.prank(operator);
        market.setFeeRecipient(address(market));
    }

    function test_setFeeRecipient_emitsPreviousAndNewRecipient() public {
        vm.expectEmit(address(market));
        emit BittunesMarket.FeeRecipientUpdated(treasury, dave);
        vm.prank(operator);
        market.setFeeRecipient(dave);
        (address recipient, uint256 bps,) = market.feeConfig();
        vm.assertEq(recipient, dave, "new recipient");
        vm.assertEq(bps, FEE_BPS, "fee unchanged");
    }

    function test_setFeeRecipient_onlyByTheOwner() public {
        vm.expectRevert(abi.encodeWithSelector(OWNABLE_UNAUTHORIZED, treasury));
        vm.prank(treasury);
        market.setFeeRecipient(treasury);
    }

    function test_transferOwnership_isTwoStep() public {
        vm.expectEmit(address(market));
        emit Ownable2Step.OwnershipTransferStarted(operator, dave);
        vm.prank(operator);
        market.transferOwnership(dave);

        vm.assertEq(market.owner(), operator, "owner unchanged until accepted");
        vm.assertEq(market.pendingOwner(), dave, "dave pending");
        vm.prank(operator);
        market.setFeeBps(100); // the current owner keeps its powers meanwhile

        vm.expectRevert(abi.encodeWithSelector(OWNABLE_UNAUTHORIZED, alice));
        vm.prank(alice);
        market.acceptOwnership();
        vm.expectRevert(abi.encodeWithSelector(OWNABLE_UNAUTHORIZED, operator));
        vm.prank(operator);
        market.acceptOwnership();

        vm.expectEmit(address(market));
        emit Ownable.OwnershipTransferred(operator, dave);
        vm.prank(dave);
        market.acceptOwnership();
        vm.assertEq(market.owner(), dave, "dave owns the market");
        vm.assertEq(market.pendingOwner(), address(0), "nobody pending");

        vm.expectRevert(abi.encodeWithSelector(OWNABLE_UNAUTHORIZED, operator));
        vm.prank(operator);
        market.setFeeBps(0);
        vm.expectRevert(abi.encodeWithSelector(OWNABLE_UNAUTHORIZED, operator));
        vm.prank(operator);
        market.setFeeRecipient(operator);

        vm.prank(dave);
        market.setFeeBps(0);
        (, uint256 bps,) = market.feeConfig();
        vm.assertEq(bps, 0, "the new owner sets the fee");
    }

    function test_transferOwnership_canBeCancelledBeforeAcceptance() public {
        vm.prank(operator);
        market.transferOwnership(dave);
        vm.prank(operator);
        market.transferOwnership(address(0));
        vm.assertEq(market.pendingOwner(), address(0), "pending owner cleared");

        vm.expectRevert(abi.encodeWithSelector(OWNABLE_UNAUTHORIZED, dave));
        vm.prank(dave);
        market.acceptOwnership();
        vm.assertEq(market.owner(), operator, "still the operator");
    }

    function test_transferOwnership_onlyByTheOwner() public {
        vm.expectRevert(abi.encodeWithSelector(OWNABLE_UNAUTHORIZED, bob));
        vm.prank(bob);
        market.transferOwnership(bob);
        vm.assertEq(market.pendingOwner(), address(0), "nothing pending");
    }

    function test_renounceOwnership_alwaysReverts() public {
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.RenounceDisabled.selector));
        vm.prank(operator);
        market.renounceOwnership();
        // Outsiders are refused as for every owner power.
        vm.expectRevert(abi.encodeWithSelector(bytes4(keccak256("OwnableUnauthorizedAccount(address)")), alice));
        vm.prank(alice);
        market.renounceOwnership();
        vm.assertEq(market.owner(), operator, "owner kept");
    }

    // ------------------------------------------------------------------------------------------
    // Plain ETH
    // ------------------------------------------------------------------------------------------

    function test_plainEtherIsRejected() public {
        vm.prank(alice);
        (bool ok, bytes memory returned) = address(market).call{value: 1 ether}("");
        vm.assertFalse(ok, "no receive function");
        vm.assertEq(returned.length, 0, "reverts without data");

        vm.prank(alice);
        (ok,) = address(market).call{value: 1 ether}(hex"deadbeef");
        vm.assertFalse(ok, "no fallback function");
        vm.assertEq(address(market).balance, 0, "the market holds nothing");
    }
}

/// @notice Purchases, quotes and withdrawals: who pays what, who is credited what, and when it reverts.
contract BittunesMarketSalesTest is MarketSpec {
    uint256 internal trackId;

    function setUp() public override {
        super.setUp();
        trackId = registerAs(artist, PRICE, REFERRAL_BPS);
    }

    // ------------------------------------------------------------------------------------------
    // purchase / purchaseFor: reverts
    // ------------------------------------------------------------------------------------------

    function test_purchase_revertsUnlessPaidTheExactPrice() public {
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.IncorrectPayment.selector, trackId, PRICE - 1, PRICE));
        pay(alice, trackId, address(0), PRICE - 1);
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.IncorrectPayment.selector, trackId, PRICE + 1, PRICE));
        pay(alice, trackId, address(0), PRICE + 1);
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.IncorrectPayment.selector, trackId, 0, PRICE));
        pay(alice, trackId, address(0), 0);
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.IncorrectPayment.selector, trackId, PRICE * 2, PRICE));
        gift(alice, bob, trackId, address(0), PRICE * 2);
        vm.assertFalse(market.owns(trackId, alice), "nothing bought");
        vm.assertEq(address(market).balance, 0, "nothing kept");
    }

    function testFuzz_purchase_revertsOnAnyOtherValue(uint256 sent) public {
        sent = bound(sent, 0, 1_000_000 ether);
        vm.assume(sent != PRICE);
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.IncorrectPayment.selector, trackId, sent, PRICE));
        pay(alice, trackId, address(0), sent);
    }

    function test_purchase_revertsOnUnknownTrack() public {
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.UnknownTrack.selector, 0));
        pay(alice, 0, address(0), 0);
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.UnknownTrack.selector, trackId + 1));
        pay(alice, trackId + 1, address(0), PRICE);
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.UnknownTrack.selector, trackId + 1));
        gift(alice, bob, trackId + 1, address(0), PRICE);
    }

    function test_purchase_revertsWhenAlreadyOwned() public {
        pay(alice, trackId, address(0), PRICE);
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.AlreadyOwned.selector, trackId, alice));
        pay(alice, trackId, address(0), PRICE);
    }

    function test_purchaseFor_revertsWhenTheRecipientAlreadyOwns() public {
        pay(alice, trackId, address(0), PRICE);
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.AlreadyOwned.selector, trackId, alice));
        gift(bob, alice, trackId, address(0), PRICE);
    }

    function test_purchaseFor_revertsOnZeroRecipient() public {
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.InvalidAddress.selector, address(0)));
        gift(bob, address(0), trackId, address(0), PRICE);
    }

    function test_purchaseFor_revertsWhenTheMarketWouldOwnTheTrack() public {
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.InvalidAddress.selector, address(market)));
        gift(bob, address(market), trackId, address(0), PRICE);
    }

    // ------------------------------------------------------------------------------------------
    // purchase / purchaseFor: ownership and the split
    // ------------------------------------------------------------------------------------------

    function test_purchase_withoutReferrerPaysArtistAndPlatform() public {
        (uint256 fee,, uint256 artistSide) = expectedSplit(PRICE, FEE_BPS, 0);
        vm.expectEmit(address(market));
        emit BittunesMarket.Purchased(trackId, alice, alice, address(0), PRICE, artistSide, 0, fee);
        pay(alice, trackId, address(0), PRICE);

        vm.assertTrue(market.owns(trackId, alice), "alice owns the track");
        vm.assertEq(market.balanceOf(artist), artistSide, "artist credited");
        vm.assertEq(market.balanceOf(treasury), fee, "fee credited");
        (,, uint256 accrued) = market.feeConfig();
        vm.assertEq(accrued, fee, "fee accrued in the fee slot");
        vm.assertEq(address(market).balance, PRICE, "the market holds the price");
    }

    function test_purchase_throughAnOwnerPaysTheReferrer() public {
        pay(alice, trackId, address(0), PRICE);
        uint256 artistBefore = market.balanceOf(artist);
        uint256 feesBefore = market.balanceOf(treasury);

        (uint256 fee, uint256 referral, uint256 artistSide) = expectedSplit(PRICE, FEE_BPS, REFERRAL_BPS);
        vm.expectEmit(address(market));
        emit BittunesMarket.Purchased(trackId, bob, bob, alice, PRICE, artistSide, referral, fee);
        pay(bob, trackId, alice, PRICE);

        vm.assertEq(market.balanceOf(alice), referral, "referrer credited 20 %");
        vm.assertEq(market.balanceOf(artist) - artistBefore, artistSide, "artist side");
        vm.assertEq(market.balanceOf(treasury) - feesBefore, fee, "fee");
        vm.assertEq(fee + referral + artistSide, PRICE, "parts add up to the price");
    }

    function test_purchase_throughANonOwnerLeavesTheShareWithTheArtist() public {
        (uint256 fee,, uint256 artistSide) = expectedSplit(PRICE, FEE_BPS, 0);
        vm.expectEmit(address(market));
        emit BittunesMarket.Purchased(trackId, bob, bob, address(0), PRICE, artistSide, 0, fee);
        pay(bob, trackId, carol, PRICE);

        vm.assertEq(market.balanceOf(carol), 0, "a non-owner earns nothing");
        vm.assertEq(market.balanceOf(artist), artistSide, "the artist keeps the referral share");
    }

    function test_purchase_selfReferralIsIgnored() public {
        (uint256 fee,, uint256 artistSide) = expectedSplit(PRICE, FEE_BPS, 0);
        vm.expectEmit(address(market));
        emit BittunesMarket.Purchased(trackId, alice, alice, address(0), PRICE, artistSide, 0, fee);
        pay(alice, trackId, alice, PRICE);
        vm.assertEq(market.balanceOf(alice), 0, "no rebate for referring oneself");
    }

    function test_purchase_artistWhoBoughtTheirOwnTrackCanRefer() public {
        pay(artist, trackId, address(0), PRICE);
        (, uint256 referral,) = expectedSplit(PRICE, FEE_BPS, REFERRAL_BPS);
        (,, uint256 firstArtistSide) = expectedSplit(PRICE, FEE_BPS, 0);
        (,, uint256 secondArtistSide) = expectedSplit(PRICE, FEE_BPS, REFERRAL_BPS);
        pay(bob, trackId, artist, PRICE);
        vm.assertEq(
            market.balanceOf(artist), firstArtistSide + secondArtistSide + referral, "artist is paid as a referrer too"
        );
    }

    function test_purchaseFor_recipientOwnsAndTheBuyerDoesNot() public {
        (uint256 fee,, uint256 artistSide) = expectedSplit(PRICE, FEE_BPS, 0);
        vm.expectEmit(address(market));
        emit BittunesMarket.Purchased(trackId, bob, carol, address(0), PRICE, artistSide, 0, fee);
        gift(bob, carol, trackId, address(0), PRICE);

        vm.assertTrue(market.owns(trackId, carol), "the recipient owns the track");
        vm.assertFalse(market.owns(trackId, bob), "the gifting buyer does not");
        pay(bob, trackId, address(0), PRICE); // so bob can still buy it for himself
        vm.assertTrue(market.owns(trackId, bob), "bob bought his own copy");
    }

    function test_purchaseFor_throughAThirdOwnerPaysTheReferrer() public {
        pay(alice, trackId, address(0), PRICE);
        (uint256 fee, uint256 referral, uint256 artistSide) = expectedSplit(PRICE, FEE_BPS, REFERRAL_BPS);
        vm.expectEmit(address(market));
        emit BittunesMarket.Purchased(trackId, bob, carol, alice, PRICE, artistSide, referral, fee);
        gift(bob, carol, trackId, alice, PRICE);
        vm.assertEq(market.balanceOf(alice), referral, "alice referred bob's gift");
    }

    function test_purchaseFor_recipientAsReferrerIsIgnored() public {
        (uint256 fee,, uint256 artistSide) = expectedSplit(PRICE, FEE_BPS, 0);
        vm.expectEmit(address(market));
        emit BittunesMarket.Purchased(trackId, bob, carol, address(0), PRICE, artistSide, 0, fee);
        gift(bob, carol, trackId, carol, PRICE);
        vm.assertEq(market.balanceOf(carol), 0, "the recipient, an owner only since this sale, earns nothing");
    }

    function test_purchaseFor_buyerAsReferrerIsIgnoredEvenWhenAnOwner() public {
        pay(bob, trackId, address(0), PRICE);
        uint256 artistBefore = market.balanceOf(artist);
        (uint256 fee,, uint256 artistSide) = expectedSplit(PRICE, FEE_BPS, 0);
        vm.expectEmit(address(market));
        emit BittunesMarket.Purchased(trackId, bob, carol, address(0), PRICE, artistSide, 0, fee);
        gift(bob, carol, trackId, bob, PRICE);
        vm.assertEq(market.balanceOf(bob), 0, "no rebate on one's own gift");
        vm.assertEq(market.balanceOf(artist) - artistBefore, artistSide, "the artist keeps the share");
    }

    function test_purchase_creditsCollaboratorsAfterThePurchasedEvent() public {
        uint256 id = registerWith(artist, PRICE, REFERRAL_BPS, twoCollaborators(3_000, 1_234));
        pay(alice, id, address(0), PRICE);
        uint256 artistBefore = market.balanceOf(artist);
        uint256 collab1Before = market.balanceOf(collab1);
        uint256 collab2Before = market.balanceOf(collab2);

        (uint256 fee, uint256 referral, uint256 artistSide) = expectedSplit(PRICE, FEE_BPS, REFERRAL_BPS);
        uint256 share1 = artistSide * 3_000 / BPS;
        uint256 share2 = artistSide * 1_234 / BPS;
        vm.recordLogs();
        pay(bob, id, alice, PRICE);
        Vm.Log[] memory logs = vm.getRecordedLogs();

        vm.assertEq(logs.length, 3, "Purchased and two CollaboratorCredited");
        vm.assertEq(logs[0].topics[0], BittunesMarket.Purchased.selector, "Purchased first");
        vm.assertEq(logs[0].topics[3], topic(alice), "referrer alice");
        (address buyer, uint256 price, uint256 artistAmount, uint256 referrerAmount, uint256 feeAmount) =
            abi.decode(logs[0].data, (address, uint256, uint256, uint256, uint256));
        vm.assertEq(buyer, bob, "buyer");
        vm.assertEq(price, PRICE, "price");
        vm.assertEq(artistAmount, artistSide, "artistAmount is the whole artist side");
        vm.assertEq(referrerAmount, referral, "referrerAmount");
        vm.assertEq(feeAmount, fee, "feeAmount");
        assertCollaboratorCredited(logs[1], id, collab1, share1);
        assertCollaboratorCredited(logs[2], id, collab2, share2);

        vm.assertEq(market.balanceOf(collab1) - collab1Before, share1, "collab1 30 %");
        vm.assertEq(market.balanceOf(collab2) - collab2Before, share2, "collab2 12.34 %");
        vm.assertEq(
            market.balanceOf(artist) - artistBefore, artistSide - share1 - share2, "artist keeps the rest and the dust"
        );
    }

    function test_purchase_collaboratorWhoseShareRoundsToZeroGetsNoEvent() public {
        uint256 id = registerWith(artist, 100, 0, twoCollaborators(99, 5_000)); // artist side 95 wei: 0.94 and 47.5
        vm.recordLogs();
        pay(alice, id, address(0), 100);
        Vm.Log[] memory logs = vm.getRecordedLogs();

        vm.assertEq(logs.length, 2, "Purchased and one CollaboratorCredited");
        assertCollaboratorCredited(logs[1], id, collab2, 47);
        vm.assertEq(market.balanceOf(collab1), 0, "collab1's share rounds to zero");
        vm.assertEq(market.balanceOf(artist), 48, "artist keeps 95 - 47");
    }

    function test_purchase_withZeroFeeAccruesNothing() public {
        vm.expectEmit(address(market));
        emit BittunesMarket.FeeUpdated(FEE_BPS, 0);
        vm.prank(operator);
        market.setFeeBps(0);

        pay(alice, trackId, address(0), PRICE);
        (, uint256 referral, uint256 artistSide) = expectedSplit(PRICE, 0, REFERRAL_BPS);
        vm.expectEmit(address(market));
        emit BittunesMarket.Purchased(trackId, bob, bob, alice, PRICE, artistSide, referral, 0);
        pay(bob, trackId, alice, PRICE);

        (,, uint256 accrued) = market.feeConfig();
        vm.assertEq(accrued, 0, "nothing accrued");
        vm.assertEq(market.balanceOf(treasury), 0, "nothing for the platform");
        vm.assertEq(market.balanceOf(artist), PRICE + artistSide, "the artist gets the fee's share");
    }

    // ------------------------------------------------------------------------------------------
    // quote
    // ------------------------------------------------------------------------------------------

    function test_quote_matchesWhatAReferredPurchaseDoes() public {
        pay(alice, trackId, address(0), PRICE);
        (uint256 price, address credited, uint256 artistAmount, uint256 referrerAmount, uint256 feeAmount) =
            market.quote(trackId, alice, bob, carol);
        vm.assertEq(credited, alice, "alice would be credited");
        (uint256 fee, uint256 referral, uint256 artistSide) = expectedSplit(PRICE, FEE_BPS, REFERRAL_BPS);
        vm.assertEq(price, PRICE, "price");
        vm.assertEq(artistAmount, artistSide, "artist side");
        vm.assertEq(referrerAmount, referral, "referral");
        vm.assertEq(feeAmount, fee, "fee");

        uint256 artistBefore = market.balanceOf(artist);
        uint256 feesBefore = market.balanceOf(treasury);
        vm.expectEmit(address(market));
        emit BittunesMarket.Purchased(trackId, bob, carol, credited, price, artistAmount, referrerAmount, feeAmount);
        gift(bob, carol, trackId, alice, price);
        vm.assertEq(market.balanceOf(alice), referrerAmount, "referrer as quoted");
        vm.assertEq(market.balanceOf(artist) - artistBefore, artistAmount, "artist as quoted");
        vm.assertEq(market.balanceOf(treasury) - feesBefore, feeAmount, "fee as quoted");
    }

    function test_quote_reportsIneligibleReferrersAsZero() public {
        pay(alice, trackId, address(0), PRICE);
        (uint256 fee,, uint256 artistSide) = expectedSplit(PRICE, FEE_BPS, 0);

        // A non-owner; an owner who is the buyer; an owner who is the recipient; nobody.
        address[4] memory referrers = [carol, alice, alice, address(0)];
        address[4] memory buyers = [bob, alice, bob, bob];
        address[4] memory recipients = [bob, dave, alice, bob];
        for (uint256 i; i < 4; ++i) {
            (uint256 price, address credited, uint256 artistAmount, uint256 referrerAmount, uint256 feeAmount) =
                market.quote(trackId, referrers[i], buyers[i], recipients[i]);
            vm.assertEq(price, PRICE, "price");
            vm.assertEq(credited, address(0), "no referrer credited");
            vm.assertEq(artistAmount, artistSide, "artist keeps the share");
            vm.assertEq(referrerAmount, 0, "no referral");
            vm.assertEq(feeAmount, fee, "fee");
        }

        // And the purchase does what the last quote said: alice gifts to dave naming herself.
        vm.expectEmit(address(market));
        emit BittunesMarket.Purchased(trackId, alice, dave, address(0), PRICE, artistSide, 0, fee);
        gift(alice, dave, trackId, alice, PRICE);
    }

    function test_quote_revertsOnUnknownTrack() public {
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.UnknownTrack.selector, trackId + 1));
        market.quote(trackId + 1, address(0), alice, alice);
    }

    // ------------------------------------------------------------------------------------------
    // withdraw / withdrawTo
    // ------------------------------------------------------------------------------------------

    function test_withdraw_paysTheWholeBalanceOnce() public {
        pay(alice, trackId, address(0), PRICE);
        pay(bob, trackId, alice, PRICE);
        uint256 owed = market.balanceOf(artist);
        uint256 ethBefore = artist.balance;

        vm.expectEmit(address(market));
        emit BittunesMarket.Withdrawn(artist, artist, owed);
        vm.prank(artist);
        uint256 paid = market.withdraw();

        vm.assertEq(paid, owed, "returns the amount");
        vm.assertEq(artist.balance - ethBefore, owed, "artist received it");
        vm.assertEq(market.balanceOf(artist), 0, "balance zeroed");
        vm.assertEq(address(market).balance, market.balanceOf(alice) + market.balanceOf(treasury), "rest still held");

        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.NothingToWithdraw.selector, artist));
        vm.prank(artist);
        market.withdraw();
    }

    function test_withdraw_revertsWithNothingToWithdraw() public {
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.NothingToWithdraw.selector, alice));
        vm.prank(alice);
        market.withdraw();
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.NothingToWithdraw.selector, alice));
        vm.prank(alice);
        market.withdrawTo(bob);
    }

    function test_withdrawTo_sendsTheCallersBalanceElsewhere() public {
        pay(alice, trackId, address(0), PRICE);
        uint256 owed = market.balanceOf(artist);
        uint256 carolBefore = carol.balance;
        uint256 artistBefore = artist.balance;

        vm.expectEmit(address(market));
        emit BittunesMarket.Withdrawn(artist, carol, owed);
        vm.prank(artist);
        uint256 paid = market.withdrawTo(carol);

        vm.assertEq(paid, owed, "returns the amount");
        vm.assertEq(carol.balance - carolBefore, owed, "carol received it");
        vm.assertEq(artist.balance, artistBefore, "the artist received nothing directly");
        vm.assertEq(market.balanceOf(artist), 0, "artist's balance zeroed");
        vm.assertEq(market.balanceOf(carol), 0, "carol's balance untouched");
    }

    function test_withdrawTo_revertsOnZeroAddress() public {
        pay(alice, trackId, address(0), PRICE);
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.InvalidAddress.selector, address(0)));
        vm.prank(artist);
        market.withdrawTo(address(0));
        vm.assertGe(market.balanceOf(artist), 1, "balance kept");
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.InvalidAddress.selector, address(market)));
        vm.prank(artist);
        market.withdrawTo(address(market));
        vm.assertGe(market.balanceOf(artist), 1, "balance kept");
    }

    function test_withdraw_feeRecipientWithdrawsAccruedFees() public {
        pay(alice, trackId, address(0), PRICE);
        pay(bob, trackId, alice, PRICE);
        (uint256 fee,,) = expectedSplit(PRICE, FEE_BPS, 0);
        vm.assertEq(market.balanceOf(treasury), 2 * fee, "balanceOf includes the accrued fees");
        uint256 before = treasury.balance;

        vm.expectEmit(address(market));
        emit BittunesMarket.Withdrawn(treasury, treasury, 2 * fee);
        vm.prank(treasury);
        market.withdraw();

        vm.assertEq(treasury.balance - before, 2 * fee, "fees paid out");
        (,, uint256 accrued) = market.feeConfig();
        vm.assertEq(accrued, 0, "accrued reset");
        vm.assertEq(market.balanceOf(treasury), 0, "nothing left");
    }

    function test_withdraw_feeRecipientWhoIsAlsoAPayeeGetsBothAtOnce() public {
        vm.prank(operator);
        market.setFeeRecipient(artist);
        pay(alice, trackId, address(0), PRICE);

        vm.assertEq(market.balanceOf(artist), PRICE, "artist side plus fee");
        uint256 before = artist.balance;
        vm.prank(artist);
        market.withdraw();
        vm.assertEq(artist.balance - before, PRICE, "both paid");
        vm.assertEq(address(market).balance, 0, "the market is empty");
    }

    function test_setFeeRecipient_previousRecipientKeepsItsAccruedFees() public {
        pay(alice, trackId, address(0), PRICE);
        (uint256 fee,,) = expectedSplit(PRICE, FEE_BPS, 0);

        vm.prank(operator);
        market.setFeeRecipient(dave);
        (address recipient,, uint256 accrued) = market.feeConfig();
        vm.assertEq(recipient, dave, "dave receives new fees");
        vm.assertEq(accrued, 0, "the new recipient starts from zero");
        vm.assertEq(market.balanceOf(treasury), fee, "the treasury keeps what it earned");
        vm.assertEq(market.balanceOf(dave), 0, "dave has earned nothing yet");

        pay(bob, trackId, address(0), PRICE);
        vm.assertEq(market.balanceOf(dave), fee, "new sales accrue to dave");
        vm.assertEq(market.balanceOf(treasury), fee, "and not to the treasury");

        uint256 treasuryBefore = treasury.balance;
        vm.prank(treasury);
        market.withdraw();
        vm.assertEq(treasury.balance - treasuryBefore, fee, "the old recipient withdraws its fees");

        uint256 daveBefore = dave.balance;
        vm.prank(dave);
        market.withdraw();
        vm.assertEq(dave.balance - daveBefore, fee, "the new recipient withdraws its fees");
    }

    function test_ownerPowers_neverTouchExistingBalances() public {
        pay(alice, trackId, address(0), PRICE);
        pay(bob, trackId, alice, PRICE);
        uint256 artistOwed = market.balanceOf(artist);
        uint256 aliceOwed = market.balanceOf(alice);
        uint256 treasuryOwed = market.balanceOf(treasury);

        vm.startPrank(operator);
        market.setFeeBps(MAX_FEE_BPS);
        market.setFeeRecipient(operator);
        market.transferOwnership(dave);
        vm.stopPrank();
        vm.prank(dave);
        market.acceptOwnership();

        vm.assertEq(market.balanceOf(artist), artistOwed, "artist untouched");
        vm.assertEq(market.balanceOf(alice), aliceOwed, "referrer untouched");
        vm.assertEq(market.balanceOf(treasury), treasuryOwed, "old fee recipient untouched");
        vm.assertEq(market.balanceOf(operator), 0, "the new recipient got nothing from the past");
    }

    // ------------------------------------------------------------------------------------------
    // Fuzz
    // ------------------------------------------------------------------------------------------

    function testFuzz_purchase_splitMatchesQuote(uint256 price, uint256 refBps, uint256 feeBps, bool referred) public {
        price = bound(price, 0, MAX_PRICE);
        refBps = bound(refBps, 0, MAX_REFERRAL_BPS);
        feeBps = bound(feeBps, 0, MAX_FEE_BPS);
        vm.prank(operator);
        market.setFeeBps(feeBps);
        uint256 id = registerAs(artist, price, refBps);
        pay(alice, id, address(0), price);
        address referrer = referred ? alice : address(0);

        (uint256 quotedPrice, address credited, uint256 artistAmount, uint256 referrerAmount, uint256 feeAmount) =
            market.quote(id, referrer, bob, bob);
        (uint256 fee, uint256 referral, uint256 artistSide) = expectedSplit(price, feeBps, referred ? refBps : 0);
        vm.assertEq(quotedPrice, price, "quoted price");
        vm.assertEq(credited, referrer, "quoted referrer");
        vm.assertEq(feeAmount, fee, "quoted fee");
        vm.assertEq(referrerAmount, referral, "quoted referral");
        vm.assertEq(artistAmount, artistSide, "quoted artist side");

        uint256 artistBefore = market.balanceOf(artist);
        uint256 aliceBefore = market.balanceOf(alice);
        uint256 treasuryBefore = market.balanceOf(treasury);
        vm.expectEmit(address(market));
        emit BittunesMarket.Purchased(id, bob, bob, referrer, price, artistAmount, referrerAmount, feeAmount);
        pay(bob, id, referrer, price);

        uint256 artistDelta = market.balanceOf(artist) - artistBefore;
        uint256 aliceDelta = market.balanceOf(alice) - aliceBefore;
        uint256 treasuryDelta = market.balanceOf(treasury) - treasuryBefore;
        vm.assertEq(artistDelta, artistAmount, "artist credited as quoted");
        vm.assertEq(aliceDelta, referrerAmount, "referrer credited as quoted");
        vm.assertEq(treasuryDelta, feeAmount, "fee credited as quoted");
        vm.assertEq(artistDelta + aliceDelta + treasuryDelta, price, "every wei accounted for");
        vm.assertEq(
            address(market).balance,
            market.balanceOf(artist) + market.balanceOf(alice) + market.balanceOf(treasury),
            "the market holds exactly what it owes"
        );
    }

    function testFuzz_register_collaboratorShares(
        uint256 price,
        uint256 count,
        uint16[7] memory rawShares,
        bool takeWholeArtistSide,
        uint256 feeBps
    ) public {
        price = bound(price, 0, MAX_PRICE);
        count = bound(count, 0, MAX_COLLABORATORS);
        feeBps = bound(feeBps, 0, MAX_FEE_BPS);
        vm.prank(operator);
        market.setFeeBps(feeBps);

        BittunesMarket.Collaborator[] memory list = new BittunesMarket.Collaborator[](count);
        uint256 remaining = BPS;
        for (uint256 i; i < count; ++i) {
            uint256 bps = bound(rawShares[i], 1, remaining - (count - 1 - i)); // leave at least 1 bps for the rest
            if (takeWholeArtistSide && i == count - 1) bps = remaining;
            remaining -= bps;
            list[i] = collaborator(collaboratorAddress(i), bps);
        }
        uint256 id = registerWith(artist, price, REFERRAL_BPS, list);

        vm.recordLogs();
        pay(alice, id, address(0), price);
        Vm.Log[] memory logs = vm.getRecordedLogs();

        (,, uint256 artistSide) = expectedSplit(price, feeBps, 0);
        uint256 paidOut;
        uint256 nextLog = 1; // logs[0] is Purchased
        for (uint256 i; i < count; ++i) {
            uint256 expected = artistSide * list[i].bps / BPS;
            vm.assertEq(market.balanceOf(list[i].account), expected, "collaborator gets floor(artistSide * bps / 10000)");
            if (expected != 0) assertCollaboratorCredited(logs[nextLog++], id, list[i].account, expected);
            paidOut += expected;
        }
        vm.assertEq(logs.length, nextLog, "one CollaboratorCredited per non-zero credit");
        vm.assertEq(market.balanceOf(artist), artistSide - paidOut, "the artist gets the rest");
        if (takeWholeArtistSide && count != 0) {
            vm.assertLe(market.balanceOf(artist), count - 1, "only dust, under one wei per collaborator");
        }
    }
}
