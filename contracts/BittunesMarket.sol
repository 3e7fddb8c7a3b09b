// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {Split} from "./libraries/Split.sol";

/// @title Bittunes market
/// @notice Artists register tracks and sell them straight to fans. Any fan who owns a track may pass
///         it on: when someone buys through them, they are paid the referral share the artist chose,
///         in the same transaction. Every sale is split between the platform fee, the referrer and
///         the artist side (shared among collaborators), and credited to balances that their owners
///         withdraw (pull payments).
/// @dev The owner can set the platform fee (at most `MAX_FEE_BPS`) and its recipient, and hand
///      ownership on in two steps. Nothing else: no pause, no upgrade, no power over tracks or
///      balances. The fee accrues in the fee configuration's own storage slot (see `FeeConfig`), so a
///      sale touches one slot for it instead of two.
contract BittunesMarket is Ownable2Step, ReentrancyGuardTransient {
    // ------------------------------------------------------------------------------------------
    // Types
    // ------------------------------------------------------------------------------------------

    /// @notice A collaborator of a track and their fixed share of the artist side.
    /// @param account Where the collaborator's credits go.
    /// @param bps The collaborator's share of the artist side, in basis points.
    struct Collaborator {
        address account;
        uint16 bps;
    }

    /// @notice Everything about a track that a purchase reads, packed into one storage slot.
    /// @param artist The registrant: controls the track and is its first payee.
    /// @param price The current price in wei.
    /// @param referralBps The referrer's share of the price, in basis points.
    /// @param flags `LISTED` and `HAS_COLLABORATORS` bits.
    struct Track {
        address artist;
        uint72 price;
        uint16 referralBps;
        uint8 flags;
    }

    /// @notice Whether an account owns a track: `OWNED` or 0.
    /// @dev A struct, so that a purchase checks and records ownership through one storage pointer (one
    ///      slot computation instead of two).
    struct Ownership {
        uint256 state;
    }

    /// @notice The platform fee settings and the fees accrued since the recipient last withdrew.
    /// @dev `accrued` is part of `recipient`'s balance. It is moved into `_balances` when the
    ///      recipient changes or when it would overflow 80 bits.
    struct FeeConfig {
        address recipient;
        uint16 bps;
        uint80 accrued;
    }

    /// @notice A track as returned by `track`.
    struct TrackInfo {
        address artist;
        uint256 price;
        uint256 referralBps;
        bool listed;
        bytes32 contentHash;
        Collaborator[] collaborators;
    }

    /// @notice What a purchase made now would cost and pay, as returned by `quote`. A purchase passes
    ///         `feeBps` as its `maxFeeBps` and `referralBps` as its `minReferralBps`.
    /// @param price The value to send, in wei.
    /// @param feeBps The platform fee now, in basis points.
    /// @param referralBps The track's referral share now, in basis points (paid only to a credited referrer).
    /// @param creditedReferrer The referrer that would be credited (zero when the one given is ineligible).
    /// @param artistAmount The artist side (artist and collaborators together).
    /// @param referrerAmount The credited referrer's share.
    /// @param feeAmount The platform fee.
    struct Quote {
        uint256 price;
        uint16 feeBps;
        uint16 referralBps;
        address creditedReferrer;
        uint256 artistAmount;
        uint256 referrerAmount;
        uint256 feeAmount;
    }

    /// @notice A release (album, EP, single) as stored: one slot.
    /// @param artist The registrant, the artist of every track in it.
    /// @param price The release price in wei; a buyer pays at most the sum of its tracks' prices.
    /// @param flags `LISTED` bit.
    struct Release {
        address artist;
        uint72 price;
        uint8 flags;
    }

    /// @notice A release as returned by `release`.
    struct ReleaseInfo {
        address artist;
        uint256 price;
        bool listed;
        uint256[] trackIds;
    }

    /// @notice One track of a release purchase made now, as returned in a `ReleaseQuote`.
    /// @param trackId The track.
    /// @param trackPrice The track's own current price.
    /// @param amount Its apportioned part of the release price (0 when skipped).
    /// @param skipped Whether the recipient owns it already: not bought, not charged.
    /// @param creditedReferrer The referrer credited for it (zero when ineligible or skipped).
    /// @param referralBps The track's referral share now, in basis points.
    /// @param artistAmount The artist side of `amount`.
    /// @param referrerAmount The credited referrer's share of `amount`.
    /// @param feeAmount The platform fee on `amount`.
    struct ReleaseTrackQuote {
        uint256 trackId;
        uint256 trackPrice;
        uint256 amount;
        bool skipped;
        address creditedReferrer;
        uint16 referralBps;
        uint256 artistAmount;
        uint256 referrerAmount;
        uint256 feeAmount;
    }

    /// @notice What a release purchase made now would cost and pay, as returned by `quoteRelease`. A
    ///         purchase passes `amount` as its value, `feeBps` as `maxFeeBps` and `minReferralBps` as
    ///         `minReferralBps`.
    /// @param amount The value to send: the sum of the bought tracks' amounts.
    /// @param effectivePrice min(release price, sum of the tracks' prices): what the whole release costs.
    /// @param sumOfPrices The sum of the tracks' own prices.
    /// @param feeBps The platform fee now, in basis points.
    /// @param minReferralBps The lowest referral share among the tracks whose referrer would be credited
    ///        (0 when none would be).
    /// @param tracksBought How many tracks would be bought (not skipped).
    /// @param tracks Every track of the release, in the release's order.
    struct ReleaseQuote {
        uint256 amount;
        uint256 effectivePrice;
        uint256 sumOfPrices;
        uint16 feeBps;
        uint16 minReferralBps;
        uint256 tracksBought;
        ReleaseTrackQuote[] tracks;
    }

    // ------------------------------------------------------------------------------------------
    // Errors
    // ------------------------------------------------------------------------------------------

    /// @notice No track has this id.
    /// @param trackId The id asked for.
    error UnknownTrack(uint256 trackId);

    /// @notice Only the track's artist may do this.
    /// @param trackId The track.
    /// @param caller Who tried.
    /// @param artist The track's artist.
    error NotTrackArtist(uint256 trackId, address caller, address artist);

    /// @notice The track is delisted and cannot be bought.
    /// @param trackId The track.
    error TrackNotListed(uint256 trackId);

    /// @notice The value sent is not the track's current price.
    /// @param trackId The track.
    /// @param sent The value sent with the call.
    /// @param price The current price: resend exactly this.
    error IncorrectPayment(uint256 trackId, uint256 sent, uint256 price);

    /// @notice The platform fee rose above, or the referral share of a credited referrer fell below, what
    ///         the buyer was quoted (see `quote`): the terms changed against the buyer since.
    /// @param trackId The track.
    /// @param feeBps The platform fee now, in basis points.
    /// @param referralBps The track's referral share now, in basis points.
    /// @param maxFeeBps The highest fee the buyer accepted.
    /// @param minReferralBps The lowest referral share the buyer accepted for their referrer.
    error TermsChanged(uint256 trackId, uint256 feeBps, uint256 referralBps, uint256 maxFeeBps, uint256 minReferralBps);

    /// @notice The track's artist or one of its collaborators cannot buy it, nor be given it: a sale to
    ///         oneself is not a sale.
    /// @param trackId The track.
    /// @param account The artist or collaborator who is the buyer or the recipient.
    error SelfPurchase(uint256 trackId, address account);

    /// @notice The recipient already owns the track.
    /// @param trackId The track.
    /// @param account The owner.
    error AlreadyOwned(uint256 trackId, address account);

    /// @notice The price does not fit the track's storage.
    /// @param price The price asked for.
    /// @param maxPrice The largest price a track can have.
    error PriceTooHigh(uint256 price, uint256 maxPrice);

    /// @notice The referral share is above the cap.
    /// @param bps The share asked for.
    /// @param maxBps The cap, `MAX_REFERRAL_BPS`.
    error ReferralShareTooHigh(uint256 bps, uint256 maxBps);

    /// @notice The platform fee is above the cap.
    /// @param bps The fee asked for.
    /// @param maxBps The cap, `MAX_FEE_BPS`.
    error FeeTooHigh(uint256 bps, uint256 maxBps);

    /// @notice A track registration must name the sha256 of the package being sold.
    error MissingContentHash();

    /// @notice The caller already registered this package: a package is registered once per artist, so
    ///         that its collaborators cannot be dropped by registering it again.
    /// @param artist The caller.
    /// @param contentHash The package.
    /// @param trackId The track it is registered as.
    error PackageAlreadyRegistered(address artist, bytes32 contentHash, uint256 trackId);

    /// @notice Too many collaborators.
    /// @param count The number given.
    /// @param maxCount `MAX_COLLABORATORS`.
    error TooManyCollaborators(uint256 count, uint256 maxCount);

    /// @notice A collaborator is the zero address, the market, the artist, or listed twice.
    /// @param index The collaborator's position in the list.
    /// @param account The collaborator.
    error InvalidCollaborator(uint256 index, address account);

    /// @notice A collaborator's share is zero.
    /// @param index The collaborator's position in the list.
    error ZeroCollaboratorShare(uint256 index);

    /// @notice The collaborators' shares add up to more than the whole artist side.
    /// @param totalBps Their sum.
    /// @param maxBps 10 000.
    error CollaboratorSharesTooHigh(uint256 totalBps, uint256 maxBps);

    /// @notice Neither the zero address nor the market itself can own tracks, be paid fees or
    ///         shares, or receive withdrawals: whatever went there would be lost.
    /// @param account The address refused.
    error InvalidAddress(address account);

    /// @notice The account has nothing to withdraw.
    /// @param account The account.
    error NothingToWithdraw(address account);

    /// @notice Sending the withdrawal failed; the balance is unchanged. Try `withdrawTo` another address.
    /// @param to The address that refused the payment.
    /// @param amount The amount.
    error TransferFailed(address to, uint256 amount);

    /// @notice No release has this id.
    /// @param releaseId The id asked for.
    error UnknownRelease(uint256 releaseId);

    /// @notice Only the release's artist may do this.
    /// @param releaseId The release.
    /// @param caller Who tried.
    /// @param artist The release's artist.
    error NotReleaseArtist(uint256 releaseId, address caller, address artist);

    /// @notice The release is delisted and cannot be bought as a release.
    /// @param releaseId The release.
    error ReleaseNotListed(uint256 releaseId);

    /// @notice A release must have between 1 and `MAX_RELEASE_TRACKS` tracks.
    /// @param count The number given.
    /// @param maxCount `MAX_RELEASE_TRACKS`.
    error InvalidReleaseTrackCount(uint256 count, uint256 maxCount);

    /// @notice A track is named twice in a release.
    /// @param index The position of the second mention.
    /// @param trackId The track.
    error DuplicateReleaseTrack(uint256 index, uint256 trackId);

    /// @notice The value sent is not what the release costs the recipient now (the apportioned prices of
    ///         the tracks they do not own yet; see `quoteRelease`).
    /// @param releaseId The release.
    /// @param sent The value sent with the call.
    /// @param amount What to send: resend exactly this.
    error IncorrectReleasePayment(uint256 releaseId, uint256 sent, uint256 amount);

    /// @notice The recipient already owns every track of the release.
    /// @param releaseId The release.
    /// @param account The recipient.
    error ReleaseAlreadyOwned(uint256 releaseId, address account);

    /// @notice The market always has an owner: ownership can be transferred, not renounced.
    error RenounceDisabled();

    // ------------------------------------------------------------------------------------------
    // Events
    // ------------------------------------------------------------------------------------------

    /// @notice A track was registered; it is listed from now on.
    /// @param trackId The new track's id.
    /// @param artist The registrant, the first payee.
    /// @param price The price in wei.
    /// @param referralBps The referrer's share in basis points.
    /// @param contentHash The sha256 of the encrypted package being sold.
    /// @param metadataURI Where the track's metadata lives.
    event TrackRegistered(
        uint256 indexed trackId,
        address indexed artist,
        uint256 price,
        uint256 referralBps,
        bytes32 contentHash,
        string metadataURI
    );

    /// @notice A collaborator was registered on a track (emitted right after `TrackRegistered`).
    /// @param trackId The track.
    /// @param account The collaborator.
    /// @param bps Their share of the artist side, in basis points.
    event CollaboratorAdded(uint256 indexed trackId, address indexed account, uint256 bps);

    /// @notice A track's price changed, for future sales.
    /// @param trackId The track.
    /// @param previousPrice The old price in wei.
    /// @param newPrice The new price in wei.
    event PriceUpdated(uint256 indexed trackId, uint256 previousPrice, uint256 newPrice);

    /// @notice A track's referral share changed, for future sales.
    /// @param trackId The track.
    /// @param previousBps The old share in basis points.
    /// @param newBps The new share in basis points.
    event ReferralShareUpdated(uint256 indexed trackId, uint256 previousBps, uint256 newBps);

    /// @notice A track was listed or delisted.
    /// @param trackId The track.
    /// @param listed Whether it can be bought now.
    event ListingUpdated(uint256 indexed trackId, bool listed);

    /// @notice A track's metadata URI changed.
    /// @param trackId The track.
    /// @param metadataURI The new URI.
    event MetadataURIUpdated(uint256 indexed trackId, string metadataURI);

    /// @notice A track was bought. `price == artistAmount + referrerAmount + feeAmount`.
    /// @dev On tracks with collaborators, `CollaboratorCredited` events follow, each moving part of
    ///      `artistAmount` from the artist to a collaborator.
    /// @param trackId The track.
    /// @param buyer Who paid.
    /// @param recipient Who owns the track now (the buyer, or the friend they bought it for).
    /// @param referrer The eligible referrer credited, or the zero address when there was none.
    /// @param price The price paid, in wei.
    /// @param artistAmount The artist side (artist and collaborators together).
    /// @param referrerAmount The referrer's share.
    /// @param feeAmount The platform fee.
    event Purchased(
        uint256 indexed trackId,
        address buyer,
        address indexed recipient,
        address indexed referrer,
        uint256 price,
        uint256 artistAmount,
        uint256 referrerAmount,
        uint256 feeAmount
    );

    /// @notice A collaborator was credited their share of a sale's artist side.
    /// @param trackId The track sold.
    /// @param account The collaborator.
    /// @param amount The amount credited, in wei.
    event CollaboratorCredited(uint256 indexed trackId, address indexed account, uint256 amount);

    /// @notice A release was registered; it is listed from now on.
    /// @param releaseId The new release's id.
    /// @param artist The registrant, the artist of every track in it.
    /// @param price The release price in wei.
    /// @param trackIds Its tracks, in order.
    /// @param metadataURI Where the release's metadata lives.
    event ReleaseRegistered(
        uint256 indexed releaseId, address indexed artist, uint256 price, uint256[] trackIds, string metadataURI
    );

    /// @notice A release's price changed, for future sales.
    /// @param releaseId The release.
    /// @param previousPrice The old price in wei.
    /// @param newPrice The new price in wei.
    event ReleasePriceUpdated(uint256 indexed releaseId, uint256 previousPrice, uint256 newPrice);

    /// @notice A release was listed or delisted.
    /// @param releaseId The release.
    /// @param listed Whether it can be bought as a release now.
    event ReleaseListingUpdated(uint256 indexed releaseId, bool listed);

    /// @notice A release was bought: its tracks the recipient did not own were sold, each with its own
    ///         `Purchased` event (emitted before this one) at its apportioned price.
    /// @param releaseId The release.
    /// @param buyer Who paid.
    /// @param recipient Who owns the tracks now.
    /// @param referrer The referrer the buyer named (each track's `Purchased` says whether it was credited).
    /// @param amount The value paid: the sum of the bought tracks' `Purchased` prices.
    /// @param tracksBought How many tracks were bought (the others were owned already and not charged).
    event ReleasePurchased(
        uint256 indexed releaseId,
        address buyer,
        address indexed recipient,
        address indexed referrer,
        uint256 amount,
        uint256 tracksBought
    );

    /// @notice An account withdrew its whole balance.
    /// @param account Whose balance it was.
    /// @param to Where the ETH was sent.
    /// @param amount The amount, in wei.
    event Withdrawn(address indexed account, address indexed to, uint256 amount);

    /// @notice The platform fee changed, for future sales.
    /// @param previousBps The old fee in basis points.
    /// @param newBps The new fee in basis points.
    event FeeUpdated(uint256 previousBps, uint256 newBps);

    /// @notice The platform fee recipient changed. Fees accrued so far stay with the previous one.
    /// @param previousRecipient The old recipient (zero at deployment).
    /// @param newRecipient The new recipient.
    event FeeRecipientUpdated(address indexed previousRecipient, address indexed newRecipient);

    // ------------------------------------------------------------------------------------------
    // Constants
    // ------------------------------------------------------------------------------------------

    /// @notice The highest platform fee the owner can set: 10 %. (All four caps are read by `limits`.)
    uint256 internal constant MAX_FEE_BPS = 1_000;
    /// @notice The highest referral share an artist can choose: 50 %.
    uint256 internal constant MAX_REFERRAL_BPS = 5_000;
    /// @notice The most collaborators a track can have besides its artist.
    uint256 internal constant MAX_COLLABORATORS = 7;
    /// @notice The highest price a track can have (2^72 − 1 wei, about 4 722 ETH).
    uint256 internal constant MAX_PRICE = type(uint72).max;

    /// @notice The most tracks a release can have.
    uint256 internal constant MAX_RELEASE_TRACKS = 50;

    uint8 private constant LISTED = 1;
    uint8 private constant HAS_COLLABORATORS = 2;
    /// @dev Ownership is a full word, so recording it is one plain store rather than a read-modify-write.
    uint256 private constant OWNED = 1;

    // ------------------------------------------------------------------------------------------
    // Storage
    // ------------------------------------------------------------------------------------------

    FeeConfig private _fee;

    /// @notice How many tracks have been registered; track ids run from 1 to `trackCount`.
    uint256 public trackCount;

    mapping(uint256 trackId => Track) private _tracks;

    /// @notice How many releases have been registered; release ids run from 1 to `releaseCount`.
    uint256 public releaseCount;

    mapping(uint256 releaseId => Release) private _releases;
    /// @dev Track ids as `uint64`, four to a slot: an id exists only up to `trackCount`, far below 2^64.
    mapping(uint256 releaseId => uint64[]) private _releaseTracks;
    mapping(uint256 trackId => bytes32) private _contentHashes;
    mapping(address artist => mapping(bytes32 contentHash => uint256 trackId)) private _tracksByPackage;
    mapping(uint256 trackId => Collaborator[]) private _collaborators;
    mapping(uint256 trackId => mapping(address account => Ownership)) private _owners;
    mapping(address account => uint256) private _balances;

    // ------------------------------------------------------------------------------------------
    // Constructor
    // ------------------------------------------------------------------------------------------

    /// @param initialOwner The operator who may set the fee and its recipient.
    /// @param feeRecipient_ Where the platform fee goes.
    /// @param feeBps_ The platform fee in basis points, at most `MAX_FEE_BPS`.
    constructor(address initialOwner, address feeRecipient_, uint256 feeBps_) Ownable(initialOwner) {
        _checkAccount(feeRecipient_);
        if (feeBps_ > MAX_FEE_BPS) revert FeeTooHigh(feeBps_, MAX_FEE_BPS);
        _fee = FeeConfig({recipient: feeRecipient_, bps: uint16(feeBps_), accrued: 0});
        emit FeeRecipientUpdated(address(0), feeRecipient_);
        emit FeeUpdated(0, feeBps_);
    }

    // ------------------------------------------------------------------------------------------
    // Artists
    // ------------------------------------------------------------------------------------------

    /// @notice Registers a track sold by the caller. It is listed at once. Each artist registers a
    ///         package (content hash) once; other artists may name the same hash (so that nobody can
    ///         squat a package before its artist registers it), and the market's pages list a track only
    ///         with the package its own artist uploaded.
    /// @param price The price in wei, at most `MAX_PRICE`.
    /// @param referralBps The share of each sale paid to an eligible referrer, at most `MAX_REFERRAL_BPS`.
    /// @param contentHash The sha256 of the encrypted package being sold (not zero).
    /// @param metadataURI Where the track's metadata lives.
    /// @param collaborators Who shares the artist side with the caller, and their fixed shares in basis
    ///        points (the caller keeps the rest and the rounding dust); at most `MAX_COLLABORATORS`.
    /// @return trackId The new track's id.
    function register(
        uint256 price,
        uint256 referralBps,
        bytes32 contentHash,
        string calldata metadataURI,
        Collaborator[] calldata collaborators
    ) external returns (uint256 trackId) {
        _checkPrice(price);
        _checkReferralBps(referralBps);
        if (contentHash == bytes32(0)) revert MissingContentHash();
        mapping(bytes32 => uint256) storage registered = _tracksByPackage[msg.sender];
        uint256 existing = registered[contentHash];
        if (existing != 0) revert PackageAlreadyRegistered(msg.sender, contentHash, existing);
        _checkCollaborators(collaborators);

        trackId = ++trackCount;
        registered[contentHash] = trackId;
        uint8 flags = LISTED;
        if (collaborators.length != 0) flags |= HAS_COLLABORATORS;
        _tracks[trackId] =
            Track({artist: msg.sender, price: uint72(price), referralBps: uint16(referralBps), flags: flags});
        _contentHashes[trackId] = contentHash;
        emit TrackRegistered(trackId, msg.sender, price, referralBps, contentHash, metadataURI);

        Collaborator[] storage stored = _collaborators[trackId];
        for (uint256 i; i < collaborators.length; ++i) {
            stored.push(collaborators[i]);
            emit CollaboratorAdded(trackId, collaborators[i].account, collaborators[i].bps);
        }
    }

    /// @notice Changes a track's price for future sales. Only its artist may.
    /// @param trackId The track.
    /// @param price The new price in wei, at most `MAX_PRICE`.
    function setPrice(uint256 trackId, uint256 price) external {
        Track storage t = _artistTrack(trackId);
        _checkPrice(price);
        uint256 previous = t.price;
        t.price = uint72(price);
        emit PriceUpdated(trackId, previous, price);
    }

    /// @notice Changes a track's referral share for future sales. Only its artist may.
    /// @param trackId The track.
    /// @param referralBps The new share in basis points, at most `MAX_REFERRAL_BPS`.
    function setReferralBps(uint256 trackId, uint256 referralBps) external {
        Track storage t = _artistTrack(trackId);
        _checkReferralBps(referralBps);
        uint256 previous = t.referralBps;
        t.referralBps = uint16(referralBps);
        emit ReferralShareUpdated(trackId, previous, referralBps);
    }

    /// @notice Lists or delists a track. A delisted track cannot be bought; owners keep it. Only its
    ///         artist may.
    /// @param trackId The track.
    /// @param listed Whether it can be bought.
    function setListed(uint256 trackId, bool listed) external {
        Track storage t = _artistTrack(trackId);
        t.flags = listed ? t.flags | LISTED : t.flags & ~LISTED;
        emit ListingUpdated(trackId, listed);
    }

    /// @notice Points a track at new metadata. Only its artist may.
    /// @param trackId The track.
    /// @param metadataURI The new URI.
    function setMetadataURI(uint256 trackId, string calldata metadataURI) external {
        _artistTrack(trackId);
        emit MetadataURIUpdated(trackId, metadataURI);
    }

    /// @notice Registers a release (album, EP, single) of the caller's tracks, in order. It is listed at
    ///         once. A buyer of the release pays min(`price`, the sum of its tracks' prices then),
    ///         apportioned over its tracks (see `purchaseRelease`).
    /// @param trackIds Its tracks, in order: 1 to `MAX_RELEASE_TRACKS` of the caller's tracks, no repeats.
    /// @param price The release price in wei, at most `MAX_PRICE`.
    /// @param metadataURI Where the release's metadata lives.
    /// @return releaseId The new release's id.
    function registerRelease(uint256[] calldata trackIds, uint256 price, string calldata metadataURI)
        external
        returns (uint256 releaseId)
    {
        _checkPrice(price);
        uint256 n = trackIds.length;
        if (n == 0 || n > MAX_RELEASE_TRACKS) revert InvalidReleaseTrackCount(n, MAX_RELEASE_TRACKS);
        uint64[] memory packed = new uint64[](n);
        for (uint256 i; i < n; ++i) {
            uint256 trackId = trackIds[i];
            _artistTrack(trackId); // so trackId <= trackCount < 2^64
            for (uint256 j; j < i; ++j) {
                if (trackIds[j] == trackId) revert DuplicateReleaseTrack(i, trackId);
            }
            packed[i] = uint64(trackId);
        }
        releaseId = ++releaseCount;
        _releases[releaseId] = Release({artist: msg.sender, price: uint72(price), flags: LISTED});
        _releaseTracks[releaseId] = packed;
        emit ReleaseRegistered(releaseId, msg.sender, price, trackIds, metadataURI);
    }

    /// @notice Changes a release's price for future sales. Only its artist may.
    /// @param releaseId The release.
    /// @param price The new price in wei, at most `MAX_PRICE`.
    function setReleasePrice(uint256 releaseId, uint256 price) external {
        Release storage r = _artistRelease(releaseId);
        _checkPrice(price);
        uint256 previous = r.price;
        r.price = uint72(price);
        emit ReleasePriceUpdated(releaseId, previous, price);
    }

    /// @notice Lists or delists a release. A delisted release cannot be bought as a release; its tracks
    ///         keep their own listing. Only its artist may.
    /// @param releaseId The release.
    /// @param listed Whether it can be bought.
    function setReleaseListed(uint256 releaseId, bool listed) external {
        Release storage r = _artistRelease(releaseId);
        r.flags = listed ? r.flags | LISTED : r.flags & ~LISTED;
        emit ReleaseListingUpdated(releaseId, listed);
    }

    // ------------------------------------------------------------------------------------------
    // Fans
    // ------------------------------------------------------------------------------------------

    /// @notice Buys every track of a release the caller does not own yet, in one transaction, on the
    ///         terms it was quoted (`quoteRelease`). Tracks owned already are skipped and not charged.
    /// @dev The release price P = min(release price, sum of its tracks' current prices) is apportioned
    ///      over all its tracks: track i gets floor(P × price_i / sum), the last one the remainder. Each
    ///      bought track is sold at its part exactly as `purchase` sells a track (same checks, same split,
    ///      same `Purchased` and `CollaboratorCredited` events), then `ReleasePurchased` sums them up. A
    ///      track that cannot be sold (delisted, terms changed, self-purchase) reverts the whole purchase
    ///      with that track's error.
    /// @param releaseId The release.
    /// @param referrer As for `purchase`, per track: credited on each track it owns.
    /// @param maxFeeBps As for `purchase`.
    /// @param minReferralBps As for `purchase`, checked on each track whose referrer is credited: the
    ///        `minReferralBps` of `quoteRelease`.
    function purchaseRelease(uint256 releaseId, address referrer, uint16 maxFeeBps, uint16 minReferralBps)
        external
        payable
    {
        _purchaseRelease(releaseId, msg.sender, referrer, maxFeeBps, minReferralBps);
    }

    /// @notice Buys a release for someone else: as `purchaseRelease`, the tracks the recipient owns skipped.
    /// @param recipient Who will own the tracks.
    /// @param releaseId The release.
    /// @param referrer As for `purchaseRelease`; also ineligible when it is the recipient.
    /// @param maxFeeBps As for `purchase`.
    /// @param minReferralBps As for `purchaseRelease`.
    function purchaseReleaseFor(
        address recipient,
        uint256 releaseId,
        address referrer,
        uint16 maxFeeBps,
        uint16 minReferralBps
    ) external payable {
        _checkAccount(recipient);
        _purchaseRelease(releaseId, recipient, referrer, maxFeeBps, minReferralBps);
    }

    /// @notice Buys a track for the caller, paying exactly its current price, on the terms it was quoted.
    /// @dev The artist and the collaborators of a track cannot buy it (`SelfPurchase`).
    /// @param trackId The track.
    /// @param referrer Who passed the track on. Credited only when they own the track and are not the
    ///        buyer; otherwise the sale counts as unreferred and the artist side keeps that share.
    /// @param maxFeeBps The highest platform fee the buyer accepts, in basis points: the `feeBps` of
    ///        `quote`. A higher fee reverts the purchase with `TermsChanged`.
    /// @param minReferralBps The lowest referral share the buyer accepts for a credited referrer, in basis
    ///        points: the `referralBps` of `quote`. A lower share reverts the purchase with `TermsChanged`
    ///        when a referrer is credited, and does not matter when none is.
    function purchase(uint256 trackId, address referrer, uint16 maxFeeBps, uint16 minReferralBps)
        external
        payable
    {
        _purchase(trackId, msg.sender, referrer, maxFeeBps, minReferralBps);
    }

    /// @notice Buys a track for someone else, paying exactly its current price, on the terms it was quoted.
    /// @dev Neither the buyer nor the recipient may be the artist or a collaborator of the track.
    /// @param recipient Who will own the track.
    /// @param trackId The track.
    /// @param referrer As for `purchase`; also ineligible when it is the recipient.
    /// @param maxFeeBps As for `purchase`.
    /// @param minReferralBps As for `purchase`.
    function purchaseFor(
        address recipient,
        uint256 trackId,
        address referrer,
        uint16 maxFeeBps,
        uint16 minReferralBps
    ) external payable {
        _checkAccount(recipient);
        _purchase(trackId, recipient, referrer, maxFeeBps, minReferralBps);
    }

    // ------------------------------------------------------------------------------------------
    // Payees
    // ------------------------------------------------------------------------------------------

    /// @notice Sends the caller's whole balance to the caller.
    /// @return amount The amount sent, in wei.
    function withdraw() external nonReentrant returns (uint256 amount) {
        return _withdraw(msg.sender);
    }

    /// @notice Sends the caller's whole balance to `to` (for payees that cannot receive ETH themselves).
    /// @param to Where to send it.
    /// @return amount The amount sent, in wei.
    function withdrawTo(address to) external nonReentrant returns (uint256 amount) {
        _checkAccount(to);
        return _withdraw(to);
    }

    // ------------------------------------------------------------------------------------------
    // Owner
    // ------------------------------------------------------------------------------------------

    /// @notice Sets the platform fee for future sales. Only the owner may.
    /// @param bps The fee in basis points, at most `MAX_FEE_BPS`.
    function setFeeBps(uint256 bps) external onlyOwner {
        if (bps > MAX_FEE_BPS) revert FeeTooHigh(bps, MAX_FEE_BPS);
        uint256 previous = _fee.bps;
        _fee.bps = uint16(bps);
        emit FeeUpdated(previous, bps);
    }

    /// @notice Sets where future platform fees go. Fees accrued so far stay with the previous
    ///         recipient, who withdraws them as usual. Only the owner may.
    /// @param recipient The new recipient.
    function setFeeRecipient(address recipient) external onlyOwner {
        _checkAccount(recipient);
        FeeConfig memory fee = _fee;
        if (fee.accrued != 0) _balances[fee.recipient] += fee.accrued;
        _fee = FeeConfig({recipient: recipient, bps: fee.bps, accrued: 0});
        emit FeeRecipientUpdated(fee.recipient, recipient);
    }

    /// @notice Always reverts: the market keeps an owner, so fee settings can always be maintained.
    ///         (Anyone but the owner is refused as for every owner power.)
    function renounceOwnership() public view override onlyOwner {
        revert RenounceDisabled();
    }

    // ------------------------------------------------------------------------------------------
    // Views
    // ------------------------------------------------------------------------------------------

    /// @notice Whether `account` owns track `trackId`.
    /// @param trackId The track.
    /// @param account The account.
    /// @return Whether it owns the track.
    function owns(uint256 trackId, address account) external view returns (bool) {
        return _owners[trackId][account].state != 0;
    }

    /// @notice What `account` can withdraw now, in wei.
    /// @param account The account.
    /// @return The balance, fees accrued to the current fee recipient included.
    function balanceOf(address account) external view returns (uint256) {
        uint256 balance = _balances[account];
        if (account == _fee.recipient) balance += _fee.accrued;
        return balance;
    }

    /// @notice A track's current state.
    /// @param trackId The track.
    /// @return info Its artist, price, referral share, listing, content hash and collaborators.
    function track(uint256 trackId) external view returns (TrackInfo memory info) {
        Track memory t = _tracks[trackId];
        if (t.artist == address(0)) revert UnknownTrack(trackId);
        info = TrackInfo({
            artist: t.artist,
            price: t.price,
            referralBps: t.referralBps,
            listed: t.flags & LISTED != 0,
            contentHash: _contentHashes[trackId],
            collaborators: _collaborators[trackId]
        });
    }

    /// @notice The platform fee settings.
    /// @return recipient Where platform fees go.
    /// @return bps The fee in basis points.
    /// @return accrued Fees accrued to `recipient` and not yet withdrawn (part of its `balanceOf`).
    function feeConfig() external view returns (address recipient, uint256 bps, uint256 accrued) {
        FeeConfig memory fee = _fee;
        return (fee.recipient, fee.bps, fee.accrued);
    }

    /// @notice The contract's fixed caps.
    /// @return maxFeeBps The highest platform fee, in basis points.
    /// @return maxReferralBps The highest referral share, in basis points.
    /// @return maxCollaborators The most collaborators a track can have besides its artist.
    /// @return maxPrice The highest price a track or a release can have, in wei.
    /// @return maxReleaseTracks The most tracks a release can have.
    function limits()
        external
        pure
        returns (
            uint256 maxFeeBps,
            uint256 maxReferralBps,
            uint256 maxCollaborators,
            uint256 maxPrice,
            uint256 maxReleaseTracks
        )
    {
        return (MAX_FEE_BPS, MAX_REFERRAL_BPS, MAX_COLLABORATORS, MAX_PRICE, MAX_RELEASE_TRACKS);
    }

    /// @notice A release's current state.
    /// @param releaseId The release.
    /// @return info Its artist, price, listing and tracks in order.
    function release(uint256 releaseId) external view returns (ReleaseInfo memory info) {
        Release memory r = _releases[releaseId];
        if (r.artist == address(0)) revert UnknownRelease(releaseId);
        uint64[] memory packed = _releaseTracks[releaseId];
        uint256[] memory trackIds = new uint256[](packed.length);
        for (uint256 i; i < packed.length; ++i) {
            trackIds[i] = packed[i];
        }
        info = ReleaseInfo({artist: r.artist, price: r.price, listed: r.flags & LISTED != 0, trackIds: trackIds});
    }

    /// @notice What a release purchase made now would cost and pay, track by track. Like `quote`, it
    ///         does not check listings or self-purchases: a purchase does.
    /// @param releaseId The release.
    /// @param referrer The referrer that would be passed.
    /// @param buyer Who would pay.
    /// @param recipient Who would own the tracks.
    /// @return q The value to send, the terms to name, and each track's part and split.
    function quoteRelease(uint256 releaseId, address referrer, address buyer, address recipient)
        external
        view
        returns (ReleaseQuote memory q)
    {
        Release memory r = _releases[releaseId];
        if (r.artist == address(0)) revert UnknownRelease(releaseId);
        uint64[] memory ids = _releaseTracks[releaseId];
        uint256 n = ids.length;
        q.feeBps = _fee.bps;
        q.tracks = new ReleaseTrackQuote[](n);
        for (uint256 i; i < n; ++i) {
            q.sumOfPrices += _tracks[ids[i]].price;
        }
        q.effectivePrice = r.price < q.sumOfPrices ? r.price : q.sumOfPrices;
        uint256 left = q.effectivePrice;
        uint16 minReferral = type(uint16).max;
        for (uint256 i; i < n; ++i) {
            Track memory t = _tracks[ids[i]];
            ReleaseTrackQuote memory tq = q.tracks[i];
            (tq.trackId, tq.trackPrice, tq.referralBps) = (ids[i], t.price, t.referralBps);
            uint256 part = _apportion(i, n, q.effectivePrice, t.price, q.sumOfPrices, left);
            left -= part;
            mapping(address => Ownership) storage owners = _owners[ids[i]];
            if (owners[recipient].state != 0) {
                tq.skipped = true;
                continue;
            }
            tq.amount = part;
            q.amount += part;
            ++q.tracksBought;
            if (_isEligibleReferrer(owners, referrer, buyer, recipient)) {
                tq.creditedReferrer = referrer;
                if (t.referralBps < minReferral) minReferral = t.referralBps;
            }
            (tq.feeAmount, tq.referrerAmount, tq.artistAmount) =
                Split.sale(part, q.feeBps, tq.creditedReferrer == address(0) ? 0 : t.referralBps);
        }
        q.minReferralBps = minReferral == type(uint16).max ? 0 : minReferral;
    }

    /// @notice The track a given artist registered for a package, or 0 when they have not.
    /// @param artist The artist.
    /// @param contentHash The sha256 of the package.
    /// @return trackId The track, or 0.
    function trackByPackage(address artist, bytes32 contentHash) external view returns (uint256 trackId) {
        return _tracksByPackage[artist][contentHash];
    }

    /// @notice The terms and the split of a purchase made now. It does not check that the track is
    ///         listed, that the recipient does not own it yet, or that neither buyer nor recipient is
    ///         its artist or a collaborator: a purchase does.
    /// @param trackId The track.
    /// @param referrer The referrer that would be passed.
    /// @param buyer Who would pay.
    /// @param recipient Who would own the track.
    /// @return q The price to send, the terms to name (`feeBps`, `referralBps`), the referrer the
    ///         contract would credit, and the split.
    function quote(uint256 trackId, address referrer, address buyer, address recipient)
        external
        view
        returns (Quote memory q)
    {
        Track memory t = _tracks[trackId];
        if (t.artist == address(0)) revert UnknownTrack(trackId);
        q.price = t.price;
        q.feeBps = _fee.bps;
        q.referralBps = t.referralBps;
        if (_isEligibleReferrer(_owners[trackId], referrer, buyer, recipient)) q.creditedReferrer = referrer;
        (q.feeAmount, q.referrerAmount, q.artistAmount) =
            Split.sale(q.price, q.feeBps, q.creditedReferrer == address(0) ? 0 : t.referralBps);
    }

    // ------------------------------------------------------------------------------------------
    // Internal
    // ------------------------------------------------------------------------------------------

    /// @dev The checks of a sale, cheapest first, then its credits (`_sell`).
    function _purchase(uint256 trackId, address recipient, address referrer, uint256 maxFeeBps, uint256 minReferralBps)
        private
    {
        Track storage t = _tracks[trackId];
        (address artist, uint256 price, uint256 referralBps, uint8 flags) = (t.artist, t.price, t.referralBps, t.flags);
        if (flags & LISTED == 0) {
            if (artist == address(0)) revert UnknownTrack(trackId);
            revert TrackNotListed(trackId);
        }
        if (msg.value != price) revert IncorrectPayment(trackId, msg.value, price);
        if (artist == recipient || artist == msg.sender) revert SelfPurchase(trackId, artist);

        mapping(address => Ownership) storage owners = _owners[trackId];
        Ownership storage ownership = owners[recipient];
        if (ownership.state != 0) revert AlreadyOwned(trackId, recipient);
        _sell(trackId, artist, price, referralBps, flags, owners, ownership, recipient, referrer, maxFeeBps, minReferralBps);
    }

    /// @dev A release purchase: the parts of all its tracks (`_apportion`), then each track the recipient
    ///      does not own sold at its part through `_sell`, as `_purchase` sells one. The value is checked
    ///      last, against what was charged (a wrong value reverts everything, credits included).
    function _purchaseRelease(
        uint256 releaseId,
        address recipient,
        address referrer,
        uint256 maxFeeBps,
        uint256 minReferralBps
    ) private {
        Release storage r = _releases[releaseId];
        (address artist, uint256 releasePrice, uint8 releaseFlags) = (r.artist, r.price, r.flags);
        if (releaseFlags & LISTED == 0) {
            if (artist == address(0)) revert UnknownRelease(releaseId);
            revert ReleaseNotListed(releaseId);
        }
        uint64[] memory ids = _releaseTracks[releaseId];
        uint256 n = ids.length;
        uint256 sum;
        for (uint256 i; i < n; ++i) {
            sum += _tracks[ids[i]].price;
        }
        uint256 total = releasePrice < sum ? releasePrice : sum;
        uint256 left = total;
        uint256 charged;
        uint256 bought;
        for (uint256 i; i < n; ++i) {
            uint256 trackId = ids[i];
            Track storage t = _tracks[trackId];
            (uint256 price, uint256 referralBps, uint8 flags) = (t.price, t.referralBps, t.flags);
            uint256 part = _apportion(i, n, total, price, sum, left);
            unchecked {
                left -= part; // the parts before the last sum to at most `total`
            }
            if (artist == recipient || artist == msg.sender) revert SelfPurchase(trackId, artist);
            mapping(address => Ownership) storage owners = _owners[trackId];
            Ownership storage ownership = owners[recipient];
            if (ownership.state != 0) continue;
            if (flags & LISTED == 0) revert TrackNotListed(trackId);
            _sell(trackId, artist, part, referralBps, flags, owners, ownership, recipient, referrer, maxFeeBps, minReferralBps);
            unchecked {
                charged += part;
                ++bought;
            }
        }
        if (bought == 0) revert ReleaseAlreadyOwned(releaseId, recipient);
        if (msg.value != charged) revert IncorrectReleasePayment(releaseId, msg.value, charged);
        emit ReleasePurchased(releaseId, msg.sender, recipient, referrer, charged, bought);
    }

    /// @dev Track i's part of a release priced `total` whose n tracks' prices sum to `sum`:
    ///      floor(total × price / sum), and for the last track what the others left (`left`), so the parts
    ///      add up to `total` exactly. `total <= sum` and both are below 2^78, so nothing overflows.
    function _apportion(uint256 i, uint256 n, uint256 total, uint256 price, uint256 sum, uint256 left)
        private
        pure
        returns (uint256)
    {
        if (i + 1 == n) return left;
        if (sum == 0) return 0;
        return total * price / sum;
    }

    /// @dev Sells a track the recipient does not own at `price`, the listing, payment and self-purchase
    ///      checks done by the caller: records the ownership, checks the terms, splits and credits. The
    ///      referrer's eligibility is read before the recipient is recorded as an owner, so a referrer
    ///      equal to the recipient (who does not own the track yet) is ineligible without a comparison of
    ///      its own.
    function _sell(
        uint256 trackId,
        address artist,
        uint256 price,
        uint256 referralBps,
        uint8 flags,
        mapping(address => Ownership) storage owners,
        Ownership storage ownership,
        address recipient,
        address referrer,
        uint256 maxFeeBps,
        uint256 minReferralBps
    ) private {
        bool referred = referrer != address(0) && referrer != msg.sender && owners[referrer].state != 0;
        ownership.state = OWNED;

        // The fee slot is read and written as one word (the layout of `FeeConfig`: recipient in bits
        // 0-159, bps in 160-175, accrued in 176-255), so that a sale reads it once: Solidity would read
        // it again to update `accrued` alone.
        FeeConfig storage fee = _fee;
        uint256 feeWord;
        assembly ("memory-safe") {
            feeWord := sload(fee.slot)
        }
        uint256 feeBps = uint16(feeWord >> 160);
        if (feeBps > maxFeeBps || (referred && referralBps < minReferralBps)) {
            revert TermsChanged(trackId, feeBps, referralBps, maxFeeBps, minReferralBps);
        }
        if (!referred) (referrer, referralBps) = (address(0), 0);
        (uint256 feeAmount, uint256 referrerAmount, uint256 artistAmount) = Split.sale(price, feeBps, referralBps);

        // Every credit below is backed by the ETH this call received, so no balance can overflow.
        unchecked {
            if (feeAmount != 0) {
                uint256 accrued = (feeWord >> 176) + feeAmount; // below 2^80 + 2^72
                if (accrued <= type(uint80).max) {
                    assembly ("memory-safe") {
                        sstore(fee.slot, add(feeWord, shl(176, feeAmount)))
                    }
                } else {
                    _flushFees(fee, accrued);
                }
            }
            if (referrerAmount != 0) _balances[referrer] += referrerAmount;
        }
        emit Purchased(trackId, msg.sender, recipient, referrer, price, artistAmount, referrerAmount, feeAmount);

        if (flags & HAS_COLLABORATORS != 0) artistAmount = _creditCollaborators(trackId, recipient, artistAmount);
        unchecked {
            if (artistAmount != 0) _balances[artist] += artistAmount;
        }
    }

    /// @dev Credits each collaborator its share of `artistAmount` and returns what is left for the artist.
    ///      Refuses the sale when a collaborator is its buyer or recipient (read here, where each
    ///      collaborator's slot is loaded anyway).
    function _creditCollaborators(uint256 trackId, address recipient, uint256 artistAmount)
        private
        returns (uint256 left)
    {
        left = artistAmount;
        Collaborator[] storage collaborators = _collaborators[trackId];
        uint256 n = collaborators.length;
        for (uint256 i; i < n; ++i) {
            Collaborator memory c = collaborators[i];
            if (c.account == recipient || c.account == msg.sender) revert SelfPurchase(trackId, c.account);
            uint256 amount = Split.share(artistAmount, c.bps);
            if (amount == 0) continue;
            unchecked {
                left -= amount; // the shares sum to at most 10 000 bps of artistAmount
                _balances[c.account] += amount;
            }
            emit CollaboratorCredited(trackId, c.account, amount);
        }
    }

    /// @dev Moves the fees accrued in the fee slot into the recipient's balance when they would
    ///      overflow its 80 bits (kept apart from `_purchase` so that its common path writes the fee
    ///      slot without reading it again).
    function _flushFees(FeeConfig storage fee, uint256 accrued) private {
        _balances[fee.recipient] += accrued;
        fee.accrued = 0;
    }

    function _withdraw(address to) private returns (uint256 amount) {
        amount = _balances[msg.sender];
        if (amount != 0) _balances[msg.sender] = 0;
        FeeConfig memory fee = _fee;
        if (msg.sender == fee.recipient && fee.accrued != 0) {
            amount += fee.accrued;
            _fee.accrued = 0;
        }
        if (amount == 0) revert NothingToWithdraw(msg.sender);
        emit Withdrawn(msg.sender, to, amount);
        (bool ok,) = to.call{value: amount}("");
        if (!ok) revert TransferFailed(to, amount);
    }

    /// @dev The superdistribution rule: only an owner of the track, other than the buyer and the
    ///      recipient, earns by referring it.
    function _isEligibleReferrer(
        mapping(address => Ownership) storage owners,
        address referrer,
        address buyer,
        address recipient
    ) private view returns (bool) {
        return referrer != address(0) && referrer != buyer && referrer != recipient && owners[referrer].state != 0;
    }

    function _artistTrack(uint256 trackId) private view returns (Track storage t) {
        t = _tracks[trackId];
        address artist = t.artist;
        if (artist == address(0)) revert UnknownTrack(trackId);
        if (artist != msg.sender) revert NotTrackArtist(trackId, msg.sender, artist);
    }

    function _artistRelease(uint256 releaseId) private view returns (Release storage r) {
        r = _releases[releaseId];
        address artist = r.artist;
        if (artist == address(0)) revert UnknownRelease(releaseId);
        if (artist != msg.sender) revert NotReleaseArtist(releaseId, msg.sender, artist);
    }

    function _checkAccount(address account) private view {
        if (account == address(0) || account == address(this)) revert InvalidAddress(account);
    }

    function _checkPrice(uint256 price) private pure {
        if (price > MAX_PRICE) revert PriceTooHigh(price, MAX_PRICE);
    }

    function _checkReferralBps(uint256 bps) private pure {
        if (bps > MAX_REFERRAL_BPS) revert ReferralShareTooHigh(bps, MAX_REFERRAL_BPS);
    }

    function _checkCollaborators(Collaborator[] calldata collaborators) private view {
        uint256 n = collaborators.length;
        if (n > MAX_COLLABORATORS) revert TooManyCollaborators(n, MAX_COLLABORATORS);
        uint256 total;
        for (uint256 i; i < n; ++i) {
            address account = collaborators[i].account;
            if (account == address(0) || account == address(this) || account == msg.sender) {
                revert InvalidCollaborator(i, account);
            }
            for (uint256 j; j < i; ++j) {
                if (collaborators[j].account == account) revert InvalidCollaborator(i, account);
            }
            if (collaborators[i].bps == 0) revert ZeroCollaboratorShare(i);
            total += collaborators[i].bps;
        }
        if (total > Split.BPS) revert CollaboratorSharesTooHigh(total, Split.BPS);
    }
}
