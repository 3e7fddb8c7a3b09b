package audit

import (
	"bytes"
	"sort"

	"github.com/ethereum/go-ethereum/common"
)

func sortAddresses(a []common.Address) {
	sort.Slice(a, func(i, j int) bool { return bytes.Compare(a[i][:], a[j][:]) < 0 })
}
