package demo_test

import (
	"bytes"
	"testing"
	"time"

	"github.com/bittunes/bittunes/internal/content"
	"github.com/bittunes/bittunes/internal/demo"
)

func TestTunesAreWAVsTheMarketAccepts(t *testing.T) {
	seen := map[string]bool{}
	for _, track := range demo.Catalogue {
		wav := track.Tune.WAV()
		a, err := content.Probe(bytes.NewReader(wav), int64(len(wav)))
		if err != nil {
			t.Fatalf("%s: %v", track.Title, err)
		}
		if want := time.Duration(track.Tune.Seconds) * time.Second; a.Format != content.WAV || a.Duration != want {
			t.Errorf("%s: %s of %v, want WAV of %v", track.Title, a.Format, a.Duration, want)
		}
		if seen[string(wav)] {
			t.Errorf("%s sounds exactly like another track", track.Title)
		}
		seen[string(wav)] = true
	}
	if !bytes.Equal(demo.Catalogue[0].Tune.WAV(), demo.Catalogue[0].Tune.WAV()) {
		t.Error("a tune is not the same twice")
	}
}
