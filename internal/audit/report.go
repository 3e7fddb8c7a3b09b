package audit

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/wei"
)

// The checks a discrepancy can come from.
const (
	CheckEvent           = "event"            // an event the contract could not have emitted in that state
	CheckSplit           = "split"            // a sale's parts against the rules
	CheckPrice           = "price"            // a sale's price against the track's price then (or its part of a release's)
	CheckRelease         = "release"          // a release's registration and purchases against its tracks and their sales
	CheckReferrer        = "referrer"         // the superdistribution rule
	CheckSelfPurchase    = "self-purchase"    // a track bought by or for its artist or a collaborator
	CheckPackage         = "package"          // a package registered twice by the same artist
	CheckCollaborators   = "collaborators"    // the artist side shared among collaborators
	CheckWithdrawal      = "withdrawal"       // a withdrawal of more or less than was owed
	CheckBalance         = "balance"          // an account's balanceOf against credited − withdrawn
	CheckContractBalance = "contract-balance" // the market's ETH against the sum owed
	CheckFeeConfig       = "fee-config"       // feeConfig() against the replayed fee settings
	CheckDBCursor        = "db-cursor"        // the database's cursor against the chain
	CheckDBPurchase      = "db-purchase"      // purchases rows
	CheckDBAccount       = "db-account"       // account_totals rows
	CheckDBOwnership     = "db-ownership"     // who owns which track, by the database
	CheckDBTrack         = "db-track"         // tracks rows
	CheckDBRelease       = "db-release"       // releases and release_purchases rows
	CheckChart           = "chart"            // chart_entries rows against the charts recomputed from the chain
)

// Discrepancy is one thing the chain and the rules, or the chain and the database, disagree on,
// with what it is about: a log (transaction hash and log index), an account, a track or a chart row.
type Discrepancy struct {
	Check    string `json:"check"`
	Kind     string `json:"kind,omitempty"` // for database rows: missing, extra or different
	Block    uint64 `json:"block,omitempty"`
	TxHash   string `json:"txHash,omitempty"`
	LogIndex *uint  `json:"logIndex,omitempty"`
	Account  string `json:"account,omitempty"`
	TrackID  int64  `json:"trackId,omitempty"`
	Chart    string `json:"chart,omitempty"`
	Period   string `json:"period,omitempty"`
	Rank     int    `json:"rank,omitempty"`
	Message  string `json:"message"`
}

// at returns d about the log at p.
func (d Discrepancy) at(p market.Position) Discrepancy {
	li := p.LogIndex
	d.Block, d.TxHash, d.LogIndex = p.BlockNumber, p.TxHash.Hex(), &li
	return d
}

// Culprit names what the discrepancy is about, for the text report.
func (d Discrepancy) Culprit() string {
	var parts []string
	if d.TxHash != "" {
		s := "tx " + d.TxHash
		if d.LogIndex != nil {
			s += fmt.Sprintf(" log %d", *d.LogIndex)
		}
		if d.Block != 0 {
			s += fmt.Sprintf(" (block %d)", d.Block)
		}
		parts = append(parts, s)
	}
	if d.TrackID != 0 {
		parts = append(parts, fmt.Sprintf("track %d", d.TrackID))
	}
	if d.Account != "" {
		parts = append(parts, "account "+d.Account)
	}
	if d.Period != "" {
		chart := d.Chart
		if chart == "" {
			chart = "overall"
		}
		parts = append(parts, fmt.Sprintf("chart %s %s rank %d", chart, d.Period, d.Rank))
	}
	return strings.Join(parts, ", ")
}

