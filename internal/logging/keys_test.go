package logging_test

import (
	"go/ast"
	"go/token"
	"regexp"
	"strconv"
	"testing"

	"github.com/bittunes/bittunes/internal/tooling/gosrc"
)

var snakeCase = regexp.MustCompile(`^[a-z0-9]+(_[a-z0-9]+)*$`)

// TestLogKeysAreSnakeCase reads every Go file of the module (tests aside) and checks the literal
// keys of its log calls — logger.Info(msg, key, value, …), With(key, value, …), slog.String(key, …)
// — are snake_case, the one style of the logs.
func TestLogKeysAreSnakeCase(t *testing.T) {
	root, err := gosrc.Root()
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	err = gosrc.Walk(root, func(fset *token.FileSet, _ string, f *ast.File) {
		for _, key := range logKeys(f) {
			checked++
			if name, _ := strconv.Unquote(key.Value); !snakeCase.MatchString(name) {
				t.Errorf("%s: log key %s is not snake_case", fset.Position(key.Pos()), key.Value)
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 50 {
		t.Fatalf("only %d log keys found: the scan is broken", checked)
	}
}

// logKeys returns the string literals in key position of f's log calls.
func logKeys(f *ast.File) []*ast.BasicLit {
	var keys []*ast.BasicLit
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		if pkg, ok := sel.X.(*ast.Ident); ok && pkg.Name == "http" { // http.Error(w, text, code)
			return true
		}
		first := -1
		switch sel.Sel.Name {
		case "Debug", "Info", "Warn", "Error":
			first = 1
		case "DebugContext", "InfoContext", "WarnContext", "ErrorContext":
			first = 2
		case "Log":
			first = 3
		case "With":
			first = 0
		case "String", "Int", "Int64", "Uint64", "Bool", "Duration", "Any", "Float64", "Time", "Group":
			if pkg, ok := sel.X.(*ast.Ident); ok && pkg.Name == "slog" && len(call.Args) > 0 {
				if lit, ok := call.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
					keys = append(keys, lit)
				}
			}
			return true
		default:
			return true
		}
		for i := first; i < len(call.Args); i += 2 {
			if lit, ok := call.Args[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
				keys = append(keys, lit)
			}
		}
		return true
	})
	return keys
}
