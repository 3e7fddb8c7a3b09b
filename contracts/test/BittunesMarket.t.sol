// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {BittunesMarket} from "../BittunesMarket.sol";
import {MarketSpec} from "./MarketSpec.t.sol";
import {Vm, vm} from "./Vm.t.sol";

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
        (uint256 maxFee, uint256 maxReferral, uint256 maxCollaborators, uint256 maxPrice, uint256 maxReleaseTracks) =
            market.limits();
        vm.assertEq(maxReleaseTracks, 50, "max release tracks");
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
