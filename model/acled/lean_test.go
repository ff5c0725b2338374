package acled

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/internal/testutil"
)

// openBytes opens data again, as a file would be, for a lean import.
func openBytes(data []byte) func() (model.ReaderAtCloser, error) {
	return func() (model.ReaderAtCloser, error) {
		return struct {
			io.ReaderAt
			io.Closer
		}{bytes.NewReader(data), io.NopCloser(nil)}, nil
	}
}

// leanExport is a generated export with rows of its own: notes quoted
// over several lines, a line ending in CRLF, bytes that are not UTF-8, and
// a match in the title only.
func leanExport(t *testing.T) []byte {
	var buf bytes.Buffer
	generate(&buf, 3000, header)
	extra := writeCSV(t, header,
		row{"event_id_cnty": "L1", "event_date": "2021-05-01", "event_type": "Riots", "location": "Ambush Hill", "notes": "quiet"},
		row{"event_id_cnty": "L2", "event_date": "2021-05-02", "event_type": "Riots", "notes": "an \"ambush\"\nover two lines", "fatalities": "2"},
		row{"event_id_cnty": "L3", "event_date": "2021-05-03", "event_type": "Riots", "notes": "caf\xe9 ambush"},
		row{"event_id_cnty": "L4", "event_date": "2021-05-04", "event_type": "Riots", "notes": "ambush at dawn"},
	)
	_, rows, _ := strings.Cut(extra, "\n") // without its header
	last := strings.LastIndex(rows, "\n")
	rows = rows[:last] + "\r\n" // the last row ends in CRLF
	buf.WriteString(rows)
	return buf.Bytes()
}

// A lean import answers every filter as the whole import does, and once the
// rows' summaries are fetched back they are the whole import's.
func TestLeanImportAnswersAsTheWholeOne(t *testing.T) {
	data := leanExport(t)
	full, _, err := Import("f.csv", bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	fullIx := model.NewIndex(full)
	for _, f := range []model.Filter{
		{Actors: []string{full.Actors[2].ID}},
		{Text: "ambush"},
		{Text: "AMBUSH HILL"},
		{Text: "CAF\uFFFD AMBUSH"}, // the byte that is not UTF-8, as the import shows it
		{Text: "over two"},
		{Text: "ambush", Topics: []string{"riots"}},
	} {
		lean, _, err := ImportLean("f.csv", bytes.NewReader(data), model.KeepSummaries(f), openBytes(data))
		if err != nil {
			t.Fatal(err)
		}
		if rows := testutil.CheckLean(t, lean, fullIx, f); len(rows) == 0 {
			t.Fatalf("%+v: no rows to compare", f)
		}
	}
}

// A file changed between the import and the refill is an error that says
// so, not a wrong summary.
func TestLeanImportSaysTheFileChanged(t *testing.T) {
	data := leanExport(t)
	path := filepath.Join(t.TempDir(), "acled.csv")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	open := func() (model.ReaderAtCloser, error) { return os.Open(path) }
	lines := strings.SplitAfter(string(data), "\n")
	for what, changed := range map[string]string{
		"every row moved":             lines[0] + strings.Join(lines[2:], ""),
		"the rows in place, reworded": strings.ReplaceAll(string(data), "Mob violence", "Mob Violence"),
	} {
		s, _, err := ImportLean(path, bytes.NewReader(data), model.KeepSummaries(model.Filter{}), open)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(changed), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := testutil.RefillAll(s); err == nil || !strings.Contains(err.Error(), "the file changed while it was read") {
			t.Fatalf("refill after %s: %v", what, err)
		}
	}
}
