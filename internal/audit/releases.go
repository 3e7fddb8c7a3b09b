package audit

import (
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/store"
)

// release is a release's state as the contract holds it, rebuilt from its events.
type release struct {
	id     int64
	artist common.Address
	price  *big.Int
	listed bool
	tracks []int64
}

// txSales are the sales of one transaction, kept until the transaction ends: a sale at a price other
// than its track's is valid only as part of a release purchase, whose ReleasePurchased event comes
// after its sales.
type txSales struct {
	hash  common.Hash
	sales []txSale
	next  int // the first sale not yet claimed by a ReleasePurchased
}

type txSale struct {
	market.Sale
	trackPrice *big.Int // the track's price when it was sold
	explained  bool     // a ReleasePurchased accounted for its price
}

func (x *txSales) add(s market.Sale, trackPrice *big.Int) {
	x.sales = append(x.sales, txSale{Sale: s, trackPrice: new(big.Int).Set(trackPrice)})
}

// nextTx is called before each event (and once at the end with a zero position): when the event
// starts a new transaction, the sales of the previous one whose price neither their track's price
// nor a release purchase explains are reported.
func (r *replay) nextTx(p market.Position) {
	if p.TxHash == r.tx.hash && p.TxHash != (common.Hash{}) {
		return
	}
	for _, s := range r.tx.sales {
		if !s.explained && s.trackPrice.Cmp(s.Price.BigInt()) != 0 {
			r.fail(s.Position, CheckPrice, s.TrackID, "", "sold for %s wei, the track's price was %s", s.Price, s.trackPrice)
		}
	}
	r.tx = txSales{hash: p.TxHash}
}

// finish ends the replay: the last transaction's sales are checked.
func (r *replay) finish() { r.nextTx(market.Position{}) }

func (r *replay) registerRelease(e market.ReleaseRegistered) {
	p := e.Position
	if e.ReleaseID != r.releaseCount+1 {
		r.fail(p, CheckRelease, 0, "", "release id %d registered after release %d: ids are sequential", e.ReleaseID, r.releaseCount)
	}
	r.releaseCount = max(r.releaseCount, e.ReleaseID)
	if e.Price.BigInt().Cmp(maxPrice) > 0 {
		r.fail(p, CheckRelease, 0, "", "release %d: price %s is above the cap %s", e.ReleaseID, e.Price, maxPrice)
	}
	if len(e.TrackIDs) == 0 || len(e.TrackIDs) > maxReleaseTracks {
		r.fail(p, CheckRelease, 0, "", "release %d has %d tracks: 1 to %d allowed", e.ReleaseID, len(e.TrackIDs), maxReleaseTracks)
	}
	seen := map[int64]bool{}
	for _, id := range e.TrackIDs {
		t := r.known(p, id)
		switch {
		case seen[id]:
			r.fail(p, CheckRelease, id, "", "release %d names track %d twice", e.ReleaseID, id)
		case t != nil && t.artist != e.Artist:
			r.fail(p, CheckRelease, id, e.Artist.Hex(), "release %d by %s names track %d of %s", e.ReleaseID, e.Artist.Hex(), id, t.artist.Hex())
		}
		seen[id] = true
	}
	r.releases[e.ReleaseID] = &release{id: e.ReleaseID, artist: e.Artist, price: e.Price.BigInt(), listed: true,
		tracks: append([]int64(nil), e.TrackIDs...)}
}

func (r *replay) setReleasePrice(e market.ReleasePriceUpdated) {
	rel := r.knownRelease(e.Position, e.ReleaseID)
	if rel == nil {
		return
	}
	if rel.price.Cmp(e.Previous.BigInt()) != 0 {
		r.fail(e.Position, CheckRelease, 0, "", "release %d: ReleasePriceUpdated says the previous price was %s, it was %s", e.ReleaseID, e.Previous, rel.price)
	}
	if e.Price.BigInt().Cmp(maxPrice) > 0 {
		r.fail(e.Position, CheckRelease, 0, "", "release %d: price %s is above the cap %s", e.ReleaseID, e.Price, maxPrice)
	}
	rel.price = e.Price.BigInt()
}

// releaseParts apportions a release's price over its tracks at their current prices, as the contract
// does: P = min(release price, Σ prices); track i gets ⌊P × price_i / Σ⌋, the last one the remainder.
func (r *replay) releaseParts(rel *release) []*big.Int {
	sum := new(big.Int)
	for _, id := range rel.tracks {
		if t := r.tracks[id]; t != nil {
			sum.Add(sum, t.price)
		}
	}
	total := new(big.Int).Set(rel.price)
	if sum.Cmp(total) < 0 {
		total.Set(sum)
	}
	parts := make([]*big.Int, len(rel.tracks))
	left := new(big.Int).Set(total)
	for i, id := range rel.tracks {
		if i == len(rel.tracks)-1 {
			parts[i] = left
			break
		}
		part := new(big.Int)
		if t := r.tracks[id]; t != nil && sum.Sign() != 0 {
			part.Mul(total, t.price).Quo(part, sum)
		}
		parts[i] = part
		left = new(big.Int).Sub(left, part)
	}
	return parts
}

