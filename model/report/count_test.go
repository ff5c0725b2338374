package report_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/gen"
	"github.com/dateline/dateline/model/report"
	"github.com/dateline/dateline/model/timeaxis"
)

// TestCountsAddUp: for every unit, the rows are in time order, follow on
// from one another, and add up to the items, undated ones included.
func TestCountsAddUp(t *testing.T) {
	ix := model.NewIndex(loadBuiltIn(t))
	rows := ix.Query(model.Filter{})
	for u := timeaxis.Day; u <= timeaxis.Millennium; u++ {
		counts, err := report.Counts(ix, rows, u)
		if err != nil {
			t.Fatalf("%s: %v", u, err)
		}
		total := 0
		for i, c := range counts {
			total += c.Count
			if c.Bucket == "undated" {
				if i != len(counts)-1 || c.Start != nil || c.End != nil {
					t.Errorf("%s: the undated row is %d of %d with days %v %v", u, i, len(counts), c.Start, c.End)
				}
				continue
			}
			if c.Start == nil || c.End == nil || *c.Start > *c.End {
				t.Fatalf("%s: row %d has days %v–%v", u, i, c.Start, c.End)
			}
			if i > 0 && counts[i-1].End != nil && *counts[i-1].End >= *c.Start {
				t.Errorf("%s: row %d starts %s, before the last ended %s", u, i, *c.Start, *counts[i-1].End)
			}
		}
		if total != len(rows) {
			t.Errorf("%s: counts add to %d, want %d", u, total, len(rows))
		}
	}
}

// TestCountPutsAnOpenStartAtItsEnd: "by Jan 2023" counts in January 2023.
func TestCountPutsAnOpenStartAtItsEnd(t *testing.T) {
	ix := model.NewIndex(loadBuiltIn(t))
	p, ok := ix.Lookup("meeting-planning")
	if !ok {
		t.Fatal("no meeting-planning in the built-in story")
	}
	counts, err := report.Counts(ix, []int32{int32(p)}, timeaxis.Month)
	if err != nil {
		t.Fatal(err)
	}
	if len(counts) != 1 || counts[0].Bucket != "Jan 2023" || counts[0].Count != 1 {
		t.Errorf("counts = %+v", counts)
	}
}

func TestCountFormats(t *testing.T) {
	ix := model.NewIndex(loadBuiltIn(t))
	counts, err := report.Counts(ix, ix.Query(model.Filter{}), timeaxis.Year)
	if err != nil {
		t.Fatal(err)
	}
	var text, js, csv bytes.Buffer
	if err := report.WriteCountText(&text, counts); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(text.String(), "\n"), "\n")
	if len(lines) != len(counts) {
		t.Fatalf("%d text lines for %d rows", len(lines), len(counts))
	}
	most := 0
	for _, c := range counts {
		most = max(most, c.Count)
	}
	for i, l := range lines {
		if !strings.HasPrefix(l, counts[i].Bucket) {
			t.Errorf("line %d %q does not start with %q", i, l, counts[i].Bucket)
		}
		if counts[i].Count == most && strings.Count(l, "█") != 40 {
			t.Errorf("the largest count's bar is %q, want 40 cells", l)
		}
		if counts[i].Count == 0 && strings.ContainsAny(l, "█▏▎▍▌▋▊▉") {
			t.Errorf("an empty bucket has a bar: %q", l)
		}
	}
	if err := report.WriteCountJSON(&js, counts); err != nil {
		t.Fatal(err)
	}
	var back []report.CountRow
	if err := json.Unmarshal(js.Bytes(), &back); err != nil || len(back) != len(counts) {
		t.Fatalf("JSON: %v, %d rows", err, len(back))
	}
	if err := report.WriteCountCSV(&csv, counts); err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(csv.String(), "\n"); got != len(counts)+1 {
		t.Errorf("CSV has %d lines, want a header and %d rows", got, len(counts))
	}
}

// BenchmarkCountByMonth is what `dateline count --by month` adds to the
// load at a million events: the query of everything, and the counting.
func BenchmarkCountByMonth(b *testing.B) {
	if testing.Short() {
		b.Skip("builds a 1M-event index")
	}
	ix := model.NewIndex(gen.Story(gen.Config{Events: 1_000_000, Seed: 1}))
	b.ResetTimer()
	for b.Loop() {
		if _, err := report.Counts(ix, ix.Query(model.Filter{}), timeaxis.Month); err != nil {
			b.Fatal(err)
		}
	}
}
