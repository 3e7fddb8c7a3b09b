package store

import (
	"context"
	"fmt"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/wei"
)

// CollaboratorCredit is what one collaborator was credited from a sale's artist side.
type CollaboratorCredit struct {
	Account common.Address
	Amount  wei.Amount
}

// SaleKey names a sale by its transaction and track (a transaction buys a track once).
type SaleKey struct {
	TxHash  common.Hash
	TrackID int64
}

// SaleCollaborators returns the collaborators' credits of the given sales, in log order, in one
// query per 500 transactions: the audit shows the collaborators' part beside the artist's.
func (q querier) SaleCollaborators(ctx context.Context, chainID uint64, sales []Sale) (map[SaleKey][]CollaboratorCredit, error) {
	seen := map[string]bool{}
	var txs []string
	for _, s := range sales {
		if h := hashText(s.TxHash); !seen[h] {
			seen[h] = true
			txs = append(txs, h)
		}
	}
	out := map[SaleKey][]CollaboratorCredit{}
	for start := 0; start < len(txs); start += 500 {
		var rows []creditRow
		err := q.with(ctx).Where("chain_id = ? AND role = ? AND tx_hash IN ?", int64(chainID), RoleCollaborator, txs[start:min(start+500, len(txs))]).
			Order("tx_hash, log_index").Find(&rows).Error
		if err != nil {
			return nil, fmt.Errorf("store: collaborators of sales: %w", classify(err))
		}
		for _, r := range rows {
			k := SaleKey{common.HexToHash(r.TxHash), r.TrackID}
			out[k] = append(out[k], CollaboratorCredit{Account: common.HexToAddress(r.Account), Amount: r.Amount})
		}
	}
	return out, nil
}
