// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {BittunesMarket} from "../BittunesMarket.sol";
import {ANY_FEE, ANY_REFERRAL, BaseTest} from "./Base.t.sol";
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
        trackId = market.register(price, referralBps, nextContentHash(), "ipfs://meta", list);
    }

    /// @dev Pays `value` for `trackId` as `buyer` (unlike `buy`, reads nothing from the market first).
    function pay(address buyer, uint256 trackId, address referrer, uint256 value) internal {
        vm.prank(buyer);
        market.purchase{value: value}(trackId, referrer, ANY_FEE, ANY_REFERRAL);
    }

    function gift(address buyer, address recipient, uint256 trackId, address referrer, uint256 value) internal {
        vm.prank(buyer);
        market.purchaseFor{value: value}(recipient, trackId, referrer, ANY_FEE, ANY_REFERRAL);
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
