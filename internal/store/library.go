package store

import (
	"context"

	"github.com/ethereum/go-ethereum/common"
)

// LibraryItem is a track an account owns, the purchase that gave it the track, and what the account
// earned as the track's referrer.
type LibraryItem struct {
	Track     Track
	Acquired  Sale
	Referrals TrackCredits // zero without referral credits
}

// Library lists a page of the tracks account owns (bought or was given), in the order of Sales
// (newest first) after the cursor after (nil: from the newest), at most limit of them (0: all),
// each with its referral credits (one aggregate over the page's tracks, see CreditsByTrack), and the cursor of the next
// page (nil after the last). A track the market does not list (its package was never uploaded
// here) is left out, so a page may hold fewer.
func (s *Store) Library(ctx context.Context, chainID uint64, account common.Address, after *SaleCursor, limit int) ([]LibraryItem, *SaleCursor, error) {
	owned, next, err := s.Sales(ctx, chainID, SaleFilter{Recipient: account}, after, limit)
	if err != nil {
		return nil, nil, err
	}
	if len(owned) == 0 {
		return nil, next, nil
	}
	ids := make([]int64, len(owned))
	for i, sale := range owned {
		ids[i] = sale.TrackID
	}
	earned, err := s.CreditsByTrack(ctx, chainID, account, RoleReferrer, ids...) // the page's tracks only
	if err != nil {
		return nil, nil, err
	}
	tracks, err := s.Tracks(ctx, chainID, ids)
	if err != nil {
		return nil, nil, err
	}
	out := make([]LibraryItem, 0, len(owned))
	for _, sale := range owned {
		if t, ok := tracks[sale.TrackID]; ok {
			out = append(out, LibraryItem{Track: t, Acquired: sale, Referrals: earned[sale.TrackID]})
		}
	}
	return out, next, nil
}
