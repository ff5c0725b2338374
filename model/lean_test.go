package model_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/edtf"
	"github.com/dateline/dateline/model/gen"
	"github.com/dateline/dateline/model/internal/testutil"
)

// leanFile writes gen's NDJSON story and some lines of its own (escapes,
// an accent, no summary, a line longer than the refill's buffer, a match
// in the title only, a last line without a line break) to a file.
func leanFile(t *testing.T) (path, data string) {
	t.Helper()
	var buf bytes.Buffer
	if err := gen.Write(&buf, gen.Config{Events: 3000, Seed: 7}, gen.NDJSON); err != nil {
		t.Fatal(err)
	}
	extra := []string{
		`{"type":"event","id":"lean-esc","date":"2021-05-01","title":"Escapes","summary":"Quoted \"ambush\" at Caf\u00e9 du Pont\nsecond line"}`,
		`{"type":"event","id":"lean-empty","date":"2021-05-02","title":"No summary"}`,
		`{"type":"event","id":"lean-long","date":"2021-05-03","title":"Long","summary":"` + strings.Repeat("word ", 300_000) + `ambush"}`,
		`{"type":"event","id":"lean-title","date":"2021-05-04","title":"An ambush in the title","summary":"nothing here"}`,
	}
	data = buf.String() + strings.Join(extra, "\n")
	path = filepath.Join(t.TempDir(), "story.ndjson")
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, data
}

func loadLean(t *testing.T, path string, f model.Filter) *model.Story {
	t.Helper()
	file, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	open := func() (model.ReaderAtCloser, error) { return os.Open(path) }
	s, _, err := model.LoadNDJSONLean(path, file, model.KeepSummaries(f), open)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// A lean load answers every filter as the whole story does, and once the
// rows' summaries are fetched back they are the whole story's items, while
// it left out the summaries no answer needed.
func TestLeanLoadAnswersAsTheWholeStory(t *testing.T) {
	path, data := leanFile(t)
	full, _, err := model.LoadNDJSON(path, strings.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	fullIx := model.NewIndex(full)
	actor, topic := full.Actors[3].ID, full.Topics[1].ID
	for _, f := range []model.Filter{
		{Actors: []string{actor}},
		{Topics: []string{topic}},
		{Since: edtf.MustParse("2021-05"), Until: edtf.MustParse("2021-05")},
		{Text: "ambush"},
		{Text: "AMBUSH in"},
		{Text: "café"},
		{Text: "CAFÉ DU"},
		{Text: "MÉHEIM"},
		{Text: "nothing here"},
		{Text: "ambush", Actors: []string{actor}},
		{Text: "\"ambush\""},
	} {
		if rows := testutil.CheckLean(t, loadLean(t, path, f), fullIx, f); len(rows) == 0 {
			t.Fatalf("%+v: no rows to compare", f)
		}
	}
	// A text that folds to nothing matches everything: nothing is left out.
	if s := loadLean(t, path, model.Filter{Text: "\u200b"}); testutil.EmptySummaries(s) != testutil.EmptySummaries(full) || model.KeepSummaries(model.Filter{Text: "\u200b"}) != nil {
		t.Errorf("a text that folds to nothing loaded lean")
	}
}

// A file changed between the load and the refill is an error that says so,
// not a wrong summary.
func TestLeanRefillSaysTheFileChanged(t *testing.T) {
	path, data := leanFile(t)
	f := model.Filter{Text: "ambush"}
	s := loadLean(t, path, f)
	ix := model.OrderedIndex(s)
	rows := ix.Query(f)
	if err := os.WriteFile(path, []byte("\n"+data), 0o644); err != nil { // every line one further on
		t.Fatal(err)
	}
	err := ix.Refill(rows)
	if err == nil || !strings.Contains(err.Error(), "the file changed while it was read") {
		t.Fatalf("refill after the file changed: %v", err)
	}
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if err := ix.Refill(rows); err == nil || !strings.Contains(err.Error(), "cannot read the summaries again: the file was moved or removed while the command ran; run the command again") {
		t.Fatalf("refill after the file went: %v", err)
	}
}

// A load told that nothing will be fetched back (validate, count) keeps
// no places, and asking for the summaries then is an error, not events
// without them.
func TestLeanForGoodSaysSo(t *testing.T) {
	path, data := leanFile(t)
	s, _, err := model.LoadNDJSONLean(path, strings.NewReader(data), model.KeepSummaries(model.Filter{}), nil)
	if err != nil {
		t.Fatal(err)
	}
	if testutil.EmptySummaries(s) <= 1 {
		t.Fatalf("nothing was left out: %d empty summaries", testutil.EmptySummaries(s))
	}
	ix := model.OrderedIndex(s)
	if err := ix.Refill(ix.Query(model.Filter{})); err == nil || !strings.Contains(err.Error(), "left out for good") {
		t.Errorf("refill of a load for good: %v", err)
	}
}
