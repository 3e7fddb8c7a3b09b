package audit

import (
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/wei"
)

// track is a track's state as the contract holds it, rebuilt from its events.
type track struct {
	id            int64
	artist        common.Address
	price         *big.Int
	referralBps   uint16
	listed        bool
	contentHash   common.Hash
	collaborators []market.Collaborator
}

// sale is a Purchased event with what the replay knew when it happened.
type sale struct {
	market.Sale
	FeeRecipient common.Address
}

// replay rebuilds the contract's state from its events in chain order and checks each event against
// the state before it and the contract's rules. It mirrors the contract's storage: the tracks, who
// owns what, each account's balance, and the fee settings with the fees accrued in their slot.
type replay struct {
	report func(Discrepancy)

	started      bool // the deployment's first event was seen
	trackCount   int64
	tracks       map[int64]*track
	packages     map[common.Address]map[common.Hash]int64 // each artist's packages, by the track registering them
	owners       map[int64]map[common.Address]bool
	feeBps       uint16
	feeRecipient common.Address
	accrued      *big.Int                    // _fee.accrued
	balances     map[common.Address]*big.Int // _balances
	credited     map[common.Address]*big.Int // everything ever credited (fees when the sale happened)
	withdrawn    map[common.Address]*big.Int
	owner        common.Address

	releaseCount     int64
	releases         map[int64]*release
	releasePurchases []market.ReleasePurchased
	tx               txSales // the sales of the transaction being replayed

	events      int
	sales       []sale
	withdrawals int
	revenue     *big.Int
}

func newReplay(report func(Discrepancy)) *replay {
	if report == nil {
		report = func(Discrepancy) {}
	}
	return &replay{report: report, tracks: map[int64]*track{}, packages: map[common.Address]map[common.Hash]int64{}, owners: map[int64]map[common.Address]bool{},
		accrued: new(big.Int), balances: map[common.Address]*big.Int{}, credited: map[common.Address]*big.Int{},
		withdrawn: map[common.Address]*big.Int{}, revenue: new(big.Int), releases: map[int64]*release{}}
}

// ErrNotFromDeployment reports an audit that did not start at or before the market's deployment: the
// state before it is unknown, so nothing after it can be checked.
var ErrNotFromDeployment = fmt.Errorf("the first market event is not the deployment's: start at or before the deployment block")

// apply checks ev against the state and the rules, then applies it.
func (r *replay) apply(ev market.Event) error {
	r.events++
	if !r.started {
		o, ok := ev.(market.OwnershipTransferred)
		if !ok || o.Pending || o.Previous != (common.Address{}) {
			p := ev.Pos()
			return fmt.Errorf("audit: log %s/%d in block %d: %w", p.TxHash.Hex(), p.LogIndex, p.BlockNumber, ErrNotFromDeployment)
		}
		r.started = true
	}
	r.nextTx(ev.Pos())
	switch e := ev.(type) {
	case market.TrackRegistered:
		r.register(e)
	case market.PriceUpdated:
		if t := r.known(e.Position, e.TrackID); t != nil {
			if t.price.Cmp(e.Previous.BigInt()) != 0 {
				r.fail(e.Position, CheckEvent, e.TrackID, "", "PriceUpdated says the previous price was %s, the track's price was %s", e.Previous, t.price)
			}
			if e.Price.BigInt().Cmp(maxPrice) > 0 {
				r.fail(e.Position, CheckEvent, e.TrackID, "", "price %s is above the cap %s", e.Price, maxPrice)
			}
			t.price = e.Price.BigInt()
		}
	case market.ReferralShareUpdated:
		if t := r.known(e.Position, e.TrackID); t != nil {
			if t.referralBps != e.Previous {
				r.fail(e.Position, CheckEvent, e.TrackID, "", "ReferralShareUpdated says the previous share was %d bps, the track's was %d", e.Previous, t.referralBps)
			}
			if e.ReferralBps > maxReferralBps {
				r.fail(e.Position, CheckEvent, e.TrackID, "", "referral share %d bps is above the cap %d", e.ReferralBps, maxReferralBps)
			}
			t.referralBps = e.ReferralBps
		}
	case market.ListingUpdated:
		if t := r.known(e.Position, e.TrackID); t != nil {
			t.listed = e.Listed
		}
	case market.MetadataURIUpdated:
		r.known(e.Position, e.TrackID)
	case market.Sale:
		r.sale(e)
	case market.Withdrawn:
		r.withdraw(e)
	case market.FeeUpdated:
		if e.Previous != r.feeBps {
			r.fail(e.Position, CheckEvent, 0, "", "FeeUpdated says the previous fee was %d bps, it was %d", e.Previous, r.feeBps)
		}
		if e.Bps > maxFeeBps {
			r.fail(e.Position, CheckEvent, 0, "", "fee %d bps is above the cap %d", e.Bps, maxFeeBps)
		}
		r.feeBps = e.Bps
	case market.FeeRecipientUpdated:
		if e.Previous != r.feeRecipient {
			r.fail(e.Position, CheckEvent, 0, e.Previous.Hex(), "FeeRecipientUpdated says the previous recipient was %s, it was %s", e.Previous.Hex(), r.feeRecipient.Hex())
		}
		if r.accrued.Sign() != 0 {
			r.balance(r.feeRecipient).Add(r.balance(r.feeRecipient), r.accrued)
			r.accrued = new(big.Int)
		}
		r.feeRecipient = e.Recipient
	case market.OwnershipTransferred:
		if !e.Pending {
			r.owner = e.Owner
		}
	case market.ReleaseRegistered:
		r.registerRelease(e)
	case market.ReleasePriceUpdated:
		r.setReleasePrice(e)
	case market.ReleaseListingUpdated:
		if rel := r.knownRelease(e.Position, e.ReleaseID); rel != nil {
			rel.listed = e.Listed
		}
	case market.ReleasePurchased:
		r.releasePurchase(e)
	default:
		return fmt.Errorf("audit: unknown event %T", ev)
	}
	return nil
}

