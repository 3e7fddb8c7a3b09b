package content

import (
	"errors"
	"fmt"
	"io"
	"time"
)

// PreviewLength is the longest clip Preview cuts.
const PreviewLength = 30 * time.Second

// ErrNoPreview reports audio in a format Preview cannot cut (FLAC, Ogg): the artist may upload a
// clip of their own.
var ErrNoPreview = errors.New("content: no automatic preview for this format")

// Preview writes to w the free preview of the audio file in r (size bytes, format f): its first
// whole MPEG frames, or whole WAV sample frames, lasting at most PreviewLength. An MP3 clip drops
// the ID3v2 tags and any Xing/Info/VBRI frame (which describe the whole file); a WAV clip gets a
// header of its own with the original fmt chunk. A clip is also at most half the track, so a
// short track is never given away whole as its preview. It returns the clip's duration.
func Preview(w io.Writer, r io.ReaderAt, size int64, f Format) (time.Duration, error) {
	maxTicks := int64(PreviewLength/time.Second) * tickRate
	switch f {
	case MP3:
		s, err := scanMP3(r, size, maxTicks)
		if err == nil && s.ticks/2 < maxTicks { // a short track: cut again at half its length
			s, err = scanMP3(r, size, s.ticks/2)
		}
		if err != nil {
			return 0, fmt.Errorf("content: preview: %w", unsupported("MP3 without a whole audio frame"))
		}
		if _, err := io.Copy(w, io.NewSectionReader(r, s.start, s.clipEnd-s.start)); err != nil {
			return 0, fmt.Errorf("content: preview: %w", err)
		}
		return ticksDuration(s.clipTicks), nil
	case WAV:
		wf, err := parseWAV(r, size)
		if err != nil {
			return 0, fmt.Errorf("content: preview: %w", err)
		}
		maxTicks = min(maxTicks, wf.ticks()/2)
		if _, err := wf.writeClip(w, r, maxTicks); err != nil {
			return 0, fmt.Errorf("content: preview: %w", err)
		}
		return ticksDuration(samplesTicks(wf.clipFrames(maxTicks), int64(wf.sampleRate))), nil
	}
	return 0, ErrNoPreview
}
