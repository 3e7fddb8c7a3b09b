// Package demo seeds a fresh dev market with a small catalogue so the charts and account pages have
// something to show: three artists, tracks in a few genres and sub-genres with generated audio (no
// third-party recordings), one track with collaborators, purchases by fans, some through referral
// links of fans who bought first, and a gift, then a release (an EP) bought by a fan through another
// fan's link. Each track goes through the same path as an artist's upload: packaged, its key sealed,
// a preview cut, then registered with the package's hash; the release as the Studio makes one: its
// metadata and cover stored, then registered with registerRelease.
package demo

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/bittunes/bittunes/internal/bindings"
	"github.com/bittunes/bittunes/internal/content"
	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/store"
)

// Track is one track of the demo catalogue.
type Track struct {
	Artist        int // index into the accounts
	ArtistName    string
	Title         string
	Genre         string
	Subgenre      string
	PriceMilliETH int64
	ReferralBps   int64
	Collaborators []Collab
	Tune          Tune
}

// Collab is a collaborator of a demo track.
type Collab struct {
	Account int
	Bps     uint16
}

// Sale is one demo purchase: Buyer buys track number Track (1-based, in catalogue order) for
// Recipient (the buyer when 0) through Referrer (nobody when 0).
type Sale struct {
	Buyer, Track, Referrer, Recipient int
}

// Catalogue is what Seed registers: accounts 1 to 3 are artists.
var Catalogue = []Track{
	{1, "Mira Vale", "Harbour Lights", "Electronic", "House", 2, 2_000, nil, Tune{Seed: 1, Root: 220, BPM: 124, Seconds: 12, Bright: 0.6}},
	{1, "Mira Vale", "Salt Air", "Electronic", "Ambient", 1, 3_000, nil, Tune{Seed: 2, Root: 196, BPM: 70, Seconds: 12, Bright: 0.2}},
	{1, "Mira Vale", "Night Ferry", "Electronic", "House", 3, 1_500, []Collab{{3, 3_000}}, Tune{Seed: 3, Root: 246.94, BPM: 122, Seconds: 12, Bright: 0.8}},
	{2, "The Paper Kites Club", "Cardboard Crown", "Rock", "Indie", 2, 2_500, nil, Tune{Seed: 4, Root: 164.81, BPM: 140, Seconds: 12, Bright: 0.9}},
	{2, "The Paper Kites Club", "Loose Threads", "Rock", "Indie", 2, 1_000, nil, Tune{Seed: 5, Root: 146.83, BPM: 132, Seconds: 12, Bright: 0.7}},
	{2, "The Paper Kites Club", "Static Summer", "Rock", "Punk", 1, 5_000, nil, Tune{Seed: 6, Root: 185, BPM: 176, Seconds: 12, Bright: 1}},
	{3, "Odile Okafor", "Blue Hour", "Jazz", "Bebop", 4, 2_000, nil, Tune{Seed: 7, Root: 261.63, BPM: 188, Seconds: 12, Bright: 0.4}},
	{3, "Odile Okafor", "Late Tram", "Jazz", "Cool", 3, 1_000, nil, Tune{Seed: 8, Root: 233.08, BPM: 96, Seconds: 12, Bright: 0.3}},
}

// Sales is the demo's purchases, in order: fans are accounts 4 to 9.
var Sales = []Sale{
	{Buyer: 4, Track: 1}, {Buyer: 5, Track: 1, Referrer: 4}, {Buyer: 6, Track: 1, Referrer: 5},
	{Buyer: 7, Track: 1, Referrer: 4}, {Buyer: 8, Track: 1, Referrer: 7},
	{Buyer: 4, Track: 4}, {Buyer: 5, Track: 4, Referrer: 4}, {Buyer: 6, Track: 4, Referrer: 4}, {Buyer: 9, Track: 4, Referrer: 6},
	{Buyer: 5, Track: 3}, {Buyer: 6, Track: 3, Referrer: 5}, {Buyer: 7, Track: 3, Referrer: 9}, // 9 does not own track 3: not credited
	{Buyer: 6, Track: 7}, {Buyer: 7, Track: 7, Referrer: 6}, {Buyer: 8, Track: 7, Referrer: 6},
	{Buyer: 8, Track: 2}, {Buyer: 9, Track: 5}, {Buyer: 4, Track: 6}, {Buyer: 9, Track: 8},
	{Buyer: 4, Track: 2, Recipient: 5, Referrer: 8}, // a gift, through 8's link
}

// Backend is what seeding needs of the chain.
type Backend interface {
	bind.ContractBackend
	bind.DeployBackend
}

// Seeder registers and buys the demo catalogue.
type Seeder struct {
	Backend   Backend
	ChainID   *big.Int
	Market    common.Address
	Keys      []*ecdsa.PrivateKey // dev accounts 0..9
	Store     *store.Store
	Media     content.Media // where packages and previews are written
	MasterKey []byte        // seals each package's key
	APIBase   string        // e.g. http://127.0.0.1:8080, for the tracks' metadata URIs
}

