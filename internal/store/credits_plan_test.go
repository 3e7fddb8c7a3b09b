package store_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"gorm.io/gorm"

	"github.com/bittunes/bittunes/internal/store"
)

// TestAnAccountsCreditsAreReadByIndex: one account's credits (every role, as its page reads them)
// are found through indexes on the account (or on the tracks of the artist), never by reading a
// whole chain's purchases, in a table and a half of a few thousand sales. Sequential scans are
// priced out, so the plan reads a table whole only when no index can answer.
func TestAnAccountsCreditsAreReadByIndex(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		if s.Dialect() != store.DialectPostgres {
			t.Skip("the plan is PostgreSQL's")
		}
		applyAll(t, s, newSyntheticChain(40, 200, 3_000, 50).batches(1337, marketAddress, 6))
		db := store.GormDB(s)
		if err := db.Exec("ANALYZE").Error; err != nil {
			t.Fatal(err)
		}
		for _, account := range []string{addr("fan", 3).Hex(), addr("operator", 0).Hex(), addr("artist", 1).Hex()} {
			err := db.Transaction(func(tx *gorm.DB) error {
				if err := tx.Exec("SET LOCAL enable_seqscan = off").Error; err != nil {
					return err
				}
				var plan []string
				if err := tx.Raw(`EXPLAIN SELECT * FROM credits WHERE chain_id = 1337 AND account = ? ORDER BY block_number, log_index, role`,
					strings.ToLower(account)).Scan(&plan).Error; err != nil {
					return err
				}
				for _, scan := range wholeScans(plan, "purchases", "collaborator_credits") {
					t.Errorf("the credits of %s are read by %s:\n%s", account, scan, strings.Join(plan, "\n"))
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
		}
	})
}

// wholeScans returns the plan's scans of the tables that read them whole or by chain only: a
// sequential scan, or an index scan whose condition names no account, buyer, recipient, referrer,
// fee recipient, track or transaction.
func wholeScans(plan []string, tables ...string) []string {
	node := regexp.MustCompile(`(Seq Scan|Index Scan|Index Only Scan|Bitmap Heap Scan)(?: using \S+)? on (\S+)`)
	selective := regexp.MustCompile(`\b(account|referrer|fee_recipient|track_id|artist|buyer|recipient|tx_hash)\b`)
	var out []string
	for i := 0; i < len(plan); i++ {
		m := node.FindStringSubmatch(plan[i])
		if m == nil || !slices.Contains(tables, m[2]) {
			continue
		}
		if m[1] == "Seq Scan" {
			out = append(out, strings.TrimSpace(plan[i]))
			continue
		}
		ok := false
		for j := i + 1; j < len(plan) && !strings.Contains(plan[j], "->"); j++ {
			if line := plan[j]; (strings.Contains(line, "Index Cond:") || strings.Contains(line, "Recheck Cond:")) && selective.MatchString(line) {
				ok = true
			}
		}
		if !ok {
			out = append(out, strings.TrimSpace(plan[i]))
		}
	}
	return out
}
