package timelinejs

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/dateline/dateline/content"
	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/edtf"
)

// peers is where the real TimelineJS files are: shared/ beside the checkout.
const peers = "../../../shared/peers/timelinejs"

func peerFile(t *testing.T, name string) (string, []byte) {
	t.Helper()
	p := filepath.Join(peers, name)
	data, err := os.ReadFile(p)
	if err != nil {
		t.Skipf("peer file %s is not here (%v); it lives in shared/peers beside the checkout", p, err)
	}
	return p, data
}

func mustImport(t *testing.T, name, src string) (*model.Story, model.Problems) {
	t.Helper()
	s, warns, err := Import(name, []byte(src))
	if err != nil {
		t.Fatalf("Import: %v", err)
	}
	return s, warns
}

func event(t *testing.T, s *model.Story, id string) model.Event {
	t.Helper()
	for _, e := range s.Events {
		if e.ID == id {
			return e
		}
	}
	var ids []string
	for _, e := range s.Events {
		ids = append(ids, e.ID)
	}
	t.Fatalf("no event %q; the events are %v", id, ids)
	return model.Event{}
}

func TestPeerWomenInComputingJSON(t *testing.T) {
	name, data := peerFile(t, "women_in_computing.json")
	s, warns, err := Import(name, data)
	if err != nil {
		t.Fatal(err)
	}
	if len(warns) > 0 {
		t.Errorf("warnings: %v", warns)
	}
	if s.Title != "Women in Computing" || !strings.HasPrefix(s.Description, "In this sample timeline") {
		t.Errorf("title %q, description %q", s.Title, s.Description)
	}
	if len(s.Events) != 10 {
		t.Fatalf("%d events, want 10", len(s.Events))
	}
	ada := event(t, s, "ada-lovelace")
	if ada.Date.String() != "1815-12-10/1852-11-27" {
		t.Errorf("Ada Lovelace's date is %s", ada.Date)
	}
	for _, want := range []string{
		"Take Ada Lovelace (https://en.wikipedia.org/wiki/Ada_Lovelace): Daughter of Lord Byron",
		"Charles Babbage's Analytical Engine (https://en.wikipedia.org/wiki/Analytical_Engine)",
		"\n\nThis slide demonstrates a simple \"image\" media type.",
	} {
		if !strings.Contains(ada.Summary, want) {
			t.Errorf("Ada Lovelace's summary lacks %q:\n%s", want, ada.Summary)
		}
	}
	if len(ada.Citations) != 1 {
		t.Fatalf("Ada Lovelace cites %v", ada.Citations)
	}
	src := s.Sources[0]
	if src.ID != ada.Citations[0].Source || src.Outlet != "Wikimedia Commons" || src.Title != "Portrait by Alfred Edward Chalon" ||
		!strings.HasSuffix(src.URL, "713px-Ada_Lovelace_portrait.jpg") {
		t.Errorf("the portrait's source is %+v", src)
	}
	// Media that is a quote, not an address, is kept in the summary.
	clarke := event(t, s, "edith-clarke-bucking-the-trend")
	if !strings.Contains(clarke.Summary, "There is no demand for women engineers") ||
		!strings.Contains(clarke.Summary, "— Edith Clarke, first female professor") {
		t.Errorf("Edith Clarke's summary: %q", clarke.Summary)
	}
	// Dates at the precision the file gives: a month to a year, a year alone.
	if d := event(t, s, "and-the-women-who-made-it-work").Date.String(); d != "1943-07/1946" {
		t.Errorf("the ENIAC women's date is %s", d)
	}
	if d := event(t, s, "the-first-phd-in-computer-science").Date.String(); d != "1958" {
		t.Errorf("the first PhD's date is %s", d)
	}
	if e := event(t, s, "karen-sparck-jones-makes-search-possible"); e.Title != "Karen Spärck Jones makes search possible" {
		t.Errorf("title %q", e.Title)
	}
}

