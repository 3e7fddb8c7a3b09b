package api_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"image"
	"image/png"
	"io"
	"math/big"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"filippo.io/age"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"golang.org/x/time/rate"

	"github.com/bittunes/bittunes/internal/api"
	"github.com/bittunes/bittunes/internal/bindings"
	"github.com/bittunes/bittunes/internal/content"
	"github.com/bittunes/bittunes/internal/demo"
	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/wei"
)

var uploadMasterKey = bytes.Repeat([]byte{7}, content.MasterKeySize)

// uploadDeps turns uploads on, into a media folder of the test's own, with small limits.
func uploadDeps(media string) func(*api.Deps) {
	return func(d *api.Deps) {
		d.MediaDir, d.MasterKey = media, uploadMasterKey
		d.UploadLimits = api.UploadLimits{Audio: 4 << 20, Cover: 64 << 10, Preview: 1 << 20}
		d.UploadRate, d.MaxPendingUploads = rate.Inf, 1_000
		d.MediaFreeSpace = func(string) (int64, error) { return 1 << 40, nil } // whatever the test machine's disk
	}
}

// formPart is one part of a multipart upload: a file when filename is set.
type formPart struct {
	name, filename string
	body           []byte
}

func field(name, value string) formPart { return formPart{name: name, body: []byte(value)} }

func file(name, filename string, body []byte) formPart { return formPart{name, filename, body} }

func multipartBody(parts ...formPart) (*bytes.Buffer, string) {
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	for _, p := range parts {
		var pw io.Writer
		var err error
		if p.filename != "" {
			pw, err = w.CreateFormFile(p.name, p.filename)
		} else {
			pw, err = w.CreateFormField(p.name)
		}
		if err != nil {
			panic(err)
		}
		pw.Write(p.body)
	}
	w.Close()
	return &b, w.FormDataContentType()
}

