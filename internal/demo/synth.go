package demo

import (
	"bytes"
	"encoding/binary"
	"math"
	"math/rand/v2"
)

// SampleRate of the generated audio, in Hz (mono, 16-bit PCM).
const SampleRate = 22_050

// Tune describes a generated piece: a seeded melody over a bass line in a pentatonic scale.
type Tune struct {
	Seed    uint64
	Root    float64 // Hz of the scale's root
	BPM     int
	Seconds int
	Bright  float64 // 0..1: how much of the second harmonic the lead has
}

// WAV renders the tune as a RIFF/WAVE file.
func (t Tune) WAV() []byte {
	pcm := t.samples()
	var b bytes.Buffer
	dataLen := uint32(2 * len(pcm))
	b.WriteString("RIFF")
	_ = binary.Write(&b, binary.LittleEndian, 36+dataLen)
	b.WriteString("WAVEfmt ")
	for _, v := range []any{uint32(16), uint16(1), uint16(1), uint32(SampleRate), uint32(2 * SampleRate), uint16(2), uint16(16)} {
		_ = binary.Write(&b, binary.LittleEndian, v) // fmt chunk: PCM, mono, 16-bit
	}
	b.WriteString("data")
	_ = binary.Write(&b, binary.LittleEndian, dataLen)
	_ = binary.Write(&b, binary.LittleEndian, pcm)
	return b.Bytes()
}

// samples synthesises the tune: each beat a lead note and every other beat a bass note, with a
// short attack and an exponential decay so notes do not click.
func (t Tune) samples() []int16 {
	rng := rand.New(rand.NewPCG(t.Seed, 0x62697474756e6573))
	scale := []float64{0, 2, 4, 7, 9, 12, 14, 16} // major pentatonic, in semitones
	n := t.Seconds * SampleRate
	beat := SampleRate * 60 / max(t.BPM, 30)
	out := make([]int16, n)
	var lead, bass float64
	for i := 0; i < n; i++ {
		pos := i % beat
		if pos == 0 {
			lead = t.Root * 2 * math.Pow(2, scale[rng.IntN(len(scale))]/12)
			if (i/beat)%2 == 0 {
				bass = t.Root / 2 * math.Pow(2, scale[rng.IntN(3)]/12)
			}
		}
		tt := float64(pos) / SampleRate
		env := math.Min(1, tt*200) * math.Exp(-3*tt)
		x := 0.45 * env * (math.Sin(2*math.Pi*lead*tt) + t.Bright*0.5*math.Sin(4*math.Pi*lead*tt))
		bt := float64(i%(2*beat)) / SampleRate
		x += 0.35 * math.Min(1, bt*100) * math.Exp(-1.5*bt) * math.Sin(2*math.Pi*bass*bt)
		out[i] = int16(math.Max(-1, math.Min(1, x)) * 30_000)
	}
	return out
}
