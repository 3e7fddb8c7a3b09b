package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"reflect"
	"strconv"

	"gorm.io/gorm/clause"

	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/wei"
)

// Batch is what the indexer commits at once: the events of a run of consecutive blocks, the blocks
// to remember for reorg detection, and the cursor after them.
type Batch struct {
	// From is the first block the batch covers; the stored cursor must be the block before it.
	From uint64
	// Cursor is where the indexer stands after the batch: its last block.
	Cursor Cursor
	// Events are the decoded market events of blocks From..Cursor.BlockNumber, in chain order.
	Events []market.Event
	// Blocks are remembered for reorg detection; PruneBelow forgets the ones below it (0: none).
	Blocks     []Block
	PruneBelow uint64
}

// ErrOutOfOrder reports a batch that does not start right after the stored cursor: applying it
// would skip blocks or count some twice.
var ErrOutOfOrder = errors.New("batch does not follow the stored cursor")

// Apply commits a batch in one transaction: its facts, the aggregates they change, its blocks and the
// new cursor. Either all of it is stored or none.
//
// On PostgreSQL the many rows of a batch go the fast way (see pgBulk): fact rows by COPY, and
// aggregates by upserts that add in SQL; the transaction begins with the batch's first reads and
// commits with its writes, in their round trips. On SQLite, which has no exact arithmetic on money,
// they go through gorm and the aggregates are added in Go.
func (s *Store) Apply(ctx context.Context, b Batch) error {
	if s.dialect == DialectPostgres {
		// The indexer retries a failed batch: a connection the server closed costs a retry, and a
		// batch costs no ping (a round trip) after a second without one.
		ctx = withoutPing(ctx)
		return s.onOpenedConn(ctx, func(q querier, conn *sql.Conn) error {
			bulk := newPgBulk(conn)
			bulk.begin()
			if err := q.apply(ctx, b, bulk); err != nil {
				return errors.Join(err, bulk.rollback(ctx))
			}
			return nil
		})
	}
	return s.Transact(ctx, func(tx *Tx) error { return tx.apply(ctx, b, tx.querier) })
}

// bulkRows reads and writes the many rows of a batch: its facts, what they add to the
// aggregates, the chart ledger's rows (chart_ledger.go), and the blocks and cursor that end it.
// PostgreSQL has a fast path for each (pgBulk), which may hold writes back until flush (or
// endBatch) sends them together; SQLite goes through gorm (querier).
type bulkRows interface {
	insertFacts(ctx context.Context, f *facts) error
	mergeAggregates(ctx context.Context, a *aggregates) error
	ledgerRows
	// readInputs reads what applying b needs from the store besides the ledger: see inputs. sold
	// lists the tracks sold in b that were registered before it.
	readInputs(ctx context.Context, b Batch, sold []int64) (inputs, error)
	// flush sends the writes held back, before a statement that must see them.
	flush(ctx context.Context) error
	// endBatch saves the batch's blocks, prunes the old ones and saves its cursor, and sends every
	// write held back.
	endBatch(ctx context.Context, b Batch) error
}

// inputs is what applying a batch reads from the store before the chart ledger's state.
type inputs struct {
	cursor       *Cursor // nil: none stored yet
	feeRecipient string
	// teams holds the artist, then the collaborators in order, of each track sold in the batch that
	// was registered before it.
	teams map[int64][]string
}

// readInputs reads them through gorm, one query after the other.
func (q querier) readInputs(ctx context.Context, b Batch, sold []int64) (inputs, error) {
	var in inputs
	switch c, err := q.Cursor(ctx, b.Cursor.ChainID, b.Cursor.Contract); {
	case errors.Is(err, ErrNotFound):
	case err != nil:
		return in, err
	default:
		in.cursor = &c
	}
	var err error
	if in.feeRecipient, err = q.setting(ctx, b.Cursor.ChainID, "fee_recipient"); err != nil {
		return in, err
	}
	chainID := int64(b.Cursor.ChainID)
	artists, err := q.artists(ctx, chainID, sold)
	if err != nil {
		return in, err
	}
	in.teams, err = q.teams(ctx, chainID, sold, artists)
	return in, err
}

