package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func TestUsageAndErrors(t *testing.T) {
	for _, c := range []struct {
		args       []string
		code       int
		out, inErr string
	}{
		{nil, 2, "Commands:", ""},
		{[]string{"--help"}, 0, "dev ", ""},
		{[]string{"nope"}, 2, "", `unknown command "nope"`},
		{[]string{"dev", "--help"}, 2, "", "BITTUNES_DATA_DIR"},
		{[]string{"index"}, 1, "", "missing --rpc (BITTUNES_RPC), --market (BITTUNES_MARKET), --deploy-block"},
		{[]string{"serve", "--market", "0x12"}, 2, "", "not an address"},
		{[]string{"bench"}, 2, "", "Usage: bittunes bench index"},
		{[]string{"bench", "nope"}, 2, "", `unknown benchmark group "nope"`},
		{[]string{"bench", "index", "--help"}, 2, "", "BITTUNES_BENCH_DATABASE_PG"},
		{[]string{"bench", "index", "--only", "fast"}, 1, "", `unknown benchmark "fast"`},
	} {
		var stdout, stderr bytes.Buffer
		code := run(context.Background(), c.args, func(string) string { return "" }, &stdout, &stderr)
		if code != c.code || !strings.Contains(stdout.String(), c.out) || !strings.Contains(stderr.String(), c.inErr) {
			t.Errorf("%v: exit %d (want %d)\nstdout: %s\nstderr: %s", c.args, code, c.code, stdout.String(), stderr.String())
		}
	}
}
