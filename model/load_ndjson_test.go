package model_test

import (
	"bytes"
	"io"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/gen"
)

// A generated story reads the same from NDJSON as from JSON, through
// LoadNDJSON and through Load, which tells NDJSON by its first line.
func TestNDJSONReadsLikeJSON(t *testing.T) {
	cfg := gen.Config{Events: 4000, Seed: 11} // several blocks of lines
	want, warns, err := model.Load("s.json", genBytes(t, cfg, gen.JSON))
	if err != nil || len(warns) > 0 {
		t.Fatalf("JSON: %v %v", err, warns)
	}
	data := genBytes(t, cfg, gen.NDJSON)
	got, warns, err := model.LoadNDJSON("s.ndjson", bytes.NewReader(data))
	if err != nil || len(warns) > 0 {
		t.Fatalf("LoadNDJSON: %v %v", err, warns)
	}
	if !reflect.DeepEqual(got, want) {
		t.Error("NDJSON and JSON give different stories")
	}
	viaLoad, _, err := model.Load("s.ndjson", data)
	if err != nil || !reflect.DeepEqual(viaLoad, want) {
		t.Errorf("Load did not read NDJSON: %v", err)
	}
	// Any order of lines and fields, blank lines and CRLF: the same story.
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	last := len(lines) - 1
	lines[0], lines[last] = lines[last], lines[0]
	lines[1] = strings.Replace(lines[1], `{"type":"source",`, `{`, 1)
	lines[1] = strings.TrimSuffix(lines[1], "}") + `,"type":"source"}`
	shuffled := strings.Join(lines, "\r\n\n")
	got, _, err = model.LoadNDJSON("s.ndjson", strings.NewReader(shuffled))
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != want.Title || len(got.Events) != len(want.Events) || len(got.Sources) != len(want.Sources) {
		t.Error("reordered lines read differently")
	}
}

const ndjsonStory = `{"type":"story","title":"T"}
{"type":"actor","id":"kirby","name":"Kirby","kind":"person"}
{"type":"topic","id":"truce","title":"Truce"}
{"type":"event","id":"e1","title":"E","actors":[{"actor":"kirbi"}]}
{"type":"event","id":"e1","title":"F"}
{"type":"evnt","id":"e3"}
{"type":"statement","id":"s1","speaker":"kirby","quote":"q","stances":{"truce":"opposed"}}
{"type":"event","id":"e4","title":"G",}

{"type":"event","id":"e5","tilte":"H"}
{"type":"event","id":"e6","title":"\u001b]0;pwned\u0007 title"}
`

// Every problem is reported at its line and column, as in the YAML format.
func TestNDJSONProblemsAtTheirPlace(t *testing.T) {
	_, warns, err := model.LoadNDJSON("s.ndjson", strings.NewReader(ndjsonStory))
	ps, ok := err.(model.Problems)
	if !ok {
		t.Fatalf("err = %v, want Problems", err)
	}
	want := []string{
		`s.ndjson:4:58: actor "kirbi" is not an actor (did you mean "kirby"?)`,
		`s.ndjson:5:22: duplicate id "e1"`, "(first used at line 4)",
		`s.ndjson:6:9: unknown type "evnt" (did you mean "event"?)`,
		`s.ndjson:7:80: stance "opposed" is not a stance (did you mean "opposes"?)`,
		`s.ndjson:8:39:`, "not valid JSON",
		`s.ndjson:10:27: unknown field "tilte" in an event (did you mean "title"?)`,
	}
	text := ps.Error()
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("problems lack %q:\n%s", w, text)
		}
	}
	if len(warns) != 1 || !strings.Contains(warns[0].Error(), "s.ndjson:11:") || !strings.Contains(warns[0].Error(), "cleaned") {
		t.Errorf("warnings = %v, want one for line 11's title", warns)
	}
}

// A reader that cannot seek still gets lines, and paths for columns.
func TestNDJSONProblemsWithoutSeeking(t *testing.T) {
	src := `{"type":"actor","id":"kirby","name":"Kirby","kind":"person"}
{"type":"event","id":"e1","title":"E","actors":[{"actor":"kirbi"}]}
`
	_, _, err := model.LoadNDJSON("s.ndjson", io.MultiReader(strings.NewReader(src)))
	if err == nil || !strings.Contains(err.Error(), `s.ndjson:2: actors[0].actor: actor "kirbi"`) {
		t.Errorf("err = %v", err)
	}
}

func TestNDJSONEmpty(t *testing.T) {
	s, warns, err := model.LoadNDJSON("s.ndjson", strings.NewReader("\n\n"))
	if err != nil || s == nil || len(warns) != 1 {
		t.Errorf("empty file: %v %v %v", s, warns, err)
	}
}

// A line longer than the reader's block, among errors in several blocks:
// each problem still at its line.
func TestNDJSONLongLinesAndLateProblems(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"type":"actor","id":"a","name":"A","kind":"person"}` + "\n")
	b.WriteString(`{"type":"event","id":"long","title":"L","summary":"` + strings.Repeat("word ", 600_000) + `"}` + "\n")
	for i := range 30_000 {
		b.WriteString(`{"type":"event","id":"e` + strconv.Itoa(i) + `","title":"T","actors":[{"actor":"a"}]}` + "\n")
	}
	b.WriteString(`{"type":"event","id":"late","title":"T","actors":[{"actor":"b"}]}` + "\n")
	s, _, err := model.LoadNDJSON("s.ndjson", strings.NewReader(b.String()))
	if err == nil || !strings.Contains(err.Error(), "s.ndjson:30003:") {
		t.Fatalf("err = %v, want a problem on line 30003", err)
	}
	fixed := strings.Replace(b.String(), `"actor":"b"`, `"actor":"a"`, 1)
	s, _, err = model.LoadNDJSON("s.ndjson", strings.NewReader(fixed))
	if err != nil || len(s.Events) != 30_002 || len(s.Events[0].Summary) < 3_000_000-10 || s.Events[30_001].ID != "late" {
		t.Fatalf("err = %v; %d events", err, len(s.Events))
	}
}
