// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {BittunesMarket} from "../BittunesMarket.sol";
import {MarketSpec} from "./MarketSpec.t.sol";
import {Vm, vm} from "./Vm.t.sol";

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

    function test_purchase_byTheArtistReverts() public {
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.SelfPurchase.selector, trackId, artist));
        pay(artist, trackId, address(0), PRICE);
        vm.assertFalse(market.owns(trackId, artist), "the artist does not own their own track");
    }

    function test_purchase_referredByTheArtistCountsAsUnreferred() public {
        // The artist never owns their track, so their link credits nobody: the sale is an ordinary one.
        (uint256 fee,, uint256 artistSide) = expectedSplit(PRICE, FEE_BPS, 0);
        vm.expectEmit(address(market));
        emit BittunesMarket.Purchased(trackId, bob, bob, address(0), PRICE, artistSide, 0, fee);
        pay(bob, trackId, artist, PRICE);
        vm.assertEq(market.balanceOf(artist), artistSide, "the artist is paid as the artist only");
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
        BittunesMarket.Quote memory q = market.quote(trackId, alice, bob, carol);
        (uint256 price, address credited, uint256 artistAmount, uint256 referrerAmount, uint256 feeAmount) =
            (q.price, q.creditedReferrer, q.artistAmount, q.referrerAmount, q.feeAmount);
        vm.assertEq(q.feeBps, FEE_BPS, "quoted fee bps");
        vm.assertEq(q.referralBps, REFERRAL_BPS, "quoted referral bps");
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
            BittunesMarket.Quote memory q = market.quote(trackId, referrers[i], buyers[i], recipients[i]);
            (uint256 price, address credited, uint256 artistAmount, uint256 referrerAmount, uint256 feeAmount) =
                (q.price, q.creditedReferrer, q.artistAmount, q.referrerAmount, q.feeAmount);
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

        BittunesMarket.Quote memory q = market.quote(id, referrer, bob, bob);
        (uint256 quotedPrice, address credited, uint256 artistAmount, uint256 referrerAmount, uint256 feeAmount) =
            (q.price, q.creditedReferrer, q.artistAmount, q.referrerAmount, q.feeAmount);
        vm.assertEq(q.feeBps, feeBps, "quoted fee bps");
        vm.assertEq(q.referralBps, refBps, "quoted referral bps");
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