func postUpload(h http.Handler, cookie *http.Cookie, parts ...formPart) *httptest.ResponseRecorder {
	body, ct := multipartBody(parts...)
	req := httptest.NewRequest(http.MethodPost, "/api/v1/uploads", body)
	req.Header.Set("Content-Type", ct)
	if cookie != nil {
		req.AddCookie(cookie)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// uploadFields are valid text fields of an upload, with overrides.
func uploadFields(override map[string]string) []formPart {
	fields := map[string]string{"title": "Tide Pool", "genre": "Electronic", "subgenre": "Ambient",
		"description": "Recorded at low tide.\nTwice.", "price": "2000000000000000", "referralBps": "2500",
		"collaborators": `[{"address": "` + kites.Hex() + `", "bps": 3000}]`}
	for k, v := range override {
		fields[k] = v
	}
	var parts []formPart
	for _, k := range []string{"title", "artistName", "genre", "subgenre", "description", "price", "referralBps", "collaborators"} {
		if v, ok := fields[k]; ok && v != "<absent>" {
			parts = append(parts, field(k, v))
		}
	}
	return parts
}

type uploadResponse struct {
	ContentHash string
	MetadataURI string
	Package     struct{ Size int64 }
	Audio       struct {
		Format, SHA256 string
		DurationMS     int64
	}
	Preview       bool
	PreviewSource string
	Cover         bool
	Notes         []string
	Register      struct {
		ChainID         uint64
		To, Data, Value string
	}
}

// registerCall is the decoded calldata of register(…).
type registerCall struct {
	price, referralBps *big.Int
	contentHash        common.Hash
	metadataURI        string
	collaborators      []bindings.BittunesMarketCollaborator
}

func decodeRegister(t *testing.T, data string) registerCall {
	t.Helper()
	raw, err := hex.DecodeString(strings.TrimPrefix(data, "0x"))
	if err != nil || len(raw) < 4 {
		t.Fatalf("calldata %q: %v", data, err)
	}
	contract := bindings.NewMarket().GetABI()
	method, err := contract.MethodById(raw[:4])
	if err != nil || method.Name != "register" {
		t.Fatalf("calldata selector %x is not register: %v", raw[:4], err)
	}
	args, err := method.Inputs.Unpack(raw[4:])
	if err != nil {
		t.Fatalf("calldata arguments: %v", err)
	}
	return registerCall{price: args[0].(*big.Int), referralBps: args[1].(*big.Int), contentHash: args[2].([32]byte),
		metadataURI: args[3].(string), collaborators: *abi.ConvertType(args[4], new([]bindings.BittunesMarketCollaborator)).(*[]bindings.BittunesMarketCollaborator)}
}

func uploadOK(t *testing.T, rec *httptest.ResponseRecorder) uploadResponse {
	t.Helper()
	if rec.Code != http.StatusCreated {
		t.Fatalf("upload: %d %s", rec.Code, rec.Body)
	}
	var r uploadResponse
	if err := json.Unmarshal(rec.Body.Bytes(), &r); err != nil {
		t.Fatal(err)
	}
	return r
}

// mp3Frames builds an MP3 of n MPEG-1 layer III frames (128 kbit/s, 44.1 kHz): headers and zero
// payloads of the right length, which is all that measuring and cutting look at.
func mp3Frames(n int) []byte {
	var b bytes.Buffer
	b.Write([]byte{'I', 'D', '3', 3, 0, 0, 0, 0, 0, 20})
	b.Write(make([]byte, 20))
	for i := range n {
		f := make([]byte, 417, 418)
		copy(f, []byte{0xFF, 0xFB, 0x90, 0x00})
		if i%3 == 0 {
			f[2] |= 2 // padded
			f = append(f, 0)
		}
		b.Write(f)
	}
	return b.Bytes()
}

func pngCover(w, h int) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// TestUploadPackagesTheTrackAndAnswersItsRegistration: a WAV upload becomes a package whose
// sha256 is the content hash, a sealed key that opens only with the master key and decrypts the
// package to the uploaded bytes, a 30-second preview, a cover and the metadata; the answer is the
// register call for the artist's wallet, and once the indexer sees that registration the track is
// in the market.
func TestUploadPackagesTheTrackAndAnswersItsRegistration(t *testing.T) {
	wav := demo.Tune{Seed: 11, Root: 220, BPM: 110, Seconds: 61, Bright: 0.5}.WAV()
	cover := pngCover(64, 64)
	forEachDB(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		dir := t.TempDir()
		h := signInHandler(s, devOrigin, uploadDeps(dir))
		cookie := signedInAs(t, s, mira)
		parts := append(uploadFields(map[string]string{"artistName": "Mira Vale"}), file("audio", "tide.wav", wav), file("cover", "c.png", cover))
		r := uploadOK(t, postUpload(h, cookie, parts...))

		// The package: its sha256 is the content hash.
		hash := common.HexToHash(r.ContentHash)
		media := content.Media{Dir: dir}
		pkg, err := os.ReadFile(media.PackagePath(hash))
		if err != nil {
			t.Fatal(err)
		}
		if common.Hash(sha256.Sum256(pkg)) != hash || int64(len(pkg)) != r.Package.Size || r.ContentHash != strings.ToLower(r.ContentHash) {
			t.Errorf("content hash %s, package size %d; the package file has sha256 %x and %d bytes", r.ContentHash, r.Package.Size, sha256.Sum256(pkg), len(pkg))
		}
		// Checked at once, so that the track has its torrent and magnet links as soon as it is
		// registered, with or without a seeder.
		if pt, err := s.PackageTorrent(ctx, hash); err != nil || pt.Status != store.PackageVerified {
			t.Errorf("the package's check after the upload: %+v, %v", pt, err)
		}
		if want := fmt.Sprintf("0x%x", sha256.Sum256(wav)); r.Audio.SHA256 != want || r.Audio.Format != "wav" || r.Audio.DurationMS != 61_000 {
			t.Errorf("audio %+v, want wav of 61 000 ms with sha256 %s", r.Audio, want)
		}

		// The calldata registers exactly what was submitted.
		if r.Register.ChainID != chainID || r.Register.To != marketAddr.Hex() || r.Register.Value != "0" {
			t.Errorf("register %+v, want chain %d, to %s, value 0", r.Register, chainID, marketAddr.Hex())
		}
		call := decodeRegister(t, r.Register.Data)
		wantURI := devOrigin + "/api/v1/metadata/" + r.ContentHash
		if call.price.String() != "2000000000000000" || call.referralBps.Int64() != 2500 || call.contentHash != hash ||
			call.metadataURI != wantURI || r.MetadataURI != wantURI ||
			len(call.collaborators) != 1 || call.collaborators[0] != (bindings.BittunesMarketCollaborator{Account: kites, Bps: 3000}) {
			t.Errorf("register(%s, %s, %s, %q, %+v), want the submitted fields", call.price, call.referralBps, call.contentHash, call.metadataURI, call.collaborators)
		}

		// The key: sealed in the database, useless without the master key, and it decrypts the package.
		k, err := s.TrackKey(ctx, hash)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(k.Sealed, "AGE-SECRET-KEY") {
			t.Errorf("the database holds the plain key: %s", k.Sealed)
		}
		if _, err := content.Open(k.Sealed, bytes.Repeat([]byte{8}, content.MasterKeySize), hash); !errors.Is(err, content.ErrSealed) {
			t.Errorf("opening the key with another master key: %v, want ErrSealed", err)
		}
		id, err := content.Open(k.Sealed, uploadMasterKey, hash)
		if err != nil {
			t.Fatal(err)
		}
		plain, err := age.Decrypt(bytes.NewReader(pkg), id)
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := io.ReadAll(plain); !bytes.Equal(got, wav) {
			t.Error("the package does not decrypt to the uploaded audio")
		}

		// The preview and the cover.
		if !r.Preview || r.PreviewSource != "cut" || !r.Cover {
			t.Errorf("preview %v (%s), cover %v; want a cut preview and a cover", r.Preview, r.PreviewSource, r.Cover)
		}
		clip, err := os.ReadFile(media.PreviewPath(hash, content.WAV))
		if err != nil {
			t.Fatal(err)
		}
		if a, err := content.Probe(bytes.NewReader(clip), int64(len(clip))); err != nil || a.Duration != 30*time.Second {
			t.Errorf("preview probes as %+v, %v; want 30 s of WAV", a, err)
		}
		if got, err := os.ReadFile(media.CoverPath(hash, content.PNG)); err != nil || !bytes.Equal(got, cover) {
			t.Errorf("cover file: %v", err)
		}
		if left, _ := os.ReadDir(filepath.Join(dir, "tmp")); len(left) != 0 {
			t.Errorf("temporary files left: %v", left)
		}

		// The metadata, served at the metadata URI.
		m, err := s.TrackMetadata(ctx, hash)
		if err != nil {
			t.Fatal(err)
		}
		want := store.TrackMetadata{ContentHash: hash, Title: "Tide Pool", ArtistName: "Mira Vale", Genre: "Electronic", Subgenre: "Ambient",
			Description: "Recorded at low tide.\nTwice.", DurationMS: 61_000, Uploader: mira, CreatedAt: m.CreatedAt,
			AudioSHA256: sha256.Sum256(wav)}
		if m != want {
			t.Errorf("metadata %+v, want %+v", m, want)
		}
		if rec := get(t, h, "/api/v1/metadata/"+r.ContentHash); rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `"title":"Tide Pool"`) {
			t.Errorf("metadata URI: %d %s", rec.Code, rec.Body)
		}

		// Registered on-chain with that content hash, the track is in the market.
		cur, err := s.Cursor(ctx, chainID, marketAddr)
		if err != nil {
			t.Fatal(err)
		}
		next := cur.BlockNumber + 1
		pos := market.Position{BlockNumber: next, BlockHash: hash, BlockTime: time.Now().UTC().Truncate(time.Second), TxHash: hash, LogIndex: 0}
		price, _ := wei.New(call.price)
		const trackID = 100 // past the fixture's tracks
		ev := market.TrackRegistered{Position: pos, TrackID: trackID, Artist: mira, Price: price, ReferralBps: uint16(call.referralBps.Int64()),
			ContentHash: call.contentHash, MetadataURI: call.metadataURI, Collaborators: []market.Collaborator{{Account: kites, Bps: 3000}}}
		err = s.Apply(ctx, store.Batch{From: next, Events: []market.Event{ev},
			Cursor: store.Cursor{ChainID: chainID, Contract: marketAddr, BlockNumber: next, BlockHash: hash}})
		if err != nil {
			t.Fatal(err)
		}
		if rec := get(t, h, fmt.Sprint("/api/v1/tracks/", trackID)); rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `"title":"Tide Pool"`) {
			t.Errorf("the registered upload is not in the market: %d %s", rec.Code, rec.Body)
		}
	})
}

