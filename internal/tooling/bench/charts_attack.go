package bench

import (
	"context"
	"fmt"
	"math/big"
	"slices"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/bittunes/bittunes/internal/charts"
	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/wei"
)

// outcome is how an attack on one chart ended: whether it reached #1, and its net cost then (or
// when it gave up).
type outcome struct {
	reached bool
	cost    wei.Amount
}

type attackResult struct {
	genre, overall  outcome
	wallets, rounds int
}

// attackPrice is what the attackers' tracks sell for: the dearest honest price, so that each fake
// fan can score as much as a track can.
const attackPrice = 20e15

// strategy is one way to attack the charts: setup registers the attacker's tracks; unit spends one
// more wallet's worth; gain is what a unit is expected to add to the target's points (zero when the
// attacker expects nothing, and so spends in large steps).
type strategy struct {
	setup func(a *attacker) error
	unit  func(a *attacker, i int) error
	gain  wei.Amount
}

func strategies() map[string]strategy {
	price := wei.FromUint64(attackPrice)
	return map[string]strategy{
		// Fresh wallets take a free track.
		"free_sybils": {
			setup: func(a *attacker) error { return a.register(a.artist, wei.Zero(), 0) },
			unit: func(a *attacker, i int) error {
				w := a.wallet(i)
				return a.buy(a.target, w, w, common.Address{})
			},
		},
		// Fresh wallets of the artist buy its track, each through the link of the one before, so
		// the artist side and the referral share come back: only the fee is lost.
		"self_referral": {
			setup: func(a *attacker) error { return a.register(a.artist, wei.FromUint64(1e15), 5_000) },
			unit: func(a *attacker, i int) error {
				w, ref := a.wallet(i), common.Address{}
				if i > 0 {
					ref = a.wallet(i - 1)
				}
				return a.buy(a.target, w, w, ref)
			},
		},
		// Wallets funded by the artist first buy other artists' tracks (without a referrer: the
		// cheapest way to pay other artists) until what they paid them is worth a full fan, then
		// buy the artist's track through the previous wallet's link.
		"padded_sybils": {
			setup: func(a *attacker) error { return a.register(a.artist, price, 5_000) },
			unit: func(a *attacker, i int) error {
				w := a.wallet(i)
				paid := new(big.Int)
				need := new(big.Int).Mul(price.BigInt(), big.NewInt(charts.EvidenceRatio))
				for k := 0; paid.Cmp(need) < 0; k++ {
					t := a.m.cheap[(i*7+k)%len(a.m.cheap)]
					got, err := a.buyHonest(t, w)
					if err != nil {
						return err
					}
					paid.Add(paid, got.BigInt())
				}
				ref := common.Address{}
				if i > 0 {
					ref = a.wallet(i - 1)
				}
				return a.buy(a.target, w, w, ref)
			},
			gain: price,
		},
		// Colluding artists: each new member registers a track (in another genre), buys the tracks
		// of the three members before it, and then the target through a member's link. All the
		// money stays in the ring but the fees.
		"ring": {
			setup: func(a *attacker) error { return a.register(a.artist, price, 5_000) },
			unit: func(a *attacker, i int) error {
				member := a.wallet(i)
				if err := a.registerElsewhere(member, price); err != nil {
					return err
				}
				mine := a.nextTrack - 1
				for back := int64(1); back <= 3 && i-int(back) >= 0; back++ {
					if err := a.buy(mine-back, member, member, a.ownerOf(mine-back, member)); err != nil {
						return err
					}
				}
				return a.buy(a.target, member, member, a.ownerOf(a.target, member))
			},
			gain: price,
		},
	}
}

// attacker plays one strategy against a copy of the honest market and keeps its books: what its
// accounts paid, and what came back to them.
type attacker struct {
	ctx      context.Context
	m        *honestMarket
	st       *store.Store
	cat      *catalogue
	builder  *charts.Builder
	name     string
	artist   common.Address
	target   int64
	accounts map[common.Address]bool
	spent    *big.Int
	back     *big.Int
	terms    map[int64]terms // the attackers' tracks
	owners   map[int64][]common.Address
	events   []market.Event
	pos      func(uint) market.Position
	log      uint
	wallets  int

	nextTrack int64
}

// terms are a track's artist, price, referral share and collaborator (with its 25 %).
type terms struct {
	artist, collaborator common.Address
	price                wei.Amount
	referralBps          uint64
}

func (a *attacker) wallet(i int) common.Address {
	w := label("attacker "+a.name+" wallet", i)
	if !a.accounts[w] {
		a.accounts[w] = true
		a.wallets++
	}
	return w
}

func (a *attacker) termsOf(track int64) terms {
	if t, ok := a.terms[track]; ok {
		return t
	}
	i := int(track - 1)
	return terms{artist: a.cat.artist(a.cat.artistOf(i)), collaborator: a.cat.collaborator[i], price: a.cat.prices[i], referralBps: a.cat.referralBps[i]}
}

