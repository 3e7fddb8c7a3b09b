package audit

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/market"
)

// Worked by hand from Split.sol: every part rounds down, the artist side takes the dust. A change
// of rounding (up, to nearest), of what the shares are taken of, or of who gets the dust fails here.
func TestSplitSale(t *testing.T) {
	tests := []struct {
		price                 int64
		feeBps, referralBps   uint16
		fee, referral, artist int64
	}{
		{999_999, 500, 2_500, 49_999, 249_999, 700_001},
		{1_000_000, 500, 0, 50_000, 0, 950_000},
		{19_999, 1_000, 5_000, 1_999, 9_999, 8_001},
		{1, 1_000, 5_000, 0, 0, 1},
		{0, 500, 2_500, 0, 0, 0},
		{10_001, 0, 1, 0, 1, 10_000},
	}
	for _, tt := range tests {
		got := splitSale(big.NewInt(tt.price), tt.feeBps, tt.referralBps)
		if got.Fee.Int64() != tt.fee || got.Referral.Int64() != tt.referral || got.Artist.Int64() != tt.artist {
			t.Errorf("splitSale(%d, %d, %d) = %s, %s, %s; want %d, %d, %d", tt.price, tt.feeBps, tt.referralBps,
				got.Fee, got.Referral, got.Artist, tt.fee, tt.referral, tt.artist)
		}
	}
}

// TestSplitSaleAtTheCaps: the largest price at the largest fee and referral share stays exact.
func TestSplitSaleAtTheCaps(t *testing.T) {
	got := splitSale(maxPrice, maxFeeBps, maxReferralBps)
	// 2^72 − 1 = 4722366482869645213695; a tenth and a half of it, rounded down.
	if got.Fee.String() != "472236648286964521369" || got.Referral.String() != "2361183241434822606847" ||
		got.Artist.String() != "1888946593147858085479" {
		t.Errorf("at the caps: %s, %s, %s", got.Fee, got.Referral, got.Artist)
	}
}

func TestSplitArtistSide(t *testing.T) {
	a, b, c := common.HexToAddress("0xa"), common.HexToAddress("0xb"), common.HexToAddress("0xc")
	collaborators := []market.Collaborator{{Account: a, Bps: 3_333}, {Account: b, Bps: 1}, {Account: c, Bps: 6_666}}
	credits, keeps := splitArtistSide(big.NewInt(700_001), collaborators)
	// 700 001 × 3 333 / 10 000 = 233 310.33; × 1 = 70.0001; × 6 666 = 466 620.66.
	want := []collaboratorCredit{{a, big.NewInt(233_310)}, {b, big.NewInt(70)}, {c, big.NewInt(466_620)}}
	if len(credits) != len(want) {
		t.Fatalf("got %d credits, want %d", len(credits), len(want))
	}
	for i := range want {
		if credits[i].Account != want[i].Account || credits[i].Amount.Cmp(want[i].Amount) != 0 {
			t.Errorf("credit %d: got %s %s, want %s %s", i, credits[i].Account.Hex(), credits[i].Amount, want[i].Account.Hex(), want[i].Amount)
		}
	}
	if keeps.Int64() != 1 { // the dust of three roundings
		t.Errorf("the artist keeps %s, want 1", keeps)
	}

	// A share that rounds to nothing is skipped, as the contract emits no event for it.
	credits, keeps = splitArtistSide(big.NewInt(9_999), []market.Collaborator{{Account: a, Bps: 1}, {Account: b, Bps: 5_000}})
	if len(credits) != 1 || credits[0].Account != b || credits[0].Amount.Int64() != 4_999 || keeps.Int64() != 5_000 {
		t.Errorf("got %v, artist keeps %s; want only %s credited 4999, artist keeps 5000", credits, keeps, b.Hex())
	}
}
