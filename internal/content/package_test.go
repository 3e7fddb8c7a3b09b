package content_test

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"filippo.io/age"
	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/content"
	"github.com/bittunes/bittunes/internal/demo"
)

var masterKey = bytes.Repeat([]byte{0x42}, content.MasterKeySize)

func decrypt(t *testing.T, pkg []byte, id age.Identity) []byte {
	t.Helper()
	r, err := age.Decrypt(bytes.NewReader(pkg), id)
	if err != nil {
		t.Fatalf("age.Decrypt: %v", err)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("age.Decrypt: %v", err)
	}
	return out
}

// TestPackageDecryptsWithTheSealedKey: what `age -d -i <identity>` does, through filippo.io/age:
// the identity opened from its sealed form decrypts the package to the very bytes uploaded, and
// the content hash is the package's sha256.
func TestPackageDecryptsWithTheSealedKey(t *testing.T) {
	audio := demo.Tune{Seed: 5, Root: 196, BPM: 90, Seconds: 3}.WAV()
	var pkg bytes.Buffer
	p, err := content.Package(&pkg, bytes.NewReader(audio))
	if err != nil {
		t.Fatal(err)
	}
	if p.ContentHash != common.Hash(sha256.Sum256(pkg.Bytes())) || p.Size != int64(pkg.Len()) {
		t.Errorf("Package says hash %s and size %d; the package has %x and %d", p.ContentHash, p.Size, sha256.Sum256(pkg.Bytes()), pkg.Len())
	}
	if !bytes.HasPrefix(pkg.Bytes(), []byte("age-encryption.org/v1\n-> X25519 ")) {
		t.Errorf("not an age file to an X25519 recipient: %q", pkg.Bytes()[:40])
	}
	if bytes.Contains(pkg.Bytes(), audio[44:1044]) {
		t.Error("the package holds the audio in the clear")
	}
	sealed, err := content.Seal(p.Identity, masterKey, p.ContentHash)
	if err != nil {
		t.Fatal(err)
	}
	id, err := content.Open(sealed, masterKey, p.ContentHash)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(decrypt(t, pkg.Bytes(), id), audio) {
		t.Error("the decrypted package differs from the audio")
	}

	// A fresh key each time: the same audio packaged again is another package.
	var again bytes.Buffer
	q, err := content.Package(&again, bytes.NewReader(audio))
	if err != nil {
		t.Fatal(err)
	}
	if q.ContentHash == p.ContentHash || q.Identity.String() == p.Identity.String() {
		t.Error("packaging the same audio twice reused the key or the hash")
	}
	if _, err := age.Decrypt(bytes.NewReader(pkg.Bytes()), q.Identity); err == nil {
		t.Error("another track's key decrypts this package")
	}
}

