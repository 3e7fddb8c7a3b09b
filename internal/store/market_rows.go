package store

import (
	"time"

	"github.com/bittunes/bittunes/internal/wei"
)

// Rows of the market's read-model tables (migration 00003). They stay inside the package; callers
// get the domain values of this package and of package market.

// EventKey is the key every fact table shares, the log that made the row (chain, transaction, log
// index), and the block of that log. Fact rows embed it; it is exported only because gorm reads
// the columns of embedded structs whose type is exported.
type EventKey struct {
	ChainID     int64  `gorm:"column:chain_id;primaryKey"`
	TxHash      string `gorm:"column:tx_hash;primaryKey"`
	LogIndex    int    `gorm:"column:log_index;primaryKey"`
	BlockNumber int64  `gorm:"column:block_number"`
}

type trackRow struct {
	ChainID            int64      `gorm:"column:chain_id;primaryKey"`
	TrackID            int64      `gorm:"column:track_id;primaryKey"`
	Artist             string     `gorm:"column:artist"`
	Price              wei.Amount `gorm:"column:price"`
	ReferralBps        int        `gorm:"column:referral_bps"`
	Listed             bool       `gorm:"column:listed"`
	MetadataURI        string     `gorm:"column:metadata_uri"`
	ContentHash        string     `gorm:"column:content_hash"`
	InitialPrice       wei.Amount `gorm:"column:initial_price"`
	InitialReferralBps int        `gorm:"column:initial_referral_bps"`
	InitialMetadataURI string     `gorm:"column:initial_metadata_uri"`
	BlockNumber        int64      `gorm:"column:block_number"`
	TxHash             string     `gorm:"column:tx_hash"`
	LogIndex           int        `gorm:"column:log_index"`
	RegisteredAt       time.Time  `gorm:"column:registered_at"`
}

func (trackRow) TableName() string { return "tracks" }

type collaboratorRow struct {
	ChainID  int64  `gorm:"column:chain_id;primaryKey"`
	TrackID  int64  `gorm:"column:track_id;primaryKey"`
	Position int    `gorm:"column:position;primaryKey"`
	Account  string `gorm:"column:account"`
	Bps      int    `gorm:"column:bps"`
}

func (collaboratorRow) TableName() string { return "track_collaborators" }

type trackChangeRow struct {
	EventKey
	TrackID int64  `gorm:"column:track_id"`
	Kind    string `gorm:"column:kind"`
	Value   string `gorm:"column:value"`
}

func (trackChangeRow) TableName() string { return "track_changes" }

type purchaseRow struct {
	EventKey
	BlockTime      time.Time  `gorm:"column:block_time"`
	TrackID        int64      `gorm:"column:track_id"`
	Buyer          string     `gorm:"column:buyer"`
	Recipient      string     `gorm:"column:recipient"`
	Referrer       string     `gorm:"column:referrer"`
	Price          wei.Amount `gorm:"column:price"`
	ArtistAmount   wei.Amount `gorm:"column:artist_amount"`
	ReferrerAmount wei.Amount `gorm:"column:referrer_amount"`
	FeeAmount      wei.Amount `gorm:"column:fee_amount"`
	FeeRecipient   string     `gorm:"column:fee_recipient"`
	// ArtistKeeps is the artist's own credit: the artist side after collaborators.
	ArtistKeeps wei.Amount `gorm:"column:artist_keeps"`
}

func (purchaseRow) TableName() string { return "purchases" }

type creditRow struct {
	EventKey
	Role      string     `gorm:"column:role;primaryKey"`
	BlockTime time.Time  `gorm:"column:block_time"`
	Account   string     `gorm:"column:account"`
	TrackID   int64      `gorm:"column:track_id"`
	Amount    wei.Amount `gorm:"column:amount"`
}

// TableName: credits is a view (migration 00017): the artist, referrer and fee credits come from
// the purchases, the collaborators' from collaborator_credits.
func (creditRow) TableName() string { return "credits" }

// collaboratorCreditRow is a CollaboratorCredited event: the only credits stored as rows.
type collaboratorCreditRow struct {
	EventKey
	BlockTime time.Time  `gorm:"column:block_time"`
	Account   string     `gorm:"column:account"`
	TrackID   int64      `gorm:"column:track_id"`
	Amount    wei.Amount `gorm:"column:amount"`
}

func (collaboratorCreditRow) TableName() string { return "collaborator_credits" }

type withdrawalRow struct {
	EventKey
	BlockTime time.Time  `gorm:"column:block_time"`
	Account   string     `gorm:"column:account"`
	ToAddress string     `gorm:"column:to_address"`
	Amount    wei.Amount `gorm:"column:amount"`
}

func (withdrawalRow) TableName() string { return "withdrawals" }

type settingsChangeRow struct {
	EventKey
	Kind  string `gorm:"column:kind"`
	Value string `gorm:"column:value"`
}

func (settingsChangeRow) TableName() string { return "settings_changes" }

type trackStatsRow struct {
	ChainID        int64      `gorm:"column:chain_id;primaryKey"`
	TrackID        int64      `gorm:"column:track_id;primaryKey"`
	Sales          int64      `gorm:"column:sales"`
	Revenue        wei.Amount `gorm:"column:revenue"`
	FirstSaleBlock int64      `gorm:"column:first_sale_block"`
	FirstSaleLog   int        `gorm:"column:first_sale_log"`
	LastSaleAt     time.Time  `gorm:"column:last_sale_at"`
}

func (trackStatsRow) TableName() string { return "track_stats" }

type accountTotalsRow struct {
	ChainID   int64      `gorm:"column:chain_id;primaryKey"`
	Account   string     `gorm:"column:account;primaryKey"`
	Credited  wei.Amount `gorm:"column:credited"`
	Withdrawn wei.Amount `gorm:"column:withdrawn"`
}

func (accountTotalsRow) TableName() string { return "account_totals" }

type dailyTrackSalesRow struct {
	ChainID int64      `gorm:"column:chain_id;primaryKey"`
	TrackID int64      `gorm:"column:track_id;primaryKey"`
	Day     string     `gorm:"column:day;primaryKey"`
	Sales   int64      `gorm:"column:sales"`
	Revenue wei.Amount `gorm:"column:revenue"`
}

func (dailyTrackSalesRow) TableName() string { return "daily_track_sales" }

type dailyAccountCreditsRow struct {
	ChainID int64      `gorm:"column:chain_id;primaryKey"`
	Account string     `gorm:"column:account;primaryKey"`
	Day     string     `gorm:"column:day;primaryKey"`
	Role    string     `gorm:"column:role;primaryKey"`
	Credits int64      `gorm:"column:credits"`
	Amount  wei.Amount `gorm:"column:amount"`
}

func (dailyAccountCreditsRow) TableName() string { return "daily_account_credits" }
