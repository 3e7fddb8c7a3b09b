package bench

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"math/big"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/bittunes/bittunes/internal/api"
	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/ratelimit"
	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/tooling/pgcluster"
	"github.com/bittunes/bittunes/internal/tooling/tcpproxy"
)

// FaultsConfig says how to run the fault benchmark.
type FaultsConfig struct {
	// Binary is the bittunes executable whose `index` command is run, killed and restarted.
	Binary string
	// Scale multiplies the outages' lengths (10 s at 1, at least 2 s).
	Scale  float64
	Logger *slog.Logger
}

// faultsShape is the market the purchases of the fault benchmark come from.
var faultsShape = Shape{Artists: 5, Tracks: 30, Fans: 200, Purchases: 3_000, Wave: 1, CollabEvery: 5, Seed: 11}

// purchaseRate is how many purchases a second arrive during the fault benchmark.
const purchaseRate = 10

// RunFaults runs two `bittunes index` processes (an active one and a standby) and the API on a
// throwaway PostgreSQL cluster against an in-process dev chain, whose WebSocket RPC they reach
// through a proxy, while purchases arrive; it injects in turn a database restart, a kill -9 of the
// active indexer, a dropped WebSocket and an RPC outage, and prints for each the time until the
// database equals the chain again (fault_<name>_recovery_s), the purchases missing or doubled
// (fault_<name>_lost) and the readiness answers seen meanwhile.
func RunFaults(ctx context.Context, cfg FaultsConfig, out io.Writer) (err error) {
	if cfg.Scale <= 0 {
		cfg.Scale = 1
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	f, err := setUpFaults(ctx, cfg)
	if err != nil {
		return err
	}
	defer func() {
		f.close()
		if err == nil {
			os.RemoveAll(f.logs)
		} else {
			cfg.Logger.Error("bench: the index processes' logs are kept", "dir", f.logs)
		}
	}()
	outage := max(2*time.Second, time.Duration(float64(10*time.Second)*cfg.Scale))
	faults := []struct {
		name   string
		inject func(context.Context) error // returns when the fault is over
		after  func(context.Context) error // run after the recovery, if set
	}{
		{"db_restart", func(ctx context.Context) error {
			if err := f.cluster.StopServer(ctx); err != nil {
				return err
			}
			time.Sleep(outage)
			return f.cluster.StartServer(ctx)
		}, nil},
		// The standby takes over; then a new process is started, as a supervisor would.
		{"indexer_kill9", f.killActive, f.startIndexer},
		{"ws_drop", func(context.Context) error { f.proxy.Cut(); return nil }, nil},
		{"rpc_outage", func(context.Context) error {
			f.proxy.Down()
			time.Sleep(outage)
			return f.proxy.Up()
		}, nil},
	}
	for _, fault := range faults {
		time.Sleep(2 * time.Second) // purchases arrive in a steady state first
		cfg.Logger.Info("bench: injecting a fault", "fault", fault.name)
		watch := f.watchReadiness(ctx)
		start := time.Now()
		if err := fault.inject(ctx); err != nil {
			watch.stop()
			return fmt.Errorf("bench: fault %s: %w", fault.name, err)
		}
		end := time.Now()
		recovered, lost, err := f.waitEqual(ctx, end, true, 3*time.Minute)
		answers := watch.stop()
		if err != nil {
			return fmt.Errorf("bench: fault %s: %w", fault.name, err)
		}
		cfg.Logger.Info("bench: recovered", "fault", fault.name, "fault_lasted", end.Sub(start).Round(time.Millisecond),
			"recovery", recovered.Sub(end).Round(time.Millisecond))
		fmt.Fprintln(out, Result{"fault_" + fault.name + "_recovery_s", recovered.Sub(end).Seconds(), "s"})
		fmt.Fprintln(out, Result{"fault_" + fault.name + "_lost", float64(lost), "purchases"})
		fmt.Fprintf(out, "READY fault_%s %s\n", fault.name, answers)
		if fault.after != nil {
			if err := fault.after(ctx); err != nil {
				return fmt.Errorf("bench: after fault %s: %w", fault.name, err)
			}
		}
	}
	return nil
}

// faultRig is what the fault benchmark runs.
type faultRig struct {
	cfg      FaultsConfig
	dir      string
	logs     string // the index processes' logs, kept when the benchmark fails
	cluster  *pgcluster.Cluster
	dsn      string
	db       *sql.DB // the benchmark's own look at the database
	m        *devMarket
	proxy    *tcpproxy.Proxy
	rpcURL   string
	indexers []*indexProcess
	next     int // the number of the next index process
	serve    *http.Server
	apiStore *store.Store
	serveURL string
	stopBuys context.CancelFunc
	buysDone chan error
}

func setUpFaults(ctx context.Context, cfg FaultsConfig) (_ *faultRig, err error) {
	f := &faultRig{cfg: cfg}
	defer func() {
		if err != nil {
			f.close()
		}
	}()
	if f.dir, err = os.MkdirTemp("", clusterPrefix); err != nil {
		return nil, fmt.Errorf("bench: cluster directory: %w", err)
	}
	pgcluster.SweepLeftovers(filepath.Join(os.TempDir(), clusterPrefix+"*"), f.dir)
	if f.logs, err = os.MkdirTemp("", "bittunes-bench-faults-logs-"); err != nil {
		return nil, err
	}
	if f.cluster, err = pgcluster.Start(ctx, f.dir, pgcluster.Options{Durable: true}); err != nil {
		return nil, err
	}
	f.dsn = f.cluster.DSN()
	if f.db, err = sql.Open("pgx", f.dsn); err != nil {
		return nil, err
	}
	p, err := newPlan("faults", faultsShape)
	if err != nil {
		return nil, err
	}
	if f.m, err = startDevMarket(ctx, 0); err != nil {
		return nil, err
	}
	if err := f.m.setUp(ctx, p); err != nil {
		return nil, err
	}
	ws, err := url.Parse(f.m.chain.WSURL())
	if err != nil {
		return nil, err
	}
	if f.proxy, err = tcpproxy.Start(ws.Host); err != nil {
		return nil, err
	}
	f.rpcURL = "ws://" + f.proxy.Addr()
	// Migrations first, then the indexers, so that they do not race to create the schema.
	if f.apiStore, err = store.Open(ctx, f.dsn); err != nil {
		return nil, err
	}
	if err := f.startServe(ctx, f.apiStore); err != nil {
		return nil, err
	}
	for range 2 {
		if err := f.startIndexer(ctx); err != nil {
			return nil, err
		}
		time.Sleep(time.Second) // the first takes the lock
	}
	if _, _, err := f.waitEqual(ctx, time.Now(), false, time.Minute); err != nil {
		return nil, fmt.Errorf("bench: first indexing: %w", err)
	}
	buys, stop := context.WithCancel(ctx)
	f.stopBuys, f.buysDone = stop, make(chan error, 1)
	go func() { f.buysDone <- f.buy(buys, p) }()
	return f, nil
}

// startServe serves the API (the serve role's handler) on a loopback port, reaching the RPC
// through the proxy as the indexers do.
func (f *faultRig) startServe(ctx context.Context, st *store.Store) error {
	client, err := ethclient.DialContext(ctx, f.rpcURL)
	if err != nil {
		return err
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	h := api.Handler(api.Deps{Store: st, Chain: client, ChainID: f.m.chain.ChainID().Uint64(), Market: f.m.address,
		MaxLag: 20, Logger: slog.New(slog.DiscardHandler), Limits: ratelimit.Unlimited()})
	f.serve = &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}
	f.serveURL = "http://" + l.Addr().String()
	go f.serve.Serve(l)
	return nil
}

// indexProcess is a running `bittunes index`.
type indexProcess struct {
	name    string
	health  string // base URL of its metrics listener
	process *os.Process
	done    chan error
}

// startIndexer starts one more `bittunes index` process.
func (f *faultRig) startIndexer(ctx context.Context) error {
	port, err := freeLoopbackPort()
	if err != nil {
		return err
	}
	f.next++
	name := fmt.Sprintf("index%d", f.next)
	logFile, err := os.Create(filepath.Join(f.logs, name+".log"))
	if err != nil {
		return err
	}
	metricsAddr := fmt.Sprintf("127.0.0.1:%d", port)
	cmd := execCommand(f.cfg.Binary, "index", "--database", f.dsn, "--rpc", f.rpcURL,
		"--chain-id", f.m.chain.ChainID().String(), "--market", f.m.address.Hex(),
		"--deploy-block", fmt.Sprint(f.m.deployBlock), "--metrics-addr", metricsAddr, "--log-level", "info")
	cmd.Stdout, cmd.Stderr = logFile, logFile
	if err := cmd.Start(); err != nil {
		logFile.Close()
		return fmt.Errorf("bench: start %s: %w", name, err)
	}
	p := &indexProcess{name: name, health: "http://" + metricsAddr, process: cmd.Process, done: make(chan error, 1)}
	go func() { p.done <- cmd.Wait(); logFile.Close() }()
	f.indexers = append(f.indexers, p)
	f.cfg.Logger.Info("bench: started", "process", name, "pid", cmd.Process.Pid, "log", logFile.Name())
	return nil
}

// killActive kills the indexer holding the lock with SIGKILL.
func (f *faultRig) killActive(ctx context.Context) error {
	roles := map[string]string{}
	for _, p := range f.indexers {
		roles[p.name] = role(ctx, p)
	}
	f.cfg.Logger.Info("bench: roles before the kill", "roles", roles)
	for i, p := range f.indexers {
		if roles[p.name] != "active" {
			continue
		}
		if err := p.process.Kill(); err != nil {
			return err
		}
		<-p.done
		f.cfg.Logger.Info("bench: killed", "process", p.name)
		f.indexers = slices.Delete(f.indexers, i, i+1)
		return nil
	}
	return errors.New("no active indexer to kill")
}

// role asks an index process's status for its role ("" when it does not answer).
func role(ctx context.Context, p *indexProcess) string {
	var st struct {
		Status struct {
			Role string `json:"role"`
		} `json:"status"`
	}
	if err := getJSON(ctx, p.health+"/status", &st); err != nil {
		return ""
	}
	return st.Status.Role
}

// buy sends the plan's purchases at purchaseRate until ctx ends.
func (f *faultRig) buy(ctx context.Context, p *plan) error {
	tick := time.NewTicker(time.Second / purchaseRate)
	defer tick.Stop()
	for _, q := range p.purchases {
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
		}
		txs, err := f.m.sender.sign(ctx, []txRequest{f.m.purchase(p, q)})
		if err == nil {
			err = f.m.sender.send(ctx, txs)
		}
		if err != nil && ctx.Err() == nil {
			return fmt.Errorf("bench: purchase: %w", err)
		}
	}
	return nil
}

