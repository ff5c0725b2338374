package report_test

import (
	"bytes"
	"encoding/csv"
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

func TestWritePositions(t *testing.T) {
	ix := newTestIndex(t)
	g := ix.Grid(model.GridQuery{})
	var buf bytes.Buffer
	if err := report.WritePositionsText(&buf, ix, g); err != nil {
		t.Fatal(err)
	}
	text := buf.String()
	lines := strings.Split(text, "\n")
	if f := strings.Fields(lines[0]); !slices.Equal(f, []string{"actor", "warrant", "visit", "ceasefire"}) {
		t.Errorf("header %q", lines[0])
	}
	// Rows in tree order, children indented two spaces a level.
	for i, prefix := range []string{"China ", "  Xi ", "ICC ", "Russia ", "  Kremlin ", "  Putin ", "  Russian state TV ",
		"United States ", "  White House ", "    Kirby "} {
		if !strings.HasPrefix(lines[1+i], prefix) {
			t.Errorf("row %d = %q, want it to start %q", i, lines[1+i], prefix)
		}
	}
	row := func(i int) []string { return regexp.MustCompile(`\s{2,}`).Split(strings.TrimSpace(lines[i]), -1) }
	if got, want := row(4), []string{"Russia", "✗ opposes", "· none", "· said ✓ supports"}; !slices.Equal(got, want) {
		t.Errorf("Russia's row = %q, want %q", got, want)
	}
	// Never a bare none where a statement takes a stance.
	if got, want := row(5), []string{"Kremlin", "· said ✗ opposes", "· none", "· none"}; !slices.Equal(got, want) {
		t.Errorf("the Kremlin's row = %q, want %q", got, want)
	}
	for _, want := range []string{
		"Russia on warrant: opposes, dated 17–19 Mar 2023. Rejects it. [s-void]",
		"United States on ceasefire: opposes, dated",
		"China on visit: supports, dated",
		"Kremlin on warrant: no position recorded; said opposes [s-void]",
		"Kirby on ceasefire: no position recorded; said opposes [s-kirby]",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("positions text lacks %q:\n%s", want, text)
		}
	}

	buf.Reset()
	if err := report.WritePositionsJSON(&buf, ix, g); err != nil {
		t.Fatal(err)
	}
	var got []struct {
		Actor, Topic, Stance, Summary string
		Date                          *string
		Evidence                      []string
		History                       []struct{ Date, Stance, Summary string }
		Said                          []struct{ Statement, Date, Stance string }
	}
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 10*3 {
		t.Fatalf("%d cells, want 30", len(got))
	}
	for _, want := range []string{`"evidence": []`, `"history": []`, `"said": []`, `"date": null`} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("empty cells must say %s rather than leave it out:\n%.400s", want, buf.String())
		}
	}
	cells := map[string]int{}
	for i, c := range got {
		cells[c.Actor+"/"+c.Topic] = i
	}
	for k, want := range map[string]string{"russia/warrant": "opposes", "united-states/ceasefire": "opposes",
		"china/visit": "supports", "kremlin/warrant": "none", "xi/visit": "none"} {
		if got[cells[k]].Stance != want {
			t.Errorf("%s = %q, want %q", k, got[cells[k]].Stance, want)
		}
	}
	if c := got[cells["kremlin/warrant"]]; len(c.Said) != 1 || c.Said[0].Statement != "s-void" || c.Said[0].Stance != "opposes" || c.Said[0].Date != "2023-03-17/2023-03-19" {
		t.Errorf("the Kremlin's said on the warrant = %+v", c.Said)
	}
	if c := got[cells["russia/warrant"]]; c.Date == nil || *c.Date != "2023-03-17/2023-03-19" || len(c.History) != 1 || c.History[0].Stance != "opposes" {
		t.Errorf("Russia on the warrant: date %v, history %+v; want the evidence's date and one step", c.Date, c.History)
	}
}

