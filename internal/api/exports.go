package api

import (
	"encoding/csv"
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/bittunes/bittunes/internal/store"
)

// salesCSV exports every sale of an artist's tracks: GET /api/v1/accounts/{address}/sales.csv.
// Each line carries the transaction hash, block and every part of the split: the artist side
// (what the contract leaves after the referral and the fee), and of it what the artist was
// credited (the rest went to the track's collaborators).
func (h *handlers) salesCSV(c *gin.Context) {
	var p accountParams
	if err := parseParams(c, &p); err != nil {
		h.fail(c, err)
		return
	}
	a := p.Account
	list, err := h.Store.ArtistSales(c.Request.Context(), h.ChainID, a)
	if err != nil {
		h.fail(c, err)
		return
	}
	w := startCSV(c, "sales-"+a.Hex()+".csv", "time", "block", "tx", "log_index", "track_id", "buyer", "recipient",
		"referrer", "price_wei", "artist_side_wei", "artist_credited_wei", "referrer_wei", "fee_wei")
	for _, s := range list {
		v := saleView(s.Sale)
		ref := ""
		if v.Referrer != nil {
			ref = *v.Referrer
		}
		_ = w.Write([]string{v.Time.Format(time.RFC3339), u64(v.Block), v.Tx, strconv.Itoa(v.LogIndex), itoa(v.TrackID),
			v.Buyer, v.Recipient, ref, v.Price.Wei, v.ArtistAmount.Wei, s.ArtistCredited.String(), v.ReferrerAmount.Wei, v.FeeAmount.Wei})
	}
	w.Flush()
}

// referralsCSV exports every referral credit of a fan: GET /api/v1/accounts/{address}/referrals.csv.
func (h *handlers) referralsCSV(c *gin.Context) {
	var p accountParams
	if err := parseParams(c, &p); err != nil {
		h.fail(c, err)
		return
	}
	a := p.Account
	list, err := h.Store.Credits(c.Request.Context(), h.ChainID, a, store.RoleReferrer)
	if err != nil {
		h.fail(c, err)
		return
	}
	w := startCSV(c, "referrals-"+a.Hex()+".csv", "time", "block", "tx", "log_index", "track_id", "earned_wei")
	for _, cr := range list {
		_ = w.Write([]string{cr.BlockTime.Format(time.RFC3339), u64(cr.BlockNumber), cr.TxHash.Hex(),
			strconv.Itoa(cr.LogIndex), itoa(cr.TrackID), cr.Amount.String()})
	}
	w.Flush()
}

func startCSV(c *gin.Context, filename string, header ...string) *csv.Writer {
	c.Header("Content-Type", "text/csv; charset=utf-8")
	c.Header("Content-Disposition", `attachment; filename="`+filename+`"`)
	c.Status(http.StatusOK)
	w := csv.NewWriter(c.Writer)
	_ = w.Write(header)
	return w
}

func u64(n uint64) string { return strconv.FormatUint(n, 10) }
