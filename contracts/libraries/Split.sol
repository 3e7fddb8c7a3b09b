// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @title Split
/// @notice The split arithmetic of a Bittunes sale, kept pure so that it can be fuzzed and audited on
///         its own. Every part is rounded down; whatever rounding leaves over (the dust) goes to the
///         artist side, so the parts of a sale always add up to its price exactly.
library Split {
    /// @notice Basis points in a whole: 10 000 bps = 100 %.
    uint256 internal constant BPS = 10_000;

    /// @notice `bps` basis points of `amount`, rounded down.
    /// @param amount The amount to take a share of (wei).
    /// @param bps The share in basis points, at most `BPS`.
    /// @return The share, rounded down.
    function share(uint256 amount, uint256 bps) internal pure returns (uint256) {
        return amount * bps / BPS;
    }

    /// @notice Splits a sale's price between the platform fee, the referrer and the artist side.
    /// @dev Requires `price < 2^242` and `feeBps + referralBps <= BPS`: the market's caps guarantee
    ///      both (prices below 2^72, at most 10 % + 50 %), and under them nothing can overflow or
    ///      underflow, which the fuzz tests check.
    /// @param price The price paid (wei).
    /// @param feeBps The platform fee in basis points.
    /// @param referralBps The referrer's share in basis points, 0 when there is no eligible referrer.
    /// @return fee The platform fee.
    /// @return referral The referrer's share.
    /// @return artist The artist side: the remainder, which carries the rounding dust.
    function sale(uint256 price, uint256 feeBps, uint256 referralBps)
        internal
        pure
        returns (uint256 fee, uint256 referral, uint256 artist)
    {
        unchecked {
            fee = price * feeBps / BPS;
            referral = price * referralBps / BPS;
            artist = price - fee - referral;
        }
    }
}