// TestUploadFormats: MP3 is measured and cut at frame boundaries; FLAC gets no preview unless the
// artist uploads one; the highest price the contract takes is accepted; the artist name defaults
// to the short address.
func TestUploadFormats(t *testing.T) {
	mp3 := mp3Frames(61 * 44100 / 1152) // 61 s: a 30 s preview
	// A FLAC header: STREAMINFO of 44.1 kHz, stereo, 16-bit, 60 s; then an MD5 and some bytes.
	flac := append([]byte("fLaC\x80\x00\x00\x22\x10\x00\x10\x00\x00\x00\x00\x00\x00\x00"), 0x0A, 0xC4, 0x42, 0xF0, 0x00, 0x28, 0x5F, 0xF0)
	flac = append(flac, make([]byte, 16+64)...)
	forEachDB(t, func(t *testing.T, s *store.Store) {
		dir := t.TempDir()
		h := signInHandler(s, devOrigin, uploadDeps(dir))
		cookie := signedInAs(t, s, kites)
		media := content.Media{Dir: dir}

		r := uploadOK(t, postUpload(h, cookie, append(uploadFields(map[string]string{"price": "4722366482869645213695", "collaborators": "<absent>", "subgenre": ""}),
			file("audio", "song.mp3", mp3))...))
		frames30 := 30 * 44100 / 1152
		if r.Audio.Format != "mp3" || r.Audio.DurationMS != int64(61*44100/1152*1152*1000/44100) || !r.Preview || r.PreviewSource != "cut" {
			t.Errorf("MP3 upload: %+v", r)
		}
		clip, err := os.ReadFile(media.PreviewPath(common.HexToHash(r.ContentHash), content.MP3))
		if err != nil {
			t.Fatal(err)
		}
		if want := mp3[30 : 30+frames30/3*(417*3+1)+frames30%3*417+min(frames30%3, 1)]; !bytes.Equal(clip, want) {
			t.Errorf("MP3 preview of %d bytes, want the %d bytes of the first %d frames", len(clip), len(want), frames30)
		}
		call := decodeRegister(t, r.Register.Data)
		if call.price.String() != "4722366482869645213695" || len(call.collaborators) != 0 {
			t.Errorf("register(%s, …, %v)", call.price, call.collaborators)
		}
		m, err := s.TrackMetadata(context.Background(), common.HexToHash(r.ContentHash))
		if err != nil || m.ArtistName != kites.Hex()[:6]+"…"+kites.Hex()[38:] || m.Subgenre != "" || m.Uploader != kites {
			t.Errorf("metadata %+v, %v: want the short address as artist name", m, err)
		}

		solo := map[string]string{"collaborators": "<absent>"}
		r = uploadOK(t, postUpload(h, cookie, append(uploadFields(solo), file("audio", "song.flac", flac))...))
		if r.Audio.Format != "flac" || r.Audio.DurationMS != 60_000 || r.Preview || r.PreviewSource != "none" || !strings.Contains(strings.Join(r.Notes, " "), "No preview") {
			t.Errorf("FLAC upload without a clip: %+v", r)
		}
		flac2 := append(append([]byte{}, flac...), 1) // other audio: the same audio twice by one artist is refused
		r = uploadOK(t, postUpload(h, cookie, append(uploadFields(solo), file("audio", "song.flac", flac2), file("preview", "clip.mp3", mp3))...))
		if !r.Preview || r.PreviewSource != "uploaded" {
			t.Errorf("FLAC upload with an MP3 clip: %+v", r)
		}
		if _, err := os.Stat(media.PreviewPath(common.HexToHash(r.ContentHash), content.MP3)); err != nil {
			t.Errorf("the uploaded clip: %v", err)
		}
	})
}

