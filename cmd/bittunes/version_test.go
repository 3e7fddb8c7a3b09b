package main

import (
	"bytes"
	"context"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
)

func TestVersionLine(t *testing.T) {
	vcs := func(kv ...string) []debug.BuildSetting {
		var s []debug.BuildSetting
		for i := 0; i < len(kv); i += 2 {
			s = append(s, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return s
	}
	for _, c := range []struct {
		info *debug.BuildInfo
		want string
	}{
		{&debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.2.0"}}, "bittunes v1.2.0 go1.26.8"},
		{&debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"},
			Settings: vcs("-trimpath", "false", "vcs", "git", "vcs.revision", "4654abe0c3d2", "vcs.time", "2026-12-03T02:10:00Z", "vcs.modified", "true")},
			"bittunes (devel) (revision 4654abe0c3d2, 2026-12-03T02:10:00Z, modified) go1.26.8"},
		{&debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.3.0-0.20261203021000-4654abe0c3d2"},
			Settings: vcs("vcs.revision", "4654abe0c3d2", "vcs.modified", "false")},
			"bittunes v1.3.0-0.20261203021000-4654abe0c3d2 (revision 4654abe0c3d2) go1.26.8"},
		{nil, "bittunes (no build information)"},
	} {
		if got := versionLine(c.info); got != c.want {
			t.Errorf("versionLine = %q, want %q", got, c.want)
		}
	}
}

// TestVersionCommandReadsTheBuild: `bittunes version` prints this binary's build information.
func TestVersionCommandReadsTheBuild(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"version"}, func(string) string { return "" }, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	info, _ := debug.ReadBuildInfo()
	got := strings.TrimSpace(stdout.String())
	if got != versionLine(info) || !strings.HasPrefix(got, "bittunes ") || !strings.HasSuffix(got, runtime.Version()) {
		t.Errorf("bittunes version printed %q", got)
	}
}