func (r *replay) register(e market.TrackRegistered) {
	if e.TrackID != r.trackCount+1 {
		r.fail(e.Position, CheckEvent, e.TrackID, "", "track id %d registered after track %d: ids are sequential", e.TrackID, r.trackCount)
	}
	r.trackCount = max(r.trackCount, e.TrackID)
	if e.Price.BigInt().Cmp(maxPrice) > 0 {
		r.fail(e.Position, CheckEvent, e.TrackID, "", "price %s is above the cap %s", e.Price, maxPrice)
	}
	if e.ReferralBps > maxReferralBps {
		r.fail(e.Position, CheckEvent, e.TrackID, "", "referral share %d bps is above the cap %d", e.ReferralBps, maxReferralBps)
	}
	if e.ContentHash == (common.Hash{}) {
		r.fail(e.Position, CheckEvent, e.TrackID, "", "registered without a content hash")
	}
	if len(e.Collaborators) > maxCollaborators {
		r.fail(e.Position, CheckEvent, e.TrackID, "", "%d collaborators, at most %d allowed", len(e.Collaborators), maxCollaborators)
	}
	total, seen := 0, map[common.Address]bool{}
	for _, c := range e.Collaborators {
		if c.Account == (common.Address{}) || c.Account == e.Artist || seen[c.Account] || c.Bps == 0 {
			r.fail(e.Position, CheckEvent, e.TrackID, c.Account.Hex(), "invalid collaborator %s with %d bps", c.Account.Hex(), c.Bps)
		}
		seen[c.Account] = true
		total += int(c.Bps)
	}
	if total > bpsWhole {
		r.fail(e.Position, CheckEvent, e.TrackID, "", "collaborators' shares sum to %d bps, more than the whole artist side", total)
	}
	mine := r.packages[e.Artist]
	if mine == nil {
		mine = map[common.Hash]int64{}
		r.packages[e.Artist] = mine
	}
	if first, ok := mine[e.ContentHash]; ok {
		r.fail(e.Position, CheckPackage, e.TrackID, e.Artist.Hex(), "%s registered package %s again: it is track %d", e.Artist.Hex(), e.ContentHash.Hex(), first)
	} else {
		mine[e.ContentHash] = e.TrackID
	}
	r.tracks[e.TrackID] = &track{id: e.TrackID, artist: e.Artist, price: e.Price.BigInt(), referralBps: e.ReferralBps,
		listed: true, contentHash: e.ContentHash, collaborators: e.Collaborators}
}

