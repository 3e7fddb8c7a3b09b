package config

import "flag"

// Swarm configures the BitTorrent side of serve and dev: the seeder of the media folder's packages
// and the market's tracker.
type Swarm struct {
	// Listen is where the seeder accepts peers, host:port.
	Listen string
	// TrackerURL is the announce URL torrents name; empty: <public URL>/api/v1/announce, the
	// tracker every API server runs.
	TrackerURL string
	// UploadRate caps the seeder's upload in bytes per second (0: no cap): fans then carry the
	// load of popular packages among themselves.
	UploadRate int64
	// MaxPeers caps the seeder's peers per package (0: 8): it then sends pieces to a few fans who
	// pass them on, rather than the same pieces to every fan at once.
	MaxPeers int
	// DHT also announces the packages on the public mainline DHT.
	DHT bool
	// Off runs no seeder (the packages stay available over the web seed).
	Off bool
	// SeederKey is the private key (64 hex digits) of the account the seeder names to its peers
	// for what it delivers, signed, as a fan's client does: the operator's (the fee recipient's).
	// Empty: the seeder names no account (dev: the dev fee recipient's key).
	SeederKey string
}

// swarmFlags registers the Swarm flags.
func (c *Config) swarmFlags(fs *flag.FlagSet) {
	if c.Swarm.Listen == "" {
		c.Swarm.Listen = "127.0.0.1:6881"
	}
	fs.StringVar(&c.Swarm.Listen, "torrent-listen", c.Swarm.Listen, "serve, dev: where the seeder accepts BitTorrent peers (host:port; :6881 for every interface)")
	fs.StringVar(&c.Swarm.TrackerURL, "tracker-url", c.Swarm.TrackerURL, "serve, dev: the announce URL torrents name (default: <public URL>/api/v1/announce, the tracker every API server runs)")
	fs.Int64Var(&c.Swarm.UploadRate, "seed-upload-rate", c.Swarm.UploadRate, "serve, dev: cap on the seeder's upload in bytes per second, so fans carry popular packages (0: no cap)")
	fs.IntVar(&c.Swarm.MaxPeers, "seed-max-peers", c.Swarm.MaxPeers, "serve, dev: cap on the seeder's peers per package (0: 8), so fans pass pieces on among themselves")
	fs.BoolVar(&c.Swarm.DHT, "dht", c.Swarm.DHT, "serve, dev: also announce packages on the public BitTorrent DHT")
	fs.StringVar(&c.Swarm.SeederKey, "seeder-key", c.Swarm.SeederKey, "serve: private key (64 hex digits) of the operator's account, which the seeder names to peers, signed, for what it delivers; prefer the environment variable BITTUNES_SEEDER_KEY (dev: the fee recipient's)")
	fs.BoolVar(&c.Swarm.Off, "no-seeder", c.Swarm.Off, "serve, dev: run no seeder (packages stay available over the web seed)")
}
