package store

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/wei"
)

// Roles in which an account is credited by a sale.
const (
	RoleArtist       = "artist"
	RoleCollaborator = "collaborator"
	RoleReferrer     = "referrer"
	RoleFee          = "fee"
)

// AccountSummary is what the indexer knows an account earned and withdrew. Owed should equal the
// contract's balanceOf; the API shows both.
type AccountSummary struct {
	Account   common.Address
	Credited  wei.Amount
	Withdrawn wei.Amount
	Owed      wei.Amount
	ByRole    map[string]wei.Amount // credited per role
	Tracks    int64                 // tracks registered as artist
	Owned     int64                 // tracks owned
}

// AccountSummary returns an account's totals; an account the market never saw has zeros.
func (q querier) AccountSummary(ctx context.Context, chainID uint64, account common.Address) (AccountSummary, error) {
	c, a := int64(chainID), addressText(account)
	s := AccountSummary{Account: account, ByRole: map[string]wei.Amount{}}
	var totals []accountTotalsRow
	if err := q.with(ctx).Where("chain_id = ? AND account = ?", c, a).Find(&totals).Error; err != nil {
		return s, fmt.Errorf("store: account %s: %w", a, classify(err))
	}
	if len(totals) == 1 {
		s.Credited, s.Withdrawn = totals[0].Credited, totals[0].Withdrawn
		owed, err := s.Credited.Sub(s.Withdrawn)
		if err != nil {
			return s, fmt.Errorf("store: account %s withdrew more than credited: %w", a, err)
		}
		s.Owed = owed
	}
	var daily []dailyAccountCreditsRow
	if err := q.with(ctx).Where("chain_id = ? AND account = ?", c, a).Find(&daily).Error; err != nil {
		return s, fmt.Errorf("store: account %s credits: %w", a, classify(err))
	}
	for _, d := range daily {
		sum, err := s.ByRole[d.Role].Add(d.Amount)
		if err != nil {
			return s, err
		}
		s.ByRole[d.Role] = sum
	}
	if err := q.with(ctx).Table("tracks").Where("chain_id = ? AND artist = ?", c, a).Count(&s.Tracks).Error; err != nil {
		return s, fmt.Errorf("store: account %s tracks: %w", a, classify(err))
	}
	if err := q.with(ctx).Table("purchases").Where("chain_id = ? AND recipient = ?", c, a).Count(&s.Owned).Error; err != nil {
		return s, fmt.Errorf("store: account %s library: %w", a, classify(err))
	}
	return s, nil
}

// Bucket is the width of a point of an earnings series.
type Bucket string

// The widths of earnings series points.
const (
	Daily   Bucket = "day"
	Weekly  Bucket = "week" // weeks start on Monday
	Monthly Bucket = "month"
)

// EarningsPoint is what an account was credited in one bucket, which starts on Start (UTC).
type EarningsPoint struct {
	Start   string // YYYY-MM-DD
	Credits int64
	Amount  wei.Amount
}

// Earnings returns an account's credits in the given roles (all when none), per bucket, oldest first;
// buckets without credits are left out.
func (q querier) Earnings(ctx context.Context, chainID uint64, account common.Address, bucket Bucket, roles ...string) ([]EarningsPoint, error) {
	db := q.with(ctx).Where("chain_id = ? AND account = ?", int64(chainID), addressText(account))
	if len(roles) > 0 {
		db = db.Where("role IN ?", roles)
	}
	var daily []dailyAccountCreditsRow
	if err := db.Order("day").Find(&daily).Error; err != nil {
		return nil, fmt.Errorf("store: earnings of %s: %w", account.Hex(), classify(err))
	}
	points := map[string]*EarningsPoint{}
	for _, d := range daily {
		start, err := bucketStart(d.Day, bucket)
		if err != nil {
			return nil, err
		}
		p, ok := points[start]
		if !ok {
			p = &EarningsPoint{Start: start}
			points[start] = p
		}
		p.Credits += d.Credits
		if p.Amount, err = p.Amount.Add(d.Amount); err != nil {
			return nil, err
		}
	}
	out := make([]EarningsPoint, 0, len(points))
	for _, p := range points {
		out = append(out, *p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out, nil
}

func bucketStart(day string, b Bucket) (string, error) {
	t, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return "", fmt.Errorf("store: stored day %q: %w", day, err)
	}
	switch b {
	case Weekly:
		t = t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
	case Monthly:
		t = time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	}
	return t.Format(time.DateOnly), nil
}

// CreditLine is one amount credited to an account, with the sale it came from.
type CreditLine struct {
	Role        string
	TrackID     int64
	TxHash      common.Hash
	LogIndex    int
	BlockNumber uint64
	BlockTime   time.Time
	Amount      wei.Amount
}

// Credits returns every credit of an account in the given roles (all when none), oldest first.
func (q querier) Credits(ctx context.Context, chainID uint64, account common.Address, roles ...string) ([]CreditLine, error) {
	db := q.with(ctx).Where("chain_id = ? AND account = ?", int64(chainID), addressText(account))
	if len(roles) > 0 {
		db = db.Where("role IN ?", roles)
	}
	var rows []creditRow
	if err := db.Order("block_number, log_index, role").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("store: credits of %s: %w", account.Hex(), classify(err))
	}
	out := make([]CreditLine, len(rows))
	for i, r := range rows {
		out[i] = CreditLine{Role: r.Role, TrackID: r.TrackID, TxHash: common.HexToHash(r.TxHash), LogIndex: r.LogIndex,
			BlockNumber: uint64(r.BlockNumber), BlockTime: r.BlockTime.UTC(), Amount: r.Amount}
	}
	return out, nil
}

