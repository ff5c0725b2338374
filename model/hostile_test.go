package model_test

// Hostile files, in every format dateline reads: nothing gets through,
// nothing breaks, nothing is lost (issue 6). Each case names the format
// explicitly and through detection, and checks the problem's place.

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/formats"
	"github.com/dateline/dateline/model/gen"
	"github.com/dateline/dateline/model/text"
	"github.com/dateline/dateline/model/timelinejs"
)

var (
	sheetHead = strings.Join(timelinejs.SheetHeader, ",") + "\n"
	acledHead = "event_id_cnty,event_date,event_type,actor1,notes\n"
)

// load reads data as format f through formats.Load.
func load(t *testing.T, data string, f formats.Format) (*model.Story, model.Problems, model.Problems) {
	t.Helper()
	s, warns, err := formats.Load("f", []byte(data), f)
	var errs model.Problems
	if err != nil && !errors.As(err, &errs) {
		t.Fatalf("error is not Problems: %v", err)
	}
	if (s == nil) == (err == nil) {
		t.Fatalf("story %v with error %v", s != nil, err)
	}
	for _, p := range append(append(model.Problems{}, warns...), errs...) {
		if text.Clean(p.Error()) != p.Error() {
			t.Errorf("problem holds what Clean would take out: %q", p.Error())
		}
	}
	return s, warns, errs
}

func TestEmptyFilesAreEmptyStories(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		f          formats.Format
	}{
		{"empty", "", formats.Auto},
		{"white space", " \n\t\r\n  ", formats.Auto},
		{"empty list", "[]", formats.Auto},
		{"empty list, spaced", "[ \n ]\n", formats.Auto},
		{"yaml document, empty", "---\n", formats.Auto},
		{"native, empty", "", formats.Native},
		{"ndjson, blank lines", "\n\n\n", formats.Native},
		{"timelinejs, empty", "", formats.TimelineJS},
		{"timelinejs, white space", "\n  \n", formats.TimelineJS},
		{"timelinejs, empty list", "[]", formats.TimelineJS},
		{"sheet, empty", "", formats.TimelineJSCSV},
		{"sheet, white space", "\n\n", formats.TimelineJSCSV},
		{"sheet, header only", sheetHead, formats.Auto},
		{"acled, empty", "", formats.ACLED},
		{"acled, white space", " \r\n", formats.ACLED},
		{"acled, header only", acledHead, formats.Auto},
		{"acled, header only, named", acledHead, formats.ACLED},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, warns, errs := load(t, tc.data, tc.f)
			if errs != nil {
				t.Fatalf("errors: %v", errs)
			}
			if n := len(s.Events) + len(s.Statements); n != 0 {
				t.Errorf("%d items in an empty file", n)
			}
			if len(warns) != 1 || !warns[0].Warning {
				t.Errorf("warnings = %v, want one saying the file is empty", warns)
			}
			if model.NewIndex(s).Len() != 0 {
				t.Error("the index of an empty story has items")
			}
		})
	}
}

