package audit

import (
	"context"
	"fmt"
	"math/big"
	"sort"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/store"
)

// The kinds of a database row that disagrees with the chain.
const (
	KindMissing   = "missing"   // the chain has it, the database does not
	KindExtra     = "extra"     // the database has it, the chain does not
	KindDifferent = "different" // both have it, with different values
)

// checkDatabase compares the database's rows with the chain's events up to the database's cursor,
// and its charts with the charts recomputed from the chain as of when they were built.
func checkDatabase(ctx context.Context, chain Chain, snap store.AuditSnapshot, events []market.Event, rep *Report, report func(Discrepancy)) error {
	cursor := snap.Cursor.BlockNumber
	rep.Database = &DatabaseReport{Cursor: cursor, Purchases: len(snap.Purchases), Accounts: len(snap.Accounts),
		Tracks: len(snap.Tracks), ChartEntries: len(snap.Charts)}
	h, err := chain.HeaderByNumber(ctx, new(big.Int).SetUint64(cursor))
	if err != nil {
		return fmt.Errorf("audit: header %d: %w", cursor, err)
	}
	if h.Hash() != snap.Cursor.BlockHash {
		report(Discrepancy{Check: CheckDBCursor, Block: cursor,
			Message: fmt.Sprintf("the database's cursor is block %d with hash %s, the chain's block %d is %s: it indexed a fork", cursor, snap.Cursor.BlockHash.Hex(), cursor, h.Hash().Hex())})
	}
	at, err := replayUpTo(events, cursor)
	if err != nil {
		return err
	}
	comparePurchases(at, snap.Purchases, report)
	compareAccounts(at, snap.Accounts, report)
	compareOwnership(at, snap.Purchases, report)
	compareTracks(at, snap.Tracks, report)
	compareReleases(at, snap.Releases, snap.ReleasePurchases, report)

	if !snap.HasCharts {
		if len(snap.Charts) > 0 {
			report(Discrepancy{Check: CheckChart, Kind: KindExtra, Message: fmt.Sprintf("%d chart rows but no record of when they were built", len(snap.Charts))})
		} else {
			rep.Notes = append(rep.Notes, "the database's charts have never been built: charts not checked")
		}
		return nil
	}
	rep.Database.ChartDay, rep.Database.ChartAsOf = snap.ChartBuild.Day, snap.ChartBuild.AsOfBlock
	if snap.ChartBuild.AsOfBlock > rep.Head {
		return fmt.Errorf("audit: the charts were built as of block %d, past the audited head %d", snap.ChartBuild.AsOfBlock, rep.Head)
	}
	today, err := time.Parse(time.DateOnly, snap.ChartBuild.Day)
	if err != nil {
		return fmt.Errorf("audit: chart build day %q: %w", snap.ChartBuild.Day, err)
	}
	built, err := replayUpTo(events, snap.ChartBuild.AsOfBlock)
	if err != nil {
		return err
	}
	want, err := recomputeCharts(built, snap.Metadata, today)
	if err != nil {
		return err
	}
	compareCharts(want, snap.Charts, report)
	return nil
}

// replayUpTo replays the events of blocks up to block (its discrepancies were reported by the full replay).
func replayUpTo(events []market.Event, block uint64) (*replay, error) {
	r := newReplay(nil)
	for _, ev := range events {
		if ev.Pos().BlockNumber > block {
			break
		}
		if err := r.apply(ev); err != nil {
			return nil, err
		}
	}
	return r, nil
}

type logKey struct {
	tx  common.Hash
	log uint
}

