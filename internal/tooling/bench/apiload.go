package bench

import (
	"context"
	"fmt"
	"math/big"
	"math/rand/v2"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/wei"
)

// catalogue is the made-up market the API benchmark loads: tracks by artists in genres, bought by
// fans with a power law of popularity, most sales through the link of an earlier buyer, split as
// the contract splits them (5 % fee). It is written to the store through Apply, the indexer's way
// in, as blocks of sales spread evenly over the days before now.
type catalogue struct {
	tracks, artists, fans int
	genres                [][2]string
	prices                []wei.Amount
	referralBps           []uint64
	collaborator          []common.Address // of every fifth track; zero otherwise
	sold                  []int            // sales of each track so far: its buyers are fans k·stride + t
	zipf                  *rand.Zipf
	chainID               uint64
	market                common.Address
	block                 uint64
	hash                  common.Hash
}

const fanStride = 7_919 // a prime: fan k·stride + t (mod fans) differs for every k below fans

func newCatalogue(tracks, artists, fans int, chainID uint64, contract common.Address) *catalogue {
	rng := rand.New(rand.NewPCG(1, 2))
	c := &catalogue{tracks: tracks, artists: artists, fans: fans, chainID: chainID, market: contract,
		prices: make([]wei.Amount, tracks), referralBps: make([]uint64, tracks), collaborator: make([]common.Address, tracks),
		sold: make([]int, tracks), zipf: rand.NewZipf(rand.New(rand.NewPCG(3, 4)), 1.1, 20, uint64(tracks-1))}
	for g := range 20 {
		for s := range 5 {
			c.genres = append(c.genres, [2]string{fmt.Sprintf("Genre %02d", g), fmt.Sprintf("Style %d", s)})
		}
	}
	for t := range tracks {
		c.prices[t] = wei.FromUint64(uint64(1+rng.IntN(20)) * 1e15)
		c.referralBps[t] = uint64(500 + rng.IntN(30)*100)
		if t%5 == 4 {
			c.collaborator[t] = c.artist((t + 1) % artists)
		}
	}
	return c
}

func label(kind string, i int) common.Address {
	return common.BytesToAddress(crypto.Keccak256([]byte(fmt.Sprintf("%s %d", kind, i)))[12:])
}

func (c *catalogue) artist(i int) common.Address { return label("artist", i) }
func (c *catalogue) fan(i int) common.Address    { return label("fan", i) }

// artistOf is the artist of track t (0-based).
func (c *catalogue) artistOf(t int) int { return t % c.artists }

// genreOf is the genre and sub-genre of track t.
func (c *catalogue) genreOf(t int) [2]string { return c.genres[(t*7)%len(c.genres)] }

func (c *catalogue) contentHash(t int) common.Hash {
	return crypto.Keccak256Hash([]byte(fmt.Sprintf("package %d", t)))
}

// metadata uploads every track's metadata, by its artist.
func (c *catalogue) metadata(ctx context.Context, s *store.Store) error {
	for t := range c.tracks {
		g := c.genreOf(t)
		err := s.SaveTrackMetadata(ctx, store.TrackMetadata{ContentHash: c.contentHash(t), Title: fmt.Sprintf("Track %d", t+1),
			ArtistName: fmt.Sprintf("Artist %d", c.artistOf(t)), Genre: g[0], Subgenre: g[1], DurationMS: 180_000,
			Uploader: c.artist(c.artistOf(t)), CreatedAt: time.Now()})
		if err != nil {
			return err
		}
	}
	return nil
}

// next returns the next block's position maker, at time at.
func (c *catalogue) next(at time.Time) (uint64, func(log uint) market.Position) {
	c.block++
	n := c.block
	c.hash = crypto.Keccak256Hash([]byte(fmt.Sprintf("block %d", n)))
	hash := c.hash
	return n, func(log uint) market.Position {
		return market.Position{BlockNumber: n, BlockHash: hash, BlockTime: at,
			TxHash: crypto.Keccak256Hash([]byte(fmt.Sprintf("tx %d %d", n, log))), LogIndex: log}
	}
}

// genesis is the block that sets the fee and registers every track.
func (c *catalogue) genesis(at time.Time) store.Batch {
	n, pos := c.next(at)
	operator := label("operator", 0)
	events := []market.Event{
		market.OwnershipTransferred{Position: pos(0), Owner: operator},
		market.FeeRecipientUpdated{Position: pos(1), Recipient: operator},
		market.FeeUpdated{Position: pos(2), Bps: 500},
	}
	for t := range c.tracks {
		reg := market.TrackRegistered{Position: pos(uint(len(events))), TrackID: int64(t + 1), Artist: c.artist(c.artistOf(t)),
			Price: c.prices[t], ReferralBps: uint16(c.referralBps[t]), ContentHash: c.contentHash(t), MetadataURI: fmt.Sprintf("ipfs://%d", t)}
		if c.collaborator[t] != (common.Address{}) {
			reg.Collaborators = []market.Collaborator{{Account: c.collaborator[t], Bps: 2_500}}
		}
		events = append(events, reg)
	}
	return c.batch(n, n, events)
}

