package api

import (
	"errors"
	"net/http"

	"github.com/ethereum/go-ethereum/common"
	"github.com/gin-gonic/gin"

	"github.com/bittunes/bittunes/internal/store"
)

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
	a, err := parseAddress("the account", c.Param("address"))
	if err != nil {
		h.fail(c, err)
		return
	}
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
	a, err := parseAddress("the account", c.Param("address"))
	if err != nil {
		h.fail(c, err)
		return
	}
	bucket, err := parseBucket(c.Query("by"))
	if err != nil {
		h.fail(c, err)
		return
	}
	var roles []string
	if r := c.Query("role"); r != "" {
		switch r {
		case store.RoleArtist, store.RoleCollaborator, store.RoleReferrer, store.RoleFee:
			roles = []string{r}
		default:
			h.fail(c, badRequest("role must be artist, collaborator, referrer or fee"))
			return
		}
	}
	points, err := h.Store.Earnings(c.Request.Context(), h.ChainID, a, bucket, roles...)
	if err != nil {
		h.fail(c, err)
		return
	}
	out := []earningsPointJSON{}
	for _, p := range points {
		out = append(out, earningsPointJSON{p.Start, p.Credits, amount(p.Amount)})
	}
	c.JSON(http.StatusOK, gin.H{"by": bucket, "points": out})
}

type salesJSON struct {
	Sales      []saleJSON        `json:"sales"`
	NextCursor *string           `json:"nextCursor"`
	Names      map[string]string `json:"names"` // profile names of the accounts in the page, by address
}

// sales pages through sales, newest first. GET /api/v1/accounts/{address}/sales lists the sales of
// an artist's tracks, /purchases what an account bought or was given, /audit/purchases every sale
// (filterable by ?track= and ?account=).
func (h *handlers) sales(filter func(c *gin.Context) (store.SaleFilter, error)) gin.HandlerFunc {
	return func(c *gin.Context) {
		f, err := filter(c)
		if err != nil {
			h.fail(c, err)
			return
		}
		limit, err := parseLimit(c.Query("limit"))
		if err != nil {
			h.fail(c, err)
			return
		}
		after, err := saleCursor(c.Query("cursor"))
		if err != nil {
			h.fail(c, err)
			return
		}
		list, next, err := h.Store.Sales(c.Request.Context(), h.ChainID, f, after, limit)
		if err != nil {
			h.fail(c, err)
			return
		}
		out := salesJSON{Sales: []saleJSON{}}
		var who []common.Address
		for _, s := range list {
			out.Sales = append(out.Sales, saleView(s))
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

func artistSales(c *gin.Context) (store.SaleFilter, error) {
	a, err := parseAddress("the account", c.Param("address"))
	return store.SaleFilter{Artist: a}, err
}

func accountPurchases(c *gin.Context) (store.SaleFilter, error) {
	a, err := parseAddress("the account", c.Param("address"))
	return store.SaleFilter{Recipient: a}, err
}

func auditFilter(c *gin.Context) (store.SaleFilter, error) {
	var f store.SaleFilter
	if t := c.Query("track"); t != "" {
		id, err := parseTrackID(t)
		if err != nil {
			return f, err
		}
		f.TrackID = id
	}
	a, err := parseOptionalAddress("account", c.Query("account"))
	f.Account = a
	return f, err
}

type distributorJSON struct {
	Address string     `json:"address"`
	Sales   int64      `json:"sales"`
	Revenue amountJSON `json:"revenue"`
	Earned  amountJSON `json:"earned"`
}

// distributors serves who brought an artist the most sales: GET /api/v1/accounts/{address}/distributors.
func (h *handlers) distributors(c *gin.Context) {
	a, err := parseAddress("the account", c.Param("address"))
	if err != nil {
		h.fail(c, err)
		return
	}
	limit, err := parseLimit(c.Query("limit"))
	if err != nil {
		h.fail(c, err)
		return
	}
	list, err := h.Store.TopDistributors(c.Request.Context(), h.ChainID, a, limit)
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

// library serves a fan's owned tracks with a referral link and referral earnings for each:
// GET /api/v1/accounts/{address}/library.
func (h *handlers) library(c *gin.Context) {
	a, err := parseAddress("the account", c.Param("address"))
	if err != nil {
		h.fail(c, err)
		return
	}
	ctx := c.Request.Context()
	owned, _, err := h.Store.Sales(ctx, h.ChainID, store.SaleFilter{Recipient: a}, nil, 0)
	if err != nil {
		h.fail(c, err)
		return
	}
	credits, err := h.Store.Credits(ctx, h.ChainID, a, store.RoleReferrer)
	if err != nil {
		h.fail(c, err)
		return
	}
	byTrack := map[int64]*store.CreditLine{}
	counts := map[int64]int64{}
	for i := range credits {
		cr := credits[i]
		if prev, ok := byTrack[cr.TrackID]; ok {
			sum, err := prev.Amount.Add(cr.Amount)
			if err != nil {
				h.fail(c, err)
				return
			}
			prev.Amount = sum
		} else {
			byTrack[cr.TrackID] = &cr
		}
		counts[cr.TrackID]++
	}
	ids := make([]int64, len(owned))
	for i, s := range owned {
		ids[i] = s.TrackID
	}
	tracks, err := h.Store.Tracks(ctx, h.ChainID, ids)
	if err != nil {
		h.fail(c, err)
		return
	}
	out := []libraryItemJSON{}
	for _, s := range owned {
		t, ok := tracks[s.TrackID]
		if !ok {
			continue
		}
		item := libraryItemJSON{Track: trackView(t), AcquiredTx: s.TxHash.Hex(), AcquiredBlock: s.BlockNumber,
			ReferralLink: referralLink(t.ID, a), ReferralSales: counts[t.ID], ReferralEarnings: amountJSON{"0", "0"}}
		if e, ok := byTrack[t.ID]; ok {
			item.ReferralEarnings = amount(e.Amount)
		}
		out = append(out, item)
	}
	c.JSON(http.StatusOK, gin.H{"library": out})
}
