package formats

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dateline/dateline/model"
)

// withNUL puts a NUL byte into src at the start of line (1-based) after
// col-1 characters of it.
func withNUL(src string, line, col int) string {
	lines := strings.SplitAfter(src, "\n")
	l := []rune(lines[line-1])
	lines[line-1] = string(l[:col-1]) + "\x00" + string(l[col-1:])
	return strings.Join(lines, "")
}

// TestBinaryStopsAtTheFirstNUL: every format's reader, in memory and
// streamed from a file, stops at a NUL byte and reports it at its place as
// a sign of a binary file.
func TestBinaryStopsAtTheFirstNUL(t *testing.T) {
	ndjson := "{\"type\":\"story\",\"title\":\"T\"}\n{\"type\":\"actor\",\"id\":\"a\",\"name\":\"Ä\",\"kind\":\"person\"}\n"
	for _, tc := range []struct {
		name      string
		src       string
		line, col int
		from      Format
	}{
		{"yaml", nativeYAML, 3, 5, Auto},
		{"yaml in a value after non-ASCII", "title: Ünïcode\n", 1, 12, Auto},
		{"yaml at the start", nativeYAML, 1, 1, Native},
		{"json", nativeJSON, 1, 30, Auto},
		{"ndjson", ndjson, 2, 47, Auto},
		{"timelinejs", tljsJSON, 1, 40, Auto},
		{"timelinejs sheet", sheetCSV, 2, 12, Auto},
		{"acled", acledCSV, 2, 20, Auto},
		{"acled header", acledCSV, 1, 3, ACLED},
	} {
		src := withNUL(tc.src, tc.line, tc.col)
		check := func(t *testing.T, err error) {
			t.Helper()
			var ps model.Problems
			if !errors.As(err, &ps) || len(ps) != 1 {
				t.Fatalf("want one problem, got %v", err)
			}
			if p := ps[0]; p.Line != tc.line || p.Col != tc.col || !strings.Contains(p.Msg, "looks binary") {
				t.Errorf("got %v; want %d:%d saying it looks binary", p, tc.line, tc.col)
			}
		}
		t.Run(tc.name+" in memory", func(t *testing.T) {
			_, _, err := Load("f", []byte(src), tc.from)
			check(t, err)
		})
		t.Run(tc.name+" from a file", func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "f")
			if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
			_, _, err := LoadFile(p, tc.from)
			check(t, err)
		})
	}
}

// TestBinaryStopsReading: a file with a valid head and a NUL early on is
// not read to its end (the 2 GB file of issue 10 was, for 39 s).
func TestBinaryStopsReading(t *testing.T) {
	const size = 32 << 20
	for _, head := range []string{nativeYAML, acledCSV, "{\"type\":\"story\",\"title\":\"T\"}\n"} {
		data := append([]byte(head+"\x00"), bytes.Repeat([]byte("x: y\n"), size/5)...)
		p := filepath.Join(t.TempDir(), "big")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		var read int64
		_, _, err := LoadFilesContext(context.Background(), []string{p}, Auto, func(done, total int64) { read = done })
		if err == nil || !strings.Contains(err.Error(), "looks binary") {
			t.Errorf("%.20q…: want the NUL reported, got %v", head, err)
		}
		if read > 1<<20 {
			t.Errorf("%.20q…: read %d bytes of %d past a NUL at byte %d", head, read, len(data), len(head))
		}
	}
}