// sale checks a Purchased event (with its CollaboratorCredited events) and credits its parts as the
// event says the contract did.
func (r *replay) sale(s market.Sale) {
	p := s.Position
	price := s.Price.BigInt()
	t := r.known(p, s.TrackID)
	referralBps := uint16(0)
	if t != nil {
		if !t.listed {
			r.fail(p, CheckEvent, s.TrackID, "", "sold while delisted")
		}
		// A sale at another price is valid only as part of a release purchase, which the
		// ReleasePurchased event later in the same transaction explains (see nextTx).
		r.tx.add(s, t.price)
		if s.Referred() {
			referralBps = t.referralBps
		}
		r.checkSelfPurchase(s, t)
	}
	owners := r.owners[s.TrackID]
	if owners[s.Recipient] {
		r.fail(p, CheckEvent, s.TrackID, s.Recipient.Hex(), "sold to %s, who already owned the track", s.Recipient.Hex())
	}
	if s.Referred() {
		switch {
		case s.Referrer == s.Buyer:
			r.fail(p, CheckReferrer, s.TrackID, s.Referrer.Hex(), "referrer %s is the buyer", s.Referrer.Hex())
		case s.Referrer == s.Recipient:
			r.fail(p, CheckReferrer, s.TrackID, s.Referrer.Hex(), "referrer %s is the recipient", s.Referrer.Hex())
		case !owners[s.Referrer]:
			r.fail(p, CheckReferrer, s.TrackID, s.Referrer.Hex(), "referrer %s did not own the track before the sale", s.Referrer.Hex())
		}
	}
	want := splitSale(price, r.feeBps, referralBps)
	r.checkPart(p, s.TrackID, "fee", s.FeeAmount, want.Fee, fmt.Sprintf("%d bps of %s", r.feeBps, price))
	r.checkPart(p, s.TrackID, "referrer amount", s.ReferrerAmount, want.Referral, fmt.Sprintf("%d bps of %s", referralBps, price))
	r.checkPart(p, s.TrackID, "artist amount", s.ArtistAmount, want.Artist, "the rest of the price")
	sum := new(big.Int).Add(s.ArtistAmount.BigInt(), s.ReferrerAmount.BigInt())
	if sum.Add(sum, s.FeeAmount.BigInt()).Cmp(price) != 0 {
		r.fail(p, CheckSplit, s.TrackID, "", "parts sum to %s, not the price %s", sum, price)
	}
	if t != nil {
		r.checkCollaborators(s, t)
	}

	// Credit what the events say was credited: the balances check then compares that with the contract.
	if fee := s.FeeAmount.BigInt(); fee.Sign() != 0 {
		r.accrue(fee)
		r.credit(r.feeRecipient, fee)
	}
	if s.Referred() && !s.ReferrerAmount.IsZero() {
		r.credit(s.Referrer, s.ReferrerAmount.BigInt())
		r.balance(s.Referrer).Add(r.balance(s.Referrer), s.ReferrerAmount.BigInt())
	}
	keeps := s.ArtistAmount.BigInt()
	for _, c := range s.Collaborators {
		r.credit(c.Account, c.Amount.BigInt())
		r.balance(c.Account).Add(r.balance(c.Account), c.Amount.BigInt())
		keeps.Sub(keeps, c.Amount.BigInt())
	}
	if t != nil && keeps.Sign() > 0 {
		r.credit(t.artist, keeps)
		r.balance(t.artist).Add(r.balance(t.artist), keeps)
	}
	if owners == nil {
		owners = map[common.Address]bool{}
		r.owners[s.TrackID] = owners
	}
	owners[s.Recipient] = true
	r.sales = append(r.sales, sale{Sale: s, FeeRecipient: r.feeRecipient})
	r.revenue.Add(r.revenue, price)
}

// checkSelfPurchase reports a sale whose buyer or recipient is the track's artist or one of its
// collaborators: the contract refuses those.
func (r *replay) checkSelfPurchase(s market.Sale, t *track) {
	artistSide := []common.Address{t.artist}
	for _, c := range t.collaborators {
		artistSide = append(artistSide, c.Account)
	}
	for _, a := range artistSide {
		for _, role := range []struct {
			name    string
			account common.Address
		}{{"buyer", s.Buyer}, {"recipient", s.Recipient}} {
			if role.account == a {
				r.fail(s.Position, CheckSelfPurchase, s.TrackID, a.Hex(), "the %s %s is the track's artist or a collaborator", role.name, a.Hex())
				return
			}
		}
	}
}

func (r *replay) checkPart(p market.Position, trackID int64, what string, got wei.Amount, want *big.Int, rule string) {
	if got.BigInt().Cmp(want) != 0 {
		r.fail(p, CheckSplit, trackID, "", "%s is %s wei, the rules say %s (%s)", what, got, want, rule)
	}
}

