// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {BittunesMarket} from "../BittunesMarket.sol";
import {ANY_FEE, ANY_REFERRAL, BaseTest} from "./Base.t.sol";
import {vm} from "./Vm.t.sol";

// ----------------------------------------------------------------------------------------------
// Hostile payees
// ----------------------------------------------------------------------------------------------

/// @notice A payee that calls back into `withdraw` or `withdrawTo` when the market pays it. It either
///         lets the inner revert bubble up (so its own payment fails) or catches and records it.
contract ReentrantWithdrawer {
    BittunesMarket internal immutable market;
    bool internal immutable reenterWithdrawTo;
    bool internal immutable swallowRevert;

    uint256 public payments;
    uint256 public received;
    bytes public innerRevert;

    constructor(BittunesMarket market_, bool reenterWithdrawTo_, bool swallowRevert_) {
        market = market_;
        reenterWithdrawTo = reenterWithdrawTo_;
        swallowRevert = swallowRevert_;
    }

    receive() external payable {
        payments += 1;
        received += msg.value;
        if (!swallowRevert) {
            reenter();
        } else if (reenterWithdrawTo) {
            try market.withdrawTo(address(this)) {} catch (bytes memory reason) { innerRevert = reason; }
        } else {
            try market.withdraw() {} catch (bytes memory reason) { innerRevert = reason; }
        }
    }

    function reenter() internal {
        if (reenterWithdrawTo) market.withdrawTo(address(this));
        else market.withdraw();
    }
}

/// @notice A payee that, while being paid its withdrawal, buys a track as a gift (a re-entrant purchase).
contract ReentrantBuyer {
    BittunesMarket internal immutable market;
    uint256 internal trackId;
    address internal recipient;
    address internal referrer;
    bool internal armed;

    constructor(BittunesMarket market_) {
        market = market_;
    }

    function arm(uint256 trackId_, address recipient_, address referrer_) external {
        (trackId, recipient, referrer, armed) = (trackId_, recipient_, referrer_, true);
    }

    receive() external payable {
        if (!armed) return;
        armed = false;
        uint256 price = market.track(trackId).price;
        market.purchaseFor{value: price}(recipient, trackId, referrer, ANY_FEE, ANY_REFERRAL);
    }
}

/// @notice A payee that refuses every payment.
contract RevertingPayee {
    receive() external payable {
        revert("no ETH, thanks");
    }
}

/// @notice A payee with no way to receive ETH at all.
contract MutePayee {}

/// @notice A payee that burns all the gas it is given.
contract GasBurner {
    uint256 internal sink;

    receive() external payable {
        for (;;) {
            sink += 1;
        }
    }
}

/// @notice Shared checks of the attack tests.
abstract contract AttackSpec is BaseTest {
    bytes4 internal constant OWNABLE_UNAUTHORIZED = bytes4(keccak256("OwnableUnauthorizedAccount(address)"));
    uint256 internal constant MAX_FEE_BPS = 1_000;
    uint256 internal constant BPS = 10_000;
    /// @dev A realistic transaction gas limit, so that a gas-burning payee terminates.
    uint256 internal constant TX_GAS = 5_000_000;

    uint256 internal trackId;

    function setUp() public virtual override {
        super.setUp();
        trackId = registerAs(artist, PRICE, REFERRAL_BPS);
    }

    /// @dev The market holds exactly what it owes to `accounts` (which must include everyone credited).
    function assertSolvent(address[] memory accounts) internal view {
        uint256 owed;
        for (uint256 i; i < accounts.length; ++i) {
            owed += market.balanceOf(accounts[i]);
        }
        vm.assertEq(address(market).balance, owed, "the market holds exactly what it owes");
    }

    function everyone(address extra) internal view returns (address[] memory list) {
        list = new address[](10);
        (list[0], list[1], list[2], list[3], list[4]) = (artist, treasury, alice, bob, carol);
        (list[5], list[6], list[7], list[8], list[9]) = (dave, collab1, collab2, operator, extra);
    }

    function pay(address buyer, uint256 id, address referrer, uint256 value) internal {
        vm.prank(buyer);
        market.purchase{value: value}(id, referrer, ANY_FEE, ANY_REFERRAL);
    }

    function gift(address buyer, address recipient, uint256 id, address referrer, uint256 value) internal {
        vm.prank(buyer);
        market.purchaseFor{value: value}(recipient, id, referrer, ANY_FEE, ANY_REFERRAL);
    }

    function registerAsContract(address who) internal returns (uint256 id) {
        vm.prank(who);
        id = market.register(PRICE, REFERRAL_BPS, CONTENT_HASH, "ipfs://hostile", noCollaborators());
    }

    function artistSide(uint256 price, uint256 referralBps) internal pure returns (uint256) {
        return price - price * FEE_BPS / BPS - price * referralBps / BPS;
    }
}

