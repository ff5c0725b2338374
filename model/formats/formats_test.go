package formats

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/dateline/dateline/content"
	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/edtf"
	"github.com/dateline/dateline/model/gen"
	"github.com/dateline/dateline/model/timelinejs"
)

const peers = "../../../shared/peers/timelinejs"

const (
	nativeYAML = "title: T\nactors:\n  - {id: a, name: A, kind: person}\nevents:\n  - {id: e1, title: One, date: 2023-03-17, actors: [{actor: a}]}\n"
	nativeJSON = `{"title": "T", "events": [{"id": "e1", "title": "One", "date": "2023-03-17"}]}`
	tljsJSON   = `{"title": {"text": {"headline": "T"}}, "events": [{"start_date": {"year": 2023}, "text": {"headline": "One"}}]}`
	tljsBare   = `{"events": [{"start_date": {"year": 2023}, "text": {"headline": "One"}}]}`
	acledCSV   = "event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,country,location\nUKR1,2023-03-17,2023,1,Battles,Armed clash,Military Forces of Russia (2000-),Ukraine,Bakhmut\n"
)

var sheetCSV = strings.Join(timelinejs.SheetHeader, ",") + "\n2023,3,17,,,,,,,One,,,,,,,,\n"

func TestDetect(t *testing.T) {
	for _, tc := range []struct {
		name string
		data string
		want Format
		err  string
	}{
		{"native yaml", nativeYAML, Native, ""},
		{"native json", nativeJSON, Native, ""},
		{"native json with bom", "\uFEFF" + nativeJSON, Native, ""},
		{"timelinejs", tljsJSON, TimelineJS, ""},
		{"timelinejs without title", tljsBare, TimelineJS, ""},
		{"timelinejs eras only", `{"eras": []}`, TimelineJS, ""},
		{"timelinejs cut short", `{"events": [{"start_date": {"year": 20`, TimelineJS, ""},
		{"sheet", sheetCSV, TimelineJSCSV, ""},
		{"sheet with bom", "\uFEFF" + sheetCSV, TimelineJSCSV, ""},
		{"acled", acledCSV, ACLED, ""},
		{"empty", "", Native, ""},
		{"png", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", Auto, "a PNG image"},
		{"xlsx", "PK\x03\x04\x14\x00", Auto, "save it as CSV"},
		{"binary", "abc\x00def", Auto, "a binary file"},
		{"latin-1", "title: caf\xe9 \xe9t\xe9\n", Native, ""}, // loads, its bytes shown as U+FFFD with a warning
		{"mostly not utf-8", "\xe9\xe9\xe9\xe9 caf\xe9 \xe9t\xe9\n", Auto, "not saved as UTF-8"},
		{"html", "<!DOCTYPE html>\n<html><body>sheet</body></html>", Auto, "an HTML or XML page"},
		{"other csv", "name,age,city,country\nAda,36,London,UK\n", CSV, ""},
		{"tsv", "date\ttitle\n2019\tA\n", CSV, ""},
		{"parquet", "PAR1\x15\x00", Parquet, ""},
		{"gdelt", "1\t20230317" + strings.Repeat("\t", 59) + "\n", GDELT, ""},
		{"list csv", "id,kind,date,start,end,display,title,text,actors,topics,speaker,stances,reacts_to,sources\n", CSV, ""},
		{"plain text", "Dear diary,\ntoday nothing happened.\n", Auto, "it is text, but not YAML"},
		{"comments only", "# nothing yet\n", Native, ""},
		{"yaml after a typo", "titel \"x\nevents:\n  - id: e\n", Native, ""},
		{"yaml document start", "---\ntitle: T\n", Native, ""},
		{"yaml list", "- id: e\n", Native, ""},
		{"quoted key", "\"title\": T\n", Native, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Detect([]byte(tc.data))
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) || !strings.HasPrefix(err.Error(), NotAStory) {
					t.Errorf("Detect = %v, %v; want an error saying %q", got, err, tc.err)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Errorf("Detect = %q, %v; want %q", got, err, tc.want)
			}
		})
	}
}

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]Format{"": Auto, "auto": Auto, "native": Native, "YAML": Native, "timelinejs": TimelineJS,
		"timelinejs-csv": TimelineJSCSV, "sheet": TimelineJSCSV, "acled": ACLED, "csv": CSV, "tsv": CSV} {
		if got, err := ParseFormat(in); err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseFormat("excel"); err == nil || !strings.Contains(err.Error(), "native, timelinejs, timelinejs-csv, acled, csv, gdelt, parquet") {
		t.Errorf("ParseFormat(excel): %v", err)
	}
}