// TestTruncatedFiles: a file cut in the middle of a record is an error at
// its line; NDJSON and CSV keep the complete records, with a warning.
func TestTruncatedFiles(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		f          formats.Format
		line       int // of the problem
		keep       int // events kept; -1 for an error
	}{
		{"yaml", "title: T\nevents:\n  - {id: e1, title: One}\n  - {id: e2, title: \"Tw", formats.Auto, 4, -1},
		{"yaml block", "title: T\nevents:\n  - id: e1\n    title: One\n  - id: e2\n    title: \"Two\n", formats.Auto, 6, -1},
		{"json", "{\"title\": \"T\",\n \"events\": [{\"id\": \"e1\", \"title\": \"One\"},\n {\"id\": \"e2\", \"ti", formats.Auto, 3, -1},
		{"timelinejs", "{\"events\": [\n{\"start_date\": {\"year\": 2023}, \"text\": {\"headline\": \"One\"}},\n{\"start_date\": {\"year\": 20", formats.Auto, 3, -1},
		{"sheet", sheetHead + "2023,3,17,,,,,,,One,,,,,,,,\n2023,3,18,,,,,,,Tw", formats.Auto, 3, 1},
		{"sheet in a quote", sheetHead + "2023,3,17,,,,,,,One,,,,,,,,\n2023,3,18,,,,,,,\"Two, and", formats.Auto, 3, 1},
		{"acled", acledHead + "X1,2023-03-17,Riots,A,n\nX2,2023-03-18,Riots,A,n\nX3,2023-03-1", formats.Auto, 4, 2},
		{"acled in a quote", acledHead + "X1,2023-03-17,Riots,A,n\nX2,2023-03-18,Riots,A,\"the notes, cut", formats.Auto, 3, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, warns, errs := load(t, tc.data, tc.f)
			if tc.keep < 0 {
				if len(errs) == 0 || errs[0].Line != tc.line {
					t.Fatalf("errors = %v, want one at line %d", errs, tc.line)
				}
				return
			}
			if errs != nil {
				t.Fatalf("errors: %v", errs)
			}
			if len(s.Events) != tc.keep {
				t.Errorf("kept %d events, want %d", len(s.Events), tc.keep)
			}
			if len(warns) == 0 || warns[len(warns)-1].Line != tc.line || !strings.Contains(warns[len(warns)-1].Msg, "cut short") {
				t.Errorf("warnings = %v, want one at line %d saying the row is cut short", warns, tc.line)
			}
		})
	}
	// A short last row that ends its line is a short row, not a cut one.
	s, _, _ := load(t, acledHead+"X1,2023-03-17,Riots\n", formats.Auto)
	if s == nil || len(s.Events) != 1 {
		t.Errorf("a short last row with its line break is left out")
	}
}

// TestTruncatedNDJSON: an NDJSON file cut in its last line keeps the lines
// before it, with a warning at the cut line.
func TestTruncatedNDJSON(t *testing.T) {
	data := "{\"type\": \"event\", \"id\": \"e1\", \"title\": \"One\"}\n{\"type\": \"event\", \"id\": \"e2\", \"ti"
	s, warns, errs := load(t, data, formats.Auto)
	if errs != nil || s == nil || len(s.Events) != 1 {
		t.Fatalf("errors %v; want the first event kept", errs)
	}
	if len(warns) != 1 || warns[0].Line != 2 {
		t.Errorf("warnings = %v, want one at line 2", warns)
	}
}

// TestInvalidUTF8: bytes that are not UTF-8 become U+FFFD, and one warning
// counts them and points at the first; the story still loads.
func TestInvalidUTF8(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		f          formats.Format
		line, n    int
	}{
		{"yaml", "title: T\nevents:\n  - {id: e1, title: \"caf\xe9 \xff\xfe\"}\n", formats.Auto, 3, 3},
		{"yaml plain", "title: caf\xe9\n", formats.Native, 1, 1},
		{"latin-1 file", "title: Cr\xe8me br\xfbl\xe9e\nevents:\n  - {id: e1, title: \xc0 la carte}\n", formats.Auto, 1, 4},
		{"json", "{\"title\": \"T\",\n\"events\": [{\"id\": \"e1\", \"title\": \"caf\xe9\"}]}", formats.Auto, 2, 1},
		{"ndjson", "{\"type\": \"story\", \"title\": \"T\"}\n{\"type\": \"event\", \"id\": \"e1\", \"title\": \"caf\xe9\"}\n", formats.Auto, 2, 1},
		{"a cut character", "title: \"caf\xc3\"\n", formats.Auto, 1, 1},
		{"timelinejs", "{\"events\": [\n{\"start_date\": {\"year\": 2023}, \"text\": {\"headline\": \"caf\xe9\"}}]}", formats.Auto, 2, 1},
		{"sheet", sheetHead + "2023,3,17,,,,,,,caf\xe9,\xff,,,,,,,\n", formats.Auto, 2, 2},
		{"acled", acledHead + "X1,2023-03-17,Riots,A,caf\xe9\n", formats.Auto, 2, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, warns, errs := load(t, tc.data, tc.f)
			if errs != nil {
				t.Fatalf("errors: %v", errs)
			}
			var w *model.Problem
			for i := range warns {
				if strings.Contains(warns[i].Msg, "not UTF-8") {
					w = &warns[i]
				}
			}
			if w == nil || w.Line != tc.line {
				t.Fatalf("warnings = %v, want one at line %d counting the bytes that are not UTF-8", warns, tc.line)
			}
			if want := []string{"1 byte ", "2 bytes", "3 bytes", "4 bytes"}[tc.n-1]; !strings.HasPrefix(w.Msg, want) {
				t.Errorf("warning %q does not count %d bytes", w.Msg, tc.n)
			}
			text := s.Title
			for _, e := range s.Events {
				text += e.Title + e.Summary
			}
			if !strings.Contains(text, "\uFFFD") {
				t.Errorf("no U+FFFD in the story's text %q", text)
			}
		})
	}
}