// TestPeerWomenInComputingCSV reads the same timeline from the spreadsheet:
// it must give the same story as the JSON.
func TestPeerWomenInComputingCSV(t *testing.T) {
	jname, jdata := peerFile(t, "women_in_computing.json")
	cname, cdata := peerFile(t, "women_in_computing.csv")
	fromJSON, _, err := Import(jname, jdata)
	if err != nil {
		t.Fatal(err)
	}
	fromCSV, warns, err := ImportCSV(cname, bytes.NewReader(cdata))
	if err != nil {
		t.Fatal(err)
	}
	if len(warns) > 0 {
		t.Errorf("warnings: %v", warns)
	}
	if fromCSV.Title != fromJSON.Title || len(fromCSV.Events) != len(fromJSON.Events) {
		t.Fatalf("CSV: %q with %d events; JSON: %q with %d", fromCSV.Title, len(fromCSV.Events), fromJSON.Title, len(fromJSON.Events))
	}
	for i := range fromJSON.Events {
		j, c := fromJSON.Events[i], fromCSV.Events[i]
		if !reflect.DeepEqual(j, c) {
			t.Errorf("event %d differs:\nJSON %+v\nCSV  %+v", i, j, c)
		}
	}
	// The quoted field holding a line break and commas.
	first := event(t, fromCSV, "the-first-computer")
	if !strings.Contains(first.Summary, "Moore School of Electrical Engineering.\n\nTimeline can easily embed Google Maps") {
		t.Errorf("summary %q", first.Summary)
	}
}

func TestPeerEras(t *testing.T) {
	name, data := peerFile(t, "eras.json")
	s, warns, err := Import(name, data)
	if err != nil {
		t.Fatal(err)
	}
	if len(warns) > 0 {
		t.Errorf("warnings: %v", warns)
	}
	var eras []model.Event
	for _, e := range s.Events {
		if len(e.Topics) == 1 && e.Topics[0] == "eras" {
			eras = append(eras, e)
		}
	}
	if len(eras) != 3 {
		t.Fatalf("%d eras, want 3", len(eras))
	}
	if eras[0].ID != "era-test-650-700" || eras[0].Title != "Era Test 650-700" || eras[0].Date.String() != "0650/0700" {
		t.Errorf("first era: %+v", eras[0])
	}
	if len(s.Events) != 23 {
		t.Errorf("%d events and eras, want 20 + 3", len(s.Events))
	}
	if d := event(t, s, "last-great-roman-persian-war").Date.String(); d != "0602/0629" {
		t.Errorf("date %s", d)
	}
	// Two events with one headline get distinct ids.
	ids := map[string]bool{}
	for _, e := range s.Events {
		if ids[e.ID] {
			t.Errorf("id %s twice", e.ID)
		}
		ids[e.ID] = true
	}
}

// The generated timeline exercises what the peer files do not.
const generated = `{
  "scale": "human",
  "title": {"text": {"headline": "Tom &amp; Jerry&#39;s <i>war</i>", "text": "<p>One</p><p>Two<br>lines</p>"},
            "media": {"url": "https://example.org/cover.png"}},
  "events": [
    {"start_date": {"year": -500, "month": 3}, "text": {"headline": "Before the era"}},
    {"start_date": {"year": "2023", "month": "03", "day": "17", "hour": "14", "minute": "30"},
     "end_date": {"year": 2023, "month": 3, "day": 17, "hour": 16, "minute": 5},
     "text": {"headline": "Same day, two times"}, "unique_id": "Warrant Issued!"},
    {"start_date": {"year": 2023, "month": 3, "day": 20}, "end_date": {"year": 2023, "month": 3, "day": 22},
     "display_date": "Xi's three days in Moscow", "group": "Diplomacy",
     "text": {"headline": "Visit", "text": "Read <a href=\"https://example.org/a?x=1&amp;y=2\">the report</a> &mdash; and <a href=\"https://example.org/b\">https://example.org/b</a>.<ul><li>one</li><li>two</li></ul>"}},
    {"start_date": {"year": 2023, "month": 3, "day": 21}, "group": "Diplomacy", "unique_id": "warrant-issued",
     "text": {"headline": "", "text": "A slide with no headline at all, whose text is long enough to be cut somewhere"}},
    {"start_date": {"year": 2023, "month": 3}, "display_date": "Mar 2023", "group": "Law &amp; order",
     "text": {"headline": "Shown as its own date"}},
    {"start_date": {"year": "1999", "month": "", "day": ""}, "end_date": {"year": "", "month": "", "day": ""},
     "text": {"headline": "Empty end"}}
  ],
  "eras": [{"start_date": {"year": 2022}, "end_date": {"year": 2024}, "text": {"headline": "The war years"}}]
}`