// apply reads first what the batch needs from the store (the cursor, the fee recipient, the teams
// of the tracks sold, and what the chart ledger knows of its buyers and fans) and then writes, so
// that on PostgreSQL a batch near the head reads in two round trips and writes in one.
func (q querier) apply(ctx context.Context, b Batch, bulk bulkRows) error {
	chainID := b.Cursor.ChainID
	in, err := bulk.readInputs(ctx, b, soldEarlier(b.Events))
	if err != nil {
		return err
	}
	if in.cursor != nil && in.cursor.BlockNumber+1 != b.From {
		return fmt.Errorf("store: apply blocks %d-%d after cursor %d: %w", b.From, b.Cursor.BlockNumber, in.cursor.BlockNumber, ErrOutOfOrder)
	}
	artists := make(map[int64]string, len(in.teams)+16)
	for id, team := range in.teams {
		artists[id] = team[0]
	}
	f := newFacts(int64(chainID), in.feeRecipient, artists)
	for _, ev := range b.Events {
		if err := f.add(ev); err != nil {
			return fmt.Errorf("store: apply: %w", err)
		}
	}
	judged, err := judgeSales(ctx, int64(chainID), b.Events, in.teams, bulk)
	if err != nil {
		return err
	}

	if err := bulk.insertFacts(ctx, f); err != nil {
		return err
	}
	if len(f.changes) > 0 || !f.releaseFacts.empty() {
		// Changes update rows the batch may have inserted: send those first.
		if err := bulk.flush(ctx); err != nil {
			return err
		}
		if err := q.applyTrackChanges(ctx, f); err != nil {
			return err
		}
		if err := q.applyReleases(ctx, &f.releaseFacts); err != nil {
			return err
		}
	}
	if err := bulk.mergeAggregates(ctx, f.aggregates); err != nil {
		return err
	}
	if err := judged.write(ctx, bulk); err != nil {
		return err
	}
	return bulk.endBatch(ctx, b)
}

// flush does nothing: gorm sends each write at once.
func (q querier) flush(context.Context) error { return nil }

// endBatch saves the blocks, prunes and saves the cursor through gorm.
func (q querier) endBatch(ctx context.Context, b Batch) error {
	if err := q.SaveBlocks(ctx, b.Blocks); err != nil {
		return err
	}
	if b.PruneBelow > 0 {
		if err := q.PruneBlocksBelow(ctx, b.Cursor.ChainID, b.PruneBelow); err != nil {
			return err
		}
	}
	return q.SaveCursor(ctx, b.Cursor)
}

// facts are the rows a batch adds, and the aggregate deltas they make.
type facts struct {
	chainID      int64
	feeRecipient string

	tracks        []trackRow
	artists       map[int64]string // artists of the tracks sold, registered in the batch or before
	collaborators []collaboratorRow
	changes       []trackChangeRow
	purchases     []purchaseRow
	collabCredits []collaboratorCreditRow // the only credits stored; the others are read from purchases
	withdrawals   []withdrawalRow
	settings      []settingsChangeRow
	aggregates    *aggregates
	releaseFacts  releaseFacts // releases.go
}

func newFacts(chainID int64, feeRecipient string, artists map[int64]string) *facts {
	return &facts{chainID: chainID, feeRecipient: feeRecipient, artists: artists, aggregates: newAggregates(chainID)}
}

// soldEarlier lists the tracks sold in events but registered before them.
func soldEarlier(events []market.Event) []int64 {
	registered := map[int64]bool{}
	var ids []int64
	for _, ev := range events {
		switch e := ev.(type) {
		case market.TrackRegistered:
			registered[e.TrackID] = true
		case market.Sale:
			if !registered[e.TrackID] {
				registered[e.TrackID] = true // ask once
				ids = append(ids, e.TrackID)
			}
		}
	}
	return ids
}

// key is the event key of the fact a log at p makes.
func (f *facts) key(p market.Position) EventKey {
	return EventKey{ChainID: f.chainID, TxHash: hashText(p.TxHash), LogIndex: int(p.LogIndex), BlockNumber: int64(p.BlockNumber)}
}

