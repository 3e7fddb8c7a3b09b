package swarm_test

import (
	"os"
	"reflect"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/swarm"
)

// TestSourcesAddUpOverGets: what two runs of get received of a package is kept beside it and
// added up; another package's record is apart.
func TestSourcesAddUpOverGets(t *testing.T) {
	dir := t.TempDir()
	h, other := common.Hash{1}, common.Hash{2}
	a, b := common.HexToAddress("0x00000000000000000000000000000000000000aa"), common.HexToAddress("0x00000000000000000000000000000000000000bb")
	if s, err := swarm.LoadSources(dir, h); err != nil || len(s.ByAccount) != 0 || s.Other != 0 {
		t.Fatalf("no record: %+v, %v", s, err)
	}
	if err := swarm.RecordSources(dir, h, swarm.Sources{ByAccount: map[common.Address]int64{a: 100, b: 300}, Other: 5}); err != nil {
		t.Fatal(err)
	}
	if err := swarm.RecordSources(dir, h, swarm.Sources{ByAccount: map[common.Address]int64{a: 250}, Other: 1}); err != nil {
		t.Fatal(err)
	}
	s, err := swarm.LoadSources(dir, h)
	if err != nil {
		t.Fatal(err)
	}
	want := swarm.Sources{ByAccount: map[common.Address]int64{a: 350, b: 300}, Other: 6}
	if !reflect.DeepEqual(s, want) {
		t.Fatalf("got %+v, want %+v", s, want)
	}
	if got := s.Ranked(); !reflect.DeepEqual(got, []common.Address{a, b}) {
		t.Errorf("Ranked = %v", got)
	}
	if s, _ := swarm.LoadSources(dir, other); len(s.ByAccount) != 0 {
		t.Errorf("another package's record: %+v", s)
	}
}

func TestRankedBreaksTiesByAddressAndSkipsZero(t *testing.T) {
	a, b, c := common.Address{1}, common.Address{2}, common.Address{3}
	s := swarm.Sources{ByAccount: map[common.Address]int64{c: 10, b: 10, a: 0}}
	if got := s.Ranked(); !reflect.DeepEqual(got, []common.Address{b, c}) {
		t.Errorf("Ranked = %v", got)
	}
}

// TestADamagedSourcesRecordIsAnError: a record that is not what RecordSources writes is reported,
// not read as nothing.
func TestADamagedSourcesRecordIsAnError(t *testing.T) {
	dir := t.TempDir()
	h := common.Hash{9}
	for _, body := range []string{"{", `{"byAccount":{"nope":1}}`, `{"byAccount":{"0x00000000000000000000000000000000000000aa":-1}}`, `{"x":1}`} {
		os.WriteFile(swarm.SourcesPath(dir, h), []byte(body), 0o644)
		if _, err := swarm.LoadSources(dir, h); err == nil {
			t.Errorf("%s: read without error", body)
		}
	}
}
