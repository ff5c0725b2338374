package report_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/edtf"
	"github.com/dateline/dateline/model/report"
)

// listText is WriteListText's lines for s.
func listText(t *testing.T, s *model.Story, opt report.ListTextOptions) []string {
	t.Helper()
	ix := model.NewIndex(s)
	var b bytes.Buffer
	if err := report.WriteListText(&b, ix, ix.Query(model.Filter{}), opt); err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
}

// TestListTextTitlesWholeWhenPiped: a statement's title made from its
// quote is cut for a screen, and given whole to a pipe (issue 10).
func TestListTextTitlesWholeWhenPiped(t *testing.T) {
	quote := strings.Repeat("word ", 40) + "end"
	long := strings.Repeat("title ", 30) + "end"
	s := &model.Story{
		Actors:     []model.Actor{{ID: "sp", Name: "Spokes Person", Kind: "person"}},
		Events:     []model.Event{{ID: "e", Title: long}},
		Statements: []model.Statement{{ID: "s", Speaker: "sp", Quote: quote}, {ID: "p", Speaker: "sp", Quote: quote, Paraphrase: true}},
	}
	cases := []struct {
		name     string
		terminal bool
		want     []string // each in a line
	}{
		{"piped", false, []string{long, "Spokes Person: “" + quote + "”", "Spokes Person: " + quote}},
		{"terminal", true, []string{long, "Spokes Person: “word word", "Spokes Person: word word"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			lines := listText(t, s, report.ListTextOptions{Terminal: c.terminal})
			out := strings.Join(lines, "\n")
			for _, w := range c.want {
				if !strings.Contains(out, w) {
					t.Errorf("the list lacks %q:\n%s", w, out)
				}
			}
			cut := 0
			if c.terminal {
				cut = 2 // the two made titles
			}
			if n := strings.Count(out, "…"); n != cut {
				t.Errorf("%d titles cut with …, want %d:\n%s", n, cut, out)
			}
		})
	}
}

// TestListTextColumnsAligned: the kind column starts at the same place on
// every line, however wide the dates are (issue 10).
func TestListTextColumnsAligned(t *testing.T) {
	cases := [][]string{
		{"2023-03-17", "2023-03-18"},
		{"2023-03-17", "Y-1380000000000/Y-1000000000"},
		{"Y-170000002~/Y170000002?", "2023-03-17", "-0044-03-15"},
		{"Y170000002/Y170000003", "../2023-03-17", "2023-03-17/.."},
		{"Y-13800000000?", "2023"},
	}
	for _, dates := range cases {
		s := &model.Story{Events: []model.Event{{ID: "undated", Title: "t"}}}
		for i, d := range dates {
			date, err := edtf.Parse(d)
			if err != nil {
				t.Fatal(err)
			}
			s.Events = append(s.Events, model.Event{ID: "e" + string(rune('a'+i)), Date: date, Title: "t"})
		}
		for _, terminal := range []bool{false, true} {
			lines := listText(t, s, report.ListTextOptions{Terminal: terminal})
			col := -1
			for _, l := range lines {
				i := strings.Index(l, " event ")
				if i < 0 {
					t.Fatalf("line %q has no kind", l)
				}
				at := ansi.StringWidth(l[:i])
				if col >= 0 && at != col {
					t.Errorf("dates %v: the kind column is at %d and %d:\n%s", dates, col, at, strings.Join(lines, "\n"))
					break
				}
				col = at
			}
		}
	}
}