// TestInvalidUTF8InStreamedNDJSON: LoadNDJSON, reading a stream rather than
// the whole file through Load, treats bytes that are not UTF-8 the same way.
func TestInvalidUTF8InStreamedNDJSON(t *testing.T) {
	s, warns, err := model.LoadNDJSON("f", strings.NewReader("{\"type\": \"event\", \"id\": \"e1\", \"title\": \"caf\xe9\"}\n"))
	if err != nil || s == nil || s.Events[0].Title != "caf\uFFFD" {
		t.Fatalf("LoadNDJSON: %v", err)
	}
	if len(warns) != 1 || warns[0].Line != 1 || !strings.Contains(warns[0].Msg, "not UTF-8") {
		t.Errorf("warnings = %v", warns)
	}
}

// TestTooDeep: data nested more than 1,000 levels deep is an error that
// says so, at its place, in every JSON and YAML format, and costs no
// stack overflow however deep it goes.
func TestTooDeep(t *testing.T) {
	nest := func(n int) string { return strings.Repeat("[", n) + strings.Repeat("]", n) }
	block := func(n int) string {
		var b strings.Builder
		for i := range n {
			b.WriteString(strings.Repeat(" ", i+2) + "a:\n")
		}
		return b.String()
	}
	for _, depth := range []int{1001, 9999, 10001, 100_000} {
		for _, tc := range []struct {
			name, data string
			f          formats.Format
			line       int
		}{
			{"yaml flow", "title: T\nevents: " + nest(depth) + "\n", formats.Auto, 2},
			{"json", "{\"title\": \"T\",\n\"events\": [{\"id\": \"e\", \"title\": " + nest(depth) + "}]}", formats.Auto, 2},
			{"json objects", "{\"title\":\n" + strings.Repeat(`{"a":`, depth) + "1" + strings.Repeat("}", depth) + "}", formats.Native, 2},
			{"ndjson", "{\"type\": \"story\", \"title\": \"T\"}\n{\"type\": \"event\", \"id\": \"e\", \"title\": " + nest(depth) + "}\n", formats.Auto, 2},
			{"timelinejs", "{\"events\": [\n{\"start_date\": {\"year\": 2023}, \"text\": {\"headline\": " + nest(depth) + "}}]}", formats.TimelineJS, 2},
		} {
			t.Run(tc.name+" "+strconv.Itoa(depth), func(t *testing.T) {
				_, _, errs := load(t, tc.data, tc.f)
				if len(errs) != 1 || errs[0].Line != tc.line || errs[0].Col == 0 || !strings.Contains(errs[0].Msg, "nested more than 1,000 levels") {
					t.Errorf("errors = %.300v; want one at line %d saying the data is nested too deep", errs, tc.line)
				}
			})
		}
	}
	// Block YAML nests by indentation.
	_, _, errs := load(t, "title: T\nevents:\n"+block(1001), formats.Native)
	if len(errs) != 1 || errs[0].Line != 1002 || !strings.Contains(errs[0].Msg, "nested more than 1,000 levels") {
		t.Errorf("block yaml: errors = %.300v", errs)
	}
	// 1,000 levels are too many for a story, but not too deep.
	_, _, errs = load(t, "{\"title\": "+nest(999)+"}", formats.Native)
	if len(errs) != 1 || strings.Contains(errs[0].Msg, "nested") {
		t.Errorf("999 levels: errors = %.300v", errs)
	}
}