/// @notice Payees that fight back when paid: re-entrancy, refusal, gas burning.
contract AttacksTest is AttackSpec {
    // ------------------------------------------------------------------------------------------
    // Re-entrant withdrawals
    // ------------------------------------------------------------------------------------------

    function test_reentrantWithdraw_bubbledGuardRevertFailsTheTransfer() public {
        _assertBubbledReentryFails({reenterWithdrawTo: false, outerWithdrawTo: false});
    }

    function test_reentrantWithdrawTo_bubbledGuardRevertFailsTheTransfer() public {
        _assertBubbledReentryFails({reenterWithdrawTo: true, outerWithdrawTo: false});
    }

    function test_reentrantWithdrawFromWithdrawTo_bubbledGuardRevertFailsTheTransfer() public {
        _assertBubbledReentryFails({reenterWithdrawTo: false, outerWithdrawTo: true});
    }

    function test_reentrantWithdraw_swallowedGuardRevertPaysExactlyOnce() public {
        _assertSwallowedReentryPaysOnce({reenterWithdrawTo: false, outerWithdrawTo: false});
    }

    function test_reentrantWithdrawTo_swallowedGuardRevertPaysExactlyOnce() public {
        _assertSwallowedReentryPaysOnce({reenterWithdrawTo: true, outerWithdrawTo: true});
    }

    /// @dev The inner call hits the guard, the revert bubbles out of `receive`, the market sees a
    ///      failed transfer and reverts everything: the attacker keeps its balance and gets no ETH.
    function _assertBubbledReentryFails(bool reenterWithdrawTo, bool outerWithdrawTo) internal {
        ReentrantWithdrawer attacker = new ReentrantWithdrawer(market, reenterWithdrawTo, false);
        uint256 id = registerAsContract(address(attacker));
        pay(alice, id, address(0), PRICE);
        uint256 owed = market.balanceOf(address(attacker));
        vm.assertEq(owed, artistSide(PRICE, 0), "attacker is owed its artist side");

        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.TransferFailed.selector, address(attacker), owed));
        vm.prank(address(attacker));
        if (outerWithdrawTo) market.withdrawTo(address(attacker));
        else market.withdraw();

        vm.assertEq(market.balanceOf(address(attacker)), owed, "balance intact");
        vm.assertEq(address(attacker).balance, 0, "no ETH left the market");
        vm.assertEq(attacker.payments(), 0, "the payment was rolled back");
        assertSolvent(everyone(address(attacker)));
    }

    /// @dev When the attacker catches the inner revert, the outer withdrawal completes and pays the
    ///      balance once; the inner call was stopped by the reentrancy guard.
    function _assertSwallowedReentryPaysOnce(bool reenterWithdrawTo, bool outerWithdrawTo) internal {
        ReentrantWithdrawer attacker = new ReentrantWithdrawer(market, reenterWithdrawTo, true);
        uint256 id = registerAsContract(address(attacker));
        pay(alice, id, address(0), PRICE);
        pay(bob, id, alice, PRICE);
        uint256 owed = market.balanceOf(address(attacker));
        uint256 heldBefore = address(market).balance;

        vm.prank(address(attacker));
        uint256 paid = outerWithdrawTo ? market.withdrawTo(address(attacker)) : market.withdraw();

        vm.assertEq(paid, owed, "paid its balance");
        vm.assertEq(attacker.payments(), 1, "paid once");
        vm.assertEq(attacker.received(), owed, "received exactly its balance");
        vm.assertEq(address(attacker).balance, owed, "holds exactly its balance");
        vm.assertEq(
            keccak256(attacker.innerRevert()),
            keccak256(abi.encodeWithSelector(ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector)),
            "the inner call was stopped by the reentrancy guard"
        );
        vm.assertEq(market.balanceOf(address(attacker)), 0, "balance zeroed");
        vm.assertEq(heldBefore - address(market).balance, owed, "the market paid out only that");
        assertSolvent(everyone(address(attacker)));
    }

    // ------------------------------------------------------------------------------------------
    // Re-entrant purchases
    // ------------------------------------------------------------------------------------------

    /// @dev `purchase` has no guard by design (it makes no external call). A purchase made from inside
    ///      a withdrawal's payment is accounted exactly: the withdrawer, an artist, buys another
    ///      artist's track as a gift while being paid, and every credit lands once.
    function test_reentrantPurchase_duringWithdrawalIsAccountedExactly() public {
        ReentrantBuyer attacker = new ReentrantBuyer(market);
        uint256 id = registerAsContract(address(attacker));
        pay(alice, id, address(0), PRICE);
        pay(alice, trackId, address(0), PRICE);
        uint256 firstSale = artistSide(PRICE, 0);
        uint256 artistBefore = market.balanceOf(artist);
        vm.deal(address(attacker), PRICE); // enough to buy inside the callback

        attacker.arm(trackId, carol, alice); // gift the artist's track to carol, referred by alice
        vm.prank(address(attacker));
        uint256 paid = market.withdraw();

        vm.assertEq(paid, firstSale, "the withdrawal paid the balance it found");
        vm.assertEq(market.balanceOf(address(attacker)), 0, "nothing new for the withdrawer");
        vm.assertEq(address(attacker).balance, firstSale, "spent PRICE, received the first sale");
        vm.assertTrue(market.owns(trackId, carol), "carol got the gift");
        vm.assertEq(market.balanceOf(artist) - artistBefore, artistSide(PRICE, REFERRAL_BPS), "the artist was paid");
        vm.assertEq(market.balanceOf(alice), PRICE * REFERRAL_BPS / BPS, "alice was paid for the referral");
        vm.assertEq(market.balanceOf(treasury), 3 * (PRICE * FEE_BPS / BPS), "every fee accrued");
        assertSolvent(everyone(address(attacker)));
    }

    /// @dev A self-purchase made from inside a withdrawal is refused like any other: the artist, while
    ///      being paid, tries to gift its own track.
    function test_reentrantSelfPurchase_duringWithdrawalIsRefused() public {
        ReentrantBuyer attacker = new ReentrantBuyer(market);
        uint256 id = registerAsContract(address(attacker));
        pay(alice, id, address(0), PRICE);
        vm.deal(address(attacker), PRICE);

        attacker.arm(id, carol, alice);
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.TransferFailed.selector, address(attacker), artistSide(PRICE, 0)));
        vm.prank(address(attacker));
        market.withdraw();
        vm.assertFalse(market.owns(id, carol), "no gift");
        vm.assertEq(market.balanceOf(address(attacker)), artistSide(PRICE, 0), "its balance is intact");
        assertSolvent(everyone(address(attacker)));
    }

    function test_reentrantPurchase_byTheFeeRecipientDuringItsWithdrawal() public {
        ReentrantBuyer attacker = new ReentrantBuyer(market);
        vm.prank(operator);
        market.setFeeRecipient(address(attacker));
        pay(alice, trackId, address(0), PRICE);
        uint256 fee = PRICE * FEE_BPS / BPS;
        vm.deal(address(attacker), PRICE);

        attacker.arm(trackId, address(attacker), address(0));
        vm.prank(address(attacker));
        uint256 paid = market.withdraw();

        vm.assertEq(paid, fee, "withdrew the accrued fee");
        (,, uint256 accrued) = market.feeConfig();
        vm.assertEq(accrued, fee, "the inner sale accrued a fresh fee");
        vm.assertEq(market.balanceOf(address(attacker)), fee, "which is its balance now");
        vm.assertTrue(market.owns(trackId, address(attacker)), "it bought the track");
        vm.assertEq(market.balanceOf(artist), 2 * artistSide(PRICE, 0), "the artist was paid twice");
        assertSolvent(everyone(address(attacker)));
    }

    // ------------------------------------------------------------------------------------------
    // Payees that refuse ETH or burn gas
    // ------------------------------------------------------------------------------------------

    function test_revertingPayee_cannotBlockSalesOrOtherPayees() public {
        _assertRefusingPayeeIsContained(address(new RevertingPayee()));
    }

    function test_payeeWithoutReceive_cannotBlockSalesOrOtherPayees() public {
        _assertRefusingPayeeIsContained(address(new MutePayee()));
    }

    function test_gasBurningPayee_cannotBlockSalesOrOtherPayees() public {
        _assertRefusingPayeeIsContained(address(new GasBurner()));
    }

    function test_revertingFeeRecipient_cannotBlockSales() public {
        _assertRefusingFeeRecipientIsContained(address(new RevertingPayee()));
    }

    function test_gasBurningFeeRecipient_cannotBlockSales() public {
        _assertRefusingFeeRecipientIsContained(address(new GasBurner()));
    }

    /// @dev `payee` is an artist, a referrer and a collaborator at once. Sales still go through,
    ///      everyone else withdraws, its own withdrawal fails with its balance intact, and it can
    ///      withdraw to another address.
    function _assertRefusingPayeeIsContained(address payee) internal {
        // As an artist.
        uint256 own = registerAsContract(payee);
        pay(alice, own, address(0), PRICE);
        // As a referrer.
        vm.deal(payee, PRICE);
        pay(payee, trackId, address(0), PRICE);
        pay(bob, trackId, payee, PRICE);
        // As a collaborator.
        BittunesMarket.Collaborator[] memory list = new BittunesMarket.Collaborator[](2);
        list[0] = BittunesMarket.Collaborator({account: payee, bps: 3_000});
        list[1] = BittunesMarket.Collaborator({account: collab1, bps: 2_000});
        vm.prank(artist);
        uint256 shared = market.register(PRICE, REFERRAL_BPS, nextContentHash(), "", list);
        pay(carol, shared, address(0), PRICE);

        uint256 collabSide = artistSide(PRICE, 0);
        uint256 owed = artistSide(PRICE, 0) + PRICE * REFERRAL_BPS / BPS + collabSide * 3_000 / BPS;
        vm.assertEq(market.balanceOf(payee), owed, "credited as artist, referrer and collaborator");
        vm.assertTrue(market.owns(own, alice) && market.owns(trackId, bob) && market.owns(shared, carol), "sold");

        address[3] memory others = [artist, treasury, collab1];
        for (uint256 i; i < others.length; ++i) {
            uint256 due = market.balanceOf(others[i]);
            uint256 before = others[i].balance;
            vm.prank(others[i]);
            market.withdraw{gas: TX_GAS}();
            vm.assertEq(others[i].balance - before, due, "every other payee withdraws");
        }

        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.TransferFailed.selector, payee, owed));
        vm.prank(payee);
        market.withdraw{gas: TX_GAS}();
        vm.assertEq(market.balanceOf(payee), owed, "its balance is intact");
        assertSolvent(everyone(payee));

        uint256 daveBefore = dave.balance;
        vm.prank(payee);
        market.withdrawTo{gas: TX_GAS}(dave);
        vm.assertEq(dave.balance - daveBefore, owed, "it withdraws to a working address");
        vm.assertEq(market.balanceOf(payee), 0, "and is paid out");
        vm.assertEq(address(market).balance, 0, "nothing stuck");
    }

    function test_withdrawTo_aRefusingAddressFailsAndKeepsTheBalance() public {
        pay(alice, trackId, address(0), PRICE);
        uint256 owed = market.balanceOf(artist);
        address refusing = address(new RevertingPayee());

        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.TransferFailed.selector, refusing, owed));
        vm.prank(artist);
        market.withdrawTo(refusing);
        vm.assertEq(market.balanceOf(artist), owed, "balance intact");
        vm.assertEq(refusing.balance, 0, "nothing sent");
    }

    function _assertRefusingFeeRecipientIsContained(address recipient) internal {
        vm.prank(operator);
        market.setFeeRecipient(recipient);
        pay(alice, trackId, address(0), PRICE);
        pay(bob, trackId, alice, PRICE);
        uint256 fees = 2 * (PRICE * FEE_BPS / BPS);
        vm.assertEq(market.balanceOf(recipient), fees, "fees accrued");

        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.TransferFailed.selector, recipient, fees));
        vm.prank(recipient);
        market.withdraw{gas: TX_GAS}();
        (,, uint256 accrued) = market.feeConfig();
        vm.assertEq(accrued, fees, "accrued fees intact");

        vm.prank(artist);
        market.withdraw{gas: TX_GAS}();
        vm.prank(alice);
        market.withdraw{gas: TX_GAS}();

        uint256 before = treasury.balance;
        vm.prank(recipient);
        market.withdrawTo{gas: TX_GAS}(treasury);
        vm.assertEq(treasury.balance - before, fees, "fees withdrawn elsewhere");
        vm.assertEq(address(market).balance, 0, "nothing stuck");
    }
}