func TestGenerated(t *testing.T) {
	s, warns := mustImport(t, "gen.json", generated)
	if len(warns) != 1 || warns[0].Line != 13 || !strings.Contains(warns[0].Msg, `unique_id "warrant-issued" is used again (first at line 7); this event's id is "warrant-issued-2"`) {
		t.Errorf("warnings: %v", warns)
	}
	if s.Title != "Tom & Jerry's war" {
		t.Errorf("title %q", s.Title)
	}
	if s.Description != "One\n\nTwo\nlines\n\nMedia: https://example.org/cover.png" {
		t.Errorf("description %q", s.Description)
	}
	for _, tc := range []struct {
		id, date, title string
		summary         []string
		topics          []string
	}{
		// TimelineJS's -500 is 500 BCE, which EDTF counts as -0499.
		{id: "before-the-era", date: "-0499-03", title: "Before the era"},
		{id: "warrant-issued", date: "2023-03-17", title: "Same day, two times", summary: []string{"Time: 14:30 to 16:05"}},
		{id: "visit", date: "2023-03-20/2023-03-22", title: "Visit", topics: []string{"diplomacy"}, summary: []string{
			"Read the report (https://example.org/a?x=1&y=2) — and https://example.org/b.\n\n• one\n• two",
			"Shown as: Xi's three days in Moscow"}},
		// A unique_id used twice keeps the first; the second gets a counter.
		{id: "warrant-issued-2", date: "2023-03-21", title: "A slide with no headline at all, whose text is long enough…", topics: []string{"diplomacy"}},
		// A display_date that says what the date says adds nothing.
		{id: "shown-as-its-own-date", date: "2023-03", title: "Shown as its own date", topics: []string{"law-order"}},
		{id: "empty-end", date: "1999", title: "Empty end"},
		{id: "era-the-war-years", date: "2022/2024", title: "Era: The war years", topics: []string{"eras"}},
	} {
		e := event(t, s, tc.id)
		if e.Date.String() != tc.date || e.Title != tc.title {
			t.Errorf("%s: date %s, title %q; want %s, %q", tc.id, e.Date, e.Title, tc.date, tc.title)
		}
		for _, want := range tc.summary {
			if !strings.Contains(e.Summary, want) {
				t.Errorf("%s: summary lacks %q:\n%s", tc.id, want, e.Summary)
			}
		}
		if strings.Contains(e.Summary, "Shown as: Mar 2023") {
			t.Errorf("%s: summary repeats the date: %q", tc.id, e.Summary)
		}
		if !reflect.DeepEqual(e.Topics, tc.topics) {
			t.Errorf("%s: topics %v, want %v", tc.id, e.Topics, tc.topics)
		}
	}
	want := []model.Topic{{ID: "diplomacy", Title: "Diplomacy"}, {ID: "law-order", Title: "Law & order"}}
	if len(s.Topics) != 3 || !reflect.DeepEqual(s.Topics[:2], want) || s.Topics[2].ID != "eras" {
		t.Errorf("topics %+v", s.Topics)
	}
}

func TestCosmological(t *testing.T) {
	s, warns := mustImport(t, "cosmos.json", `{"scale": "cosmological", "events": [
		{"start_date": {"year": -13800000000}, "text": {"headline": "Big Bang"}},
		{"start_date": {"year": "-4.54e9"}, "end_date": {"year": -4.5e9}, "text": {"headline": "Earth forms"}},
		{"start_date": {"year": -66000000, "month": 6}, "text": {"headline": "Chicxulub"}},
		{"start_date": {"year": -2500}, "text": {"headline": "Pyramids"}}]}`)
	for _, tc := range []struct{ id, date string }{
		{"big-bang", "Y-13799999999"},
		{"earth-forms", "Y-4539999999/Y-4499999999"},
		{"chicxulub", "Y-65999999"},
		{"pyramids", "-2499"},
	} {
		if e := event(t, s, tc.id); e.Date.String() != tc.date {
			t.Errorf("%s: date %s, want %s", tc.id, e.Date, tc.date)
		}
	}
	if len(warns) != 1 || !strings.Contains(warns[0].Msg, "keeps the year only") {
		t.Errorf("warnings: %v", warns)
	}
}

