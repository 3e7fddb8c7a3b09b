package config

import (
	"testing"
	"time"

	"github.com/bittunes/bittunes/internal/ratelimit"
)

func TestRateLimitsFlagChangesTheClassesItNames(t *testing.T) {
	c := Default()
	fs := c.FlagSet("serve", Common)
	env := map[string]string{"BITTUNES_RATE_LIMITS": "feed=1/1s"}
	if err := Parse(fs, []string{"--rate-limits", "page=5/1s,link=off"}, func(k string) string { return env[k] }); err != nil {
		t.Fatal(err)
	}
	want := ratelimit.DefaultBudgets()
	want[ratelimit.Page], want[ratelimit.Link] = ratelimit.Budget{N: 5, Per: time.Second}, ratelimit.Budget{}
	for class, b := range want {
		if c.RateLimits[class] != b {
			t.Errorf("%s: %v, want %v (the flag wins over the variable)", class, c.RateLimits[class], b)
		}
	}
	c = Default()
	if err := Parse(c.FlagSet("serve", Common), []string{"--rate-limits", "pages=5/1s"}, func(string) string { return "" }); err == nil {
		t.Error("an unknown class was accepted")
	}
}
