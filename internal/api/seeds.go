package api

import (
	"net/http"
	"net/netip"
	"net/url"
	"time"

	"github.com/gin-gonic/gin"
	"golang.org/x/time/rate"

	"github.com/bittunes/bittunes/internal/heartbeat"
	"github.com/bittunes/bittunes/internal/store"
)

type seedHeartbeatJSON struct {
	Message   string `json:"message"`
	Signature string `json:"signature"`
}

// seedsPerIP bounds the heartbeats of one client: `bittunes seed` sends one every 5 minutes.
func seedsPerIP() *ipLimiter {
	l := newIPLimiter(rate.Every(10*time.Second), 6)
	l.refusal = "too many seeding heartbeats from this address; send one every few minutes"
	return l
}

// postSeeds stores a seeding heartbeat: POST /api/v1/seeds with {"message", "signature"}, the text
// of a heartbeat.Heartbeat signed with personal_sign by its account. Only the packages whose
// torrent the tracker saw the heartbeat's peer seed from the same IP are stored; the answer lists
// them (seeding) and the rest (unconfirmed: announce them to the tracker first).
func (h *handlers) postSeeds(c *gin.Context) {
	c.Header("Cache-Control", "no-store")
	u, err := url.Parse(h.Origin)
	if h.Origin == "" || err != nil {
		h.fail(c, notConfigured("seeding heartbeats need the market's public origin (--public-url)"))
		return
	}
	var req seedHeartbeatJSON
	if err := decodeStrictJSON(c, &req, 16<<10); err != nil {
		h.fail(c, err)
		return
	}
	now := time.Now()
	hb, err := heartbeat.Verify(req.Message, req.Signature, u.Host, now)
	if err != nil {
		h.fail(c, err)
		return
	}
	ip, err := netip.ParseAddr(c.ClientIP())
	if err != nil {
		h.fail(c, badRequest("the client address %q is not an IP address", c.ClientIP()))
		return
	}
	seeding, err := h.Store.RecordSeeds(c.Request.Context(), store.SeedHeartbeat{Account: hb.Account, PeerID: hb.PeerID,
		IP: ip.Unmap().String(), InfoHashes: hb.InfoHashes, Expires: hb.Expires, Now: now})
	if err != nil {
		h.fail(c, err)
		return
	}
	confirmed := map[string]bool{}
	for _, ih := range seeding {
		confirmed[ih] = true
	}
	unconfirmed := []string{}
	for _, ih := range hb.InfoHashes {
		if !confirmed[ih] {
			unconfirmed = append(unconfirmed, ih)
		}
	}
	if seeding == nil {
		seeding = []string{}
	}
	c.JSON(http.StatusOK, gin.H{"account": hb.Account.Hex(), "seeding": seeding, "unconfirmed": unconfirmed,
		"expiresAt": hb.Expires.UTC().Format(time.RFC3339)})
}

// seeds lists the tracks an account seeds now (a heartbeat not yet expired):
// GET /api/v1/accounts/{address}/seeds.
func (h *handlers) seeds(c *gin.Context) {
	var p accountParams
	if err := parseParams(c, &p); err != nil {
		h.fail(c, err)
		return
	}
	ctx := c.Request.Context()
	ids, err := h.Store.SeededTracks(ctx, h.ChainID, p.Account, time.Now())
	if err != nil {
		h.fail(c, err)
		return
	}
	tracks, err := h.Store.Tracks(ctx, h.ChainID, ids)
	if err != nil {
		h.fail(c, err)
		return
	}
	out := []trackJSON{}
	for _, id := range ids {
		if t, ok := tracks[id]; ok {
			out = append(out, trackView(t))
		}
	}
	c.JSON(http.StatusOK, gin.H{"seeds": out, "count": len(out)})
}
