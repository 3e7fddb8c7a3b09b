package swarm_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/anacrolix/torrent/bencode"
	"github.com/anacrolix/torrent/metainfo"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/bittunes/bittunes/internal/swarm"
)

func newKey(t *testing.T) (*ecdsa.PrivateKey, common.Address) {
	t.Helper()
	k, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	return k, crypto.PubkeyToAddress(k.PublicKey)
}

// seedingFan is a fan whose library already holds the origin's package, seeding it with the given
// payout claim, sending at most rate bytes a second (0: no cap).
func (o *origin) seedingFan(t *testing.T, mi *metainfo.MetaInfo, payout *swarm.Payout, rate int64) *swarm.Transfer {
	t.Helper()
	dir := t.TempDir()
	b, err := os.ReadFile(o.media.PackagePath(o.pkg.ContentHash))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, swarm.FileName(o.pkg.ContentHash)), b, 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := swarm.NewClient(swarm.ClientConfig{Config: swarm.Config{ListenAddr: "127.0.0.1:0", Payout: payout, UploadRate: rate}, Dir: dir, Seed: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	tr, err := c.Add(mi)
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

// TestThePeersThatDeliveredAreKnownByTheirPayoutAccount: two fans seed, one of them slowly; the
// buyer's client knows which payout account delivered which bytes, most from the fast fan.
func TestThePeersThatDeliveredAreKnownByTheirPayoutAccount(t *testing.T) {
	o := newOrigin(t, 4<<20)
	mi, _ := o.trackerOnly(t)
	fastKey, fast := newKey(t)
	slowKey, slow := newKey(t)
	seeder := o.seedingFan(t, mi, &swarm.Payout{Account: fast, Key: fastKey}, 0)
	o.seedingFan(t, mi, &swarm.Payout{Account: slow, Key: slowKey}, 128<<10)
	o.waitForPeers(t, 2)
	buyer := newFan(t, t.TempDir(), false, time.Hour)
	tr := o.fetch(t, buyer, mi)
	if tr == nil {
		return
	}
	src := tr.Sources()
	total := src.Other
	for _, n := range src.ByAccount {
		total += n
	}
	if total < o.pkg.Size || src.ByAccount[fast] < o.pkg.Size/2 || src.ByAccount[fast] <= src.ByAccount[slow] {
		t.Fatalf("sources %+v of a %d-byte package: want most from %s", src, o.pkg.Size, fast.Hex())
	}
	for a := range src.ByAccount {
		if a != fast && a != slow {
			t.Errorf("bytes credited to %s, who never seeded", a.Hex())
		}
	}
	if p := seeder.Progress(); seeder.PeersServed() != 1 || p.Uploaded < src.ByAccount[fast] {
		t.Errorf("the fast fan served %d peers and uploaded %d bytes: want the buyer, %d bytes", seeder.PeersServed(), p.Uploaded, src.ByAccount[fast])
	}
}

// TestAForgedPayoutClaimIsIgnored: a fan claiming an account whose key it does not hold delivers
// bytes credited to no account.
func TestAForgedPayoutClaimIsIgnored(t *testing.T) {
	o := newOrigin(t, 1<<20)
	mi, _ := o.trackerOnly(t)
	otherKey, _ := newKey(t)
	_, victim := newKey(t)
	o.seedingFan(t, mi, &swarm.Payout{Account: victim, Key: otherKey}, 0)
	o.waitForPeers(t, 1)
	tr := o.fetch(t, newFan(t, t.TempDir(), false, time.Hour), mi)
	if tr == nil {
		return
	}
	if src := tr.Sources(); len(src.ByAccount) != 0 || src.Other < o.pkg.Size {
		t.Fatalf("sources %+v: want every byte credited to no account", src)
	}
}

func TestCheckClaim(t *testing.T) {
	key, account := newKey(t)
	otherKey, _ := newKey(t)
	var peer, otherPeer [20]byte
	copy(peer[:], "-BT0001-aaaaaaaaaaaa")
	copy(otherPeer[:], "-BT0001-bbbbbbbbbbbb")
	ih := metainfo.Hash{1, 2, 3}
	claim := func(k *ecdsa.PrivateKey, id [20]byte, a common.Address) []byte {
		sig, err := crypto.Sign(swarm.PayoutDigest(id, ih), k)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := bencode.Marshal(map[string][]byte{"account": a.Bytes(), "sig": sig})
		return b
	}
	if got, err := swarm.CheckClaim(claim(key, peer, account), peer, ih); err != nil || got != account {
		t.Fatalf("a good claim: %s, %v", got.Hex(), err)
	}
	badSig := claim(key, peer, account)
	badSig[len(badSig)-10] ^= 0xff
	for name, payload := range map[string][]byte{
		"another account's signature":    claim(otherKey, peer, account),
		"a claim copied from other peer": claim(key, otherPeer, account),
		"a damaged signature":            badSig,
		"not bencode":                    []byte("account"),
		"short account":                  bytes.Repeat([]byte{1}, 3),
	} {
		if got, err := swarm.CheckClaim(payload, peer, ih); err == nil {
			t.Errorf("%s: accepted as %s", name, got.Hex())
		}
	}
}

// TestTheMarketsSeederNamesItsAccount: the market's seeder, given the operator's key, is credited
// to the operator's account in a fan's record of who delivered.
func TestTheMarketsSeederNamesItsAccount(t *testing.T) {
	o := newOrigin(t, 1<<20)
	key, operator := newKey(t)
	s, err := swarm.NewSeeder(swarm.Config{ListenAddr: "127.0.0.1:0", Payout: &swarm.Payout{Account: operator, Key: key}}, o.index, o.links)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if n, err := s.SeedAll(context.Background()); err != nil || n != 1 {
		t.Fatalf("SeedAll: %d, %v", n, err)
	}
	mi, _ := o.trackerOnly(t)
	tr := o.fetch(t, newFan(t, t.TempDir(), false, time.Hour), mi)
	if tr == nil {
		return
	}
	if src := tr.Sources(); src.ByAccount[operator] < o.pkg.Size || len(src.ByAccount) != 1 {
		t.Fatalf("sources %+v: want the whole package from the operator %s", src, operator.Hex())
	}
}

// TestAFanSeedingItsLibraryIsAnnouncedAsASeeder: a fan whose library holds the whole package is
// listed by the tracker as a seeder from its first announce (a client announcing before its check
// would be listed as a leecher until its next announce, a minute later).
func TestAFanSeedingItsLibraryIsAnnouncedAsASeeder(t *testing.T) {
	o := newOrigin(t, 4<<20)
	mi, _ := o.trackerOnly(t)
	o.seedingFan(t, mi, nil, 0)
	o.seedingFan(t, mi, nil, 0)
	o.waitForSwarm(t, 2, 0)
}
