package cli

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dateline/dateline/model/formats"
	"github.com/dateline/dateline/model/timelinejs"
)

// hostile holds everything a string can do to a terminal: CSI (clear
// screen, cursor moves), OSC 0 and 2 (window title), OSC 52 (clipboard),
// OSC 8 (hyperlink), DCS, APC, PM and SOS strings, a bare CR, BS, BEL, NUL,
// DEL, the C1 controls (U+009B, the one-byte CSI, among them), and bidi
// overrides and isolates.
const hostile = "A\x1b[2J\x1b[1;1H\x1b[31m" +
	"\x1b]0;title0\x07\x1b]2;title2\x1b\\" +
	"\x1b]52;c;Y3VybCBldmlsLnNo\x07" +
	"\x1b]8;;https://evil.example/\x07link\x1b]8;;\x07" +
	"\x1bPdcs\x1b\\\x1b_apc\x1b\\\x1b^pm\x1b\\\x1bXsos\x1b\\" +
	"x\ry\x08z\x07w\x00v\x7fu" +
	"\u0080\u0085\u009b2J\u009d0;c1\u009c\u009f" +
	"\u202eevil\u202c\u2066iso\u2069 Z"

// checkSafe fails when s holds anything a terminal acts on: ESC, BEL, BS,
// NUL, DEL, another C0 control but tab and newline, a CR not followed by a
// newline, a C1 control, a bidi control, or bytes that are not UTF-8.
func checkSafe(t *testing.T, what, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Errorf("%s is not UTF-8:\n%q", what, s)
	}
	for i, r := range s {
		bad := false
		switch {
		case r == '\r':
			bad = !strings.HasPrefix(s[i:], "\r\n")
		case r < 0x20:
			bad = r != '\n' && r != '\t'
		case r == 0x7f, r >= 0x80 && r <= 0x9f:
			bad = true
		case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			bad = true
		}
		if bad {
			from := max(0, i-40)
			t.Errorf("%s holds %U at byte %d: …%q…", what, r, i, s[from:min(len(s), i+40)])
			return
		}
	}
}

