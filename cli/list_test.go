package cli

import (
	"strings"
	"testing"
)

// TestListTextPipedWhole: list, and dateline itself when stdout is not a
// terminal, give a statement's made title with its whole quote (issue 10).
func TestListTextPipedWhole(t *testing.T) {
	quote := strings.Repeat("word ", 30) + "end"
	p := writeFile(t, "s.yaml", "actors:\n  - {id: sp, name: Spokes, kind: person}\n"+
		"statements:\n  - {id: s, speaker: sp, date: 2023-03-18, quote: \""+quote+"\"}\n")
	for _, args := range [][]string{{"list", p}, {p}} {
		r := runCLI(t, args...)
		if r.code != 0 || !strings.Contains(r.stdout, "Spokes: “"+quote+"”") {
			t.Errorf("dateline %s: exit %d, the quote is not whole:\n%s%s", strings.Join(args, " "), r.code, r.stdout, r.stderr)
		}
	}
}