func writeTemp(t *testing.T, name, data string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoadEachFormat(t *testing.T) {
	for _, tc := range []struct {
		file, data, title string
	}{
		{"a.yaml", nativeYAML, "T"},
		{"a.json", tljsJSON, "T"},
		{"sheet.csv", sheetCSV, ""},
		{"acled.csv", acledCSV, "ACLED events: Ukraine"},
	} {
		p := writeTemp(t, tc.file, tc.data)
		s, _, err := LoadFile(p, Auto)
		if err != nil {
			t.Errorf("%s: %v", tc.file, err)
			continue
		}
		if s.Title != tc.title || len(s.Events) != 1 {
			t.Errorf("%s: title %q, %d events", tc.file, s.Title, len(s.Events))
		}
	}
}

func TestLoadForced(t *testing.T) {
	// A sheet whose header was edited is not detected (its columns are
	// not placed as a table's), but --from reads it.
	edited := "Year,Headline\n2023,One\n"
	p := writeTemp(t, "edited.csv", edited)
	if _, _, err := LoadFile(p, Auto); err == nil || !strings.Contains(err.Error(), "--map 'date=Year'") {
		t.Errorf("detected: %v", err)
	}
	s, _, err := LoadFile(p, TimelineJSCSV)
	if err != nil || len(s.Events) != 1 || s.Events[0].Date.String() != "2023" {
		t.Errorf("forced: %v %+v", err, s)
	}
	// Forcing the wrong format reports what that importer expects.
	_, _, err = LoadFile(writeTemp(t, "x.yaml", nativeYAML), ACLED)
	var ps model.Problems
	if !errors.As(err, &ps) || !strings.Contains(ps[0].Msg, "not an ACLED export") {
		t.Errorf("forced acled on yaml: %v", err)
	}
}

func TestNotAStoryFile(t *testing.T) {
	p := writeTemp(t, "photo.png", "\x89PNG\r\n\x1a\nrest")
	_, _, err := LoadFile(p, Auto)
	var ps model.Problems
	if !errors.As(err, &ps) || len(ps) != 1 || ps[0].File != p || !strings.HasPrefix(ps[0].Msg, NotAStory) {
		t.Errorf("err = %v", err)
	}
	if _, _, err := LoadFile(filepath.Join(t.TempDir(), "missing.json"), Auto); err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("missing: %v", err)
	}
	if _, _, err := LoadFile(t.TempDir(), Auto); err == nil || !strings.Contains(err.Error(), "directory") {
		t.Errorf("directory: %v", err)
	}
}

func TestPeerFilesDetected(t *testing.T) {
	for file, want := range map[string]Format{
		"women_in_computing.json": TimelineJS, "women_in_computing.csv": TimelineJSCSV, "eras.json": TimelineJS,
	} {
		data, err := os.ReadFile(filepath.Join(peers, file))
		if err != nil {
			t.Skipf("peer files are not here: %v", err)
		}
		if got, err := Detect(data); got != want || err != nil {
			t.Errorf("%s: %q %v, want %q", file, got, err, want)
		}
	}
	builtIn, err := Detect(content.Story())
	if builtIn != Native || err != nil {
		t.Errorf("built-in story: %q %v", builtIn, err)
	}
}

func TestLoadFilesMergesPeers(t *testing.T) {
	paths := []string{filepath.Join(peers, "women_in_computing.json"), filepath.Join(peers, "eras.json"), filepath.Join(peers, "women_in_computing.csv")}
	for _, p := range paths {
		if _, err := os.Stat(p); err != nil {
			t.Skipf("peer files are not here: %v", err)
		}
	}
	s, warns, err := LoadFiles(paths, Auto)
	if err != nil {
		t.Fatal(err)
	}
	// The CSV holds the JSON's ten events again: each is kept once.
	if len(s.Events) != 10+23 {
		t.Errorf("%d events", len(s.Events))
	}
	if s.Title != "Women in Computing + Eras Test" {
		t.Errorf("title %q", s.Title)
	}
	if len(warns) != 1 || !strings.Contains(warns[0].Msg, "10 events and statements are also in") {
		t.Errorf("warnings: %v", warns)
	}
}

