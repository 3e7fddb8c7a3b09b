package bench

import (
	"crypto/ecdsa"
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// Shape is the size of a market workload.
type Shape struct {
	Artists, Tracks, Fans int
	// Purchases are made in waves of Wave transactions, each wave mined before the next is sent.
	Purchases, Wave int
	// CollabEvery: every CollabEvery-th track has one to three collaborators (0: none has).
	CollabEvery int
	Seed        uint64
}

// Referral kinds of a planned purchase.
const (
	noReferrer   = iota // bought without a link
	earlierBuyer        // through the link of a fan who bought the track in an earlier wave: credited
	notAnOwner          // through a link the contract does not credit (the buyer's own, or a non-owner's)
)

// plan is a workload decided in advance, deterministically from its shape: who registers what and
// who buys what, in which wave, through whose link.
type plan struct {
	shape     Shape
	artists   []account
	fans      []account
	tracks    []trackPlan
	purchases []purchasePlan
}

type trackPlan struct {
	artist        int      // index into plan.artists
	price         *big.Int // wei
	referralBps   int64
	collaborators []collaboratorPlan
}

type collaboratorPlan struct {
	account common.Address
	bps     uint16
}

type purchasePlan struct {
	track, fan int // indexes into plan.tracks and plan.fans
	kind       int // noReferrer, earlierBuyer or notAnOwner
	referrer   common.Address
}

// account is a key and its address.
type account struct {
	key  *ecdsa.PrivateKey
	addr common.Address
}

// keyed derives a deterministic account from a label, e.g. "bench fan 42".
func keyed(label string) account {
	key, err := crypto.ToECDSA(crypto.Keccak256([]byte(label)))
	if err != nil {
		panic(fmt.Sprintf("bench: key of %q: %v", label, err)) // a keccak output is a valid key with overwhelming probability
	}
	return account{key: key, addr: crypto.PubkeyToAddress(key.PublicKey)}
}

// newPlan decides a workload of the given shape. Track popularity follows a power law (a few hits,
// a long tail); a fan buys a track at most once; the first purchase of a track is unreferred; after
// it about 80 % of purchases go through the link of a fan who bought the track in an earlier wave,
// 5 % through a link that is not credited, the rest through none.
func newPlan(label string, s Shape) (*plan, error) {
	if s.Artists < 2 || s.Tracks < 1 || s.Fans < 2 || s.Wave < 1 || s.Purchases < 0 {
		return nil, fmt.Errorf("bench: invalid workload shape %+v", s)
	}
	if s.Purchases > s.Tracks*s.Fans/2 {
		return nil, fmt.Errorf("bench: %d purchases are too many for %d tracks × %d fans", s.Purchases, s.Tracks, s.Fans)
	}
	rng := rand.New(rand.NewPCG(s.Seed, 0xb1771e5))
	p := &plan{shape: s}
	for i := range s.Artists {
		p.artists = append(p.artists, keyed(fmt.Sprintf("bench %s artist %d", label, i)))
	}
	for i := range s.Fans {
		p.fans = append(p.fans, keyed(fmt.Sprintf("bench %s fan %d", label, i)))
	}
	for i := range s.Tracks {
		t := trackPlan{
			artist:      i % s.Artists,
			price:       new(big.Int).Mul(big.NewInt(int64(1+rng.IntN(20))), big.NewInt(1e15)), // 0.001 to 0.02 ether
			referralBps: int64(500 + rng.IntN(4_501)),
		}
		if s.CollabEvery > 0 && i%s.CollabEvery == s.CollabEvery-1 {
			for c := range 1 + rng.IntN(min(3, s.Artists-1)) {
				// Other artists, never the track's own: the contract refuses the artist as collaborator.
				other := p.artists[(t.artist+1+c)%s.Artists]
				t.collaborators = append(t.collaborators, collaboratorPlan{account: other.addr, bps: uint16(500 + rng.IntN(2_500))})
			}
		}
		p.tracks = append(p.tracks, t)
	}
	p.planPurchases(rng)
	return p, nil
}

// planPurchases draws the purchases: tracks by a power-law weight, fans at random among those who do
// not own the track yet, referrers among the owners of earlier waves.
func (p *plan) planPurchases(rng *rand.Rand) {
	s := p.shape
	cumulative := make([]float64, s.Tracks)
	total := 0.0
	for i := range cumulative {
		total += 1 / math.Pow(float64(i+1), 0.6)
		cumulative[i] = total
	}
	owners := make([]map[int]bool, s.Tracks) // all buyers planned so far
	earlier := make([][]int, s.Tracks)       // buyers of earlier waves, who can refer
	var thisWave []purchasePlan
	for n := range s.Purchases {
		if n%s.Wave == 0 {
			for _, q := range thisWave {
				earlier[q.track] = append(earlier[q.track], q.fan)
			}
			thisWave = thisWave[:0]
		}
		track := p.drawTrack(rng, cumulative, owners)
		if owners[track] == nil {
			owners[track] = map[int]bool{}
		}
		fan := drawFan(rng, s.Fans, owners[track])
		owners[track][fan] = true
		q := purchasePlan{track: track, fan: fan}
		if refs := earlier[track]; len(refs) > 0 {
			switch r := rng.IntN(100); {
			case r < 80:
				q.kind, q.referrer = earlierBuyer, p.fans[refs[rng.IntN(len(refs))]].addr
			case r < 85:
				q.kind, q.referrer = notAnOwner, p.fans[fan].addr // the buyer's own link
				if r < 83 {
					if f := p.nonOwner(rng, owners[track], thisWave, track); f >= 0 {
						q.referrer = p.fans[f].addr // a fan who owns the track neither before nor in this wave
					}
				}
			}
		}
		thisWave = append(thisWave, q)
		p.purchases = append(p.purchases, q)
	}
}

// drawTrack picks a track by weight among those that some fan does not own yet.
func (p *plan) drawTrack(rng *rand.Rand, cumulative []float64, owners []map[int]bool) int {
	for {
		x := rng.Float64() * cumulative[len(cumulative)-1]
		lo, hi := 0, len(cumulative)-1
		for lo < hi {
			mid := (lo + hi) / 2
			if cumulative[mid] < x {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		if len(owners[lo]) < p.shape.Fans {
			return lo
		}
	}
}

// drawFan picks a fan who does not own the track; one exists.
func drawFan(rng *rand.Rand, fans int, owners map[int]bool) int {
	for range 64 {
		if f := rng.IntN(fans); !owners[f] {
			return f
		}
	}
	start := rng.IntN(fans)
	for i := range fans {
		if f := (start + i) % fans; !owners[f] {
			return f
		}
	}
	panic("bench: every fan owns the track") // drawTrack only picks tracks with a fan left
}

// nonOwner picks a fan who has not bought the track and does not buy it in this wave: an ineligible
// referrer, or -1 when there is none (possible in a tiny workload).
func (p *plan) nonOwner(rng *rand.Rand, owners map[int]bool, thisWave []purchasePlan, track int) int {
	buyingNow := map[int]bool{}
	for _, q := range thisWave {
		if q.track == track {
			buyingNow[q.fan] = true
		}
	}
	for range 64 {
		if f := rng.IntN(p.shape.Fans); !owners[f] && !buyingNow[f] {
			return f
		}
	}
	for f := range p.shape.Fans {
		if !owners[f] && !buyingNow[f] {
			return f
		}
	}
	return -1
}

// waves splits the purchases into the planned waves.
func (p *plan) waves() [][]purchasePlan {
	var out [][]purchasePlan
	for rest := p.purchases; len(rest) > 0; {
		n := min(p.shape.Wave, len(rest))
		out = append(out, rest[:n])
		rest = rest[n:]
	}
	return out
}

// accountOf returns the plan's account with this address.
func (p *plan) accountOf(a common.Address) account {
	for _, acc := range append(append([]account{}, p.artists...), p.fans...) {
		if acc.addr == a {
			return acc
		}
	}
	panic("bench: no account " + a.Hex() + " in the plan")
}
