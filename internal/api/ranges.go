package api

import (
	"io"
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/bittunes/bittunes/internal/byterange"
)

// maxRanges is the most byte ranges one request may ask of a file served as it is stored
// (packages, previews, covers): enough for a BitTorrent web seed or a media player, too few to
// make the server send a file many times over. Routes that decrypt what they send take one.
const maxRanges = 8

// limitRanges refuses, before any other work, a request whose Range header is malformed or asks
// for more than max ranges: 416 with the JSON error body.
func limitRanges(max int) gin.HandlerFunc {
	return func(c *gin.Context) {
		if _, err := byterange.Parse(c.GetHeader("Range"), max); err != nil {
			failRange(c, err, -1)
			return
		}
		c.Next()
	}
}

// serveRanges serves content (size bytes) with serveContent, after checking the request's ranges
// against size: at most max of them, none overlapping another, at least one inside the content.
// http.ServeContent then sees the checked ranges in canonical form, so it serves exactly those.
func (h *handlers) serveRanges(c *gin.Context, content io.ReadSeeker, size int64, max int) {
	specs, err := byterange.Parse(c.GetHeader("Range"), max)
	if err != nil {
		failRange(c, err, size)
		return
	}
	if specs != nil {
		ranges, err := byterange.Resolve(specs, size)
		if err != nil {
			failRange(c, err, size)
			return
		}
		c.Request.Header.Set("Range", byterange.Format(ranges))
	}
	h.serveContent(c, content)
}

// failRange answers 416 Range Not Satisfiable (byterange's errors in the error table), with the
// content's size when known.
func failRange(c *gin.Context, err error, size int64) {
	for _, k := range []string{"Content-Type", "Content-Disposition", "Cache-Control"} { // the file's, set before
		c.Writer.Header().Del(k)
	}
	if size >= 0 {
		c.Header("Content-Range", "bytes */"+strconv.FormatInt(size, 10))
	}
	abort(c, err)
}

// contentHeaders are on every API and media response: no browser may sniff a file into another
// type (a cover that is really HTML), and nothing served here may run scripts or load anything
// if opened as a document. The pages (internal/web) set their own policy.
func contentHeaders(c *gin.Context) {
	h := c.Writer.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", "default-src 'none'")
	c.Next()
}