// waitEqual waits (with newBlock) for a block mined after from, as purchases keep arriving, then
// until the database holds exactly the purchases the chain holds up to that block (or the head),
// and returns when that was first seen and how many purchases were missing or doubled then (0
// unless something was lost).
func (f *faultRig) waitEqual(ctx context.Context, from time.Time, newBlock bool, within time.Duration) (time.Time, int, error) {
	start, err := f.m.client.BlockNumber(ctx)
	if err != nil {
		return time.Time{}, 0, err
	}
	head := start
	for newBlock && head == start {
		if time.Since(from) > within {
			return time.Time{}, 0, fmt.Errorf("no block after %d within %s", start, within)
		}
		time.Sleep(5 * time.Millisecond)
		if head, err = f.m.client.BlockNumber(ctx); err != nil {
			return time.Time{}, 0, err
		}
	}
	onChain, err := f.chainPurchases(ctx, head)
	if err != nil {
		return time.Time{}, 0, err
	}
	deadline := from.Add(within)
	lastErr := errors.New("not caught up")
	for time.Now().Before(deadline) {
		stored, cursor, err := f.storedPurchases(ctx, head)
		if err == nil && cursor >= head {
			lost := 0
			for k, n := range stored {
				if n != 1 || !onChain[k] {
					lost += n // doubled, or not on the chain
				}
			}
			for k := range onChain {
				if stored[k] == 0 {
					lost++
				}
			}
			return time.Now(), lost, nil
		}
		if err != nil {
			lastErr = err
		}
		time.Sleep(50 * time.Millisecond)
	}
	return time.Time{}, 0, fmt.Errorf("the database did not reach block %d within %s: %w", head, within, lastErr)
}

