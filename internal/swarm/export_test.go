package swarm

import "io"

// CheckClaim exposes checkClaim to the tests.
var CheckClaim = checkClaim

// WriteStatus writes the BitTorrent client's state (torrents, peers, requests) for a failed test.
func (c *Client) WriteStatus(w io.Writer) { c.client.WriteStatus(w) }

// WriteStatus writes the seeder's BitTorrent client's state for a failed test.
func (s *Seeder) WriteStatus(w io.Writer) { s.client.WriteStatus(w) }
