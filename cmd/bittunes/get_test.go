package main

import "testing"

func TestParseTrackRef(t *testing.T) {
	for _, c := range []struct {
		in, api    string
		id         int64
		wantOrigin string
		ok         bool
	}{
		{"7", "http://127.0.0.1:8080", 7, "http://127.0.0.1:8080", true},
		{"https://bittunes.example/t/42?ref=0xabc", "http://127.0.0.1:8080", 42, "https://bittunes.example", true},
		{"http://127.0.0.1:9000/t/3/", "x", 3, "http://127.0.0.1:9000", true},
		{"0", "x", 0, "", false},
		{"https://bittunes.example/artists/7", "x", 0, "", false},
		{"ftp://x/t/1", "x", 0, "", false},
	} {
		id, origin, err := parseTrackRef(c.in, c.api)
		if (err == nil) != c.ok || id != c.id || origin != c.wantOrigin {
			t.Errorf("parseTrackRef(%q) = %d, %q, %v", c.in, id, origin, err)
		}
	}
}

func TestFileName(t *testing.T) {
	if got := fileName("AC/DC", `What?: "Live"`); got != `AC_DC - What__ _Live_` {
		t.Errorf("fileName = %q", got)
	}
}
