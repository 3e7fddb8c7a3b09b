package config

import (
	"flag"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Uploads bounds what uploads may hold of the media folder before their on-chain registration
// (serve, dev).
type Uploads struct {
	// Grace is how long an upload may wait for its registration before the sweep forgets it.
	Grace time.Duration
	// PendingPerClient and PendingTotal cap the bytes of uploads waiting for their registration:
	// from one client address (an IPv6 client's /64), and from everyone.
	PendingPerClient, PendingTotal int64
	// MinFree is the free space the media folder's file system must keep: an upload that would
	// leave less is refused.
	MinFree int64
}

// DefaultUploads are the bounds when no flag says otherwise.
func DefaultUploads() Uploads {
	return Uploads{Grace: 24 * time.Hour, PendingPerClient: 2 << 30, PendingTotal: 50 << 30, MinFree: 2 << 30}
}

// uploadFlags registers the Uploads flags.
func (c *Config) uploadFlags(fs *flag.FlagSet) {
	if c.Uploads == (Uploads{}) {
		c.Uploads = DefaultUploads()
	}
	fs.DurationVar(&c.Uploads.Grace, "upload-grace", c.Uploads.Grace, "serve, dev: how long an upload may wait for its on-chain registration before its files are deleted (its sealed key is kept)")
	fs.Func("upload-pending-per-client", "serve, dev: most bytes of unregistered uploads from one client address (e.g. 2G; default 2G)", byteSize(&c.Uploads.PendingPerClient))
	fs.Func("upload-pending-total", "serve, dev: most bytes of unregistered uploads from everyone (e.g. 50G; default 50G)", byteSize(&c.Uploads.PendingTotal))
	fs.Func("media-min-free", "serve, dev: free space the media folder's file system keeps: uploads that would leave less are refused (e.g. 2G; default 2G)", byteSize(&c.Uploads.MinFree))
}

// byteSize parses a number of bytes with an optional K, M, G or T suffix (powers of 1024).
func byteSize(into *int64) func(string) error {
	return func(s string) error {
		n, err := ParseByteSize(s)
		if err != nil {
			return err
		}
		*into = n
		return nil
	}
}

// ParseByteSize reads "512", "64K", "200M", "2G" or "1T" (powers of 1024; a trailing "B" or "iB"
// is allowed: "2GiB").
func ParseByteSize(s string) (int64, error) {
	t := strings.TrimSuffix(strings.TrimSuffix(strings.ToUpper(strings.TrimSpace(s)), "B"), "I")
	shift := 0
	if t != "" {
		if i := strings.IndexByte("KMGT", t[len(t)-1]); i >= 0 {
			shift, t = 10*(i+1), t[:len(t)-1]
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n < 0 || n > (1<<62)>>shift {
		return 0, fmt.Errorf("config: %q is not a size in bytes (such as 512M or 2G)", s)
	}
	return n << shift, nil
}