// Distributor is an account whose referral links brought an artist sales.
type Distributor struct {
	Account common.Address
	Sales   int64
	Revenue wei.Amount // what the referred sales paid in total
	Earned  wei.Amount // what the distributor was credited for them
}

// TopDistributors returns who brought an artist the most sales, then revenue, at most limit.
func (q querier) TopDistributors(ctx context.Context, chainID uint64, artist common.Address, limit int) ([]Distributor, error) {
	var rows []purchaseRow
	err := q.with(ctx).Table("purchases p").Select("p.referrer, p.price, p.referrer_amount").
		Joins("JOIN tracks t ON t.chain_id = p.chain_id AND t.track_id = p.track_id").
		Where("p.chain_id = ? AND t.artist = ? AND p.referrer <> ''", int64(chainID), addressText(artist)).Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("store: distributors of %s: %w", artist.Hex(), classify(err))
	}
	by := map[string]*Distributor{}
	for _, r := range rows {
		d, ok := by[r.Referrer]
		if !ok {
			d = &Distributor{Account: common.HexToAddress(r.Referrer)}
			by[r.Referrer] = d
		}
		d.Sales++
		if d.Revenue, err = d.Revenue.Add(r.Price); err != nil {
			return nil, err
		}
		if d.Earned, err = d.Earned.Add(r.ReferrerAmount); err != nil {
			return nil, err
		}
	}
	out := make([]Distributor, 0, len(by))
	for _, d := range by {
		out = append(out, *d)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Sales != out[j].Sales {
			return out[i].Sales > out[j].Sales
		}
		if c := out[i].Revenue.Cmp(out[j].Revenue); c != 0 {
			return c > 0
		}
		return strings.ToLower(out[i].Account.Hex()) < strings.ToLower(out[j].Account.Hex())
	})
	return out[:min(len(out), max(limit, 0))], nil
}

// ArtistSale is a sale of an artist's track with what the artist itself was credited of the
// artist side: the rest of it went to the track's collaborators.
type ArtistSale struct {
	Sale
	ArtistCredited wei.Amount
}

// ArtistSales returns every sale of an artist's tracks, newest first, each joined with the
// artist's own credit from it (zero when the whole artist side went to collaborators).
func (q querier) ArtistSales(ctx context.Context, chainID uint64, artist common.Address) ([]ArtistSale, error) {
	var rows []struct {
		Purchase       purchaseRow `gorm:"embedded"`
		ArtistCredited *wei.Amount `gorm:"column:artist_credited"`
	}
	a := addressText(artist)
	err := q.with(ctx).Table("purchases p").Select("p.*, c.amount AS artist_credited").
		Joins("JOIN tracks t ON t.chain_id = p.chain_id AND t.track_id = p.track_id").
		Joins("LEFT JOIN credits c ON c.chain_id = p.chain_id AND c.tx_hash = p.tx_hash AND c.log_index = p.log_index AND c.role = ? AND c.account = ?", RoleArtist, a).
		Where("p.chain_id = ? AND t.artist = ?", int64(chainID), a).Order("p.block_number DESC, p.log_index DESC").Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("store: sales of artist %s: %w", artist.Hex(), classify(err))
	}
	out := make([]ArtistSale, len(rows))
	for i, r := range rows {
		out[i].Sale = r.Purchase.sale()
		if r.ArtistCredited != nil {
			out[i].ArtistCredited = *r.ArtistCredited
		}
	}
	return out, nil
}
