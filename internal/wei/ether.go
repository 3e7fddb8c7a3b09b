package wei

import (
	"math/big"
	"strings"
)

// etherDecimals is the number of decimal places between wei and ether.
const etherDecimals = 18

// Ether formats the amount in ether for display, exactly: as many decimal
// places as needed and no more ("0", "0.001", "1.5", "2"). It never rounds.
func (a Amount) Ether() string {
	whole, frac := new(big.Int).QuoRem(a.ref(), big.NewInt(1e18), new(big.Int))
	if frac.Sign() == 0 {
		return whole.String()
	}
	digits := frac.String()
	digits = strings.Repeat("0", etherDecimals-len(digits)) + digits
	return whole.String() + "." + strings.TrimRight(digits, "0")
}
