package logging

import (
	"context"
	"log/slog"
	"time"

	alog "github.com/anacrolix/log"
)

// Torrent returns a logger for anacrolix/torrent's client that writes to l. Its levels are lowered:
// most of its warnings are about what a remote peer sent, which any peer can cause at will, so
// they are our debug, as are its info lines; its errors (storage, mostly) are warnings and
// critical is error. Messages l would drop are not even formatted.
func Torrent(l *slog.Logger) alog.Logger {
	h := l.Handler()
	filter := alog.Critical
	for _, level := range []alog.Level{alog.Debug, alog.Info, alog.Warning, alog.Error} {
		if h.Enabled(context.Background(), torrentLevel(level)) {
			filter = level
			break
		}
	}
	var logger alog.Logger
	logger.SetHandlers(torrentHandler{h: h})
	return logger.WithDefaultLevel(alog.Debug).WithFilterLevel(filter)
}

type torrentHandler struct{ h slog.Handler }

func (t torrentHandler) Handle(r alog.Record) {
	level := torrentLevel(r.Level)
	ctx := context.Background()
	if !t.h.Enabled(ctx, level) {
		return
	}
	rec := slog.NewRecord(time.Now(), level, r.Msg.String(), 0)
	rec.AddAttrs(slog.String("component", "torrent"), slog.Any("names", r.Names))
	t.h.Handle(ctx, rec)
}

// torrentLevel is the level of an anacrolix/log record in our logs.
func torrentLevel(l alog.Level) slog.Level {
	switch l {
	case alog.Critical:
		return slog.LevelError
	case alog.Error:
		return slog.LevelWarn
	case alog.Info, alog.Warning:
		return slog.LevelDebug
	}
	return slog.LevelDebug - 4
}
