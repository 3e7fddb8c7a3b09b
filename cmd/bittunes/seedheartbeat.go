package main

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"time"

	"github.com/bittunes/bittunes/internal/fanclient"
	"github.com/bittunes/bittunes/internal/heartbeat"
	"github.com/bittunes/bittunes/internal/retry"
	"github.com/bittunes/bittunes/internal/swarm"
)

// heartbeatEvery is how often seed tells the market, signed, what it seeds; each heartbeat holds
// for heartbeat.MaxAhead, so two may be missed before the fan's page stops showing the seeds.
const heartbeatEvery = 5 * time.Minute

// heartbeatRetry is how soon a heartbeat is sent again when the tracker had not seen every package
// announced yet (the first one, right after start) or the market did not answer.
const heartbeatRetry = 20 * time.Second

// sendHeartbeats tells the market every heartbeatEvery, signed by the fan's key, that this client
// seeds the transfers, until ctx ends. Failures are reported on w and retried; they never stop
// the seeding.
func sendHeartbeats(ctx context.Context, api *fanclient.Client, client *swarm.Client, payout *swarm.Payout, transfers []*swarm.Transfer, w io.Writer) {
	u, err := url.Parse(api.Origin)
	if err != nil {
		return
	}
	ihs := make([]string, 0, min(len(transfers), heartbeat.MaxPackages))
	for i, tr := range transfers {
		if i == heartbeat.MaxPackages {
			break // the market shows the first ones; the rest are seeded all the same
		}
		ihs = append(ihs, tr.InfoHash())
	}
	wait := 2 * time.Second // let the first announces reach the tracker
	retries, shown := 0, -1
	for {
		if !retry.Sleep(ctx, wait) {
			return
		}
		hb := heartbeat.Heartbeat{Domain: u.Host, Account: payout.Account, PeerID: client.PeerID(), InfoHashes: ihs,
			Expires: time.Now().Add(heartbeat.MaxAhead).UTC().Truncate(time.Second)}
		wait = heartbeatEvery
		sig, err := heartbeat.Sign(hb, payout.Key)
		if err != nil {
			fmt.Fprintf(w, "seeding heartbeat: %v\n", err)
			return
		}
		a, err := api.Seeds(ctx, hb.Text(), sig)
		if err == nil && len(a.Seeding) != shown {
			shown = len(a.Seeding)
			fmt.Fprintf(w, "the market shows %s seeding %d of %d package(s) (signed heartbeat, renewed every %s)\n", payout.Account.Hex(), shown, len(ihs), heartbeatEvery)
		}
		switch {
		case ctx.Err() != nil:
			return
		case err != nil:
			fmt.Fprintf(w, "seeding heartbeat: %v (trying again in %s)\n", err, heartbeatRetry)
			wait = heartbeatRetry
		case len(a.Unconfirmed) > 0 && retries < int(heartbeatEvery/heartbeatRetry):
			// The tracker has not seen those seeded yet (a client announces a package it holds as
			// complete once it has checked it, and the tracker asks for an announce a minute); a
			// package the market does not know stays unconfirmed, and after a few minutes is asked
			// about with the regular heartbeats only.
			wait, retries = heartbeatRetry, retries+1
		}
	}
}