// TestAgeCommandDecryptsThePackage runs the standard age tool on a package, when it is installed
// (apt-get install age).
func TestAgeCommandDecryptsThePackage(t *testing.T) {
	bin, err := exec.LookPath("age")
	if err != nil {
		t.Skip("the age command is not installed (apt-get install -y age); the same decryption is tested through filippo.io/age")
	}
	dir := t.TempDir()
	audio := buildMP3(mpeg1, 128, 200, true, id3v1).file
	m := content.Media{Dir: dir}
	if err := m.Init(); err != nil {
		t.Fatal(err)
	}
	p, err := m.StorePackage(bytes.NewReader(audio))
	if err != nil {
		t.Fatal(err)
	}
	keyFile := filepath.Join(dir, "identity.txt")
	if err := os.WriteFile(keyFile, []byte(p.Identity.String()+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-d", "-i", keyFile, m.PackagePath(p.ContentHash)).Output()
	if err != nil {
		t.Fatalf("age -d -i: %v", err)
	}
	if !bytes.Equal(out, audio) {
		t.Errorf("age -d gave %d bytes that differ from the %d uploaded", len(out), len(audio))
	}
}

// TestPackageStreams packages 128 MiB without holding it in memory: what Package allocates is a
// small fraction of the data, and the package decrypts to the same bytes.
func TestPackageStreams(t *testing.T) {
	if testing.Short() {
		t.Skip("packages 128 MiB")
	}
	const size = 128 << 20
	plain := sha256.New()
	f, err := os.Create(filepath.Join(t.TempDir(), "big.age"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	p, err := content.Package(f, io.TeeReader(io.LimitReader(pattern{}, size), plain))
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if allocated := after.TotalAlloc - before.TotalAlloc; allocated > 8<<20 {
		t.Errorf("Package allocated %d MiB for %d MiB of audio", allocated>>20, size>>20)
	}
	if p.Size < size {
		t.Errorf("package of %d bytes for %d bytes of audio", p.Size, size)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		t.Fatal(err)
	}
	pkgHash := sha256.New()
	r, err := age.Decrypt(io.TeeReader(f, pkgHash), p.Identity)
	if err != nil {
		t.Fatal(err)
	}
	decrypted := sha256.New()
	if n, err := io.Copy(decrypted, r); err != nil || n != size {
		t.Fatalf("decrypted %d bytes: %v", n, err)
	}
	if !bytes.Equal(decrypted.Sum(nil), plain.Sum(nil)) {
		t.Error("the decrypted package differs from the audio")
	}
	if got := common.Hash(pkgHash.Sum(nil)); got != p.ContentHash {
		t.Errorf("package hash %s, Package said %s", got, p.ContentHash)
	}
}

// pattern is an endless, non-repeating-looking stream of bytes.
type pattern struct{}

func (pattern) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(i*31 + i>>9)
	}
	return len(p), nil
}

func TestSealedKeyNeedsTheMasterKeyAndItsContentHash(t *testing.T) {
	id, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	h := common.HexToHash("0x1111111111111111111111111111111111111111111111111111111111111111")
	sealed, err := content.Seal(id, masterKey, h)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(sealed, "AGE-SECRET-KEY") || strings.Contains(strings.ToUpper(sealed), strings.ToUpper(id.String()[16:40])) {
		t.Errorf("the sealed key shows the identity: %s", sealed)
	}
	if again, _ := content.Seal(id, masterKey, h); again == sealed {
		t.Error("sealing twice gave the same text: the nonce is not random")
	}
	otherKey := bytes.Repeat([]byte{0x43}, content.MasterKeySize)
	flipped := []byte(sealed)
	flipped[len(flipped)/2] ^= 1
	for _, c := range []struct {
		name   string
		sealed string
		key    []byte
		hash   common.Hash
	}{
		{"another master key", sealed, otherKey, h},
		{"another content hash (a swapped row)", sealed, masterKey, common.HexToHash("0x22")},
		{"a changed byte", string(flipped), masterKey, h},
		{"cut short", sealed[:20], masterKey, h},
		{"not base64", "AGE-SECRET-KEY-1" + sealed, masterKey, h},
		{"empty", "", masterKey, h},
	} {
		if got, err := content.Open(c.sealed, c.key, c.hash); !errors.Is(err, content.ErrSealed) || got != nil {
			t.Errorf("%s: Open = %v, %v; want ErrSealed", c.name, got, err)
		}
	}
	if _, err := content.Open(sealed, masterKey[:16], h); err == nil || errors.Is(err, content.ErrSealed) {
		t.Errorf("a 16-byte master key: %v, want a key length error", err)
	}
	got, err := content.Open(sealed, masterKey, h)
	if err != nil || got.String() != id.String() {
		t.Errorf("Open with the right key and hash = %v", err)
	}
}

func TestMasterKeyFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "master.key")
	k1, err := content.LoadOrCreateMasterKey(path)
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("key file mode %v, want 0600", fi.Mode().Perm())
	}
	k2, err := content.LoadOrCreateMasterKey(path)
	if err != nil || !bytes.Equal(k1, k2) || len(k1) != content.MasterKeySize {
		t.Errorf("the key read back differs: %v", err)
	}
	if leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".tmp-*")); len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
	if err := os.WriteFile(path, []byte("short\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := content.LoadOrCreateMasterKey(path); err == nil {
		t.Error("a damaged key file was accepted")
	}
	for _, c := range []struct {
		in string
		ok bool
	}{
		{strings.Repeat("ab", 32), true},
		{"0x" + strings.Repeat("AB", 32) + "\n", true},
		{strings.Repeat("ab", 31), false},
		{strings.Repeat("zz", 32), false},
		{"", false},
	} {
		if _, err := content.ParseMasterKey(c.in); (err == nil) != c.ok {
			t.Errorf("ParseMasterKey(%q): %v", c.in, err)
		}
	}
}
