package report_test

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/edtf"
	"github.com/dateline/dateline/model/report"
)

// TestGuardCSVCell: a cell that a spreadsheet would evaluate gets one
// leading apostrophe, and UnguardCSVCell gives back what was written
// (issue 10; OWASP's CSV injection).
func TestGuardCSVCell(t *testing.T) {
	cases := []struct{ cell, want string }{
		{"", ""},
		{"plain", "plain"},
		{"=1+1", "'=1+1"},
		{"+1", "'+1"},
		{"-0044-03-15", "'-0044-03-15"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tx", "'\tx"},
		{"\rx", "'\rx"},
		{"a=b", "a=b"},
		{" =1", " =1"},
		{"'tis", "'tis"},
		{"'=1", "''=1"},
		{"''-1", "'''-1"},
		{"'", "'"},
	}
	for _, c := range cases {
		got := report.GuardCSVCell(c.cell)
		if got != c.want {
			t.Errorf("GuardCSVCell(%q) = %q, want %q", c.cell, got, c.want)
		}
		if back := report.UnguardCSVCell(got); back != c.cell {
			t.Errorf("UnguardCSVCell(%q) = %q, want %q back", got, back, c.cell)
		}
	}
}

// FuzzGuardCSVCell: no guarded cell starts a formula, and every cell comes
// back as it was.
func FuzzGuardCSVCell(f *testing.F) {
	for _, s := range []string{"", "=1", "'=1", "''", "-0044", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		g := report.GuardCSVCell(s)
		if g != "" && strings.ContainsRune("=+-@\t\r", rune(g[0])) {
			t.Fatalf("GuardCSVCell(%q) = %q starts a formula", s, g)
		}
		if back := report.UnguardCSVCell(g); back != s {
			t.Fatalf("UnguardCSVCell(GuardCSVCell(%q)) = %q", s, back)
		}
	})
}

// TestWriteListCSVGuardsEveryColumn: dates before the common era, and any
// other cell, are written so that no spreadsheet evaluates them.
func TestWriteListCSVGuardsEveryColumn(t *testing.T) {
	date := func(s string) edtf.Date {
		d, err := edtf.Parse(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	s := &model.Story{
		Actors:  []model.Actor{{ID: "a", Name: "=cmd"}},
		Topics:  []model.Topic{{ID: "t", Title: "-topic"}},
		Sources: []model.Source{{ID: "s", Outlet: "@out"}},
		Events: []model.Event{
			{ID: "ides", Date: date("-0044-03-15"), Title: "+title", Summary: "\tsummary",
				Actors: []model.Role{{Actor: "a"}}, Topics: []string{"t"}, Citations: []model.Citation{{Source: "s"}}},
			{ID: "range", Date: date("-0100/-0050"), Title: "\rtitle", Summary: "=1+1"},
		},
	}
	ix := model.NewIndex(s)
	var b bytes.Buffer
	if err := report.WriteListCSV(&b, ix, ix.Query(model.Filter{})); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	guarded := 0
	for _, rec := range recs[1:] {
		for i, cell := range rec {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("%s's %s cell %q would be evaluated", rec[0], report.ListCSVHeader[i], cell)
			}
			if strings.HasPrefix(cell, "'") {
				guarded++
			}
		}
	}
	if guarded == 0 {
		t.Errorf("no cell guarded:\n%s", b.String())
	}
}
