package sheet

import (
	"errors"
	"strings"
	"testing"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/internal/testutil"
	"github.com/dateline/dateline/model/report"
)

func importString(t *testing.T, data string, opt Options) (*model.Story, model.Problems, error) {
	t.Helper()
	s, warns, err := Import("f.csv", strings.NewReader(data), opt)
	testutil.CheckImported(t, s, warns, err)
	return s, warns, err
}

func TestParseDate(t *testing.T) {
	for _, tc := range []struct {
		in    string
		order DateOrder
		want  string
	}{
		{"2019-07-14", Unordered, "2019-07-14"},
		{"2019-07", Unordered, "2019-07"},
		{"2019", Unordered, "2019"},
		{"2019-07-14/2019-07-20", Unordered, "2019-07-14/2019-07-20"},
		{"14 Jul 2019", Unordered, "2019-07-14"},
		{"14 July 2019", Unordered, "2019-07-14"},
		{"July 14, 2019", Unordered, "2019-07-14"},
		{"Sept 3rd, 2019", Unordered, "2019-09-03"},
		{"July 2019", Unordered, "2019-07"},
		{"2019/07/14", Unordered, "2019-07-14"},
		{"2019-07-14 10:30:00", Unordered, "2019-07-14"},
		{"14/07/2019", Unordered, ""},
		{"14/07/2019", DayFirst, "2019-07-14"},
		{"07/14/2019", MonthFirst, "2019-07-14"},
		{"07/14/19", MonthFirst, "2019-07-14"},
		{"14/07/2019", MonthFirst, ""},
		{"31 Feb 2019", Unordered, ""},
		{"soon", Unordered, ""},
		{"", Unordered, ""},
	} {
		d, ok := ParseDate(tc.in, tc.order)
		if got := d.String(); ok != (tc.want != "") || got != tc.want {
			t.Errorf("ParseDate(%q, %d) = %q, %v; want %q", tc.in, tc.order, got, ok, tc.want)
		}
	}
	if !Ambiguous("03/04/2019") || Ambiguous("2019-03-04") || Ambiguous("soon") {
		t.Error("Ambiguous")
	}
}

