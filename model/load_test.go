package model

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// caret marks, in a test document, the place a problem must be reported:
// the line and column of the character that follows it. Positions are
// read from the document, not from the loader.
const caret = "‸"

// docPos is a position in a document, 1-based.
type docPos struct{ line, col int }

func (a docPos) String() string { return fmt.Sprintf("%d:%d", a.line, a.col) }

// unmark removes the carets from src and returns the clean document and
// each caret's position, in document order.
func unmark(src string) (string, []docPos) {
	var out strings.Builder
	var marks []docPos
	for i, line := range strings.SplitAfter(src, "\n") {
		for {
			j := strings.Index(line, caret)
			if j < 0 {
				break
			}
			marks = append(marks, docPos{i + 1, utf8.RuneCountInString(line[:j]) + 1})
			line = line[:j] + line[j+len(caret):]
		}
		out.WriteString(line)
	}
	return out.String(), marks
}

// wantProblem is one problem a load must report: at the next caret (or, when
// lineOnly, on its line, whatever the column), with every fragment in its
// message.
type wantProblem struct {
	has      []string
	lineOnly bool
}

func problemWith(fragments ...string) wantProblem { return wantProblem{has: fragments} }

// checkProblems asserts that errs holds exactly the wanted problems, one
// for each caret in order, each formatted as name:line:col: message.
func checkProblems(t *testing.T, name string, err error, marks []docPos, wants []wantProblem) {
	t.Helper()
	if len(marks) != len(wants) {
		t.Fatalf("test is wrong: %d carets for %d wanted problems", len(marks), len(wants))
	}
	var ps Problems
	if !errors.As(err, &ps) {
		t.Fatalf("Load error = %v (%T), want Problems", err, err)
	}
	used := make([]bool, len(ps))
	for i, w := range wants {
		m := marks[i]
		prefix := fmt.Sprintf("%s:%d:%d: ", name, m.line, m.col)
		if w.lineOnly {
			prefix = fmt.Sprintf("%s:%d:", name, m.line)
		}
		found := false
		for j, p := range ps {
			if used[j] || !strings.HasPrefix(p.Error(), prefix) || !containsAll(p.Msg, w.has) {
				continue
			}
			if w.lineOnly && p.Line != m.line {
				continue
			}
			if p.Warning {
				t.Errorf("problem %q is a warning, want an error", p.Error())
			}
			used[j], found = true, true
			break
		}
		if !found {
			t.Errorf("missing problem at %s with %q; got:\n%v", m, w.has, ps)
		}
	}
	for j, p := range ps {
		if !used[j] {
			t.Errorf("unexpected problem: %v", p.Error())
		}
	}
	// Problems come in file order, so that an editor steps through them.
	if !slices.IsSortedFunc(ps, func(a, b Problem) int {
		return cmpPos(a.Line, a.Col, b.Line, b.Col)
	}) {
		t.Errorf("problems are not in file order:\n%v", ps)
	}
}

func cmpPos(l1, c1, l2, c2 int) int {
	if l1 != l2 {
		return l1 - l2
	}
	return c1 - c2
}

func containsAll(s string, frags []string) bool {
	for _, f := range frags {
		if !strings.Contains(s, f) {
			return false
		}
	}
	return true
}

// A story small enough to read in a test, and valid. Broken stories below
// are variations of it.
const validYAML = `title: Test story
sources:
  - id: paper
    outlet: The Paper
actors:
  - id: russia
    name: Russia
    kind: government
  - id: putin
    name: Putin
    kind: person
    parent: russia
topics:
  - id: warrant
    title: The warrant
events:
  - id: icc-warrant
    date: "2023-03-17"
    title: Warrant issued
    actors:
      - {actor: putin, role: subject}
    topics: [warrant]
    citations:
      - {source: paper, paragraph: 1}
statements:
  - id: kremlin-void
    speaker: russia
    date: "2023-03-17/2023-03-19"
    quote: "null and void"
    stances: {warrant: opposes}
    reacts_to: icc-warrant
    citation: {source: paper, paragraph: 3}
positions:
  - actor: russia
    topic: warrant
    stance: opposes
    evidence: [kremlin-void]
`

