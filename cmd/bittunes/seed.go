package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/anacrolix/torrent/metainfo"
	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/fanclient"
	"github.com/bittunes/bittunes/internal/swarm"
)

const seedUsage = `Usage: bittunes seed [folder] [flags]

Seeds every package (<content hash>.age) in the folder — by default your library, where ` + "`bittunes get`" + `
keeps what it fetched — announcing to the market's tracker. Packages are checked against their content
hash before they are seeded. Stop it with Ctrl-C; run it again and it picks up where it was.

With your key (BITTUNES_PRIVATE_KEY or --keystore; --account, if given, must be its address) it tells
every peer, signed, which account to credit for the bytes it gets from you, so that a buyer's
` + "`bittunes buy`" + ` names you as referrer when your peers delivered most (see "Distributors are paid for
what they deliver" in the README). With your address it prints your referral link beside each of your
tracks.

Every --every it shows, per package: the bytes you delivered, the peers you served (that asked you
for pieces), and, for tracks you own, the sales that named you as referrer and what they earned, in
exact wei (asked of the market every --api-every). On a terminal the display is redrawn in place;
into a file or a pipe it is plain lines. A folder without packages is an error.`

func runSeed(ctx context.Context, args []string, env func(string) string, stdout, stderr io.Writer) error {
	var f fanFlags
	var account string
	var every time.Duration
	var uploadRate int64
	var apiEvery time.Duration
	fs, err := parseFan("seed", seedUsage, &f, func(fs *flag.FlagSet) {
		fs.StringVar(&account, "account", "", "your address, for your referral links and the payout claim sent to peers (default: the address of your key, if one is given; a key must be this address's)")
		fs.DurationVar(&every, "every", 10*time.Second, "how often to print what was uploaded")
		fs.DurationVar(&apiEvery, "api-every", time.Minute, "how often to ask the market for the sales that named you as referrer (at least 10s)")
		fs.Int64Var(&uploadRate, "upload-rate", 0, "cap on what you upload, in bytes per second (0: no cap)")
	}, args, env, stderr)
	if err != nil {
		return err
	}
	folder := f.Library
	switch fs.NArg() {
	case 0:
	case 1:
		folder = fs.Arg(0)
	default:
		fs.Usage()
		return errUsage
	}
	api, err := fanclient.New(f.API)
	if err != nil {
		return fmt.Errorf("--api: %w", err)
	}
	fan, payout, err := fanAccount(f, account, env, stderr)
	if err != nil {
		return err
	}
	cfg := f.swarmConfig()
	cfg.Payout = payout
	if uploadRate < 0 {
		return fmt.Errorf("--upload-rate %d: must be 0 (no cap) or more", uploadRate)
	}
	cfg.UploadRate, cfg.UploadBurst = uploadRate, uploadRate/4 // the cap holds from the first second
	client, err := swarm.NewClient(swarm.ClientConfig{Config: cfg, Dir: folder, Seed: true, WebSeedAfter: 3 * time.Second})
	if err != nil {
		return err
	}
	defer client.Close()
	transfers, err := seedFolder(client, folder, swarm.ServerLinks(api.Origin, ""), stderr)
	if err != nil {
		return err
	}
	if len(transfers) == 0 {
		return fmt.Errorf("nothing to seed: %s holds no package (<content hash>.age); `bittunes get` a track first, or name the folder that holds yours", folder)
	}
	if payout != nil {
		fmt.Fprintf(stdout, "peers are told to credit %s for what they get from you\n", payout.Account.Hex())
	} else {
		fmt.Fprintln(stdout, "no key given (BITTUNES_PRIVATE_KEY or --keystore): peers are not told whom to credit for what they get from you")
	}
	lib := &libraryStats{api: api, fan: fan, every: max(apiEvery, minAPIEvery)}
	lib.refresh(ctx)
	fmt.Fprintf(stdout, "seeding %d package(s) from %s, accepting peers on %s\n", len(transfers), folder, client.Addr())
	for _, tr := range transfers {
		fmt.Fprintf(stdout, "  %s%s\n", tr.ContentHash.Hex(), lib.linkLine(tr.ContentHash))
	}
	if payout != nil {
		go sendHeartbeats(ctx, api, client, payout, transfers, stderr)
	}
	view := newSeedView(stdout)
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
		}
		lib.refresh(ctx)
		view.show(time.Now(), seedRows(transfers, lib))
	}
}

// minAPIEvery bounds how often seed asks the market for a fan's sales: one reading of their library
// per period (a request per page of 100 tracks), however many packages are seeded.
const minAPIEvery = 10 * time.Second

// libraryStats is the fan's library as the market last answered it: per package, the track, the
// referral link, and the sales that named the fan as referrer with what they earned. It asks the
// API at most once per every.
type libraryStats struct {
	api   *fanclient.Client
	fan   common.Address
	every time.Duration
	last  time.Time
	items map[common.Hash]fanclient.LibraryItem
	err   error
}

// refresh asks the market again when the last answer is older than every.
func (l *libraryStats) refresh(ctx context.Context) {
	if l.fan == (common.Address{}) || time.Since(l.last) < l.every {
		return
	}
	l.last = time.Now()
	items, err := l.api.Library(ctx, l.fan)
	if err != nil {
		l.err = err // keep showing the last answer
		return
	}
	l.err = nil
	l.items = map[common.Hash]fanclient.LibraryItem{}
	for _, it := range items {
		l.items[common.HexToHash(it.Track.ContentHash)] = it
	}
}