// Report is the outcome of an audit.
type Report struct {
	ChainID   uint64         `json:"chainId"`
	Market    common.Address `json:"market"`
	FromBlock uint64         `json:"fromBlock"`
	Head      uint64         `json:"head"`
	HeadHash  common.Hash    `json:"headHash"`

	Events      int        `json:"events"`
	Tracks      int        `json:"tracks"`
	Sales       int        `json:"sales"`
	Revenue     wei.Amount `json:"revenue"`
	Withdrawals int        `json:"withdrawals"`
	Accounts    int        `json:"accounts"`
	// Owed is the sum of every account's credited − withdrawn; ContractBalance the market's ETH at Head.
	Owed            wei.Amount `json:"owed"`
	ContractBalance wei.Amount `json:"contractBalance"`
	FeeAccrued      wei.Amount `json:"feeAccrued"`

	Database *DatabaseReport `json:"database,omitempty"`

	Discrepancies []Discrepancy `json:"discrepancies"`
	// Notes are things worth knowing that are not discrepancies (what was not checked, and why).
	Notes []string `json:"notes,omitempty"`
}

// DatabaseReport sums up the comparison with the database.
type DatabaseReport struct {
	Cursor       uint64 `json:"cursor"`
	Purchases    int    `json:"purchases"`
	Accounts     int    `json:"accounts"`
	Tracks       int    `json:"tracks"`
	ChartDay     string `json:"chartDay,omitempty"`
	ChartAsOf    uint64 `json:"chartAsOfBlock,omitempty"`
	ChartEntries int    `json:"chartEntries"`
}

// OK reports whether the audit found nothing wrong.
func (r *Report) OK() bool { return len(r.Discrepancies) == 0 }

// WriteJSON writes the report as indented JSON.
func (r *Report) WriteJSON(w io.Writer) error {
	if r.Discrepancies == nil {
		r.Discrepancies = []Discrepancy{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		return fmt.Errorf("audit: write report: %w", err)
	}
	return nil
}

// WriteText writes the report for people: what was audited, then every discrepancy by check.
func (r *Report) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Bittunes audit of market %s on chain %d, blocks %d–%d (head %s)\n\n", r.Market.Hex(), r.ChainID, r.FromBlock, r.Head, r.HeadHash.Hex())
	fmt.Fprintf(&b, "  events            %d\n", r.Events)
	fmt.Fprintf(&b, "  tracks            %d\n", r.Tracks)
	fmt.Fprintf(&b, "  sales             %d, %s wei (%s ETH)\n", r.Sales, r.Revenue, r.Revenue.Ether())
	fmt.Fprintf(&b, "  withdrawals       %d\n", r.Withdrawals)
	fmt.Fprintf(&b, "  payees            %d\n", r.Accounts)
	fmt.Fprintf(&b, "  owed to payees    %s wei (fees accrued in the fee slot: %s)\n", r.Owed, r.FeeAccrued)
	fmt.Fprintf(&b, "  contract balance  %s wei\n", r.ContractBalance)
	if d := r.Database; d != nil {
		fmt.Fprintf(&b, "\nDatabase, indexed up to block %d: %d purchases, %d account totals, %d tracks", d.Cursor, d.Purchases, d.Accounts, d.Tracks)
		if d.ChartDay != "" {
			fmt.Fprintf(&b, ", %d chart rows built for %s as of block %d", d.ChartEntries, d.ChartDay, d.ChartAsOf)
		}
		b.WriteString("\n")
	}
	for _, n := range r.Notes {
		fmt.Fprintf(&b, "\nnote: %s", n)
	}
	if len(r.Notes) > 0 {
		b.WriteString("\n")
	}
	if r.OK() {
		b.WriteString("\nOK: every sale follows the rules, every balance is backed, and the database agrees with the chain.\n")
		_, err := io.WriteString(w, b.String())
		return err
	}
	counts := map[string]int{}
	for _, d := range r.Discrepancies {
		counts[d.Check]++
	}
	checks := make([]string, 0, len(counts))
	for c := range counts {
		checks = append(checks, c)
	}
	sort.Strings(checks)
	fmt.Fprintf(&b, "\nFAILED: %d discrepancies (", len(r.Discrepancies))
	for i, c := range checks {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s %d", c, counts[c])
	}
	b.WriteString(")\n\n")
	for _, d := range r.Discrepancies {
		kind := d.Check
		if d.Kind != "" {
			kind += " " + d.Kind
		}
		fmt.Fprintf(&b, "  [%s] %s\n", kind, d.Message)
		if c := d.Culprit(); c != "" {
			fmt.Fprintf(&b, "      at %s\n", c)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
