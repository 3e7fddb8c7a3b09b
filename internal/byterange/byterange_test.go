package byterange

import (
	"errors"
	"strings"
	"testing"
)

func TestParseResolve(t *testing.T) {
	const size = 1000
	tests := []struct {
		header string
		max    int
		want   string // Format of the resolved ranges, or "" for none
		err    error
	}{
		{header: "", max: 8, want: ""},
		{header: "bytes=0-99", max: 8, want: "bytes=0-99"},
		{header: "bytes=0-", max: 1, want: "bytes=0-999"},
		{header: "bytes=-100", max: 1, want: "bytes=900-999"},
		{header: "bytes=-5000", max: 1, want: "bytes=0-999"},
		{header: "bytes=500-5000", max: 1, want: "bytes=500-999"},
		{header: "bytes=0-9, 20-29", max: 8, want: "bytes=0-9,20-29"},
		{header: "bytes=20-29,0-9", max: 8, want: "bytes=20-29,0-9"},
		{header: "bytes=0-9,10-19", max: 8, want: "bytes=0-9,10-19"},
		{header: "BYTES=0-9", max: 8, want: "bytes=0-9"},
		{header: "bytes=0-9,,20-29,", max: 8, want: "bytes=0-9,20-29"},
		{header: "bytes=0-9,2000-3000", max: 8, want: "bytes=0-9"},
		{header: "bytes=0-9,20-29", max: 1, err: ErrMalformed},
		{header: "bytes=0-0,0-0", max: 8, err: ErrUnsatisfiable},
		{header: "bytes=0-99,50-149", max: 8, err: ErrUnsatisfiable},
		{header: "bytes=0-,-1", max: 8, err: ErrUnsatisfiable},
		{header: "bytes=1000-", max: 8, err: ErrUnsatisfiable},
		{header: "bytes=-0", max: 8, err: ErrUnsatisfiable},
		{header: "bytes=", max: 8, err: ErrMalformed},
		{header: "bytes=,", max: 8, err: ErrMalformed},
		{header: "items=0-9", max: 8, err: ErrMalformed},
		{header: "bytes=9-0", max: 8, err: ErrMalformed},
		{header: "bytes=a-b", max: 8, err: ErrMalformed},
		{header: "bytes=0-1x", max: 8, err: ErrMalformed},
		{header: "bytes=+1-2", max: 8, err: ErrMalformed},
		{header: "bytes=5", max: 8, err: ErrMalformed},
		{header: "bytes=--5", max: 8, err: ErrMalformed},
		{header: "bytes=0-99999999999999999999", max: 8, err: ErrMalformed},
	}
	for _, tt := range tests {
		specs, err := Parse(tt.header, tt.max)
		var got string
		if err == nil && specs != nil {
			var rs []Range
			rs, err = Resolve(specs, size)
			if err == nil {
				got = Format(rs)
			}
		}
		if !errors.Is(err, tt.err) || (tt.err == nil && err != nil) {
			t.Errorf("%q: err %v, want %v", tt.header, err, tt.err)
			continue
		}
		if got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.header, got, tt.want)
		}
	}
}

// TestParseStopsEarly: a header of 100 000 ranges is refused after max+1 of them, without
// parsing the rest (the rest here is not even well formed).
func TestParseStopsEarly(t *testing.T) {
	header := "bytes=" + strings.Repeat("0-0,", 9) + strings.Repeat("x", 1<<20)
	if _, err := Parse(header, 8); !errors.Is(err, ErrMalformed) || !strings.Contains(err.Error(), "more than 8") {
		t.Fatalf("err %v, want more than 8 ranges", err)
	}
}

// FuzzParse: whatever the header, Parse and Resolve never panic; what they accept is at most max
// ranges inside the file, none sharing a byte, and Format of it parses back to the same ranges.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"bytes=0-99", "bytes=-5", "bytes=5-", "bytes=0-0,0-0", "bytes=0-9,20-29,40-",
		"bytes=,,1-2,", "bytes=99999999999999999-", "bytes= 1-2 ,\t3-4", "bytes=-0", "bytes=10-5"} {
		f.Add(s, int64(100))
	}
	f.Fuzz(func(t *testing.T, header string, size int64) {
		if size < 0 {
			size = -size
		}
		specs, err := Parse(header, 8)
		if err != nil || specs == nil {
			return
		}
		if len(specs) > 8 {
			t.Fatalf("%d specs", len(specs))
		}
		rs, err := Resolve(specs, size)
		if err != nil {
			return
		}
		used := int64(0)
		for _, r := range rs {
			if r.Start < 0 || r.Length <= 0 || r.End() > size {
				t.Fatalf("range %+v outside %d", r, size)
			}
			used += r.Length
		}
		if used > size {
			t.Fatalf("ranges send %d bytes of %d", used, size)
		}
		again, err := Parse(Format(rs), 8)
		if err != nil {
			t.Fatal(err)
		}
		rs2, err := Resolve(again, size)
		if err != nil || Format(rs2) != Format(rs) {
			t.Fatalf("%q: round trip gives %v %v", Format(rs), rs2, err)
		}
	})
}