func TestImportProblems(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		line, col int
		msg       string
	}{
		{"syntax", "{\n  \"events\": [\n    {\"text\": {\"headline\": \"x\"},}\n  ]\n}", 3, 32, "not valid JSON"},
		{"bad year", "{\"events\": [\n {\"start_date\": {\"year\": \"1815\"}},\n {\"start_date\": {\"year\": \"MDCCC\"}}]}", 3, 2, `start_date.year "MDCCC" is not a year`},
		{"bad month", "{\"events\": [{\"start_date\": {\"year\": 2000, \"month\": 13}}]}", 1, 13, `start_date.month "13" is not a month`},
		{"bad day", "{\"events\": [{\"start_date\": {\"year\": 2023, \"month\": 2, \"day\": 29}}]}", 1, 13, "that month has 28 days"},
		{"date not an object", "{\"events\": [\n\n  {\"start_date\": \"2023-03-17\"}]}", 3, 3, "start_date is a string, not an object"},
		{"text not an object", "{\"events\": [\n  {\"start_date\": {\"year\": 1}, \"text\": \"hello\"}]}", 2, 45, "text must be an object, not string"},
		{"events not a list", "{\"events\": {\"a\": 1}}", 1, 12, `"events" must be a list`},
		{"not an object", "[1, 2]", 1, 1, "not a TimelineJS timeline"},
		{"no events", "{\"foo\": 1}", 1, 1, "no \"events\" list"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := Import("x.json", []byte(tc.src))
			var ps model.Problems
			if !errorsAs(err, &ps) || len(ps) == 0 {
				t.Fatalf("err = %v, want Problems", err)
			}
			p := ps[0]
			if p.File != "x.json" || p.Line != tc.line || p.Col != tc.col || !strings.Contains(p.Msg, tc.msg) {
				t.Errorf("got %v; want x.json:%d:%d: …%s…", p, tc.line, tc.col, tc.msg)
			}
		})
	}
}

func errorsAs(err error, ps *model.Problems) bool {
	p, ok := err.(model.Problems)
	if ok {
		*ps = p
	}
	return ok
}

func TestImportWarnings(t *testing.T) {
	_, warns := mustImport(t, "w.json", `{"scale": "galactic", "events": [
		{"text": {"headline": "Undated"}},
		{"start_date": {"year": 2000, "day": 5}, "text": {"headline": "Day without month"}},
		{"start_date": {"year": 2001}, "end_date": {"year": 1999}, "text": {"headline": "Backwards"}},
		{"start_date": {"year": 2001, "hour": 25}, "text": {"headline": "Bad hour"}},
		{"start_date": {"year": 2001}, "group": ["a"], "text": {"headline": "List group"}}]}`)
	for _, want := range []string{`scale "galactic"`, "no start_date", "a day (5) but no month", "read the other way round", "time of day that is not one", "group is a list, not text"} {
		found := false
		for _, w := range warns {
			found = found || strings.Contains(w.Msg, want) && w.Warning && w.Line > 0
		}
		if !found {
			t.Errorf("no warning with a line saying %q; warnings: %v", want, warns)
		}
	}
}

