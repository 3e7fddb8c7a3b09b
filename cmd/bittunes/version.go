package main

import (
	"context"
	"fmt"
	"io"
	"runtime/debug"
	"strings"
)

// runVersion prints the binary's version from its build information.
func runVersion(_ context.Context, _ []string, _ func(string) string, stdout, _ io.Writer) error {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		info = nil
	}
	fmt.Fprintln(stdout, versionLine(info))
	return nil
}

// versionLine says which build this is: the module version ("v1.2.0" when built by `go install
// …@v1.2.0`, "(devel)" from a checkout), the VCS revision, its commit time and whether the tree had
// uncommitted changes (go build stamps them from git), and the Go version.
func versionLine(info *debug.BuildInfo) string {
	if info == nil {
		return "bittunes (no build information)"
	}
	version := info.Main.Version
	if version == "" {
		version = "(unknown)"
	}
	settings := map[string]string{}
	for _, s := range info.Settings {
		settings[s.Key] = s.Value
	}
	var vcs []string
	if rev := settings["vcs.revision"]; rev != "" {
		vcs = append(vcs, "revision "+rev)
	}
	if t := settings["vcs.time"]; t != "" {
		vcs = append(vcs, t)
	}
	if settings["vcs.modified"] == "true" {
		vcs = append(vcs, "modified")
	}
	line := "bittunes " + version
	if len(vcs) > 0 {
		line += " (" + strings.Join(vcs, ", ") + ")"
	}
	return line + " " + info.GoVersion
}
