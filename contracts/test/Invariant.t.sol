// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {BittunesMarket} from "../BittunesMarket.sol";
import {MarketHandler} from "./Handler.t.sol";
import {vm} from "./Vm.t.sol";

/// @notice The market's money invariants under random sequences of calls by many actors (release
///         registrations and release purchases among them)
///         (256 runs × 64 calls in CI, set in hardhat.config.js).
contract MarketInvariantTest {
    BittunesMarket internal market;
    MarketHandler internal handler;

    function setUp() public {
        address operator = vm.addr(uint256(keccak256("operator")));
        address treasury = vm.addr(uint256(keccak256("treasury")));
        market = new BittunesMarket(operator, treasury, 500);
        handler = new MarketHandler(market, operator, treasury, 500);
        vm.deal(address(handler), type(uint128).max);
    }

    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](1);
        targets[0] = address(handler);
    }

    /// @notice The market holds exactly what it owes: its ETH == Σ unpaid balances == Σ credited − Σ withdrawn.
    function invariant_balanceEqualsWhatIsOwed() public view {
        uint256 owed;
        for (uint256 i = 0; i < handler.actorCount(); ++i) {
            owed += market.balanceOf(handler.actors(i));
        }
        vm.assertEq(address(market).balance, owed, "ETH held == sum of unpaid balances");
        vm.assertEq(owed, handler.totalCredited() - handler.totalWithdrawn(), "unpaid == credited - withdrawn");
    }

    /// @notice Everyone's balance is what the model credited them less what they withdrew, and nobody
    ///         ever withdrew more than was credited to them.
    function invariant_eachBalanceIsCreditedLessWithdrawn() public view {
        for (uint256 i = 0; i < handler.actorCount(); ++i) {
            address account = handler.actors(i);
            vm.assertLe(handler.withdrawn(account), handler.credited(account), "withdrawn <= credited");
            vm.assertEq(
                market.balanceOf(account),
                handler.credited(account) - handler.withdrawn(account),
                "balance == credited - withdrawn"
            );
        }
    }

    /// @notice Only owners of a track, other than the buyer and the recipient, are ever paid for referring it.
    function invariant_referrersPaidOnlyWhenOwners() public view {
        vm.assertEq(handler.referrerPaidWithoutOwning(), 0, "a referrer was paid without owning the track");
    }

    /// @notice Every sale was split exactly as the rules say (the model's own arithmetic).
    function invariant_splitsFollowTheRules() public view {
        vm.assertEq(handler.splitMismatches(), 0, "a credit differed from the rules");
        vm.assertEq(handler.withdrawalMismatches(), 0, "a withdrawal paid or kept the wrong amount");
        vm.assertEq(handler.acceptedInvalidCalls(), 0, "an invalid call was accepted");
    }

    /// @notice The fee never exceeds its cap.
    function invariant_feeNeverAboveCap() public view {
        (, uint256 bps,) = market.feeConfig();
        (uint256 maxFeeBps,,,,) = market.limits();
        vm.assertLe(bps, maxFeeBps, "fee bps <= cap");
        vm.assertEq(bps, handler.ghostFeeBps(), "fee bps as last set");
        vm.assertEq(handler.feesAboveCap(), 0, "a sale's fee exceeded the cap");
    }

    /// @notice Ownership on-chain is exactly who bought or was given each track.
    function invariant_ownershipMatchesPurchases() public view {
        for (uint256 t = 0; t < handler.trackCount(); ++t) {
            uint256 trackId = handler.trackIds(t);
            for (uint256 i = 0; i < handler.actorCount(); ++i) {
                address account = handler.actors(i);
                vm.assertEq(market.owns(trackId, account), handler.ghostOwns(trackId, account), "owns()");
            }
        }
    }

    /// @notice Purchases go through exactly when the terms named are at least as good as the current
    ///         ones: never on a higher fee or a lower credited referral share than the buyer accepted.
    function invariant_purchasesHonourTheNamedTerms() public view {
        vm.assertEq(handler.termsMismatches(), 0, "a purchase ignored the terms it named");
    }

    /// @notice No artist or collaborator ever buys, is given, or owns their own track.
    function invariant_noSelfPurchases() public view {
        vm.assertEq(handler.selfDealingAccepted(), 0, "a self-purchase went through");
        for (uint256 t = 0; t < handler.trackCount(); ++t) {
            uint256 trackId = handler.trackIds(t);
            address[] memory artistSide = handler.artistSideOf(trackId);
            for (uint256 i = 0; i < artistSide.length; ++i) {
                vm.assertFalse(market.owns(trackId, artistSide[i]), "an artist or collaborator owns their track");
            }
        }
    }

    /// @notice An artist registers each package once: a second registration (without its collaborators,
    ///         at any price) is always refused.
    function invariant_packageRegisteredOncePerArtist() public view {
        vm.assertEq(handler.duplicatePackagesAccepted(), 0, "an artist registered a package twice");
    }
}