func TestCSVGenerated(t *testing.T) {
	src := strings.Join(SheetHeader, ",") + "\n" +
		",,,,,,,,,\"The title, with a comma\",\"<p>Intro</p>\",,,,,title,,\n" +
		"2023,3,17,14:30,,,,,,Warrant,\"Line one,\nline two\",https://example.org/w,\"Credit, Inc\",\"A \"\"quoted\"\" caption\",,,Law,\n" +
		"2023,3,,,,,,,,Month,,,,,,,,\n" +
		",,,,,,,,,,,,,,,,,\n" +
		"2022,2,24,,2023,,,,,The war,,,,,,era,,\n" +
		"2023,3,20,,,3,22,,Three days,Visit,,,,,,,Diplomacy,\n"
	s, warns, err := ImportCSV("sheet.csv", strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(warns) > 0 {
		t.Errorf("warnings: %v", warns)
	}
	if s.Title != "The title, with a comma" || s.Description != "Intro" {
		t.Errorf("title %q, description %q", s.Title, s.Description)
	}
	w := event(t, s, "warrant")
	if w.Date.String() != "2023-03-17" || w.Summary != "Line one, line two\n\nTime: 14:30" {
		t.Errorf("warrant: %s %q", w.Date, w.Summary)
	}
	if src := s.Sources[0]; src.Outlet != "Credit, Inc" || src.Title != `A "quoted" caption` || src.URL != "https://example.org/w" {
		t.Errorf("source %+v", src)
	}
	if d := event(t, s, "month").Date.String(); d != "2023-03" {
		t.Errorf("month: %s", d)
	}
	if e := event(t, s, "era-the-war"); e.Date.String() != "2022-02-24/2023" || e.Title != "Era: The war" {
		t.Errorf("era: %s %q", e.Date, e.Title)
	}
	// An end date with no year is in the start's year.
	if e := event(t, s, "visit"); e.Date.String() != "2023-03-20/2023-03-22" || !strings.Contains(e.Summary, "Shown as: Three days") || e.Topics[0] != "diplomacy" {
		t.Errorf("visit: %s %q %v", e.Date, e.Summary, e.Topics)
	}
}

func TestCSVProblems(t *testing.T) {
	head := strings.Join(SheetHeader, ",") + "\n"
	for _, tc := range []struct {
		name, src string
		line, col int
		msg       string
	}{
		{"bare quote", head + "2023,3,17,,,,,,,Fine,,,,,,,,\n2023,3,18,,,,,,,Say \"hi\",,,,,,,,\n", 3, 21, "bare \" in non-quoted-field"},
		{"open quote", head + "2023,3,17,,,,,,,\"Never closed,,,,,,,,\n2023,3,18\n", 3, 0, "extraneous or missing \" in quoted-field"},
		{"bad year", head + "2023,3,17,,,,,,,Fine,,,,,,,,\n\"20x3\",3,18,,,,,,,Bad,,,,,,,,\n", 3, 1, `start_date.year "20x3"`},
		{"not a sheet", "a,b,c\n1,2,3\n", 1, 1, "the header has no Year or Headline column"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := ImportCSV("s.csv", strings.NewReader(tc.src))
			ps, ok := err.(model.Problems)
			if !ok || len(ps) == 0 {
				t.Fatalf("err = %v, want Problems", err)
			}
			p := ps[0]
			if p.File != "s.csv" || p.Line != tc.line || tc.col > 0 && p.Col != tc.col || !strings.Contains(p.Msg, tc.msg) {
				t.Errorf("got %v; want s.csv:%d:%d: …%s…", p, tc.line, tc.col, tc.msg)
			}
		})
	}
}

