package retry_test

import (
	"go/ast"
	"go/token"
	"path/filepath"
	"testing"

	"github.com/bittunes/bittunes/internal/tooling/gosrc"
)

// TestSleepIsWrittenOnce reads every Go file of the module (tests aside) and fails on a select that
// only waits for a duration or a context's end — retry.Sleep written out again:
//
//	select {
//	case <-ctx.Done():
//		return …
//	case <-time.After(d):
//	}
func TestSleepIsWrittenOnce(t *testing.T) {
	root, err := gosrc.Root()
	if err != nil {
		t.Fatal(err)
	}
	own := filepath.Join(root, "internal", "retry", "retry.go")
	selects := 0
	err = gosrc.Walk(root, func(fset *token.FileSet, path string, f *ast.File) {
		if path == own {
			return
		}
		ast.Inspect(f, func(n ast.Node) bool {
			s, ok := n.(*ast.SelectStmt)
			if !ok {
				return true
			}
			selects++
			if isSleep(s) {
				t.Errorf("%s: a select that sleeps until a context ends: use retry.Sleep", fset.Position(s.Pos()))
			}
			return true
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	if selects < 20 {
		t.Fatalf("only %d select statements found: the scan is broken", selects)
	}
}

// isSleep reports whether s has exactly two cases, one receiving from a Done() call and one, with
// an empty body, from an After() call (a timer's channel, which needs stopping, is not matched).
func isSleep(s *ast.SelectStmt) bool {
	if len(s.Body.List) != 2 {
		return false
	}
	var done, timer bool
	for _, st := range s.Body.List {
		cc := st.(*ast.CommClause)
		recv := received(cc.Comm)
		if recv == nil {
			return false
		}
		switch {
		case isCall(recv, "Done"):
			done = true
		case isCall(recv, "After") && len(cc.Body) == 0:
			timer = true
		}
	}
	return done && timer
}

// received returns x of a `<-x` comm statement, nil for a send or a default case.
func received(comm ast.Stmt) ast.Expr {
	var e ast.Expr
	switch c := comm.(type) {
	case *ast.ExprStmt:
		e = c.X
	case *ast.AssignStmt:
		if len(c.Rhs) == 1 {
			e = c.Rhs[0]
		}
	}
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.ARROW {
		return u.X
	}
	return nil
}

// isCall reports whether e calls a method or function named name.
func isCall(e ast.Expr, name string) bool {
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return false
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	return ok && sel.Sel.Name == name
}
