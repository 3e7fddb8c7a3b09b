package api

import (
	"errors"
	"net/http"

	"github.com/ethereum/go-ethereum/common"
	"github.com/gin-gonic/gin"

	"github.com/bittunes/bittunes/internal/store"
)

// accountParams name the account of /api/v1/accounts/{address}/….
type accountParams struct {
	Account common.Address `path:"address" parse:"address" label:"the account"`
}

// trackParams name the track of /api/v1/tracks/{id}/….
type trackParams struct {
	ID int64 `path:"id" parse:"track-id"`
}

type accountJSON struct {
	Address   string                `json:"address"`
	Credited  amountJSON            `json:"credited"`
	Withdrawn amountJSON            `json:"withdrawn"`
	Owed      amountJSON            `json:"owed"`
	OnChain   *amountJSON           `json:"onChainBalance"` // null when the RPC could not be read
	ByRole    map[string]amountJSON `json:"creditedByRole"`
	Tracks    int64                 `json:"tracks"`
	Owned     int64                 `json:"owned"`
	Profile   *profileJSON          `json:"profile"` // null without one
}

// account serves an account's totals, with the contract's balanceOf beside the indexer's figure:
// GET /api/v1/accounts/{address}.
func (h *handlers) account(c *gin.Context) {
	var p accountParams
	if err := parseParams(c, &p); err != nil {
		h.fail(c, err)
		return
	}
	a := p.Account
	ctx := c.Request.Context()
	s, err := h.Store.AccountSummary(ctx, h.ChainID, a)
	if err != nil {
		h.fail(c, err)
		return
	}
	out := accountJSON{Address: a.Hex(), Credited: amount(s.Credited), Withdrawn: amount(s.Withdrawn), Owed: amount(s.Owed),
		ByRole: map[string]amountJSON{}, Tracks: s.Tracks, Owned: s.Owned}
	for role, v := range s.ByRole {
		out.ByRole[role] = amount(v)
	}
	switch p, err := h.Store.Profile(ctx, h.ChainID, a); {
	case err == nil:
		v := profileView(p)
		out.Profile = &v
	case !errors.Is(err, store.ErrNotFound):
		h.fail(c, err)
		return
	}
	if h.Contract != nil {
		if b, err := h.Contract.BalanceOf(ctx, a); err == nil {
			j := amount(b)
			out.OnChain = &j
		} else {
			h.Logger.Warn("api: balanceOf", "account", a.Hex(), "err", err)
		}
	}
	c.JSON(http.StatusOK, out)
}

type earningsPointJSON struct {
	Start   string     `json:"start"`
	Credits int64      `json:"credits"`
	Amount  amountJSON `json:"amount"`
}

// earnings serves an account's earnings series: GET /api/v1/accounts/{address}/earnings?by=day|week|month&role=.
func (h *handlers) earnings(c *gin.Context) {
	var p struct {
		accountParams
		Bucket store.Bucket `query:"by" parse:"bucket"`
		Roles  []string     `query:"role" parse:"role"`
	}
	if err := parseParams(c, &p); err != nil {
		h.fail(c, err)
		return
	}
	points, err := h.Store.Earnings(c.Request.Context(), h.ChainID, p.Account, p.Bucket, p.Roles...)
	if err != nil {
		h.fail(c, err)
		return
	}
	out := []earningsPointJSON{}
	for _, p := range points {
		out = append(out, earningsPointJSON{p.Start, p.Credits, amount(p.Amount)})
	}
	c.JSON(http.StatusOK, gin.H{"by": p.Bucket, "points": out})
}

type salesJSON struct {
	Sales      []saleJSON        `json:"sales"`
	NextCursor *string           `json:"nextCursor"`
	Names      map[string]string `json:"names"` // profile names of the accounts in the page, by address
}

// salesPage is a page of sales: its size and where it starts.
type salesPage struct {
	Limit int               `query:"limit" parse:"limit"`
	After *store.SaleCursor `query:"cursor" parse:"sale-cursor"`
}

