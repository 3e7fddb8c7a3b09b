package store

import (
	"context"
	"fmt"
	"sort"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/market"
)

// fillChartLedger judges the sales stored before the chart ledger existed (a database indexed by
// an earlier version), in chain order, as the indexer judges new ones. It does nothing when the
// ledger is not behind: no purchases, or the ledger has rows already.
func (s *Store) fillChartLedger(ctx context.Context) error {
	var purchases, judged []int64
	if err := s.with(ctx).Table("purchases").Limit(1).Pluck("block_number", &purchases).Error; err != nil {
		return fmt.Errorf("store: chart ledger: %w", classify(err))
	}
	if err := s.with(ctx).Table("chart_sales").Limit(1).Pluck("block_number", &judged).Error; err != nil {
		return fmt.Errorf("store: chart ledger: %w", classify(err))
	}
	if len(purchases) == 0 || len(judged) > 0 {
		return nil
	}
	return s.Transact(ctx, func(tx *Tx) error {
		var chains []int64
		if err := tx.with(ctx).Table("purchases").Distinct("chain_id").Pluck("chain_id", &chains).Error; err != nil {
			return fmt.Errorf("store: chart ledger: %w", classify(err))
		}
		for _, c := range chains {
			if err := tx.fillChartLedgerOf(ctx, c); err != nil {
				return err
			}
		}
		return nil
	})
}

// fillChartLedgerOf judges every stored sale of chain c, a page of whole blocks at a time.
func (q querier) fillChartLedgerOf(ctx context.Context, c int64) error {
	after := int64(-1)
	for {
		var page []purchaseRow
		err := q.with(ctx).Where("chain_id = ? AND block_number > ?", c, after).Order("block_number, log_index").Limit(5000).Find(&page).Error
		if err != nil {
			return fmt.Errorf("store: chart ledger: purchases after block %d: %w", after, classify(err))
		}
		if len(page) == 0 {
			return nil
		}
		last := page[len(page)-1]
		var rest []purchaseRow // the rest of the page's last block
		if err := q.with(ctx).Where("chain_id = ? AND block_number = ? AND log_index > ?", c, last.BlockNumber, last.LogIndex).
			Order("log_index").Find(&rest).Error; err != nil {
			return fmt.Errorf("store: chart ledger: block %d: %w", last.BlockNumber, classify(err))
		}
		page = append(page, rest...)
		sales, err := q.storedSales(ctx, c, page)
		if err != nil {
			return err
		}
		var ids []int64
		for _, p := range page {
			ids = append(ids, p.TrackID)
		}
		artists, err := q.artists(ctx, c, unique(ids))
		if err != nil {
			return err
		}
		teams, err := q.teams(ctx, c, unique(ids), artists)
		if err != nil {
			return err
		}
		judged, err := judgeSales(ctx, c, sales, teams, q)
		if err != nil {
			return err
		}
		if err := judged.write(ctx, q); err != nil {
			return err
		}
		after = last.BlockNumber
	}
}

// storedSales turns stored purchases back into the sales they were, with their collaborators'
// credits (the CollaboratorCredited events after a Purchased event in its transaction, before the
// transaction's next one).
func (q querier) storedSales(ctx context.Context, c int64, page []purchaseRow) ([]market.Event, error) {
	var txs []string
	for _, p := range page {
		txs = append(txs, p.TxHash)
	}
	byTx := map[string][]creditRow{}
	for _, chunk := range chunks(unique(txs), 500) {
		var credits []creditRow
		if err := q.with(ctx).Where("chain_id = ? AND role = ? AND tx_hash IN ?", c, "collaborator", chunk).Find(&credits).Error; err != nil {
			return nil, fmt.Errorf("store: chart ledger: collaborator credits: %w", classify(err))
		}
		for _, r := range credits {
			byTx[r.TxHash] = append(byTx[r.TxHash], r)
		}
	}
	for _, credits := range byTx {
		sort.Slice(credits, func(i, j int) bool { return credits[i].LogIndex < credits[j].LogIndex })
	}
	out := make([]market.Event, len(page))
	for i, p := range page {
		next := int(^uint(0) >> 1)
		for _, o := range page[i+1:] {
			if o.TxHash == p.TxHash {
				next = o.LogIndex
				break
			}
		}
		s := market.Sale{Position: market.Position{BlockNumber: uint64(p.BlockNumber), BlockTime: p.BlockTime, TxHash: common.HexToHash(p.TxHash),
			LogIndex: uint(p.LogIndex)}, TrackID: p.TrackID, Buyer: common.HexToAddress(p.Buyer), Recipient: common.HexToAddress(p.Recipient),
			Price: p.Price, ArtistAmount: p.ArtistAmount, ReferrerAmount: p.ReferrerAmount, FeeAmount: p.FeeAmount}
		if p.Referrer != "" {
			s.Referrer = common.HexToAddress(p.Referrer)
		}
		for _, r := range byTx[p.TxHash] {
			if r.TrackID == p.TrackID && r.LogIndex > p.LogIndex && r.LogIndex < next {
				s.Collaborators = append(s.Collaborators, market.Credit{Account: common.HexToAddress(r.Account), Amount: r.Amount})
			}
		}
		out[i] = s
	}
	return out, nil
}