func comparePurchases(r *replay, rows []store.AuditPurchase, report func(Discrepancy)) {
	stored := make(map[logKey]store.AuditPurchase, len(rows))
	for _, p := range rows {
		stored[logKey{p.TxHash, p.LogIndex}] = p
	}
	for _, s := range r.sales {
		k := logKey{s.TxHash, s.LogIndex}
		p, ok := stored[k]
		delete(stored, k)
		if !ok {
			report(Discrepancy{Check: CheckDBPurchase, Kind: KindMissing, TrackID: s.TrackID, Account: s.Recipient.Hex(),
				Message: fmt.Sprintf("the sale of track %d to %s for %s wei is not in purchases", s.TrackID, s.Recipient.Hex(), s.Price)}.at(s.Position))
			continue
		}
		if diff := purchaseDiff(s, p); diff != "" {
			report(Discrepancy{Check: CheckDBPurchase, Kind: KindDifferent, TrackID: s.TrackID, Account: s.Recipient.Hex(),
				Message: "purchases row differs from the chain: " + diff}.at(s.Position))
		}
	}
	extra := make([]store.AuditPurchase, 0, len(stored))
	for _, p := range stored {
		extra = append(extra, p)
	}
	sort.Slice(extra, func(i, j int) bool {
		if extra[i].BlockNumber != extra[j].BlockNumber {
			return extra[i].BlockNumber < extra[j].BlockNumber
		}
		return extra[i].LogIndex < extra[j].LogIndex
	})
	for _, p := range extra {
		li := p.LogIndex
		report(Discrepancy{Check: CheckDBPurchase, Kind: KindExtra, Block: p.BlockNumber, TxHash: p.TxHash.Hex(), LogIndex: &li,
			TrackID: p.TrackID, Account: p.Recipient.Hex(),
			Message: fmt.Sprintf("purchases has a sale of track %d to %s for %s wei that the chain does not", p.TrackID, p.Recipient.Hex(), p.Price)})
	}
}

// purchaseDiff lists the fields in which a stored purchase differs from the chain's sale.
func purchaseDiff(s sale, p store.AuditPurchase) string {
	var d differences
	d.field("block_number", p.BlockNumber, s.BlockNumber)
	d.field("block_time", p.BlockTime.UTC().Format(time.RFC3339), s.BlockTime.UTC().Format(time.RFC3339))
	d.field("track_id", p.TrackID, s.TrackID)
	d.field("buyer", p.Buyer.Hex(), s.Buyer.Hex())
	d.field("recipient", p.Recipient.Hex(), s.Recipient.Hex())
	d.field("referrer", p.Referrer.Hex(), s.Referrer.Hex())
	d.field("price", p.Price, s.Price)
	d.field("artist_amount", p.ArtistAmount, s.ArtistAmount)
	d.field("referrer_amount", p.ReferrerAmount, s.ReferrerAmount)
	d.field("fee_amount", p.FeeAmount, s.FeeAmount)
	if !s.FeeAmount.IsZero() || p.FeeRecipient != (common.Address{}) {
		d.field("fee_recipient", p.FeeRecipient.Hex(), s.FeeRecipient.Hex())
	}
	return d.String()
}

func compareAccounts(r *replay, rows []store.AuditAccount, report func(Discrepancy)) {
	stored := make(map[common.Address]store.AuditAccount, len(rows))
	for _, a := range rows {
		stored[a.Account] = a
	}
	zero := func(x *big.Int) *big.Int {
		if x == nil {
			return new(big.Int)
		}
		return x
	}
	check := func(a common.Address) {
		row, ok := stored[a]
		delete(stored, a)
		credited, withdrawn := zero(r.credited[a]), zero(r.withdrawn[a])
		switch {
		case !ok && credited.Sign() == 0 && withdrawn.Sign() == 0:
		case !ok:
			report(Discrepancy{Check: CheckDBAccount, Kind: KindMissing, Account: a.Hex(),
				Message: fmt.Sprintf("account_totals has no row for %s, credited %s and withdrawn %s on chain", a.Hex(), credited, withdrawn)})
		case row.Credited.BigInt().Cmp(credited) != 0 || row.Withdrawn.BigInt().Cmp(withdrawn) != 0:
			report(Discrepancy{Check: CheckDBAccount, Kind: KindDifferent, Account: a.Hex(),
				Message: fmt.Sprintf("account_totals says credited %s, withdrawn %s; the chain says credited %s, withdrawn %s",
					row.Credited, row.Withdrawn, credited, withdrawn)})
		}
	}
	for _, a := range r.accounts() {
		check(a)
	}
	var extra []common.Address
	for a := range stored {
		extra = append(extra, a)
	}
	sortAddresses(extra)
	for _, a := range extra {
		row := stored[a]
		if row.Credited.IsZero() && row.Withdrawn.IsZero() {
			continue
		}
		report(Discrepancy{Check: CheckDBAccount, Kind: KindExtra, Account: a.Hex(),
			Message: fmt.Sprintf("account_totals credits %s with %s and withdrawals of %s; the chain has neither", a.Hex(), row.Credited, row.Withdrawn)})
	}
}