// checkCollaborators compares a sale's CollaboratorCredited events with the shares the track's
// collaborators must get of its artist side.
func (r *replay) checkCollaborators(s market.Sale, t *track) {
	want, _ := splitArtistSide(s.ArtistAmount.BigInt(), t.collaborators)
	for i := 0; i < max(len(want), len(s.Collaborators)); i++ {
		switch {
		case i >= len(s.Collaborators):
			r.fail(s.Position, CheckCollaborators, s.TrackID, want[i].Account.Hex(), "collaborator %s was not credited its %s wei", want[i].Account.Hex(), want[i].Amount)
		case i >= len(want):
			c := s.Collaborators[i]
			r.fail(c.Position, CheckCollaborators, s.TrackID, c.Account.Hex(), "%s credited %s wei, but is not owed a collaborator's share", c.Account.Hex(), c.Amount)
		default:
			c := s.Collaborators[i]
			if c.Account != want[i].Account || c.Amount.BigInt().Cmp(want[i].Amount) != 0 {
				r.fail(c.Position, CheckCollaborators, s.TrackID, c.Account.Hex(), "%s credited %s wei; the rules say %s gets %s wei", c.Account.Hex(), c.Amount, want[i].Account.Hex(), want[i].Amount)
			}
		}
	}
}

// withdraw checks that a withdrawal took exactly what the account was owed, and empties its balance.
func (r *replay) withdraw(e market.Withdrawn) {
	r.withdrawals++
	owed := new(big.Int).Set(r.balance(e.Account))
	if e.Account == r.feeRecipient {
		owed.Add(owed, r.accrued)
	}
	amount := e.Amount.BigInt()
	if amount.Cmp(owed) != 0 || amount.Sign() == 0 {
		r.fail(e.Position, CheckWithdrawal, 0, e.Account.Hex(), "%s withdrew %s wei, it was owed %s", e.Account.Hex(), amount, owed)
	}
	r.balances[e.Account] = new(big.Int)
	if e.Account == r.feeRecipient {
		r.accrued = new(big.Int)
	}
	w := r.withdrawn[e.Account]
	if w == nil {
		w = new(big.Int)
		r.withdrawn[e.Account] = w
	}
	w.Add(w, amount)
}

// accrue adds a fee to the fee slot as _accrueFee does: into the recipient's balance instead when the
// slot would pass 80 bits.
func (r *replay) accrue(fee *big.Int) {
	a := new(big.Int).Add(r.accrued, fee)
	if a.Cmp(maxAccrued) > 0 {
		r.balance(r.feeRecipient).Add(r.balance(r.feeRecipient), a)
		a = new(big.Int)
	}
	r.accrued = a
}

func (r *replay) credit(account common.Address, amount *big.Int) {
	c := r.credited[account]
	if c == nil {
		c = new(big.Int)
		r.credited[account] = c
	}
	c.Add(c, amount)
}

// balance is the account's _balances entry, created empty.
func (r *replay) balance(account common.Address) *big.Int {
	b := r.balances[account]
	if b == nil {
		b = new(big.Int)
		r.balances[account] = b
	}
	return b
}

// owed is what account can withdraw by the replay: credited − withdrawn.
func (r *replay) owed(account common.Address) *big.Int {
	o := new(big.Int)
	if c := r.credited[account]; c != nil {
		o.Add(o, c)
	}
	if w := r.withdrawn[account]; w != nil {
		o.Sub(o, w)
	}
	return o
}

// accounts lists every account ever credited or paid out.
func (r *replay) accounts() []common.Address {
	seen := map[common.Address]bool{}
	var out []common.Address
	for _, m := range []map[common.Address]*big.Int{r.credited, r.withdrawn} {
		for a := range m {
			if !seen[a] {
				seen[a] = true
				out = append(out, a)
			}
		}
	}
	sortAddresses(out)
	return out
}

// known returns the track, reporting an event about a track never registered.
func (r *replay) known(p market.Position, id int64) *track {
	t := r.tracks[id]
	if t == nil {
		r.fail(p, CheckEvent, id, "", "event about track %d, which was never registered", id)
	}
	return t
}

func (r *replay) fail(p market.Position, check string, trackID int64, account, format string, args ...any) {
	r.report(Discrepancy{Check: check, TrackID: trackID, Account: account, Message: fmt.Sprintf(format, args...)}.at(p))
}
