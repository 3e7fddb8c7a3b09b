// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {BittunesMarket} from "../BittunesMarket.sol";
import {vm} from "./Vm.t.sol";

/// @notice A deployed market, named actors with ETH, and helpers shared by the market's tests.
abstract contract BaseTest {
    uint256 internal constant FEE_BPS = 500; // 5 %
    uint256 internal constant PRICE = 1 ether / 1000;
    uint256 internal constant REFERRAL_BPS = 2_000; // 20 %
    bytes32 internal constant CONTENT_HASH = keccak256("package");

    BittunesMarket internal market;

    address internal operator = makeActor("operator");
    address internal treasury = makeActor("treasury");
    address internal artist = makeActor("artist");
    address internal alice = makeActor("alice");
    address internal bob = makeActor("bob");
    address internal carol = makeActor("carol");
    address internal dave = makeActor("dave");
    address internal collab1 = makeActor("collab1");
    address internal collab2 = makeActor("collab2");

    function setUp() public virtual {
        market = new BittunesMarket(operator, treasury, FEE_BPS);
        vm.label(address(market), "market");
    }

    function makeActor(string memory name) internal returns (address account) {
        account = vm.addr(uint256(keccak256(bytes(name))));
        vm.label(account, name);
        vm.deal(account, 1_000_000 ether);
    }

    function noCollaborators() internal pure returns (BittunesMarket.Collaborator[] memory) {
        return new BittunesMarket.Collaborator[](0);
    }

    /// @dev Registers a track by `who` at `price` with `referralBps` and no collaborators.
    function registerAs(address who, uint256 price, uint256 referralBps) internal returns (uint256 trackId) {
        vm.prank(who);
        trackId = market.register(price, referralBps, CONTENT_HASH, "ipfs://meta", noCollaborators());
    }

    function buy(address buyer, uint256 trackId, address referrer) internal {
        uint256 price = market.track(trackId).price;
        vm.prank(buyer);
        market.purchase{value: price}(trackId, referrer);
    }

    /// @dev x mapped into [lo, hi] (forge-std's `bound`, which cannot be installed here).
    function bound(uint256 x, uint256 lo, uint256 hi) internal pure returns (uint256) {
        require(lo <= hi, "bound: lo > hi");
        if (x >= lo && x <= hi) return x;
        uint256 size = hi - lo + 1;
        if (size == 0) return x; // the whole uint256 range
        return lo + x % size;
    }
}