// yamlQuote writes s as a YAML double-quoted string, escaping what YAML
// does not allow raw.
func yamlQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r >= 0x7f && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069:
			fmt.Fprintf(&b, "\\u%04x", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// jsonQuote is yamlQuote, which writes a JSON string too.
func jsonQuote(s string) string { return yamlQuote(s) }

// writeCSVFile writes the records as CSV.
func writeCSVFile(t *testing.T, name string, records [][]string) string {
	t.Helper()
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	if err := w.WriteAll(records); err != nil {
		t.Fatal(err)
	}
	// A raw NUL makes a file look binary, and loading stops there (issue
	// 10): these files hold every other control raw.
	return writeFile(t, name, strings.ReplaceAll(buf.String(), "\x00", ""))
}

// hostileFiles writes one hostile story in each format dateline reads.
func hostileFiles(t *testing.T) map[string]string {
	t.Helper()
	h := yamlQuote(hostile)
	native := "title: " + h + "\ndescription: " + h + "\n" +
		"sources:\n  - {id: src, outlet: " + h + ", title: " + h + ", url: " + yamlQuote("https://x.example/"+hostile) + "}\n" +
		"actors:\n  - {id: a, name: " + h + ", kind: person, aliases: [" + h + "], description: " + h + "}\n" +
		"  - {id: b, name: Plain, kind: government, parent: a}\n" +
		"topics:\n  - {id: t, title: " + h + ", description: " + h + "}\n" +
		"events:\n  - {id: e1, date: 2023-03-17, title: " + h + ", summary: " + h +
		", actors: [{actor: a, role: " + h + "}], topics: [t], citations: [{source: src, wording: " + h + "}]}\n" +
		"statements:\n  - {id: s1, speaker: a, date: 2023-03-18, quote: " + h + ", stances: {t: supports}, reacts_to: e1, citation: {source: src, wording: " + h + "}}\n" +
		"  - {id: s2, speaker: b, date: 2023-03-19, title: " + h + ", quote: " + h + ", paraphrase: true}\n" +
		"positions:\n  - {actor: a, topic: t, stance: supports, summary: " + h + ", evidence: [s1, e1]}\n"

	j := jsonQuote(hostile)
	nativeJSON := `{"title": ` + j + `, "description": ` + j + `,
"actors": [{"id": "a", "name": ` + j + `, "kind": "person", "aliases": [` + j + `]}],
"topics": [{"id": "t", "title": ` + j + `}],
"events": [{"id": "e1", "date": "2023-03-17", "title": ` + j + `, "summary": ` + j + `, "actors": [{"actor": "a", "role": ` + j + `}], "topics": ["t"]}],
"statements": [{"id": "s1", "speaker": "a", "date": "2023-03-18", "quote": ` + j + `, "stances": {"t": "opposes"}}],
"positions": [{"actor": "a", "topic": "t", "stance": "opposes", "summary": ` + j + `, "evidence": ["s1"]}]}
`
	ndjson := `{"type": "story", "title": ` + j + `, "description": ` + j + `}
{"type": "actor", "id": "a", "name": ` + j + `, "kind": "person", "aliases": [` + j + `]}
{"type": "topic", "id": "t", "title": ` + j + `}
{"type": "event", "id": "e1", "date": "2023-03-17", "title": ` + j + `, "summary": ` + j + `, "actors": [{"actor": "a"}], "topics": ["t"]}
{"type": "statement", "id": "s1", "speaker": "a", "quote": ` + j + `, "stances": {"t": "neutral"}}
{"type": "position", "actor": "a", "topic": "t", "stance": "neutral", "summary": ` + j + `, "evidence": ["s1"]}
`
	// TimelineJS text is HTML: its character references are decoded too.
	html := jsonQuote(hostile + " &#27;[2J &#x1b;]0;x&#7; &#x9b;2J &#155; &#0; &#x202e;")
	tljs := `{"title": {"text": {"headline": ` + html + `, "text": ` + html + `}},
"events": [
  {"start_date": {"year": 2023, "month": 3, "day": 17}, "text": {"headline": ` + html + `, "text": ` + html + `},
   "media": {"url": ` + jsonQuote("https://x.example/"+hostile) + `, "caption": ` + html + `, "credit": ` + html + `},
   "group": ` + html + `, "display_date": ` + html + `, "unique_id": ` + j + `},
  {"start_date": {"year": 2023, "month": 3, "day": 18}, "text": {"headline": "plain"}, "unique_id": ` + j + `}],
"eras": [{"start_date": {"year": 2022}, "end_date": {"year": 2024}, "text": {"headline": ` + html + `}}]}
`
	sheet := make([]string, len(timelinejs.SheetHeader))
	for i := range sheet {
		sheet[i] = hostile
	}
	sheet[0], sheet[1], sheet[2], sheet[3], sheet[4], sheet[5], sheet[6], sheet[7] = "2023", "3", "17", "", "", "", "", ""
	sheet[15] = "" // Type: an event
	sheetTitle := slices.Clone(sheet)
	sheetTitle[15] = "title"

	acledHeader := []string{"event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "actor1",
		"assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "country", "admin1", "location", "source", "notes", "fatalities"}
	acledRow := []string{hostile, "2023-03-17", "1", hostile, hostile, hostile,
		hostile + ";" + hostile + "2", hostile, hostile + "3", hostile, hostile, hostile, hostile, hostile + ";" + hostile, hostile, "3"}

	return map[string]string{
		"native yaml":    writeFile(t, "hostile.yaml", native),
		"native json":    writeFile(t, "hostile.json", nativeJSON),
		"ndjson":         writeFile(t, "hostile.ndjson", ndjson),
		"timelinejs":     writeFile(t, "hostile-tl.json", tljs),
		"timelinejs csv": writeCSVFile(t, "hostile-sheet.csv", [][]string{timelinejs.SheetHeader, sheetTitle, sheet}),
		"acled":          writeCSVFile(t, "hostile-acled.csv", [][]string{acledHeader, acledRow}),
	}
}

// TestHostileStoryInEveryOutput: a story full of escape sequences and
// controls, in each input format, comes out of every command and output
// format without one byte a terminal would act on.
func TestHostileStoryInEveryOutput(t *testing.T) {
	commands := [][]string{
		{},
		{"list"}, {"list", "--format", "json"}, {"list", "--format", "ndjson"}, {"list", "--format", "csv"}, {"list", "--format", "markdown"},
		{"list", "--search", hostile},
		{"positions"}, {"positions", "--format", "json"}, {"positions", "--format", "markdown"},
		{"export", "--to", "yaml", "-o", "-"}, {"export", "--to", "json", "-o", "-"}, {"export", "--to", "timelinejs", "-o", "-"},
		{"validate"},
	}
	for format, path := range hostileFiles(t) {
		for _, cmd := range commands {
			args := append(slices.Clone(cmd), path)
			name := format + ": dateline " + strings.Join(cmd, " ")
			var out, errOut bytes.Buffer
			code := Run(args, &out, &errOut)
			if code != ExitOK {
				t.Errorf("%s: exit %d\n%s", name, code, errOut.String())
			}
			checkSafe(t, name+": stdout", out.String())
			checkSafe(t, name+": stderr", errOut.String())
		}
		// What was taken out leaves a visible mark.
		var out bytes.Buffer
		Run([]string{"list", "--format", "markdown", path}, &out, &bytes.Buffer{})
		if !strings.Contains(out.String(), "␛") {
			t.Errorf("%s: the list shows no trace of the removed sequences:\n%s", format, out.String())
		}
	}
}

// TestHostileErrorMessages: problems that quote what the file holds (an
// unknown key, a bad date, an id, a type, a year) quote it cleaned.
func TestHostileErrorMessages(t *testing.T) {
	h, j := yamlQuote(hostile), jsonQuote(hostile)
	sheetHead := strings.Join(timelinejs.SheetHeader, ",") + "\n"
	acledHead := "event_id_cnty,event_date,time_precision,event_type,actor1\n"
	csvField := func(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
	for _, tc := range []struct{ name, file, src string }{
		{"unknown key", "k.yaml", "title: T\n" + h + ": 1\n"},
		{"bad date", "d.yaml", "events:\n  - {id: e1, title: T, date: " + h + "}\n"},
		{"bad id", "i.yaml", "actors:\n  - {id: " + h + ", name: A, kind: person}\n"},
		{"dangling", "r.yaml", "events:\n  - {id: e1, title: T, actors: [{actor: " + h + "}]}\n"},
		{"bad kind", "n.yaml", "actors:\n  - {id: a, name: A, kind: " + h + "}\n"},
		{"bad stance", "s.yaml", "actors: [{id: a, name: A, kind: person}]\ntopics: [{id: t, title: T}]\nstatements:\n  - {id: s1, speaker: a, quote: q, stances: {t: " + h + "}}\n"},
		{"number", "p.yaml", "sources: [{id: s, outlet: O}]\nevents:\n  - {id: e1, title: T, citations: [{source: s, paragraph: " + h + "}]}\n"},
		{"json unknown key", "k.json", `{"title": "T", ` + j + `: 1}`},
		{"raw controls in json", "c.json", "{\"title\": \"" + strings.NewReplacer("\x00", "", "\"", "", "\\", "").Replace(hostile) + "\"}"},
		{"ndjson type", "t.ndjson", `{"type": ` + j + `, "id": "e1"}` + "\n"},
		{"ndjson date", "d.ndjson", `{"type": "event", "id": "e1", "title": "T", "date": ` + j + `}` + "\n"},
		{"timelinejs year", "y.json", `{"events": [{"start_date": {"year": ` + j + `}, "text": {"headline": "x"}}]}`},
		{"timelinejs month", "m.json", `{"events": [{"start_date": {"year": 2023, "month": ` + j + `}, "text": {"headline": "x"}}]}`},
		{"timelinejs edtf", "e.json", `{"events": [{"edtf": ` + j + `, "text": {"headline": "x"}}]}`},
		{"timelinejs key", "dk.json", `{"events": [{"start_date": {"year": 2023}, "text": {"headline": "x"}, ` + j + `: 1, ` + j + `: 2}]}`},
		{"timelinejs scale", "sc.json", `{"scale": ` + j + `, "events": [{"start_date": {"year": 2023}, "text": {"headline": "x"}}]}`},
		{"sheet year", "y.csv", sheetHead + csvField(hostile) + ",3,17,,,,,,,x,,,,,,,,\n"},
		{"sheet type", "ty.csv", sheetHead + "2023,3,17,,,,,,,x,,,,,," + csvField(hostile) + ",,\n"},
		{"acled date", "d.csv", acledHead + "X1," + csvField(hostile) + ",1,Riots,A\n"},
		{"acled precision", "pr.csv", acledHead + "X1,2023-03-17," + csvField(hostile) + ",Riots,A\n"},
		{"acled duplicate id", "du.csv", acledHead + csvField(hostile) + ",2023-03-17,1,Riots,A\n" + csvField(hostile) + ",2023-03-17,1,Riots,A\n"},
	} {
		path := writeFile(t, tc.file, tc.src)
		for _, args := range [][]string{{"validate", path}, {"list", path}, {path}} {
			var out, errOut bytes.Buffer
			Run(args, &out, &errOut)
			checkSafe(t, tc.name+": "+strings.Join(args[:len(args)-1], " ")+": stdout", out.String())
			checkSafe(t, tc.name+": "+strings.Join(args[:len(args)-1], " ")+": stderr", errOut.String())
			if errOut.Len() == 0 {
				t.Errorf("%s: %v says nothing about the problem", tc.name, args)
			}
		}
	}
}

// TestHostileFileNames: a file name is data too (a glob over downloaded
// files), and it is quoted in every message.
func TestHostileFileNames(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "story\x1b]0;owned\x07\x1b[2J\u009b1m\u202e.yaml")
	if err := os.WriteFile(name, []byte("title: T\nevents:\n  - {id: e1, title: T, date: 2023-02-30}\n"), 0o644); err != nil {
		t.Skipf("this file system refuses the name: %v", err)
	}
	good := filepath.Join(dir, "good\x1b[2J.yaml")
	if err := os.WriteFile(good, []byte("title: T\n"), 0o644); err != nil {
		t.Skipf("this file system refuses the name: %v", err)
	}
	missing := filepath.Join(dir, "gone\x1b[2J\x07.yaml")
	out := filepath.Join(dir, "out\x1b[2J.json")
	for _, args := range [][]string{
		{"validate", name}, {"validate", good}, {"list", name}, {name}, {"list", missing}, {"validate", missing},
		{"list", good, good}, {"export", "--to", "json", "-o", out, good}, {"export", "--to", "json", "-o", out, good},
	} {
		var stdout, stderr bytes.Buffer
		Run(args, &stdout, &stderr)
		checkSafe(t, strconv.Quote(strings.Join(args, " "))+": stdout", stdout.String())
		checkSafe(t, strconv.Quote(strings.Join(args, " "))+": stderr", stderr.String())
	}
}

// TestNotAStory: an image, a binary and a web page are refused as what
// they are, with exit 1, whatever the command.
func TestNotAStory(t *testing.T) {
	for _, tc := range []struct{ name, file, data string }{
		{"png", "x.png", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"},
		{"png named yaml", "story.yaml", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"},
		{"binary", "x.bin", "\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00"},
		{"random bytes", "x.dat", "\xde\xad\xbe\xef\x01\x02\xfe\xff\x9b\x1b[2J\xc0\xc1\xf5\xf8\xfc\x80\x81\x82"},
		{"html", "page.json", "<!DOCTYPE html>\n<html><head><title>\x1b]0;x\x07</title></head><body>Sheet</body></html>\n"},
	} {
		path := writeFile(t, tc.file, tc.data)
		for _, cmd := range [][]string{{}, {"list"}, {"validate"}, {"positions"}, {"export", "--to", "json", "-o", "-"}} {
			args := append(slices.Clone(cmd), path)
			var out, errOut bytes.Buffer
			code := Run(args, &out, &errOut)
			if code != ExitData || !strings.Contains(errOut.String(), formats.NotAStory) {
				t.Errorf("%s: dateline %s: exit %d, stderr %q; want exit 1 and %q", tc.name, strings.Join(cmd, " "), code, errOut.String(), formats.NotAStory)
			}
			if out.Len() > 0 && cmd == nil {
				t.Errorf("%s: printed %q", tc.name, out.String())
			}
			checkSafe(t, tc.name+": stderr", errOut.String())
		}
	}
}

// TestEmptyFilesOnTheCommandLine: an empty story is no error; the command
// line says the file is empty.
func TestEmptyFilesOnTheCommandLine(t *testing.T) {
	for _, tc := range []struct {
		name, file, data string
		from             string
	}{
		{"empty yaml", "e.yaml", "", ""},
		{"white space", "w.yaml", " \n\t\n\n", ""},
		{"empty list", "l.json", "[]\n", ""},
		{"empty ndjson", "e.ndjson", "\n\n", ""},
		{"empty timelinejs", "e.json", "", "timelinejs"},
		{"empty list as timelinejs", "l.json", " [ ]\n", "timelinejs"},
		{"empty sheet", "e.csv", "", "timelinejs-csv"},
		{"empty acled", "e.csv", "\n", "acled"},
		{"acled header only", "h.csv", "event_id_cnty,event_date,event_type,actor1\n", ""},
	} {
		path := writeFile(t, tc.file, tc.data)
		for _, cmd := range [][]string{{}, {"list"}, {"validate"}} {
			args := append(slices.Clone(cmd), path)
			if tc.from != "" {
				args = append([]string{"--from", tc.from}, args...)
			}
			var out, errOut bytes.Buffer
			code := Run(args, &out, &errOut)
			if code != ExitOK {
				t.Errorf("%s: dateline %s: exit %d\n%s", tc.name, strings.Join(args, " "), code, errOut.String())
			}
			if msg := errOut.String(); !strings.Contains(msg, "empty") && !strings.Contains(msg, "no rows") {
				t.Errorf("%s: dateline %s says nothing of the empty story: %q", tc.name, strings.Join(args, " "), msg)
			}
		}
	}
}

// TestNoEscapesWhateverTheTerminal: with TERM=dumb, NO_COLOR, or colour
// forced, output that is not a terminal carries not one escape sequence.
func TestNoEscapesWhateverTheTerminal(t *testing.T) {
	path := hostileFiles(t)["native yaml"]
	for _, env := range [][2]string{{"TERM", "dumb"}, {"NO_COLOR", "1"}, {"CLICOLOR_FORCE", "1"}, {"COLORTERM", "truecolor"}} {
		t.Run(env[0]+"="+env[1], func(t *testing.T) {
			t.Setenv("TERM", "xterm-256color")
			t.Setenv(env[0], env[1])
			for _, args := range [][]string{{path}, {"list", path}, {"positions", path}, {"--help"}, {"list", "--help"},
				{"--color", "always", path}, {"list", "--color", "always", path},
				{"lsit"}, {"list", "--format", "nope", path}, {"list", "--actor", "nobody", path}, {"--version"}} {
				var out, errOut bytes.Buffer
				Run(args, &out, &errOut)
				checkSafe(t, strings.Join(args, " ")+": stdout", out.String())
				checkSafe(t, strings.Join(args, " ")+": stderr", errOut.String())
			}
		})
	}
}
