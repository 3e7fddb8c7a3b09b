package verify

import (
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
)

// Metadata is what solc appends to the runtime code, CBOR-encoded: the hash of the contract's
// metadata file (which names every source file by its hash and every compiler setting) and the
// compiler version.
type Metadata struct {
	IPFS  []byte // the metadata file's IPFS multihash, if the build used bytecodeHash "ipfs"
	Bzzr1 []byte // its Swarm hash, if "bzzr1"
	Solc  string // the compiler version, such as 0.8.37 (empty for prerelease builds)
	Raw   []byte // the CBOR as found
}

// IPFSCID is the metadata hash as an IPFS CIDv0 ("Qm…"), or "" without one.
func (m Metadata) IPFSCID() string {
	if len(m.IPFS) == 0 {
		return ""
	}
	return base58(m.IPFS)
}

// String names the metadata hash.
func (m Metadata) String() string {
	switch {
	case len(m.IPFS) > 0:
		return "ipfs://" + m.IPFSCID()
	case len(m.Bzzr1) > 0:
		return "bzzr1://" + hex.EncodeToString(m.Bzzr1)
	}
	return "0x" + hex.EncodeToString(m.Raw)
}

// SplitMetadata splits runtime code into the executable part and the CBOR metadata solc appends
// (its length in the last two bytes, big-endian). ok is false when code does not end in metadata
// solc could have written.
func SplitMetadata(code []byte) (executable []byte, meta Metadata, ok bool) {
	if len(code) < 2 {
		return code, Metadata{}, false
	}
	n := int(code[len(code)-2])<<8 | int(code[len(code)-1])
	if n == 0 || n+2 > len(code) {
		return code, Metadata{}, false
	}
	raw := code[len(code)-2-n : len(code)-2]
	m, err := ParseMetadata(raw)
	if err != nil {
		return code, Metadata{}, false
	}
	return code[:len(code)-2-n], m, true
}

var errCBOR = errors.New("not solc's CBOR metadata")

// ParseMetadata decodes solc's CBOR metadata: a map of text keys to byte strings, text or booleans.
func ParseMetadata(raw []byte) (Metadata, error) {
	d := decoder{b: raw}
	major, count, err := d.head()
	if err != nil || major != 5 {
		return Metadata{}, errCBOR
	}
	m := Metadata{Raw: raw}
	for i := uint64(0); i < count; i++ {
		kmajor, klen, err := d.head()
		if err != nil || kmajor != 3 {
			return Metadata{}, errCBOR
		}
		key, err := d.bytes(klen)
		if err != nil {
			return Metadata{}, err
		}
		vmajor, vlen, err := d.head()
		if err != nil {
			return Metadata{}, err
		}
		var value []byte
		switch vmajor {
		case 2, 3:
			if value, err = d.bytes(vlen); err != nil {
				return Metadata{}, err
			}
		case 7: // true, false (the "experimental" flag)
		default:
			return Metadata{}, errCBOR
		}
		switch string(key) {
		case "ipfs":
			m.IPFS = value
		case "bzzr1", "bzzr0":
			m.Bzzr1 = value
		case "solc":
			if len(value) == 3 && vmajor == 2 {
				m.Solc = fmt.Sprintf("%d.%d.%d", value[0], value[1], value[2])
			} else {
				m.Solc = string(value)
			}
		}
	}
	if d.pos != len(raw) {
		return Metadata{}, errCBOR
	}
	return m, nil
}

// decoder reads the few CBOR items solc writes.
type decoder struct {
	b   []byte
	pos int
}

// head reads an item's major type and its argument (a length, a count or a simple value).
func (d *decoder) head() (major byte, arg uint64, err error) {
	if d.pos >= len(d.b) {
		return 0, 0, errCBOR
	}
	c := d.b[d.pos]
	d.pos++
	major, info := c>>5, c&0x1f
	switch {
	case info < 24:
		return major, uint64(info), nil
	case info == 24 || info == 25:
		size := 1 << (info - 24)
		if d.pos+size > len(d.b) {
			return 0, 0, errCBOR
		}
		for _, x := range d.b[d.pos : d.pos+size] {
			arg = arg<<8 | uint64(x)
		}
		d.pos += size
		return major, arg, nil
	}
	return 0, 0, errCBOR
}

func (d *decoder) bytes(n uint64) ([]byte, error) {
	if n > uint64(len(d.b)-d.pos) {
		return nil, errCBOR
	}
	out := d.b[d.pos : d.pos+int(n)]
	d.pos += int(n)
	return out, nil
}

const base58Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"

// base58 encodes b in Bitcoin's base58 alphabet, as IPFS writes CIDv0.
func base58(b []byte) string {
	x := new(big.Int).SetBytes(b)
	base, mod := big.NewInt(58), new(big.Int)
	var out []byte
	for x.Sign() > 0 {
		x.DivMod(x, base, mod)
		out = append(out, base58Alphabet[mod.Int64()])
	}
	for _, c := range b {
		if c != 0 {
			break
		}
		out = append(out, '1')
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return string(out)
}
