package api

import (
	"encoding/base64"
	"fmt"
	"math"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/ethereum/go-ethereum/common"
	"github.com/gin-gonic/gin"

	"github.com/bittunes/bittunes/internal/charts"
	"github.com/bittunes/bittunes/internal/store"
)

// A handler declares its parameters as a struct, one field per parameter, and reads them all with
// parseParams:
//
//	var p struct {
//		Account common.Address `path:"address" parse:"address" label:"the account"`
//		Limit   int            `query:"limit" parse:"limit"`
//	}
//	if err := parseParams(c, &p); err != nil {
//		h.fail(c, err)
//		return
//	}
//
// `path:"name"` or `query:"name"` says where a parameter comes from, `parse:"kind"` how it is read
// (one of paramKinds, whose value type the field must have), and `label:"…"` how an error message
// names it (its name by default). Embedded structs lend their fields. Parameters are read in field
// order and the first mistake is answered, as a badRequest; a struct with a check method is
// checked after (rules across parameters).

// paramKind reads one kind of parameter into a value of type typ.
type paramKind struct {
	typ   reflect.Type
	parse func(label, raw string) (any, error)
}

func kind[T any](parse func(label, raw string) (T, error)) paramKind {
	return paramKind{reflect.TypeFor[T](), func(label, raw string) (any, error) { return parse(label, raw) }}
}

// paramKinds are the kinds of parameter handlers may declare.
var paramKinds = map[string]paramKind{
	"address":           kind(parseAddress),
	"optional-address":  kind(parseOptionalAddress),
	"track-id":          kind(func(_, s string) (int64, error) { return parseTrackID(s) }),
	"optional-track-id": kind(parseOptionalTrackID),
	"release-id":        kind(func(_, s string) (int64, error) { return parseReleaseID(s) }),
	"content-hash":      kind(parseContentHash),
	"limit":             kind(func(_, s string) (int, error) { return parseLimit(s) }),
	"period":            kind(func(_, s string) (charts.Period, error) { return parsePeriod(s) }),
	"slug":              kind(parseSlug),
	"sort":              kind(func(_, s string) (store.TrackSort, error) { return parseSort(s) }),
	"bucket":            kind(func(_, s string) (store.Bucket, error) { return parseBucket(s) }),
	"role":              kind(func(_, s string) ([]string, error) { return parseRole(s) }),
	"search":            kind(func(_, s string) (string, error) { return parseSearch(s) }),
	"browse-cursor":     kind(func(_, s string) (*store.BrowseCursor, error) { return browseCursor(s) }),
	"sale-cursor":       kind(func(_, s string) (*store.SaleCursor, error) { return saleCursor(s) }),
	"draft-id":          kind(func(_, s string) (string, error) { return parseDraftID(s) }),
	"profile-name":      kind(func(_, s string) (string, error) { return parseProfileName(s) }),
}

// paramField is one declared parameter.
type paramField struct {
	index    []int // of the field, through embedded structs
	path     bool  // from the path, else the query
	name     string
	label    string
	kindName string // its key in paramKinds
	kind     paramKind
}

// paramSpecs caches each parameter struct's fields.
var paramSpecs sync.Map // reflect.Type → []paramField

// paramSpec returns the parameters declared by struct type t; a declaration that does not hold
// together (an unknown kind, a field of the wrong type) is a programming error and panics.
func paramSpec(t reflect.Type) []paramField {
	if s, ok := paramSpecs.Load(t); ok {
		return s.([]paramField)
	}
	var fields []paramField
	for _, f := range reflect.VisibleFields(t) {
		if f.Anonymous {
			continue // its fields follow
		}
		name, path := f.Tag.Get("query"), false
		if p := f.Tag.Get("path"); p != "" {
			name, path = p, true
		}
		if name == "" {
			continue
		}
		kindName := f.Tag.Get("parse")
		k, ok := paramKinds[kindName]
		if !ok {
			panic(fmt.Sprintf("api: parameter %s of %v: unknown kind %q", name, t, f.Tag.Get("parse")))
		}
		if f.Type != k.typ {
			panic(fmt.Sprintf("api: parameter %s of %v is a %v; kind %q gives a %v", name, t, f.Type, f.Tag.Get("parse"), k.typ))
		}
		label := f.Tag.Get("label")
		if label == "" {
			label = name
		}
		fields = append(fields, paramField{index: f.Index, path: path, name: name, label: label, kindName: kindName, kind: k})
	}
	paramSpecs.Store(t, fields)
	return fields
}

