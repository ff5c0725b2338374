package model

import (
	"errors"
	"testing"
)

// TestYAMLSyntaxColumns: a YAML syntax error names its column as well as
// its line.
func TestYAMLSyntaxColumns(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		line, col int
	}{
		{"unknown escape", "title: T\ndescription: \"a \\q b\"\n", 2, 17},
		{"unknown escape after a known one", "title: \"\\n and \\y\"\n", 1, 16},
		{"second colon", "title: a: b\n", 1, 9},
		{"reserved indicator", "title: T\nevents: @x\n", 2, 9},
		{"unclosed flow list", "title: T\nevents: [\n  x: y\n", 2, 9},
		{"indented key", "title: T\n  description: D\n", 2, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := Load("s.yaml", []byte(tc.src))
			var ps Problems
			if !errors.As(err, &ps) || len(ps) != 1 {
				t.Fatalf("want one problem, got %v", err)
			}
			if p := ps[0]; p.Line != tc.line || p.Col != tc.col {
				t.Errorf("got %v; want %d:%d", p, tc.line, tc.col)
			}
		})
	}
}
