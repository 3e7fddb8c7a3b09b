package logging_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log"
	"log/slog"
	"strings"
	"testing"

	alog "github.com/anacrolix/log"
	gethlog "github.com/ethereum/go-ethereum/log"
	"github.com/gin-gonic/gin"

	"github.com/bittunes/bittunes/internal/logging"
)

// record is one JSON log line.
type record struct {
	Level, Msg string
}

func records(t *testing.T, out *bytes.Buffer) []record {
	t.Helper()
	var rs []record
	for line := range strings.Lines(out.String()) {
		var r record
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("log line %q: %v", line, err)
		}
		rs = append(rs, r)
	}
	out.Reset()
	return rs
}

func TestNewRefusesUnknownSettings(t *testing.T) {
	if _, err := logging.New(new(bytes.Buffer), "loud", "text"); err == nil {
		t.Error("level loud accepted")
	}
	if _, err := logging.New(new(bytes.Buffer), "info", "xml"); err == nil {
		t.Error("format xml accepted")
	}
}

// TestInstallBridgesLibraries: what go-ethereum, gin and the log package write reaches our logger,
// at our levels: go-ethereum's info is our debug, its warnings stay warnings.
func TestInstallBridgesLibraries(t *testing.T) {
	defaultLogger := slog.Default()
	defer slog.SetDefault(defaultLogger)
	errorWriter, writer := gin.DefaultErrorWriter, gin.DefaultWriter
	defer func() {
		gin.DefaultErrorWriter, gin.DefaultWriter, gin.DebugPrintFunc, gin.DebugPrintRouteFunc = errorWriter, writer, nil, nil
	}()
	defer gethlog.SetDefault(gethlog.NewLogger(slog.DiscardHandler))

	for _, c := range []struct {
		level string
		write func()
		want  []record
	}{
		{"info", func() { gethlog.Info("Imported new chain segment", "number", 7) }, nil},
		{"debug", func() { gethlog.Info("Imported new chain segment", "number", 7) }, []record{{"DEBUG", "Imported new chain segment"}}},
		{"debug", func() { gethlog.Debug("Served eth_getLogs") }, nil},
		{"info", func() { gethlog.Warn("Sanitizing invalid gas price") }, []record{{"WARN", "Sanitizing invalid gas price"}}},
		{"info", func() { fmt.Fprint(gin.DefaultErrorWriter, "[Recovery] panic recovered:\nboom\n") }, []record{{"ERROR", "gin"}}},
		{"info", func() { log.Print("http: TLS handshake error") }, []record{{"INFO", "http: TLS handshake error"}}},
	} {
		var out bytes.Buffer
		l, err := logging.New(&out, c.level, "json")
		if err != nil {
			t.Fatal(err)
		}
		logging.Install(l)
		c.write()
		if got := records(t, &out); fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("at %s: logged %v, want %v", c.level, got, c.want)
		}
	}
}

// TestTorrentLowersLevels: anacrolix/torrent's warnings (mostly about what a peer sent) are our
// debug, its errors our warnings.
func TestTorrentLowersLevels(t *testing.T) {
	for _, c := range []struct {
		ourLevel string
		level    alog.Level
		want     string // "" for nothing logged
	}{
		{"info", alog.Warning, ""},
		{"debug", alog.Warning, "DEBUG"},
		{"debug", alog.Info, "DEBUG"},
		{"debug", alog.Debug, ""},
		{"info", alog.Error, "WARN"},
		{"warn", alog.Critical, "ERROR"},
	} {
		var out bytes.Buffer
		l, err := logging.New(&out, c.ourLevel, "json")
		if err != nil {
			t.Fatal(err)
		}
		logging.Torrent(l).Levelf(c.level, "peer sent a bad piece %d", 3)
		got := records(t, &out)
		switch {
		case c.want == "" && len(got) != 0:
			t.Errorf("%v at our %s: logged %v, want nothing", c.level, c.ourLevel, got)
		case c.want != "" && (len(got) != 1 || got[0].Level != c.want || got[0].Msg != "peer sent a bad piece 3"):
			t.Errorf("%v at our %s: logged %v, want one %s line", c.level, c.ourLevel, got, c.want)
		}
	}
}
