package main

import (
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
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
	"github.com/bittunes/bittunes/internal/swarm"
	"github.com/bittunes/bittunes/internal/unlock"
)

const getUsage = `Usage: bittunes get <track page URL | track id> [flags]

Fetches a track you own over BitTorrent (the market's tracker, other fans, and the market's web seed
when no peer has what is missing), proves that your address owns it by signing a key request with
your key, fetches the key, decrypts while downloading, checks the package against the content hash
registered on-chain, and writes "<Artist> - <Title>.<ext>". The package stays in your library, so
an interrupted get resumes where it stopped and ` + "`bittunes seed`" + ` can share it.`

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
	api, err := newAPIClient(origin)
	if err != nil {
		return err
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
func getTrack(ctx context.Context, api *apiClient, f fanFlags, id int64, key *ecdsaKey, outDir string, stderr io.Writer) (string, error) {
	var page trackPage
	if _, err := api.get("/api/v1/tracks/"+strconv.FormatInt(id, 10), "track", &page); err != nil {
		return "", err
	}
	if page.TorrentURL == "" {
		return "", fmt.Errorf("track %d has no package to download on %s yet", id, api.origin)
	}
	identity, err := requestKey(api, page, key)
	if err != nil {
		return "", err
	}
	raw, err := api.get(page.TorrentURL, "torrent", nil)
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
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return "", err
	}
	tmp, err := os.CreateTemp(outDir, ".bittunes-*")
	if err != nil {
		return "", err
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	done := make(chan struct{})
	go func() {
		tick := time.NewTicker(200 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				progressBar(stderr, "get", tr.Progress())
				fmt.Fprintln(stderr)
				return
			case <-tick.C:
				progressBar(stderr, "get", tr.Progress())
			}
		}
	}()
	err = tr.Decrypt(ctx, identity, tmp)
	if err == nil {
		err = tr.Verify(ctx) // the whole file in the library, for seeding
	}
	close(done)
	if err != nil {
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
func requestKey(api *apiClient, page trackPage, key *ecdsaKey) (*age.X25519Identity, error) {
	u, _ := url.Parse(api.origin)
	r := unlock.Request{Domain: strings.ToLower(u.Host), Market: common.HexToAddress(page.Market.Address), ChainID: page.Market.ChainID,
		TrackID: page.ID, Account: crypto.PubkeyToAddress(key.PublicKey), Nonce: rand.Text(), Expires: time.Now().Add(5 * time.Minute).UTC().Truncate(time.Second)}
	sig, err := crypto.Sign(accounts.TextHash([]byte(r.Text())), key)
	if err != nil {
		return nil, fmt.Errorf("sign the key request: %w", err)
	}
	sig[crypto.RecoveryIDOffset] += 27
	body, _ := json.Marshal(map[string]string{"message": r.Text(), "signature": hexutil.Encode(sig)})
	req, err := http.NewRequest(http.MethodPost, api.origin+"/api/v1/tracks/"+strconv.FormatInt(page.ID, 10)+"/key", strings.NewReader(string(body)))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	var k struct{ Identity string }
	if _, err := api.do(req, "key", &k); err != nil {
		if strings.Contains(err.Error(), "does not own") {
			return nil, fmt.Errorf("%s does not own track %d: buy it first at %s%s", r.Account.Hex(), page.ID, api.origin, page.Page)
		}
		return nil, err
	}
	id, err := age.ParseX25519Identity(k.Identity)
	if err != nil {
		return nil, errors.New("key: the market answered something that is not an age key")
	}
	return id, nil
}
