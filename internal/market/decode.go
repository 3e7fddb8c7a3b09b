package market

import (
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/core/types"

	"github.com/bittunes/bittunes/internal/bindings"
	"github.com/bittunes/bittunes/internal/wei"
)

// ErrMalformed reports a log that claims to be a market event but cannot be one.
var ErrMalformed = errors.New("malformed market log")

// Decoder turns the market contract's logs into events.
type Decoder struct {
	contract *bindings.Market
}

// NewDecoder returns a decoder of the market contract's events.
func NewDecoder() *Decoder {
	return &Decoder{contract: bindings.NewMarket()}
}

// Decode returns the events of logs, which must be in chain order and hold whole transactions.
// Logs of events the market does not emit are an error: the caller asks only for the market's logs.
// Each log must carry its block time (BlockTimestamp).
func (d *Decoder) Decode(logs []types.Log) ([]Event, error) {
	events := make([]Event, 0, len(logs))
	for i := range logs {
		l := &logs[i]
		if len(l.Topics) == 0 {
			return nil, fmt.Errorf("market: log %s/%d: %w: no topics", l.TxHash.Hex(), l.Index, ErrMalformed)
		}
		ev, err := d.decodeOne(l, events)
		if err != nil {
			return nil, fmt.Errorf("market: log %s/%d: %w", l.TxHash.Hex(), l.Index, err)
		}
		if ev != nil {
			events = append(events, ev)
		}
	}
	return events, nil
}

