package audit

import (
	"context"
	"fmt"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/bittunes/bittunes/internal/bindings"
	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/tooling/simchain"
)

// TestAuditCapsAreTheContracts: the audit writes the caps down itself (see split.go), and they are
// the ones the rest of the code checks, which a market test holds equal to the contract's limits().
func TestAuditCapsAreTheContracts(t *testing.T) {
	l := market.ContractLimits
	if maxFeeBps != l.MaxFeeBps || maxReferralBps != l.MaxReferralBps || maxCollaborators != l.MaxCollaborators || maxReleaseTracks != l.MaxReleaseTracks ||
		maxPrice.Cmp(l.MaxPrice.BigInt()) != 0 {
		t.Errorf("audit caps %d, %d, %d, %s; market.ContractLimits %+v", maxFeeBps, maxReferralBps, maxCollaborators, maxPrice, l)
	}
}

// TestSplitArithmeticMatchesTheContract: the audit's own split arithmetic (splitSale,
// splitArtistSide) gives, on random sales within the caps, exactly what the contract paid in its
// Purchased and CollaboratorCredited events: random prices from 0 to 2^72 − 1 wei, fees and
// referral shares from 0 to their caps, 0 to 7 collaborators with random shares, each track sold
// without a referrer, through an eligible referrer and through an ineligible one.
func TestSplitArithmeticMatchesTheContract(t *testing.T) {
	const artists, pool, buyers = 3, 8, 4
	m := simchain.New(t, 1+artists+pool+buyers)
	m.CallGas = 2_000_000 // seven collaborators
	rng := rand.New(rand.NewPCG(16, 72))
	firstPool, firstBuyer := 1+artists, 1+artists+pool

	// upTo is a random number from 0 to most, often one of the two ends.
	upTo := func(most int) int {
		switch rng.IntN(4) {
		case 0:
			return 0
		case 1:
			return most
		}
		return rng.IntN(most + 1)
	}
	randomPrice := func() *big.Int {
		switch rng.IntN(5) {
		case 0:
			return big.NewInt(rng.Int64N(20_000)) // small: every share rounds
		case 1:
			return maxPrice
		case 2:
			return big.NewInt(rng.Int64N(1 << 62))
		}
		p := new(big.Int).SetUint64(rng.Uint64N(1 << 8)) // any 72-bit number
		return p.Lsh(p, 64).Or(p, new(big.Int).SetUint64(rng.Uint64()))
	}

	type expected struct {
		fee, referralBps uint16
		referred         bool
		price            *big.Int
		collaborators    []market.Collaborator
	}
	want := map[common.Hash]expected{}
	fee := uint16(simchain.FeeBps)
	const tracks = 24
	for n := 1; n <= tracks; n++ {
		if rng.IntN(3) == 0 {
			fee = uint16(upTo(int(market.ContractLimits.MaxFeeBps)))
			tx := m.Send(t, 0, nil, m.Contract.PackSetFeeBps(big.NewInt(int64(fee))))
			m.Commit()
			m.Receipt(t, tx)
		}
		price, referralBps := randomPrice(), uint16(upTo(int(market.ContractLimits.MaxReferralBps)))
		var collaborators []market.Collaborator
		var packed []bindings.BittunesMarketCollaborator
		count := upTo(market.ContractLimits.MaxCollaborators)
		left := bpsWhole
		for i, who := range rng.Perm(pool)[:count] {
			bps := 1 + rng.IntN(left-(count-1-i)) // leave at least 1 for each one after
			if rng.IntN(4) == 0 {
				bps = 1 // a share that rounds to nothing on small prices
			}
			left -= bps
			c := market.Collaborator{Account: m.Addr(firstPool + who), Bps: uint16(bps)}
			collaborators = append(collaborators, c)
			packed = append(packed, bindings.BittunesMarketCollaborator{Account: c.Account, Bps: c.Bps})
		}
		artist := 1 + rng.IntN(artists)
		tx := m.Send(t, artist, nil, m.Contract.PackRegister(price, big.NewInt(int64(referralBps)),
			crypto.Keccak256Hash(fmt.Appendf(nil, "split test %d", n)), fmt.Sprintf("ipfs://split/%d", n), packed))
		m.Commit()
		m.Receipt(t, tx)
		id := int64(n)

		// The buyers in a random order: the first buys alone, the second through the first (an owner,
		// so credited), the third through the fourth, who does not own the track (not credited).
		order := rng.Perm(buyers)
		b := func(i int) int { return firstBuyer + order[i] }
		for _, sale := range []struct {
			buyer    int
			referrer common.Address
			referred bool
		}{
			{b(0), common.Address{}, false},
			{b(1), m.Addr(b(0)), true},
			{b(2), m.Addr(b(3)), false},
		} {
			tx := m.Buy(t, sale.buyer, id, sale.referrer)
			m.Commit()
			m.Receipt(t, tx)
			want[tx.Hash()] = expected{fee: fee, referralBps: referralBps, referred: sale.referred, price: price,
				collaborators: collaborators}
		}
	}

	logs, err := m.Client.FilterLogs(context.Background(), ethereum.FilterQuery{
		FromBlock: new(big.Int).SetUint64(m.DeployBlock), Addresses: []common.Address{m.Address}})
	if err != nil {
		t.Fatal(err)
	}
	events, err := market.NewDecoder().Decode(logs)
	if err != nil {
		t.Fatal(err)
	}
	sales, credits := 0, 0
	for _, e := range events {
		s, ok := e.(market.Sale)
		if !ok {
			continue
		}
		sales++
		w, ok := want[s.TxHash]
		if !ok {
			t.Fatalf("a sale in %s that the test did not send", s.TxHash.Hex())
		}
		where := fmt.Sprintf("track %d, %s wei, fee %d bps, referral %d bps, sale %s", s.TrackID, w.price, w.fee,
			w.referralBps, s.TxHash.Hex())
		if s.Price.BigInt().Cmp(w.price) != 0 || s.Referred() != w.referred {
			t.Fatalf("%s: sold for %s, referred %v; want %s, referred %v", where, s.Price, s.Referred(), w.price, w.referred)
		}
		referralBps := uint16(0)
		if w.referred {
			referralBps = w.referralBps
		}
		parts := splitSale(w.price, w.fee, referralBps)
		if s.FeeAmount.BigInt().Cmp(parts.Fee) != 0 || s.ReferrerAmount.BigInt().Cmp(parts.Referral) != 0 ||
			s.ArtistAmount.BigInt().Cmp(parts.Artist) != 0 {
			t.Errorf("%s: the contract paid fee %s, referrer %s, artist side %s; the audit computes %s, %s, %s",
				where, s.FeeAmount, s.ReferrerAmount, s.ArtistAmount, parts.Fee, parts.Referral, parts.Artist)
		}
		shares, keeps := splitArtistSide(parts.Artist, w.collaborators)
		if len(shares) != len(s.Collaborators) {
			t.Errorf("%s: the contract credited %d collaborators, the audit computes %d", where, len(s.Collaborators), len(shares))
			continue
		}
		for i, c := range s.Collaborators {
			if c.Account != shares[i].Account || c.Amount.BigInt().Cmp(shares[i].Amount) != 0 {
				t.Errorf("%s: credit %d: the contract credited %s %s, the audit computes %s %s", where, i,
					c.Account.Hex(), c.Amount, shares[i].Account.Hex(), shares[i].Amount)
			}
		}
		credits += len(shares)
		if got, err := s.ArtistKeeps(); err != nil || got.BigInt().Cmp(keeps) != 0 {
			t.Errorf("%s: the artist keeps %s (%v), the audit computes %s", where, got, err, keeps)
		}
	}
	if sales != len(want) || sales != 3*tracks || credits == 0 {
		t.Errorf("checked %d sales with %d collaborator credits; sent %d sales", sales, credits, len(want))
	}
}