// The same story as JSON.
const validJSON = `{
  "title": "Test story",
  "sources": [{"id": "paper", "outlet": "The Paper"}],
  "actors": [
    {"id": "russia", "name": "Russia", "kind": "government"},
    {"id": "putin", "name": "Putin", "kind": "person", "parent": "russia"}
  ],
  "topics": [{"id": "warrant", "title": "The warrant"}],
  "events": [{
    "id": "icc-warrant",
    "date": "2023-03-17",
    "title": "Warrant issued",
    "actors": [{"actor": "putin", "role": "subject"}],
    "topics": ["warrant"],
    "citations": [{"source": "paper", "paragraph": 1}]
  }],
  "statements": [{
    "id": "kremlin-void",
    "speaker": "russia",
    "date": "2023-03-17/2023-03-19",
    "quote": "null and void",
    "stances": {"warrant": "opposes"},
    "reacts_to": "icc-warrant",
    "citation": {"source": "paper", "paragraph": 3}
  }],
  "positions": [
    {"actor": "russia", "topic": "warrant", "stance": "opposes", "evidence": ["kremlin-void"]}
  ]
}
`

func TestLoadValid(t *testing.T) {
	for name, src := range map[string]string{"story.yaml": validYAML, "story.json": validJSON} {
		t.Run(name, func(t *testing.T) {
			s, warns, err := Load(name, []byte(src))
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			if len(warns) > 0 {
				t.Errorf("warnings on a valid story: %v", warns)
			}
			want := &Story{
				Title:   "Test story",
				Sources: []Source{{ID: "paper", Outlet: "The Paper"}},
				Actors: []Actor{
					{ID: "russia", Name: "Russia", Kind: KindGovernment},
					{ID: "putin", Name: "Putin", Kind: KindPerson, Parent: "russia"},
				},
				Topics: []Topic{{ID: "warrant", Title: "The warrant"}},
				Events: []Event{{
					ID: "icc-warrant", Date: testDate("2023-03-17"), Title: "Warrant issued",
					Actors:    []Role{{Actor: "putin", Role: "subject"}},
					Topics:    []string{"warrant"},
					Citations: []Citation{{Source: "paper", Paragraph: 1}},
				}},
				Statements: []Statement{{
					ID: "kremlin-void", Speaker: "russia", Date: testDate("2023-03-17/2023-03-19"), Quote: "null and void",
					Stances:  []TopicStance{{Topic: "warrant", Stance: StanceOpposes}},
					ReactsTo: "icc-warrant",
					Citation: Citation{Source: "paper", Paragraph: 3},
				}},
				Positions: []Position{{Actor: "russia", Topic: "warrant", Stance: StanceOpposes, Evidence: []string{"kremlin-void"}}},
			}
			if !reflect.DeepEqual(s, want) {
				t.Errorf("Load =\n%+v\nwant\n%+v", s, want)
			}
		})
	}
}

func TestLoadEmpty(t *testing.T) {
	for _, src := range []string{"", "  \n\n", "[]", "[]\n", "# nothing yet\n", "---\n"} {
		t.Run(fmt.Sprintf("%q", src), func(t *testing.T) {
			s, warns, err := Load("empty.yaml", []byte(src))
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			if !reflect.DeepEqual(s, &Story{}) {
				t.Errorf("story = %+v, want an empty story", s)
			}
			if len(warns) != 1 || !warns[0].Warning || !strings.HasPrefix(warns[0].Error(), "empty.yaml: warning: ") {
				t.Errorf("warnings = %q, want one warning naming the file", warns)
			}
		})
	}
}

// hostile strings, in YAML's and JSON's escapes: ESC sequences (clear
// screen, window title, clipboard), C0 and C1 controls.
const hostileYAML = `title: "Clear\e[2J screen"
description: "bell\a and \x9b31m C1 CSI\nsecond line"
actors:
  - id: a
    name: "\e]0;pwned\a Putin"
    kind: person
    aliases: ["\e]52;c;Y3VybA==\a alias", "back\bspace"]
topics:
  - {id: t, title: "tab\there and\r\ncrlf"}
events:
  - id: e1
    title: "\e[1A\e[2Kfake"
    summary: "ok\x00nul"
    actors: [{actor: a, role: "\x1b[31mred"}]
    topics: [t]
statements:
  - {id: s1, speaker: a, quote: "\u009d8;;http://x\u009c link\x7f"}
`