// TestMergeClashes merges stories whose ids clash: different things are
// namespaced with every reference, equal ones kept once.
func TestMergeClashes(t *testing.T) {
	date := func(s string) edtf.Date { d, _ := edtf.Parse(s); return d }
	a := &model.Story{
		Title:   "A",
		Sources: []model.Source{{ID: "src", Outlet: "Same outlet"}},
		Actors:  []model.Actor{{ID: "putin", Name: "Vladimir Putin", Kind: model.KindPerson}},
		Topics:  []model.Topic{{ID: "war", Title: "The war"}},
		Events: []model.Event{
			{ID: "e1", Title: "Shared event", Date: date("2023-03-17")},
			{ID: "visit", Title: "A's visit", Date: date("2023-03-20"), Actors: []model.Role{{Actor: "putin"}}, Topics: []string{"war"}},
		},
		Statements: []model.Statement{{ID: "s1", Speaker: "putin", Quote: "A quote", Stances: []model.TopicStance{{Topic: "war", Stance: model.StanceSupports}}}},
		Positions:  []model.Position{{Actor: "putin", Topic: "war", Stance: model.StanceSupports, Evidence: []string{"s1"}}},
	}
	sharedTopics := []string{"war"} // shared between items, as importers do
	b := &model.Story{
		Title:   "B",
		Sources: []model.Source{{ID: "src", Outlet: "Same outlet"}},
		Actors: []model.Actor{
			{ID: "putin", Name: "Vladimir Putin", Kind: model.KindPerson},
			{ID: "kremlin", Name: "The Kremlin", Kind: model.KindGovernment},
			{ID: "aide", Name: "An aide", Kind: model.KindPerson, Parent: "kremlin"},
		},
		Topics: []model.Topic{{ID: "war", Title: "The war in Ukraine"}},
		Events: []model.Event{
			{ID: "e1", Title: "Shared event", Date: date("2023-03-17")},
			{ID: "visit", Title: "B's visit", Date: date("2023-03-21"), Actors: []model.Role{{Actor: "aide"}}, Topics: sharedTopics},
			{ID: "kremlin-event", Title: "Uses the topic too", Topics: sharedTopics},
		},
		Statements: []model.Statement{{ID: "s2", Speaker: "putin", Quote: "B quote", ReactsTo: "visit",
			Stances: []model.TopicStance{{Topic: "war", Stance: model.StanceSupports}}}},
		Positions: []model.Position{{Actor: "putin", Topic: "war", Stance: model.StanceSupports, Evidence: []string{"s2", "visit"}}},
	}
	s, warns := Merge([]string{"dir/a.yaml", "other/b-file.json"}, []*model.Story{a, b})
	if ps := model.Validate("merged", s); len(ps) > 0 {
		t.Fatalf("invalid: %v", ps)
	}
	if s.Title != "A + B" {
		t.Errorf("title %q", s.Title)
	}
	ids := func(n int, id func(int) string) []string {
		var out []string
		for i := range n {
			out = append(out, id(i))
		}
		return out
	}
	if got := ids(len(s.Sources), func(i int) string { return s.Sources[i].ID }); !slices.Equal(got, []string{"src"}) {
		t.Errorf("sources %v", got)
	}
	if got := ids(len(s.Actors), func(i int) string { return s.Actors[i].ID }); !slices.Equal(got, []string{"putin", "kremlin", "aide"}) {
		t.Errorf("actors %v", got)
	}
	if got := ids(len(s.Topics), func(i int) string { return s.Topics[i].ID }); !slices.Equal(got, []string{"war", "b-file.war"}) {
		t.Errorf("topics %v", got)
	}
	if got := ids(len(s.Events), func(i int) string { return s.Events[i].ID }); !slices.Equal(got, []string{"e1", "visit", "b-file.visit", "kremlin-event"}) {
		t.Errorf("events %v", got)
	}
	bVisit := s.Events[2]
	if !slices.Equal(bVisit.Topics, []string{"b-file.war"}) || bVisit.Title != "B's visit" {
		t.Errorf("B's visit: %+v", bVisit)
	}
	if !slices.Equal(sharedTopics, []string{"war"}) {
		t.Errorf("the shared topic list was written to: %v", sharedTopics)
	}
	if st := s.Statements[1]; st.ReactsTo != "b-file.visit" || st.Stances[0].Topic != "b-file.war" {
		t.Errorf("B's statement: %+v", st)
	}
	if len(s.Positions) != 2 || s.Positions[1].Topic != "b-file.war" || !slices.Equal(s.Positions[1].Evidence, []string{"s2", "b-file.visit"}) {
		t.Errorf("positions %+v", s.Positions)
	}
	// A's story is untouched.
	if a.Events[1].Topics[0] != "war" || !reflect.DeepEqual(a.Positions[0].Evidence, []string{"s1"}) {
		t.Errorf("A changed: %+v", a)
	}
	var msgs []string
	for _, w := range warns {
		if w.File != "other/b-file.json" || !w.Warning {
			t.Errorf("warning %v is not on the later file", w)
		}
		msgs = append(msgs, w.Msg)
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{
		`id "war" is also used in dir/a.yaml (a topic "The war" there); this file's topic is "b-file.war"`,
		`id "visit" is also used in dir/a.yaml (an event "A's visit" there); this file's event is "b-file.visit"`,
		`1 event or statement is also in dir/a.yaml, the same in every field, and kept once: "e1"`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("no warning %q in:\n%s", want, all)
		}
	}
}

