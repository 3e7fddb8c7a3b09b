package main

import (
	"bufio"
	"crypto/ecdsa"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"golang.org/x/sys/unix"

	"github.com/bittunes/bittunes/internal/config"
	"github.com/bittunes/bittunes/internal/swarm"
)

// fanFlags are the flags `get` and `seed` share: where the market is, the fan's library and key,
// and the BitTorrent peer.
type fanFlags struct {
	API      string
	Library  string
	Keystore string
	Listen   string
	DHT      bool
}

func (f *fanFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.API, "api", "http://127.0.0.1:8080", "the market's origin")
	fs.StringVar(&f.Library, "library", defaultLibrary(), "the fan's library: packages, their .torrent files and piece records")
	fs.StringVar(&f.Keystore, "keystore", "", "an encrypted keystore file (go-ethereum / MetaMask export) holding the fan's key; its password comes from BITTUNES_KEYSTORE_PASSWORD or a prompt (or give the key as BITTUNES_PRIVATE_KEY)")
	fs.StringVar(&f.Listen, "listen", "0.0.0.0:0", "where the BitTorrent peer accepts connections (port 0: any free port)")
	fs.BoolVar(&f.DHT, "dht", false, "also find peers through the public DHT (the market's tracker is always used)")
}

// defaultLibrary is $XDG_DATA_HOME/bittunes/library, else ~/.local/share/bittunes/library.
func defaultLibrary() string {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "bittunes", "library")
	}
	if home, err := os.UserHomeDir(); err == nil {
		return filepath.Join(home, ".local", "share", "bittunes", "library")
	}
	return "bittunes-library"
}

// parseFan parses a fan command's flags and arguments (flags and BITTUNES_* variables).
func parseFan(name, usage string, f *fanFlags, extra func(*flag.FlagSet), args []string, env func(string) string, stderr io.Writer) (*flag.FlagSet, error) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	f.register(fs)
	if extra != nil {
		extra(fs)
	}
	fs.Usage = func() {
		fmt.Fprintf(stderr, "%s\n\nFlags (each also read from an environment variable, e.g. BITTUNES_API):\n", usage)
		fs.PrintDefaults()
	}
	// Flags may come after the argument: bittunes get 7 --out music.
	var positional []string
	for len(args) > 0 {
		if err := config.Parse(fs, args, env); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, errUsage
			}
			if fs.Parsed() {
				fmt.Fprintln(stderr, err)
			}
			return nil, errUsage
		}
		if fs.NArg() == 0 {
			break
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(args) == 0 && !fs.Parsed() {
		if err := config.Parse(fs, nil, env); err != nil {
			return nil, errUsage
		}
	}
	f.API = strings.TrimSuffix(f.API, "/")
	return withArgs(fs, positional), nil
}

// withArgs re-parses fs so that fs.Args() are the positional arguments collected.
func withArgs(fs *flag.FlagSet, positional []string) *flag.FlagSet {
	rest := append([]string{"--"}, positional...)
	_ = fs.Parse(rest)
	return fs
}

func (f *fanFlags) swarmConfig() swarm.Config {
	return swarm.Config{ListenAddr: f.Listen, DHT: f.DHT}
}

// fanKey is the fan's private key: BITTUNES_PRIVATE_KEY, or the --keystore file opened with
// BITTUNES_KEYSTORE_PASSWORD or a password typed at a prompt. Never a flag: a key on the command
// line ends up in the shell history and the process list.
func (f *fanFlags) fanKey(env func(string) string, stderr io.Writer) (*ecdsa.PrivateKey, error) {
	if hex := strings.TrimSpace(env("BITTUNES_PRIVATE_KEY")); hex != "" {
		k, err := crypto.HexToECDSA(strings.TrimPrefix(hex, "0x"))
		if err != nil {
			return nil, errors.New("BITTUNES_PRIVATE_KEY is not a private key (64 hex digits)")
		}
		return k, nil
	}
	if f.Keystore == "" {
		return nil, errors.New("no key: set BITTUNES_PRIVATE_KEY, or give --keystore <file> (password from BITTUNES_KEYSTORE_PASSWORD or a prompt)")
	}
	blob, err := os.ReadFile(f.Keystore)
	if err != nil {
		return nil, fmt.Errorf("keystore: %w", err)
	}
	password, ok := os.LookupEnv("BITTUNES_KEYSTORE_PASSWORD")
	if env("BITTUNES_KEYSTORE_PASSWORD") != "" {
		password, ok = env("BITTUNES_KEYSTORE_PASSWORD"), true
	}
	if !ok {
		if password, err = promptPassword(stderr, "Password for "+filepath.Base(f.Keystore)+": "); err != nil {
			return nil, err
		}
	}
	k, err := keystore.DecryptKey(blob, password)
	if err != nil {
		return nil, fmt.Errorf("keystore %s: %w", f.Keystore, err)
	}
	return k.PrivateKey, nil
}

// promptPassword reads a line from the terminal without echoing it.
func promptPassword(stderr io.Writer, prompt string) (string, error) {
	fmt.Fprint(stderr, prompt)
	fd := int(os.Stdin.Fd())
	if old, err := unix.IoctlGetTermios(fd, unix.TCGETS); err == nil {
		quiet := *old
		quiet.Lflag &^= unix.ECHO
		if err := unix.IoctlSetTermios(fd, unix.TCSETS, &quiet); err == nil {
			defer unix.IoctlSetTermios(fd, unix.TCSETS, old)
		}
	}
	line, err := bufio.NewReader(os.Stdin).ReadString('\n')
	fmt.Fprintln(stderr)
	if err != nil && line == "" {
		return "", fmt.Errorf("password: %w", err)
	}
	return strings.TrimRight(line, "\r\n"), nil
}

// progress shows a transfer's progress on w: a bar redrawn in place on a terminal, and otherwise
// (a log file, a pipe) a plain line each time another tenth is done.
type progress struct {
	w     io.Writer
	label string
	tty   bool
	shown int // tenths last printed, when not a terminal
}

func newProgress(w io.Writer, label string) *progress {
	return &progress{w: w, label: label, tty: isTerminal(w), shown: -1}
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	_, err := unix.IoctlGetTermios(int(f.Fd()), unix.TCGETS)
	return err == nil
}

// show draws p; done ends the line.
func (pr *progress) show(p swarm.Progress, done bool) {
	frac := 0.0
	if p.Size > 0 {
		frac = float64(p.Done) / float64(p.Size)
	}
	source := fmt.Sprintf("%d peers", p.Peers)
	if p.UsingWebSeed {
		source += " + web seed"
	}
	line := fmt.Sprintf("%3.0f%% %s / %s, %s, ↑ %s", 100*frac, mb(p.Done), mb(p.Size), source, mb(p.Uploaded))
	if !pr.tty {
		if tenths := int(frac * 10); tenths != pr.shown || done {
			pr.shown = tenths
			fmt.Fprintf(pr.w, "%s %s\n", pr.label, line)
		}
		return
	}
	const width = 30
	n := int(frac * width)
	bar := strings.Repeat("=", n) + strings.Repeat(" ", width-n)
	fmt.Fprintf(pr.w, "\r%s [%s] %s   ", pr.label, bar, line)
	if done {
		fmt.Fprintln(pr.w)
	}
}

func mb(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/1e6) }

func addressOf(k *ecdsa.PrivateKey) common.Address { return crypto.PubkeyToAddress(k.PublicKey) }