// TestUploadRefusals: what is wrong with an upload is said clearly, with the right status, and
// leaves nothing behind.
func TestUploadRefusals(t *testing.T) {
	wav := demo.Tune{Seed: 1, Root: 220, BPM: 120, Seconds: 1}.WAV()
	audio := file("audio", "a.wav", wav)
	with := func(override map[string]string, files ...formPart) []formPart {
		if len(files) == 0 {
			files = []formPart{audio}
		}
		return append(uploadFields(override), files...)
	}
	collab := func(entries ...string) map[string]string {
		return map[string]string{"collaborators": "[" + strings.Join(entries, ",") + "]"}
	}
	entry := func(a common.Address, bps int) string {
		return fmt.Sprintf(`{"address": %q, "bps": %d}`, a.Hex(), bps)
	}
	var eight []string
	for i := range 8 {
		eight = append(eight, entry(addr(fmt.Sprint("c", i)), 100))
	}
	cases := []struct {
		name   string
		parts  []formPart
		status int
		says   string
	}{
		{"a text file named .mp3", with(nil, file("audio", "song.mp3", []byte("la la la, this is a text file\n"))), 400, "the audio: not an MP3, FLAC, Ogg"},
		{"an empty audio file", with(nil, file("audio", "song.mp3", nil)), 400, "the audio: the file is empty"},
		{"no audio", uploadFields(nil), 400, "the audio file is missing"},
		{"a GIF cover", with(nil, audio, file("cover", "c.gif", []byte("GIF89a\x01\x00\x01\x00\x00\x00\x00;"))), 400, "the cover: not a PNG, JPEG or WebP image"},
		{"a text preview", with(nil, audio, file("preview", "p.mp3", []byte("hello"))), 400, "the preview: not an MP3"},
		{"no title", with(map[string]string{"title": "<absent>"}), 400, "the title must not be empty"},
		{"a title of spaces", with(map[string]string{"title": "   "}), 400, "the title must not be empty"},
		{"a long title", with(map[string]string{"title": strings.Repeat("a", 201)}), 400, "longer than 200"},
		{"no genre", with(map[string]string{"genre": ""}), 400, "the genre must not be empty"},
		{"a genre of punctuation", with(map[string]string{"genre": "!!!"}), 400, "must contain a letter or a digit"},
		{"a control character", with(map[string]string{"artistName": "Mira\x00Vale"}), 400, "control character"},
		{"no price", with(map[string]string{"price": "<absent>"}), 400, "the price is missing"},
		{"a negative price", with(map[string]string{"price": "-1"}), 400, "the price must be a whole number of wei"},
		{"a price in ether", with(map[string]string{"price": "0.01"}), 400, "the price must be a whole number of wei"},
		{"a hex price", with(map[string]string{"price": "0x10"}), 400, "the price must be a whole number of wei"},
		{"a price above MAX_PRICE", with(map[string]string{"price": "4722366482869645213696"}), 400, "from 0 to 4722366482869645213695"},
		{"referralBps over 50 %", with(map[string]string{"referralBps": "5001"}), 400, "referralBps must be"},
		{"negative referralBps", with(map[string]string{"referralBps": "-1"}), 400, "referralBps must be"},
		{"referralBps with a leading zero", with(map[string]string{"referralBps": "010"}), 400, "referralBps must be"},
		{"collaborators not JSON", with(map[string]string{"collaborators": "kites"}), 400, "collaborators must be a JSON array"},
		{"a collaborator with an extra field", with(collab(`{"address": "` + kites.Hex() + `", "bps": 1, "name": "x"}`)), 400, "collaborators must be a JSON array"},
		{"a fractional share", with(collab(`{"address": "` + kites.Hex() + `", "bps": 1.5}`)), 400, "collaborators must be a JSON array"},
		{"eight collaborators", with(collab(eight...)), 400, "at most 7 collaborators"},
		{"a zero share", with(collab(entry(kites, 0))), 400, "collaborator 1's bps must be from 1 to 10000"},
		{"shares above 100 %", with(collab(entry(kites, 6000), entry(alice, 4001))), 400, "add up to 10001 bps"},
		{"a collaborator twice", with(collab(entry(kites, 10), entry(kites, 10))), 400, "collaborator 2 is listed twice"},
		{"the artist as collaborator", with(collab(entry(mira, 10))), 400, "collaborator 1 is you"},
		{"the zero address", with(collab(entry(common.Address{}, 10))), 400, "collaborator 1 is the zero address"},
		{"a bad address", with(collab(`{"address": "0x12", "bps": 10}`)), 400, "collaborator 1 must be an address"},
		{"an unknown field", append(with(nil), field("isrc", "X")), 400, `unknown field "isrc"`},
		{"a field twice", append(with(nil), field("title", "Again")), 400, "title is given twice"},
		{"a part without a name", append(with(nil), formPart{}), 400, "needs a form field name"},
		{"audio over its limit", with(nil, file("audio", "big.wav", make([]byte, 4<<20+1))), 413, "the audio is larger than 4 MiB"},
		{"a cover over its limit", with(nil, audio, file("cover", "c.png", make([]byte, 64<<10+1))), 413, "the cover is larger than"},
		{"a preview over its limit", with(nil, audio, file("preview", "p.mp3", make([]byte, 1<<20+1))), 413, "the preview is larger than 1 MiB"},
	}
	forEachDB(t, func(t *testing.T, s *store.Store) {
		dir := t.TempDir()
		h := signInHandler(s, devOrigin, uploadDeps(dir))
		cookie := signedInAs(t, s, mira)
		check := func(name string, rec *httptest.ResponseRecorder, status int, says string) {
			t.Helper()
			var body struct {
				Error struct{ Code, Message string }
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil || rec.Code != status || !strings.Contains(body.Error.Message, says) {
				t.Errorf("%s: got %d %s, want %d saying %q", name, rec.Code, rec.Body, status, says)
			}
		}
		for _, c := range cases {
			check(c.name, postUpload(h, cookie, c.parts...), c.status, c.says)
		}
		check("not signed in", postUpload(h, nil, with(nil)...), 401, "sign in")

		body, ct := multipartBody(with(nil)...)
		req := httptest.NewRequest(http.MethodPost, "/api/v1/uploads", body)
		req.Header.Set("Content-Type", ct)
		req.ContentLength = 4<<20 + 64<<10 + 1<<20 + 1<<20 + 1
		req.AddCookie(cookie)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		check("a request declaring more than all limits", rec, 413, "the upload is larger than")

		req = httptest.NewRequest(http.MethodPost, "/api/v1/uploads", strings.NewReader(`{"title": "JSON"}`))
		req.Header.Set("Content-Type", "application/json")
		req.AddCookie(cookie)
		rec = httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		check("JSON", rec, 400, "multipart/form-data")

		body, ct = multipartBody(with(nil)...)
		req = httptest.NewRequest(http.MethodPost, "/api/v1/uploads", io.LimitReader(body, int64(body.Len()/2)))
		req.Header.Set("Content-Type", ct)
		req.AddCookie(cookie)
		rec = httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		check("a body cut short", rec, 400, "")

		body, ct = multipartBody(with(nil)...)
		req = httptest.NewRequest(http.MethodPost, "/api/v1/uploads", body)
		req.Header.Set("Content-Type", ct)
		req.Header.Set("Origin", "https://evil.example")
		req.AddCookie(cookie)
		rec = httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		check("a cross-site form", rec, 403, "must come from")

		var left []string
		filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				left = append(left, path)
			}
			return nil
		})
		if len(left) > 0 {
			t.Errorf("refused uploads left files: %v", left)
		}

		off := signInHandler(s, devOrigin)
		check("uploads not configured", postUpload(off, cookie, with(nil)...), 503, "uploads are not configured")
	})
}