const hostileJSON = `{
  "title": "Clear\u001b[2J screen",
  "description": "bell\u0007 and \u009b31m C1 CSI\nsecond line",
  "actors": [{"id": "a", "name": "\u001b]0;pwned\u0007 Putin", "kind": "person",
              "aliases": ["\u001b]52;c;Y3VybA==\u0007 alias", "back\bspace"]}],
  "topics": [{"id": "t", "title": "tab\there and\r\ncrlf"}],
  "events": [{"id": "e1", "title": "\u001b[1A\u001b[2Kfake", "summary": "ok\u0000nul",
              "actors": [{"actor": "a", "role": "\u001b[31mred"}], "topics": ["t"]}],
  "statements": [{"id": "s1", "speaker": "a", "quote": "\u009d8;;http://x\u009c link\u007f"}]
}`

func TestLoadCleansStrings(t *testing.T) {
	for name, src := range map[string]string{"hostile.yaml": hostileYAML, "hostile.json": hostileJSON} {
		t.Run(name, func(t *testing.T) {
			s, _, err := Load(name, []byte(src))
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			n := 0
			walkStrings(reflect.ValueOf(s).Elem(), "story", func(where, v string) {
				n++
				for _, r := range v {
					if r == 0x1b || r < 0x20 && r != '\n' || r >= 0x7f && r <= 0x9f {
						t.Errorf("%s = %q holds control %U", where, v, r)
						break
					}
				}
			})
			if n < 15 {
				t.Fatalf("walked only %d strings", n)
			}
			// What the text said survives, and one-line fields stay one line.
			if !strings.Contains(s.Title, "Clear") || !strings.Contains(s.Title, "screen") {
				t.Errorf("title lost its text: %q", s.Title)
			}
			if !strings.Contains(s.Actors[0].Name, "Putin") {
				t.Errorf("name lost its text: %q", s.Actors[0].Name)
			}
			if strings.Contains(s.Topics[0].Title, "\n") {
				t.Errorf("one-line title holds a newline: %q", s.Topics[0].Title)
			}
			if !strings.Contains(s.Description, "\nsecond line") {
				t.Errorf("description lost its paragraph break: %q", s.Description)
			}
		})
	}
}

// walkStrings calls f on every string in v, with a path for messages.
func walkStrings(v reflect.Value, where string, f func(where, s string)) {
	switch v.Kind() {
	case reflect.String:
		f(where, v.String())
	case reflect.Struct:
		for i := range v.NumField() {
			walkStrings(v.Field(i), where+"."+v.Type().Field(i).Name, f)
		}
	case reflect.Slice:
		for i := range v.Len() {
			walkStrings(v.Index(i), fmt.Sprintf("%s[%d]", where, i), f)
		}
	}
}

// Problem.Error is the form editors and CI jump to.
func TestProblemError(t *testing.T) {
	cases := []struct {
		p    Problem
		want string
	}{
		{Problem{File: "s.yaml", Line: 41, Col: 9, Msg: "bad"}, "s.yaml:41:9: bad"},
		{Problem{File: "s.yaml", Line: 3, Msg: "bad"}, "s.yaml:3: bad"},
		{Problem{File: "s.yaml", Msg: "bad"}, "s.yaml: bad"},
		{Problem{File: "s.yaml", Line: 2, Col: 1, Msg: "odd", Warning: true}, "s.yaml:2:1: warning: odd"},
	}
	for _, c := range cases {
		if got := c.p.Error(); got != c.want {
			t.Errorf("%+v.Error() = %q, want %q", c.p, got, c.want)
		}
	}
	ps := Problems{cases[0].p, cases[1].p}
	if got, want := ps.Error(), "s.yaml:41:9: bad\ns.yaml:3: bad"; got != want {
		t.Errorf("Problems.Error() = %q, want %q", got, want)
	}
}

// TestSmallYAMLIsValidYAML keeps testdata/small.yaml, which formats' tests
// load as a file, the same story as validYAML.
func TestSmallYAMLIsValidYAML(t *testing.T) {
	data, err := os.ReadFile("testdata/small.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s, warns, err := Load("testdata/small.yaml", data)
	if err != nil || len(warns) > 0 {
		t.Fatalf("Load: %v, warnings %v", err, warns)
	}
	want, _, _ := Load("small.yaml", []byte(validYAML))
	if !reflect.DeepEqual(s, want) {
		t.Errorf("Load(testdata/small.yaml) = %+v, want %+v", s, want)
	}
}