func (f *facts) add(ev market.Event) error {
	p := ev.Pos()
	switch e := ev.(type) {
	case market.TrackRegistered:
		k := f.key(p)
		f.artists[e.TrackID] = addressText(e.Artist)
		f.tracks = append(f.tracks, trackRow{ChainID: f.chainID, TrackID: e.TrackID, Artist: addressText(e.Artist),
			Price: e.Price, ReferralBps: int(e.ReferralBps), Listed: true, MetadataURI: e.MetadataURI,
			ContentHash: hashText(e.ContentHash), InitialPrice: e.Price, InitialReferralBps: int(e.ReferralBps),
			InitialMetadataURI: e.MetadataURI, BlockNumber: k.BlockNumber, TxHash: k.TxHash, LogIndex: k.LogIndex, RegisteredAt: p.BlockTime})
		for i, c := range e.Collaborators {
			f.collaborators = append(f.collaborators, collaboratorRow{ChainID: f.chainID, TrackID: e.TrackID,
				Position: i, Account: addressText(c.Account), Bps: int(c.Bps)})
		}
	case market.PriceUpdated:
		f.change(p, e.TrackID, "price", e.Price.String())
	case market.ReferralShareUpdated:
		f.change(p, e.TrackID, "referral_bps", strconv.Itoa(int(e.ReferralBps)))
	case market.ListingUpdated:
		f.change(p, e.TrackID, "listed", strconv.FormatBool(e.Listed))
	case market.MetadataURIUpdated:
		f.change(p, e.TrackID, "metadata_uri", e.URI)
	case market.Sale:
		return f.sale(e)
	case market.Withdrawn:
		account := addressText(e.Account)
		f.withdrawals = append(f.withdrawals, withdrawalRow{EventKey: f.key(p), BlockTime: p.BlockTime, Account: account, ToAddress: addressText(e.To), Amount: e.Amount})
		return f.aggregates.withdrawal(f.withdrawals[len(f.withdrawals)-1])
	case market.FeeUpdated:
		f.setting(p, "fee_bps", strconv.Itoa(int(e.Bps)))
	case market.FeeRecipientUpdated:
		f.feeRecipient = addressText(e.Recipient)
		f.setting(p, "fee_recipient", f.feeRecipient)
	case market.ReleaseRegistered, market.ReleasePriceUpdated, market.ReleaseListingUpdated, market.ReleasePurchased:
		return f.addRelease(ev)
	case market.OwnershipTransferred:
		kind := "owner"
		if e.Pending {
			kind = "pending_owner"
		}
		f.setting(p, kind, addressText(e.Owner))
	default:
		return fmt.Errorf("unknown event %T", ev)
	}
	return nil
}

func (f *facts) sale(e market.Sale) error {
	p := e.Position
	k := f.key(p)
	referrer := ""
	if e.Referred() {
		referrer = addressText(e.Referrer)
	}
	if f.feeRecipient == "" && !e.FeeAmount.IsZero() {
		return fmt.Errorf("sale %s/%d: a fee but no known fee recipient", k.TxHash, k.LogIndex)
	}
	keeps, err := e.ArtistKeeps()
	if err != nil {
		return err
	}
	artist, err := f.artistOf(e.TrackID)
	if err != nil {
		return err
	}
	f.purchases = append(f.purchases, purchaseRow{EventKey: k, BlockTime: p.BlockTime, TrackID: e.TrackID, Buyer: addressText(e.Buyer), Recipient: addressText(e.Recipient),
		Referrer: referrer, Price: e.Price, ArtistAmount: e.ArtistAmount, ReferrerAmount: e.ReferrerAmount,
		FeeAmount: e.FeeAmount, FeeRecipient: f.feeRecipient, ArtistKeeps: keeps})
	if err := f.aggregates.purchase(f.purchases[len(f.purchases)-1]); err != nil {
		return err
	}
	// Credits feed the aggregates; only collaborators' are stored (the view credits reads the
	// others from the purchase row).
	credit := func(pos market.Position, role, account string, amount wei.Amount) error {
		if amount.IsZero() {
			return nil
		}
		return f.aggregates.credit(creditRow{EventKey: f.key(pos), Role: role, BlockTime: pos.BlockTime, Account: account, TrackID: e.TrackID, Amount: amount})
	}
	if err := credit(p, "artist", artist, keeps); err != nil {
		return err
	}
	for _, c := range e.Collaborators {
		if err := credit(c.Position, "collaborator", addressText(c.Account), c.Amount); err != nil {
			return err
		}
		if !c.Amount.IsZero() {
			f.collabCredits = append(f.collabCredits, collaboratorCreditRow{EventKey: f.key(c.Position), BlockTime: c.Position.BlockTime,
				Account: addressText(c.Account), TrackID: e.TrackID, Amount: c.Amount})
		}
	}
	if err := credit(p, "referrer", referrer, e.ReferrerAmount); err != nil {
		return err
	}
	return credit(p, "fee", f.feeRecipient, e.FeeAmount)
}

// artistOf returns the artist of a sold track.
func (f *facts) artistOf(trackID int64) (string, error) {
	artist, ok := f.artists[trackID]
	if !ok {
		return "", fmt.Errorf("sale of unknown track %d: %w", trackID, ErrInvalid)
	}
	return artist, nil
}

func (f *facts) change(p market.Position, trackID int64, kind, value string) {
	f.changes = append(f.changes, trackChangeRow{EventKey: f.key(p), TrackID: trackID, Kind: kind, Value: value})
}

func (f *facts) setting(p market.Position, kind, value string) {
	f.settings = append(f.settings, settingsChangeRow{EventKey: f.key(p), Kind: kind, Value: value})
}

// insertFacts writes the batch's fact rows; a row already stored (same chain, tx, log) is kept.
func (q querier) insertFacts(ctx context.Context, f *facts) error {
	for _, insert := range []func() error{
		inserter(ctx, q, f.tracks), inserter(ctx, q, f.collaborators), inserter(ctx, q, f.changes),
		inserter(ctx, q, f.purchases), inserter(ctx, q, f.collabCredits), inserter(ctx, q, f.withdrawals),
		inserter(ctx, q, f.settings),
	} {
		if err := insert(); err != nil {
			return err
		}
	}
	return nil
}