// TestAliasBomb: a few lines of YAML anchors cannot expand into gigabytes.
func TestAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("actors: [{id: a, name: A, kind: person}]\nevents:\n  - id: e0\n    title: T\n    actors: &r [")
	for range 2000 {
		b.WriteString("{actor: a},")
	}
	b.WriteString("]\n")
	for i := 1; i < 5000; i++ {
		b.WriteString("  - {id: e" + strconv.Itoa(i) + ", title: T, actors: *r}\n")
	}
	start := time.Now()
	_, _, errs := load(t, b.String(), formats.Native)
	if len(errs) == 0 || !strings.Contains(errs[0].Msg, "aliases") || errs[0].Line == 0 {
		t.Errorf("errors = %.300v; want one at the alias that goes too far", errs)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("the alias bomb took %v", d)
	}
	// Honest aliases are fine.
	s, _, errs := load(t, "actors: [{id: a, name: A, kind: person}]\nevents:\n  - {id: e1, title: T, actors: &r [{actor: a}]}\n  - {id: e2, title: T, actors: *r}\n", formats.Native)
	if errs != nil || len(s.Events[1].Actors) != 1 {
		t.Errorf("an alias of one role: %v", errs)
	}
}

// TestDuplicatesAndDanglingReferences: errors at their lines in every
// format that can have them; importers that make the ids rename a repeat
// and warn at its line.
func TestDuplicatesAndDanglingReferences(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		line       int
		msg        string
	}{
		{"yaml duplicate key", "title: T\nevents:\n  - id: e1\n    title: One\n    title: Two\n", 5, `duplicate key "title"`},
		{"yaml duplicate id", "actors:\n  - {id: a, name: A, kind: person}\nevents:\n  - {id: a, title: T}\n", 4, `duplicate id "a"`},
		{"yaml dangling actor", "events:\n  - {id: e1, title: T}\n  - {id: e2, title: T, actors: [{actor: nobody}]}\n", 3, `"nobody"`},
		{"yaml dangling evidence", "actors: [{id: a, name: A, kind: person}]\ntopics: [{id: t, title: T}]\npositions:\n  - {actor: a, topic: t, stance: supports, evidence: [s9]}\n", 4, `"s9"`},
		{"json duplicate key", "{\"title\": \"T\",\n\"title\": \"U\"}", 2, `duplicate key "title"`},
		{"json duplicate id", "{\"events\": [{\"id\": \"e1\", \"title\": \"T\"},\n{\"id\": \"e1\", \"title\": \"U\"}]}", 2, `duplicate id "e1"`},
		{"json dangling reacts_to", "{\"actors\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": \"person\"}],\n\"statements\": [{\"id\": \"s1\", \"speaker\": \"a\", \"quote\": \"q\",\n\"reacts_to\": \"e9\"}]}", 3, `"e9"`},
		{"ndjson duplicate key", "{\"type\": \"event\", \"id\": \"e1\", \"title\": \"T\"}\n{\"type\": \"event\", \"id\": \"e2\", \"title\": \"T\", \"title\": \"U\"}\n", 2, `duplicate key "title"`},
		{"ndjson duplicate id", "{\"type\": \"event\", \"id\": \"e1\", \"title\": \"T\"}\n{\"type\": \"event\", \"id\": \"e1\", \"title\": \"U\"}\n", 2, `duplicate id "e1"`},
		{"ndjson dangling", "{\"type\": \"event\", \"id\": \"e1\", \"title\": \"T\"}\n{\"type\": \"event\", \"id\": \"e2\", \"title\": \"T\", \"topics\": [\"t9\"]}\n", 2, `"t9"`},
		{"timelinejs duplicate key", "{\"events\": [{\"start_date\": {\"year\": 2023},\n\"text\": {\"headline\": \"a\"}, \"text\": {\"headline\": \"b\"}}]}", 2, `duplicate key "text"`},
		{"timelinejs duplicate events", "{\"events\": [{\"start_date\": {\"year\": 2023}, \"text\": {\"headline\": \"a\"}}],\n\"events\": [{\"start_date\": {\"year\": 2024}}]}", 2, `duplicate key "events"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, errs := load(t, tc.data, formats.Auto)
			if len(errs) == 0 || errs[0].Line != tc.line || !strings.Contains(errs[0].Msg, tc.msg) {
				t.Errorf("errors = %v; want one at line %d with %s", errs, tc.line, tc.msg)
			}
		})
	}
	for _, tc := range []struct {
		name, data string
		line       int
		msg        string
	}{
		{"acled repeated id", acledHead + "X1,2023-03-17,Riots,A,n\nX1,2023-03-18,Riots,A,n\n", 3, `"X1" is used again`},
		{"timelinejs repeated unique_id", "{\"events\": [{\"start_date\": {\"year\": 2023}, \"text\": {\"headline\": \"a\"}, \"unique_id\": \"u\"},\n{\"start_date\": {\"year\": 2024}, \"text\": {\"headline\": \"b\"}, \"unique_id\": \"u\"}]}", 2, `"u" is used again`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, warns, errs := load(t, tc.data, formats.Auto)
			if errs != nil || len(s.Events) != 2 {
				t.Fatalf("errors %v; want both events, one renamed", errs)
			}
			if len(warns) != 1 || warns[0].Line != tc.line || !strings.Contains(warns[0].Msg, tc.msg) {
				t.Errorf("warnings = %v; want one at line %d with %s", warns, tc.line, tc.msg)
			}
		})
	}
}

// TestImpossibleDates: 2023-02-30, 0000-00-00 and a five-digit year
// without EDTF's "Y" are errors at their lines, in every format.
func TestImpossibleDates(t *testing.T) {
	dates := []string{"2023-02-30", "0000-00-00", "12023-01-01"}
	for _, tc := range []struct {
		name string
		file func(date string) string
		f    formats.Format
		line int
	}{
		{"yaml", func(d string) string { return "title: T\nevents:\n  - id: e1\n    date: \"" + d + "\"\n    title: T\n" }, formats.Auto, 4},
		{"yaml unquoted", func(d string) string {
			return "title: T\nevents:\n  - {id: e1, title: T}\n  - {id: e2, title: T, date: " + d + "}\n"
		}, formats.Auto, 4},
		{"yaml source", func(d string) string { return "sources:\n  - id: s\n    published: " + d + "\n" }, formats.Auto, 3},
		{"json", func(d string) string {
			return "{\"events\": [\n{\"id\": \"e1\", \"title\": \"T\", \"date\": \"" + d + "\"}]}"
		}, formats.Auto, 2},
		{"ndjson", func(d string) string {
			return "{\"type\": \"event\", \"id\": \"e1\", \"title\": \"T\"}\n{\"type\": \"event\", \"id\": \"e2\", \"title\": \"T\", \"date\": \"" + d + "\"}\n"
		}, formats.Auto, 2},
		{"timelinejs edtf", func(d string) string {
			return "{\"events\": [{\"start_date\": {\"year\": 2023}, \"text\": {\"headline\": \"a\"}},\n{\"edtf\": \"" + d + "\", \"text\": {\"headline\": \"b\"}}]}"
		}, formats.Auto, 2},
		{"acled", func(d string) string { return acledHead + "X1,2023-03-17,Riots,A,n\nX2," + d + ",Riots,A,n\n" }, formats.Auto, 3},
	} {
		for _, d := range dates {
			t.Run(tc.name+" "+d, func(t *testing.T) {
				_, _, errs := load(t, tc.file(d), tc.f)
				if len(errs) != 1 || errs[0].Line != tc.line || !strings.Contains(errs[0].Msg, d) {
					t.Errorf("errors = %v; want one at line %d quoting %s", errs, tc.line, d)
				}
			})
		}
	}
	// TimelineJS writes dates as numbers: the same impossible days.
	for _, tc := range []struct{ name, date, msg string }{
		{"february 30", `{"year": 2023, "month": 2, "day": 30}`, "that month has 28 days"},
		{"zeros", `{"year": 0, "month": 0, "day": 0}`, `month "0"`},
		{"month 13", `{"year": 2023, "month": 13}`, `month "13"`},
	} {
		t.Run("timelinejs "+tc.name, func(t *testing.T) {
			data := "{\"events\": [{\"start_date\": {\"year\": 2023}, \"text\": {\"headline\": \"a\"}},\n{\"start_date\": " + tc.date + ", \"text\": {\"headline\": \"b\"}}]}"
			_, _, errs := load(t, data, formats.Auto)
			if len(errs) != 1 || errs[0].Line != 2 || !strings.Contains(errs[0].Msg, tc.msg) {
				t.Errorf("errors = %v; want one at line 2 with %s", errs, tc.msg)
			}
		})
		t.Run("sheet "+tc.name, func(t *testing.T) {
			var y, m, d string
			switch tc.name {
			case "february 30":
				y, m, d = "2023", "2", "30"
			case "zeros":
				y, m, d = "0", "0", "0"
			default:
				y, m = "2023", "13"
			}
			data := sheetHead + "2023,3,17,,,,,,,a,,,,,,,,\n" + y + "," + m + "," + d + ",,,,,,,b,,,,,,,,\n"
			_, _, errs := load(t, data, formats.Auto)
			if len(errs) != 1 || errs[0].Line != 3 || !strings.Contains(errs[0].Msg, tc.msg) {
				t.Errorf("errors = %v; want one at line 3 with %s", errs, tc.msg)
			}
		})
	}
}

// TestNotAStory: images, binaries and web pages are refused by name.
func TestNotAStory(t *testing.T) {
	for _, tc := range []struct{ name, data, what string }{
		{"png", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"},
		{"elf", "\x7fELF\x02\x01\x01\x00", "a program"},
		{"zeros", strings.Repeat("\x00", 100), "a binary file"},
		{"utf-16", "\xff\xfet\x00i\x00t\x00l\x00e\x00:\x00 \x00T\x00\n\x00", "a binary file"},
		{"random", "\xde\xad\xbe\xef\xfe\xff\x9b\xc0\xc1\xf5\xf8\xfc\x80\x81\x82 ok", "not saved as UTF-8"},
		{"html", "<!doctype html>\n<html><body>sheet</body></html>", "HTML"},
		{"html, no doctype", "\n  <html lang=en><title>x</title>", "HTML"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, errs := load(t, tc.data, formats.Auto)
			if len(errs) != 1 || !strings.HasPrefix(errs[0].Msg, formats.NotAStory) || !strings.Contains(errs[0].Msg, tc.what) {
				t.Errorf("errors = %v; want %q saying %s", errs, formats.NotAStory, tc.what)
			}
		})
	}
}

// TestCancelLoading: a big file's load stops promptly with the context's
// error once cancelled, and reports progress that never goes back.
func TestCancelLoading(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []gen.Format{gen.YAML, gen.NDJSON, gen.CSV} {
		var buf bytes.Buffer
		if err := gen.Write(&buf, gen.Config{Events: 20_000, Seed: 6}, f); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, "big."+string(f))
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Run(string(f), func(t *testing.T) {
			// Progress counts up to the file's size.
			var last, total int64
			s, _, err := formats.LoadFilesContext(context.Background(), []string{path}, formats.Auto, func(done, tot int64) {
				if done < last || tot != int64(buf.Len()) {
					t.Errorf("progress went from %d to %d of %d", last, done, tot)
				}
				last, total = done, tot
			})
			if err != nil || s == nil || last != total {
				t.Fatalf("load: %v; progress ended at %d of %d", err, last, total)
			}

			// Cancelled before it starts.
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			start := time.Now()
			s, _, err = formats.LoadFilesContext(ctx, []string{path}, formats.Auto, nil)
			if !errors.Is(err, context.Canceled) || s != nil {
				t.Errorf("cancelled load: story %v, error %v", s != nil, err)
			}

			// Cancelled as the first bytes come in.
			ctx, cancel = context.WithCancel(context.Background())
			defer cancel()
			reads := 0
			s, _, err = formats.LoadFilesContext(ctx, []string{path, path}, formats.Auto, func(done, total int64) {
				reads++
				cancel()
			})
			if !errors.Is(err, context.Canceled) || s != nil {
				t.Errorf("load cancelled midway: story %v, error %v", s != nil, err)
			}
			if reads > 2 {
				t.Errorf("%d reads after the cancel", reads-1)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("cancelled loads took %v", d)
			}
		})
	}
}

// TestInvisibleCharacters: zero-width characters neither split an actor's
// name nor defeat a search; tabs expand; bidi controls are removed from
// one-line text and noted for the detail pane.
func TestInvisibleCharacters(t *testing.T) {
	s, warns, errs := load(t, `title: T
actors:
  - {id: putin, name: "Pu\u200btin", kind: person, aliases: ["Влади\u2060мир"]}
  - {id: xi, name: "Xi\ufeff Jinping", kind: person}
events:
  - {id: e1, date: 2023-03-17, title: "Meets\tPu\u00adtin", summary: "a\tb\n\tc", actors: [{actor: xi}]}
  - {id: e2, date: 2023-03-18, title: "quiet \u202eday\u202c \u2066x\u2069", actors: [{actor: putin}]}
`, formats.Auto)
	if errs != nil {
		t.Fatal(errs)
	}
	if got := s.Actors[0].Name; got != "Putin" {
		t.Errorf("name %q: the zero-width space is not removed", got)
	}
	if got := s.Actors[1].Name; got != "Xi Jinping" {
		t.Errorf("name %q: the BOM is not removed", got)
	}
	if got := s.Events[0].Title; got != "Meets   Pu\u00adtin" {
		t.Errorf("title %q: the tab is not expanded to the next stop", got)
	}
	if got := s.Events[0].Summary; got != "a   b\n    c" {
		t.Errorf("summary %q: tabs are not expanded per line", got)
	}
	if got := s.Events[1].Title; got != "quiet day x" {
		t.Errorf("title %q: the bidi controls are not removed", got)
	}
	if c := s.Cleaned["e2"]; c.Bidi != 4 {
		t.Errorf("e2 cleaned %+v, want 4 bidi controls noted", c)
	}
	if len(warns) == 0 {
		t.Error("no warning about the cleaned text")
	}
	ix := model.NewIndex(s)
	for _, q := range []string{"putin", "PUTIN", "Pu\u200btin", "pu\u2060tin", "владимир", "xi jinping"} {
		rows := ix.Query(model.Filter{Text: q})
		if len(rows) == 0 {
			t.Errorf("search %q finds nothing", q)
		}
	}
}

// TestSearchSeesThroughInvisibleJoiners: the zero-width characters Clean
// keeps (the joiners emoji and Persian need, soft hyphens, variation
// selectors) do not defeat a search either.
func TestSearchSeesThroughInvisibleJoiners(t *testing.T) {
	s, _, errs := load(t, "events:\n  - {id: e1, title: \"Pu\u00adtin\"}\n  - {id: e2, title: \"Pu\u200dtin\"}\n  - {id: e3, title: \"Pu\ufe0ftin\"}\n", formats.Auto)
	if errs != nil {
		t.Fatal(errs)
	}
	if rows := model.NewIndex(s).Query(model.Filter{Text: "putin"}); len(rows) != 3 {
		t.Errorf("search \"putin\" finds %d of the 3 titles", len(rows))
	}
}
