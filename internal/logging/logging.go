// Package logging sets up the process's structured logging: one slog handler, the format and level
// the configuration asks for, and bridges that bring third-party libraries' logs into it at a
// sensible level (go-ethereum, anacrolix/torrent, gin, the standard library's log package) instead
// of printing them their own way or dropping them. Keys are snake_case everywhere.
package logging

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"github.com/gin-gonic/gin"

	gethlog "github.com/ethereum/go-ethereum/log"
)

// New returns a logger writing records at level and above to w, as "text" or "json".
func New(w io.Writer, level, format string) (*slog.Logger, error) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(level)); err != nil {
		return nil, fmt.Errorf("logging: level %q: want debug, info, warn or error", level)
	}
	opts := &slog.HandlerOptions{Level: l}
	switch format {
	case "text":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	}
	return nil, fmt.Errorf("logging: format %q: want text or json", format)
}

// Install makes l the destination of the process-wide loggers: slog's default (and with it the
// standard library's log package, at info), go-ethereum's root logger (see Geth), and gin's
// output: a recovered panic at error, its debug lines at debug.
func Install(l *slog.Logger) {
	gethlog.SetDefault(gethlog.NewLogger(Geth(l.Handler())))
	slog.SetDefault(l) // after go-ethereum's, which makes its own logger slog's default too
	gin.DefaultErrorWriter = lineWriter{log: l, level: slog.LevelError, msg: "gin"}
	gin.DefaultWriter = lineWriter{log: l, level: slog.LevelDebug, msg: "gin"}
	gin.DebugPrintFunc = func(format string, values ...any) {
		l.Debug("gin", "output", strings.TrimSpace(fmt.Sprintf(format, values...)))
	}
	gin.DebugPrintRouteFunc = func(method, path, handler string, handlers int) {
		l.Debug("gin: route", "method", method, "path", path, "handler", handler, "handlers", handlers)
	}
}

// Geth returns a handler for go-ethereum's loggers that writes to h a level lower than go-ethereum
// writes: its info lines (every block imported or sealed, every server started) are our debug,
// its debug and trace lines below anything we show; its warnings and errors stay what they are,
// and critical is error.
func Geth(h slog.Handler) slog.Handler {
	return leveled{h: h, level: func(l slog.Level) slog.Level {
		switch {
		case l >= slog.LevelError:
			return slog.LevelError
		case l >= slog.LevelWarn:
			return slog.LevelWarn
		case l >= slog.LevelInfo:
			return slog.LevelDebug
		}
		return slog.LevelDebug - 4
	}}
}

// leveled passes records to h at the level level gives them.
type leveled struct {
	h     slog.Handler
	level func(slog.Level) slog.Level
}

func (l leveled) Enabled(ctx context.Context, level slog.Level) bool {
	return l.h.Enabled(ctx, l.level(level))
}

func (l leveled) Handle(ctx context.Context, r slog.Record) error {
	r.Level = l.level(r.Level)
	return l.h.Handle(ctx, r)
}

func (l leveled) WithAttrs(attrs []slog.Attr) slog.Handler {
	return leveled{h: l.h.WithAttrs(attrs), level: l.level}
}

func (l leveled) WithGroup(name string) slog.Handler {
	return leveled{h: l.h.WithGroup(name), level: l.level}
}

// lineWriter logs what a library writes to an io.Writer, one record per write.
type lineWriter struct {
	log   *slog.Logger
	level slog.Level
	msg   string
}

func (w lineWriter) Write(p []byte) (int, error) {
	if text := string(bytes.TrimSpace(p)); text != "" {
		w.log.Log(context.Background(), w.level, w.msg, "output", text)
	}
	return len(p), nil
}
