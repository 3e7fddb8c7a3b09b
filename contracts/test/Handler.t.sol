// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {BittunesMarket} from "../BittunesMarket.sol";
import {ANY_FEE, ANY_REFERRAL} from "./Base.t.sol";
import {vm} from "./Vm.t.sol";

/// @notice A payee that cannot receive ETH: its sales must still go through and nobody else may be blocked.
contract RejectingPayee {
    receive() external payable {
        revert("no ETH, thanks");
    }
}

/// @notice Drives the market with random registrations, purchases, gifts, referrals, withdrawals,
///         track changes and fee changes by many actors, keeping its own model of what everyone is owed
///         (the ghost sums) and counting every way the market disagrees with that model.
contract MarketHandler {
    uint256 internal constant BPS = 10_000;
    uint256 internal constant MAX_FEE_BPS = 1_000;
    uint256 internal constant MAX_REFERRAL_BPS = 5_000;
    uint256 internal constant MAX_PRICE = type(uint72).max;

    struct Payee {
        address account;
        uint256 bps;
    }

    struct Model {
        address artist;
        uint256 price;
        uint256 referralBps;
        bool listed;
        Payee[] collaborators;
    }

    BittunesMarket public immutable market;
    address public immutable operator;
    address[] public actors;

    // The model.
    uint256[] public trackIds;
    mapping(uint256 trackId => Model) internal models;
    mapping(uint256 trackId => mapping(address account => bool)) public ghostOwns;
    uint256 public ghostFeeBps;
    address public ghostFeeRecipient;

    // The ghost sums.
    mapping(address account => uint256) public credited;
    mapping(address account => uint256) public withdrawn;
    uint256 public totalCredited;
    uint256 public totalWithdrawn;

    // Disagreements between the market and the model; every invariant wants these at zero.
    uint256 public referrerPaidWithoutOwning;
    uint256 public splitMismatches;
    uint256 public feesAboveCap;
    uint256 public withdrawalMismatches;
    uint256 public acceptedInvalidCalls;
    uint256 public termsMismatches; // a purchase that went through on worse terms than named, or was refused on good ones
    uint256 public selfDealingAccepted; // a purchase by or for a track's artist or collaborator that went through
    uint256 public duplicatePackagesAccepted; // a package registered twice by the same artist

    // Coverage counters, to see that the random walk really exercises the market.
    uint256 public purchases;
    uint256 public referredPurchases;
    uint256 public gifts;
    uint256 public withdrawals;
    uint256 public failedWithdrawals;
    uint256 public termsRefused;
    uint256 public selfPurchasesRefused;
    uint256 public duplicatePackagesRefused;
    mapping(address artist => mapping(bytes32 contentHash => bool)) internal ghostPackages;
    mapping(uint256 trackId => bytes32) internal packageOf;

    // Releases: their tracks in order, price and listing, and coverage of release purchases.
    struct ReleaseModel {
        uint256[] trackIds;
        uint256 price;
        bool listed;
    }

    uint256[] public releaseIds;
    mapping(uint256 releaseId => ReleaseModel) internal releaseModels;
    uint256 public releasePurchases;
    uint256 public releaseTracksSkipped;
    uint256 public releasePurchasesRefused;

    // Scratch space for one purchase's expected credits.
    address[] internal deltaAccounts;
    mapping(address => uint256) internal expectedDelta;
    mapping(address => uint256) internal balanceBefore;

    constructor(BittunesMarket market_, address operator_, address treasury, uint256 feeBps) {
        market = market_;
        operator = operator_;
        ghostFeeBps = feeBps;
        ghostFeeRecipient = treasury;
        actors.push(treasury);
        for (uint256 i = 0; i < 8; ++i) {
            actors.push(vm.addr(uint256(keccak256(abi.encode("actor", i)))));
        }
        actors.push(address(new RejectingPayee()));
        for (uint256 i = 0; i < actors.length; ++i) {
            vm.deal(actors[i], type(uint128).max);
        }
    }

    function actorCount() external view returns (uint256) {
        return actors.length;
    }

    function trackCount() external view returns (uint256) {
        return trackIds.length;
    }

    // ------------------------------------------------------------------------------------------
    // Artists
    // ------------------------------------------------------------------------------------------

    function register(uint256 artistSeed, uint256 price, uint256 referralBps, uint256 collabSeed) external {
        address artist = _actor(artistSeed);
        price = _price(price);
        referralBps = referralBps % (MAX_REFERRAL_BPS + 1);

        // Up to three distinct collaborators, none of them the artist, shares summing to at most 10 000.
        uint256 n = collabSeed % 4;
        BittunesMarket.Collaborator[] memory collaborators = new BittunesMarket.Collaborator[](n);
        uint256 left = BPS;
        uint256 count;
        for (uint256 i = 0; i < n; ++i) {
            address account = _actor(uint256(keccak256(abi.encode(collabSeed, i))));
            if (account == artist || _contains(collaborators, count, account) || left == 0) continue;
            uint256 bps = 1 + uint256(keccak256(abi.encode(collabSeed, "bps", i))) % left;
            collaborators[count++] = BittunesMarket.Collaborator({account: account, bps: uint16(bps)});
            left -= bps;
        }
        assembly {
            mstore(collaborators, count)
        }

        // Packages repeat across calls (a small space of hashes), so artists sometimes register one again.
        bytes32 contentHash = keccak256(abi.encode("package", collabSeed % 16));
        vm.prank(artist);
        try market.register(price, referralBps, contentHash, "", collaborators) returns (uint256 trackId) {
            if (ghostPackages[artist][contentHash]) duplicatePackagesAccepted++;
            ghostPackages[artist][contentHash] = true;
            packageOf[trackId] = contentHash;
            trackIds.push(trackId);
            Model storage m = models[trackId];
            (m.artist, m.price, m.referralBps, m.listed) = (artist, price, referralBps, true);
            for (uint256 i = 0; i < count; ++i) {
                m.collaborators.push(Payee(collaborators[i].account, collaborators[i].bps));
            }
        } catch {
            if (!ghostPackages[artist][contentHash]) acceptedInvalidCalls++; // a valid registration was refused
            duplicatePackagesRefused++;
        }
    }

    /// @dev An artist registers one of their packages again without its collaborators: always refused.
    function reregister(uint256 trackSeed, uint256 price) external {
        if (trackIds.length == 0) return;
        uint256 trackId = trackIds[trackSeed % trackIds.length];
        Model storage m = models[trackId];
        vm.prank(m.artist);
        try market.register(_price(price), 0, packageOf[trackId], "", new BittunesMarket.Collaborator[](0)) {
            duplicatePackagesAccepted++;
        } catch {
            duplicatePackagesRefused++;
        }
    }

    function setPrice(uint256 trackSeed, uint256 price) external {
        if (trackIds.length == 0) return;
        uint256 trackId = trackIds[trackSeed % trackIds.length];
        price = _price(price);
        vm.prank(models[trackId].artist);
        market.setPrice(trackId, price);
        models[trackId].price = price;
    }

    function setReferralBps(uint256 trackSeed, uint256 referralBps) external {
        if (trackIds.length == 0) return;
        uint256 trackId = trackIds[trackSeed % trackIds.length];
        referralBps = referralBps % (MAX_REFERRAL_BPS + 1);
        vm.prank(models[trackId].artist);
        market.setReferralBps(trackId, referralBps);
        models[trackId].referralBps = referralBps;
    }

    function setListed(uint256 trackSeed, bool listed) external {
        if (trackIds.length == 0) return;
        uint256 trackId = trackIds[trackSeed % trackIds.length];
        vm.prank(models[trackId].artist);
        market.setListed(trackId, listed);
        models[trackId].listed = listed;
    }

    // ------------------------------------------------------------------------------------------
    // Fans
    // ------------------------------------------------------------------------------------------

    function purchase(uint256 buyerSeed, uint256 trackSeed, uint256 referrerSeed, uint256 termsSeed) external {
        address buyer = _actor(buyerSeed);
        _buy(buyer, buyer, trackSeed, referrerSeed, termsSeed, false);
    }

    function purchaseFor(
        uint256 buyerSeed,
        uint256 recipientSeed,
        uint256 trackSeed,
        uint256 referrerSeed,
        uint256 termsSeed
    ) external {
        _buy(_actor(buyerSeed), _actor(recipientSeed), trackSeed, referrerSeed, termsSeed, true);
    }

    /// @dev Calls that must fail: buying at a stale price, buying twice, buying a delisted track.
    function purchaseInvalid(uint256 buyerSeed, uint256 trackSeed, uint256 wrongValue) external {
        if (trackIds.length == 0) return;
        address buyer = _actor(buyerSeed);
        uint256 trackId = trackIds[trackSeed % trackIds.length];
        Model storage m = models[trackId];
        uint256 value = m.price;
        if (m.listed && !ghostOwns[trackId][buyer]) {
            value = wrongValue % (MAX_PRICE + 1);
            if (value == m.price) value = m.price + 1;
        }
        uint256 marketBalance = address(market).balance;
        vm.prank(buyer);
        try market.purchase{value: value}(trackId, address(0), ANY_FEE, ANY_REFERRAL) {
            acceptedInvalidCalls++;
        } catch {}
        if (address(market).balance != marketBalance) acceptedInvalidCalls++;
    }

    // ------------------------------------------------------------------------------------------
    // Releases
    // ------------------------------------------------------------------------------------------

    /// @dev An artist groups up to five of their tracks (in the order met from a random start) into a release.
    function registerRelease(uint256 trackSeed, uint256 count, uint256 price) external {
        if (trackIds.length == 0) return;
        address artist = models[trackIds[trackSeed % trackIds.length]].artist;
        uint256[] memory ids = new uint256[](1 + count % 5);
        uint256 found;
        for (uint256 k; k < trackIds.length && found < ids.length; ++k) {
            uint256 trackId = trackIds[(trackSeed + k) % trackIds.length];
            if (models[trackId].artist == artist) ids[found++] = trackId;
        }
        assembly {
            mstore(ids, found)
        }
        price = _price(price);
        vm.prank(artist);
        uint256 releaseId = market.registerRelease(ids, price, "");
        releaseIds.push(releaseId);
        ReleaseModel storage r = releaseModels[releaseId];
        (r.trackIds, r.price, r.listed) = (ids, price, true);
    }

    function setRelease(uint256 releaseSeed, uint256 price, bool listed) external {
        if (releaseIds.length == 0) return;
        uint256 releaseId = releaseIds[releaseSeed % releaseIds.length];
        ReleaseModel storage r = releaseModels[releaseId];
        address artist = models[r.trackIds[0]].artist;
        price = _price(price);
        vm.startPrank(artist);
        market.setReleasePrice(releaseId, price);
        market.setReleaseListed(releaseId, listed);
        vm.stopPrank();
        (r.price, r.listed) = (price, listed);
    }

    /// @dev A release bought (or given) on the terms quoted now: each unowned track's part is credited as a
    ///      single sale at that part, the owned ones are skipped; any invalid release purchase moves nothing.
    function purchaseRelease(uint256 buyerSeed, uint256 recipientSeed, uint256 releaseSeed, uint256 referrerSeed)
        external
    {
        if (releaseIds.length == 0) return;
        uint256 releaseId = releaseIds[releaseSeed % releaseIds.length];
        ReleaseModel storage r = releaseModels[releaseId];
        address buyer = _actor(buyerSeed);
        address recipient = recipientSeed % 3 == 0 ? _actor(recipientSeed >> 8) : buyer;
        address referrer = referrerSeed % 4 == 0 ? address(0) : _actor(referrerSeed >> 8);

        uint256[] memory parts = _releaseParts(r);
        (uint256 value, uint256 minReferral, bool valid) = _releaseTerms(r, parts, buyer, recipient, referrer);
        if (!valid) {
            uint256 marketBalance = address(market).balance;
            vm.prank(buyer);
            try market.purchaseReleaseFor{value: value}(recipient, releaseId, referrer, uint16(ghostFeeBps), 0) {
                acceptedInvalidCalls++;
            } catch {}
            if (address(market).balance != marketBalance) acceptedInvalidCalls++;
            releasePurchasesRefused++;
            return;
        }

        bool anyEligible;
        for (uint256 i; i < r.trackIds.length; ++i) {
            uint256 trackId = r.trackIds[i];
            if (ghostOwns[trackId][recipient]) continue;
            anyEligible = _expectSale(trackId, parts[i], buyer, recipient, referrer) || anyEligible;
        }
        if (!_sendRelease(buyer, recipient, releaseId, referrer, value, minReferral)) {
            termsMismatches++; // refused although everything was valid
            _forgetDeltas();
            return;
        }
        for (uint256 i; i < r.trackIds.length; ++i) {
            if (ghostOwns[r.trackIds[i]][recipient]) releaseTracksSkipped++;
            ghostOwns[r.trackIds[i]][recipient] = true;
        }
        releasePurchases++;
        _checkDeltas(referrer, anyEligible);
    }

    function _sendRelease(
        address buyer,
        address recipient,
        uint256 releaseId,
        address referrer,
        uint256 value,
        uint256 minReferral
    ) internal returns (bool ok) {
        vm.prank(buyer);
        if (recipient == buyer) {
            try market.purchaseRelease{value: value}(releaseId, referrer, uint16(ghostFeeBps), uint16(minReferral)) {
                return true;
            } catch {
                return false;
            }
        }
        try market.purchaseReleaseFor{value: value}(recipient, releaseId, referrer, uint16(ghostFeeBps), uint16(minReferral)) {
            return true;
        } catch {
            return false;
        }
    }

    /// @dev The model's apportionment, computed here independently of the market.
    function _releaseParts(ReleaseModel storage r) internal view returns (uint256[] memory parts) {
        uint256 n = r.trackIds.length;
        parts = new uint256[](n);
        uint256 sum;
        for (uint256 i; i < n; ++i) {
            sum += models[r.trackIds[i]].price;
        }
        uint256 total = r.price < sum ? r.price : sum;
        uint256 left = total;
        for (uint256 i; i + 1 < n; ++i) {
            parts[i] = sum == 0 ? 0 : total * models[r.trackIds[i]].price / sum;
            left -= parts[i];
        }
        parts[n - 1] = left;
    }

    /// @dev The value to send, the lowest credited referral share, and whether the purchase is valid.
    function _releaseTerms(
        ReleaseModel storage r,
        uint256[] memory parts,
        address buyer,
        address recipient,
        address referrer
    ) internal view returns (uint256 value, uint256 minReferral, bool valid) {
        valid = r.listed;
        uint256 bought;
        for (uint256 i; i < r.trackIds.length; ++i) {
            uint256 trackId = r.trackIds[i];
            Model storage m = models[trackId];
            if (m.artist == buyer || m.artist == recipient) valid = false;
            // A track the recipient owns is skipped: its collaborators may buy or be given the others.
            if (ghostOwns[trackId][recipient]) continue;
            if (_isArtistSide(m, buyer) || _isArtistSide(m, recipient)) valid = false;
            if (!m.listed) valid = false;
            value += parts[i];
            bought++;
            if (_eligible(trackId, buyer, recipient, referrer) && (minReferral == 0 || m.referralBps < minReferral)) {
                minReferral = m.referralBps;
            }
        }
        if (bought == 0) valid = false;
    }

    function _eligible(uint256 trackId, address buyer, address recipient, address referrer) internal view returns (bool) {
        return referrer != address(0) && referrer != buyer && referrer != recipient && ghostOwns[trackId][referrer];
    }

    /// @dev The credits of one sale of `trackId` at `price` (the model's split), added to the expected deltas.
    function _expectSale(uint256 trackId, uint256 price, address buyer, address recipient, address referrer)
        internal
        returns (bool eligible)
    {
        Model storage m = models[trackId];
        eligible = _eligible(trackId, buyer, recipient, referrer);
        uint256 fee = price * ghostFeeBps / BPS;
        uint256 referral = eligible ? price * m.referralBps / BPS : 0;
        uint256 artistSide = price - fee - referral;
        if (fee > price * MAX_FEE_BPS / BPS) feesAboveCap++;
        _expect(ghostFeeRecipient, fee);
        _expect(referrer, referral);
        uint256 artistKeeps = artistSide;
        for (uint256 i = 0; i < m.collaborators.length; ++i) {
            uint256 amount = artistSide * m.collaborators[i].bps / BPS;
            _expect(m.collaborators[i].account, amount);
            artistKeeps -= amount;
        }
        _expect(m.artist, artistKeeps);
    }

    // ------------------------------------------------------------------------------------------
    // Payees
    // ------------------------------------------------------------------------------------------

    function withdraw(uint256 actorSeed) external {
        address account = _actor(actorSeed);
        _withdraw(account, account, false);
    }

    function withdrawTo(uint256 actorSeed, uint256 toSeed) external {
        address account = _actor(actorSeed);
        address to = actors[1 + toSeed % 8]; // an externally owned actor: always accepts ETH
        _withdraw(account, to, true);
    }

    // ------------------------------------------------------------------------------------------
    // Owner
    // ------------------------------------------------------------------------------------------

    function setFeeBps(uint256 bps) external {
        bps = bps % (2 * MAX_FEE_BPS);
        vm.prank(operator);
        try market.setFeeBps(bps) {
            if (bps > MAX_FEE_BPS) acceptedInvalidCalls++;
            ghostFeeBps = bps;
        } catch {
            if (bps <= MAX_FEE_BPS) acceptedInvalidCalls++; // counted as a disagreement too
        }
    }

    function setFeeRecipient(uint256 actorSeed) external {
        address recipient = _actor(actorSeed);
        vm.prank(operator);
        market.setFeeRecipient(recipient);
        ghostFeeRecipient = recipient;
    }

    // ------------------------------------------------------------------------------------------
    // Internal
    // ------------------------------------------------------------------------------------------

    function _buy(address buyer, address recipient, uint256 trackSeed, uint256 referrerSeed, uint256 termsSeed, bool gift)
        internal
    {
        if (trackIds.length == 0) return;
        uint256 trackId = trackIds[trackSeed % trackIds.length];
        Model storage m = models[trackId];
        if (!m.listed || ghostOwns[trackId][recipient]) return;

        // Half the time a referrer who owns the track (if any), otherwise anyone, including nobody.
        address referrer = referrerSeed % 5 == 0 ? address(0) : _actor(referrerSeed >> 8);
        bool eligible = referrer != address(0) && referrer != buyer && referrer != recipient
            && ghostOwns[trackId][referrer];

        // The terms named: mostly the ones quoted now, sometimes tighter ones that the market must refuse
        // exactly when the current fee is above them or a credited referrer's share below them.
        (uint16 maxFeeBps, uint16 minReferralBps) = (uint16(ghostFeeBps), uint16(m.referralBps));
        if (termsSeed % 3 == 0) {
            maxFeeBps = uint16((termsSeed >> 8) % (MAX_FEE_BPS + 1));
            minReferralBps = uint16((termsSeed >> 24) % (MAX_REFERRAL_BPS + 1));
        }
        bool worse = ghostFeeBps > maxFeeBps || (eligible && m.referralBps < minReferralBps);
        bool selfDealing = _isArtistSide(m, buyer) || _isArtistSide(m, recipient);
        if (worse || selfDealing) {
            _buyRefused(trackId, buyer, recipient, referrer, maxFeeBps, minReferralBps, gift, selfDealing);
            return;
        }

        // The model's split, computed here independently of the market's library.
        uint256 fee = m.price * ghostFeeBps / BPS;
        uint256 referral = eligible ? m.price * m.referralBps / BPS : 0;
        uint256 artistSide = m.price - fee - referral;
        if (fee > m.price * MAX_FEE_BPS / BPS) feesAboveCap++;

        _expect(ghostFeeRecipient, fee);
        _expect(referrer, referral);
        uint256 artistKeeps = artistSide;
        for (uint256 i = 0; i < m.collaborators.length; ++i) {
            uint256 amount = artistSide * m.collaborators[i].bps / BPS;
            _expect(m.collaborators[i].account, amount);
            artistKeeps -= amount;
        }
        _expect(m.artist, artistKeeps);
        if (referrer != address(0)) _expect(referrer, 0); // watch an ineligible referrer's balance too

        vm.prank(buyer);
        if (gift) {
            try market.purchaseFor{value: m.price}(recipient, trackId, referrer, maxFeeBps, minReferralBps) {}
            catch {
                termsMismatches++; // refused although the terms and the parties were fine
                _forgetDeltas();
                return;
            }
        } else {
            try market.purchase{value: m.price}(trackId, referrer, maxFeeBps, minReferralBps) {}
            catch {
                termsMismatches++;
                _forgetDeltas();
                return;
            }
        }

        ghostOwns[trackId][recipient] = true;
        purchases++;
        if (gift) gifts++;
        if (eligible) referredPurchases++;
        _checkDeltas(referrer, eligible);
    }

    /// @dev A purchase that must be refused (worse terms than named, or self-dealing) and must move nothing.
    function _buyRefused(
        uint256 trackId,
        address buyer,
        address recipient,
        address referrer,
        uint16 maxFeeBps,
        uint16 minReferralBps,
        bool gift,
        bool selfDealing
    ) internal {
        uint256 price = models[trackId].price;
        uint256 marketBalance = address(market).balance;
        bool accepted = true;
        vm.prank(buyer);
        if (gift) {
            try market.purchaseFor{value: price}(recipient, trackId, referrer, maxFeeBps, minReferralBps) {}
            catch {
                accepted = false;
            }
        } else {
            try market.purchase{value: price}(trackId, referrer, maxFeeBps, minReferralBps) {}
            catch {
                accepted = false;
            }
        }
        if (accepted || address(market).balance != marketBalance || market.owns(trackId, recipient)) {
            if (selfDealing) selfDealingAccepted++;
            else termsMismatches++;
            if (accepted) ghostOwns[trackId][recipient] = true; // keep the ownership invariant meaningful
        } else if (selfDealing) {
            selfPurchasesRefused++;
        } else {
            termsRefused++;
        }
    }

    function _isArtistSide(Model storage m, address account) internal view returns (bool) {
        if (account == m.artist) return true;
        for (uint256 i = 0; i < m.collaborators.length; ++i) {
            if (m.collaborators[i].account == account) return true;
        }
        return false;
    }

    function _forgetDeltas() internal {
        for (uint256 i = 0; i < deltaAccounts.length; ++i) {
            delete expectedDelta[deltaAccounts[i]];
            delete balanceBefore[deltaAccounts[i]];
        }
        delete deltaAccounts;
    }

    /// @dev The artist and collaborators of a track, for the invariant that none of them ever owns it.
    function artistSideOf(uint256 trackId) external view returns (address[] memory accounts) {
        Model storage m = models[trackId];
        accounts = new address[](1 + m.collaborators.length);
        accounts[0] = m.artist;
        for (uint256 i = 0; i < m.collaborators.length; ++i) {
            accounts[i + 1] = m.collaborators[i].account;
        }
    }

    function _withdraw(address account, address to, bool redirect) internal {
        uint256 owed = market.balanceOf(account);
        uint256 toBefore = to.balance;
        vm.prank(account);
        if (redirect) {
            try market.withdrawTo(to) returns (uint256 amount) {
                _recordWithdrawal(account, to, owed, amount, toBefore);
            } catch {
                _recordFailedWithdrawal(account, to, owed);
            }
        } else {
            try market.withdraw() returns (uint256 amount) {
                _recordWithdrawal(account, to, owed, amount, toBefore);
            } catch {
                _recordFailedWithdrawal(account, to, owed);
            }
        }
    }

    function _recordWithdrawal(address account, address to, uint256 owed, uint256 amount, uint256 toBefore)
        internal
    {
        if (amount != owed || owed == 0 || to.balance != toBefore + amount || market.balanceOf(account) != 0) {
            withdrawalMismatches++;
        }
        withdrawn[account] += amount;
        totalWithdrawn += amount;
        withdrawals++;
    }

    /// @dev A withdrawal may fail only when nothing is owed or the payee refuses ETH; it must lose nothing.
    function _recordFailedWithdrawal(address account, address to, uint256 owed) internal {
        if (owed != 0 && to.code.length == 0) withdrawalMismatches++;
        if (market.balanceOf(account) != owed) withdrawalMismatches++;
        failedWithdrawals++;
    }

    function _expect(address account, uint256 amount) internal {
        if (account == address(0)) return;
        if (!_seen(account)) {
            deltaAccounts.push(account);
            balanceBefore[account] = market.balanceOf(account);
        }
        expectedDelta[account] += amount;
    }

    function _checkDeltas(address referrer, bool eligible) internal {
        for (uint256 i = 0; i < deltaAccounts.length; ++i) {
            address account = deltaAccounts[i];
            uint256 actual = market.balanceOf(account) - balanceBefore[account];
            uint256 expected = expectedDelta[account];
            if (actual != expected) {
                if (account == referrer && !eligible && actual > expected) referrerPaidWithoutOwning++;
                else splitMismatches++;
            }
            credited[account] += expected;
            totalCredited += expected;
            delete expectedDelta[account];
            delete balanceBefore[account];
        }
        delete deltaAccounts;
    }

    function _seen(address account) internal view returns (bool) {
        for (uint256 i = 0; i < deltaAccounts.length; ++i) {
            if (deltaAccounts[i] == account) return true;
        }
        return false;
    }

    function _actor(uint256 seed) internal view returns (address) {
        return actors[seed % actors.length];
    }

    /// @dev Mostly everyday prices, sometimes free, sometimes near the cap.
    function _price(uint256 seed) internal pure returns (uint256) {
        uint256 kind = seed % 10;
        if (kind == 0) return 0;
        if (kind == 1) return MAX_PRICE - (seed >> 8) % 1e18;
        return (seed >> 8) % 10 ether;
    }

    function _contains(BittunesMarket.Collaborator[] memory list, uint256 count, address account)
        internal
        pure
        returns (bool)
    {
        for (uint256 i = 0; i < count; ++i) {
            if (list[i].account == account) return true;
        }
        return false;
    }
}
