package market

import (
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/bittunes/bittunes/internal/bindings"
)

// The two events of a sale are nearly every log of a busy market, and unpacking them through the
// bindings (reflection over the ABI) was a tenth of the CPU time of a dense backfill. The logs the
// contract emits have a fixed shape: unpackPurchased and unpackCollaboratorCredited read those
// words directly, as the bindings do, and leave every other shape to the bindings, which reject it
// as before. FuzzUnpackMatchesTheBindings holds the two ways equal.

// unpackPurchased is UnpackPurchasedEvent: trackId, recipient and referrer are topics; buyer, price,
// artistAmount, referrerAmount and feeAmount are the five words of data.
func (d *Decoder) unpackPurchased(l *types.Log) (*bindings.MarketPurchased, error) {
	if len(l.Topics) != 4 || len(l.Data) != 5*32 {
		return d.contract.UnpackPurchasedEvent(l)
	}
	return &bindings.MarketPurchased{
		TrackId:        topicInt(l.Topics[1]),
		Buyer:          common.BytesToAddress(word(l.Data, 0)),
		Recipient:      common.BytesToAddress(l.Topics[2][:]),
		Referrer:       common.BytesToAddress(l.Topics[3][:]),
		Price:          new(big.Int).SetBytes(word(l.Data, 1)),
		ArtistAmount:   new(big.Int).SetBytes(word(l.Data, 2)),
		ReferrerAmount: new(big.Int).SetBytes(word(l.Data, 3)),
		FeeAmount:      new(big.Int).SetBytes(word(l.Data, 4)),
		Raw:            l,
	}, nil
}

// unpackCollaboratorCredited is UnpackCollaboratorCreditedEvent: trackId and account are topics,
// amount the one word of data.
func (d *Decoder) unpackCollaboratorCredited(l *types.Log) (*bindings.MarketCollaboratorCredited, error) {
	if len(l.Topics) != 3 || len(l.Data) != 32 {
		return d.contract.UnpackCollaboratorCreditedEvent(l)
	}
	return &bindings.MarketCollaboratorCredited{
		TrackId: topicInt(l.Topics[1]),
		Account: common.BytesToAddress(l.Topics[2][:]),
		Amount:  new(big.Int).SetBytes(word(l.Data, 0)),
		Raw:     l,
	}, nil
}

func word(data []byte, i int) []byte { return data[32*i : 32*(i+1)] }

func topicInt(h common.Hash) *big.Int { return new(big.Int).SetBytes(h[:]) }
