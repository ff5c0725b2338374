package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFileNamesCannotForgeLines runs validate on files whose names hold a
// newline followed by what validate prints for a good file: no message a
// loader or merge produces may let the name start a line of its own.
func TestFileNamesCannotForgeLines(t *testing.T) {
	const forged = "x\nbad.yaml: ok"
	story := "title: T\nactors:\n  - id: a\n    name: A\n"
	other := "title: U\nactors:\n  - id: a\n    name: Another A\n"
	for _, tc := range []struct {
		name  string
		files map[string]string // name (under a fresh folder) → contents; "/" ending: a folder
		args  []string          // extra arguments
	}{
		{name: "syntax error", files: map[string]string{forged: "title: [\n"}},
		{name: "validation error", files: map[string]string{forged: "title: T\nevents:\n  - id: e1\n"}},
		{name: "warning", files: map[string]string{forged: ""}},
		{name: "not a story", files: map[string]string{forged: "\x89PNG\r\n"}},
		{name: "a folder", files: map[string]string{forged: "/"}},
		{name: "missing", files: map[string]string{forged: "-"}},
		{name: "acled", files: map[string]string{forged: "a,b,c\n"}, args: []string{"--from", "acled"}},
		{name: "timelinejs", files: map[string]string{forged: `{"events": [{"text": {"headline": "x"}}]}`}, args: []string{"--from", "timelinejs"}},
		{name: "merge", files: map[string]string{"a.yaml": story, forged: other}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			args := append([]string{"validate"}, tc.args...)
			var paths []string
			for name, src := range tc.files {
				p := filepath.Join(dir, name)
				switch src {
				case "/":
					if err := os.Mkdir(p, 0o755); err != nil {
						t.Fatal(err)
					}
				case "-":
				default:
					if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				paths = append(paths, p)
			}
			if len(paths) > 1 {
				// One merge: list reads the files together.
				args = append([]string{"list"}, tc.args...)
			}
			r := runCLI(t, append(args, paths...)...)
			out := r.stdout + r.stderr
			for line := range strings.Lines(out) {
				if strings.HasPrefix(line, "bad.yaml") {
					t.Errorf("a file name forged a line:\n%s", out)
				}
			}
			if !strings.Contains(out, "x␊bad.yaml: ok") {
				t.Errorf("the name's newline is not shown as ␊:\n%s", out)
			}
		})
	}
}
