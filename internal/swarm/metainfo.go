// Package swarm spreads the market's encrypted packages over BitTorrent (github.com/anacrolix/torrent):
// the torrent of a package (a single file named by its content hash, with the market's tracker and
// its HTTP web seed, BEP 19), the check that a package file is what its content hash promises, the
// market's own tracker, the server's seeder, and the fan's client that fetches and seeds.
package swarm

import (
	"bytes"
	"crypto/sha1"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"strconv"
	"strings"

	"github.com/anacrolix/torrent/bencode"
	"github.com/anacrolix/torrent/metainfo"
	"github.com/ethereum/go-ethereum/common"
)

// Package is an encrypted package as BitTorrent sees it: one file, <content hash>.age, cut into
// pieces of PieceLength bytes with their SHA-1 hashes. Everything in its info dictionary follows from
// the file, so its info hash is the same wherever it is computed.
type Package struct {
	ContentHash common.Hash // sha256 of the file: the content hash registered on-chain
	Size        int64
	PieceLength int64
	Pieces      []byte // SHA-1 of each piece, concatenated
}

// FileName is the name of the package with content hash h, in the media folder, in a fan's
// library and in its torrent: 0x, 64 lowercase hex digits and ".age".
func FileName(h common.Hash) string { return h.Hex() + ".age" }

// ParseFileName reads a content hash back from a package's file name.
func ParseFileName(name string) (common.Hash, bool) {
	hexPart, ok := strings.CutSuffix(name, ".age")
	if !ok || len(hexPart) != 66 || !strings.HasPrefix(hexPart, "0x") || strings.ToLower(hexPart) != hexPart {
		return common.Hash{}, false
	}
	for _, c := range hexPart[2:] {
		if !strings.ContainsRune("0123456789abcdef", c) {
			return common.Hash{}, false
		}
	}
	return common.HexToHash(hexPart), true
}

// PieceLength is the piece length of a package of size bytes: 256 KiB, doubled while that would
// make more than 2 048 pieces, up to 4 MiB.
func PieceLength(size int64) int64 {
	pl := int64(256 << 10)
	for pl < 4<<20 && size/pl > 2048 {
		pl *= 2
	}
	return pl
}

// ErrMismatch reports a package file whose sha256 is not the content hash it is named by.
var ErrMismatch = errors.New("the package file does not match its content hash")

// Hash reads a package from r, computing its sha256 and its piece hashes in one pass.
func Hash(r io.Reader, size int64) (Package, error) {
	p := Package{Size: size, PieceLength: PieceLength(size)}
	whole := sha256.New()
	buf := make([]byte, p.PieceLength)
	var n int64
	for {
		k, err := io.ReadFull(r, buf)
		if k > 0 {
			whole.Write(buf[:k])
			piece := sha1.Sum(buf[:k])
			p.Pieces = append(p.Pieces, piece[:]...)
			n += int64(k)
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			break
		}
		if err != nil {
			return Package{}, fmt.Errorf("swarm: hash package: %w", err)
		}
	}
	if n != size {
		return Package{}, fmt.Errorf("swarm: hash package: read %d bytes, want %d", n, size)
	}
	p.ContentHash = common.Hash(whole.Sum(nil))
	return p, nil
}

// HashFile hashes the package file at path and checks that its sha256 is want (ErrMismatch if not).
func HashFile(path string, want common.Hash) (Package, error) {
	f, err := os.Open(path)
	if err != nil {
		return Package{}, fmt.Errorf("swarm: %w", err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return Package{}, fmt.Errorf("swarm: %w", err)
	}
	p, err := Hash(f, fi.Size())
	if err != nil {
		return Package{}, err
	}
	if p.ContentHash != want {
		return Package{}, fmt.Errorf("swarm: %s: sha256 %s: %w", path, p.ContentHash.Hex(), ErrMismatch)
	}
	return p, nil
}

// Info is the package's BitTorrent v1 info dictionary.
func (p Package) Info() metainfo.Info {
	return metainfo.Info{Name: FileName(p.ContentHash), Length: p.Size, PieceLength: p.PieceLength, Pieces: p.Pieces}
}

// InfoBytes is the bencoded info dictionary.
func (p Package) InfoBytes() []byte {
	b, err := bencode.Marshal(p.Info())
	if err != nil {
		panic(fmt.Sprintf("swarm: bencode info: %v", err)) // only plain fields: cannot fail
	}
	return b
}

// InfoHash is the torrent's info hash (BitTorrent v1).
func (p Package) InfoHash() metainfo.Hash { return metainfo.HashBytes(p.InfoBytes()) }

// Links are where a torrent's peers and bytes are found: tracker announce URLs, and web seeds
// (BEP 19) — base URLs ending in "/" to which a client appends the file name.
type Links struct {
	Trackers []string
	WebSeeds []string
}

// MetaInfo is the package's .torrent.
func (p Package) MetaInfo(l Links) *metainfo.MetaInfo {
	mi := &metainfo.MetaInfo{InfoBytes: p.InfoBytes(), CreatedBy: "bittunes",
		Comment: "An encrypted Bittunes package: anyone may seed it; an owner of the track unlocks it."}
	if len(l.Trackers) > 0 {
		mi.Announce = l.Trackers[0]
		if len(l.Trackers) > 1 {
			mi.AnnounceList = metainfo.AnnounceList{l.Trackers}
		}
	}
	mi.UrlList = append(mi.UrlList, l.WebSeeds...)
	return mi
}

// TorrentFile is the bencoded .torrent.
func (p Package) TorrentFile(l Links) []byte {
	var b bytes.Buffer
	if err := p.MetaInfo(l).Write(&b); err != nil {
		panic(fmt.Sprintf("swarm: bencode torrent: %v", err))
	}
	return b.Bytes()
}

// Magnet is the package's magnet link: xt (the info hash), dn (the file name), xl (its size), tr
// (the trackers) and ws (the web seeds, each the full URL of the file).
func (p Package) Magnet(l Links) string {
	m := metainfo.Magnet{InfoHash: p.InfoHash(), Trackers: l.Trackers, DisplayName: FileName(p.ContentHash),
		Params: url.Values{"xl": {strconv.FormatInt(p.Size, 10)}}}
	for _, ws := range l.WebSeeds {
		if strings.HasSuffix(ws, "/") {
			ws += FileName(p.ContentHash)
		}
		m.Params.Add("ws", ws)
	}
	return m.String()
}

// ServerLinks are the links of a market at origin (https://bittunes.example): its tracker at
// /api/v1/announce (or tracker, when set) and its web seed at /api/v1/packages/.
func ServerLinks(origin, tracker string) Links {
	origin = strings.TrimSuffix(origin, "/")
	if tracker == "" {
		tracker = origin + "/api/v1/announce"
	}
	return Links{Trackers: []string{tracker}, WebSeeds: []string{origin + "/api/v1/packages/"}}
}

type (
	metainfoInfo = metainfo.Info
	metainfoHash = metainfo.Hash
)