func TestSniff(t *testing.T) {
	for in, want := range map[string]rune{"a,b,c\n": ',', "a\tb\tc\n": '\t', "a;b;c\n": ';', `"x,y";b;c` + "\n": ';', "a\n": ','} {
		if got := Sniff([]byte(in)); got != want {
			t.Errorf("Sniff(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestImportSheet(t *testing.T) {
	data := "When,Headline,Notes,Who,Tags,Link,Place\n" +
		"2019-07-14,Storming,Crowds gather,Paris crowd; National Guard,Revolt|Paris,https://www.example.org/a,Paris\n" +
		"\"July 15, 2019\",Next day,,Paris crowd,Revolt,Le Monde,\n" +
		"soon,Someday,,,,,\n" +
		"03/04/2019,Ambiguous,,,,,\n"
	s, warns, err := importString(t, data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Events) != 4 || s.Events[0].Date.String() != "2019-07-14" || s.Events[1].Date.String() != "2019-07-15" || !s.Events[2].Date.IsZero() {
		t.Fatalf("events: %+v", s.Events)
	}
	e := s.Events[0]
	if e.ID != "storming" || e.Title != "Storming" || len(e.Actors) != 2 || e.Actors[0].Actor != "paris-crowd" || len(e.Topics) != 2 || e.Summary != "Crowds gather\n\nWhere: Paris." {
		t.Errorf("first event: %+v", e)
	}
	if s.Actors[1].Name != "National Guard" || s.Actors[1].ID != "national-guard" {
		t.Errorf("actors: %+v", s.Actors)
	}
	if s.Sources[0].URL != "https://www.example.org/a" || s.Sources[0].Outlet != "example.org" || s.Sources[1].Outlet != "Le Monde" {
		t.Errorf("sources: %+v", s.Sources)
	}
	if len(warns) != 1 || !strings.Contains(warns[0].Msg, "lines 4, 5 have no date") || !strings.Contains(warns[0].Msg, "--date-format") {
		t.Errorf("warnings: %v", warns)
	}
	// With the order, the numeric date reads.
	s, _, _ = importString(t, data, Options{Order: DayFirst})
	if got := s.Events[3].Date.String(); got != "2019-04-03" {
		t.Errorf("day-first: %q", got)
	}
}

func TestImportTSVAndSemicolons(t *testing.T) {
	for _, data := range []string{
		"start_date\tend date\tTITLE\n2019-07-14\t2019-07-20\tA week\n",
		"Start Date;End Date;Title\n2019-07-14;2019-07-20;A week\n",
	} {
		s, _, err := importString(t, data, Options{})
		if err != nil || len(s.Events) != 1 || s.Events[0].Date.String() != "2019-07-14/2019-07-20" {
			t.Errorf("%q: %v %+v", data, err, s)
		}
	}
}

func TestImportMap(t *testing.T) {
	data := "Wann,Was geschah,Wer\n2019-07-14,Sturm,A;B\n"
	_, _, err := importString(t, data, Options{})
	var ps model.Problems
	if !errors.As(err, &ps) || !strings.Contains(ps[0].Msg, `"Wann", "Was geschah", "Wer"`) || !strings.Contains(ps[0].Msg, "--map 'date=Wann,title=Was geschah'") {
		t.Fatalf("unplaced: %v", err)
	}
	m, err := ParseMap("date=Wann, title=Was geschah, actors=Wer")
	if err != nil {
		t.Fatal(err)
	}
	s, _, err := importString(t, data, Options{Map: m})
	if err != nil || s.Events[0].Title != "Sturm" || len(s.Events[0].Actors) != 2 {
		t.Fatalf("mapped: %v %+v", err, s)
	}
	if _, err := ParseMap("when=Wann"); err == nil {
		// "when" is a synonym of date: accepted.
	} else {
		t.Errorf("synonym field: %v", err)
	}
	if _, err := ParseMap("colour=Wann"); err == nil || !strings.Contains(err.Error(), "not a field") {
		t.Errorf("bad field: %v", err)
	}
	bad, _ := ParseMap("date=Nope")
	_, _, err = importString(t, data, Options{Map: bad})
	if err == nil || !strings.Contains(err.Error(), `no such column`) {
		t.Errorf("missing column: %v", err)
	}
}

func TestImportOwnHeaderGuard(t *testing.T) {
	data := "id,kind,date,start,end,display,title,text,actors,topics,speaker,stances,reacts_to,sources\n" +
		"e1,event,2023-03-17,2023-03-17,2023-03-17,Fri 17 Mar 2023,'=SUM(1),'-5 dead,a; b,t,,,,src#2\n" +
		"s1,statement,2023-03-18,,,,Said,'@quote,,t,a,t=opposes,e1,src\n" +
		"s2,statement,,,,,Other,q,,,b,,gone,\n"
	s, warns, err := importString(t, data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if s.Events[0].Title != "=SUM(1)" || s.Events[0].Summary != "-5 dead" || s.Statements[0].Quote != "@quote" ||
		s.Statements[0].Stances[0].Stance != model.StanceOpposes || s.Statements[0].ReactsTo != "e1" || s.Events[0].Citations[0].Paragraph != 2 {
		t.Errorf("story: %+v", s)
	}
	if len(warns) != 1 || !strings.Contains(warns[0].Msg, `reacts_to "gone"`) {
		t.Errorf("warnings: %v", warns)
	}
	_, _, err = importString(t, strings.Replace(data, "t=opposes", "t=hates", 1), Options{})
	if err == nil || !strings.Contains(err.Error(), "f.csv:3:") {
		t.Errorf("bad stance: %v", err)
	}
}

// TestImportOwnGuardRoundTrip: every cell the list CSV guards reads back as
// it was, apostrophes of its own included ("'=1" is written "”=1").
func TestImportOwnGuardRoundTrip(t *testing.T) {
	for _, title := range []string{"'=1", "''+2", "-0044", "'plain", "=SUM(A1)"} {
		data := "id,kind,date,start,end,display,title,text,actors,topics,speaker,stances,reacts_to,sources\n" +
			"e1,event,2023-03-17,,,," + report.GuardCSVCell(title) + ",,,,,,,\n"
		s, _, err := importString(t, data, Options{})
		if err != nil {
			t.Fatalf("%q: %v", title, err)
		}
		if got := s.Events[0].Title; got != title {
			t.Errorf("title %q reads back as %q", title, got)
		}
	}
}

func TestRepeatedIDs(t *testing.T) {
	s, warns, err := importString(t, "id,date,title\nA1,2020-01-01,One\nA1,2020-01-02,Two\nA1-2,2020-01-03,Three\n", Options{})
	if err != nil || len(s.Events) != 3 {
		t.Fatal(err)
	}
	if got := []string{s.Events[0].ID, s.Events[1].ID, s.Events[2].ID}; got[0] != "a1" || got[1] != "a1-2" || got[2] != "a1-2-2" {
		t.Errorf("ids %q", got)
	}
	if len(warns) != 2 || !strings.Contains(warns[0].Msg, `the id "A1" is used already`) || !strings.Contains(warns[1].Msg, `this row is "a1-2-2"`) {
		t.Errorf("warnings %v", warns)
	}
}

// A title of spaces is no title, and an untitled row's title is the first
// line of its description that has words: a description starting with a
// blank line once made a story without a title, refused whole.
func TestBlankTitles(t *testing.T) {
	b := &Builder{Name: "f", Unit: "row"}
	for i, r := range []Row{
		{Title: "   ", Description: "\n\n  First words\nmore"},
		{Title: "  Spaced  "},
		{Description: " \n \t\n"},
	} {
		r.At, r.Date = i+1, "2023-03-01"
		b.Add(&r)
	}
	s, _, err := b.Finish()
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{"First words", "Spaced", "Row 3"} {
		if got := s.Events[i].Title; got != want {
			t.Errorf("event %d: title %q, want %q", i, got, want)
		}
	}
}
