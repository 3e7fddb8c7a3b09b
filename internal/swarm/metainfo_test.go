package swarm_test

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"flag"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/anacrolix/torrent/metainfo"
	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/swarm"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// fixedBytes are n reproducible pseudo-random bytes.
func fixedBytes(n int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file:\n%q", name, got)
	}
}

// TestTorrentMatchesGoldenFile pins the .torrent and magnet link of a fixed 600 KB package.
func TestTorrentMatchesGoldenFile(t *testing.T) {
	data := fixedBytes(600_000, 1)
	p, err := swarm.Hash(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	if p.ContentHash != common.Hash(sha256.Sum256(data)) || p.PieceLength != 256<<10 || len(p.Pieces) != 3*20 {
		t.Fatalf("package %x: piece length %d, %d piece hash bytes", p.ContentHash, p.PieceLength, len(p.Pieces))
	}
	links := swarm.ServerLinks("http://127.0.0.1:8080/", "")
	torrent := p.TorrentFile(links)
	golden(t, "package.torrent", torrent)
	golden(t, "package.magnet", []byte(p.Magnet(links)+"\n"))

	mi, err := metainfo.Load(bytes.NewReader(torrent))
	if err != nil {
		t.Fatal(err)
	}
	info, err := mi.UnmarshalInfo()
	if err != nil {
		t.Fatal(err)
	}
	if info.Name != swarm.FileName(p.ContentHash) || info.Length != 600_000 || mi.Announce != "http://127.0.0.1:8080/api/v1/announce" ||
		len(mi.UrlList) != 1 || mi.UrlList[0] != "http://127.0.0.1:8080/api/v1/packages/" || mi.HashInfoBytes() != p.InfoHash() {
		t.Errorf("torrent: %+v, info %+v", mi, info)
	}
	m, err := metainfo.ParseMagnetUri(p.Magnet(links))
	if err != nil || m.InfoHash != p.InfoHash() || m.DisplayName != info.Name || len(m.Trackers) != 1 ||
		m.Params.Get("ws") != "http://127.0.0.1:8080/api/v1/packages/"+info.Name {
		t.Errorf("magnet %+v, %v", m, err)
	}
}

func TestPieceLength(t *testing.T) {
	for _, c := range []struct{ size, want int64 }{
		{0, 256 << 10}, {10 << 20, 256 << 10}, {512 << 20, 256 << 10}, {513 << 20, 512 << 10},
		{2 << 30, 1 << 20}, {100 << 30, 4 << 20},
	} {
		if got := swarm.PieceLength(c.size); got != c.want {
			t.Errorf("PieceLength(%d) = %d, want %d", c.size, got, c.want)
		}
	}
}

func TestHashFileRefusesAMismatch(t *testing.T) {
	data := fixedBytes(300_000, 2)
	path := filepath.Join(t.TempDir(), "p.age")
	os.WriteFile(path, data, 0o644)
	want := common.Hash(sha256.Sum256(data))
	if _, err := swarm.HashFile(path, want); err != nil {
		t.Fatal(err)
	}
	data[1000] ^= 1
	os.WriteFile(path, data, 0o644)
	if _, err := swarm.HashFile(path, want); !errors.Is(err, swarm.ErrMismatch) {
		t.Fatalf("a flipped bit: %v, want ErrMismatch", err)
	}
}

func TestParseFileName(t *testing.T) {
	h := common.HexToHash("0xab")
	if got, ok := swarm.ParseFileName(swarm.FileName(h)); !ok || got != h {
		t.Errorf("round trip: %v %v", got, ok)
	}
	for _, bad := range []string{"x.age", h.Hex(), "0X" + h.Hex()[2:] + ".age", h.Hex()[:65] + "g.age"} {
		if _, ok := swarm.ParseFileName(bad); ok {
			t.Errorf("ParseFileName(%q) accepted", bad)
		}
	}
}
