package store

import (
	"context"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"gorm.io/gorm/clause"
)

// Block is a canonical block the indexer has applied. The indexer keeps the
// recent ones to notice a reorg: a new block whose parent hash differs from
// the stored hash of the block before it.
type Block struct {
	ChainID    uint64
	Number     uint64
	Hash       common.Hash
	ParentHash common.Hash
}

// blockRow is a row of indexed_blocks.
type blockRow struct {
	ChainID    int64  `gorm:"column:chain_id;primaryKey"`
	Number     int64  `gorm:"column:number;primaryKey"`
	Hash       string `gorm:"column:hash"`
	ParentHash string `gorm:"column:parent_hash"`
}

func (blockRow) TableName() string { return "indexed_blocks" }

// SaveBlocks creates or replaces the blocks, keyed by chain and number. If
// the same block appears more than once, the last one wins. Outside a
// transaction the blocks are saved all or none.
func (q querier) SaveBlocks(ctx context.Context, blocks []Block) error {
	rows, err := blockRows(blocks)
	if err != nil {
		return fmt.Errorf("store: save %d blocks: %w", len(blocks), err)
	}
	if len(rows) == 0 {
		return nil
	}
	err = q.with(ctx).Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "chain_id"}, {Name: "number"}},
		DoUpdates: clause.AssignmentColumns([]string{"hash", "parent_hash"}),
	}).CreateInBatches(rows, q.rowsPerInsert(rows)).Error
	if err != nil {
		return fmt.Errorf("store: save %d blocks: %w", len(blocks), classify(err))
	}
	return nil
}

// blockRows converts blocks to rows, keeping the last of any duplicates:
// PostgreSQL refuses an upsert that touches the same row twice.
func blockRows(blocks []Block) ([]blockRow, error) {
	rows := make([]blockRow, 0, len(blocks))
	index := make(map[[2]uint64]int, len(blocks))
	for _, b := range blocks {
		chain, err := bigint("chain ID", b.ChainID)
		if err != nil {
			return nil, err
		}
		number, err := bigint("block number", b.Number)
		if err != nil {
			return nil, err
		}
		row := blockRow{ChainID: chain, Number: number, Hash: hashText(b.Hash), ParentHash: hashText(b.ParentHash)}
		key := [2]uint64{b.ChainID, b.Number}
		if i, ok := index[key]; ok {
			rows[i] = row
			continue
		}
		index[key] = len(rows)
		rows = append(rows, row)
	}
	return rows, nil
}

// BlockHash returns the hash of the indexed block with this number, or an
// error wrapping ErrNotFound if it is not stored.
func (q querier) BlockHash(ctx context.Context, chainID, number uint64) (common.Hash, error) {
	fail := func(err error) (common.Hash, error) {
		return common.Hash{}, fmt.Errorf("store: block %d/%d: %w", chainID, number, err)
	}
	chain, err := bigint("chain ID", chainID)
	if err != nil {
		return fail(err)
	}
	n, err := bigint("block number", number)
	if err != nil {
		return fail(err)
	}
	var row blockRow
	if err := q.with(ctx).Where("chain_id = ? AND number = ?", chain, n).Take(&row).Error; err != nil {
		return fail(classify(err))
	}
	hash, err := parseHash(row.Hash)
	if err != nil {
		return fail(err)
	}
	return hash, nil
}

// DeleteBlocksAbove deletes the chain's indexed blocks numbered above number,
// as a reorg rolls back to the common ancestor number.
func (q querier) DeleteBlocksAbove(ctx context.Context, chainID, number uint64) error {
	if err := q.deleteBlocks(ctx, chainID, "number > ?", number); err != nil {
		return fmt.Errorf("store: delete blocks of chain %d above %d: %w", chainID, number, err)
	}
	return nil
}

// PruneBlocksBelow deletes the chain's indexed blocks numbered below number,
// which are deeper than any reorg the indexer guards against.
func (q querier) PruneBlocksBelow(ctx context.Context, chainID, number uint64) error {
	if err := q.deleteBlocks(ctx, chainID, "number < ?", number); err != nil {
		return fmt.Errorf("store: prune blocks of chain %d below %d: %w", chainID, number, err)
	}
	return nil
}

// deleteBlocks deletes the chain's blocks whose number meets the condition.
func (q querier) deleteBlocks(ctx context.Context, chainID uint64, condition string, number uint64) error {
	chain, err := bigint("chain ID", chainID)
	if err != nil {
		return err
	}
	n, err := bigint("block number", number)
	if err != nil {
		return err
	}
	err = q.with(ctx).Where("chain_id = ?", chain).Where(condition, n).Delete(&blockRow{}).Error
	return classify(err)
}