// sale makes the next sale of track t (0-based) at pos: to a fan who does not own it, through the
// link of the track's previous buyer four times in five.
func (c *catalogue) sale(t int, pos func(uint) market.Position, log *uint) market.Sale {
	k := c.sold[t]
	if k >= c.fans {
		panic("bench: more sales of a track than fans")
	}
	c.sold[t]++
	buyer := c.fan((k*fanStride + t) % c.fans)
	price := c.prices[t].BigInt()
	fee := new(big.Int).Div(new(big.Int).Mul(price, big.NewInt(500)), big.NewInt(10_000))
	ref := new(big.Int)
	var referrer common.Address
	if k > 0 && k%5 != 0 {
		referrer = c.fan(((k-1)*fanStride + t) % c.fans)
		ref.Div(new(big.Int).Mul(price, new(big.Int).SetUint64(c.referralBps[t])), big.NewInt(10_000))
	}
	artistSide := new(big.Int).Sub(new(big.Int).Sub(price, fee), ref)
	s := market.Sale{Position: pos(*log), TrackID: int64(t + 1), Buyer: buyer, Recipient: buyer, Referrer: referrer,
		Price: c.prices[t], ArtistAmount: mustAmount(artistSide), ReferrerAmount: mustAmount(ref), FeeAmount: mustAmount(fee)}
	*log++
	if col := c.collaborator[t]; col != (common.Address{}) {
		share := new(big.Int).Div(new(big.Int).Mul(artistSide, big.NewInt(2_500)), big.NewInt(10_000))
		s.Collaborators = []market.Credit{{Position: pos(*log), Account: col, Amount: mustAmount(share)}}
		*log++
	}
	return s
}

func mustAmount(x *big.Int) wei.Amount {
	a, err := wei.New(x)
	if err != nil {
		panic(err)
	}
	return a
}

// popular picks a track by the power law.
func (c *catalogue) popular() int { return int(c.zipf.Uint64()) }

// history returns batches of blocks of perBlock sales each, blocksPerBatch blocks a batch, spread
// evenly from start to end, sales sales in all; it calls yield with each batch as it is made.
func (c *catalogue) history(sales, perBlock, blocksPerBatch int, start, end time.Time, yield func(store.Batch) error) error {
	blocks := (sales + perBlock - 1) / perBlock
	step := end.Sub(start) / time.Duration(max(1, blocks-1))
	var events []market.Event
	from := c.block + 1
	made := 0
	for b := range blocks {
		_, pos := c.next(start.Add(time.Duration(b) * step))
		var log uint
		for i := 0; i < perBlock && made < sales; i++ {
			t := c.popular()
			for c.sold[t] >= c.fans { // sold out to every fan: the next track
				t = (t + 1) % c.tracks
			}
			events = append(events, c.sale(t, pos, &log))
			made++
		}
		if (b+1)%blocksPerBatch == 0 || b == blocks-1 {
			if err := yield(c.batch(from, c.block, events)); err != nil {
				return err
			}
			events, from = nil, c.block+1
		}
	}
	return nil
}

// liveBlock is one block at time at with a sale of each of the given tracks.
func (c *catalogue) liveBlock(at time.Time, tracks ...int) store.Batch {
	n, pos := c.next(at)
	var log uint
	events := make([]market.Event, 0, len(tracks))
	for _, t := range tracks {
		events = append(events, c.sale(t, pos, &log))
	}
	return c.batch(n, n, events)
}

// batch wraps the events of blocks from..to, the last one being the catalogue's latest.
func (c *catalogue) batch(from, to uint64, events []market.Event) store.Batch {
	b := store.Batch{From: from, Events: events,
		Cursor: store.Cursor{ChainID: c.chainID, Contract: c.market, BlockNumber: to, BlockHash: c.hash}}
	b.Blocks = []store.Block{{ChainID: c.chainID, Number: to, Hash: c.hash,
		ParentHash: crypto.Keccak256Hash([]byte(fmt.Sprintf("block %d", to-1)))}}
	if to > 64 {
		b.PruneBelow = to - 64
	}
	return b
}

// spread is how the history's days are laid out: sales over the last days days up to now.
func spread(now time.Time, days int) (time.Time, time.Time) {
	return now.Add(-time.Duration(days) * 24 * time.Hour), now.Add(-time.Minute)
}
