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
keeps what it fetched — announcing to the market's tracker, and prints every --every what is seeded and
how much was uploaded. Packages are checked against their content hash before they are seeded. Stop
it with Ctrl-C; run it again and it picks up where it was. With your address (--account, or the key
of BITTUNES_PRIVATE_KEY / --keystore) it prints your referral link beside each of your tracks: a
purchase through it pays you the track's referral share. With your key it also tells every peer,
signed, which account to credit for the bytes it gets from you (see "Distributors are paid for what
they deliver" in the README). A folder without packages is an error.`

func runSeed(ctx context.Context, args []string, env func(string) string, stdout, stderr io.Writer) error {
	var f fanFlags
	var account string
	var every time.Duration
	fs, err := parseFan("seed", seedUsage, &f, func(fs *flag.FlagSet) {
		fs.StringVar(&account, "account", "", "your address, for your referral links and the payout claim sent to peers (default: the address of your key, if one is given; a key must be this address's)")
		fs.DurationVar(&every, "every", 10*time.Second, "how often to print what was uploaded")
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
	links := referralLinks(ctx, api, fan)
	fmt.Fprintf(stdout, "seeding %d package(s) from %s, accepting peers on %s\n", len(transfers), folder, client.Addr())
	for _, tr := range transfers {
		fmt.Fprintf(stdout, "  %s%s\n", tr.ContentHash.Hex(), links[tr.ContentHash])
	}
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
		}
		var up int64
		var peers int
		for _, tr := range transfers {
			p := tr.Progress()
			up += p.Uploaded
			peers += p.Peers
		}
		fmt.Fprintf(stdout, "%s  %d package(s), %d peer(s), uploaded %s\n", time.Now().Format(time.TimeOnly), len(transfers), peers, mb(up))
		for _, tr := range transfers {
			if p := tr.Progress(); p.Uploaded > 0 || p.Peers > 0 {
				fmt.Fprintf(stdout, "  %s  delivered %s to %d peer(s) now connected\n", tr.ContentHash.Hex(), mb(p.Uploaded), p.Peers)
			}
		}
	}
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

// referralLinks maps the content hash of each track in the fan's library to "  <title>  <link>".
func referralLinks(ctx context.Context, api *fanclient.Client, fan common.Address) map[common.Hash]string {
	out := map[common.Hash]string{}
	if fan == (common.Address{}) {
		return out
	}
	items, err := api.Library(ctx, fan)
	if err != nil {
		return out
	}
	for _, it := range items {
		link := it.ReferralLink
		if strings.HasPrefix(link, "/") {
			link = api.Origin + link
		}
		out[common.HexToHash(it.Track.ContentHash)] = fmt.Sprintf("  %s  your referral link: %s", fileName(it.Track.Artist.Name, it.Track.Title), link)
	}
	return out
}