// TestSlowUploadOutlivesTheServerTimeouts: an upload may take longer to arrive than the server's
// read timeout allows other requests.
func TestSlowUploadOutlivesTheServerTimeouts(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		h := signInHandler(s, devOrigin, uploadDeps(t.TempDir()))
		cookie := signedInAs(t, s, mira)
		srv := httptest.NewUnstartedServer(h)
		srv.Config.ReadTimeout, srv.Config.WriteTimeout = 300*time.Millisecond, 300*time.Millisecond
		srv.Start()
		defer srv.Close()
		body, ct := multipartBody(append(uploadFields(nil), file("audio", "a.wav", demo.Tune{Seed: 4, Root: 200, BPM: 100, Seconds: 2}.WAV()))...)
		pr, pw := io.Pipe()
		go func() {
			chunk := body.Len()/4 + 1
			for body.Len() > 0 {
				time.Sleep(250 * time.Millisecond) // a second in all
				if _, err := pw.Write(body.Next(chunk)); err != nil {
					return
				}
			}
			pw.Close()
		}()
		req, err := http.NewRequest(http.MethodPost, srv.URL+"/api/v1/uploads", pr)
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", ct)
		req.AddCookie(cookie)
		resp, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusCreated {
			b, _ := io.ReadAll(resp.Body)
			t.Errorf("a slow upload: %d %s", resp.StatusCode, b)
		}
	})
}

