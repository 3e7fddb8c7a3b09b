package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/bittunes/bittunes/internal/wei"
)

// pgBulk writes a batch's many rows on PostgreSQL through pgx, on the connection of the batch's
// transaction: fact rows by COPY, and each aggregate table by one upsert that adds the batch's
// deltas to the stored rows in SQL (wei_text is NUMERIC(78,0) there, so the sums are exact).
// Statements other than COPY are held back and sent together, in one round trip, with the next
// reads (send), when a statement must see them (flush) or when the batch ends (endBatch). The
// transaction is among them: BEGIN goes with the batch's first reads and COMMIT with its last
// writes, so a block near the head costs three round trips in all.
type pgBulk struct {
	conn *sql.Conn
	held *pgx.Batch
}

func newPgBulk(conn *sql.Conn) pgBulk { return pgBulk{conn: conn, held: &pgx.Batch{}} }

// hold queues a statement; what names it in its error.
func (w pgBulk) hold(what, sql string, args ...any) {
	w.held.Queue(sql, args...).Fn = func(br pgx.BatchResults) error {
		if _, err := br.Exec(); err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
		return nil
	}
}

// begin holds the transaction's BEGIN, to be sent with the batch's first statements.
func (w pgBulk) begin() { w.hold("begin the transaction", "BEGIN") }

// rollback ends the transaction after a failure, whatever was sent of it: nothing held is sent.
// A connection it cannot roll back is not used again (the driver drops one left in a transaction).
func (w pgBulk) rollback(ctx context.Context) error {
	*w.held = pgx.Batch{}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	return w.withPgx(func(c *pgx.Conn) error {
		if c.IsClosed() {
			return nil // the server ended the transaction with the connection
		}
		if _, err := c.Exec(ctx, "ROLLBACK"); err != nil {
			return fmt.Errorf("store: roll back: %w", err)
		}
		return nil
	})
}

// flush sends the statements held back, in one round trip.
func (w pgBulk) flush(ctx context.Context) error { return w.send(ctx, nil) }

// send sends the statements held back and then reads', in one round trip: the reads see the held
// writes. Each query's own function gets its results (pgx.QueuedQuery.Query).
func (w pgBulk) send(ctx context.Context, reads *pgx.Batch) error {
	b := *w.held
	*w.held = pgx.Batch{}
	if reads != nil {
		b.QueuedQueries = append(b.QueuedQueries, reads.QueuedQueries...)
	}
	if b.Len() == 0 {
		return nil
	}
	return w.withPgx(func(c *pgx.Conn) error {
		if err := c.SendBatch(ctx, &b).Close(); err != nil {
			return classify(err)
		}
		return nil
	})
}

// endBatch holds the blocks' upsert, the pruning and the cursor's upsert with the other writes,
// and sends them all.
func (w pgBulk) endBatch(ctx context.Context, b Batch) error {
	rows, err := blockRows(b.Blocks)
	if err != nil {
		return fmt.Errorf("store: save %d blocks: %w", len(b.Blocks), err)
	}
	if len(rows) > 0 {
		var chain, number []int64
		var hash, parent []string
		for _, r := range rows {
			chain, number = append(chain, r.ChainID), append(number, r.Number)
			hash, parent = append(hash, r.Hash), append(parent, r.ParentHash)
		}
		w.hold(fmt.Sprintf("save %d blocks", len(rows)), `INSERT INTO indexed_blocks (chain_id, number, hash, parent_hash)
			SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[])
			ON CONFLICT (chain_id, number) DO UPDATE SET hash = EXCLUDED.hash, parent_hash = EXCLUDED.parent_hash`,
			chain, number, hash, parent)
	}
	cursor, err := cursorRowOf(b.Cursor)
	if err != nil {
		return err
	}
	if b.PruneBelow > 0 {
		below, err := bigint("block number", b.PruneBelow)
		if err != nil {
			return fmt.Errorf("store: prune blocks below %d: %w", b.PruneBelow, err)
		}
		w.hold(fmt.Sprintf("prune blocks below %d", below), `DELETE FROM indexed_blocks WHERE chain_id = $1 AND number < $2`, cursor.ChainID, below)
	}
	w.hold(fmt.Sprintf("save cursor at block %d", cursor.BlockNumber), `INSERT INTO indexer_cursors (chain_id, contract, block_number, block_hash, updated_at)
		VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (chain_id, contract) DO UPDATE SET block_number = EXCLUDED.block_number, block_hash = EXCLUDED.block_hash,
			updated_at = EXCLUDED.updated_at`,
		cursor.ChainID, cursor.Contract, cursor.BlockNumber, cursor.BlockHash, cursor.SavedAt)
	w.hold("commit", "COMMIT")
	if err := w.flush(ctx); err != nil {
		return fmt.Errorf("store: apply blocks %d-%d: %w", b.From, b.Cursor.BlockNumber, err)
	}
	return nil
}

