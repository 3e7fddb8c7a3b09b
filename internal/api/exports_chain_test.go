package api_test

import (
	"context"
	"encoding/csv"
	"fmt"
	"log/slog"
	"math/big"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/api"
	"github.com/bittunes/bittunes/internal/bindings"
	"github.com/bittunes/bittunes/internal/indexer"
	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/tooling/pgtest"
	"github.com/bittunes/bittunes/internal/tooling/simchain"
)

// TestCSVExportsMatchTheChain sells tracks on a simulated chain (with a collaborator, referred and
// unreferred sales, a referrer who does not own the track), indexes it, and checks every line of an
// artist's sales export and of a fan's referral export against the logs the chain holds: no line
// missing, none extra, every amount, hash and block as the chain says.
func TestCSVExportsMatchTheChain(t *testing.T) {
	m := simchain.New(t, 8)
	const artist, collaborator, other = 1, 2, 7
	collab := bindings.BittunesMarketCollaborator{Account: m.Addr(collaborator), Bps: 3_000}
	withCollab := m.Register(t, artist, 3e15, 2_000, collab)
	plain := m.Register(t, artist, 1e15, 5_000)
	elsewhere := m.Register(t, other, 2e15, 1_000)
	zero := common.Address{}
	for _, b := range []struct {
		fan   int
		track int64
		ref   common.Address
	}{
		{3, withCollab, zero}, {4, withCollab, m.Addr(3)}, {5, withCollab, m.Addr(4)}, {6, withCollab, m.Addr(3)},
		{4, plain, m.Addr(3)}, // 3 does not own it yet: unreferred
		{3, plain, zero}, {5, plain, m.Addr(3)}, {6, elsewhere, m.Addr(3)}, {3, elsewhere, zero}, {5, elsewhere, m.Addr(3)},
	} {
		tx := m.Buy(t, b.fan, b.track, b.ref)
		m.Commit()
		m.Receipt(t, tx)
	}

	logs, err := m.Eth.FilterLogs(context.Background(), ethereum.FilterQuery{Addresses: []common.Address{m.Address}})
	if err != nil {
		t.Fatal(err)
	}
	var wantSales, wantReferrals [][]string
	artistOf := map[int64]common.Address{withCollab: m.Addr(artist), plain: m.Addr(artist), elsewhere: m.Addr(other)}
	for i, l := range logs {
		p, err := m.Contract.UnpackPurchasedEvent(&l)
		if err != nil {
			continue
		}
		credited := new(big.Int).Set(p.ArtistAmount)
		if i+1 < len(logs) {
			if c, err := m.Contract.UnpackCollaboratorCreditedEvent(&logs[i+1]); err == nil {
				credited.Sub(credited, c.Amount)
			}
		}
		ref := ""
		if p.Referrer != zero {
			ref = p.Referrer.Hex()
		}
		line := []string{fmt.Sprint(l.BlockNumber), l.TxHash.Hex(), fmt.Sprint(l.Index), p.TrackId.String(), p.Buyer.Hex(), p.Recipient.Hex(),
			ref, p.Price.String(), p.ArtistAmount.String(), credited.String(), p.ReferrerAmount.String(), p.FeeAmount.String()}
		if artistOf[p.TrackId.Int64()] == m.Addr(artist) {
			wantSales = append(wantSales, line)
		}
		if p.Referrer == m.Addr(3) {
			wantReferrals = append(wantReferrals, []string{fmt.Sprint(l.BlockNumber), l.TxHash.Hex(), fmt.Sprint(l.Index),
				p.TrackId.String(), p.ReferrerAmount.String()})
		}
	}
	if len(wantSales) != 7 || len(wantReferrals) != 4 {
		t.Fatalf("the chain holds %d sales of the artist and %d referred by fan 3, want 7 and 4", len(wantSales), len(wantReferrals))
	}

	for _, dsn := range []string{"sqlite:" + filepath.Join(t.TempDir(), "b.db"), pgtest.DSN(t)} {
		t.Run(strings.SplitN(dsn, ":", 2)[0], func(t *testing.T) {
			s := indexed(t, m, dsn)
			h := api.Handler(api.Deps{Store: s, Chain: m.Eth, ChainID: simchain.ChainID, Market: m.Address, Logger: quiet()})
			got := readCSV(t, get(t, h, "/api/v1/accounts/"+m.Addr(artist).Hex()+"/sales.csv").Body.String())
			// time, block, tx, log_index, track_id, buyer, recipient, referrer, price, artist side, credited, referrer, fee
			sameLines(t, "sales.csv", got, wantSales, func(l []string) []string { return l[1:] })
			got = readCSV(t, get(t, h, "/api/v1/accounts/"+m.Addr(3).Hex()+"/referrals.csv").Body.String())
			sameLines(t, "referrals.csv", got, wantReferrals, func(l []string) []string { return l[1:] })
		})
	}
}

// indexed indexes the simulated chain into a new database at dsn.
func indexed(t *testing.T, m *simchain.Market, dsn string) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	ix := indexer.New(indexer.Config{ChainID: simchain.ChainID, Contract: m.Address, DeployBlock: m.DeployBlock, Logger: quiet()}, m.Eth, s)
	for {
		done, err := ix.Step(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if done {
			return s
		}
	}
}

func readCSV(t *testing.T, body string) [][]string {
	t.Helper()
	lines, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatalf("%v in %q", err, body)
	}
	if len(lines) == 0 {
		t.Fatal("no header")
	}
	return lines[1:]
}

// sameLines compares the lines of an export (cut to the columns the chain tells) with the
// chain's, in any order.
func sameLines(t *testing.T, name string, got, want [][]string, cut func([]string) []string) {
	t.Helper()
	key := func(l []string) string { return strings.Join(l, ",") }
	var g, w []string
	for _, l := range got {
		g = append(g, key(cut(l)))
	}
	for _, l := range want {
		w = append(w, key(l))
	}
	slices.Sort(g)
	slices.Sort(w)
	if !slices.Equal(g, w) {
		t.Errorf("%s differs from the chain:\n got %q\nwant %q", name, g, w)
	}
}

func quiet() *slog.Logger { return slog.New(slog.DiscardHandler) }
