package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestExportWarnsStartless: export --to timelinejs names on stderr the
// items it writes without the start_date TimelineJS needs, and says what
// to do; a story where every item is dated gets no warning (issue 10).
func TestExportWarnsStartless(t *testing.T) {
	dated := "events:\n  - {id: e1, date: 2023-03-17, title: A}\n"
	undated := dated + "  - {id: e2, title: B}\n  - {id: e3, title: C}\n"
	for _, c := range []struct {
		name, story string
		warn        []string
	}{
		{"dated", dated, nil},
		{"undated", undated, []string{"2 items", "e2, e3", "start_date", "--since"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := writeFile(t, "s.yaml", c.story)
			for _, out := range [][]string{nil, {"-o", filepath.Join(t.TempDir(), "t.json")}} {
				args := append([]string{"export", "--to", "timelinejs", p}, out...)
				code, _, stderr := exportRun(t, args...)
				if code != 0 {
					t.Fatalf("%v: exit %d: %s", args, code, stderr)
				}
				if got := strings.Contains(stderr, "warning"); got != (c.warn != nil) {
					t.Errorf("%v: warning %v, want %v:\n%s", args, got, c.warn != nil, stderr)
				}
				for _, w := range c.warn {
					if !strings.Contains(stderr, w) {
						t.Errorf("%v: stderr lacks %q:\n%s", args, w, stderr)
					}
				}
			}
		})
	}
}
