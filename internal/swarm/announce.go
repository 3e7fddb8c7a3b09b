package swarm

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// AnnounceRequest is a BitTorrent HTTP announce (BEP 3) as the tracker reads it. The peer's
// address is not taken from the query ("ip" is ignored): it is the address the request came from.
type AnnounceRequest struct {
	InfoHash [20]byte
	PeerID   [20]byte
	Port     uint16
	Left     uint64
	Event    string // "", "started", "stopped" or "completed"
	NumWant  int    // -1 when the client did not say
	Compact  bool   // BEP 23 compact peer lists (the default: only compact=0 turns them off)
	NoPeerID bool   // leave "peer id" out of a non-compact peer list
}

// errMalformed is wrapped by every error of ParseAnnounce and ParseScrape.
var errMalformed = errors.New("malformed request")

// maxQueryLen bounds the query string a tracker request may have (an announce is about 300 bytes;
// a scrape of maxScrape info hashes about 4 000).
const maxQueryLen = 8 << 10

// ParseAnnounce reads an announce's query string. It is strict where a wrong value would harm the
// swarm (info_hash and peer_id of exactly 20 bytes, a port in 1–65535, counts as decimal integers)
// and lenient about parameters it does not use.
func ParseAnnounce(rawQuery string) (AnnounceRequest, error) {
	q, err := parseQuery(rawQuery)
	if err != nil {
		return AnnounceRequest{}, err
	}
	a := AnnounceRequest{NumWant: -1, Compact: true}
	if a.InfoHash, err = twentyBytes(q, "info_hash"); err != nil {
		return AnnounceRequest{}, err
	}
	if a.PeerID, err = twentyBytes(q, "peer_id"); err != nil {
		return AnnounceRequest{}, err
	}
	port, err := strconv.ParseUint(first(q, "port"), 10, 16)
	if err != nil || port == 0 {
		return AnnounceRequest{}, fmt.Errorf("%w: port must be 1 to 65535", errMalformed)
	}
	a.Port = uint16(port)
	for _, name := range []string{"uploaded", "downloaded", "left"} {
		v, ok := q[name]
		if !ok {
			continue
		}
		n, err := strconv.ParseUint(v[0], 10, 64)
		if err != nil {
			return AnnounceRequest{}, fmt.Errorf("%w: %s must be a non-negative integer", errMalformed, name)
		}
		if name == "left" {
			a.Left = n
		}
	}
	if _, ok := q["left"]; !ok {
		a.Left = 1 // a peer that does not say what it lacks is not counted as a seeder
	}
	switch a.Event = first(q, "event"); a.Event {
	case "", "started", "stopped", "completed":
	case "empty": // what some clients send for a regular announce
		a.Event = ""
	default:
		return AnnounceRequest{}, fmt.Errorf("%w: unknown event", errMalformed)
	}
	if v, ok := q["numwant"]; ok {
		n, err := strconv.Atoi(v[0])
		if err != nil {
			return AnnounceRequest{}, fmt.Errorf("%w: numwant must be an integer", errMalformed)
		}
		if n >= 0 {
			a.NumWant = n
		}
	}
	a.Compact = first(q, "compact") != "0"
	a.NoPeerID = first(q, "no_peer_id") == "1"
	return a, nil
}

// maxScrape is how many torrents one scrape may ask about.
const maxScrape = 64

// ParseScrape reads a scrape's query string (BEP 48): one to maxScrape info hashes (a scrape of
// every torrent is not offered).
func ParseScrape(rawQuery string) ([][20]byte, error) {
	q, err := parseQuery(rawQuery)
	if err != nil {
		return nil, err
	}
	vs := q["info_hash"]
	if len(vs) == 0 || len(vs) > maxScrape {
		return nil, fmt.Errorf("%w: a scrape names 1 to %d info hashes", errMalformed, maxScrape)
	}
	out := make([][20]byte, len(vs))
	for i, v := range vs {
		if len(v) != 20 {
			return nil, fmt.Errorf("%w: info_hash must be 20 bytes", errMalformed)
		}
		copy(out[i][:], v)
	}
	return out, nil
}

// parseQuery splits a query into its parameters, unescaping their names and values; it refuses
// queries longer than maxQueryLen and bad escapes.
func parseQuery(raw string) (map[string][]string, error) {
	if len(raw) > maxQueryLen {
		return nil, fmt.Errorf("%w: query longer than %d bytes", errMalformed, maxQueryLen)
	}
	q := map[string][]string{}
	for part := range strings.SplitSeq(raw, "&") {
		if part == "" {
			continue
		}
		k, v, _ := strings.Cut(part, "=")
		k, err := url.QueryUnescape(k)
		if err != nil {
			return nil, fmt.Errorf("%w: bad escape in a parameter name", errMalformed)
		}
		if v, err = url.QueryUnescape(v); err != nil {
			return nil, fmt.Errorf("%w: bad escape in %s", errMalformed, safeName(k))
		}
		q[k] = append(q[k], v)
	}
	return q, nil
}

func first(q map[string][]string, name string) string {
	if v := q[name]; len(v) > 0 {
		return v[0]
	}
	return ""
}

func twentyBytes(q map[string][]string, name string) ([20]byte, error) {
	var out [20]byte
	v := q[name]
	if len(v) != 1 || len(v[0]) != 20 {
		return out, fmt.Errorf("%w: %s must be given once, 20 bytes", errMalformed, name)
	}
	copy(out[:], v[0])
	return out, nil
}

// safeName keeps a parameter name fit for an error message: printable ASCII, at most 32 bytes.
func safeName(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r > 0x7e {
			return '?'
		}
		return r
	}, s)
	if len(s) > 32 {
		s = s[:32]
	}
	return s
}
