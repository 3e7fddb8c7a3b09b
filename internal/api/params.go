package api

import (
	"encoding/base64"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/charts"
	"github.com/bittunes/bittunes/internal/store"
)

var addressPattern = regexp.MustCompile(`^0x[0-9a-fA-F]{40}$`)

// parseAddress accepts 0x and 40 hex digits, in any case.
func parseAddress(what, s string) (common.Address, error) {
	if !addressPattern.MatchString(s) {
		return common.Address{}, badRequest("%s must be an address: 0x and 40 hex digits", what)
	}
	return common.HexToAddress(s), nil
}

// parseOptionalAddress is parseAddress for a parameter that may be absent.
func parseOptionalAddress(what, s string) (common.Address, error) {
	if s == "" {
		return common.Address{}, nil
	}
	return parseAddress(what, s)
}

// parseTrackID accepts a positive decimal track id.
func parseTrackID(s string) (int64, error) {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 || strconv.FormatInt(id, 10) != s {
		return 0, badRequest("the track id must be a positive whole number")
	}
	return id, nil
}

// parseLimit reads a page size: 20 when absent, 1 to 100.
func parseLimit(s string) (int, error) {
	if s == "" {
		return 20, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 100 {
		return 0, badRequest("limit must be a whole number from 1 to 100")
	}
	return n, nil
}

func parsePeriod(s string) (charts.Period, error) {
	if s == "" {
		return charts.Week, nil
	}
	p, err := charts.ParsePeriod(s)
	if err != nil {
		return "", badRequest("period must be 7d, 30d or all")
	}
	return p, nil
}

var slugPattern = regexp.MustCompile(`^[\p{Ll}\p{Lo}\p{N}]+(-[\p{Ll}\p{Lo}\p{N}]+)*$`)

// parseSlug accepts a genre or sub-genre slug (as charts.Slug makes them), or "".
func parseSlug(what, s string) (string, error) {
	if s == "" || (len(s) <= 64 && slugPattern.MatchString(s)) {
		return s, nil
	}
	return "", badRequest("%s must be a genre slug such as hip-hop", what)
}

func parseSort(s string) (store.TrackSort, error) {
	switch store.TrackSort(s) {
	case "":
		return store.Newest, nil
	case store.Newest, store.BestSelling:
		return store.TrackSort(s), nil
	}
	return "", badRequest("sort must be newest or bestselling")
}

func parseBucket(s string) (store.Bucket, error) {
	switch store.Bucket(s) {
	case "":
		return store.Daily, nil
	case store.Daily, store.Weekly, store.Monthly:
		return store.Bucket(s), nil
	}
	return "", badRequest("by must be day, week or month")
}

// Cursors are opaque to clients: base64url of "<kind>.<a>.<b>", two non-negative integers.

func encodeCursor(kind string, a, b int64) string {
	return base64.RawURLEncoding.EncodeToString([]byte(fmt.Sprintf("%s.%d.%d", kind, a, b)))
}

func decodeCursor(kind, s string) (a, b int64, err error) {
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil || len(raw) > 64 {
		return 0, 0, badRequest("invalid cursor")
	}
	parts := strings.Split(string(raw), ".")
	if len(parts) != 3 || parts[0] != kind {
		return 0, 0, badRequest("invalid cursor")
	}
	a, errA := strconv.ParseInt(parts[1], 10, 64)
	b, errB := strconv.ParseInt(parts[2], 10, 64)
	if errA != nil || errB != nil || a < 0 || b < 0 {
		return 0, 0, badRequest("invalid cursor")
	}
	return a, b, nil
}

func browseCursor(s string) (*store.BrowseCursor, error) {
	if s == "" {
		return nil, nil
	}
	sales, id, err := decodeCursor("t", s)
	if err != nil {
		return nil, err
	}
	return &store.BrowseCursor{Sales: sales, ID: id}, nil
}

func saleCursor(s string) (*store.SaleCursor, error) {
	if s == "" {
		return nil, nil
	}
	block, log, err := decodeCursor("s", s)
	if err != nil {
		return nil, err
	}
	return &store.SaleCursor{Block: uint64(block), Log: int(log)}, nil
}

// BrowseCursor parses the nextCursor of GET /api/v1/tracks ("" is the first page), for the pages
// that render the same browse on the server.
func BrowseCursor(s string) (*store.BrowseCursor, error) { return browseCursor(s) }

// EncodeBrowseCursor is the nextCursor GET /api/v1/tracks gives for c.
func EncodeBrowseCursor(c store.BrowseCursor) string { return encodeCursor("t", c.Sales, c.ID) }
