package store

import (
	"context"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"gorm.io/gorm"

	"github.com/bittunes/bittunes/internal/wei"
)

// Sale is one purchase with every part of its split.
type Sale struct {
	TrackID        int64
	TxHash         common.Hash
	LogIndex       int
	BlockNumber    uint64
	BlockTime      time.Time
	Buyer          common.Address
	Recipient      common.Address
	Referrer       common.Address // zero when not referred
	Price          wei.Amount
	ArtistAmount   wei.Amount
	ReferrerAmount wei.Amount
	FeeAmount      wei.Amount
	FeeRecipient   common.Address
}

// SaleCursor is where a page of sales ended (sales are listed newest first).
type SaleCursor struct {
	Block uint64
	Log   int
}

// SaleFilter selects sales for the audit feed and account pages. Zero fields select everything.
type SaleFilter struct {
	TrackID int64
	Artist  common.Address // sales of this artist's tracks
	// Account selects the sales in which this account bought, received, referred or was paid the
	// fee, and those that credited it as the track's artist (a part of the artist side kept) or as
	// one of the track's collaborators.
	Account   common.Address
	Recipient common.Address // sales to this owner (a library)
	Referrer  common.Address // sales this account referred
}

func (r purchaseRow) sale() Sale {
	s := Sale{TrackID: r.TrackID, TxHash: common.HexToHash(r.TxHash), LogIndex: r.LogIndex, BlockNumber: uint64(r.BlockNumber),
		BlockTime: r.BlockTime.UTC(), Buyer: common.HexToAddress(r.Buyer), Recipient: common.HexToAddress(r.Recipient),
		Price: r.Price, ArtistAmount: r.ArtistAmount, ReferrerAmount: r.ReferrerAmount, FeeAmount: r.FeeAmount,
		FeeRecipient: common.HexToAddress(r.FeeRecipient)}
	if r.Referrer != "" {
		s.Referrer = common.HexToAddress(r.Referrer)
	}
	return s
}

// Sales returns a page of sales matching f, newest first, and the cursor of the next page (nil at
// the end). limit ≤ 0 returns every sale (for exports).
//
// An account's sales (f.Account) are the union of one query per way the account takes part in a
// sale, each read through an index on that part (the buyer, the recipient, the referrer, the fee
// recipient, the artist's tracks, the collaborator's credits), ordered and cut to the page, then
// merged and deduplicated by the purchase's key: a page costs a few index ranges of at most a page
// each, however many sales the market holds.
func (q querier) Sales(ctx context.Context, chainID uint64, f SaleFilter, after *SaleCursor, limit int) ([]Sale, *SaleCursor, error) {
	var rows []purchaseRow
	var err error
	if f.Account == (common.Address{}) {
		err = q.salesQuery(ctx, int64(chainID), f, after, limit).Scan(&rows).Error
	} else {
		rows, err = q.accountSales(ctx, int64(chainID), f, after, limit)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("store: sales: %w", classify(err))
	}
	var next *SaleCursor
	if limit > 0 && len(rows) > limit {
		rows = rows[:limit]
		last := rows[limit-1]
		next = &SaleCursor{Block: uint64(last.BlockNumber), Log: last.LogIndex}
	}
	out := make([]Sale, len(rows))
	for i, r := range rows {
		out[i] = r.sale()
	}
	return out, next, nil
}

// salesQuery selects the purchases (as p) matching f's filters but Account, after the cursor,
// newest first, limit+1 of them (all when limit ≤ 0): the page and whether there is another.
func (q querier) salesQuery(ctx context.Context, c int64, f SaleFilter, after *SaleCursor, limit int) *gorm.DB {
	return q.salesBranch(q.with(ctx).Table("purchases p"), c, f, after, limit)
}

// salesBranch adds f's filters but Account, the cursor, the order and the page's limit to db, a
// query that reads purchases as p.
func (q querier) salesBranch(db *gorm.DB, c int64, f SaleFilter, after *SaleCursor, limit int) *gorm.DB {
	db = db.Select("p.*").Where("p.chain_id = ?", c)
	zero := common.Address{}
	if f.TrackID != 0 {
		db = db.Where("p.track_id = ?", f.TrackID)
	}
	if f.Artist != zero {
		db = db.Joins("JOIN tracks t ON t.chain_id = p.chain_id AND t.track_id = p.track_id").Where("t.artist = ?", addressText(f.Artist))
	}
	if f.Recipient != zero {
		db = db.Where("p.recipient = ?", addressText(f.Recipient))
	}
	if f.Referrer != zero {
		db = db.Where("p.referrer = ?", addressText(f.Referrer))
	}
	if after != nil {
		// The first condition is implied by the second; it bounds the index range scanned.
		db = db.Where("p.block_number <= ?", int64(after.Block)).
			Where("(p.block_number < ? OR (p.block_number = ? AND p.log_index < ?))", int64(after.Block), int64(after.Block), after.Log)
	}
	db = db.Order("p.block_number DESC, p.log_index DESC")
	if limit > 0 {
		db = db.Limit(limit + 1)
	}
	return db
}

