package report_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/report"
)

// TestPositionsTextCapsPadding: a huge actor name or topic id is cut with
// an ellipsis in the table, instead of padding every row to its width
// (issue 10: one 1 MB name made 526 MB of output); the table stays in line.
func TestPositionsTextCapsPadding(t *testing.T) {
	huge := strings.Repeat("n", 1<<20)
	cases := []struct {
		name   string
		actors []model.Actor
		topics []model.Topic
	}{
		{"a 1 MB name",
			[]model.Actor{{ID: "a", Name: huge, Kind: "person"}, {ID: "b", Name: "Bee", Kind: "person"}},
			[]model.Topic{{ID: "t", Title: "T"}, {ID: "u", Title: "U"}}},
		{"a 1 MB name, nested",
			[]model.Actor{{ID: "a", Name: "A", Kind: "group"}, {ID: "b", Name: huge, Kind: "person", Parent: "a"}},
			[]model.Topic{{ID: "t", Title: "T"}}},
		{"a wide name",
			[]model.Actor{{ID: "a", Name: strings.Repeat("漢", 1<<16), Kind: "person"}, {ID: "b", Name: "Bee", Kind: "person"}},
			[]model.Topic{{ID: "t", Title: "T"}}},
		{"a 1 MB topic id",
			[]model.Actor{{ID: "a", Name: "A", Kind: "person"}, {ID: "b", Name: "B", Kind: "person"}},
			[]model.Topic{{ID: "t" + strings.Repeat("x", 1<<20), Title: "T"}, {ID: "u", Title: "U"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ix := model.NewIndex(&model.Story{Actors: c.actors, Topics: c.topics})
			var b bytes.Buffer
			if err := report.WritePositionsText(&b, ix, ix.Grid(model.GridQuery{})); err != nil {
				t.Fatal(err)
			}
			if b.Len() > 4096 {
				t.Fatalf("%d bytes of table for %d actors and %d topics", b.Len(), len(c.actors), len(c.topics))
			}
			if !strings.Contains(b.String(), "…") {
				t.Errorf("nothing cut with …:\n%s", b.String())
			}
			lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
			// Every row's last cell ends at the same column ("· none" is the
			// widest stance here, padded like the rest but trimmed at the end).
			col := -1
			for _, l := range lines[1:] {
				at := ansi.StringWidth(l)
				if col >= 0 && at != col {
					t.Errorf("rows of widths %d and %d:\n%s", col, at, b.String())
					break
				}
				col = at
			}
		})
	}
}
