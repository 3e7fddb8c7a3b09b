package main

import (
	"bufio"
	"context"
	"crypto/ecdsa"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/big"
	"net/url"
	"os"
	"strings"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/fanclient"
	"github.com/bittunes/bittunes/internal/swarm"
	"github.com/bittunes/bittunes/internal/wei"
)

const buyUsage = `Usage: bittunes buy <track page URL | share link | track id> [flags]

Buys a track with your key (BITTUNES_PRIVATE_KEY or --keystore, as for get) through the market
contract's purchase(trackId, referrer, maxFeeBps, minReferralBps), on the terms the contract quotes
now: a fee raised or a referral share cut before the purchase is mined reverts it instead of
charging you other terms.

The referrer is the link's ?ref= when its account may be credited (it owns the track and is not
you); otherwise the account whose peers delivered the most bytes of the package in your earlier
` + "`bittunes get`" + ` of it, among those the contract would credit; otherwise nobody. buy shows the
quote, asks before it spends (--yes: do not ask), follows the transaction until it is mined, and
shows what the contract did: the referrer it credited and the split. Run get again afterwards to
unlock the track.`

// maxCandidates bounds the quote() calls buy makes to find an eligible referrer among the accounts
// that delivered bytes: the top few carry nearly all of a download.
const maxCandidates = 16

func runBuy(ctx context.Context, args []string, env func(string) string, stdout, stderr io.Writer) error {
	var f fanFlags
	var rpcURL string
	var yes bool
	fs, err := parseFan("buy", buyUsage, &f, func(fs *flag.FlagSet) {
		fs.StringVar(&rpcURL, "rpc", "http://127.0.0.1:8545", "the chain's JSON-RPC URL, to read the quote and send the purchase")
		fs.BoolVar(&yes, "yes", false, "buy without asking for a confirmation (needed when stdin is not a terminal)")
	}, args, env, stderr)
	if err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errUsage
	}
	key, err := f.fanKey(env, stderr)
	if err != nil {
		return err
	}
	link, err := resolveBuyLink(ctx, fs.Arg(0), f.API)
	if err != nil {
		return err
	}
	api, err := fanclient.New(link.origin)
	if err != nil {
		return fmt.Errorf("--api: %w", err)
	}
	page, err := api.Track(ctx, link.id)
	if err != nil {
		return err
	}
	sources, err := swarm.LoadSources(f.Library, common.HexToHash(page.ContentHash))
	if err != nil {
		return err
	}
	chain, err := dialMarket(ctx, rpcURL, page)
	if err != nil {
		return err
	}
	defer chain.close()
	confirm := func(string) error { return nil }
	if !yes {
		confirm = func(q string) error { return askYes(stderr, q) }
	}
	b := &buyer{chain: chain, key: key, out: stdout, confirm: confirm, origin: api.Origin}
	return b.buy(ctx, page, link.ref, sources)
}

// buyLink is what a link to buy names: the track, the market's origin and the referral, if any.
type buyLink struct {
	id     int64
	origin string
	ref    *common.Address
}

// resolveBuyLink reads a track id, a track page URL (/t/{id}?ref=…) or a short referral link
// (/r/{code}, resolved by the market into the track page it stands for).
func resolveBuyLink(ctx context.Context, s, api string) (buyLink, error) {
	if u, err := url.Parse(s); err == nil && strings.HasPrefix(u.Path, "/r/") && u.Host != "" {
		c, err := fanclient.New(u.Scheme + "://" + u.Host)
		if err != nil {
			return buyLink{}, err
		}
		if s, err = c.Resolve(ctx, u.Path); err != nil {
			return buyLink{}, err
		}
	}
	id, origin, err := parseTrackRef(s, api)
	if err != nil {
		return buyLink{}, err
	}
	l := buyLink{id: id, origin: origin}
	if u, err := url.Parse(s); err == nil && u.Query().Has("ref") {
		ref := u.Query().Get("ref")
		if !common.IsHexAddress(ref) {
			return buyLink{}, fmt.Errorf("the link's ref %q is not an address", ref)
		}
		a := common.HexToAddress(ref)
		l.ref = &a
	}
	return l, nil
}

// askYes asks a yes/no question on the terminal; anything but yes is a refusal.
func askYes(stderr io.Writer, question string) error {
	if !isTerminal(os.Stdin) {
		return errors.New("stdin is not a terminal to confirm the purchase on: run again with --yes to buy without asking")
	}
	fmt.Fprintf(stderr, "%s [y/N] ", question)
	line, _ := bufio.NewReader(os.Stdin).ReadString('\n')
	if a := strings.ToLower(strings.TrimSpace(line)); a != "y" && a != "yes" {
		return errors.New("not bought")
	}
	return nil
}

// buyer buys one track for the holder of key.
type buyer struct {
	chain   marketChain
	key     *ecdsa.PrivateKey
	out     io.Writer
	confirm func(question string) error
	origin  string // the market's, for the get command printed at the end
}

