package devchain

import (
	"log/slog"
	"os"
	"runtime/pprof"
	"testing"

	"github.com/ethereum/go-ethereum/log"
)

func TestMain(m *testing.M) {
	log.SetDefault(log.NewLogger(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))
	os.Exit(m.Run())
}

func dumpGoroutines(t *testing.T) {
	f, err := os.CreateTemp("/tmp", "devchain_goroutines_*.txt")
	if err != nil {
		t.Log(err)
		return
	}
	defer f.Close()
	pprof.Lookup("goroutine").WriteTo(f, 2)
	t.Logf("goroutines dumped to %s", f.Name())
}
