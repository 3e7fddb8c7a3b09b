// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {BittunesMarket} from "../BittunesMarket.sol";
import {vm} from "./Vm.t.sol";

/// @dev Purchase terms that accept any fee and any referral share: what a purchase did before buyers
///      could name the terms they were quoted. Tests of the terms themselves pass real ones.
uint16 constant ANY_FEE = type(uint16).max;
uint16 constant ANY_REFERRAL = 0;

/// @notice A deployed market, named actors with ETH, and helpers shared by the market's tests.
abstract contract BaseTest {
    uint256 internal constant FEE_BPS = 500; // 5 %
    uint256 internal constant PRICE = 1 ether / 1000;
    uint256 internal constant REFERRAL_BPS = 2_000; // 20 %
    bytes32 internal constant CONTENT_HASH = keccak256("package");

    BittunesMarket internal market;
    uint256 private packages; // how many packages `nextContentHash` handed out

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

    /// @dev Registers a track by `who` at `price` with `referralBps` and no collaborators: the package
    ///      `CONTENT_HASH` the first time, a new package every time after (an artist registers a package once).
    function registerAs(address who, uint256 price, uint256 referralBps) internal returns (uint256 trackId) {
        vm.prank(who);
        trackId = market.register(price, referralBps, nextContentHash(), "ipfs://meta", noCollaborators());
    }

    /// @dev `CONTENT_HASH`, then a different package hash on every call.
    function nextContentHash() internal returns (bytes32) {
        uint256 n = packages++;
        return n == 0 ? CONTENT_HASH : keccak256(abi.encode(CONTENT_HASH, n));
    }

    /// @dev The terms a purchase of `trackId` made now would name: the quoted fee and referral share.
    function quotedTerms(uint256 trackId) internal view returns (uint16 maxFeeBps, uint16 minReferralBps) {
        BittunesMarket.Quote memory q = market.quote(trackId, address(0), address(this), address(this));
        return (q.feeBps, q.referralBps);
    }

    function buy(address buyer, uint256 trackId, address referrer) internal {
        uint256 price = market.track(trackId).price;
        vm.prank(buyer);
        market.purchase{value: price}(trackId, referrer, ANY_FEE, ANY_REFERRAL);
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
