package swarm

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
)

// bdict is a bencoded dictionary being written: its keys are sorted as raw strings when it is
// encoded (BEP 3), and only the keys set are written.
type bdict map[string]any

// bencodeTo appends v's encoding to b. v is an int, int64, string, []byte, []any or bdict.
func bencodeTo(b *bytes.Buffer, v any) {
	switch v := v.(type) {
	case int:
		b.WriteByte('i')
		b.WriteString(strconv.Itoa(v))
		b.WriteByte('e')
	case int64:
		b.WriteByte('i')
		b.WriteString(strconv.FormatInt(v, 10))
		b.WriteByte('e')
	case string:
		b.WriteString(strconv.Itoa(len(v)))
		b.WriteByte(':')
		b.WriteString(v)
	case []byte:
		b.WriteString(strconv.Itoa(len(v)))
		b.WriteByte(':')
		b.Write(v)
	case []any:
		b.WriteByte('l')
		for _, e := range v {
			bencodeTo(b, e)
		}
		b.WriteByte('e')
	case bdict:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		b.WriteByte('d')
		for _, k := range keys {
			bencodeTo(b, k)
			bencodeTo(b, v[k])
		}
		b.WriteByte('e')
	default:
		panic(fmt.Sprintf("swarm: bencode: %T", v))
	}
}