// accountSales reads an account's page of sales as Sales describes: the rows of its branches,
// newest first, each purchase once, limit+1 of them (all when limit ≤ 0).
func (q querier) accountSales(ctx context.Context, c int64, f SaleFilter, after *SaleCursor, limit int) ([]purchaseRow, error) {
	tracks, err := q.artistTrackIDs(ctx, c, f.Account)
	if err != nil {
		return nil, err
	}
	var rows []purchaseRow
	if err := q.accountSalesQuery(ctx, c, f, tracks, after, limit).Scan(&rows).Error; err != nil {
		return nil, err
	}
	return firstOfEachPurchase(rows, limit), nil
}

// artistTrackIDs lists the tracks an account registered as their artist (through tracks_artist).
func (q querier) artistTrackIDs(ctx context.Context, c int64, artist common.Address) ([]int64, error) {
	var ids []int64
	err := q.with(ctx).Table("tracks").Where("artist = ? AND chain_id = ?", addressText(artist), c).Order("track_id").Pluck("track_id", &ids).Error
	return ids, err
}

// accountSalesQuery is the UNION ALL of the branches of f.Account's sales, each one ordered and cut
// to the page, the whole ordered newest first; rows of a purchase found by several branches repeat.
// tracks are the account's own tracks (the artist branch; none, no branch).
func (q querier) accountSalesQuery(ctx context.Context, c int64, f SaleFilter, tracks []int64, after *SaleCursor, limit int) *gorm.DB {
	a := addressText(f.Account)
	purchases := func() *gorm.DB { return q.with(ctx).Table("purchases p") }
	branches := []*gorm.DB{
		purchases().Where("p.buyer = ?", a),
		purchases().Where("p.recipient = ?", a),
		purchases().Where("p.referrer = ?", a),
		purchases().Where("p.fee_recipient = ?", a),
	}
	if len(tracks) > 0 {
		// Credited as the artist: the account's tracks' sales of which the artist kept a part (as
		// the credits view has it).
		branches = append(branches, purchases().Where("p.track_id IN ? AND p.artist_keeps <> '0'", tracks))
	}
	branches = append(branches, q.collaboratorSales(ctx, c, f, after, limit))

	sql := ""
	args := make([]any, len(branches))
	for i, b := range branches {
		if i > 0 {
			sql += " UNION ALL "
		}
		sql += fmt.Sprintf("SELECT * FROM (?) AS b%d", i)
		args[i] = q.salesBranch(b, c, f, after, limit)
	}
	return q.with(ctx).Raw(sql+" ORDER BY block_number DESC, log_index DESC, tx_hash", args...)
}

// collaboratorSales reads (as p) the purchases that credited f.Account as a collaborator, through
// its credits. A CollaboratorCredited log belongs to the Purchased log right before it in its
// transaction (the contract emits a sale's credits right after it), so a collaborator of one track
// of a release does not see the release's other tracks. The credits are read first, newest first
// by the index on (account, block_number), each with its purchase's log index, and cut to the page
// (a purchase credits an account once: the contract refuses a collaborator named twice), then
// their purchases are looked up by key: the cut keeps the planner from joining the credits with a
// whole chain's purchases. The filters on the track and the artist apply to the credits too; with
// a filter on the recipient or the referrer, which only the purchase has, the credits are not cut.
func (q querier) collaboratorSales(ctx context.Context, c int64, f SaleFilter, after *SaleCursor, limit int) *gorm.DB {
	zero := common.Address{}
	credits := q.with(ctx).Table("collaborator_credits c").
		Select(`c.chain_id, c.tx_hash, c.track_id, c.block_number, (SELECT MAX(n.log_index) FROM purchases n
			WHERE n.chain_id = c.chain_id AND n.tx_hash = c.tx_hash AND n.log_index < c.log_index) AS log_index`).
		Where("c.account = ? AND c.chain_id = ?", addressText(f.Account), c)
	if f.TrackID != 0 {
		credits = credits.Where("c.track_id = ?", f.TrackID)
	}
	if f.Artist != zero {
		credits = credits.Where("c.track_id IN (SELECT t.track_id FROM tracks t WHERE t.artist = ? AND t.chain_id = ?)", addressText(f.Artist), c)
	}
	if after != nil {
		credits = credits.Where("c.block_number <= ?", int64(after.Block))
	}
	keys := q.with(ctx).Table("(?) AS k0", credits).Select("k0.*")
	if after != nil {
		keys = keys.Where("(k0.block_number < ? OR (k0.block_number = ? AND k0.log_index < ?))", int64(after.Block), int64(after.Block), after.Log)
	}
	keys = keys.Order("k0.block_number DESC, k0.log_index DESC")
	if limit > 0 && f.Recipient == zero && f.Referrer == zero {
		keys = keys.Limit(limit + 1)
	}
	return q.with(ctx).Table("(?) AS k", keys).
		Joins("JOIN purchases p ON p.chain_id = k.chain_id AND p.tx_hash = k.tx_hash AND p.log_index = k.log_index AND p.block_number = k.block_number AND p.track_id = k.track_id")
}

// firstOfEachPurchase keeps the first row of each purchase of rows (ordered newest first, so a
// purchase's rows are adjacent), at most limit+1 of them (all when limit ≤ 0).
func firstOfEachPurchase(rows []purchaseRow, limit int) []purchaseRow {
	out := rows[:0]
	for _, r := range rows {
		if n := len(out); n > 0 && out[n-1].TxHash == r.TxHash && out[n-1].LogIndex == r.LogIndex {
			continue
		}
		if limit > 0 && len(out) == limit+1 {
			break
		}
		out = append(out, r)
	}
	return out
}