// chooseReferrer applies the rule: the link's referrer when the contract would credit it, else
// the account that delivered the most bytes among those it would credit, else nobody. It returns
// the referrer and why it was chosen.
func chooseReferrer(ref *common.Address, sources swarm.Sources, eligible func(common.Address) (bool, error)) (common.Address, string, error) {
	var why []string
	if ref != nil {
		ok, err := eligible(*ref)
		if err != nil {
			return common.Address{}, "", err
		}
		if ok {
			return *ref, "the link you came from", nil
		}
		why = append(why, fmt.Sprintf("the link's referrer %s cannot be credited (it does not own the track, or it is you)", ref.Hex()))
	}
	for i, a := range sources.Ranked() {
		if i == maxCandidates {
			break
		}
		ok, err := eligible(a)
		if err != nil {
			return common.Address{}, "", err
		}
		if ok {
			why = append(why, fmt.Sprintf("its peers delivered the most of the package to you (%s)", mb(sources.ByAccount[a])))
			return a, strings.Join(why, "; "), nil
		}
	}
	if len(sources.ByAccount) == 0 {
		why = append(why, "no referral link and no record of fans delivering this package to you")
	} else {
		why = append(why, "none of the accounts that delivered the package to you owns it")
	}
	return common.Address{}, strings.Join(why, "; "), nil
}

// buy quotes, confirms, sends and follows the purchase, and tells what the contract did.
func (b *buyer) buy(ctx context.Context, page fanclient.Track, ref *common.Address, sources swarm.Sources) error {
	me := addressOf(b.key)
	owned, err := b.chain.owns(ctx, page.ID, me)
	if err != nil {
		return err
	}
	if owned {
		return fmt.Errorf("%s already owns track %d: `bittunes get` unlocks it", me.Hex(), page.ID)
	}
	listed, err := b.chain.listed(ctx, page.ID)
	if err != nil {
		return err
	}
	if !listed {
		return fmt.Errorf("track %d is not listed: its artist withdrew it from sale", page.ID)
	}
	referrer, why, err := chooseReferrer(ref, sources, func(a common.Address) (bool, error) {
		q, err := b.chain.quote(ctx, page.ID, a, me)
		return err == nil && q.CreditedReferrer == a, err
	})
	if err != nil {
		return err
	}
	q, err := b.chain.quote(ctx, page.ID, referrer, me)
	if err != nil {
		return err
	}
	fmt.Fprintf(b.out, "%s — %s (track %d)\n", page.Artist.Name, page.Title, page.ID)
	fmt.Fprintf(b.out, "price       %s wei (%s ETH)\n", q.Price, ether(q.Price))
	fmt.Fprintf(b.out, "fee         %d bps: %s wei to the market\n", q.FeeBps, q.FeeAmount)
	if q.CreditedReferrer != (common.Address{}) {
		fmt.Fprintf(b.out, "referrer    %s: %d bps, %s wei\n", q.CreditedReferrer.Hex(), q.ReferralBps, q.ReferrerAmount)
	} else {
		fmt.Fprintln(b.out, "referrer    none: the artist keeps the referral share")
	}
	fmt.Fprintf(b.out, "            (%s)\n", why)
	fmt.Fprintf(b.out, "artist      %s wei\n", q.ArtistAmount)
	balance, err := b.chain.balance(ctx, me)
	if err != nil {
		return err
	}
	if balance.Cmp(q.Price) < 0 {
		return fmt.Errorf("insufficient funds: %s holds %s wei (%s ETH), the track costs %s wei plus gas", me.Hex(), balance, ether(balance), q.Price)
	}
	if err := b.confirm(fmt.Sprintf("Buy track %d for %s ETH from %s?", page.ID, ether(q.Price), me.Hex())); err != nil {
		return err
	}
	tx, err := b.chain.send(ctx, b.key, page.ID, referrer, q)
	if err != nil {
		return err
	}
	fmt.Fprintf(b.out, "sent        transaction %s (nonce %d); waiting for it to be mined\n", tx.hash.Hex(), tx.nonce)
	sale, err := b.chain.wait(ctx, tx)
	if err != nil {
		return err
	}
	fmt.Fprintf(b.out, "mined       in block %d (gas used %d)\n", sale.block, sale.gasUsed)
	if sale.Referrer != (common.Address{}) {
		fmt.Fprintf(b.out, "the contract credited %s as referrer: %s wei\n", sale.Referrer.Hex(), sale.ReferrerAmount)
	} else {
		fmt.Fprintln(b.out, "the contract credited no referrer")
	}
	fmt.Fprintf(b.out, "split       price %s = artist %s + referrer %s + fee %s wei\n", sale.Price, sale.ArtistAmount, sale.ReferrerAmount, sale.FeeAmount)
	fmt.Fprintf(b.out, "you own track %d now: `bittunes get %s%s` unlocks it\n", page.ID, b.origin, page.Page)
	return nil
}

// ether is wei in ether, exactly.
func ether(w *big.Int) string {
	a, err := wei.New(w)
	if err != nil {
		return w.String() + " wei"
	}
	return a.Ether()
}