// releasePurchase checks a ReleasePurchased event against the sales before it in its transaction:
// in the release's order, each track the recipient did not own was sold to them at its part of the
// release price, the others were not sold, and the amount is the sum of the sales' prices.
func (r *replay) releasePurchase(e market.ReleasePurchased) {
	p := e.Position
	rel := r.knownRelease(p, e.ReleaseID)
	if rel == nil {
		return
	}
	if !rel.listed {
		r.fail(p, CheckRelease, 0, "", "release %d bought while delisted", e.ReleaseID)
	}
	parts := r.releaseParts(rel)
	pending := r.tx.sales[r.tx.next:]
	sum, bought := new(big.Int), 0
	for i, id := range rel.tracks {
		if len(pending) > 0 && pending[0].TrackID == id {
			s := &pending[0]
			if s.Price.BigInt().Cmp(parts[i]) != 0 {
				r.fail(s.Position, CheckPrice, id, "", "sold for %s wei in release %d, whose apportioned part for it is %s", s.Price, e.ReleaseID, parts[i])
			}
			if s.Buyer != e.Buyer || s.Recipient != e.Recipient {
				r.fail(s.Position, CheckRelease, id, s.Recipient.Hex(), "release %d's sale of track %d is to %s, the release purchase to %s", e.ReleaseID, id, s.Recipient.Hex(), e.Recipient.Hex())
			}
			s.explained = true
			sum.Add(sum, s.Price.BigInt())
			bought++
			pending = pending[1:]
			continue
		}
		if !r.owners[id][e.Recipient] {
			r.fail(p, CheckRelease, id, e.Recipient.Hex(), "release %d: track %d was neither sold to %s nor owned by them", e.ReleaseID, id, e.Recipient.Hex())
		}
	}
	for _, s := range pending {
		r.fail(s.Position, CheckRelease, s.TrackID, "", "a sale of track %d before release %d's purchase in its transaction is not one of its tracks in order", s.TrackID, e.ReleaseID)
	}
	r.tx.next = len(r.tx.sales)
	r.releasePurchases = append(r.releasePurchases, e)
	if e.Amount.BigInt().Cmp(sum) != 0 {
		r.fail(p, CheckRelease, 0, "", "release %d: ReleasePurchased says %s wei, its tracks' sales sum to %s", e.ReleaseID, e.Amount, sum)
	}
	if e.TracksBought != bought || bought == 0 {
		r.fail(p, CheckRelease, 0, "", "release %d: ReleasePurchased says %d tracks, %d were sold", e.ReleaseID, e.TracksBought, bought)
	}
}

// knownRelease returns the release, reporting an event about a release never registered.
func (r *replay) knownRelease(p market.Position, id int64) *release {
	rel := r.releases[id]
	if rel == nil {
		r.fail(p, CheckRelease, 0, "", "event about release %d, which was never registered", id)
	}
	return rel
}

// compareReleases checks the database's releases (state, artist, tracks in order) and release
// purchases against the replay up to its cursor.
func compareReleases(at *replay, rows []store.AuditRelease, purchases []store.AuditReleasePurchase, report func(Discrepancy)) {
	stored := make(map[int64]store.AuditRelease, len(rows))
	for _, row := range rows {
		stored[row.ReleaseID] = row
	}
	for id, rel := range at.releases {
		row, ok := stored[id]
		delete(stored, id)
		if !ok {
			report(Discrepancy{Check: CheckDBRelease, Kind: KindMissing, Account: rel.artist.Hex(), Message: fmt.Sprintf("release %d is not in releases", id)})
			continue
		}
		var d differences
		d.field("artist", row.Artist.Hex(), rel.artist.Hex())
		d.field("price", row.Price, rel.price)
		d.field("listed", row.Listed, rel.listed)
		d.field("tracks", row.TrackIDs, rel.tracks)
		if len(d) > 0 {
			report(Discrepancy{Check: CheckDBRelease, Kind: KindDifferent, Message: fmt.Sprintf("release %d differs from the chain: %s", id, d.String())})
		}
	}
	for id := range stored {
		report(Discrepancy{Check: CheckDBRelease, Kind: KindExtra, Message: fmt.Sprintf("releases has release %d, which the chain never registered", id)})
	}
	type key struct {
		tx  common.Hash
		log uint
	}
	chain := make(map[key]market.ReleasePurchased, len(at.releasePurchases))
	for _, e := range at.releasePurchases {
		chain[key{e.TxHash, e.LogIndex}] = e
	}
	for _, row := range purchases {
		k := key{row.TxHash, uint(row.LogIndex)}
		e, ok := chain[k]
		delete(chain, k)
		switch {
		case !ok:
			report(Discrepancy{Check: CheckDBRelease, Kind: KindExtra, TxHash: row.TxHash.Hex(), LogIndex: uintPtr(uint(row.LogIndex)),
				Message: fmt.Sprintf("release_purchases has a purchase of release %d the chain does not", row.ReleaseID)})
		case row.ReleaseID != e.ReleaseID || row.Buyer != e.Buyer || row.Recipient != e.Recipient || !row.Amount.Equal(e.Amount) || row.TracksBought != e.TracksBought:
			report(Discrepancy{Check: CheckDBRelease, Kind: KindDifferent, TxHash: row.TxHash.Hex(), LogIndex: uintPtr(uint(row.LogIndex)),
				Message: fmt.Sprintf("release purchase row (release %d, %s wei, %d tracks) differs from the chain's (release %d, %s wei, %d tracks)",
					row.ReleaseID, row.Amount, row.TracksBought, e.ReleaseID, e.Amount, e.TracksBought)})
		}
	}
	for _, e := range chain {
		report(Discrepancy{Check: CheckDBRelease, Kind: KindMissing, TxHash: e.TxHash.Hex(), LogIndex: uintPtr(e.LogIndex),
			Message: fmt.Sprintf("the purchase of release %d is not in release_purchases", e.ReleaseID)})
	}
}

func uintPtr(u uint) *uint { return &u }
