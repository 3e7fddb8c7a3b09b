package ratelimit

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"golang.org/x/time/rate"
)

// Class names a group of public routes that share one budget per client: a client's page views
// all draw from its "page" bucket, whichever page they show.
type Class string

// The classes of public routes (README "What one anonymous client can make each route do").
const (
	Page   Class = "page"   // server-rendered HTML pages
	Search Class = "search" // search and browse: queries over the whole catalogue
	API    Class = "api"    // the JSON API's reads of the catalogue, charts and accounts
	Feed   Class = "feed"   // RSS/Atom feeds and the sitemap
	Image  Class = "image"  // preview cards, thumbnails and QR codes, drawn on demand
	Embed  Class = "embed"  // the embeddable player and oEmbed
	Link   Class = "link"   // making a short referral link (writes a row)
	Media  Class = "media"  // packages, previews and covers (the web seed)
	// SignIn is the budget of the sign-in endpoints: a nonce and its verification each draw from
	// a bucket of their own of this budget (the API's signIn, not the route classes' buckets).
	SignIn Class = "signin"
)

// Budget is a token bucket: at most N requests at once, refilled at N per Per.
type Budget struct {
	N   int
	Per time.Duration
}

// Limit is the budget's refill rate; rate.Inf when N or Per is zero or less (no limit).
func (b Budget) Limit() rate.Limit {
	if b.N <= 0 || b.Per <= 0 {
		return rate.Inf
	}
	return rate.Limit(float64(b.N) / b.Per.Seconds())
}

func (b Budget) String() string {
	if b.Limit() == rate.Inf {
		return "off"
	}
	return strconv.Itoa(b.N) + "/" + shortDuration(b.Per)
}

// shortDuration writes 1m0s as 1m and 1h0m0s as 1h.
func shortDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

// DefaultBudgets are the budgets per client of each class: generous enough for the people and
// crawlers behind one NAT (an office, a campus, a mobile carrier), small enough that one client
// cannot keep a server's cores busy.
func DefaultBudgets() map[Class]Budget {
	return map[Class]Budget{
		Page:   {600, time.Minute},  // 10 pages a second, 600 at once
		Search: {300, time.Minute},  // 5 a second
		API:    {2400, time.Minute}, // 40 a second: a page asks the API several things
		Feed:   {120, time.Minute},  // 2 a second: feed readers poll, crawlers fetch a sitemap
		Image:  {600, time.Minute},  // 10 a second: a chart page links many thumbnails
		Embed:  {1200, time.Minute}, // 20 a second: one page may embed many players
		Link:   {120, time.Hour},    // a short link per 30 s, 120 at once
		Media:  {3000, time.Minute}, // 50 a second: players fetch ranges, pages covers
		SignIn: {10, time.Minute},   // a sign-in every 6 s, 10 at once
	}
}

// ParseBudgets reads "page=600/1m,link=120/1h" (or "page=off") over base; classes not named keep
// their budget from base.
func ParseBudgets(s string, base map[Class]Budget) (map[Class]Budget, error) {
	out := make(map[Class]Budget, len(base))
	for c, b := range base {
		out[c] = b
	}
	for _, part := range strings.Split(s, ",") {
		if part = strings.TrimSpace(part); part == "" {
			continue
		}
		name, value, ok := strings.Cut(part, "=")
		c := Class(strings.TrimSpace(name))
		if _, known := base[c]; !ok || !known {
			return nil, fmt.Errorf("ratelimit: %q: want class=N/duration with a class among %s", part, classNames(base))
		}
		b, err := parseBudget(strings.TrimSpace(value))
		if err != nil {
			return nil, fmt.Errorf("ratelimit: %q: %w", part, err)
		}
		out[c] = b
	}
	return out, nil
}

func parseBudget(s string) (Budget, error) {
	if s == "off" {
		return Budget{}, nil
	}
	n, per, ok := strings.Cut(s, "/")
	count, err := strconv.Atoi(n)
	if !ok || err != nil || count < 1 {
		return Budget{}, fmt.Errorf("want N/duration (600/1m) or off")
	}
	d, err := time.ParseDuration(per)
	if err != nil || d <= 0 {
		return Budget{}, fmt.Errorf("want N/duration (600/1m) or off: %q is not a duration", per)
	}
	return Budget{count, d}, nil
}

func classNames(m map[Class]Budget) string {
	var names []string
	for c := range m {
		names = append(names, string(c))
	}
	slices.Sort(names)
	return strings.Join(names, ", ")
}

// Classes are the limiters of the route classes, and the metrics of their refusals. It is a
// prometheus.Collector: bittunes_rate_limited_total{class} counts refusals and
// bittunes_rate_limit_clients{class} the buckets held (one series per class: bounded).
type Classes struct {
	limiters map[Class]*Limiter
	budgets  map[Class]Budget

	mu      sync.Mutex
	refused map[Class]uint64
}

// NewClasses makes a limiter per class of budgets, each keeping at most maxClients buckets (0:
// DefaultMaxClients). A nil budgets is DefaultBudgets(); a class budgets leaves out is not limited.
func NewClasses(budgets map[Class]Budget, maxClients int) *Classes {
	if budgets == nil {
		budgets = DefaultBudgets()
	}
	c := &Classes{limiters: map[Class]*Limiter{}, budgets: budgets, refused: map[Class]uint64{}}
	for class, b := range budgets {
		c.limiters[class] = New(b.Limit(), b.N, maxClients)
	}
	return c
}

// Unlimited are classes without any limit: for benchmarks whose few load generators stand for
// many clients.
func Unlimited() *Classes { return NewClasses(map[Class]Budget{}, 0) }

// Allow takes a token of class from client's bucket, or says how long until one is there.
// A class without a limiter is not limited.
func (c *Classes) Allow(class Class, client string, now time.Time) (bool, time.Duration) {
	l := c.limiters[class]
	if l == nil {
		return true, 0
	}
	ok, wait := l.Allow(client, now)
	if !ok {
		c.mu.Lock()
		c.refused[class]++
		c.mu.Unlock()
	}
	return ok, wait
}

// Budget is the budget of class (zero if it has none).
func (c *Classes) Budget(class Class) Budget { return c.budgets[class] }

var (
	refusedDesc = prometheus.NewDesc("bittunes_rate_limited_total",
		"Requests refused with 429 because the client's budget of the route class was spent.", []string{"class"}, nil)
	clientsDesc = prometheus.NewDesc("bittunes_rate_limit_clients",
		"Client buckets a route class's limiter holds (bounded per class).", []string{"class"}, nil)
)

// Describe implements prometheus.Collector.
func (c *Classes) Describe(ch chan<- *prometheus.Desc) { ch <- refusedDesc; ch <- clientsDesc }

// Collect implements prometheus.Collector.
func (c *Classes) Collect(ch chan<- prometheus.Metric) {
	c.mu.Lock()
	refused := make(map[Class]uint64, len(c.refused))
	for k, v := range c.refused {
		refused[k] = v
	}
	c.mu.Unlock()
	for class, l := range c.limiters {
		ch <- prometheus.MustNewConstMetric(refusedDesc, prometheus.CounterValue, float64(refused[class]), string(class))
		ch <- prometheus.MustNewConstMetric(clientsDesc, prometheus.GaugeValue, float64(l.Clients()), string(class))
	}
}
