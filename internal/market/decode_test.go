package market_test

import (
	"context"
	"errors"
	"math/big"
	"reflect"
	"slices"
	"sort"
	"testing"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/bittunes/bittunes/internal/bindings"
	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/tooling/simchain"
)

func marketLogs(t *testing.T, m *simchain.Market) []types.Log {
	t.Helper()
	logs, err := m.Client.FilterLogs(context.Background(), ethereum.FilterQuery{
		FromBlock: new(big.Int).SetUint64(m.DeployBlock), Addresses: []common.Address{m.Address}})
	if err != nil {
		t.Fatal(err)
	}
	return logs
}

func TestDecodeGroupsSalesWithTheirCollaboratorCredits(t *testing.T) {
	m := simchain.New(t, 6)
	artist, c1, c2, alice, bob := 1, 2, 3, 4, 5
	id := m.Register(t, artist, 1_000_000, 2_000,
		bindings.BittunesMarketCollaborator{Account: m.Addr(c1), Bps: 2_500},
		bindings.BittunesMarketCollaborator{Account: m.Addr(c2), Bps: 1_000})
	m.Buy(t, alice, id, common.Address{})
	m.Commit()
	m.Buy(t, bob, id, m.Addr(alice))
	m.Commit()

	events, err := market.NewDecoder().Decode(marketLogs(t, m))
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	var sales []market.Sale
	var reg market.TrackRegistered
	for _, e := range events {
		switch e := e.(type) {
		case market.Sale:
			kinds = append(kinds, "sale")
			sales = append(sales, e)
		case market.TrackRegistered:
			kinds = append(kinds, "registered")
			reg = e
		case market.FeeRecipientUpdated:
			kinds = append(kinds, "feeRecipient")
		case market.FeeUpdated:
			kinds = append(kinds, "fee")
		case market.OwnershipTransferred:
			kinds = append(kinds, "owner")
		default:
			t.Fatalf("unexpected %T", e)
		}
		if e.Pos().BlockTime.IsZero() || e.Pos().BlockTime.Unix() == 0 {
			t.Errorf("%T has no block time", e)
		}
	}
	if got, want := len(kinds), 6; got != want {
		t.Fatalf("events %v: got %d, want %d (owner, feeRecipient, fee, registered, sale, sale)", kinds, got, want)
	}
	if got := len(reg.Collaborators); got != 2 || reg.Collaborators[0].Bps != 2_500 || reg.Collaborators[1].Account != m.Addr(c2) {
		t.Errorf("registration collaborators = %+v", reg.Collaborators)
	}
	// Second sale: 1 000 000 wei, 5 % fee, 20 % referral → artist side 750 000, of which 187 500 and 75 000
	// to the collaborators, 487 500 kept by the artist.
	s := sales[1]
	if !s.Referred() || s.Referrer != m.Addr(alice) || s.Recipient != m.Addr(bob) {
		t.Errorf("sale parties: %+v", s)
	}
	for _, c := range []struct {
		name, got, want string
	}{
		{"fee", s.FeeAmount.String(), "50000"},
		{"referral", s.ReferrerAmount.String(), "200000"},
		{"artist side", s.ArtistAmount.String(), "750000"},
		{"collaborator 1", s.Collaborators[0].Amount.String(), "187500"},
		{"collaborator 2", s.Collaborators[1].Amount.String(), "75000"},
	} {
		if c.got != c.want {
			t.Errorf("%s: got %s, want %s", c.name, c.got, c.want)
		}
	}
	keeps, err := s.ArtistKeeps()
	if err != nil || keeps.String() != "487500" {
		t.Errorf("artist keeps %v, %v; want 487500", keeps, err)
	}
	if sales[0].Referred() {
		t.Error("first sale had no referrer")
	}
}

func TestDecodeRejectsOrphanCollaboratorCredit(t *testing.T) {
	m := simchain.New(t, 4)
	id := m.Register(t, 1, 1_000, 0, bindings.BittunesMarketCollaborator{Account: m.Addr(2), Bps: 5_000})
	m.Buy(t, 3, id, common.Address{})
	m.Commit()
	logs := marketLogs(t, m)
	// Drop the Purchased log, keeping its CollaboratorCredited: the credit has no sale to belong to.
	purchased := bindings.NewMarket().GetABI().Events["Purchased"].ID
	var kept []types.Log
	for _, l := range logs {
		if l.Topics[0] != purchased {
			kept = append(kept, l)
		}
	}
	if _, err := market.NewDecoder().Decode(kept); !errors.Is(err, market.ErrMalformed) {
		t.Fatalf("got %v, want ErrMalformed", err)
	}
}

