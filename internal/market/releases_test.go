package market_test

import (
	"context"
	"math/big"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/tooling/simchain"
)

// TestDecodeReleases: a release's registration, price and listing changes, and a release purchase
// decode into their events; the purchase's Sales come first, at their apportioned prices, and the
// ReleasePurchased after them carries their sum. The quote said the same beforehand.
func TestDecodeReleases(t *testing.T) {
	m := simchain.New(t, 4)
	artist, alice, bob := 1, 2, 3
	t1 := m.Register(t, artist, 1_000_000, 2_000)
	t2 := m.Register(t, artist, 2_000_000, 1_000)
	t3 := m.Register(t, artist, 3_000_000, 0)
	release := m.RegisterRelease(t, artist, 4_000_000, "https://example.test/r/1", t3, t1, t2)
	m.Send(t, artist, nil, m.Contract.PackSetReleasePrice(big.NewInt(release), big.NewInt(5_000_000)))
	m.Send(t, artist, nil, m.Contract.PackSetReleaseListed(big.NewInt(release), false))
	m.Send(t, artist, nil, m.Contract.PackSetReleaseListed(big.NewInt(release), true))
	m.Commit()
	m.Buy(t, alice, t1, common.Address{})
	m.Buy(t, bob, t2, common.Address{})
	m.Commit()

	q, err := market.NewReader(m.Client, m.Address).QuoteRelease(context.Background(), release, m.Addr(alice), m.Addr(bob), m.Addr(bob))
	if err != nil {
		t.Fatal(err)
	}
	// P = 5 000 000 of 6 000 000: t3 gets 2 500 000, t1 833 333, t2 the rest (1 666 667, skipped: bob owns it).
	if q.Amount.Int64() != 3_333_333 || q.TracksBought != 2 || !q.Tracks[2].Skipped || q.Tracks[1].CreditedReferrer != m.Addr(alice) {
		t.Fatalf("quote = %+v", q)
	}
	tx := m.BuyRelease(t, bob, release, m.Addr(alice))
	m.Commit()
	m.Receipt(t, tx)

	events, err := market.NewDecoder().Decode(marketLogs(t, m))
	if err != nil {
		t.Fatal(err)
	}
	var reg market.ReleaseRegistered
	var prices []market.ReleasePriceUpdated
	var listings []bool
	var sales []market.Sale
	var bought market.ReleasePurchased
	for _, e := range events {
		switch e := e.(type) {
		case market.ReleaseRegistered:
			reg = e
		case market.ReleasePriceUpdated:
			prices = append(prices, e)
		case market.ReleaseListingUpdated:
			listings = append(listings, e.Listed)
		case market.Sale:
			if e.TxHash == tx.Hash() {
				sales = append(sales, e)
			}
		case market.ReleasePurchased:
			bought = e
		}
	}
	if reg.ReleaseID != release || reg.Artist != m.Addr(artist) || reg.Price.String() != "4000000" ||
		!reflect.DeepEqual(reg.TrackIDs, []int64{t3, t1, t2}) || reg.MetadataURI != "https://example.test/r/1" {
		t.Errorf("ReleaseRegistered = %+v", reg)
	}
	if len(prices) != 1 || prices[0].Previous.String() != "4000000" || prices[0].Price.String() != "5000000" {
		t.Errorf("ReleasePriceUpdated = %+v", prices)
	}
	if !reflect.DeepEqual(listings, []bool{false, true}) {
		t.Errorf("listings = %v", listings)
	}
	if len(sales) != 2 || sales[0].TrackID != t3 || sales[0].Price.String() != "2500000" ||
		sales[1].TrackID != t1 || sales[1].Price.String() != "833333" || sales[1].Referrer != m.Addr(alice) || sales[0].Referred() {
		t.Fatalf("sales of the release purchase = %+v", sales)
	}
	if bought.ReleaseID != release || bought.Buyer != m.Addr(bob) || bought.Recipient != m.Addr(bob) ||
		bought.Referrer != m.Addr(alice) || bought.Amount.String() != "3333333" || bought.TracksBought != 2 ||
		bought.TxHash != tx.Hash() || bought.LogIndex <= sales[1].LogIndex {
		t.Errorf("ReleasePurchased = %+v", bought)
	}
}

// TestApportionMatchesTheContract: for random track prices and release prices, the Go apportionment
// gives the contract's quoteRelease parts exactly (a fan owning nothing), and they sum to P.
func TestApportionMatchesTheContract(t *testing.T) {
	m := simchain.New(t, 3)
	rng := rand.New(rand.NewPCG(15, 18))
	reader := market.NewReader(m.Client, m.Address)
	for round := range 12 {
		n := 1 + rng.IntN(6)
		ids := make([]int64, n)
		prices := make([]*big.Int, n)
		for i := range n {
			price := int64(0)
			if rng.IntN(5) > 0 {
				price = rng.Int64N(1 << 40)
			}
			ids[i], prices[i] = m.Register(t, 1, price, 0), big.NewInt(price)
		}
		releasePrice := rng.Int64N(1 << 42)
		release := m.RegisterRelease(t, 1, releasePrice, "", ids...)
		q, err := reader.QuoteRelease(context.Background(), release, common.Address{}, m.Addr(2), m.Addr(2))
		if err != nil {
			t.Fatal(err)
		}
		effective, parts := market.Apportion(big.NewInt(releasePrice), prices)
		sum := new(big.Int)
		for i, p := range parts {
			sum.Add(sum, p)
			if p.Cmp(q.Tracks[i].Amount) != 0 {
				t.Errorf("round %d, track %d: Go part %s, contract %s", round, i, p, q.Tracks[i].Amount)
			}
		}
		if effective.Cmp(q.EffectivePrice) != 0 || sum.Cmp(effective) != 0 || q.Amount.Cmp(effective) != 0 {
			t.Errorf("round %d: effective %s (contract %s), parts sum to %s, quote amount %s", round, effective, q.EffectivePrice, sum, q.Amount)
		}
	}
}
