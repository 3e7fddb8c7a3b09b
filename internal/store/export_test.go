package store

import "gorm.io/gorm"

// GormDB exposes the gorm handle to tests that need raw SQL.
func GormDB(s *Store) *gorm.DB { return s.db }

// Classify exposes classify to tests.
var Classify = classify