// FuzzDecode feeds the decoder logs with a market event signature and arbitrary topics and data, as
// a hostile or broken RPC could: it must never panic, and whatever it accepts must add up.
func FuzzDecode(f *testing.F) {
	abi := bindings.NewMarket().GetABI()
	var names []string
	for name := range abi.Events {
		names = append(names, name)
	}
	sort.Strings(names) // so that a seed's `which` names the same event on every run
	f.Add(uint8(0), []byte{}, []byte{})
	f.Add(uint8(3), make([]byte, 96), make([]byte, 160))
	// Well-formed release events, whose data holds a dynamic array and a string.
	registered, err := abi.Events["ReleaseRegistered"].Inputs.NonIndexed().Pack(big.NewInt(5),
		[]*big.Int{big.NewInt(3), big.NewInt(1)}, "ipfs://album")
	if err != nil {
		f.Fatal(err)
	}
	bought, err := abi.Events["ReleasePurchased"].Inputs.NonIndexed().Pack(common.Address{1}, big.NewInt(5), big.NewInt(2))
	if err != nil {
		f.Fatal(err)
	}
	id := common.BigToHash(big.NewInt(1)).Bytes()
	f.Add(uint8(slices.Index(names, "ReleaseRegistered")), append(id, make([]byte, 32)...), registered) // id, artist
	f.Add(uint8(slices.Index(names, "ReleasePurchased")), append(id, make([]byte, 64)...), bought)      // id, recipient, referrer
	f.Fuzz(func(t *testing.T, which uint8, topics []byte, data []byte) {
		l := types.Log{Topics: []common.Hash{abi.Events[names[int(which)%len(names)]].ID}, Data: data, BlockTimestamp: 1}
		for i := 0; i+32 <= len(topics) && len(l.Topics) < 4; i += 32 {
			l.Topics = append(l.Topics, common.BytesToHash(topics[i:i+32]))
		}
		events, err := market.NewDecoder().Decode([]types.Log{l})
		if err != nil {
			return
		}
		for _, e := range events {
			switch e := e.(type) {
			case market.Sale:
				sum := new(big.Int).Add(e.ArtistAmount.BigInt(), e.ReferrerAmount.BigInt())
				if sum.Add(sum, e.FeeAmount.BigInt()).Cmp(e.Price.BigInt()) != 0 {
					t.Fatalf("accepted a sale whose parts do not add up: %+v", e)
				}
			case market.ReleaseRegistered:
				if e.ReleaseID <= 0 || len(e.TrackIDs) == 0 || len(e.TrackIDs) > market.ContractLimits.MaxReleaseTracks || slices.Min(e.TrackIDs) <= 0 {
					t.Fatalf("accepted a release the contract cannot register: %+v", e)
				}
			case market.ReleasePurchased:
				if e.ReleaseID <= 0 || e.TracksBought <= 0 || e.TracksBought > market.ContractLimits.MaxReleaseTracks {
					t.Fatalf("accepted a release purchase the contract cannot make: %+v", e)
				}
			}
		}
	})
}

// FuzzUnpackMatchesTheBindings: the direct unpacking of the sale events gives what the generated
// bindings give, for logs of any shape.
func FuzzUnpackMatchesTheBindings(f *testing.F) {
	f.Add(false, make([]byte, 96), make([]byte, 160))
	f.Add(true, make([]byte, 64), make([]byte, 32))
	f.Add(false, make([]byte, 96), make([]byte, 192))
	f.Add(true, make([]byte, 64), []byte{1, 2, 3})
	f.Fuzz(func(t *testing.T, credited bool, topics []byte, data []byte) {
		contract := bindings.NewMarket()
		name := "Purchased"
		if credited {
			name = "CollaboratorCredited"
		}
		l := types.Log{Topics: []common.Hash{contract.GetABI().Events[name].ID}, Data: data}
		for i := 0; i+32 <= len(topics) && len(l.Topics) < 5; i += 32 {
			l.Topics = append(l.Topics, common.BytesToHash(topics[i:i+32]))
		}
		var got, want any
		var gotErr, wantErr error
		if credited {
			got, gotErr = market.UnpackCollaboratorCredited(market.NewDecoder(), &l)
			want, wantErr = contract.UnpackCollaboratorCreditedEvent(&l)
		} else {
			got, gotErr = market.UnpackPurchased(market.NewDecoder(), &l)
			want, wantErr = contract.UnpackPurchasedEvent(&l)
		}
		if (gotErr == nil) != (wantErr == nil) || (gotErr == nil && !reflect.DeepEqual(got, want)) {
			t.Fatalf("%s with %d topics, %d bytes of data:\n got %+v, %v\nwant %+v, %v", name, len(l.Topics), len(data), got, gotErr, want, wantErr)
		}
	})
}
