package store

import (
	"context"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"gorm.io/gorm/clause"
)

// Cursor is where the indexer stands on one contract of one chain: the last
// block whose logs it has applied.
type Cursor struct {
	ChainID     uint64
	Contract    common.Address
	BlockNumber uint64
	BlockHash   common.Hash
	UpdatedAt   time.Time // UTC, set by SaveCursor
}

// cursorRow is a row of indexer_cursors.
type cursorRow struct {
	ChainID     int64     `gorm:"column:chain_id;primaryKey"`
	Contract    string    `gorm:"column:contract;primaryKey"`
	BlockNumber int64     `gorm:"column:block_number"`
	BlockHash   string    `gorm:"column:block_hash"`
	SavedAt     time.Time `gorm:"column:updated_at"`
}

func (cursorRow) TableName() string { return "indexer_cursors" }

// Cursor returns the indexer's cursor for the contract on the chain, or an
// error wrapping ErrNotFound if the indexer has not saved one yet.
func (q querier) Cursor(ctx context.Context, chainID uint64, contract common.Address) (Cursor, error) {
	fail := func(err error) (Cursor, error) {
		return Cursor{}, fmt.Errorf("store: cursor %d/%s: %w", chainID, addressText(contract), err)
	}
	chain, err := bigint("chain ID", chainID)
	if err != nil {
		return fail(err)
	}
	var row cursorRow
	err = q.with(ctx).Where("chain_id = ? AND contract = ?", chain, addressText(contract)).Take(&row).Error
	if err != nil {
		return fail(classify(err))
	}
	hash, err := parseHash(row.BlockHash)
	if err != nil {
		return fail(err)
	}
	return Cursor{
		ChainID:     chainID,
		Contract:    contract,
		BlockNumber: uint64(row.BlockNumber),
		BlockHash:   hash,
		UpdatedAt:   row.SavedAt.UTC(),
	}, nil
}

// SaveCursor creates or replaces the cursor for c.ChainID and c.Contract,
// stamping it with the current time (c.UpdatedAt is ignored).
func (q querier) SaveCursor(ctx context.Context, c Cursor) error {
	row, err := cursorRowOf(c)
	if err != nil {
		return err
	}
	err = q.with(ctx).Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "chain_id"}, {Name: "contract"}},
		DoUpdates: clause.AssignmentColumns([]string{"block_number", "block_hash", "updated_at"}),
	}).Create(&row).Error
	if err != nil {
		return fmt.Errorf("store: save cursor %d/%s at block %d: %w", c.ChainID, addressText(c.Contract), c.BlockNumber, classify(err))
	}
	return nil
}

// cursorRowOf is the row that stores c, stamped with the current time.
func cursorRowOf(c Cursor) (cursorRow, error) {
	fail := func(err error) (cursorRow, error) {
		return cursorRow{}, fmt.Errorf("store: save cursor %d/%s at block %d: %w", c.ChainID, addressText(c.Contract), c.BlockNumber, err)
	}
	chain, err := bigint("chain ID", c.ChainID)
	if err != nil {
		return fail(err)
	}
	number, err := bigint("block number", c.BlockNumber)
	if err != nil {
		return fail(err)
	}
	return cursorRow{
		ChainID:     chain,
		Contract:    addressText(c.Contract),
		BlockNumber: number,
		BlockHash:   hashText(c.BlockHash),
		SavedAt:     now(),
	}, nil
}