// TestUploadLimits: an account gets a burst of uploads, then one in a while; and it may not have more
// than so many uploads waiting for their registration, until one is registered.
func TestUploadLimits(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		seed := uint64(2)
		up := func(h http.Handler, cookie *http.Cookie) *httptest.ResponseRecorder {
			seed++ // new audio each time: the same audio twice by one artist is refused
			wav := demo.Tune{Seed: seed, Root: 330, BPM: 90, Seconds: 1}.WAV()
			return postUpload(h, cookie, append(uploadFields(nil), file("audio", "a.wav", wav))...)
		}
		dir := t.TempDir()
		limited := signInHandler(s, devOrigin, uploadDeps(dir), func(d *api.Deps) { d.UploadRate, d.UploadBurst = rate.Every(time.Hour), 2 })
		mira, alice := signedInAs(t, s, mira), signedInAs(t, s, alice)
		for i, want := range []int{201, 201, 429} {
			if rec := up(limited, mira); rec.Code != want {
				t.Fatalf("upload %d: %d %s, want %d", i+1, rec.Code, rec.Body, want)
			} else if want == 429 && (rec.Header().Get("Retry-After") == "" || !strings.Contains(rec.Body.String(), "too many uploads")) {
				t.Errorf("a refused upload says %s, Retry-After %q", rec.Body, rec.Header().Get("Retry-After"))
			}
		}
		if rec := up(limited, alice); rec.Code != 201 {
			t.Errorf("another account is not limited by Mira's uploads: %d %s", rec.Code, rec.Body)
		}

		// Mira has two uploads waiting for their registration: a third is refused until she registers one.
		quota := signInHandler(s, devOrigin, uploadDeps(dir), func(d *api.Deps) { d.UploadRate, d.MaxPendingUploads = rate.Inf, 2 })
		rec := up(quota, mira)
		if rec.Code != 429 || !strings.Contains(rec.Body.String(), "too_many_pending_uploads") || !strings.Contains(rec.Body.String(), "2 uploads") {
			t.Fatalf("a third pending upload: %d %s", rec.Code, rec.Body)
		}
		pending, err := s.StaleUploads(ctx, chainID, time.Now().Add(time.Hour), 10)
		if err != nil {
			t.Fatal(err)
		}
		cur, err := s.Cursor(ctx, chainID, marketAddr)
		if err != nil {
			t.Fatal(err)
		}
		var hashOfMira common.Hash
		for _, h := range pending {
			if m, err := s.TrackMetadata(ctx, h); err == nil && m.Uploader == addr("mira") {
				hashOfMira = h
			}
		}
		n := cur.BlockNumber + 1
		p := market.Position{BlockNumber: n, BlockHash: hash("registration"), BlockTime: time.Now(), TxHash: hash("register")}
		reg := market.TrackRegistered{Position: p, TrackID: 99, Artist: addr("mira"), Price: eth(1), ContentHash: hashOfMira, MetadataURI: "x"}
		if err := s.Apply(ctx, store.Batch{From: n, Events: []market.Event{reg},
			Cursor: store.Cursor{ChainID: chainID, Contract: marketAddr, BlockNumber: n, BlockHash: p.BlockHash}}); err != nil {
			t.Fatal(err)
		}
		if rec := up(quota, mira); rec.Code != 201 {
			t.Errorf("after a registration: %d %s", rec.Code, rec.Body)
		}
	})
}

