package bench

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/bittunes/bittunes/internal/retry"
	"github.com/bittunes/bittunes/internal/swarm"
)

// aria2Args are the options of a bench aria2: the tracker is its only source of peers.
func aria2Args(dir string, port int) []string {
	return []string{"--dir=" + dir, "--enable-dht=false", "--enable-dht6=false", "--bt-enable-lpd=false",
		"--enable-peer-exchange=false", "--listen-port=" + fmt.Sprint(port), "--bt-save-metadata=false",
		"--console-log-level=warn", "--summary-interval=0", "--file-allocation=none", "--no-conf=true", "--quiet=true"}
}

// aria2Fan runs aria2 on the origin's magnet link in dir, seeding on while it fetches, and returns
// once it holds the whole package (checked), stopping it then.
func aria2Fan(ctx context.Context, dir string, o *benchOrigin) error {
	return aria2Fetch(ctx, dir, o, "--seed-time=60", "--seed-ratio=0")
}

// aria2Fetch runs aria2 with the extra options on the origin's magnet link in dir until dir holds
// the whole package (checked), then stops it.
func aria2Fetch(ctx context.Context, dir string, o *benchOrigin, extra ...string) error {
	port, err := freeLoopbackPort()
	if err != nil {
		return err
	}
	var log bytes.Buffer
	args := append(append(aria2Args(dir, port), extra...), o.magnet)
	cmd := exec.CommandContext(ctx, "aria2c", args...)
	cmd.Stdout, cmd.Stderr = &log, &log
	if err := cmd.Start(); err != nil {
		return err
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	path := filepath.Join(dir, swarm.FileName(o.pkg.ContentHash))
	for {
		if fi, err := os.Stat(path); err == nil && fi.Size() == o.pkg.Size && checkPackageFile(path, o) == nil {
			return nil
		}
		if !retry.Sleep(ctx, 50*time.Millisecond) {
			return fmt.Errorf("aria2: %w\n%s", ctx.Err(), log.Bytes())
		}
	}
}

func checkPackageFile(path string, o *benchOrigin) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return err
	}
	if [32]byte(h.Sum(nil)) != o.pkg.ContentHash {
		return fmt.Errorf("%s is not the package", path)
	}
	return nil
}

// benchThirdPartyMagnet times aria2 fetching a SwarmMB package from its magnet link, without web
// seed, from the origin's seeder found through the tracker:
//
//	swarm_thirdparty_magnet_s  seconds from starting aria2 to its holding the whole package
func benchThirdPartyMagnet(ctx context.Context, cfg SwarmConfig, dir string, out io.Writer) error {
	dir = filepath.Join(dir, "magnet")
	o, err := newBenchOrigin(ctx, dir, cfg.SwarmMB, 0, 0)
	if err != nil {
		return err
	}
	defer o.close()
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	start := time.Now()
	if err := aria2Fetch(ctx, filepath.Join(dir, "aria2"), o, "--seed-time=0"); err != nil {
		return err
	}
	took := time.Since(start)
	if o.webSeed.Load() != 0 {
		return fmt.Errorf("the web seed served %d bytes to a magnet link without it", o.webSeed.Load())
	}
	fmt.Fprintf(out, "BENCH swarm_thirdparty_magnet_s %.2f s\n", took.Seconds())
	return nil
}