// readInputs reads the cursor, the fee recipient and the teams of the tracks sold in one round trip.
func (w pgBulk) readInputs(ctx context.Context, b Batch, sold []int64) (inputs, error) {
	in := inputs{teams: make(map[int64][]string, len(sold))}
	chain, err := bigint("chain ID", b.Cursor.ChainID)
	if err != nil {
		return in, fmt.Errorf("store: apply: %w", err)
	}
	var batch pgx.Batch
	batch.Queue(`SELECT block_number, block_hash, updated_at FROM indexer_cursors WHERE chain_id = $1 AND contract = $2`,
		chain, addressText(b.Cursor.Contract)).Query(func(rows pgx.Rows) error {
		var row cursorRow
		_, err := pgx.ForEachRow(rows, []any{&row.BlockNumber, &row.BlockHash, &row.SavedAt}, func() error {
			hash, err := parseHash(row.BlockHash)
			if err != nil {
				return fmt.Errorf("cursor: %w", err)
			}
			in.cursor = &Cursor{ChainID: b.Cursor.ChainID, Contract: b.Cursor.Contract, BlockNumber: uint64(row.BlockNumber),
				BlockHash: hash, UpdatedAt: row.SavedAt.UTC()}
			return nil
		})
		return err
	})
	batch.Queue(`SELECT value FROM settings_changes WHERE chain_id = $1 AND kind = 'fee_recipient'
		ORDER BY block_number DESC, log_index DESC LIMIT 1`, chain).Query(func(rows pgx.Rows) error {
		_, err := pgx.ForEachRow(rows, []any{&in.feeRecipient}, func() error { return nil })
		return err
	})
	batch.Queue(`SELECT t.track_id, t.artist, c.account FROM tracks t
		LEFT JOIN track_collaborators c ON c.chain_id = t.chain_id AND c.track_id = t.track_id
		WHERE t.chain_id = $1 AND t.track_id = ANY($2::bigint[])
		ORDER BY t.track_id, c.position`, chain, sold).Query(func(rows pgx.Rows) error {
		var id int64
		var artist string
		var collaborator *string
		_, err := pgx.ForEachRow(rows, []any{&id, &artist, &collaborator}, func() error {
			if in.teams[id] == nil {
				in.teams[id] = []string{artist}
			}
			if collaborator != nil {
				in.teams[id] = append(in.teams[id], *collaborator)
			}
			return nil
		})
		return err
	})
	if err := w.send(ctx, &batch); err != nil {
		return in, fmt.Errorf("store: apply blocks %d-%d: cursor, fee recipient and teams: %w", b.From, b.Cursor.BlockNumber, err)
	}
	return in, nil
}

// withPgx runs f on the pgx connection under conn.
func (w pgBulk) withPgx(f func(c *pgx.Conn) error) error {
	return w.conn.Raw(func(dc any) error {
		c, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("store: the PostgreSQL driver connection is %T, not pgx's", dc)
		}
		return f(c.Conn())
	})
}

// insertFacts copies the batch's fact rows. A row already stored (same key) is kept, as with
// INSERT … ON CONFLICT DO NOTHING: see copyFacts.
func (w pgBulk) insertFacts(ctx context.Context, f *facts) error {
	return w.writeFacts(ctx, f.copyTables())
}

// smallInsertRows is the most rows of one table inserted by INSERT rather than COPY: a block near
// the head brings a few rows to a few tables, and INSERTs held back with the batch's other writes
// cost no round trip of their own, where COPY takes three per table.
const smallInsertRows = 64

