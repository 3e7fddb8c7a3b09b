// Package fanclient is the fan's client of the market's API: what `bittunes get` and `bittunes
// seed` read (track pages, torrents, a fan's library) and send (signed key requests). Like
// miniflux's client package, it knows the API's paths and JSON and nothing of the commands.
package fanclient

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// maxBody bounds what the client reads of one answer (a .torrent is far smaller).
const maxBody = 64 << 20

// Client talks to one market's API.
type Client struct {
	// Origin is the market's origin, such as https://bittunes.example (no trailing slash).
	Origin string
	http   *http.Client
}

// New returns a client of the market at origin.
func New(origin string) (*Client, error) {
	u, err := url.Parse(origin)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("%q must be the market's origin, such as https://bittunes.example", origin)
	}
	return &Client{Origin: strings.TrimSuffix(origin, "/"), http: &http.Client{Timeout: time.Minute}}, nil
}

// Error is an answer other than 200: its status and the API's error code and message.
type Error struct {
	What    string // what was asked ("track", "key", …)
	Status  int
	Code    string
	Message string
}

func (e *Error) Error() string {
	if e.Message == "" {
		return fmt.Sprintf("%s: HTTP %d", e.What, e.Status)
	}
	return fmt.Sprintf("%s: %s", e.What, e.Message)
}

// Track is what the fan's commands read of GET /api/v1/tracks/{id}.
type Track struct {
	ID          int64  `json:"id"`
	Title       string `json:"title"`
	ContentHash string `json:"contentHash"`
	Artist      struct {
		Address string `json:"address"`
		Name    string `json:"name"`
	} `json:"artist"`
	Market struct {
		Address string `json:"address"`
		ChainID uint64 `json:"chainId"`
	} `json:"market"`
	TorrentURL string `json:"torrentUrl"`
	Page       string `json:"page"`
}

// Track reads track id's page.
func (c *Client) Track(ctx context.Context, id int64) (Track, error) {
	var t Track
	_, err := c.get(ctx, "/api/v1/tracks/"+strconv.FormatInt(id, 10), "track", &t)
	return t, err
}

// Torrent fetches a .torrent from a path on the market (a track's TorrentURL).
func (c *Client) Torrent(ctx context.Context, path string) ([]byte, error) {
	return c.get(ctx, path, "torrent", nil)
}

// Key sends a signed key request (the request's text and its personal_sign signature in 0x hex)
// for track id and returns the package's age identity, as text.
func (c *Client) Key(ctx context.Context, id int64, message, signature string) (string, error) {
	body, _ := json.Marshal(map[string]string{"message": message, "signature": signature})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.Origin+"/api/v1/tracks/"+strconv.FormatInt(id, 10)+"/key", strings.NewReader(string(body)))
	if err != nil {
		return "", err
	}
	req.Header.Set("Content-Type", "application/json")
	var k struct{ Identity string }
	if _, err := c.do(req, "key", &k); err != nil {
		return "", err
	}
	return k.Identity, nil
}

// LibraryItem is a track a fan owns, with the fan's referral link to it.
type LibraryItem struct {
	Track struct {
		ID          int64                 `json:"id"`
		Title       string                `json:"title"`
		ContentHash string                `json:"contentHash"`
		Artist      struct{ Name string } `json:"artist"`
	} `json:"track"`
	ReferralLink string `json:"referralLink"`
	// ReferralSales and ReferralEarnings are the indexed sales of the track that named this fan as
	// referrer, and what they credited the fan.
	ReferralSales    int64  `json:"referralSales"`
	ReferralEarnings Amount `json:"referralEarnings"`
}

// Amount is an amount of the API: exact wei as a decimal string, and the same in ether.
type Amount struct {
	Wei   string `json:"wei"`
	Ether string `json:"ether"`
}

// Library reads the tracks account owns, following the API's pages of 100 (at most
// maxLibraryPages of them).
func (c *Client) Library(ctx context.Context, account common.Address) ([]LibraryItem, error) {
	var items []LibraryItem
	query := url.Values{"limit": {"100"}}
	for range maxLibraryPages {
		var page struct {
			Items      []LibraryItem `json:"library"`
			NextCursor *string       `json:"nextCursor"`
		}
		if _, err := c.get(ctx, "/api/v1/accounts/"+strings.ToLower(account.Hex())+"/library?"+query.Encode(), "library", &page); err != nil {
			return nil, err
		}
		items = append(items, page.Items...)
		if page.NextCursor == nil {
			return items, nil
		}
		query.Set("cursor", *page.NextCursor)
	}
	return nil, fmt.Errorf("library: more than %d pages", maxLibraryPages)
}

// maxLibraryPages bounds what Library reads: 100 000 tracks.
const maxLibraryPages = 1_000

// do sends a request and decodes a JSON answer into out (or returns the raw body when out is nil).
func (c *Client) do(req *http.Request, what string, out any) ([]byte, error) {
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	if resp.StatusCode != http.StatusOK {
		var e struct {
			Error struct{ Code, Message string }
		}
		_ = json.Unmarshal(body, &e)
		return nil, &Error{What: what, Status: resp.StatusCode, Code: e.Error.Code, Message: e.Error.Message}
	}
	if out != nil {
		if err := json.Unmarshal(body, out); err != nil {
			return nil, fmt.Errorf("%s: %w", what, err)
		}
	}
	return body, nil
}

func (c *Client) get(ctx context.Context, path, what string, out any) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.Origin+path, nil)
	if err != nil {
		return nil, err
	}
	return c.do(req, what, out)
}

// Resolve follows a short link on the market (a path such as /r/{code}) one redirect and returns
// the absolute URL it stands for, on the same origin.
func (c *Client) Resolve(ctx context.Context, path string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.Origin+path, nil)
	if err != nil {
		return "", err
	}
	noFollow := *c.http
	noFollow.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err := noFollow.Do(req)
	if err != nil {
		return "", fmt.Errorf("link: %w", err)
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	loc, err := resp.Location()
	if err != nil || resp.StatusCode/100 != 3 {
		return "", &Error{What: "link", Status: resp.StatusCode, Message: fmt.Sprintf("%s%s is not a link to a track", c.Origin, path)}
	}
	return loc.String(), nil
}

// SeedsAnswer is the market's answer to a seeding heartbeat: the info hashes it now shows the
// account seeding, and those its tracker has not seen this peer seed (announce them first).
type SeedsAnswer struct {
	Account     string   `json:"account"`
	Seeding     []string `json:"seeding"`
	Unconfirmed []string `json:"unconfirmed"`
	ExpiresAt   string   `json:"expiresAt"`
}

// Seeds sends a signed seeding heartbeat (its text and personal_sign signature in 0x hex).
func (c *Client) Seeds(ctx context.Context, message, signature string) (SeedsAnswer, error) {
	body, _ := json.Marshal(map[string]string{"message": message, "signature": signature})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.Origin+"/api/v1/seeds", strings.NewReader(string(body)))
	if err != nil {
		return SeedsAnswer{}, err
	}
	req.Header.Set("Content-Type", "application/json")
	var a SeedsAnswer
	_, err = c.do(req, "seeding heartbeat", &a)
	return a, err
}