// chainPurchases lists the purchases on the chain up to block head, as "tx/log index".
func (f *faultRig) chainPurchases(ctx context.Context, head uint64) (map[string]bool, error) {
	logs, err := f.m.client.FilterLogs(ctx, ethereum.FilterQuery{Addresses: []common.Address{f.m.address},
		FromBlock: bigOf(f.m.deployBlock), ToBlock: bigOf(head)})
	if err != nil {
		return nil, err
	}
	events, err := market.NewDecoder().Decode(logs)
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for _, ev := range events {
		if s, ok := ev.(market.Sale); ok {
			out[purchaseKey(s.TxHash.Hex(), uint64(s.LogIndex))] = true
		}
	}
	return out, nil
}

// storedPurchases counts the database's purchases up to block head by "tx/log index", and reads
// its cursor.
func (f *faultRig) storedPurchases(ctx context.Context, head uint64) (map[string]int, uint64, error) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	var cursor uint64
	if err := f.db.QueryRowContext(ctx, `SELECT block_number FROM indexer_cursors`).Scan(&cursor); err != nil {
		return nil, 0, err
	}
	rows, err := f.db.QueryContext(ctx, `SELECT tx_hash, log_index FROM purchases WHERE block_number <= $1`, head)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var tx string
		var li uint64
		if err := rows.Scan(&tx, &li); err != nil {
			return nil, 0, err
		}
		out[purchaseKey(tx, li)]++
	}
	return out, cursor, rows.Err()
}