// writeFacts inserts the tables' rows: the large ones by COPY now (copyFacts), the small ones as
// INSERTs held back, which keep a row already stored as copyFacts does.
func (w pgBulk) writeFacts(ctx context.Context, tables []factTable) error {
	for _, t := range tables {
		switch {
		case t.n == 0:
		case t.n > smallInsertRows:
			if err := w.withPgx(func(c *pgx.Conn) error {
				if c.PgConn().TxStatus() == 'I' { // BEGIN is sent with the batch's first reads
					return fmt.Errorf("store: copy into %s outside the batch's transaction", t.name)
				}
				return copyFacts(ctx, c, t)
			}); err != nil {
				return err
			}
		default:
			var sql strings.Builder
			args := make([]any, 0, t.n*len(t.columns))
			sql.WriteString("INSERT INTO " + pgx.Identifier{t.name}.Sanitize() + " (" + t.columnList() + ") VALUES ")
			for i := range t.n {
				if i > 0 {
					sql.WriteString(", ")
				}
				sql.WriteString("(")
				for j := range t.columns {
					if j > 0 {
						sql.WriteString(", ")
					}
					sql.WriteString("$" + strconv.Itoa(len(args)+j+1))
				}
				sql.WriteString(")")
				args = append(args, t.row(i)...)
			}
			sql.WriteString(" ON CONFLICT DO NOTHING")
			w.hold(fmt.Sprintf("insert %d rows into %s", t.n, t.name), sql.String(), args...)
		}
	}
	return nil
}

// copyTables lists the batch's fact rows by table, with the columns COPY writes: every column of
// the table's row struct (a test holds them to gorm's reading of the structs).
func (f *facts) copyTables() []factTable {
	return []factTable{
		{"tracks", []string{"chain_id", "track_id", "artist", "price", "referral_bps", "listed", "metadata_uri", "content_hash",
			"initial_price", "initial_referral_bps", "initial_metadata_uri", "block_number", "tx_hash", "log_index", "registered_at"},
			len(f.tracks), func(i int) []any {
				r := &f.tracks[i]
				return []any{r.ChainID, r.TrackID, r.Artist, numeric(r.Price), int32(r.ReferralBps), r.Listed, r.MetadataURI, r.ContentHash,
					numeric(r.InitialPrice), int32(r.InitialReferralBps), r.InitialMetadataURI, r.BlockNumber, r.TxHash, int32(r.LogIndex), r.RegisteredAt}
			}},
		{"track_collaborators", []string{"chain_id", "track_id", "position", "account", "bps"},
			len(f.collaborators), func(i int) []any {
				r := &f.collaborators[i]
				return []any{r.ChainID, r.TrackID, int32(r.Position), r.Account, int32(r.Bps)}
			}},
		{"track_changes", []string{"chain_id", "tx_hash", "log_index", "block_number", "track_id", "kind", "value"},
			len(f.changes), func(i int) []any {
				r := &f.changes[i]
				return []any{r.ChainID, r.TxHash, int32(r.LogIndex), r.BlockNumber, r.TrackID, r.Kind, r.Value}
			}},
		{"purchases", []string{"chain_id", "tx_hash", "log_index", "block_number", "block_time", "track_id", "buyer", "recipient",
			"referrer", "price", "artist_amount", "referrer_amount", "fee_amount", "fee_recipient", "artist_keeps"},
			len(f.purchases), func(i int) []any {
				r := &f.purchases[i]
				return []any{r.ChainID, r.TxHash, int32(r.LogIndex), r.BlockNumber, r.BlockTime, r.TrackID, r.Buyer, r.Recipient,
					r.Referrer, numeric(r.Price), numeric(r.ArtistAmount), numeric(r.ReferrerAmount), numeric(r.FeeAmount), r.FeeRecipient, numeric(r.ArtistKeeps)}
			}},
		{"collaborator_credits", []string{"chain_id", "tx_hash", "log_index", "block_number", "block_time", "account", "track_id", "amount"},
			len(f.collabCredits), func(i int) []any {
				r := &f.collabCredits[i]
				return []any{r.ChainID, r.TxHash, int32(r.LogIndex), r.BlockNumber, r.BlockTime, r.Account, r.TrackID, numeric(r.Amount)}
			}},
		{"withdrawals", []string{"chain_id", "tx_hash", "log_index", "block_number", "block_time", "account", "to_address", "amount"},
			len(f.withdrawals), func(i int) []any {
				r := &f.withdrawals[i]
				return []any{r.ChainID, r.TxHash, int32(r.LogIndex), r.BlockNumber, r.BlockTime, r.Account, r.ToAddress, numeric(r.Amount)}
			}},
		{"settings_changes", []string{"chain_id", "tx_hash", "log_index", "block_number", "kind", "value"},
			len(f.settings), func(i int) []any {
				r := &f.settings[i]
				return []any{r.ChainID, r.TxHash, int32(r.LogIndex), r.BlockNumber, r.Kind, r.Value}
			}},
	}
}

