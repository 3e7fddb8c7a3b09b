package store

import (
	"context"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
)

// Rollback undoes everything applied above block to (a reorg's common ancestor) in one
// transaction: the facts of the orphaned blocks are deleted, what they added to the aggregates is
// taken away again, tracks' state is replayed from their remaining changes, and the cursor moves
// back to `to`. Its work grows with the orphaned facts, not with the history of the tracks and
// accounts they touched (the fee recipient is credited by every sale).
func (s *Store) Rollback(ctx context.Context, chainID uint64, contract common.Address, to Block) error {
	return s.Transact(ctx, func(tx *Tx) error { return tx.rollback(ctx, chainID, contract, to) })
}

func (q querier) rollback(ctx context.Context, chainID uint64, contract common.Address, to Block) error {
	c, n := int64(chainID), int64(to.Number)
	orphaned, err := q.orphanedAggregates(ctx, c, n)
	if err != nil {
		return err
	}
	var newTracks, changedTracks []int64
	for _, p := range []struct {
		table string
		into  *[]int64
	}{{"tracks", &newTracks}, {"track_changes", &changedTracks}} {
		if err := q.with(ctx).Table(p.table).Distinct("track_id").Where("chain_id = ? AND block_number > ?", c, n).Pluck("track_id", p.into).Error; err != nil {
			return fmt.Errorf("store: rollback: %s above block %d: %w", p.table, n, classify(err))
		}
	}

	if err := q.rollbackChartLedger(ctx, c, n); err != nil {
		return err
	}
	for _, table := range []string{"purchases", "collaborator_credits", "withdrawals", "track_changes", "settings_changes"} {
		if err := q.with(ctx).Exec("DELETE FROM "+table+" WHERE chain_id = ? AND block_number > ?", c, n).Error; err != nil {
			return fmt.Errorf("store: rollback %s: %w", table, classify(err))
		}
	}
	for _, chunk := range chunks(newTracks, 500) {
		if err := q.with(ctx).Exec("DELETE FROM track_collaborators WHERE chain_id = ? AND track_id IN ?", c, chunk).Error; err != nil {
			return fmt.Errorf("store: rollback collaborators: %w", classify(err))
		}
	}
	if err := q.with(ctx).Exec("DELETE FROM tracks WHERE chain_id = ? AND block_number > ?", c, n).Error; err != nil {
		return fmt.Errorf("store: rollback tracks: %w", classify(err))
	}
	if err := q.subtractAggregates(ctx, orphaned); err != nil {
		return err
	}
	if err := q.replayTrackChanges(ctx, c, unique(changedTracks)); err != nil {
		return err
	}
	if err := q.rollbackReleases(ctx, c, n); err != nil {
		return err
	}
	if err := q.DeleteBlocksAbove(ctx, chainID, to.Number); err != nil {
		return err
	}
	return q.SaveCursor(ctx, Cursor{ChainID: chainID, Contract: contract, BlockNumber: to.Number, BlockHash: to.Hash})
}

// orphanedAggregates folds the facts above block n into what they added to the aggregates.
func (q querier) orphanedAggregates(ctx context.Context, chainID, n int64) (*aggregates, error) {
	a := newAggregates(chainID)
	var purchases []purchaseRow
	var credits []creditRow
	var withdrawals []withdrawalRow
	for _, rows := range []any{&purchases, &credits, &withdrawals} {
		if err := q.with(ctx).Where("chain_id = ? AND block_number > ?", chainID, n).Find(rows).Error; err != nil {
			return nil, fmt.Errorf("store: rollback: facts above block %d: %w", n, classify(err))
		}
	}
	for _, r := range purchases {
		if err := a.purchase(r); err != nil {
			return nil, err
		}
	}
	for _, r := range credits {
		if err := a.credit(r); err != nil {
			return nil, err
		}
	}
	for _, r := range withdrawals {
		if err := a.withdrawal(r); err != nil {
			return nil, err
		}
	}
	return a, nil
}

// rebuildAggregates recomputes the aggregates of the given tracks and accounts from their facts.
func (q querier) rebuildAggregates(ctx context.Context, chainID int64, tracks []int64, accounts []string) error {
	a := newAggregates(chainID)
	for _, chunk := range chunks(tracks, 500) {
		for _, table := range []string{"track_stats", "daily_track_sales"} {
			if err := q.with(ctx).Exec("DELETE FROM "+table+" WHERE chain_id = ? AND track_id IN ?", chainID, chunk).Error; err != nil {
				return fmt.Errorf("store: rebuild %s: %w", table, classify(err))
			}
		}
		var rows []purchaseRow
		if err := q.with(ctx).Where("chain_id = ? AND track_id IN ?", chainID, chunk).Find(&rows).Error; err != nil {
			return fmt.Errorf("store: rebuild track stats: %w", classify(err))
		}
		for _, r := range rows {
			if err := a.purchase(r); err != nil {
				return err
			}
		}
	}
	for _, chunk := range chunks(accounts, 500) {
		for _, table := range []string{"account_totals", "daily_account_credits"} {
			if err := q.with(ctx).Exec("DELETE FROM "+table+" WHERE chain_id = ? AND account IN ?", chainID, chunk).Error; err != nil {
				return fmt.Errorf("store: rebuild %s: %w", table, classify(err))
			}
		}
		var credits []creditRow
		if err := q.with(ctx).Where("chain_id = ? AND account IN ?", chainID, chunk).Find(&credits).Error; err != nil {
			return fmt.Errorf("store: rebuild credits: %w", classify(err))
		}
		for _, r := range credits {
			if err := a.credit(r); err != nil {
				return err
			}
		}
		var withdrawals []withdrawalRow
		if err := q.with(ctx).Where("chain_id = ? AND account IN ?", chainID, chunk).Find(&withdrawals).Error; err != nil {
			return fmt.Errorf("store: rebuild withdrawals: %w", classify(err))
		}
		for _, r := range withdrawals {
			if err := a.withdrawal(r); err != nil {
				return err
			}
		}
	}
	// Nothing of these keys is stored any more, so merging writes the recomputed rows as they are.
	return q.mergeAggregates(ctx, a)
}

// replayTrackChanges resets tracks to their registered state and re-applies their remaining changes.
func (q querier) replayTrackChanges(ctx context.Context, chainID int64, ids []int64) error {
	for _, chunk := range chunks(ids, 500) {
		err := q.with(ctx).Exec(`UPDATE tracks SET price = initial_price, referral_bps = initial_referral_bps,
			listed = ?, metadata_uri = initial_metadata_uri WHERE chain_id = ? AND track_id IN ?`, true, chainID, chunk).Error
		if err != nil {
			return fmt.Errorf("store: reset tracks: %w", classify(err))
		}
		var changes []trackChangeRow
		if err := q.with(ctx).Where("chain_id = ? AND track_id IN ?", chainID, chunk).
			Order("block_number, log_index").Find(&changes).Error; err != nil {
			return fmt.Errorf("store: track changes: %w", classify(err))
		}
		if err := q.applyTrackChanges(ctx, &facts{changes: changes}); err != nil {
			return err
		}
	}
	return nil
}

// unique returns xs without repeats, in first-seen order.
func unique[T comparable](xs []T) []T {
	seen := make(map[T]bool, len(xs))
	out := xs[:0:0]
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}
