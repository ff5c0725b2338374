package parquet

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	pq "github.com/parquet-go/parquet-go"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/edtf"
	"github.com/dateline/dateline/model/gen"
	"github.com/dateline/dateline/model/internal/testutil"
)

// untitledRow has rows whose title is made of their description (no
// title, no topic), rows with a place and none, and no description.
type untitledRow struct {
	Date  int32  `parquet:"date,date"`
	Title string `parquet:"title,optional"`
	Notes string `parquet:"notes,optional"`
	Where string `parquet:"location,optional"`
	Who   string `parquet:"actors"`
}

// leanFiles writes gen's Parquet and a file of small row
// groups with untitled rows (untitledFile), and returns their paths.
func leanFiles(t *testing.T) (genPath, untitledPath string) {
	var g bytes.Buffer
	if err := gen.Write(&g, gen.Config{Events: 3000, Seed: 5}, gen.Parquet); err != nil {
		t.Fatal(err)
	}
	genPath = filepath.Join(t.TempDir(), "gen.parquet")
	if err := os.WriteFile(genPath, g.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return genPath, untitledFile(t)
}

// untitledFile writes 300 rows in row groups of 23, some without a title.
func untitledFile(t *testing.T) string {
	var rows []untitledRow
	for i := range 300 {
		// Sorted by date, ten rows a day: a range skips whole row groups.
		r := untitledRow{Date: days("2023-01-01") + int32(i/10), Who: []string{"Ann; Bob", "Cy", "Ann"}[i%3]}
		switch i % 5 {
		case 0:
			r.Notes = "An ambush near the river\nsecond line" // the title is its first line
		case 1:
			r.Title, r.Notes, r.Where = "Talks", "Quiet talks.", "Ambush Hill"
		case 2:
			r.Title, r.Where = "Only a place", "Lyon"
		case 3:
			r.Title, r.Notes = "   ", fmt.Sprintf("A title of spaces, %d", i) // untitled too
		default:
			r.Notes = "caf\xe9 ambush" // not UTF-8, and untitled
		}
		rows = append(rows, r)
	}
	path := filepath.Join(t.TempDir(), "untitled.parquet")
	if err := os.WriteFile(path, write(t, rows, pq.MaxRowsPerRowGroup(23)), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// leanOptions are the options the command line gives a lean load for f.
func leanOptions(f model.Filter, refill bool) Options {
	return Options{Keep: model.KeepSummaries(f), Refill: refill, NoText: f.Text == "", Since: f.Since, Until: f.Until}
}

// A lean load answers every filter as the whole load does, and once the
// rows' summaries are read back they are the whole load's: with the
// description column left unread for a filter without text, by a date
// range, and across the files of a directory.
func TestLeanLoadAnswersAsTheWholeOne(t *testing.T) {
	genPath, untitledPath := leanFiles(t)
	hive := t.TempDir()
	for i, p := range []string{genPath, untitledPath} {
		part := filepath.Join(hive, "part="+string(rune('a'+i)))
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(part, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(part, "0.parquet"), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, path := range []string{genPath, untitledPath, hive} {
		full, _, err := Load(path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		fullIx := model.NewIndex(full)
		filters := []model.Filter{
			{Actors: []string{full.Actors[1].ID}},
			{Text: "ambush"},
			{Text: "AMBUSH HILL"},
			{Text: "second line"},
			{Text: "caf\uFFFD ambush"},
			{Actors: []string{full.Actors[0].ID}, Since: edtf.MustParse("2019-06"), Until: edtf.MustParse("2023-01-20")},
			// The row groups before are skipped, and the rows read back
			// are counted as the load counted them.
			{Actors: []string{full.Actors[0].ID}, Since: edtf.MustParse("2023-01-15")},
			{Text: "ambush", Since: edtf.MustParse("2023-01-15")},
		}
		for _, f := range filters {
			whole := fullIx
			if !f.Since.IsZero() {
				ranged, _, err := Load(path, Options{Since: f.Since, Until: f.Until})
				if err != nil {
					t.Fatal(err)
				}
				whole = model.NewIndex(ranged)
			}
			lean, _, err := Load(path, leanOptions(f, true))
			if err != nil {
				t.Fatal(err)
			}
			rows := testutil.CheckLean(t, lean, whole, f)
			if len(rows) == 0 && path != genPath {
				t.Fatalf("%s %+v: no rows to compare", path, f)
			}
		}
	}
}

// Left out for good (count, validate), the summaries cannot be asked for,
// and the events are otherwise the whole load's: the untitled rows'
// titles still come from their descriptions.
func TestLeanLoadForGood(t *testing.T) {
	path := untitledFile(t)
	full, _, err := Load(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	lean, _, err := Load(path, leanOptions(model.Filter{}, false))
	if err != nil {
		t.Fatal(err)
	}
	if testutil.EmptySummaries(lean) != len(lean.Events) {
		t.Fatalf("%d of %d summaries kept", len(lean.Events)-testutil.EmptySummaries(lean), len(lean.Events))
	}
	for i := range full.Events {
		want := full.Events[i]
		want.Summary = ""
		if !reflect.DeepEqual(lean.Events[i], want) {
			t.Fatalf("event %d:\n%+v\nwant\n%+v", i, lean.Events[i], want)
		}
	}
	if full.Events[0].Title != "An ambush near the river" {
		t.Fatalf("the untitled row's title: %q", full.Events[0].Title)
	}
	ix := model.NewIndex(lean)
	if err := ix.Refill([]int32{0}); err == nil || !strings.Contains(err.Error(), "left out for good") {
		t.Fatalf("refill: %v", err)
	}
}

// A file changed between the load and the refill is an error that says
// so, not a wrong summary; so is one gone.
func TestLeanLoadSaysTheFileChanged(t *testing.T) {
	var untitledPath string
	other := write(t, []untitledRow{{Date: days("2023-01-01"), Title: "Other"}})
	for what, change := range map[string]func() error{
		"rewritten": func() error { return os.WriteFile(untitledPath, other, 0o644) },
		"touched": func() error {
			later := time.Now().Add(time.Hour)
			return os.Chtimes(untitledPath, later, later)
		},
		"gone": func() error { return os.Remove(untitledPath) },
	} {
		path := untitledFile(t)
		untitledPath = path
		s, _, err := Load(path, leanOptions(model.Filter{}, true))
		if err != nil {
			t.Fatal(err)
		}
		if err := change(); err != nil {
			t.Fatal(err)
		}
		ix := model.NewIndex(s)
		err = ix.Refill([]int32{0, 1, 2})
		if err == nil || what != "gone" && !strings.Contains(err.Error(), "the file changed while it was read; run the command again") ||
			what == "gone" && !strings.Contains(err.Error(), "cannot read the summaries again: the file was moved or removed while the command ran; run the command again") {
			t.Fatalf("refill after the file was %s: %v", what, err)
		}
	}
}

// A refill closes the files it opened once it is done.
func TestRefillClosesItsFiles(t *testing.T) {
	path := untitledFile(t)
	s, _, err := Load(path, leanOptions(model.Filter{}, true))
	if err != nil {
		t.Fatal(err)
	}
	if err := testutil.RefillAll(s); err != nil {
		t.Fatal(err)
	}
	fds, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skip("no /proc/self/fd here")
	}
	for _, fd := range fds {
		if to, _ := os.Readlink(filepath.Join("/proc/self/fd", fd.Name())); to == path {
			t.Fatalf("%s is still open after the refill (fd %s)", path, fd.Name())
		}
	}
}