// inserter returns the insertion of rows, keeping rows already stored (see insertNew).
func inserter[T any](ctx context.Context, q querier, rows []T) func() error {
	return func() error { return insertNew(ctx, q, rows) }
}

// insertNew inserts rows, several per statement (see rowsPerInsert); a row whose key is stored
// already is kept as it is.
func insertNew[T any](ctx context.Context, q querier, rows []T) error {
	if len(rows) == 0 {
		return nil
	}
	if err := q.with(ctx).Clauses(clause.OnConflict{DoNothing: true}).CreateInBatches(rows, q.rowsPerInsert(rows)).Error; err != nil {
		return fmt.Errorf("store: insert %T: %w", rows, classify(err))
	}
	return nil
}

// artists maps track ids to their artists.
func (q querier) artists(ctx context.Context, chainID int64, ids []int64) (map[int64]string, error) {
	out := make(map[int64]string, len(ids)+16)
	for _, chunk := range chunks(ids, 500) {
		var rows []trackRow
		if err := q.with(ctx).Select("track_id", "artist").Where("chain_id = ? AND track_id IN ?", chainID, chunk).Find(&rows).Error; err != nil {
			return nil, fmt.Errorf("store: artists of tracks: %w", classify(err))
		}
		for _, r := range rows {
			out[r.TrackID] = r.Artist
		}
	}
	return out, nil
}

// setting returns the latest value of a market setting ("" when never set).
func (q querier) setting(ctx context.Context, chainID uint64, kind string) (string, error) {
	var rows []settingsChangeRow
	err := q.with(ctx).Where("chain_id = ? AND kind = ?", int64(chainID), kind).
		Order("block_number DESC, log_index DESC").Limit(1).Find(&rows).Error
	if err != nil {
		return "", fmt.Errorf("store: setting %s: %w", kind, classify(err))
	}
	if len(rows) == 0 {
		return "", nil
	}
	return rows[0].Value, nil
}

// applyTrackChanges brings tracks' current state up to date with the batch's changes.
func (q querier) applyTrackChanges(ctx context.Context, f *facts) error {
	for _, c := range f.changes {
		col, value, err := changeColumn(c)
		if err != nil {
			return err
		}
		res := q.with(ctx).Model(&trackRow{}).Where("chain_id = ? AND track_id = ?", c.ChainID, c.TrackID).Update(col, value)
		if res.Error != nil {
			return fmt.Errorf("store: track %d %s: %w", c.TrackID, c.Kind, classify(res.Error))
		}
		if res.RowsAffected == 0 {
			return fmt.Errorf("store: change of unknown track %d: %w", c.TrackID, ErrInvalid)
		}
	}
	return nil
}

// changeColumn maps a track change to the tracks column it sets and the value.
func changeColumn(c trackChangeRow) (string, any, error) {
	switch c.Kind {
	case "price":
		a, err := wei.Parse(c.Value)
		return "price", a, err
	case "referral_bps":
		n, err := strconv.Atoi(c.Value)
		return "referral_bps", n, err
	case "listed":
		b, err := strconv.ParseBool(c.Value)
		return "listed", b, err
	case "metadata_uri":
		return "metadata_uri", c.Value, nil
	}
	return "", nil, fmt.Errorf("store: unknown track change %q", c.Kind)
}

func chunks[T any](xs []T, n int) [][]T {
	var out [][]T
	for len(xs) > n {
		out = append(out, xs[:n])
		xs = xs[n:]
	}
	if len(xs) > 0 {
		out = append(out, xs)
	}
	return out
}

// rowsPerInsert is how many of rows (a slice of row structs or pointers to them) one INSERT
// carries: 500 on PostgreSQL. On SQLite, as many as make about 256 bound parameters: its driver
// finds each parameter's argument by a linear search, so binding n parameters costs n², which at
// 500 rows of 14 columns made the inserts of a dense batch take seconds.
func (q querier) rowsPerInsert(rows any) int {
	if q.db.Dialector.Name() != DialectSQLite {
		return 500
	}
	t := reflect.TypeOf(rows).Elem()
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return max(1, 256/max(1, columns(t)))
}

// columns counts the columns of a row struct: its fields, and the fields of the structs it embeds
// (EventKey).
func columns(t reflect.Type) int {
	n := 0
	for i := range t.NumField() {
		if f := t.Field(i); f.Anonymous && f.Type.Kind() == reflect.Struct {
			n += columns(f.Type)
		} else {
			n++
		}
	}
	return n
}
