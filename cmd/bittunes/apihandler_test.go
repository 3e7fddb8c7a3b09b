package main

import (
	"log/slog"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"
	"golang.org/x/time/rate"

	"github.com/bittunes/bittunes/internal/config"
	"github.com/bittunes/bittunes/internal/metrics"
	"github.com/bittunes/bittunes/internal/ratelimit"
	"github.com/bittunes/bittunes/internal/store"
)

// apiSettings are the flags whose values newAPIHandler passes to the API and the pages.
var apiSettings = []string{"confirmations", "http", "public-url", "trusted-proxies", "media-dir", "tracker-url",
	"chain-name", "wallet-rpc", "explorer-url", "rate-limits"}

// TestDevAndServeTakeEveryAPISetting: both roles that serve the API accept every flag the API is
// built from (dev once ignored --confirmations, which serve honoured).
func TestDevAndServeTakeEveryAPISetting(t *testing.T) {
	for name, groups := range map[string]int{"dev": devFlags, "serve": serveFlags} {
		cfg := config.Default()
		fs := cfg.FlagSet(name, groups)
		for _, flag := range apiSettings {
			if fs.Lookup(flag) == nil {
				t.Errorf("bittunes %s has no --%s", name, flag)
			}
		}
	}
}

// TestAPIDepsCarryEverySetting: the API and the pages get every setting from the configuration.
// A field of api.Deps or web.Config that newAPIHandler leaves zero must be listed here as left to
// the API's defaults, so a new one is wired deliberately.
func TestAPIDepsCarryEverySetting(t *testing.T) {
	cfg := config.Default()
	cfg.Market = common.HexToAddress("0x5FbDB2315678afecb367f032d93F642f64180aa3")
	cfg.Confirmations = 3
	cfg.HTTPAddr, cfg.PublicURL, cfg.TrustedProxies = "0.0.0.0:9000", "https://bittunes.example", []string{"10.0.0.0/8"}
	cfg.MediaDir, cfg.Swarm.TrackerURL = "/srv/media", "https://tracker.example/announce"
	cfg.ChainName, cfg.WalletRPC, cfg.ExplorerURL = "Optimism", "https://rpc.example", "https://explorer.example"
	cfg.RateLimits[ratelimit.SignIn] = ratelimit.Budget{N: 3, Per: time.Minute}
	b := &backend{log: slog.New(slog.DiscardHandler), store: new(store.Store), client: new(ethclient.Client), chainID: 10}
	key := make([]byte, 32)

	limits := ratelimit.NewClasses(cfg.RateLimits, 0)
	d := apiDeps(cfg, b, key, metrics.NewRegistry(), limits)
	for _, c := range []struct {
		name      string
		got, want any
	}{
		{"Confirms", d.Confirms, uint64(3)},
		{"Origin", d.Origin, "https://bittunes.example"},
		{"TrustedProxies", d.TrustedProxies, []string{"10.0.0.0/8"}},
		{"MediaDir", d.MediaDir, "/srv/media"},
		{"TrackerURL", d.TrackerURL, "https://tracker.example/announce"},
		{"ChainID", d.ChainID, uint64(10)},
		{"Market", d.Market, cfg.Market},
		{"MaxLag", d.MaxLag, uint64(maxIndexerLag)},
		{"UploadBounds.Grace", d.UploadBounds.Grace, cfg.Uploads.Grace},
		{"UploadBounds.MinFree", d.UploadBounds.MinFree, cfg.Uploads.MinFree},
		{"Limits", d.Limits, limits},
		{"SignInRate", d.SignInRate, rate.Limit(3.0 / 60)},
		{"SignInBurst", d.SignInBurst, 3},
	} {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("api.Deps.%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	defaulted := []string{"CORSOrigins", "ChartRefresh", "UploadRate", "UploadBurst",
		"MaxPendingUploads", "UploadLimits", "Tracker", "KeyRate", "KeyBurst", "KeyContractRate", "QuoteRate",
		"MediaFreeSpace"} // MediaFreeSpace: statfs unless a test says otherwise
	for _, f := range zeroFields(d) {
		if !slices.Contains(defaulted, f) {
			t.Errorf("newAPIHandler leaves api.Deps.%s unset", f)
		}
	}

	w := webConfig(cfg, b, limits)
	if w.ChainName != "Optimism" || w.RPCURL != "https://rpc.example" || w.ExplorerURL != "https://explorer.example" ||
		w.MediaDir != "/srv/media" || w.ChainID != 10 || w.Market != cfg.Market || w.Origin != "https://bittunes.example" ||
		w.Catalog != b.store || w.CardDir != filepath.Join(cfg.DataDir, "cards") || w.Limits != limits ||
		!slices.Equal(w.TrustedProxies, cfg.TrustedProxies) {
		t.Errorf("web.Config = %+v", w)
	}
	if zero := zeroFields(w); len(zero) > 0 {
		t.Errorf("newAPIHandler leaves web.Config's %v unset", zero)
	}
}

// zeroFields names the fields of struct v that hold their zero value.
func zeroFields(v any) []string {
	var zero []string
	rv := reflect.ValueOf(v)
	for i := range rv.NumField() {
		if rv.Field(i).IsZero() {
			zero = append(zero, rv.Type().Field(i).Name)
		}
	}
	return zero
}
