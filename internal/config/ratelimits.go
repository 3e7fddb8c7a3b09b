package config

import (
	"flag"

	"github.com/bittunes/bittunes/internal/ratelimit"
)

// rateLimitFlag registers --rate-limits, which changes the budgets of the classes it names.
func (c *Config) rateLimitFlag(fs *flag.FlagSet) {
	if c.RateLimits == nil {
		c.RateLimits = ratelimit.DefaultBudgets()
	}
	fs.Func("rate-limits", "serve, dev: budgets per client address of public route classes, as class=N/duration or class=off, comma-separated "+
		"(e.g. page=1200/1m,link=off; classes: api, embed, feed, image, link, media, page, search; defaults in the README)", func(s string) error {
		b, err := ratelimit.ParseBudgets(s, c.RateLimits)
		if err != nil {
			return err
		}
		c.RateLimits = b
		return nil
	})
}