func TestMergePositions(t *testing.T) {
	mk := func(stance model.Stance, ev string) *model.Story {
		return &model.Story{
			Actors:     []model.Actor{{ID: "a", Name: "A", Kind: model.KindPerson}},
			Topics:     []model.Topic{{ID: "t", Title: "T"}},
			Statements: []model.Statement{{ID: ev, Speaker: "a", Quote: ev}},
			Positions:  []model.Position{{Actor: "a", Topic: "t", Stance: stance, Evidence: []string{ev}}},
		}
	}
	s, warns := Merge([]string{"x.yaml", "y.yaml", "z.yaml"}, []*model.Story{
		mk(model.StanceSupports, "s1"), mk(model.StanceSupports, "s2"), mk(model.StanceOpposes, "s3")})
	if len(s.Positions) != 1 || !slices.Equal(s.Positions[0].Evidence, []string{"s1", "s2"}) {
		t.Errorf("positions %+v", s.Positions)
	}
	if len(warns) != 1 || warns[0].File != "z.yaml" || !strings.Contains(warns[0].Msg, "differs from an earlier file's (supports)") {
		t.Errorf("warnings %v", warns)
	}
	if ps := model.Validate("merged", s); len(ps) > 0 {
		t.Errorf("invalid: %v", ps)
	}
}

func TestLoadFilesReportsEveryFile(t *testing.T) {
	good := writeTemp(t, "good.yaml", nativeYAML)
	bad1 := writeTemp(t, "bad.json", `{"events": [{"start_date": {"year": "x"}}]}`)
	bad2 := writeTemp(t, "bad.png", "\x89PNG....")
	_, _, err := LoadFiles([]string{good, bad1, bad2}, Auto)
	var ps model.Problems
	if !errors.As(err, &ps) || len(ps) != 2 || ps[0].File != bad1 || ps[1].File != bad2 {
		t.Errorf("err = %v", err)
	}
	_, _, err = LoadFiles([]string{good, filepath.Join(t.TempDir(), "nope.yaml"), bad1}, Auto)
	if err == nil || !strings.Contains(err.Error(), "nope.yaml") || !strings.Contains(err.Error(), "bad.json:1:13") {
		t.Errorf("err = %v", err)
	}
}

func TestLoadFilesOverlappingACLED(t *testing.T) {
	first := acledCSV
	second := acledCSV + "UKR2,2023-03-18,2023,1,Battles,Armed clash,Military Forces of Ukraine (2019-),Ukraine,Kupiansk\n"
	s, warns, err := LoadFiles([]string{writeTemp(t, "jan.csv", first), writeTemp(t, "feb.csv", second)}, Auto)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Events) != 2 || len(s.Actors) != 2 || len(s.Topics) != 2 {
		t.Errorf("%d events, %d actors, %d topics", len(s.Events), len(s.Actors), len(s.Topics))
	}
	if len(warns) != 1 {
		t.Errorf("warnings %v", warns)
	}
}