// paramChecker is a parameter struct with rules across its parameters.
type paramChecker interface{ check() error }

// parseParams fills dst, a pointer to a parameter struct, from the request's path and query.
func parseParams(c *gin.Context, dst any) error {
	v := reflect.ValueOf(dst).Elem()
	for _, f := range paramSpec(v.Type()) {
		raw := c.Query(f.name)
		if f.path {
			raw = c.Param(f.name)
		}
		val, err := f.kind.parse(f.label, raw)
		if err != nil {
			return err
		}
		v.FieldByIndex(f.index).Set(reflect.ValueOf(val))
	}
	if ch, ok := dst.(paramChecker); ok {
		return ch.check()
	}
	return nil
}

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

// parseOptionalTrackID is parseTrackID for a filter that may be absent (0).
func parseOptionalTrackID(_, s string) (int64, error) {
	if s == "" {
		return 0, nil
	}
	return parseTrackID(s)
}

var hashPattern = regexp.MustCompile(`^0x[0-9a-fA-F]{64}$`)

// parseContentHash accepts 0x and 64 hex digits, in any case.
func parseContentHash(_, s string) (common.Hash, error) {
	if !hashPattern.MatchString(s) {
		return common.Hash{}, badRequest("the content hash must be 0x and 64 hex digits")
	}
	return common.HexToHash(s), nil
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

// parseRole reads an earnings role filter: none (every role) or one role.
func parseRole(s string) ([]string, error) {
	switch s {
	case "":
		return nil, nil
	case store.RoleArtist, store.RoleCollaborator, store.RoleReferrer, store.RoleFee:
		return []string{s}, nil
	}
	return nil, badRequest("role must be artist, collaborator, referrer or fee")
}

// maxSearch is the longest search, in bytes.
const maxSearch = 200

// parseSearch reads a search: at most 200 bytes of UTF-8 text without NUL (which PostgreSQL's
// text cannot hold).
func parseSearch(s string) (string, error) {
	switch {
	case len(s) > maxSearch:
		return "", badRequest("the search is longer than %d characters", maxSearch)
	case !utf8.ValidString(s) || strings.ContainsRune(s, 0):
		return "", badRequest("the search must be UTF-8 text without NUL characters")
	}
	return s, nil
}

// Cursors are opaque to clients: base64url of "<kind>.<a>.<b>", two non-negative integers.

func encodeCursor(kind string, a, b int64) string {
	return base64.RawURLEncoding.EncodeToString([]byte(fmt.Sprintf("%s.%d.%d", kind, a, b)))
}

// decodeCursor reads a cursor of kind whose numbers are at most maxA and maxB.
func decodeCursor(kind, s string, maxA, maxB int64) (a, b int64, err error) {
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
	if errA != nil || errB != nil || a < 0 || b < 0 || a > maxA || b > maxB {
		return 0, 0, badRequest("invalid cursor")
	}
	return a, b, nil
}

func browseCursor(s string) (*store.BrowseCursor, error) {
	if s == "" {
		return nil, nil
	}
	sales, id, err := decodeCursor("t", s, math.MaxInt64, math.MaxInt64)
	if err != nil {
		return nil, err
	}
	return &store.BrowseCursor{Sales: sales, ID: id}, nil
}

// saleCursor reads a sales page's cursor: a block number and a log index, which the database
// keeps as a 32-bit integer.
func saleCursor(s string) (*store.SaleCursor, error) {
	if s == "" {
		return nil, nil
	}
	block, log, err := decodeCursor("s", s, math.MaxInt64, math.MaxInt32)
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