/// @notice Gaming referrals, the fee, and the owner's powers.
contract AttacksOnRulesTest is AttackSpec {
    // ------------------------------------------------------------------------------------------
    // Referral gaming
    // ------------------------------------------------------------------------------------------

    function test_selfReferral_isNeverPaid() public {
        pay(alice, trackId, alice, PRICE);
        pay(bob, trackId, address(0), PRICE);
        gift(bob, carol, trackId, bob, PRICE); // bob owns it and refers his own gift
        vm.assertEq(market.balanceOf(alice), 0, "alice referred her own purchase");
        vm.assertEq(market.balanceOf(bob), 0, "bob referred his own gift");
        vm.assertEq(market.balanceOf(artist), 3 * artistSide(PRICE, 0), "the artist kept every referral share");
    }

    function test_referralByANonOwner_isNeverPaid() public {
        uint256 other = registerAs(artist, PRICE, REFERRAL_BPS);
        pay(dave, other, address(0), PRICE); // dave owns a different track
        pay(alice, trackId, dave, PRICE);
        pay(bob, trackId, carol, PRICE);
        vm.assertEq(market.balanceOf(dave), 0, "owning another track does not count");
        vm.assertEq(market.balanceOf(carol), 0, "owning nothing does not count");
    }

    function test_referralByTheGiftRecipient_isNeverPaid() public {
        gift(bob, carol, trackId, carol, PRICE);
        vm.assertEq(market.balanceOf(carol), 0, "the recipient cannot refer her own gift");
        // And an owner cannot be gifted the track again to collect as its referrer.
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.AlreadyOwned.selector, trackId, carol));
        gift(bob, carol, trackId, carol, PRICE);
    }

    // ------------------------------------------------------------------------------------------
    // Truncation and caps
    // ------------------------------------------------------------------------------------------

    function test_setFeeBps_aboveCapReverts() public {
        uint256[3] memory tooHigh = [MAX_FEE_BPS + 1, 2 ** 16 + FEE_BPS, type(uint256).max];
        for (uint256 i; i < tooHigh.length; ++i) {
            vm.expectRevert(abi.encodeWithSelector(BittunesMarket.FeeTooHigh.selector, tooHigh[i], MAX_FEE_BPS));
            vm.prank(operator);
            market.setFeeBps(tooHigh[i]);
        }
        (, uint256 bps,) = market.feeConfig();
        vm.assertEq(bps, FEE_BPS, "fee unchanged");
    }

    function test_valuesThatWouldTruncateInStorageAreRejected() public {
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.PriceTooHigh.selector, 2 ** 72 + PRICE, 2 ** 72 - 1));
        vm.prank(artist);
        market.setPrice(trackId, 2 ** 72 + PRICE);
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.ReferralShareTooHigh.selector, 2 ** 16 + 100, 5_000));
        vm.prank(artist);
        market.setReferralBps(trackId, 2 ** 16 + 100);
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.PriceTooHigh.selector, 2 ** 72 + 1, 2 ** 72 - 1));
        vm.prank(alice);
        market.register(2 ** 72 + 1, 0, CONTENT_HASH, "", noCollaborators());
        vm.assertEq(market.track(trackId).price, PRICE, "price unchanged");
        vm.assertEq(market.track(trackId).referralBps, REFERRAL_BPS, "referral unchanged");
    }

    function testFuzz_purchase_feeNeverAboveTenPercent(uint256 price, uint256 refBps, bool referred) public {
        price = bound(price, 0, 2 ** 72 - 1);
        refBps = bound(refBps, 0, 5_000);
        vm.prank(operator);
        market.setFeeBps(MAX_FEE_BPS);
        uint256 id = registerAs(artist, price, refBps);
        pay(alice, id, address(0), price);
        uint256 before = market.balanceOf(treasury);
        pay(bob, id, referred ? alice : address(0), price);

        uint256 fee = market.balanceOf(treasury) - before;
        vm.assertLe(fee, price * MAX_FEE_BPS / BPS, "fee <= 10 % of the price");
        vm.assertEq(fee, price / 10, "fee at the cap is exactly floor(price / 10)");
    }

    function test_priceRaisedInFrontOfAPurchase_makesItRevert() public {
        vm.prank(artist);
        market.setPrice(trackId, 10 * PRICE);
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.IncorrectPayment.selector, trackId, PRICE, 10 * PRICE));
        pay(alice, trackId, address(0), PRICE);
        vm.assertEq(address(market).balance, 0, "the buyer kept the money");
    }

    // ------------------------------------------------------------------------------------------
    // Owner powers
    // ------------------------------------------------------------------------------------------

    function test_adminCalls_fromAnyoneButTheOwnerRevert() public {
        address[6] memory callers = [artist, alice, bob, carol, treasury, collab1];
        for (uint256 i; i < callers.length; ++i) {
            address caller = callers[i];
            bytes memory unauthorized = abi.encodeWithSelector(OWNABLE_UNAUTHORIZED, caller);

            vm.expectRevert(unauthorized);
            vm.prank(caller);
            market.setFeeBps(0);

            vm.expectRevert(unauthorized);
            vm.prank(caller);
            market.setFeeRecipient(caller);

            vm.expectRevert(unauthorized);
            vm.prank(caller);
            market.transferOwnership(caller);

            vm.expectRevert(unauthorized);
            vm.prank(caller);
            market.acceptOwnership();

            vm.expectRevert(unauthorized);
            vm.prank(caller);
            market.renounceOwnership();
        }
        (address recipient, uint256 bps,) = market.feeConfig();
        vm.assertEq(recipient, treasury, "fee recipient unchanged");
        vm.assertEq(bps, FEE_BPS, "fee unchanged");
        vm.assertEq(market.owner(), operator, "owner unchanged");
        vm.assertEq(market.pendingOwner(), address(0), "nothing pending");
    }

    function test_pendingOwnership_cannotBeHijacked() public {
        vm.prank(operator);
        market.transferOwnership(dave);

        vm.expectRevert(abi.encodeWithSelector(OWNABLE_UNAUTHORIZED, alice));
        vm.prank(alice);
        market.acceptOwnership();
        vm.expectRevert(abi.encodeWithSelector(OWNABLE_UNAUTHORIZED, dave));
        vm.prank(dave);
        market.transferOwnership(alice); // pending is not owner yet
        vm.expectRevert(abi.encodeWithSelector(OWNABLE_UNAUTHORIZED, dave));
        vm.prank(dave);
        market.setFeeBps(MAX_FEE_BPS);

        vm.assertEq(market.owner(), operator, "owner unchanged");
        vm.assertEq(market.pendingOwner(), dave, "dave still pending");
    }

    function test_artistPowers_areNotTheOwners() public {
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.NotTrackArtist.selector, trackId, operator, artist));
        vm.prank(operator);
        market.setListed(trackId, false);
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.NotTrackArtist.selector, trackId, operator, artist));
        vm.prank(operator);
        market.setPrice(trackId, 0);
    }

    // ------------------------------------------------------------------------------------------
    // Collaborators
    // ------------------------------------------------------------------------------------------

    function test_revertingCollaborator_doesNotBlockSales() public {
        RevertingPayee payee = new RevertingPayee();
        BittunesMarket.Collaborator[] memory list = new BittunesMarket.Collaborator[](1);
        list[0] = BittunesMarket.Collaborator({account: address(payee), bps: 5_000});
        vm.prank(artist);
        uint256 id = market.register(PRICE, REFERRAL_BPS, nextContentHash(), "", list);

        pay(alice, id, address(0), PRICE);
        pay(bob, id, alice, PRICE);

        uint256 share = artistSide(PRICE, 0) * 5_000 / BPS + artistSide(PRICE, REFERRAL_BPS) * 5_000 / BPS;
        vm.assertEq(market.balanceOf(address(payee)), share, "collaborator credited");
        vm.prank(artist);
        market.withdraw();
        vm.prank(alice);
        market.withdraw();
        vm.expectRevert(abi.encodeWithSelector(BittunesMarket.TransferFailed.selector, address(payee), share));
        vm.prank(address(payee));
        market.withdraw();
        assertSolvent(everyone(address(payee)));
    }
}