// linkLine is "  <Artist> - <Title>  your referral link: <link>" for a track the fan owns.
func (l *libraryStats) linkLine(h common.Hash) string {
	it, ok := l.items[h]
	if !ok {
		return ""
	}
	link := it.ReferralLink
	if strings.HasPrefix(link, "/") {
		link = l.api.Origin + link
	}
	return fmt.Sprintf("  %s  your referral link: %s", fileName(it.Track.Artist.Name, it.Track.Title), link)
}

// seedRow is what seed shows of one package.
type seedRow struct {
	name        string
	delivered   int64
	peersServed int
	connected   int
	owned       bool // the fan owns the track: sales and earnings are known
	sales       int64
	earned      fanclient.Amount
}

func seedRows(transfers []*swarm.Transfer, lib *libraryStats) []seedRow {
	rows := make([]seedRow, 0, len(transfers))
	for _, tr := range transfers {
		p := tr.Progress()
		r := seedRow{name: tr.ContentHash.Hex()[:18] + "…", delivered: p.Uploaded, peersServed: tr.PeersServed(), connected: p.Peers}
		if it, ok := lib.items[tr.ContentHash]; ok {
			r.name = fileName(it.Track.Artist.Name, it.Track.Title)
			r.owned, r.sales, r.earned = true, it.ReferralSales, it.ReferralEarnings
		}
		rows = append(rows, r)
	}
	return rows
}

// seedView shows the rows: redrawn in place on a terminal, as get's bar is; otherwise (a log
// file, a pipe) a plain block of lines each time, without control characters.
type seedView struct {
	w     io.Writer
	tty   bool
	drawn int // lines drawn last time, on a terminal
}

func newSeedView(w io.Writer) *seedView { return &seedView{w: w, tty: isTerminal(w)} }

func (v *seedView) show(now time.Time, rows []seedRow) {
	var b strings.Builder
	var up int64
	var served, connected int
	for _, r := range rows {
		up, served, connected = up+r.delivered, served+r.peersServed, connected+r.connected
	}
	fmt.Fprintf(&b, "%s  %d package(s): delivered %s to %d peer(s), %d connected now\n", now.Format(time.TimeOnly), len(rows), mb(up), served, connected)
	for _, r := range rows {
		fmt.Fprintf(&b, "  %s  delivered %s to %d peer(s)", r.name, mb(r.delivered), r.peersServed)
		if r.owned {
			earned := r.earned.Wei
			if earned == "" {
				earned = "0"
			}
			fmt.Fprintf(&b, "; %d sale(s) named you as referrer, earning %s wei (%s ETH)", r.sales, earned, orZero(r.earned.Ether))
		}
		b.WriteString("\n")
	}
	out := b.String()
	if v.tty {
		if v.drawn > 0 {
			fmt.Fprintf(v.w, "\x1b[%dA\x1b[J", v.drawn)
		}
		v.drawn = strings.Count(out, "\n")
	}
	io.WriteString(v.w, out)
}

func orZero(s string) string {
	if s == "" {
		return "0"
	}
	return s
}

// seedFolder adds every package of the folder: with the .torrent beside it if there is one (as
// `get` leaves it), else a torrent made from the file after checking it hashes to its name.
func seedFolder(client *swarm.Client, folder string, links swarm.Links, stderr io.Writer) ([]*swarm.Transfer, error) {
	entries, err := os.ReadDir(folder)
	if err != nil {
		return nil, fmt.Errorf("seed: %w", err)
	}
	var out []*swarm.Transfer
	for _, e := range entries {
		h, ok := swarm.ParseFileName(e.Name())
		if !ok {
			continue
		}
		mi, err := metainfo.LoadFromFile(filepath.Join(folder, h.Hex()+".torrent"))
		if err != nil {
			p, err := swarm.HashFile(filepath.Join(folder, e.Name()), h)
			if err != nil {
				fmt.Fprintf(stderr, "seed: skipping %s: %v\n", e.Name(), err)
				continue
			}
			mi = p.MetaInfo(links)
		}
		tr, err := client.Add(mi)
		if err != nil {
			fmt.Fprintf(stderr, "seed: skipping %s: %v\n", e.Name(), err)
			continue
		}
		out = append(out, tr)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ContentHash.Hex() < out[j].ContentHash.Hex() })
	return out, nil
}

// fanAccount is the fan's address: --account, else the address of the fan's key if one is
// configured, else none; and, with a key, the payout claim the client sends its peers (the key
// must be --account's, since the claim is signed by it).
func fanAccount(f fanFlags, account string, env func(string) string, stderr io.Writer) (common.Address, *swarm.Payout, error) {
	var addr common.Address
	if account != "" {
		if !common.IsHexAddress(account) {
			return common.Address{}, nil, fmt.Errorf("--account %q is not an address", account)
		}
		addr = common.HexToAddress(account)
	}
	if env("BITTUNES_PRIVATE_KEY") == "" && f.Keystore == "" {
		return addr, nil, nil
	}
	k, err := f.fanKey(env, stderr)
	if err != nil {
		return common.Address{}, nil, err
	}
	if account != "" && addressOf(k) != addr {
		return common.Address{}, nil, fmt.Errorf("--account %s is not the address of the key given (%s): peers could not check a claim for it", addr.Hex(), addressOf(k).Hex())
	}
	return addressOf(k), &swarm.Payout{Account: addressOf(k), Key: k}, nil
}
