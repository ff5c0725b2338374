package report_test

import (
	"bytes"
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/edtf"
	"github.com/dateline/dateline/model/internal/testutil"
	"github.com/dateline/dateline/model/report"
)

func TestListItemAt(t *testing.T) {
	ix := newTestIndex(t)
	str := func(s string) *string { return &s }
	cases := []report.ListItem{
		{ID: "e-warrant", Kind: "event", Date: "2023-03-17", Start: str("2023-03-17"), End: str("2023-03-17"),
			Title: "Court issues warrant", Summary: "Over the deportation of children.",
			Actors: []string{"icc", "putin"}, Topics: []string{"warrant"}},
		{ID: "e-planning", Kind: "event", Date: "../2023-01", Start: nil, End: str("2023-01-31"),
			Title: "Meeting planned", Actors: []string{"putin", "xi"}, Topics: []string{"visit"}},
		{ID: "e-year", Kind: "event", Date: "2023", Start: str("2023-01-01"), End: str("2023-12-31"),
			Title: "A year of war", Actors: []string{}, Topics: []string{}},
		{ID: "e-undated", Kind: "event", Date: "", Start: nil, End: nil,
			Title: "The invasion", Actors: []string{"russia"}, Topics: []string{}},
		{ID: "s-void", Kind: "statement", Date: "2023-03-17/2023-03-19", Start: str("2023-03-17"), End: str("2023-03-19"),
			Title: "Kremlin: “legally null and void”", Actors: []string{"kremlin"}, Topics: []string{"warrant"},
			Speaker: "kremlin", Quote: "legally null and void", Stances: map[string]model.Stance{"warrant": model.StanceOpposes},
			ReactsTo: "e-warrant"},
	}
	for _, want := range cases {
		p, _ := ix.Lookup(want.ID)
		got := report.ListItemAt(ix, p)
		got.Display = "" // the EDTF tests cover how dates read
		if g, w := mustJSON(t, got), mustJSON(t, want); g != w {
			t.Errorf("ListItemAt(%s)\n got %s\nwant %s", want.ID, g, w)
		}
	}
}

// Every dated item has a start and an end, before the era and beyond four
// digits too (issue 10); only open ends are null.
func TestListItemFarDates(t *testing.T) {
	cases := []struct {
		date       string
		start, end any
	}{
		{"-0044-03-15", "-0044-03-15", "-0044-03-15"},
		{"-3499", "-3499-01-01", "-3499-12-31"},
		{"Y170000002", "170000002-01-01", "170000002-12-31"},
		{"Y-314999", "-314999-01-01", "-314999-12-31"},
		{"2023-02-24/..", "2023-02-24", nil},
		{"../2023-01", nil, "2023-01-31"},
		{"0001-01-01", "0001-01-01", "0001-01-01"},
	}
	for _, c := range cases {
		s := &model.Story{Events: []model.Event{{ID: "e", Title: "E", Date: edtf.MustParse(c.date)}}}
		var buf bytes.Buffer
		ix := model.NewIndex(s)
		if err := report.WriteListJSON(&buf, ix, ix.Query(model.Filter{})); err != nil {
			t.Fatal(err)
		}
		var items []map[string]any
		if err := json.Unmarshal(buf.Bytes(), &items); err != nil {
			t.Fatal(err)
		}
		if items[0]["date"] != c.date || items[0]["start"] != c.start || items[0]["end"] != c.end {
			t.Errorf("%s: date %v start %v end %v, want start %v end %v", c.date, items[0]["date"], items[0]["start"], items[0]["end"], c.start, c.end)
		}
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestWriteListJSON(t *testing.T) {
	ix := newTestIndex(t)
	var buf bytes.Buffer
	rows := ix.Query(model.Filter{Actors: []string{"united-states"}})
	if err := report.WriteListJSON(&buf, ix, rows); err != nil {
		t.Fatal(err)
	}
	var items []map[string]any
	if err := json.Unmarshal(buf.Bytes(), &items); err != nil {
		t.Fatalf("not a JSON array: %v\n%s", err, buf.String())
	}
	var got []string
	for _, it := range items {
		got = append(got, it["id"].(string))
	}
	if want := []string{"e-weekend", "s-kirby"}; !slices.Equal(got, want) {
		t.Errorf("ids %v, want %v", got, want)
	}
	buf.Reset()
	if err := report.WriteListJSON(&buf, ix, nil); err != nil || strings.TrimSpace(buf.String()) != "[]" {
		t.Errorf("no rows = %q, %v; want []", buf.String(), err)
	}
}

func TestWriteListText(t *testing.T) {
	ix := newTestIndex(t)
	var buf bytes.Buffer
	if err := report.WriteListText(&buf, ix, ix.Query(model.Filter{}), report.ListTextOptions{}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	// The timeline order itself is model's TestTimelineOrder's to check.
	testTimeline := make([]string, ix.Len())
	for i := range testTimeline {
		testTimeline[i] = ix.At(i).ID()
	}
	if len(lines) != len(testTimeline) {
		t.Fatalf("%d lines, want one per item: %d\n%s", len(lines), len(testTimeline), buf.String())
	}
	for i, id := range testTimeline {
		p, _ := ix.Lookup(id)
		line := lines[i]
		if !strings.Contains(line, ix.Title(p)) {
			t.Errorf("line %d %q lacks the title of %s", i, line, id)
		}
		kind := "event"
		if ix.Kind(p) == model.StatementItem {
			kind = "quote"
		}
		if !regexp.MustCompile(`\s` + kind + `\s`).MatchString(line) {
			t.Errorf("line %q does not say %s", line, kind)
		}
		if ix.At(p).Date().IsZero() != strings.HasPrefix(line, "undated") {
			t.Errorf("line %q: undated items, and only they, start with undated", line)
		}
	}
	want := "[icc, putin]"
	if p, _ := ix.Lookup("e-warrant"); !strings.HasSuffix(lines[p], want) {
		t.Errorf("line %q does not end with its actors %s", lines[p], want)
	}
}

// newTestIndex indexes the model tests' hand-checked story
// (model/testdata/index.yaml).
func newTestIndex(t *testing.T) *model.Index { return testutil.LoadIndex(t, "../testdata/index.yaml") }
