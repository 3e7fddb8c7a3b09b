// Package byterange reads HTTP Range headers (RFC 9110, section 14) strictly enough that a
// client cannot make a server do more work than the bytes it asks for: a bounded number of
// ranges, none overlapping another, each checked against the representation's size. A server
// validates the header with Parse and Resolve, then hands the canonical form (Format) to
// http.ServeContent, so that what is served is exactly what was checked.
package byterange

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// ErrMalformed reports a Range header that is not a list of byte ranges, or has more than allowed.
var ErrMalformed = errors.New("byterange: malformed or too many ranges")

// ErrUnsatisfiable reports ranges that select nothing of the representation, or overlap each other.
var ErrUnsatisfiable = errors.New("byterange: ranges not satisfiable")

// Spec is one range as the client wrote it: First-Last (Last < 0: to the end), or the last
// Suffix bytes when First < 0.
type Spec struct {
	First, Last, Suffix int64
}

// Range is a resolved range: Length bytes from Start.
type Range struct {
	Start, Length int64
}

// End is the offset just past the range.
func (r Range) End() int64 { return r.Start + r.Length }

// Parse reads a Range header value ("bytes=0-99,200-,-50"): at most max ranges (a longer list is
// refused as soon as the parser reaches range max+1, so a huge header costs no more than max
// ranges), each well formed. An empty header is no ranges and no error.
func Parse(header string, max int) ([]Spec, error) {
	if header == "" {
		return nil, nil
	}
	const unit = "bytes="
	if len(header) < len(unit) || !strings.EqualFold(header[:len(unit)], unit) {
		return nil, fmt.Errorf("%w: only byte ranges are served", ErrMalformed)
	}
	rest := header[len(unit):]
	var specs []Spec
	for rest != "" || specs == nil {
		var item string
		item, rest, _ = strings.Cut(rest, ",")
		item = strings.Trim(item, " \t")
		if item == "" {
			if rest == "" && specs == nil {
				return nil, fmt.Errorf("%w: no range given", ErrMalformed)
			}
			continue // an empty list element, which RFC 9110 allows
		}
		if len(specs) == max {
			return nil, fmt.Errorf("%w: more than %d ranges", ErrMalformed, max)
		}
		s, err := parseSpec(item)
		if err != nil {
			return nil, err
		}
		specs = append(specs, s)
	}
	return specs, nil
}

func parseSpec(item string) (Spec, error) {
	first, last, ok := strings.Cut(item, "-")
	if !ok {
		return Spec{}, fmt.Errorf("%w: %q has no '-'", ErrMalformed, short(item))
	}
	if first == "" {
		n, ok := digits(last)
		if !ok {
			return Spec{}, fmt.Errorf("%w: %q", ErrMalformed, short(item))
		}
		return Spec{First: -1, Last: -1, Suffix: n}, nil
	}
	f, ok := digits(first)
	if !ok {
		return Spec{}, fmt.Errorf("%w: %q", ErrMalformed, short(item))
	}
	if last == "" {
		return Spec{First: f, Last: -1}, nil
	}
	l, ok := digits(last)
	if !ok || l < f {
		return Spec{}, fmt.Errorf("%w: %q", ErrMalformed, short(item))
	}
	return Spec{First: f, Last: l}, nil
}

// digits reads a non-negative decimal number of at most 18 digits (any offset of a real file).
func digits(s string) (int64, bool) {
	if s == "" || len(s) > 18 {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	return n, err == nil
}

func short(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

// Resolve applies the specs to a representation of size bytes. Ranges that start at or past the
// end are dropped (RFC 9110: the others are still served); the rest are clipped to the end. It
// fails with ErrUnsatisfiable when nothing is left, or when two ranges share a byte (duplicates
// included): each byte is sent at most once. The order of the client's ranges is kept.
func Resolve(specs []Spec, size int64) ([]Range, error) {
	var out []Range
	for _, s := range specs {
		var r Range
		switch {
		case s.First < 0:
			if s.Suffix == 0 || size == 0 {
				continue
			}
			n := min(s.Suffix, size)
			r = Range{Start: size - n, Length: n}
		case s.First >= size:
			continue
		case s.Last < 0 || s.Last >= size:
			r = Range{Start: s.First, Length: size - s.First}
		default:
			r = Range{Start: s.First, Length: s.Last - s.First + 1}
		}
		out = append(out, r)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%w: no range starts before byte %d", ErrUnsatisfiable, size)
	}
	sorted := append([]Range(nil), out...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Start < sorted[j].Start })
	for i := 1; i < len(sorted); i++ {
		if sorted[i].Start < sorted[i-1].End() {
			return nil, fmt.Errorf("%w: ranges overlap at byte %d", ErrUnsatisfiable, sorted[i].Start)
		}
	}
	return out, nil
}

// Format writes resolved ranges as a Range header value, for http.ServeContent.
func Format(ranges []Range) string {
	var b strings.Builder
	b.WriteString("bytes=")
	for i, r := range ranges {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.FormatInt(r.Start, 10))
		b.WriteByte('-')
		b.WriteString(strconv.FormatInt(r.End()-1, 10))
	}
	return b.String()
}
