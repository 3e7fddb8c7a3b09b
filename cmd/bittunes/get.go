package main

import (
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"filippo.io/age"
	"github.com/anacrolix/torrent/metainfo"
	"github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/bittunes/bittunes/internal/content"
	"github.com/bittunes/bittunes/internal/fanclient"
	"github.com/bittunes/bittunes/internal/swarm"
	"github.com/bittunes/bittunes/internal/unlock"
)

const getUsage = `Usage: bittunes get <track page URL | track id> [flags]

Fetches a track you own over BitTorrent (the market's tracker, other fans, and the market's web seed
when no peer has what is missing), proves that your address owns it by signing a key request with
your key, fetches the key, decrypts while downloading, checks the package against the content hash
registered on-chain, and writes "<Artist> - <Title>.<ext>". The package stays in your library, so
an interrupted get resumes where it stopped and ` + "`bittunes seed`" + ` can share it.

For a track you do not own yet, get fetches the encrypted package into your library all the same,
records which fans' peers delivered it, and exits with an error telling you to ` + "`bittunes buy`" + ` it:
buy names the owner who delivered most as your referrer; get again then unlocks it at once.`

func runGet(ctx context.Context, args []string, env func(string) string, stdout, stderr io.Writer) error {
	var f fanFlags
	var out string
	fs, err := parseFan("get", getUsage, &f, func(fs *flag.FlagSet) {
		fs.StringVar(&out, "out", ".", "the folder to write the audio file into")
	}, args, env, stderr)
	if err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errUsage
	}
	id, origin, err := parseTrackRef(fs.Arg(0), f.API)
	if err != nil {
		return err
	}
	key, err := f.fanKey(env, stderr)
	if err != nil {
		return err
	}
	api, err := fanclient.New(origin)
	if err != nil {
		return fmt.Errorf("--api: %w", err)
	}
	path, err := getTrack(ctx, api, f, id, key, out, stderr)
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, path)
	return nil
}

// parseTrackRef reads a track id, or a track page URL (/t/{id}) whose origin becomes the API's.
func parseTrackRef(s, api string) (int64, string, error) {
	if id, err := strconv.ParseInt(s, 10, 64); err == nil && id > 0 {
		return id, api, nil
	}
	u, err := url.Parse(s)
	if err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
		if rest, ok := strings.CutPrefix(u.Path, "/t/"); ok {
			if id, err := strconv.ParseInt(strings.TrimSuffix(rest, "/"), 10, 64); err == nil && id > 0 {
				return id, u.Scheme + "://" + u.Host, nil
			}
		}
	}
	return 0, "", fmt.Errorf("%q is neither a track id nor a track page URL such as https://bittunes.example/t/7", s)
}

// getTrack fetches, unlocks and writes track id; it returns the audio file's path.
func getTrack(ctx context.Context, api *fanclient.Client, f fanFlags, id int64, key *ecdsaKey, outDir string, stderr io.Writer) (string, error) {
	page, err := api.Track(ctx, id)
	if err != nil {
		return "", err
	}
	if page.TorrentURL == "" {
		return "", fmt.Errorf("track %d has no package to download on %s yet", id, api.Origin)
	}
	identity, err := requestKey(ctx, api, page, key)
	var notOwner *notOwnerError
	if errors.As(err, &notOwner) {
		identity = nil // fetch the encrypted package anyway: buying names who delivered it
	} else if err != nil {
		return "", err
	}
	raw, err := api.Torrent(ctx, page.TorrentURL)
	if err != nil {
		return "", err
	}
	mi, err := metainfo.Load(strings.NewReader(string(raw)))
	if err != nil {
		return "", fmt.Errorf("torrent: %w", err)
	}
	if info, err := mi.UnmarshalInfo(); err != nil || info.Name != swarm.FileName(common.HexToHash(page.ContentHash)) {
		return "", fmt.Errorf("the torrent of track %d is not its package %s", id, page.ContentHash)
	}
	client, err := swarm.NewClient(swarm.ClientConfig{Config: f.swarmConfig(), Dir: f.Library, WebSeedAfter: 3 * time.Second})
	if err != nil {
		return "", err
	}
	defer client.Close()
	tr, err := client.Add(mi)
	if err != nil {
		return "", err
	}
	if identity == nil {
		stop := showProgress(tr, stderr)
		err := tr.Verify(ctx)
		stop()
		if err != nil {
			return "", err
		}
		if err := recordSources(f.Library, tr, stderr); err != nil {
			return "", err
		}
		return "", fmt.Errorf("%w; its encrypted package is now in your library (%s): buy it with `bittunes buy %s%s`, "+
			"which names the owner whose peers delivered most as your referrer, then run get again to unlock it", notOwner, tr.Path, api.Origin, page.Page)
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return "", err
	}
	tmp, err := os.CreateTemp(outDir, ".bittunes-*")
	if err != nil {
		return "", err
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	stop := showProgress(tr, stderr)
	err = tr.Decrypt(ctx, identity, tmp)
	if err == nil {
		err = tr.Verify(ctx) // the whole file in the library, for seeding
	}
	stop()
	if err != nil {
		return "", err
	}
	if err := recordSources(f.Library, tr, stderr); err != nil {
		return "", err
	}
	format, err := content.SniffAudio(tmp, mustSize(tmp))
	ext := "audio"
	if err == nil {
		ext = format.Ext()
	}
	name := filepath.Join(outDir, fileName(page.Artist.Name, page.Title)+"."+ext)
	if err := tmp.Chmod(0o644); err != nil {
		return "", err
	}
	if err := tmp.Close(); err != nil {
		return "", err
	}
	if err := os.Rename(tmp.Name(), name); err != nil {
		return "", err
	}
	return name, nil
}

// showProgress draws tr's progress on w until the returned stop is called.
func showProgress(tr *swarm.Transfer, w io.Writer) (stop func()) {
	done, drawn := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(drawn)
		bar := newProgress(w, "get")
		tick := time.NewTicker(200 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				bar.show(tr.Progress(), true)
				return
			case <-tick.C:
				bar.show(tr.Progress(), false)
			}
		}
	}()
	return func() { close(done); <-drawn }
}

