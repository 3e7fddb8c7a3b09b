package api

import (
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/bittunes/bittunes/internal/content"
)

// UploadLimits bound the files of an upload, in bytes; a zero field takes its default.
type UploadLimits struct {
	Audio   int64 // default 200 MB
	Cover   int64 // default 5 MB
	Preview int64 // default 20 MB
}

func (l UploadLimits) withDefaults() UploadLimits {
	if l.Audio <= 0 {
		l.Audio = 200 << 20
	}
	if l.Cover <= 0 {
		l.Cover = 5 << 20
	}
	if l.Preview <= 0 {
		l.Preview = 20 << 20
	}
	return l
}

// request is the most a whole upload request may carry: the files and room for the text fields
// and the multipart framing.
func (l UploadLimits) request() int64 { return l.Audio + l.Cover + l.Preview + 1<<20 }

// The text fields of an upload, and the most bytes each may have (5 000 characters of
// description may take 20 000 bytes of UTF-8).
var uploadFields = map[string]int64{
	"title": 1 << 10, "artistName": 1 << 10, "genre": 1 << 10, "subgenre": 1 << 10, "description": 24 << 10,
	"price": 128, "referralBps": 32, "collaborators": 8 << 10,
}

const maxUploadParts = 16

// uploadForm is a received upload: its text fields, and its files spooled to the media folder
// (Remove deletes them).
type uploadForm struct {
	fields map[string]string
	upload content.Upload
}

func (f *uploadForm) remove() {
	for _, s := range []*content.Spooled{f.upload.Audio, f.upload.Preview} {
		if s != nil {
			s.Remove()
		}
	}
}

// readUploadForm reads a multipart/form-data upload part by part, streaming the audio and the
// preview to temporary files and holding only the text fields and the cover in memory. Each part
// is checked against its limit as it arrives. A client's mistake is a badRequest or a tooLarge;
// anything else (a full disk) is the server's.
func readUploadForm(r *http.Request, media content.Media, lim UploadLimits) (_ *uploadForm, err error) {
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, badRequest("send the upload as multipart/form-data")
	}
	f := &uploadForm{fields: map[string]string{}}
	defer func() {
		if err != nil {
			f.remove()
		}
	}()
	seen := map[string]bool{}
	for parts := 0; ; parts++ {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, bodyError(err, "the multipart body is malformed")
		}
		name := part.FormName()
		switch {
		case parts == maxUploadParts:
			return nil, badRequest("an upload has at most %d parts", maxUploadParts)
		case name == "":
			return nil, badRequest("every part of the upload needs a form field name")
		case seen[name]:
			return nil, badRequest("%s is given twice", name)
		}
		seen[name] = true
		if err := f.readPart(part, name, media, lim); err != nil {
			return nil, err
		}
	}
	if f.upload.Audio == nil {
		return nil, badRequest("the audio file is missing: send it as the audio field")
	}
	return f, nil
}

// readPart reads one part of an upload into f.
func (f *uploadForm) readPart(part io.Reader, name string, media content.Media, lim UploadLimits) error {
	body := &readTracker{r: part}
	switch name {
	case "audio", "preview":
		limit := map[string]int64{"audio": lim.Audio, "preview": lim.Preview}[name]
		s, err := media.Spool(body, limit)
		switch {
		case errors.Is(err, content.ErrTooLarge):
			return tooLarge("the %s is larger than %s", name, megabytes(limit))
		case err != nil && body.err != nil:
			return bodyError(body.err, "the upload was cut short")
		case err != nil:
			return err
		case s.Size == 0 && name == "preview":
			s.Remove() // a form's empty file input: no preview
		case name == "audio":
			f.upload.Audio = s
		default:
			f.upload.Preview = s
		}
	case "cover":
		b, err := io.ReadAll(io.LimitReader(body, lim.Cover+1))
		switch {
		case err != nil:
			return bodyError(err, "the upload was cut short")
		case int64(len(b)) > lim.Cover:
			return tooLarge("the cover is larger than %s", megabytes(lim.Cover))
		case len(b) > 0: // an empty file input: no cover
			f.upload.Cover = b
		}
	default:
		limit, ok := uploadFields[name]
		if !ok {
			return badRequest("unknown field %q", name)
		}
		b, err := io.ReadAll(io.LimitReader(body, limit+1))
		switch {
		case err != nil:
			return bodyError(err, "the upload was cut short")
		case int64(len(b)) > limit:
			return badRequest("%s is longer than %d bytes", name, limit)
		}
		f.fields[name] = string(b)
	}
	return nil
}

// readTracker remembers the error its reader returned, to tell a failing client from a failing disk.
type readTracker struct {
	r   io.Reader
	err error
}

func (t *readTracker) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	if err != nil && err != io.EOF {
		t.err = err
	}
	return n, err
}

// bodyError classifies an error reading the request body: over the request's byte limit (413),
// or a body the client cut short or malformed (400).
func bodyError(err error, message string) error {
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return tooLarge("the upload is larger than %s in all", megabytes(tooBig.Limit))
	}
	return badRequest("%s", message)
}

func megabytes(n int64) string {
	if n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}
