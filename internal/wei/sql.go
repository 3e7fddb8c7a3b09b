package wei

import (
	"database/sql/driver"
	"fmt"
	"strings"

	"gorm.io/gorm"
	"gorm.io/gorm/schema"
)

// Value implements driver.Valuer: the amount is written as its decimal
// string, which PostgreSQL converts exactly to NUMERIC and SQLite keeps as
// TEXT in a column declared wei_text (see package migrations).
func (a Amount) Value() (driver.Value, error) { return a.String(), nil }

// Scan implements sql.Scanner. It accepts what the drivers return for a
// money column or expression: decimal text as string or []byte (SQLite TEXT,
// PostgreSQL NUMERIC through pgx, possibly with a fractional part of zeros
// from NUMERIC arithmetic) and int64 (SQLite integers). Floats are refused,
// since they cannot carry money exactly, and so is NULL: scan a nullable
// column into a *Amount.
func (a *Amount) Scan(src any) error {
	var (
		parsed Amount
		err    error
	)
	switch v := src.(type) {
	case string:
		parsed, err = parseStored(v)
	case []byte:
		parsed, err = parseStored(string(v))
	case int64:
		if v < 0 {
			return fmt.Errorf("wei: scan %d: %w", v, ErrNegative)
		}
		parsed = FromUint64(uint64(v))
	case nil:
		return fmt.Errorf("wei: scan NULL into Amount (scan into *Amount for a nullable column): %w", ErrSyntax)
	case float64:
		return fmt.Errorf("wei: scan float %g: a float cannot hold money exactly (declare money columns wei_text; on SQLite add amounts in Go, not with SUM): %w", v, ErrSyntax)
	default:
		return fmt.Errorf("wei: scan %T into Amount: %w", src, ErrSyntax)
	}
	if err != nil {
		return fmt.Errorf("wei: scan: %w", err)
	}
	*a = parsed
	return nil
}

// parseStored reads a decimal integer as a database returns it. Unlike Parse
// it tolerates leading zeros and a fractional part made only of zeros
// ("42.000", as PostgreSQL prints NUMERIC results with a scale).
func parseStored(s string) (Amount, error) {
	if whole, frac, ok := strings.Cut(s, "."); ok && whole != "" && frac != "" && strings.Trim(frac, "0") == "" {
		s = whole
	}
	if trimmed := strings.TrimLeft(s, "0"); trimmed != s {
		s = trimmed
		if s == "" {
			s = "0"
		}
	}
	return Parse(s)
}

// GormDataType tells gorm's schema parser the field's generic type, so that
// it does not guess one from a zero Value.
func (Amount) GormDataType() string { return "numeric" }

// GormDBDataType tells gorm the column type per dialect, for the rare code
// that lets gorm create tables (the real schema comes from package
// migrations): NUMERIC(78,0) on PostgreSQL, exact TEXT elsewhere.
func (Amount) GormDBDataType(db *gorm.DB, _ *schema.Field) string {
	if db.Dialector.Name() == "postgres" {
		return "NUMERIC(78,0)"
	}
	return "TEXT"
}
