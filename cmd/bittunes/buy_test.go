package main

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"errors"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/bittunes/bittunes/internal/bindings"
	"github.com/bittunes/bittunes/internal/fanclient"
	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/swarm"
)

func TestChooseReferrer(t *testing.T) {
	owner1, owner2, stranger := common.Address{1}, common.Address{2}, common.Address{3}
	owners := map[common.Address]bool{owner1: true, owner2: true}
	eligible := func(a common.Address) (bool, error) { return owners[a], nil }
	delivered := swarm.Sources{ByAccount: map[common.Address]int64{stranger: 900, owner1: 100, owner2: 500}}
	for _, c := range []struct {
		name    string
		ref     *common.Address
		sources swarm.Sources
		want    common.Address
	}{
		{"an eligible link wins over bytes", &owner1, delivered, owner1},
		{"the eligible owner who delivered most", nil, delivered, owner2},
		{"an ineligible link falls back to bytes", &stranger, delivered, owner2},
		{"nothing delivered, no link: nobody", nil, swarm.Sources{}, common.Address{}},
		{"only strangers delivered: nobody", nil, swarm.Sources{ByAccount: map[common.Address]int64{stranger: 5}}, common.Address{}},
	} {
		got, why, err := chooseReferrer(c.ref, c.sources, eligible)
		if err != nil || got != c.want || why == "" {
			t.Errorf("%s: %s (%q), %v; want %s", c.name, got.Hex(), why, err, c.want.Hex())
		}
	}
	boom := errors.New("rpc down")
	if _, _, err := chooseReferrer(nil, delivered, func(common.Address) (bool, error) { return false, boom }); !errors.Is(err, boom) {
		t.Errorf("an RPC failure: %v", err)
	}
}

// TestChooseReferrerAsksBoundedQuotes: however many accounts delivered, buy asks the contract
// about at most maxCandidates of them.
func TestChooseReferrerAsksBoundedQuotes(t *testing.T) {
	s := swarm.Sources{ByAccount: map[common.Address]int64{}}
	for i := range 1000 {
		s.ByAccount[common.BigToAddress(big.NewInt(int64(i+1)))] = int64(i + 1)
	}
	asked := 0
	if _, _, err := chooseReferrer(nil, s, func(common.Address) (bool, error) { asked++; return false, nil }); err != nil || asked != maxCandidates {
		t.Fatalf("asked %d quotes, %v; want %d", asked, err, maxCandidates)
	}
}

// fakeChain is a market with one track, for buy's refusals.
type fakeChain struct {
	owned, unlisted bool
	price, funds    *big.Int
	sent            int
}

func (f *fakeChain) owns(context.Context, int64, common.Address) (bool, error) { return f.owned, nil }
func (f *fakeChain) listed(context.Context, int64) (bool, error)               { return !f.unlisted, nil }
func (f *fakeChain) quote(_ context.Context, _ int64, ref, _ common.Address) (market.Quote, error) {
	return market.Quote{Price: f.price, FeeBps: 500, ReferralBps: 1000, ArtistAmount: f.price, ReferrerAmount: new(big.Int), FeeAmount: new(big.Int)}, nil
}
func (f *fakeChain) balance(context.Context, common.Address) (*big.Int, error) { return f.funds, nil }
func (f *fakeChain) send(context.Context, *ecdsa.PrivateKey, int64, common.Address, market.Quote) (sentTx, error) {
	f.sent++
	return sentTx{}, errors.New("sent")
}
func (f *fakeChain) wait(context.Context, sentTx) (sale, error) {
	return sale{}, errors.New("not here")
}
func (f *fakeChain) close() {}

// TestBuyRefusesClearlyAndSendsNothing: an owned track, a delisted one, too little money and a
// refused confirmation each end the purchase with a clear error before anything is sent.
func TestBuyRefusesClearlyAndSendsNothing(t *testing.T) {
	key, _ := crypto.GenerateKey()
	price := big.NewInt(1e15)
	refuse := func(string) error { return errors.New("not bought") }
	for _, c := range []struct {
		name    string
		chain   *fakeChain
		confirm func(string) error
		want    string
	}{
		{"already owned", &fakeChain{owned: true, price: price, funds: price}, nil, "already owns track 7"},
		{"not listed", &fakeChain{unlisted: true, price: price, funds: price}, nil, "not listed"},
		{"insufficient funds", &fakeChain{price: price, funds: big.NewInt(1)}, nil, "insufficient funds"},
		{"not confirmed", &fakeChain{price: price, funds: price}, refuse, "not bought"},
	} {
		var out bytes.Buffer
		confirm := c.confirm
		if confirm == nil {
			confirm = func(string) error { return nil }
		}
		b := &buyer{chain: c.chain, key: key, out: &out, confirm: confirm}
		err := b.buy(context.Background(), fanclient.Track{ID: 7}, nil, swarm.Sources{})
		if err == nil || !strings.Contains(err.Error(), c.want) || c.chain.sent != 0 {
			t.Errorf("%s: %v (sent %d)", c.name, err, c.chain.sent)
		}
	}
}

func TestRevertMessages(t *testing.T) {
	base := errors.New("execution reverted")
	for _, c := range []struct {
		e    any
		want string
	}{
		{&bindings.MarketTermsChanged{TrackId: big.NewInt(1), FeeBps: big.NewInt(900), ReferralBps: big.NewInt(1000), MaxFeeBps: big.NewInt(500), MinReferralBps: big.NewInt(1000)}, "the terms changed since the quote: the fee is 900 bps (quoted at most 500)"},
		{&bindings.MarketIncorrectPayment{TrackId: big.NewInt(1), Sent: big.NewInt(1), Price: big.NewInt(2)}, "price of track 1 changed to 2 wei"},
		{&bindings.MarketTrackNotListed{TrackId: big.NewInt(3)}, "track 3 is not listed"},
	} {
		if got := revertMessage(c.e, base); !strings.Contains(got.Error(), c.want) {
			t.Errorf("%T: %v", c.e, got)
		}
	}
}

func TestResolveBuyLink(t *testing.T) {
	l, err := resolveBuyLink(context.Background(), "https://m.example/t/4?ref=0x00000000000000000000000000000000000000aa", "x")
	if err != nil || l.id != 4 || l.origin != "https://m.example" || l.ref == nil || *l.ref != common.HexToAddress("0xaa") {
		t.Fatalf("%+v, %v", l, err)
	}
	if _, err := resolveBuyLink(context.Background(), "https://m.example/t/4?ref=nobody", "x"); err == nil {
		t.Error("a bad ref was accepted")
	}
	if l, err := resolveBuyLink(context.Background(), "4", "http://127.0.0.1:8080"); err != nil || l.ref != nil || l.id != 4 {
		t.Errorf("a track id: %+v, %v", l, err)
	}
}
