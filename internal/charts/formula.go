package charts

import (
	"fmt"
	"math/big"

	"github.com/bittunes/bittunes/internal/wei"
)

// The formula's rules on one sale (see the package comment and the README's Charts section). A
// sale counts toward the charts when:
//
//   - its price is above zero;
//   - none of its buyer, recipient and referrer is the track's artist or one of its collaborators
//     (the track's team);
//   - neither its buyer nor its recipient (the fan) is already the buyer or the fan of an earlier
//     counted sale of the same track.
//
// A counted sale scores points: its price, capped at the fan's independent spend divided by
// EvidenceRatio. The fan's independent spend is what the fan's earlier purchases (every sale whose
// recipient the fan was, counted or not, earlier in chain order) credited to artists and
// collaborators other than this track's team and other than the fan itself. Referral shares and
// fees are not spend: only what reached another artist. Everything is exact integer wei, and the
// division rounds down.

// EvidenceRatio is how many wei a fan must have paid to other artists for one wei of a purchase
// to score: a sale scores min(price, independent spend / EvidenceRatio).
const EvidenceRatio = 2

// Purchase is a sale as the formula reads it from the chain: the Purchased event, its credits to
// the track's team, and the team (the track's artist and collaborators, from TrackRegistered).
// Accounts are lowercase 0x hex; Referrer is "" for none.
type Purchase struct {
	TrackID   int64
	Buyer     string
	Recipient string
	Referrer  string
	Price     wei.Amount
	Team      []string
	Paid      []Payment // what the sale credited to the members of the team (artist keeps, collaborators)
}

// Payment is an amount credited to one account.
type Payment struct {
	Account string
	Amount  wei.Amount
}

// Verdict is the formula's answer for one sale.
type Verdict struct {
	Counted bool
	Points  wei.Amount
	// Independent is the fan's independent spend the points were capped by.
	Independent wei.Amount
}

// SelfDealt reports whether the buyer, the recipient or the referrer of p is on the track's team.
func SelfDealt(p Purchase) bool {
	for _, m := range p.Team {
		if m == p.Buyer || m == p.Recipient || (p.Referrer != "" && m == p.Referrer) {
			return true
		}
	}
	return false
}

// Points is what a counted sale of price scores when its fan's independent spend is independent:
// min(price, independent / EvidenceRatio), rounded down.
func Points(price, independent wei.Amount) wei.Amount {
	capped := new(big.Int).Quo(independent.BigInt(), big.NewInt(EvidenceRatio))
	if capped.Cmp(price.BigInt()) >= 0 {
		return price
	}
	a, _ := wei.New(capped) // below price, so in range
	return a
}

// Ledger applies the formula to sales in chain order. It holds what the formula needs from the
// past: every fan's spend per payee and in total, and the accounts already counted for each track.
// The store loads only the part of it a batch of sales reads (Seed…), the audit keeps all of it.
type Ledger struct {
	spend   map[string]map[string]wei.Amount // fan → payee → amount; payee "" is the total
	counted map[int64]map[string]bool        // track → accounts counted as its buyer or fan
}

// NewLedger returns an empty ledger: no sale seen.
func NewLedger() *Ledger {
	return &Ledger{spend: map[string]map[string]wei.Amount{}, counted: map[int64]map[string]bool{}}
}

// SeedSpend sets what fan's earlier purchases paid payee ("" for the total of all payees).
func (l *Ledger) SeedSpend(fan, payee string, amount wei.Amount) {
	m := l.spend[fan]
	if m == nil {
		m = map[string]wei.Amount{}
		l.spend[fan] = m
	}
	m[payee] = amount
}

// SeedCounted records that account was the buyer or the fan of a counted sale of track.
func (l *Ledger) SeedCounted(track int64, account string) {
	m := l.counted[track]
	if m == nil {
		m = map[string]bool{}
		l.counted[track] = m
	}
	m[account] = true
}

// Spend returns what fan's purchases so far paid payee ("" for the total).
func (l *Ledger) Spend(fan, payee string) wei.Amount { return l.spend[fan][payee] }

// Independent is what fan's purchases so far paid to accounts outside team and other than the
// fan itself.
func (l *Ledger) Independent(fan string, team []string) (wei.Amount, error) {
	m := l.spend[fan]
	left := m[""]
	seen := make(map[string]bool, len(team)+1)
	for _, a := range append([]string{fan}, team...) {
		if seen[a] {
			continue
		}
		seen[a] = true
		var err error
		if left, err = left.Sub(m[a]); err != nil {
			return wei.Amount{}, fmt.Errorf("charts: spend of %s with %s exceeds its total: %w", fan, a, err)
		}
	}
	return left, nil
}

// Judge applies the formula to the next sale in chain order and records it: its verdict, then
// what it paid the track's team as the fan's spend.
func (l *Ledger) Judge(p Purchase) (Verdict, error) {
	var v Verdict
	if !p.Price.IsZero() && !SelfDealt(p) && !l.counted[p.TrackID][p.Buyer] && !l.counted[p.TrackID][p.Recipient] {
		independent, err := l.Independent(p.Recipient, p.Team)
		if err != nil {
			return v, err
		}
		v = Verdict{Counted: true, Points: Points(p.Price, independent), Independent: independent}
		l.SeedCounted(p.TrackID, p.Buyer)
		l.SeedCounted(p.TrackID, p.Recipient)
	}
	for _, pay := range p.Paid {
		if pay.Amount.IsZero() {
			continue
		}
		for _, payee := range []string{pay.Account, ""} {
			sum, err := l.Spend(p.Recipient, payee).Add(pay.Amount)
			if err != nil {
				return v, fmt.Errorf("charts: spend of %s: %w", p.Recipient, err)
			}
			l.SeedSpend(p.Recipient, payee, sum)
		}
	}
	return v, nil
}