// factTable is the rows of one fact table, as COPY takes them.
type factTable struct {
	name    string
	columns []string
	n       int
	row     func(i int) []any
}

// columnList is the table's columns, quoted and comma-separated, for SQL.
func (t factTable) columnList() string {
	quoted := make([]string, len(t.columns))
	for i, col := range t.columns {
		quoted[i] = pgx.Identifier{col}.Sanitize()
	}
	return strings.Join(quoted, ", ")
}

// copyFacts copies the rows in a savepoint. COPY has no ON CONFLICT: if a row is stored already
// (a unique violation), it rolls back to the savepoint and inserts the rows through a temporary
// table with ON CONFLICT DO NOTHING, keeping the stored ones, as the SQLite path does.
func copyFacts(ctx context.Context, c *pgx.Conn, t factTable) error {
	if t.n == 0 {
		return nil
	}
	fail := func(err error) error {
		return fmt.Errorf("store: copy %d rows into %s: %w", t.n, t.name, classify(err))
	}
	if _, err := c.Exec(ctx, "SAVEPOINT copy_facts"); err != nil {
		return fail(err)
	}
	_, err := c.CopyFrom(ctx, pgx.Identifier{t.name}, t.columns, pgx.CopyFromSlice(t.n, func(i int) ([]any, error) { return t.row(i), nil }))
	if err == nil {
		_, err = c.Exec(ctx, "RELEASE SAVEPOINT copy_facts")
		if err != nil {
			return fail(err)
		}
		return nil
	}
	if pgErr := (*pgconn.PgError)(nil); !errors.As(err, &pgErr) || pgErr.Code != "23505" { // unique_violation
		return fail(err)
	}
	if _, err := c.Exec(ctx, "ROLLBACK TO SAVEPOINT copy_facts"); err != nil {
		return fail(err)
	}
	cols, table := t.columnList(), pgx.Identifier{t.name}.Sanitize()
	if _, err := c.Exec(ctx, "CREATE TEMPORARY TABLE copy_facts (LIKE "+table+") ON COMMIT DROP"); err != nil {
		return fail(err)
	}
	if _, err := c.CopyFrom(ctx, pgx.Identifier{"copy_facts"}, t.columns, pgx.CopyFromSlice(t.n, func(i int) ([]any, error) { return t.row(i), nil })); err != nil {
		return fail(err)
	}
	for _, stmt := range []string{
		"INSERT INTO " + table + " (" + cols + ") SELECT " + cols + " FROM copy_facts ON CONFLICT DO NOTHING",
		"DROP TABLE copy_facts",
		"RELEASE SAVEPOINT copy_facts",
	} {
		if _, err := c.Exec(ctx, stmt); err != nil {
			return fail(err)
		}
	}
	return nil
}

