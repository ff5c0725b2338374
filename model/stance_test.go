package model

import (
	"os"
	"slices"
	"testing"

	"github.com/dateline/dateline/model/edtf"
)

func historyIndex(t testing.TB) *Index {
	t.Helper()
	data, err := os.ReadFile("testdata/history.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s, ps, err := Load("history.yaml", data)
	if err != nil || len(ps) > 0 {
		t.Fatalf("history story: %v %v", err, ps)
	}
	return NewIndex(s)
}

// The grid as of each boundary: the day before, on and after a change, a
// month's date counting from its first day, an interval's from its start.
func TestCellAt(t *testing.T) {
	ix := historyIndex(t)
	cases := []struct {
		asOf, actor string
		stance      Stance
		said        bool
		steps       int
	}{
		{"2023-01-09", "russia", StanceNone, false, 0},
		{"2023-01-10", "russia", StanceSupports, false, 1}, // undated: its evidence's date
		{"2023-02-19", "russia", StanceSupports, false, 1},
		{"2023-02-20", "russia", StanceOpposes, false, 2},
		{"2023-02-21", "russia", StanceOpposes, false, 2},
		{"2023-02-28", "russia", StanceOpposes, false, 2},
		{"2023-03-01", "russia", StanceConditional, false, 3}, // "2023-03" from its first day
		{"2023-01-31", "kremlin", StanceNone, false, 0},
		{"2023-02-01", "kremlin", StanceSupports, true, 0},
		{"2023-03-04", "us", StanceNone, false, 0},
		{"2023-03-05", "us", StanceOpposes, true, 0}, // "2023-03-05/2023-03-07" from its start
		{"2023-03-05", "kirby", StanceOpposes, true, 0},
	}
	for _, c := range cases {
		cell := ix.CellAt(c.actor, "deal", edtf.MustParse(c.asOf).Latest())
		st, said := cell.Shown()
		if st != c.stance || said != c.said || len(cell.History) != c.steps {
			t.Errorf("%s as of %s: %s (said %v, %d steps), want %s (said %v, %d steps)", c.actor, c.asOf, st, said, len(cell.History), c.stance, c.said, c.steps)
		}
	}
	// A month as of: everything by its last day.
	if g := ix.Grid(GridQuery{AsOf: edtf.MustParse("2023-02")}); g.At(0, 0).Stance() != StanceOpposes {
		t.Errorf("as of Feb 2023: %s, want opposes", g.At(0, 0).Stance())
	}
	if got := ix.Position("russia", "deal").Stance; got != StanceConditional {
		t.Errorf("latest = %s, want conditional", got)
	}
	want := []edtf.Day{edtf.MustParse("2023-01-10").Earliest(), edtf.MustParse("2023-02-01").Earliest(),
		edtf.MustParse("2023-02-20").Earliest(), edtf.MustParse("2023-03-01").Earliest(), edtf.MustParse("2023-03-05").Earliest()}
	if got := ix.ChangeDays([]string{"russia", "kremlin", "us", "kirby"}); !slices.Equal(got, want) {
		t.Errorf("change days %v, want %v", got, want)
	}
	if got := ix.ChangeDays([]string{"us"}); len(got) != 1 {
		t.Errorf("the US changes on %v, want only the day Kirby spoke", got)
	}
}