// recordSources prints where this transfer's bytes came from and adds them to the library's
// record of the package, which `bittunes buy` reads.
func recordSources(library string, tr *swarm.Transfer, w io.Writer) error {
	s := tr.Sources()
	printSources(w, s)
	return swarm.RecordSources(library, tr.ContentHash, s)
}

// printSources ends a get with where the bytes came from: the payout accounts whose peers
// delivered them, and the rest (the market's web seed and seeder, peers naming no account).
func printSources(w io.Writer, s swarm.Sources) {
	accounts := make([]common.Address, 0, len(s.ByAccount))
	for a := range s.ByAccount {
		accounts = append(accounts, a)
	}
	sort.Slice(accounts, func(i, j int) bool { return s.ByAccount[accounts[i]] > s.ByAccount[accounts[j]] })
	fmt.Fprintln(w, "where the bytes came from:")
	for _, a := range accounts {
		fmt.Fprintf(w, "  %s  peers paid to %s\n", mb(s.ByAccount[a]), a.Hex())
	}
	fmt.Fprintf(w, "  %s  the market (web seed, seeder) and peers naming no account\n", mb(s.Other))
}

func mustSize(f *os.File) int64 {
	fi, err := f.Stat()
	if err != nil {
		return 0
	}
	return fi.Size()
}

// fileName is "<Artist> - <Title>" as a file name.
func fileName(artist, title string) string { return content.FileName(artist + " - " + title) }

type ecdsaKey = ecdsa.PrivateKey

// requestKey signs a key request for the track with the fan's key and fetches the track's age
// identity.
func requestKey(ctx context.Context, api *fanclient.Client, page fanclient.Track, key *ecdsaKey) (*age.X25519Identity, error) {
	u, _ := url.Parse(api.Origin)
	r := unlock.Request{Domain: strings.ToLower(u.Host), Market: common.HexToAddress(page.Market.Address), ChainID: page.Market.ChainID,
		TrackID: page.ID, Account: crypto.PubkeyToAddress(key.PublicKey), Nonce: rand.Text(), Expires: time.Now().Add(5 * time.Minute).UTC().Truncate(time.Second)}
	sig, err := crypto.Sign(accounts.TextHash([]byte(r.Text())), key)
	if err != nil {
		return nil, fmt.Errorf("sign the key request: %w", err)
	}
	sig[crypto.RecoveryIDOffset] += 27
	text, err := api.Key(ctx, page.ID, r.Text(), hexutil.Encode(sig))
	if err != nil {
		if e := (*fanclient.Error)(nil); errors.As(err, &e) && e.Code == "not_owner" {
			return nil, &notOwnerError{account: r.Account, track: page.ID}
		}
		return nil, err
	}
	id, err := age.ParseX25519Identity(text)
	if err != nil {
		return nil, errors.New("key: the market answered something that is not an age key")
	}
	return id, nil
}

// notOwnerError: the market refused the key because the account does not own the track.
type notOwnerError struct {
	account common.Address
	track   int64
}

func (e *notOwnerError) Error() string {
	return fmt.Sprintf("%s does not own track %d", e.account.Hex(), e.track)
}