// mergeAggregates adds the batch's aggregate rows to the stored ones, one upsert per table.
func (w pgBulk) mergeAggregates(ctx context.Context, a *aggregates) error {
	var ts struct {
		chain, track, sales, firstBlock []int64
		revenue                         []pgtype.Numeric
		firstLog                        []int32
		last                            []time.Time
	}
	for _, r := range a.tracks {
		ts.chain, ts.track, ts.sales = append(ts.chain, r.ChainID), append(ts.track, r.TrackID), append(ts.sales, r.Sales)
		ts.revenue, ts.firstBlock = append(ts.revenue, numeric(r.Revenue)), append(ts.firstBlock, r.FirstSaleBlock)
		ts.firstLog, ts.last = append(ts.firstLog, int32(r.FirstSaleLog)), append(ts.last, r.LastSaleAt)
	}
	var at struct {
		chain               []int64
		account             []string
		credited, withdrawn []pgtype.Numeric
	}
	for _, r := range a.accounts {
		at.chain, at.account = append(at.chain, r.ChainID), append(at.account, r.Account)
		at.credited, at.withdrawn = append(at.credited, numeric(r.Credited)), append(at.withdrawn, numeric(r.Withdrawn))
	}
	var dt struct {
		chain, track, sales []int64
		day                 []string
		revenue             []pgtype.Numeric
	}
	for _, r := range a.dailyTracks {
		dt.chain, dt.track, dt.day = append(dt.chain, r.ChainID), append(dt.track, r.TrackID), append(dt.day, r.Day)
		dt.sales, dt.revenue = append(dt.sales, r.Sales), append(dt.revenue, numeric(r.Revenue))
	}
	var dc struct {
		chain, credits     []int64
		account, day, role []string
		amount             []pgtype.Numeric
	}
	for _, r := range a.dailyCredits {
		dc.chain, dc.account, dc.day, dc.role = append(dc.chain, r.ChainID), append(dc.account, r.Account), append(dc.day, r.Day), append(dc.role, r.Role)
		dc.credits, dc.amount = append(dc.credits, r.Credits), append(dc.amount, numeric(r.Amount))
	}
	return w.upsert(ctx, []bulkUpsert{
		{"track_stats", `INSERT INTO track_stats AS t (chain_id, track_id, sales, revenue, first_sale_block, first_sale_log, last_sale_at)
				SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::numeric[], $5::bigint[], $6::integer[], $7::timestamp[])
				ON CONFLICT (chain_id, track_id) DO UPDATE SET
					sales = t.sales + EXCLUDED.sales,
					revenue = t.revenue + EXCLUDED.revenue,
					first_sale_block = CASE WHEN (EXCLUDED.first_sale_block, EXCLUDED.first_sale_log) < (t.first_sale_block, t.first_sale_log)
						THEN EXCLUDED.first_sale_block ELSE t.first_sale_block END,
					first_sale_log = CASE WHEN (EXCLUDED.first_sale_block, EXCLUDED.first_sale_log) < (t.first_sale_block, t.first_sale_log)
						THEN EXCLUDED.first_sale_log ELSE t.first_sale_log END,
					last_sale_at = GREATEST(t.last_sale_at, EXCLUDED.last_sale_at)`,
			len(ts.chain), []any{ts.chain, ts.track, ts.sales, ts.revenue, ts.firstBlock, ts.firstLog, ts.last}},
		{"account_totals", `INSERT INTO account_totals AS t (chain_id, account, credited, withdrawn)
				SELECT * FROM unnest($1::bigint[], $2::text[], $3::numeric[], $4::numeric[])
				ON CONFLICT (chain_id, account) DO UPDATE SET
					credited = t.credited + EXCLUDED.credited, withdrawn = t.withdrawn + EXCLUDED.withdrawn`,
			len(at.chain), []any{at.chain, at.account, at.credited, at.withdrawn}},
		{"daily_track_sales", `INSERT INTO daily_track_sales AS t (chain_id, track_id, day, sales, revenue)
				SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::bigint[], $5::numeric[])
				ON CONFLICT (chain_id, track_id, day) DO UPDATE SET sales = t.sales + EXCLUDED.sales, revenue = t.revenue + EXCLUDED.revenue`,
			len(dt.chain), []any{dt.chain, dt.track, dt.day, dt.sales, dt.revenue}},
		{"daily_account_credits", `INSERT INTO daily_account_credits AS t (chain_id, account, day, role, credits, amount)
				SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::numeric[])
				ON CONFLICT (chain_id, account, day, role) DO UPDATE SET credits = t.credits + EXCLUDED.credits, amount = t.amount + EXCLUDED.amount`,
			len(dc.chain), []any{dc.chain, dc.account, dc.day, dc.role, dc.credits, dc.amount}},
	})
}

// bulkUpsert is one statement adding a batch's rows to an aggregate table, and its n rows as arrays.
type bulkUpsert struct {
	table, sql string
	n          int
	args       []any
}

// upsert holds back the statements that have rows, to be sent with the batch's other writes.
func (w pgBulk) upsert(_ context.Context, us []bulkUpsert) error {
	for _, u := range us {
		if u.n > 0 {
			w.hold(fmt.Sprintf("add %d rows to %s", u.n, u.table), u.sql, u.args...)
		}
	}
	return nil
}

// numeric is an amount as pgx writes NUMERIC in binary.
func numeric(a wei.Amount) pgtype.Numeric {
	return pgtype.Numeric{Int: a.BigInt(), Exp: 0, Valid: true}
}