// sales pages through sales, newest first. GET /api/v1/accounts/{address}/sales lists the sales of
// an artist's tracks, /purchases what an account bought or was given, /audit/purchases every sale
// (filterable by ?track= and ?account=).
func (h *handlers) sales(filter func(c *gin.Context) (store.SaleFilter, salesPage, error)) gin.HandlerFunc {
	return func(c *gin.Context) {
		f, page, err := filter(c)
		if err != nil {
			h.fail(c, err)
			return
		}
		list, next, err := h.Store.Sales(c.Request.Context(), h.ChainID, f, page.After, page.Limit)
		if err != nil {
			h.fail(c, err)
			return
		}
		collabs, err := h.Store.SaleCollaborators(c.Request.Context(), h.ChainID, list)
		if err != nil {
			h.fail(c, err)
			return
		}
		out := salesJSON{Sales: []saleJSON{}}
		var who []common.Address
		for _, s := range list {
			v := saleView(s)
			for _, cr := range collabs[store.SaleKey{TxHash: s.TxHash, TrackID: s.TrackID}] {
				v.Collaborators = append(v.Collaborators, collaboratorCreditJSON{cr.Account.Hex(), amount(cr.Amount)})
				who = append(who, cr.Account)
			}
			out.Sales = append(out.Sales, v)
			who = append(who, s.Buyer, s.Recipient, s.Referrer, s.FeeRecipient)
		}
		out.Names = h.profileNames(c, who)
		if next != nil {
			cur := encodeCursor("s", int64(next.Block), int64(next.Log))
			out.NextCursor = &cur
		}
		c.JSON(http.StatusOK, out)
	}
}

func artistSales(c *gin.Context) (store.SaleFilter, salesPage, error) {
	var p struct {
		accountParams
		salesPage
	}
	err := parseParams(c, &p)
	return store.SaleFilter{Artist: p.Account}, p.salesPage, err
}

func accountPurchases(c *gin.Context) (store.SaleFilter, salesPage, error) {
	var p struct {
		accountParams
		salesPage
	}
	err := parseParams(c, &p)
	return store.SaleFilter{Recipient: p.Account}, p.salesPage, err
}

func auditFilter(c *gin.Context) (store.SaleFilter, salesPage, error) {
	var p struct {
		Track   int64          `query:"track" parse:"optional-track-id"`
		Account common.Address `query:"account" parse:"optional-address"`
		salesPage
	}
	err := parseParams(c, &p)
	return store.SaleFilter{TrackID: p.Track, Account: p.Account}, p.salesPage, err
}

type distributorJSON struct {
	Address string     `json:"address"`
	Sales   int64      `json:"sales"`
	Revenue amountJSON `json:"revenue"`
	Earned  amountJSON `json:"earned"`
}

// distributors serves who brought an artist the most sales: GET /api/v1/accounts/{address}/distributors.
func (h *handlers) distributors(c *gin.Context) {
	var p struct {
		accountParams
		Limit int `query:"limit" parse:"limit"`
	}
	if err := parseParams(c, &p); err != nil {
		h.fail(c, err)
		return
	}
	list, err := h.Store.TopDistributors(c.Request.Context(), h.ChainID, p.Account, p.Limit)
	if err != nil {
		h.fail(c, err)
		return
	}
	out := []distributorJSON{}
	who := make([]common.Address, len(list))
	for i, d := range list {
		out = append(out, distributorJSON{d.Account.Hex(), d.Sales, amount(d.Revenue), amount(d.Earned)})
		who[i] = d.Account
	}
	c.JSON(http.StatusOK, gin.H{"distributors": out, "names": h.profileNames(c, who)})
}

type libraryItemJSON struct {
	Track            trackJSON  `json:"track"`
	AcquiredTx       string     `json:"acquiredTx"`
	AcquiredBlock    uint64     `json:"acquiredBlock"`
	ReferralLink     string     `json:"referralLink"`
	ReferralSales    int64      `json:"referralSales"`
	ReferralEarnings amountJSON `json:"referralEarnings"`
}

// library serves a page of a fan's owned tracks (newest first, ?limit= and ?cursor= as for sales)
// with a referral link and referral earnings for each: GET /api/v1/accounts/{address}/library.
func (h *handlers) library(c *gin.Context) {
	var p struct {
		accountParams
		salesPage
	}
	if err := parseParams(c, &p); err != nil {
		h.fail(c, err)
		return
	}
	items, next, err := h.Store.Library(c.Request.Context(), h.ChainID, p.Account, p.After, p.Limit)
	if err != nil {
		h.fail(c, err)
		return
	}
	out := []libraryItemJSON{}
	for _, it := range items {
		out = append(out, libraryItemJSON{Track: trackView(it.Track), AcquiredTx: it.Acquired.TxHash.Hex(), AcquiredBlock: it.Acquired.BlockNumber,
			ReferralLink: referralLink(it.Track.ID, p.Account), ReferralSales: it.Referrals.Sales, ReferralEarnings: amount(it.Referrals.Amount)})
	}
	var cursor *string
	if next != nil {
		cur := encodeCursor("s", int64(next.Block), int64(next.Log))
		cursor = &cur
	}
	c.JSON(http.StatusOK, gin.H{"library": out, "nextCursor": cursor})
}
