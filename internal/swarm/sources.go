package swarm

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"

	"github.com/ethereum/go-ethereum/common"
)

// maxSourcesFile bounds what LoadSources reads: a record holds one line per account that ever
// delivered, far less than this.
const maxSourcesFile = 1 << 20

// SourcesPath is where a library keeps what delivered package h: <content hash>.sources.json,
// beside the package, so that `bittunes buy` can name the fan who delivered most after `get`.
func SourcesPath(dir string, h common.Hash) string {
	return filepath.Join(dir, h.Hex()+".sources.json")
}

type sourcesFile struct {
	ByAccount map[string]int64 `json:"byAccount"`
	Other     int64            `json:"other"`
}

// LoadSources reads the bytes each account delivered of package h, over every `get` of it into
// the library dir. A library without a record gives empty Sources.
func LoadSources(dir string, h common.Hash) (Sources, error) {
	s := Sources{ByAccount: map[common.Address]int64{}}
	f, err := os.Open(SourcesPath(dir, h))
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return s, fmt.Errorf("swarm: sources of %s: %w", h.Hex(), err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxSourcesFile+1))
	if err != nil {
		return s, fmt.Errorf("swarm: sources of %s: %w", h.Hex(), err)
	}
	if len(b) > maxSourcesFile {
		return s, fmt.Errorf("swarm: sources of %s: larger than %d bytes", h.Hex(), maxSourcesFile)
	}
	var rec sourcesFile
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&rec); err != nil {
		return s, fmt.Errorf("swarm: sources of %s: %w", h.Hex(), err)
	}
	for a, n := range rec.ByAccount {
		if !common.IsHexAddress(a) || n < 0 {
			return s, fmt.Errorf("swarm: sources of %s: bad entry %q: %d", h.Hex(), a, n)
		}
		s.ByAccount[common.HexToAddress(a)] += n
	}
	s.Other = max(rec.Other, 0)
	return s, nil
}

// RecordSources adds what one transfer of package h received to the library's record (a resumed
// get delivers the rest of a package: both runs count).
func RecordSources(dir string, h common.Hash, add Sources) error {
	s, err := LoadSources(dir, h)
	if err != nil {
		return err
	}
	for a, n := range add.ByAccount {
		s.ByAccount[a] += n
	}
	s.Other += add.Other
	rec := sourcesFile{ByAccount: map[string]int64{}, Other: s.Other}
	for a, n := range s.ByAccount {
		rec.ByAccount[a.Hex()] = n
	}
	b, err := json.MarshalIndent(rec, "", "  ")
	if err != nil {
		return fmt.Errorf("swarm: sources of %s: %w", h.Hex(), err)
	}
	tmp, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return fmt.Errorf("swarm: sources of %s: %w", h.Hex(), err)
	}
	_, err = tmp.Write(append(b, '\n'))
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), SourcesPath(dir, h))
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("swarm: sources of %s: %w", h.Hex(), err)
	}
	return nil
}

// Ranked lists the accounts that delivered bytes, most first; equal counts in address order, so
// that the choice made from it is the same on every run.
func (s Sources) Ranked() []common.Address {
	out := make([]common.Address, 0, len(s.ByAccount))
	for a, n := range s.ByAccount {
		if n > 0 {
			out = append(out, a)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if s.ByAccount[out[i]] != s.ByAccount[out[j]] {
			return s.ByAccount[out[i]] > s.ByAccount[out[j]]
		}
		return bytes.Compare(out[i][:], out[j][:]) < 0
	})
	return out
}