// Seed packages each track's generated audio like an upload, stores its sealed key and metadata,
// registers it on-chain and makes the demo purchases, then registers and sells the releases. It
// returns the registered track ids in catalogue order.
func (s Seeder) Seed(ctx context.Context) ([]int64, error) {
	if err := s.Media.Init(); err != nil {
		return nil, fmt.Errorf("demo: media folder: %w", err)
	}
	contract := bindings.NewMarket()
	instance := contract.Instance(s.Backend, s.Market)
	reader := market.NewReader(s.Backend, s.Market)
	ids := make([]int64, len(Catalogue))
	for i, t := range Catalogue {
		artist := crypto.PubkeyToAddress(s.Keys[t.Artist].PublicKey)
		hash, err := s.upload(ctx, t, artist)
		if err != nil {
			return nil, fmt.Errorf("demo: %q: %w", t.Title, err)
		}
		var collaborators []bindings.BittunesMarketCollaborator
		for _, c := range t.Collaborators {
			collaborators = append(collaborators, bindings.BittunesMarketCollaborator{Account: crypto.PubkeyToAddress(s.Keys[c.Account].PublicKey), Bps: c.Bps})
		}
		uri := fmt.Sprintf("%s/api/v1/metadata/%s", s.APIBase, hash.Hex())
		receipt, err := s.send(ctx, instance, t.Artist, nil, contract.PackRegister(milliETH(t.PriceMilliETH), big.NewInt(t.ReferralBps), hash, uri, collaborators))
		if err != nil {
			return nil, fmt.Errorf("demo: register %q: %w", t.Title, err)
		}
		for _, l := range receipt.Logs {
			if ev, err := contract.UnpackTrackRegisteredEvent(l); err == nil {
				ids[i] = ev.TrackId.Int64()
			}
		}
		if ids[i] == 0 {
			return nil, fmt.Errorf("demo: register %q: no TrackRegistered event", t.Title)
		}
	}
	for _, sale := range Sales {
		if err := s.buy(ctx, contract, instance, reader, sale, ids[sale.Track-1]); err != nil {
			return nil, fmt.Errorf("demo: purchase of %q by account %d: %w", Catalogue[sale.Track-1].Title, sale.Buyer, err)
		}
	}
	if _, err := s.seedReleases(ctx, contract, instance, reader, ids); err != nil {
		return nil, err
	}
	return ids, nil
}

// buy makes one demo purchase as the web page does: the contract quotes it (price, terms, credited
// referrer), and the purchase names that price and those terms.
func (s Seeder) buy(ctx context.Context, contract *bindings.Market, instance *bind.BoundContract, reader *market.Reader, sale Sale, trackID int64) error {
	account := func(i int) common.Address { return crypto.PubkeyToAddress(s.Keys[i].PublicKey) }
	var referrer, gift common.Address
	if sale.Referrer != 0 {
		referrer = account(sale.Referrer)
	}
	recipient := account(sale.Buyer)
	if sale.Recipient != 0 {
		gift = account(sale.Recipient)
		recipient = gift
	}
	q, err := reader.Quote(ctx, trackID, referrer, account(sale.Buyer), recipient)
	if err != nil {
		return err
	}
	_, err = s.send(ctx, instance, sale.Buyer, q.Price, market.PackPurchase(contract, big.NewInt(trackID), gift, referrer, q.Terms()))
	return err
}

// upload does what an artist's upload does: the package, its sealed key, a preview, the metadata.
func (s Seeder) upload(ctx context.Context, t Track, artist common.Address) (common.Hash, error) {
	wav := t.Tune.WAV()
	spooled, err := s.Media.Spool(bytes.NewReader(wav), int64(len(wav)))
	if err != nil {
		return common.Hash{}, err
	}
	defer spooled.Remove()
	in, err := s.Media.Ingest(content.Upload{Audio: spooled}, s.MasterKey)
	if err != nil {
		return common.Hash{}, err
	}
	meta := store.TrackMetadata{ContentHash: in.ContentHash, Title: t.Title, ArtistName: t.ArtistName, Genre: t.Genre,
		Subgenre: t.Subgenre, Description: "Generated for the Bittunes demo catalogue.",
		DurationMS: in.Audio.Duration.Milliseconds(), Uploader: artist, AudioSHA256: spooled.SHA256}
	err = s.Store.Transact(ctx, func(tx *store.Tx) error {
		if err := tx.SaveTrackKey(ctx, store.TrackKey{ContentHash: in.ContentHash, Sealed: in.SealedKey}); err != nil {
			return err
		}
		return tx.SaveTrackMetadata(ctx, meta)
	})
	if err != nil {
		s.Media.Remove(in.ContentHash)
		return common.Hash{}, err
	}
	return in.ContentHash, nil
}

// send transacts from dev account i and waits until the transaction is mined successfully.
func (s Seeder) send(ctx context.Context, instance *bind.BoundContract, i int, value *big.Int, data []byte) (*types.Receipt, error) {
	opts := bind.NewKeyedTransactor(s.Keys[i], s.ChainID)
	opts.Context, opts.Value = ctx, value
	tx, err := bind.Transact(instance, opts, data)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	receipt, err := bind.WaitMined(ctx, s.Backend, tx.Hash())
	if err != nil {
		return nil, err
	}
	if receipt.Status != types.ReceiptStatusSuccessful {
		return nil, fmt.Errorf("transaction %s reverted", tx.Hash().Hex())
	}
	return receipt, nil
}

func milliETH(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), big.NewInt(1e15)) }
