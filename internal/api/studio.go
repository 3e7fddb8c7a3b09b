package api

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

type collaborationJSON struct {
	Track  trackJSON  `json:"track"`
	Bps    int        `json:"bps"`
	Earned amountJSON `json:"earned"`
	Sales  int64      `json:"sales"`
}

// collaborations serves the tracks an account shares in as a collaborator and what each paid it:
// GET /api/v1/accounts/{address}/collaborations.
func (h *handlers) collaborations(c *gin.Context) {
	a, err := parseAddress("the account", c.Param("address"))
	if err != nil {
		h.fail(c, err)
		return
	}
	list, err := h.Store.Collaborations(c.Request.Context(), h.ChainID, a)
	if err != nil {
		h.fail(c, err)
		return
	}
	out := []collaborationJSON{}
	for _, co := range list {
		out = append(out, collaborationJSON{Track: trackView(co.Track), Bps: co.Bps, Earned: amount(co.Earned), Sales: co.Sales})
	}
	c.JSON(http.StatusOK, gin.H{"collaborations": out})
}
