package api

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
)

// What the router and net/http would answer in plain text, answered with the error table instead:
// a HEAD on a GET route, a method the path does not take, and ServeContent's 412 and 416.

// headKey marks, in a request's context, a HEAD request routed as a GET.
type headKey struct{}

// headAsGet routes HEAD requests as GETs (gin matches methods exactly, and only a few routes are
// registered for HEAD): the handler sees a HEAD again (restoreHead), and nothing it writes as a
// body is sent.
func headAsGet(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodHead {
			next.ServeHTTP(w, r)
			return
		}
		get := r.WithContext(context.WithValue(r.Context(), headKey{}, true))
		get.Method = http.MethodGet
		next.ServeHTTP(bodiless{w}, get)
	})
}

// restoreHead, the first middleware, gives a HEAD routed as a GET its method back, for handlers
// (http.ServeContent sends no body to a HEAD), logs and metrics.
func restoreHead(c *gin.Context) {
	if head, _ := c.Request.Context().Value(headKey{}).(bool); head {
		c.Request.Method = http.MethodHead
	}
}

// bodiless is a response writer that sends headers and no body.
type bodiless struct{ http.ResponseWriter }

func (b bodiless) Write(p []byte) (int, error) { return len(p), nil }

// Flush flushes the underlying writer, if it can.
func (b bodiless) Flush() {
	if f, ok := b.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// recovered answers a handler's panic (gin logs its stack) as the JSON 500.
func recovered(c *gin.Context, v any) { abort(c, fmt.Errorf("api: panic: %v", v)) }

// methodNotAllowed answers a path the API has under other methods: 405 with Allow (set by gin;
// HEAD is allowed wherever GET is).
func methodNotAllowed(c *gin.Context) {
	allow := c.Writer.Header().Get("Allow")
	methods := strings.Split(allow, ", ")
	if strings.Contains(", "+allow+", ", ", GET, ") && !strings.Contains(", "+allow+", ", ", HEAD, ") {
		methods = append(methods, http.MethodHead)
		c.Header("Allow", strings.Join(methods, ", "))
	}
	abort(c, newError(codeMethodNotAllowed, "%s is not allowed here; allowed: %s", c.Request.Method, c.Writer.Header().Get("Allow")))
}

// serveContent is http.ServeContent (ranges, conditional requests, HEAD) whose failures are
// answered from the error table: a 412 or a 416 becomes the JSON error body, not ServeContent's
// plain text under the file's content type. The caller sets the success's headers before.
func (h *handlers) serveContent(c *gin.Context, content io.ReadSeeker) {
	w := &contentWriter{ResponseWriter: c.Writer}
	http.ServeContent(w, c.Request, "", time.Time{}, content)
	var err error
	switch w.refused {
	case 0:
		return
	case http.StatusPreconditionFailed:
		err = newError(codePreconditionFailed, "the request's If-Match or If-Unmodified-Since condition does not hold")
	case http.StatusRequestedRangeNotSatisfiable:
		err = newError(codeRangeNotSatisfiable, "the Range header asks for bytes the file does not have, or cannot be read")
	}
	for _, k := range []string{"Content-Type", "Content-Disposition", "Cache-Control", "Content-Encoding", "Content-Length", "Last-Modified", "ETag"} {
		c.Writer.Header().Del(k)
	}
	h.fail(c, err)
}

// contentWriter keeps http.ServeContent's 412 and 416 answers from being written.
type contentWriter struct {
	http.ResponseWriter
	refused int // the error status ServeContent answered, not written
}

func (w *contentWriter) WriteHeader(status int) {
	if status == http.StatusPreconditionFailed || status == http.StatusRequestedRangeNotSatisfiable {
		w.refused = status
		return
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *contentWriter) Write(p []byte) (int, error) {
	if w.refused != 0 {
		return len(p), nil
	}
	return w.ResponseWriter.Write(p)
}