// decodeOne decodes l; it returns nil when l was folded into an earlier event of the same transaction.
func (d *Decoder) decodeOne(l *types.Log, earlier []Event) (Event, error) {
	c := d.contract
	pos := Position{
		BlockNumber: l.BlockNumber,
		BlockHash:   l.BlockHash,
		BlockTime:   time.Unix(int64(l.BlockTimestamp), 0).UTC(),
		TxHash:      l.TxHash,
		LogIndex:    l.Index,
	}
	var v values
	switch l.Topics[0] {
	case c.GetABI().Events["TrackRegistered"].ID:
		e, err := c.UnpackTrackRegisteredEvent(l)
		if err != nil {
			return nil, malformed(err)
		}
		return TrackRegistered{Position: pos, TrackID: v.id(e.TrackId), Artist: e.Artist, Price: v.amount(e.Price),
			ReferralBps: v.bps(e.ReferralBps), ContentHash: e.ContentHash, MetadataURI: e.MetadataURI}, v.err
	case c.GetABI().Events["CollaboratorAdded"].ID:
		e, err := c.UnpackCollaboratorAddedEvent(l)
		if err != nil {
			return nil, malformed(err)
		}
		id, bps := v.id(e.TrackId), v.bps(e.Bps)
		if v.err != nil {
			return nil, v.err
		}
		reg, ok := lastOf[TrackRegistered](earlier, l, id)
		if !ok {
			return nil, fmt.Errorf("%w: CollaboratorAdded without its TrackRegistered", ErrMalformed)
		}
		reg.Collaborators = append(reg.Collaborators, Collaborator{Account: e.Account, Bps: bps})
		earlier[len(earlier)-1] = reg
		return nil, nil
	case c.GetABI().Events["Purchased"].ID:
		e, err := d.unpackPurchased(l)
		if err != nil {
			return nil, malformed(err)
		}
		s := Sale{Position: pos, TrackID: v.id(e.TrackId), Buyer: e.Buyer, Recipient: e.Recipient, Referrer: e.Referrer,
			Price: v.amount(e.Price), ArtistAmount: v.amount(e.ArtistAmount), ReferrerAmount: v.amount(e.ReferrerAmount),
			FeeAmount: v.amount(e.FeeAmount)}
		if v.err == nil {
			v.err = checkSplit(s)
		}
		return s, v.err
	case c.GetABI().Events["CollaboratorCredited"].ID:
		e, err := d.unpackCollaboratorCredited(l)
		if err != nil {
			return nil, malformed(err)
		}
		id, amount := v.id(e.TrackId), v.amount(e.Amount)
		if v.err != nil {
			return nil, v.err
		}
		sale, ok := lastOf[Sale](earlier, l, id)
		if !ok {
			return nil, fmt.Errorf("%w: CollaboratorCredited without its Purchased", ErrMalformed)
		}
		sale.Collaborators = append(sale.Collaborators, Credit{Position: pos, Account: e.Account, Amount: amount})
		if _, err := sale.ArtistKeeps(); err != nil {
			return nil, fmt.Errorf("%w: collaborator credits exceed the artist side: %v", ErrMalformed, err)
		}
		earlier[len(earlier)-1] = sale
		return nil, nil
	case c.GetABI().Events["PriceUpdated"].ID:
		e, err := c.UnpackPriceUpdatedEvent(l)
		if err != nil {
			return nil, malformed(err)
		}
		return PriceUpdated{Position: pos, TrackID: v.id(e.TrackId), Previous: v.amount(e.PreviousPrice), Price: v.amount(e.NewPrice)}, v.err
	case c.GetABI().Events["ReferralShareUpdated"].ID:
		e, err := c.UnpackReferralShareUpdatedEvent(l)
		if err != nil {
			return nil, malformed(err)
		}
		return ReferralShareUpdated{Position: pos, TrackID: v.id(e.TrackId), Previous: v.bps(e.PreviousBps), ReferralBps: v.bps(e.NewBps)}, v.err
	case c.GetABI().Events["ListingUpdated"].ID:
		e, err := c.UnpackListingUpdatedEvent(l)
		if err != nil {
			return nil, malformed(err)
		}
		return ListingUpdated{Position: pos, TrackID: v.id(e.TrackId), Listed: e.Listed}, v.err
	case c.GetABI().Events["MetadataURIUpdated"].ID:
		e, err := c.UnpackMetadataURIUpdatedEvent(l)
		if err != nil {
			return nil, malformed(err)
		}
		return MetadataURIUpdated{Position: pos, TrackID: v.id(e.TrackId), URI: e.MetadataURI}, v.err
	case c.GetABI().Events["Withdrawn"].ID:
		e, err := c.UnpackWithdrawnEvent(l)
		if err != nil {
			return nil, malformed(err)
		}
		return Withdrawn{Position: pos, Account: e.Account, To: e.To, Amount: v.amount(e.Amount)}, v.err
	case c.GetABI().Events["FeeUpdated"].ID:
		e, err := c.UnpackFeeUpdatedEvent(l)
		if err != nil {
			return nil, malformed(err)
		}
		return FeeUpdated{Position: pos, Previous: v.bps(e.PreviousBps), Bps: v.bps(e.NewBps)}, v.err
	case c.GetABI().Events["FeeRecipientUpdated"].ID:
		e, err := c.UnpackFeeRecipientUpdatedEvent(l)
		if err != nil {
			return nil, malformed(err)
		}
		return FeeRecipientUpdated{Position: pos, Previous: e.PreviousRecipient, Recipient: e.NewRecipient}, nil
	case c.GetABI().Events["ReleaseRegistered"].ID:
		e, err := c.UnpackReleaseRegisteredEvent(l)
		if err != nil {
			return nil, malformed(err)
		}
		if len(e.TrackIds) == 0 || len(e.TrackIds) > ContractLimits.MaxReleaseTracks {
			return nil, fmt.Errorf("%w: a release of %d tracks", ErrMalformed, len(e.TrackIds))
		}
		ids := make([]int64, len(e.TrackIds))
		for i, id := range e.TrackIds {
			ids[i] = v.id(id)
		}
		return ReleaseRegistered{Position: pos, ReleaseID: v.id(e.ReleaseId), Artist: e.Artist, Price: v.amount(e.Price),
			TrackIDs: ids, MetadataURI: e.MetadataURI}, v.err
	case c.GetABI().Events["ReleasePriceUpdated"].ID:
		e, err := c.UnpackReleasePriceUpdatedEvent(l)
		if err != nil {
			return nil, malformed(err)
		}
		return ReleasePriceUpdated{Position: pos, ReleaseID: v.id(e.ReleaseId), Previous: v.amount(e.PreviousPrice),
			Price: v.amount(e.NewPrice)}, v.err
	case c.GetABI().Events["ReleaseListingUpdated"].ID:
		e, err := c.UnpackReleaseListingUpdatedEvent(l)
		if err != nil {
			return nil, malformed(err)
		}
		return ReleaseListingUpdated{Position: pos, ReleaseID: v.id(e.ReleaseId), Listed: e.Listed}, v.err
	case c.GetABI().Events["ReleasePurchased"].ID:
		e, err := c.UnpackReleasePurchasedEvent(l)
		if err != nil {
			return nil, malformed(err)
		}
		if e.TracksBought == nil || !e.TracksBought.IsInt64() || e.TracksBought.Sign() <= 0 ||
			e.TracksBought.Int64() > int64(ContractLimits.MaxReleaseTracks) {
			return nil, fmt.Errorf("%w: a release purchase of %v tracks", ErrMalformed, e.TracksBought)
		}
		return ReleasePurchased{Position: pos, ReleaseID: v.id(e.ReleaseId), Buyer: e.Buyer, Recipient: e.Recipient,
			Referrer: e.Referrer, Amount: v.amount(e.Amount), TracksBought: int(e.TracksBought.Int64())}, v.err
	case c.GetABI().Events["OwnershipTransferStarted"].ID:
		e, err := c.UnpackOwnershipTransferStartedEvent(l)
		if err != nil {
			return nil, malformed(err)
		}
		return OwnershipTransferred{Position: pos, Previous: e.PreviousOwner, Owner: e.NewOwner, Pending: true}, nil
	case c.GetABI().Events["OwnershipTransferred"].ID:
		e, err := c.UnpackOwnershipTransferredEvent(l)
		if err != nil {
			return nil, malformed(err)
		}
		return OwnershipTransferred{Position: pos, Previous: e.PreviousOwner, Owner: e.NewOwner}, nil
	}
	return nil, fmt.Errorf("%w: unknown event %s", ErrMalformed, l.Topics[0].Hex())
}

