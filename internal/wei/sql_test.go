package wei_test

import (
	"database/sql"
	"database/sql/driver"
	"errors"
	"testing"

	"github.com/bittunes/bittunes/internal/wei"
)

var (
	_ sql.Scanner   = (*wei.Amount)(nil)
	_ driver.Valuer = wei.Amount{}
)

func TestValue(t *testing.T) {
	tests := []struct {
		in   wei.Amount
		want string
	}{
		{wei.Amount{}, "0"},
		{wei.FromUint64(42), "42"},
		{wei.MustParse(maxUint256), maxUint256},
	}
	for _, tt := range tests {
		got, err := tt.in.Value()
		if err != nil {
			t.Fatalf("Value(%s): %v", tt.in, err)
		}
		if got != tt.want {
			t.Errorf("Value(%s) = %#v, want %#v", tt.in, got, tt.want)
		}
	}
}

func TestScan(t *testing.T) {
	tests := []struct {
		name    string
		src     any
		want    string
		wantErr error
	}{
		{"text", "1000000000000000", "1000000000000000", nil},
		{"bytes", []byte(maxUint256), maxUint256, nil},
		{"int64", int64(42), "42", nil},
		{"int64 zero", int64(0), "0", nil},
		{"numeric with scale", "42.000", "42", nil},
		{"zero with scale", "0.00", "0", nil},
		{"leading zeros", "000123", "123", nil},
		{"all zeros", "000", "0", nil},
		{"negative int64", int64(-1), "", wei.ErrNegative},
		{"negative text", "-1", "", wei.ErrSyntax},
		{"fraction", "1.5", "", wei.ErrSyntax},
		{"bare point", "1.", "", wei.ErrSyntax},
		{"point only", ".0", "", wei.ErrSyntax},
		{"exponent", "1e18", "", wei.ErrSyntax},
		{"float", float64(1e18), "", wei.ErrSyntax},
		{"null", nil, "", wei.ErrSyntax},
		{"bool", true, "", wei.ErrSyntax},
		{"overflow", twoTo256, "", wei.ErrOverflow},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := wei.FromUint64(7)
			err := got.Scan(tt.src)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Scan(%#v) error = %v, want %v", tt.src, err, tt.wantErr)
			}
			if err != nil {
				if got.String() != "7" {
					t.Errorf("failed Scan changed the amount to %s", got)
				}
				return
			}
			if got.String() != tt.want {
				t.Errorf("Scan(%#v) = %s, want %s", tt.src, got, tt.want)
			}
		})
	}
}