// ownerOf is an attacker account that owns track and is not buyer, or none.
func (a *attacker) ownerOf(track int64, buyer common.Address) common.Address {
	for _, o := range a.owners[track] {
		if o != buyer {
			return o
		}
	}
	return common.Address{}
}

// register lists the attacker's target track in the attacked genre.
func (a *attacker) register(artist common.Address, price wei.Amount, referralBps uint64) error {
	a.target = a.nextTrack
	return a.registerIn(artist, price, referralBps, a.m.genre)
}

// registerElsewhere lists a ring member's track in a genre of its own.
func (a *attacker) registerElsewhere(artist common.Address, price wei.Amount) error {
	return a.registerIn(artist, price, 0, [2]string{"Ring", "Ring"})
}

func (a *attacker) registerIn(artist common.Address, price wei.Amount, referralBps uint64, genre [2]string) error {
	id := a.nextTrack
	a.nextTrack++
	a.accounts[artist] = true
	hash := crypto.Keccak256Hash([]byte(fmt.Sprintf("attack %s package %d", a.name, id)))
	err := a.st.SaveTrackMetadata(a.ctx, store.TrackMetadata{ContentHash: hash, Title: fmt.Sprintf("Attack %d", id), ArtistName: "Attacker",
		Genre: genre[0], Subgenre: genre[1], DurationMS: 180_000, Uploader: artist, CreatedAt: a.m.at})
	if err != nil {
		return err
	}
	a.terms[id] = terms{artist: artist, price: price, referralBps: referralBps}
	a.events = append(a.events, market.TrackRegistered{Position: a.pos(a.log), TrackID: id, Artist: artist, Price: price,
		ReferralBps: uint16(referralBps), ContentHash: hash, MetadataURI: fmt.Sprintf("ipfs://attack/%d", id)})
	a.log++
	return nil
}

// buyHonest buys an honest track for w without a referrer and returns what it paid the track's
// artist and collaborator.
func (a *attacker) buyHonest(track int, w common.Address) (wei.Amount, error) {
	if err := a.buy(int64(track+1), w, w, common.Address{}); err != nil {
		return wei.Amount{}, err
	}
	return a.events[len(a.events)-1].(market.Sale).ArtistAmount, nil
}

// buy adds a sale split as the contract splits it (5 % fee), and books it.
func (a *attacker) buy(track int64, buyer, recipient, referrer common.Address) error {
	t := a.termsOf(track)
	price := t.price.BigInt()
	fee := new(big.Int).Div(new(big.Int).Mul(price, big.NewInt(500)), big.NewInt(10_000))
	ref := new(big.Int)
	if referrer != (common.Address{}) {
		ref.Div(new(big.Int).Mul(price, new(big.Int).SetUint64(t.referralBps)), big.NewInt(10_000))
	}
	side := new(big.Int).Sub(new(big.Int).Sub(price, fee), ref)
	s := market.Sale{Position: a.pos(a.log), TrackID: track, Buyer: buyer, Recipient: recipient, Referrer: referrer,
		Price: t.price, ArtistAmount: mustAmount(side), ReferrerAmount: mustAmount(ref), FeeAmount: mustAmount(fee)}
	a.log++
	keeps := new(big.Int).Set(side)
	if t.collaborator != (common.Address{}) {
		share := new(big.Int).Div(new(big.Int).Mul(side, big.NewInt(2_500)), big.NewInt(10_000))
		s.Collaborators = []market.Credit{{Position: a.pos(a.log), Account: t.collaborator, Amount: mustAmount(share)}}
		a.log++
		keeps.Sub(keeps, share)
		a.income(t.collaborator, share)
	}
	if a.accounts[buyer] {
		a.spent.Add(a.spent, price)
	}
	a.income(t.artist, keeps)
	a.income(referrer, ref)
	a.owners[track] = append(a.owners[track], recipient)
	a.events = append(a.events, s)
	return nil
}

func (a *attacker) income(account common.Address, amount *big.Int) {
	if a.accounts[account] {
		a.back.Add(a.back, amount)
	}
}

// net is what the attack has cost so far.
func (a *attacker) net() wei.Amount {
	n := new(big.Int).Sub(a.spent, a.back)
	if n.Sign() < 0 {
		n.SetInt64(0)
	}
	return mustAmount(n)
}

// begin starts a block; commit applies it as the indexer would and lets the chart builder follow.
func (a *attacker) begin() {
	_, a.pos = a.cat.next(a.m.at)
	a.log = 0
}

func (a *attacker) commit() error {
	n := a.cat.block
	if err := a.st.Apply(a.ctx, a.cat.batch(n, n, a.events)); err != nil {
		return err
	}
	a.events = nil
	return a.builder.Build(a.ctx, a.m.at)
}