func purchaseKey(tx string, logIndex uint64) string {
	return strings.ToLower(strings.TrimPrefix(tx, "0x")) + "/" + fmt.Sprint(logIndex)
}

// readinessWatch polls every readiness endpoint while a fault and its recovery last.
type readinessWatch struct {
	stopped chan struct{}
	done    chan string
}

func (f *faultRig) watchReadiness(ctx context.Context) *readinessWatch {
	w := &readinessWatch{stopped: make(chan struct{}), done: make(chan string, 1)}
	targets := map[string]string{"serve": f.serveURL + "/readyz"}
	for _, p := range f.indexers {
		targets[p.name] = p.health + "/readyz"
	}
	go func() {
		seen := map[string]map[string]int{}
		var mu sync.Mutex
		tick := time.NewTicker(250 * time.Millisecond)
		defer tick.Stop()
		for {
			var wg sync.WaitGroup
			for name, u := range targets {
				wg.Go(func() {
					answer := readiness(ctx, u)
					mu.Lock()
					defer mu.Unlock()
					if seen[name] == nil {
						seen[name] = map[string]int{}
					}
					seen[name][answer]++
				})
			}
			wg.Wait()
			select {
			case <-w.stopped:
				w.done <- summarize(seen)
				return
			case <-tick.C:
			}
		}
	}()
	return w
}

// stop ends the watch and returns what it saw: "serve=200×12 index1=200×3,503×9 …".
func (w *readinessWatch) stop() string {
	close(w.stopped)
	return <-w.done
}

func summarize(seen map[string]map[string]int) string {
	var parts []string
	for _, name := range slices.Sorted(maps.Keys(seen)) {
		var answers []string
		for _, a := range slices.Sorted(maps.Keys(seen[name])) {
			answers = append(answers, fmt.Sprintf("%s×%d", a, seen[name][a]))
		}
		parts = append(parts, name+"="+strings.Join(answers, ","))
	}
	return strings.Join(parts, " ")
}

// readiness is a readiness endpoint's status code, or "down" when it does not answer.
func readiness(ctx context.Context, u string) string {
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return "error"
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "down"
	}
	resp.Body.Close()
	return fmt.Sprint(resp.StatusCode)
}

func (f *faultRig) close() {
	if f.stopBuys != nil {
		f.stopBuys()
		if err := <-f.buysDone; err != nil {
			f.cfg.Logger.Warn("bench: purchases", "err", err)
		}
	}
	for _, p := range f.indexers {
		p.process.Signal(os.Interrupt)
		select {
		case <-p.done:
		case <-time.After(10 * time.Second):
			p.process.Kill()
			<-p.done
		}
	}
	if f.serve != nil {
		f.serve.Close()
	}
	if f.apiStore != nil {
		f.apiStore.Close()
	}
	if f.proxy != nil {
		f.proxy.Close()
	}
	if f.m != nil {
		f.m.Stop()
	}
	if f.db != nil {
		f.db.Close()
	}
	if f.cluster != nil {
		if err := f.cluster.Stop(); err != nil {
			f.cfg.Logger.Warn("bench: stopping PostgreSQL", "err", err)
		}
	} else if f.dir != "" {
		os.RemoveAll(f.dir)
	}
}

// execCommand runs the bittunes binary with a clean environment, so that no BITTUNES_ setting of
// the shell reaches the processes under test.
func execCommand(binary string, args ...string) *exec.Cmd {
	cmd := exec.Command(binary, args...)
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + os.TempDir()}
	return cmd
}

func freeLoopbackPort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func getJSON(ctx context.Context, u string, v any) error {
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(v)
}

func bigOf(n uint64) *big.Int { return new(big.Int).SetUint64(n) }