func TestPlainText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain &amp; simple", "plain & simple"},
		{"a < b and c > d", "a < b and c > d"},
		{"<p>One</p>\n\n<p>Two</p>", "One\n\nTwo"},
		{"one<br>two<br/><br />three", "one\ntwo\n\nthree"},
		{"  lots   of\n\tspace  ", "lots of space"},
		{`<a href="https://x.org/">x.org</a>`, "x.org (https://x.org/)"},
		{`<a href="https://x.org/">https://x.org/</a>`, "https://x.org/"},
		{`<a href="#top">top</a> and <a href="javascript:alert(1)">evil</a>`, "top and evil"},
		{`<a href='https://x.org'></a>`, "https://x.org"},
		{`<img src="https://x.org/i.png" alt="A cat">`, "A cat (https://x.org/i.png)"},
		{`<script>alert(1)</script>Safe<style>p{}</style>`, "Safe"},
		{"<!-- note -->kept", "kept"},
		{"<ul><li>a</li><li>b</li></ul>after", "• a\n• b\n\nafter"},
		{"<blockquote>Quote <cite>Someone</cite></blockquote>", "Quote — Someone"},
		{"caf&eacute; &#x263A; &nbsp;x", "café ☺ x"},
		{"<P CLASS=lead>Upper</P>", "Upper"},
	} {
		if got := PlainText(tc.in, true); got != tc.want {
			t.Errorf("PlainText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := PlainText(`<a href="https://x.org">x</a>`, false); got != "x" {
		t.Errorf("without links: %q", got)
	}
}

func TestHTMLRoundTrip(t *testing.T) {
	for _, s := range []string{"plain", "a & b < c", "one\ntwo", "para one\n\npara two\nline", "“quoted” — dash"} {
		if got := PlainText(HTML(s), true); got != s {
			t.Errorf("PlainText(HTML(%q)) = %q", s, got)
		}
	}
}

// TestRoundTrip exports the built-in story as TimelineJS and imports it
// back: every event and statement must come back with its id, date, title
// and text.
func TestRoundTrip(t *testing.T) {
	s, _, err := model.Load(content.StoryName, content.Story())
	if err != nil {
		t.Fatal(err)
	}
	ix := model.NewIndex(s)
	var b bytes.Buffer
	if _, err := Export(&b, ix, nil); err != nil {
		t.Fatal(err)
	}
	back, warns, err := Import("export.json", b.Bytes())
	if err != nil {
		t.Fatalf("importing the export: %v\n%s", err, b.String())
	}
	// TimelineJS has no undated events: it needs start_date.
	undated := 0
	for pos := range ix.Len() {
		if ix.At(pos).Date().IsZero() {
			undated++
		}
	}
	for _, w := range warns {
		if !strings.Contains(w.Msg, "no start_date") {
			t.Errorf("warning: %v", w)
		}
	}
	if len(warns) != undated {
		t.Errorf("%d warnings for %d undated items", len(warns), undated)
	}
	if back.Title != s.Title || back.Description != s.Description {
		t.Errorf("title %q, description %q", back.Title, back.Description)
	}
	if len(back.Events) != ix.Len() {
		t.Fatalf("%d events came back from %d items", len(back.Events), ix.Len())
	}
	got := map[string]model.Event{}
	for _, e := range back.Events {
		got[e.ID] = e
	}
	for pos := range ix.Len() {
		it := ix.At(pos)
		e, ok := got[it.ID()]
		if !ok {
			t.Errorf("%s did not come back", it.ID())
			continue
		}
		if e.Date.String() != it.Date().String() {
			t.Errorf("%s: date %q came back as %q", it.ID(), it.Date(), e.Date)
		}
		if e.Title != ix.Title(pos) {
			t.Errorf("%s: title %q came back as %q", it.ID(), ix.Title(pos), e.Title)
		}
		if ev := it.Event; ev != nil && e.Summary != ev.Summary {
			t.Errorf("%s: summary\n%q\ncame back as\n%q", it.ID(), ev.Summary, e.Summary)
		}
		if st := it.Statement; st != nil && !strings.Contains(e.Summary, st.Quote) {
			t.Errorf("%s: the quote %q is not in %q", it.ID(), st.Quote, e.Summary)
		}
	}
}

// TestExportFormat checks the export against TimelineJS's JSON format.
func TestExportFormat(t *testing.T) {
	s := &model.Story{
		Title:   "T & U",
		Sources: []model.Source{{ID: "src", Outlet: "Outlet", Title: "Piece", URL: "https://example.org/p"}},
		Topics:  []model.Topic{{ID: "law", Title: "Law"}},
		Events: []model.Event{
			{ID: "day", Date: mustDate(t, "2023-03-17"), Title: "A <day>", Topics: []string{"law"}, Citations: []model.Citation{{Source: "src"}}},
			{ID: "month", Date: mustDate(t, "2023-03"), Title: "A month"},
			{ID: "years", Date: mustDate(t, "2014/2016"), Title: "Years"},
			{ID: "open", Date: mustDate(t, "../2023-01"), Title: "Open start"},
			{ID: "approx", Date: mustDate(t, "2023-03-17~"), Title: "About a day"},
			{ID: "deep", Date: mustDate(t, "Y-13799999999"), Title: "Deep time"},
			{ID: "bce", Date: mustDate(t, "-0043-03-15"), Title: "Ides of March"},
		},
	}
	var b bytes.Buffer
	if _, err := Export(&b, model.NewIndex(s), nil); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Title  map[string]any
		Scale  string
		Events []map[string]any
	}
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Scale != "cosmological" {
		t.Errorf("scale %q", doc.Scale)
	}
	if h := doc.Title["text"].(map[string]any)["headline"]; h != "T &amp; U" {
		t.Errorf("title headline %v", h)
	}
	byID := map[string]map[string]any{}
	for _, e := range doc.Events {
		byID[e["unique_id"].(string)] = e
	}
	for _, tc := range []struct {
		id         string
		start, end string
	}{
		{"day", `{"day":17,"month":3,"year":2023}`, ""},
		{"month", `{"month":3,"year":2023}`, ""},
		{"years", `{"year":2014}`, `{"year":2016}`},
		{"open", `{"day":31,"month":1,"year":2023}`, ""},
		{"approx", `{"day":17,"month":3,"year":2023}`, ""},
		{"deep", `{"year":-13800000000}`, ""},
		{"bce", `{"day":15,"month":3,"year":-44}`, ""},
	} {
		e := byID[tc.id]
		start, _ := json.Marshal(e["start_date"])
		end := ""
		if e["end_date"] != nil {
			b, _ := json.Marshal(e["end_date"])
			end = string(b)
		}
		if string(start) != tc.start || end != tc.end {
			t.Errorf("%s: start_date %s end_date %s; want %s %s", tc.id, start, end, tc.start, tc.end)
		}
	}
	day := byID["day"]
	if day["group"] != "Law" || day["text"].(map[string]any)["headline"] != "A &lt;day&gt;" || day["edtf"] != "2023-03-17" {
		t.Errorf("day: %v", day)
	}
	if m := day["media"].(map[string]any); m["url"] != "https://example.org/p" || m["credit"] != "Outlet" || m["caption"] != "Piece" {
		t.Errorf("media %v", m)
	}
	if byID["approx"]["display_date"] == "" || byID["approx"]["edtf"] != "2023-03-17~" {
		t.Errorf("approx: %v", byID["approx"])
	}
	// And back: the edtf member restores what start_date cannot hold.
	back, _, err := Import("x.json", b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range s.Events {
		if e := event(t, back, want.ID); e.Date.String() != want.Date.String() {
			t.Errorf("back: %s %s, want %s", e.ID, e.Date, want.Date)
		}
	}
}

func TestEDTFMemberMustAgree(t *testing.T) {
	s, warns := mustImport(t, "x.json", `{"events": [
		{"start_date": {"year": 2023, "month": 3}, "edtf": "2023-03-17~", "text": {"headline": "agrees"}},
		{"start_date": {"year": 2023, "month": 3}, "edtf": "2021", "text": {"headline": "edited later"}},
		{"start_date": {"year": 2023}, "edtf": "not a date", "text": {"headline": "broken"}}]}`)
	for _, tc := range []struct{ id, date string }{{"agrees", "2023-03-17~"}, {"edited-later", "2023-03"}, {"broken", "2023"}} {
		if d := event(t, s, tc.id).Date.String(); d != tc.date {
			t.Errorf("%s: %s, want %s", tc.id, d, tc.date)
		}
	}
	if len(warns) != 2 {
		t.Errorf("warnings: %v", warns)
	}
}

func mustDate(t *testing.T, s string) edtf.Date {
	t.Helper()
	d, err := edtf.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestImportCleans checks that escape sequences in a timeline never reach
// the story.
func TestImportCleans(t *testing.T) {
	s, _ := mustImport(t, "x.json", `{"title": {"text": {"headline": "T\u001b]0;pwned\u0007"}},
		"events": [{"start_date": {"year": 2000}, "group": "g\u001b[31m", "text": {"headline": "h\u009b1m", "text": "t&#27;[2J"}}]}`)
	all := s.Title + s.Events[0].Title + s.Events[0].Summary + s.Topics[0].Title
	if strings.ContainsAny(all, "\x1b\x07\u009b") {
		t.Errorf("control characters survived: %q", all)
	}
}

type failingReader struct{ data string }

func (f *failingReader) Read(p []byte) (int, error) {
	if f.data == "" {
		return 0, io.ErrUnexpectedEOF
	}
	n := copy(p, f.data)
	f.data = f.data[n:]
	return n, nil
}

// TestCSVReadError stops at a read error rather than retrying it for ever.
func TestCSVReadError(t *testing.T) {
	_, _, err := ImportCSV("s.csv", &failingReader{data: strings.Join(SheetHeader, ",") + "\n2023,3,17,,,,,,,One,,,,,,,,\n2023"})
	ps, ok := err.(model.Problems)
	if !ok || len(ps) != 1 || !strings.Contains(ps[0].Msg, "unexpected EOF") {
		t.Errorf("err = %v", err)
	}
}