// standing reads a chart's #1 (track and points) and the target's points if it is charted.
func (a *attacker) standing(chart string) (top int64, topPoints, mine wei.Amount, charted bool, err error) {
	entries, err := a.st.ChartTracks(a.ctx, apiChainID, chart, charts.Week)
	if err != nil || len(entries) == 0 {
		return 0, wei.Amount{}, wei.Amount{}, false, err
	}
	for _, e := range entries {
		if e.TrackID == a.target {
			mine, charted = e.Points, true
		}
	}
	return entries[0].TrackID, entries[0].Points, mine, charted, nil
}

func (m *honestMarket) attack(ctx context.Context, r *runner, name, path string) (attackResult, error) {
	var res attackResult
	plan, ok := strategies()[name]
	if !ok {
		return res, fmt.Errorf("unknown strategy %q", name)
	}
	if err := copyDatabase(m.path, path); err != nil {
		return res, err
	}
	st, err := store.Open(ctx, "sqlite:"+path)
	if err != nil {
		return res, err
	}
	defer st.Close()
	cat := *m.cat // the honest market's catalogue, at its last block
	cat.block, cat.hash = m.block, crypto.Keccak256Hash([]byte(fmt.Sprintf("block %d", m.block)))
	a := &attacker{ctx: ctx, m: m, st: st, cat: &cat, builder: charts.NewBuilder(st, apiChainID), name: name,
		artist: label("attacker "+name, 0), accounts: map[common.Address]bool{}, spent: new(big.Int), back: new(big.Int),
		terms: map[int64]terms{}, owners: map[int64][]common.Address{}, nextTrack: int64(cat.tracks + 1)}
	a.accounts[a.artist] = true
	if err := a.builder.Build(ctx, m.at); err != nil {
		return res, err
	}
	a.begin()
	if err := plan.setup(a); err != nil {
		return res, err
	}
	if err := a.commit(); err != nil {
		return res, err
	}
	budget := new(big.Int).Mul(m.overallTop.revenue.BigInt(), big.NewInt(chartsBudget))
	maxWallets := r.scaled(chartsWallets, 1_000)
	bigStep := max(1, maxWallets/25)
	genreChart := charts.Slug(m.genre[0])
	estimate := new(big.Int) // the target's points as the attacker expects them, while not charted
	for i := 0; !res.overall.reached; res.rounds++ {
		if a.net().BigInt().Cmp(budget) > 0 || a.wallets >= maxWallets {
			break
		}
		chart := charts.Overall
		if !res.genre.reached {
			chart = genreChart
		}
		_, topPoints, mine, charted, err := a.standing(chart)
		if err != nil {
			return res, err
		}
		if !charted {
			mine = mustAmount(estimate)
		}
		step := bigStep
		if g := plan.gain.BigInt(); g.Sign() > 0 {
			gap := new(big.Int).Sub(topPoints.BigInt(), mine.BigInt())
			units := new(big.Int).Div(gap, new(big.Int).Mul(g, big.NewInt(2))) // half the way there, then closer
			step = int(min(max(1, units.Int64()), int64(bigStep)))
		}
		a.begin()
		for range step {
			if err := plan.unit(a, i); err != nil {
				return res, err
			}
			i++
			estimate.Add(estimate, plan.gain.BigInt())
		}
		if err := a.commit(); err != nil {
			return res, err
		}
		for _, c := range []struct {
			chart string
			out   *outcome
		}{{genreChart, &res.genre}, {charts.Overall, &res.overall}} {
			if c.out.reached {
				continue
			}
			top, _, _, _, err := a.standing(c.chart)
			if err != nil {
				return res, err
			}
			if top == a.target {
				c.out.reached, c.out.cost = true, a.net()
			}
		}
	}
	for _, o := range []*outcome{&res.genre, &res.overall} {
		if !o.reached {
			o.cost = a.net()
		}
	}
	res.wallets = a.wallets
	return res, nil
}

// addWeekRevenue adds the batch's sales in the week to each track's gross revenue.
func addWeekRevenue(gross map[int64]wei.Amount, b store.Batch, week charts.Window) error {
	for _, ev := range b.Events {
		s, ok := ev.(market.Sale)
		if !ok {
			continue
		}
		if day := store.Day(s.BlockTime); day < week.First || day > week.Last {
			continue
		}
		sum, err := gross[s.TrackID].Add(s.Price)
		if err != nil {
			return err
		}
		gross[s.TrackID] = sum
	}
	return nil
}

// attackersPicks are the honest tracks sybils pay to look independent: the dearest first (fewer
// purchases for the same evidence), none in the overall top of the honest market's power law (a
// sybil that lifted a rival would raise its own bar).
func (c *catalogue) attackersPicks() []int {
	var out []int
	for t := range c.tracks {
		if t >= c.tracks/10 { // the power law's head is the low track numbers
			out = append(out, t)
		}
	}
	slices.SortStableFunc(out, func(x, y int) int { return c.prices[y].Cmp(c.prices[x]) })
	return out
}