func TestWritePositionsMarkdown(t *testing.T) {
	s := loadBuiltIn(t)
	ix := model.NewIndex(s)
	var b bytes.Buffer
	if err := report.WritePositionsMarkdown(&b, ix, ix.Grid(model.GridQuery{})); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(b.String(), "\n")
	if want := len(s.Topics) + 1; strings.Count(lines[0], " |") != want {
		t.Errorf("header %q has not %d columns", lines[0], want)
	}
	if !strings.HasPrefix(lines[1], "| --- |") {
		t.Errorf("no delimiter row: %q", lines[1])
	}
	for i, n := range ix.ActorTree() {
		row := lines[2+i]
		if !strings.Contains(row, n.Actor.Name) {
			t.Errorf("row %d is %q, want actor %s", i, row, n.Actor.Name)
		}
		if got := strings.Count(row, " |"); got != len(s.Topics)+1 {
			t.Errorf("row %q has %d cells", row, got)
		}
		if strings.Contains(row, "Kremlin") && !strings.Contains(row, "said ✗ opposes") {
			t.Errorf("the Kremlin's row %q must say what it said on the warrant", row)
		}
	}
	for _, p := range s.Positions {
		if !strings.Contains(b.String(), "`"+p.Evidence[0]+"`") {
			t.Errorf("the evidence %s of %s on %s is missing", p.Evidence[0], p.Actor, p.Topic)
		}
	}
}

// historyIndex indexes model/testdata/history.yaml, whose positions change.
func historyIndex(t *testing.T) *model.Index {
	return testutil.LoadIndex(t, "../testdata/history.yaml")
}

// Every format says the same of a cell, as of a date and narrowed.
func TestWritePositionsFormats(t *testing.T) {
	ix := historyIndex(t)
	g := ix.Grid(model.GridQuery{AsOf: edtf.MustParse("2023-03-05"), Actors: []string{"russia"}, Topics: []string{"deal"}})
	if len(g.Rows) != 2 || len(g.Topics) != 1 {
		t.Fatalf("--actor russia --topic deal: %d rows × %d topics, want Russia and the Kremlin × deal", len(g.Rows), len(g.Topics))
	}
	write := func(f func(*bytes.Buffer) error) string {
		var b bytes.Buffer
		if err := f(&b); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	text := write(func(b *bytes.Buffer) error { return report.WritePositionsText(b, ix, g) })
	md := write(func(b *bytes.Buffer) error { return report.WritePositionsMarkdown(b, ix, g) })
	js := write(func(b *bytes.Buffer) error { return report.WritePositionsJSON(b, ix, g) })
	cs := write(func(b *bytes.Buffer) error { return report.WritePositionsCSV(b, ix, g) })
	for name, out := range map[string]string{"text": text, "markdown": md} {
		for _, want := range []string{"As of Sun 5 Mar 2023", "◐ conditional", "said ✓ supports", "Walks out."} {
			if !strings.Contains(out, want) {
				t.Errorf("%s lacks %q:\n%s", name, want, out)
			}
		}
	}
	var cells []struct {
		Actor, Stance string
		History       []struct{ Date, Stance string }
	}
	if err := json.Unmarshal([]byte(js), &cells); err != nil {
		t.Fatal(err)
	}
	var steps []string
	for _, h := range cells[0].History {
		steps = append(steps, h.Date+" "+h.Stance)
	}
	if want := []string{"2023-01-10 supports", "2023-02-20 opposes", "2023-03 conditional"}; cells[0].Stance != "conditional" || !slices.Equal(steps, want) {
		t.Errorf("json: Russia %s, history %q; want conditional after %q", cells[0].Stance, steps, want)
	}
	recs, err := csv.NewReader(strings.NewReader(cs)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(recs[0], report.PositionsCSVHeader) || len(recs) != 3 {
		t.Fatalf("csv: %q", recs)
	}
	if got := recs[2][:3]; !slices.Equal(got, []string{"kremlin", "deal", "said supports"}) {
		t.Errorf("csv Kremlin row starts %q, want said supports", got)
	}
	if got := recs[1][6]; got != "2023-01-10 supports; 2023-02-20 opposes; 2023-03 conditional" {
		t.Errorf("csv history = %q", got)
	}
}