// TestUploadRefusesAudioTheArtistUploadedBefore: the same audio bytes a second time by the same
// artist are refused with 409 and nothing is stored (a new package of them could be registered
// without the first one's collaborators); another artist may upload them (the market lists a track
// only with the package its own artist uploaded), and the artist may upload other audio.
func TestUploadRefusesAudioTheArtistUploadedBefore(t *testing.T) {
	wav := demo.Tune{Seed: 12, Root: 220, BPM: 100, Seconds: 2}.WAV()
	other := demo.Tune{Seed: 13, Root: 330, BPM: 100, Seconds: 2}.WAV()
	forEachDB(t, func(t *testing.T, s *store.Store) {
		dir := t.TempDir()
		h := signInHandler(s, devOrigin, uploadDeps(dir))
		asMira := signedInAs(t, s, mira)
		first := uploadOK(t, postUpload(h, asMira, append(uploadFields(nil), file("audio", "a.wav", wav))...))

		rec := postUpload(h, asMira, append(uploadFields(map[string]string{"collaborators": "[]"}), file("audio", "again.wav", wav))...)
		if rec.Code != http.StatusConflict || !strings.Contains(rec.Body.String(), `"conflict"`) || !strings.Contains(rec.Body.String(), first.ContentHash) {
			t.Fatalf("second upload of the same audio: %d %s, want 409 conflict naming %s", rec.Code, rec.Body, first.ContentHash)
		}
		if n, err := s.PendingUploads(context.Background(), chainID, mira); err != nil || n != 1 {
			t.Errorf("pending uploads of mira: %d (%v), want 1: the refused upload stored nothing", n, err)
		}
		uploadOK(t, postUpload(h, asMira, append(uploadFields(nil), file("audio", "b.wav", other))...))
		uploadOK(t, postUpload(h, signedInAs(t, s, alice), append(uploadFields(nil), file("audio", "a.wav", wav))...))
	})
}
