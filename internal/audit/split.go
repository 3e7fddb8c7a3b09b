package audit

import (
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/market"
)

// The contract's fixed rules (BittunesMarket.sol constants and Split.BPS), written down again here so
// that the audit checks the chain against the published rules, not against itself.
//
// On purpose these, and the split arithmetic below, are the audit's own and not market.Limits or
// the contract's quote(): an audit must not trust the code it checks. Tests keep them honest from
// outside: TestAuditCapsAreTheContracts compares the caps with market.ContractLimits (itself held
// equal to the contract's limits()), and TestSplitArithmeticMatchesTheContract compares the
// arithmetic with what the contract paid on random sales.
const (
	bpsWhole         = 10_000
	maxFeeBps        = 1_000
	maxReferralBps   = 5_000
	maxCollaborators = 7
	maxReleaseTracks = 50
)

// maxPrice is the highest price a track can have: 2^72 − 1 wei.
var maxPrice = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 72), big.NewInt(1))

// maxAccrued is the most fee the contract keeps in its fee slot (80 bits) before it moves it into
// the recipient's balance.
var maxAccrued = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 80), big.NewInt(1))

// share is bps basis points of amount, rounded down (Split.share).
func share(amount *big.Int, bps uint16) *big.Int {
	s := new(big.Int).Mul(amount, big.NewInt(int64(bps)))
	return s.Quo(s, big.NewInt(bpsWhole))
}

// parts is how a sale's price must be split.
type parts struct {
	Fee, Referral, Artist *big.Int
}

// splitSale splits a price as Split.sale does: the fee and the referral share rounded down, the
// artist side the remainder, so the dust goes to the artist and the parts sum to the price.
func splitSale(price *big.Int, feeBps, referralBps uint16) parts {
	fee := share(price, feeBps)
	referral := share(price, referralBps)
	artist := new(big.Int).Sub(price, fee)
	artist.Sub(artist, referral)
	return parts{Fee: fee, Referral: referral, Artist: artist}
}

// collaboratorCredit is what one collaborator must be credited from a sale's artist side.
type collaboratorCredit struct {
	Account common.Address
	Amount  *big.Int
}

// splitArtistSide shares a sale's artist side among a track's collaborators as
// _creditCollaborators does: each gets its share of the whole artist side, rounded down, in
// registration order, and a share that rounds to zero is skipped (no event); the artist keeps the
// rest.
func splitArtistSide(artistAmount *big.Int, collaborators []market.Collaborator) (credits []collaboratorCredit, keeps *big.Int) {
	keeps = new(big.Int).Set(artistAmount)
	for _, c := range collaborators {
		amount := share(artistAmount, c.Bps)
		if amount.Sign() == 0 {
			continue
		}
		keeps.Sub(keeps, amount)
		credits = append(credits, collaboratorCredit{Account: c.Account, Amount: amount})
	}
	return credits, keeps
}