// lastOf returns the last event decoded so far if it is a T of the same transaction and track.
func lastOf[T interface {
	TrackRegistered | Sale
}](earlier []Event, l *types.Log, trackID int64) (T, bool) {
	var zero T
	if len(earlier) == 0 {
		return zero, false
	}
	last, ok := earlier[len(earlier)-1].(T)
	if !ok {
		return zero, false
	}
	var pos Position
	var id int64
	switch e := any(last).(type) {
	case TrackRegistered:
		pos, id = e.Position, e.TrackID
	case Sale:
		pos, id = e.Position, e.TrackID
	}
	return last, pos.TxHash == l.TxHash && id == trackID
}

// checkSplit rejects a sale whose parts do not add up to its price.
func checkSplit(s Sale) error {
	sum := new(big.Int).Add(s.ArtistAmount.BigInt(), s.ReferrerAmount.BigInt())
	sum.Add(sum, s.FeeAmount.BigInt())
	if sum.Cmp(s.Price.BigInt()) != 0 {
		return fmt.Errorf("%w: parts add up to %s, not the price %s", ErrMalformed, sum, s.Price)
	}
	return nil
}

func malformed(err error) error { return fmt.Errorf("%w: %v", ErrMalformed, err) }

// values converts the contract's uint256 fields into the market's types, remembering the first error.
type values struct{ err error }

func (v *values) id(x *big.Int) int64 {
	if x == nil || !x.IsInt64() || x.Sign() <= 0 {
		v.fail(fmt.Errorf("%w: id %v out of range", ErrMalformed, x))
		return 0
	}
	return x.Int64()
}

func (v *values) bps(x *big.Int) uint16 {
	if x == nil || !x.IsUint64() || x.Uint64() > 10_000 {
		v.fail(fmt.Errorf("%w: basis points %v out of range", ErrMalformed, x))
		return 0
	}
	return uint16(x.Uint64())
}

func (v *values) amount(x *big.Int) wei.Amount {
	a, err := wei.New(x)
	if err != nil {
		v.fail(fmt.Errorf("%w: %v", ErrMalformed, err))
	}
	return a
}

func (v *values) fail(err error) {
	if v.err == nil {
		v.err = err
	}
}
