package store

import (
	"context"
	"fmt"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/wei"
)

// TrackCredits is what an account was credited in one role for the sales of one track.
type TrackCredits struct {
	TrackID int64
	Sales   int64 // the sales that credited it
	Amount  wei.Amount
}

// ArtistEarnings sums what each of an artist's tracks credited the artist itself (the artist
// side after its collaborators' parts), per track: what the Studio shows beside each track.
func (s *Store) ArtistEarnings(ctx context.Context, chainID uint64, artist common.Address) (map[int64]TrackCredits, error) {
	return s.CreditsByTrack(ctx, chainID, artist, RoleArtist)
}

// CreditsByTrack sums an account's credits in one role per track, in one aggregate query. On
// PostgreSQL money is NUMERIC and SUM is exact. On SQLite money is decimal text, which SUM would
// turn into a float: the query sums it exactly instead as weiChunks integer sums of 12-digit
// slices of the text (each sum fits 64 bits for millions of rows, and SQLite reports an overflow
// rather than rounding), which are put back together here.
//
// With tracks given, only those tracks' credits are summed.
func (s *Store) CreditsByTrack(ctx context.Context, chainID uint64, account common.Address, role string, tracks ...int64) (map[int64]TrackCredits, error) {
	where := "chain_id = ? AND account = ? AND role = ?"
	args := []any{int64(chainID), addressText(account), role}
	if len(tracks) > 0 {
		where += " AND track_id IN ?"
		args = append(args, tracks)
	}
	out := map[int64]TrackCredits{}
	if s.dialect == DialectPostgres {
		var rows []struct {
			TrackID int64
			Sales   int64
			Amount  wei.Amount
		}
		err := s.with(ctx).Raw("SELECT track_id, COUNT(*) AS sales, SUM(amount) AS amount FROM credits WHERE "+where+
			" GROUP BY track_id", args...).Scan(&rows).Error
		if err != nil {
			return nil, fmt.Errorf("store: %s credits of %s by track: %w", role, account.Hex(), classify(err))
		}
		for _, r := range rows {
			out[r.TrackID] = TrackCredits{TrackID: r.TrackID, Sales: r.Sales, Amount: r.Amount}
		}
		return out, nil
	}
	sqlRows, err := s.with(ctx).Raw("SELECT track_id, COUNT(*), "+sumWeiText("amount")+" FROM credits WHERE "+where+
		" GROUP BY track_id", args...).Rows()
	if err != nil {
		return nil, fmt.Errorf("store: %s credits of %s by track: %w", role, account.Hex(), classify(err))
	}
	defer sqlRows.Close()
	for sqlRows.Next() {
		var e TrackCredits
		chunks := make([]int64, weiChunks)
		dest := []any{&e.TrackID, &e.Sales}
		for i := range chunks {
			dest = append(dest, &chunks[i])
		}
		if err := sqlRows.Scan(dest...); err != nil {
			return nil, fmt.Errorf("store: %s credits of %s by track: %w", role, account.Hex(), classify(err))
		}
		if e.Amount, err = joinWeiChunks(chunks); err != nil {
			return nil, fmt.Errorf("store: %s credits of %s by track: %w", role, account.Hex(), err)
		}
		out[e.TrackID] = e
	}
	if err := sqlRows.Err(); err != nil {
		return nil, fmt.Errorf("store: %s credits of %s by track: %w", role, account.Hex(), classify(err))
	}
	return out, nil
}

// weiChunks slices of weiChunkDigits digits cover the 78 digits of any uint256.
const (
	weiChunkDigits = 12
	weiChunks      = 7
)

// sumWeiText is the SQLite select list that sums the decimal text column col exactly: one integer
// SUM per 12-digit slice, least significant first.
func sumWeiText(col string) string {
	parts := make([]string, weiChunks)
	for i := range parts {
		// substr(x, -12(i+1), 12) is the i-th slice from the right; for shorter text it is the
		// leading digits left, or ''. CAST('' AS INTEGER) is 0.
		parts[i] = fmt.Sprintf("COALESCE(SUM(CAST(substr(%s, %d, %d) AS INTEGER)), 0)", col, -weiChunkDigits*(i+1), weiChunkDigits)
	}
	return strings.Join(parts, ", ")
}

// joinWeiChunks is Σ chunks[i] × 10^(12 i).
func joinWeiChunks(chunks []int64) (wei.Amount, error) {
	total, base := new(big.Int), new(big.Int).Exp(big.NewInt(10), big.NewInt(weiChunkDigits), nil)
	for i := len(chunks) - 1; i >= 0; i-- {
		total.Mul(total, base).Add(total, big.NewInt(chunks[i]))
	}
	return wei.New(total)
}