func TestLoadFilesContext(t *testing.T) {
	var b strings.Builder
	b.WriteString(acledCSV)
	for i := range 20000 {
		b.WriteString("UKR" + strings.Repeat("9", 3) + string(rune('a'+i%26)) + "x" + strings.Repeat("1", i%7) + ",2023-03-18,2023,1,Battles,Armed clash,Some actor,Ukraine,Kupiansk\n")
	}
	p := writeTemp(t, "big.csv", b.String())
	size := int64(b.Len())
	var calls int
	var last, total int64
	_, _, err := LoadFilesContext(context.Background(), []string{p}, Auto, func(done, tot int64) {
		calls++
		if done < last {
			t.Fatalf("progress went back from %d to %d", last, done)
		}
		last, total = done, tot
	})
	if calls < 2 || last != size || total != size {
		t.Errorf("%d calls, last %d of %d; the file has %d bytes (%v)", calls, last, total, size, err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	_, _, err = LoadFilesContext(ctx, []string{p, p}, Auto, func(done, total int64) {
		if done > 100000 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

// TestLoadFileNative reads a native story file as Load reads its bytes, and
// names a missing file in its error.
func TestLoadFileNative(t *testing.T) {
	s, warns, err := LoadFile("../testdata/small.yaml", Auto)
	if err != nil || len(warns) > 0 {
		t.Fatalf("LoadFile: %v, warnings %v", err, warns)
	}
	data, err := os.ReadFile("../testdata/small.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want, _, _ := model.Load("small.yaml", data)
	if !reflect.DeepEqual(s, want) {
		t.Errorf("LoadFile = %+v, want %+v", s, want)
	}
	_, _, err = LoadFile("../testdata/does-not-exist.yaml", Auto)
	if err == nil || !strings.Contains(err.Error(), "testdata/does-not-exist.yaml") {
		t.Errorf("LoadFile of a missing file: err = %v, want one naming the file", err)
	}
}

// A list whose filter is of dates alone loads a Parquet file whole: the
// reader drops the rows outside the dates as it reads, so every row it
// keeps is written, and leaving their summaries out would only mean
// reading them twice. A count still leaves them out.
func TestParquetDatesOnlyLoadsWhole(t *testing.T) {
	path := filepath.Join(t.TempDir(), "g.parquet")
	if err := os.WriteFile(path, genBytes(t, 500, gen.Parquet), 0o644); err != nil {
		t.Fatal(err)
	}
	none := model.KeepSummaries(model.Filter{})
	for _, c := range []struct {
		name      string
		opt       Options
		wantEmpty bool
	}{
		{"list by dates", Options{KeepSummaries: none, RefillSummaries: true, NoSummaryText: true, DatesOnly: true}, false},
		{"list by actor", Options{KeepSummaries: none, RefillSummaries: true, NoSummaryText: true}, true},
		{"count by dates", Options{KeepSummaries: none, NoSummaryText: true, DatesOnly: true}, true},
	} {
		s, _, err := LoadFilesWith(context.Background(), []string{path}, c.opt, nil)
		if err != nil {
			t.Fatal(err)
		}
		empty := 0
		for _, e := range s.Events {
			if e.Summary == "" {
				empty++
			}
		}
		if (empty == len(s.Events)) != c.wantEmpty || len(s.Events) == 0 {
			t.Errorf("%s: %d of %d summaries left out", c.name, empty, len(s.Events))
		}
	}
}

// A file written to while it is read is refused with what to do, not read
// half old and half new: NDJSON, and a Parquet file named alone and in a
// directory.
func TestFileChangedWhileRead(t *testing.T) {
	dir := t.TempDir()
	nd, pq := genBytes(t, 3000, gen.NDJSON), genBytes(t, 3000, gen.Parquet)
	ndPath := filepath.Join(dir, "s.ndjson")
	pqDir := filepath.Join(dir, "parts")
	pqPath := filepath.Join(pqDir, "year=2023", "p.parquet")
	if err := os.MkdirAll(filepath.Dir(pqPath), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		load, write string
		data        []byte
	}{{ndPath, ndPath, nd}, {pqPath, pqPath, pq}, {pqDir, pqPath, pq}} {
		if err := os.WriteFile(c.write, c.data, 0o644); err != nil {
			t.Fatal(err)
		}
		once := false
		progress := func(done, total int64) {
			if !once && done > 0 { // a writer appends as the file is read
				once = true
				f, err := os.OpenFile(c.write, os.O_APPEND|os.O_WRONLY, 0)
				if err != nil {
					t.Error(err) // on a reader's goroutine: no Fatal
					return
				}
				f.WriteString("\n")
				f.Close()
			}
		}
		_, _, err := LoadFilesWith(context.Background(), []string{c.load}, Options{}, progress)
		if !once || err == nil || !strings.Contains(err.Error(), "the file changed while it was read") {
			t.Errorf("%s: %v (written to: %v)", c.load, err, once)
		}
	}
}

// A Parquet file read with another --from is told apart from Parquet
// through a pipe, and the message says to leave --from out.
func TestParquetWithAnotherFrom(t *testing.T) {
	path := filepath.Join(t.TempDir(), "g.parquet")
	if err := os.WriteFile(path, genBytes(t, 300, gen.Parquet), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err := LoadFilesWith(context.Background(), []string{path}, Options{From: CSV}, nil)
	if err == nil || strings.Contains(err.Error(), "pipe") || !strings.Contains(err.Error(), "leave --from out") {
		t.Errorf("%v", err)
	}
}

// genBytes is gen's story of n events in format.
func genBytes(t *testing.T, n int, format gen.Format) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := gen.Write(&buf, gen.Config{Events: n, Seed: 2}, format); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