type ownership struct {
	track int64
	owner common.Address
}

// compareOwnership compares who owns what: by the chain, every sale's recipient; by the database,
// its purchases' recipients (the lookup the API's ownership checks use).
func compareOwnership(r *replay, rows []store.AuditPurchase, report func(Discrepancy)) {
	stored := map[ownership]bool{}
	for _, p := range rows {
		stored[ownership{p.TrackID, p.Recipient}] = true
	}
	var missing []ownership
	for id, owners := range r.owners {
		for a := range owners {
			k := ownership{id, a}
			if !stored[k] {
				missing = append(missing, k)
			}
			delete(stored, k)
		}
	}
	var extra []ownership
	for k := range stored {
		extra = append(extra, k)
	}
	for _, list := range []struct {
		kind, msg string
		rows      []ownership
	}{
		{KindMissing, "%s owns track %d on chain; the database does not know", missing},
		{KindExtra, "the database says %s owns track %d; on chain it does not", extra},
	} {
		sort.Slice(list.rows, func(i, j int) bool {
			if list.rows[i].track != list.rows[j].track {
				return list.rows[i].track < list.rows[j].track
			}
			return list.rows[i].owner.Cmp(list.rows[j].owner) < 0
		})
		for _, o := range list.rows {
			report(Discrepancy{Check: CheckDBOwnership, Kind: list.kind, TrackID: o.track, Account: o.owner.Hex(),
				Message: fmt.Sprintf(list.msg, o.owner.Hex(), o.track)})
		}
	}
}

func compareTracks(r *replay, rows []store.AuditTrack, report func(Discrepancy)) {
	stored := make(map[int64]store.AuditTrack, len(rows))
	for _, t := range rows {
		stored[t.TrackID] = t
	}
	ids := make([]int64, 0, len(r.tracks))
	for id := range r.tracks {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	for _, id := range ids {
		t := r.tracks[id]
		row, ok := stored[id]
		delete(stored, id)
		if !ok {
			report(Discrepancy{Check: CheckDBTrack, Kind: KindMissing, TrackID: id, Account: t.artist.Hex(),
				Message: fmt.Sprintf("track %d of %s is not in tracks", id, t.artist.Hex())})
			continue
		}
		var d differences
		d.field("artist", row.Artist.Hex(), t.artist.Hex())
		d.field("price", row.Price, t.price)
		d.field("referral_bps", row.ReferralBps, t.referralBps)
		d.field("listed", row.Listed, t.listed)
		d.field("content_hash", row.ContentHash.Hex(), t.contentHash.Hex())
		d.field("collaborators", collaboratorsText(row.Collaborators), chainCollaboratorsText(t.collaborators))
		if len(d) > 0 {
			report(Discrepancy{Check: CheckDBTrack, Kind: KindDifferent, TrackID: id, Message: "tracks row differs from the chain: " + d.String()})
		}
	}
	for _, row := range rows {
		if _, ok := stored[row.TrackID]; ok {
			report(Discrepancy{Check: CheckDBTrack, Kind: KindExtra, TrackID: row.TrackID,
				Message: fmt.Sprintf("tracks has track %d, which the chain never registered", row.TrackID)})
		}
	}
}

// differences are the fields in which a stored row differs from what the chain says.
type differences []string

// field records name if got and want differ (compared as printed).
func (d *differences) field(name string, got, want any) {
	if fmt.Sprint(got) != fmt.Sprint(want) {
		*d = append(*d, fmt.Sprintf("%s is %v, the chain says %v", name, got, want))
	}
}

func (d differences) String() string { return strings.Join(d, "; ") }

func collaboratorsText(cs []store.AuditCollaborator) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = fmt.Sprintf("%s:%d", c.Account.Hex(), c.Bps)
	}
	return "[" + strings.Join(parts, " ") + "]"
}

func chainCollaboratorsText(cs []market.Collaborator) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = fmt.Sprintf("%s:%d", c.Account.Hex(), c.Bps)
	}
	return "[" + strings.Join(parts, " ") + "]"
}
