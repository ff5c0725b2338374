package formats

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dateline/dateline/model"
)

// TestNDJSONFileStreams: an NDJSON file read from disk (streamed through
// model.LoadNDJSON) gives the story model.Load gives from its bytes, and
// its problems keep their columns.
func TestNDJSONFileStreams(t *testing.T) {
	good := `{"type":"story","title":"T"}
{"type":"actor","id":"a","name":"A","kind":"person"}
{"type":"event","id":"e1","date":"2023-03-17","title":"One","actors":[{"actor":"a"}]}
{"type":"event","id":"e2","date":"2023-03-18","title":"Two"}
`
	dir := t.TempDir()
	path := filepath.Join(dir, "s.ndjson")
	if err := os.WriteFile(path, []byte(good), 0o644); err != nil {
		t.Fatal(err)
	}
	s, _, err := LoadFile(path, Auto)
	if err != nil {
		t.Fatal(err)
	}
	want, _, err := model.Load(path, []byte(good))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Events) != len(want.Events) || s.Events[1].Title != want.Events[1].Title || s.Title != want.Title {
		t.Errorf("streamed story %+v differs from the loaded one %+v", s.Events, want.Events)
	}

	bad := strings.Replace(good, `"actor":"a"`, `"actor":"b"`, 1)
	if err := os.WriteFile(path, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err = LoadFile(path, Auto)
	ps, ok := err.(model.Problems)
	if !ok || len(ps) != 1 || ps[0].Line != 3 || ps[0].Col == 0 {
		t.Errorf("problems = %v, want one at line 3 with its column", err)
	}
}
