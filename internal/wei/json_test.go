package wei_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/bittunes/bittunes/internal/wei"
)

func TestMarshalJSON(t *testing.T) {
	tests := []struct {
		in   wei.Amount
		want string
	}{
		{wei.Amount{}, `"0"`},
		{wei.FromUint64(1000000000000000), `"1000000000000000"`},
		{wei.MustParse(maxUint256), `"` + maxUint256 + `"`},
	}
	for _, tt := range tests {
		got, err := json.Marshal(tt.in)
		if err != nil {
			t.Fatalf("Marshal(%s): %v", tt.in, err)
		}
		if string(got) != tt.want {
			t.Errorf("Marshal(%s) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestMarshalJSONInStruct(t *testing.T) {
	v := struct {
		Price wei.Amount  `json:"price"`
		Paid  *wei.Amount `json:"paid,omitempty"`
	}{Price: wei.FromUint64(5)}
	got, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"price":"5"}`; string(got) != want {
		t.Errorf("Marshal = %s, want %s", got, want)
	}
}

func TestUnmarshalJSON(t *testing.T) {
	tests := []struct {
		in      string
		want    string
		wantErr error
	}{
		{`"0"`, "0", nil},
		{`"1000000000000000"`, "1000000000000000", nil},
		{`"` + maxUint256 + `"`, maxUint256, nil},
		{`"\u0031\u0032"`, "12", nil}, // JSON escapes are decoded first
		{`null`, "7", nil},            // null leaves the value alone
		{`1000`, "", wei.ErrSyntax},   // numbers are never accepted
		{`1e3`, "", wei.ErrSyntax},
		{`1.5`, "", wei.ErrSyntax},
		{`true`, "", wei.ErrSyntax},
		{`"1e3"`, "", wei.ErrSyntax},
		{`"-1"`, "", wei.ErrSyntax},
		{`"01"`, "", wei.ErrSyntax},
		{`""`, "", wei.ErrSyntax},
		{`"` + twoTo256 + `"`, "", wei.ErrOverflow},
	}
	for _, tt := range tests {
		got := wei.FromUint64(7)
		err := json.Unmarshal([]byte(tt.in), &got)
		if !errors.Is(err, tt.wantErr) {
			t.Errorf("Unmarshal(%s) error = %v, want %v", tt.in, err, tt.wantErr)
			continue
		}
		if err == nil && got.String() != tt.want {
			t.Errorf("Unmarshal(%s) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestUnmarshalJSONNumberMessage(t *testing.T) {
	var v struct {
		Price wei.Amount `json:"price"`
	}
	err := json.Unmarshal([]byte(`{"price": 1000}`), &v)
	if err == nil {
		t.Fatal("Unmarshal of a JSON number succeeded, want an error")
	}
	const want = `wei: JSON amount must be a string of decimal digits, got "1000": not a decimal wei amount`
	if err.Error() != want {
		t.Errorf("error = %q, want %q", err, want)
	}
}
