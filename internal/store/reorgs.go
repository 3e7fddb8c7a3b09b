package store

import (
	"context"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// Reorg is one rollback of the indexed blocks of a market contract.
type Reorg struct {
	ChainID  uint64
	Contract common.Address
	At       time.Time
	// FromBlock was the cursor; ToBlock is the common ancestor the store rolled back to.
	FromBlock, ToBlock, Depth uint64
	// HeadBelowCursor: the RPC's head had fallen below the indexed blocks.
	HeadBelowCursor bool
	// PurchasesRolledBack is how many indexed purchases the rollback removed.
	PurchasesRolledBack int64
}

// ReorgsKept is how many rollbacks of a contract the history keeps; older ones are deleted.
const ReorgsKept = 200

type reorgRow struct {
	ChainID             int64     `gorm:"column:chain_id;primaryKey"`
	Contract            string    `gorm:"column:contract;primaryKey"`
	Seq                 int64     `gorm:"column:seq;primaryKey"`
	RolledBackAt        time.Time `gorm:"column:rolled_back_at"`
	FromBlock           int64     `gorm:"column:from_block"`
	ToBlock             int64     `gorm:"column:to_block"`
	Depth               int64     `gorm:"column:depth"`
	HeadBelowCursor     bool      `gorm:"column:head_below_cursor"`
	PurchasesRolledBack int64     `gorm:"column:purchases_rolled_back"`
}

func (reorgRow) TableName() string { return "reorgs" }

// RollbackReorg rolls the store back to block to (as Rollback does) and, in the same
// transaction, records the rollback r in the reorg history with the number of purchases it
// removed, keeping the last ReorgsKept of the contract. It returns r as recorded.
func (s *Store) RollbackReorg(ctx context.Context, r Reorg, to Block) (Reorg, error) {
	err := s.Transact(ctx, func(tx *Tx) error {
		var n int64
		if err := tx.with(ctx).Table("purchases").Where("chain_id = ? AND block_number > ?", int64(r.ChainID), int64(to.Number)).
			Count(&n).Error; err != nil {
			return fmt.Errorf("store: reorg: purchases above block %d: %w", to.Number, classify(err))
		}
		if err := tx.rollback(ctx, r.ChainID, r.Contract, to); err != nil {
			return err
		}
		r.PurchasesRolledBack = n
		return tx.recordReorg(ctx, &r)
	})
	return r, err
}

func (q querier) recordReorg(ctx context.Context, r *Reorg) error {
	if r.At.IsZero() {
		r.At = now()
	}
	r.At = r.At.UTC().Truncate(time.Microsecond)
	contract := addressText(r.Contract)
	var last struct{ Seq int64 }
	if err := q.with(ctx).Table("reorgs").Select("COALESCE(MAX(seq), 0) AS seq").
		Where("chain_id = ? AND contract = ?", int64(r.ChainID), contract).Scan(&last).Error; err != nil {
		return fmt.Errorf("store: reorg history: %w", classify(err))
	}
	row := reorgRow{ChainID: int64(r.ChainID), Contract: contract, Seq: last.Seq + 1, RolledBackAt: r.At,
		FromBlock: int64(r.FromBlock), ToBlock: int64(r.ToBlock), Depth: int64(r.Depth), HeadBelowCursor: r.HeadBelowCursor,
		PurchasesRolledBack: r.PurchasesRolledBack}
	if err := q.with(ctx).Create(&row).Error; err != nil {
		return fmt.Errorf("store: record reorg %d→%d: %w", r.FromBlock, r.ToBlock, classify(err))
	}
	if err := q.with(ctx).Where("chain_id = ? AND contract = ? AND seq <= ?", row.ChainID, contract, row.Seq-ReorgsKept).
		Delete(&reorgRow{}).Error; err != nil {
		return fmt.Errorf("store: reorg history: forget old ones: %w", classify(err))
	}
	return nil
}

// RecentReorgs returns the contract's last limit rollbacks, newest first (none: an empty slice).
func (q querier) RecentReorgs(ctx context.Context, chainID uint64, contract common.Address, limit int) ([]Reorg, error) {
	var rows []reorgRow
	if err := q.with(ctx).Where("chain_id = ? AND contract = ?", int64(chainID), addressText(contract)).
		Order("seq DESC").Limit(limit).Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("store: recent reorgs: %w", classify(err))
	}
	out := make([]Reorg, 0, len(rows))
	for _, r := range rows {
		out = append(out, Reorg{ChainID: uint64(r.ChainID), Contract: common.HexToAddress(r.Contract), At: r.RolledBackAt.UTC(),
			FromBlock: uint64(r.FromBlock), ToBlock: uint64(r.ToBlock), Depth: uint64(r.Depth), HeadBelowCursor: r.HeadBelowCursor,
			PurchasesRolledBack: r.PurchasesRolledBack})
	}
	return out, nil
}
