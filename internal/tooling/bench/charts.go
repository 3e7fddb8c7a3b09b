package bench

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"math/big"
	"os"
	"path/filepath"
	"time"

	"github.com/bittunes/bittunes/internal/charts"
	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/wei"
)

// The chart attack benchmark's honest market, at scale 1.
const (
	chartsTracks    = 2_000
	chartsArtists   = 200
	chartsFans      = 20_000
	chartsPurchases = 200_000
	chartsDays      = 30
	// chartsBudget is how much an attacker may lose, in multiples of the honest overall #1's
	// revenue in the week, before the attack is given up (reported as inf).
	chartsBudget = 5
	// chartsWallets is how many fresh wallets an attacker may use, at scale 1.
	chartsWallets = 50_000
)

// ChartsConfig says how big to run `bittunes bench charts`.
type ChartsConfig struct {
	Scale  float64 // multiplies the honest market's tracks, artists, fans and purchases
	Dir    string  // where the SQLite databases go (a temporary folder when empty)
	Logger *slog.Logger
}

// Strategies are the attacks `bittunes bench charts` plays, in order.
var Strategies = []string{"free_sybils", "self_referral", "padded_sybils", "ring"}

// RunCharts builds an honest market into SQLite through the store's Apply, then plays each attack
// strategy against a copy of it, trying to take #1 of a genre's chart and of the overall chart for
// 7 days, and writes for each the BENCH lines chart_attack_<strategy>_genre_cost_ratio and
// chart_attack_<strategy>_cost_ratio (overall): the attacker's net cost to reach #1 divided by the
// gross 7-day revenue of the honest #1 it displaces, or inf.
func RunCharts(ctx context.Context, cfg ChartsConfig, out io.Writer) error {
	if cfg.Scale <= 0 {
		cfg.Scale = 1
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	dir := cfg.Dir
	if dir == "" {
		d, err := os.MkdirTemp("", "bittunes-bench-charts-")
		if err != nil {
			return fmt.Errorf("bench charts: %w", err)
		}
		defer os.RemoveAll(d)
		dir = d
	}
	r := &runner{cfg: Config{Scale: cfg.Scale, Logger: cfg.Logger}, log: cfg.Logger, out: out}
	m, err := buildHonestMarket(ctx, r, filepath.Join(dir, "honest.db"))
	if err != nil {
		return err
	}
	for _, name := range Strategies {
		res, err := m.attack(ctx, r, name, filepath.Join(dir, name+".db"))
		if err != nil {
			return fmt.Errorf("bench charts: %s: %w", name, err)
		}
		r.log.Info("bench charts: attack done", "strategy", name, "genre_net_cost", res.genre.cost.Ether(),
			"overall_net_cost", res.overall.cost.Ether(), "wallets", res.wallets, "rounds", res.rounds)
		r.report(Result{"chart_attack_" + name + "_genre_cost_ratio", res.genre.ratio(m.genreTop.revenue), "ratio"})
		r.report(Result{"chart_attack_" + name + "_cost_ratio", res.overall.ratio(m.overallTop.revenue), "ratio"})
	}
	return nil
}

// honestMarket is the honest market as built: where it is stored, the catalogue's state after it,
// and the charts' honest #1s the attackers aim at.
type honestMarket struct {
	path       string
	cat        *catalogue
	block      uint64 // the catalogue's last block
	at         time.Time
	genre      [2]string // the attacked genre (its sub-genre is the attackers' too)
	genreTop   honestTop
	overallTop honestTop
	cheap      []int // honest tracks for sybils to buy, best for an attacker first (most referral share back)
}

// honestTop is a chart's honest #1: its track, and its gross revenue in the week.
type honestTop struct {
	track   int64
	revenue wei.Amount
	points  wei.Amount
}

func buildHonestMarket(ctx context.Context, r *runner, path string) (*honestMarket, error) {
	start := time.Now()
	st, err := store.Open(ctx, "sqlite:"+path)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	cat := newCatalogue(r.scaled(chartsTracks, 100), r.scaled(chartsArtists, 10), r.scaled(chartsFans, 1_000), apiChainID, label("market", 0))
	if err := cat.metadata(ctx, st); err != nil {
		return nil, err
	}
	first, last := spread(time.Now(), chartsDays)
	if err := st.Apply(ctx, cat.genesis(first.Add(-time.Hour))); err != nil {
		return nil, err
	}
	week, _ := charts.Week.Windows(last)
	gross := map[int64]wei.Amount{} // each track's revenue in the week
	purchases := r.scaled(chartsPurchases, 10_000)
	err = cat.history(purchases, 200, 25, first, last, func(b store.Batch) error {
		if err := addWeekRevenue(gross, b, week); err != nil {
			return err
		}
		return st.Apply(ctx, b)
	})
	if err != nil {
		return nil, fmt.Errorf("load: %w", err)
	}
	r.log.Info("bench charts: honest market loaded", "purchases", purchases, "tracks", cat.tracks, "took", time.Since(start).Round(time.Second))
	at := last.Add(30 * time.Second)
	if err := charts.NewBuilder(st, apiChainID).Build(ctx, at); err != nil {
		return nil, err
	}
	overall, err := st.ChartTracks(ctx, apiChainID, charts.Overall, charts.Week)
	if err != nil {
		return nil, err
	}
	if len(overall) < 10 {
		return nil, fmt.Errorf("the honest weekly chart has %d tracks", len(overall))
	}
	m := &honestMarket{path: path, cat: cat, block: cat.block, at: at}
	m.overallTop = honestTop{overall[0].TrackID, gross[overall[0].TrackID], overall[0].Points}
	// The attacked genre: the genre of the highest track whose genre is not the overall #1's.
	topGenre := cat.genreOf(int(overall[0].TrackID - 1))[0]
	for _, e := range overall[1:] {
		if g := cat.genreOf(int(e.TrackID - 1)); g[0] != topGenre {
			m.genre = g
			break
		}
	}
	genre, err := st.ChartTracks(ctx, apiChainID, charts.Slug(m.genre[0]), charts.Week)
	if err != nil {
		return nil, err
	}
	m.genreTop = honestTop{genre[0].TrackID, gross[genre[0].TrackID], genre[0].Points}
	for _, t := range cat.attackersPicks() {
		if cat.genreOf(t)[0] != m.genre[0] {
			m.cheap = append(m.cheap, t)
		}
	}
	r.log.Info("bench charts: honest #1s", "overall_track", m.overallTop.track, "overall_week_revenue", m.overallTop.revenue.Ether(),
		"overall_points", m.overallTop.points.Ether(), "genre", m.genre[0], "genre_track", m.genreTop.track,
		"genre_week_revenue", m.genreTop.revenue.Ether(), "genre_points", m.genreTop.points.Ether())
	return m, nil
}

// ratio is the attack's cost over revenue, or +Inf when it never reached #1.
func (o outcome) ratio(revenue wei.Amount) float64 {
	if !o.reached {
		return math.Inf(1)
	}
	c, _ := new(big.Float).SetInt(o.cost.BigInt()).Float64()
	r, _ := new(big.Float).SetInt(revenue.BigInt()).Float64()
	if r == 0 {
		return math.Inf(1)
	}
	return c / r
}

// copyDatabase copies a closed SQLite database, with its write-ahead log if one was left.
func copyDatabase(from, to string) error {
	for _, suffix := range []string{"", "-wal", "-shm"} {
		data, err := os.ReadFile(from + suffix)
		if errors.Is(err, os.ErrNotExist) && suffix != "" {
			continue
		}
		if err != nil {
			return fmt.Errorf("bench charts: copy the honest market: %w", err)
		}
		if err := os.WriteFile(to+suffix, data, 0o600); err != nil {
			return fmt.Errorf("bench charts: copy the honest market: %w", err)
		}
	}
	return nil
}
