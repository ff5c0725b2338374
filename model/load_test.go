package model

import (
	"errors"
	"fmt"
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

// brokenCases each break one rule, in YAML or JSON; a caret marks where
// each problem must be reported.
var brokenCases = []struct {
	name  string
	file  string
	src   string
	wants []wantProblem
}{
	{
		name: "unknown top-level field", file: "s.yaml",
		src:   "‸titel: Test\n",
		wants: []wantProblem{problemWith(`unknown field "titel"`, `did you mean "title"?`, "actors", "events")},
	},
	{
		name: "unknown actor field", file: "s.yaml",
		src: `actors:
  - id: russia
    ‸nmae: Russia
    kind: government
`,
		wants: []wantProblem{problemWith(`unknown field "nmae"`, `did you mean "name"?`, "aliases")},
	},
	{
		name: "unknown field in a citation", file: "s.yaml",
		src: `sources: [{id: paper}]
events:
  - id: e1
    title: E
    citations:
      - {source: paper, ‸para: 2}
`,
		wants: []wantProblem{problemWith(`unknown field "para"`, "citation", `did you mean "paragraph"?`)},
	},
	{
		name: "unknown field, nothing near", file: "s.yaml",
		src:   "topics:\n  - id: t\n    title: T\n    ‸colour: red\n",
		wants: []wantProblem{problemWith(`unknown field "colour"`, "id, title, description")},
	},
	{
		name: "bad dates", file: "s.yaml",
		src: `sources:
  - id: paper
    published: ‸"21 March 2023"
    as_of: ‸"2023-02-30"
events:
  - id: e1
    title: E
    date: ‸"2023-13"
  - id: e2
    title: F
    date: ‸last Friday
`,
		wants: []wantProblem{
			problemWith(`bad published date "21 March 2023"`, `"2023-03-21"`),
			problemWith(`bad as_of date "2023-02-30"`, "28 days"),
			problemWith(`"2023-13"`, "date"),
			problemWith(`"last Friday"`, "date", "2023-03-17"),
		},
	},
	{
		name: "date as a list", file: "s.yaml",
		src:   "events:\n  - id: e1\n    title: E\n    date: ‸[2023, 2024]\n",
		wants: []wantProblem{problemWith("date", "EDTF date", "list")},
	},
	{
		name: "JSON bad date", file: "s.json",
		src:   "{\"events\": [\n  {\"id\": \"e1\", \"title\": \"E\", \"date\": ‸\"2023/03/17\"}\n]}\n",
		wants: []wantProblem{problemWith(`"2023/03/17"`)},
	},
	{
		name: "raw control character", file: "s.yaml",
		src:   "title: T\ndescription: clear‸\x1b[2J here\n",
		wants: []wantProblem{problemWith("control character U+001B", "remove it")},
	},
	{
		name: "duplicate key", file: "s.yaml",
		src: `events:
  - id: e1
    title: First
    ‸title: Second
`,
		wants: []wantProblem{problemWith(`duplicate key "title"`, "remove one")},
	},
	{
		name: "duplicate top-level key", file: "s.yaml",
		src:   "title: A\n‸title: B\n",
		wants: []wantProblem{problemWith(`duplicate key "title"`)},
	},
	{
		name: "duplicate stance key", file: "s.yaml",
		src: `actors: [{id: a, name: A, kind: person}]
topics: [{id: t, title: T}]
statements:
  - id: s1
    speaker: a
    quote: q
    stances:
      t: supports
      ‸t: opposes
`,
		wants: []wantProblem{problemWith(`duplicate stance on topic "t"`)},
	},
	{
		name: "duplicate id, same kind", file: "s.yaml",
		src: `events:
  - id: e1
    title: One
  - id: ‸e1
    title: Two
`,
		wants: []wantProblem{problemWith(`duplicate id "e1"`, "unique", "(first used at line 2)")},
	},
	{
		name: "duplicate id across kinds", file: "s.yaml",
		src: `actors:
  - id: russia
    name: Russia
    kind: government
topics:
  - id: ‸russia
    title: Russia as a topic
`,
		wants: []wantProblem{problemWith(`duplicate id "russia"`, "actor", "(first used at line 2)", "rename")},
	},
	{
		name: "event names a missing actor", file: "s.yaml",
		src: `actors:
  - {id: russia, name: Russia, kind: government}
events:
  - id: e1
    title: E
    actors:
      - {actor: ‸rusia, role: subject}
`,
		wants: []wantProblem{problemWith(`actor "rusia"`, "not an actor", `did you mean "russia"?`)},
	},
	{
		name: "statement names a missing speaker", file: "s.yaml",
		src: `actors:
  - {id: kirby, name: Kirby, kind: person}
statements:
  - id: s4
    speaker: ‸kirbi
    quote: q
`,
		wants: []wantProblem{problemWith(`speaker "kirbi"`, "not an actor", `did you mean "kirby"?`)},
	},
	{
		name: "speaker names a topic", file: "s.yaml",
		src: `topics: [{id: warrant, title: W}]
statements:
  - id: s1
    speaker: ‸warrant
    quote: q
`,
		wants: []wantProblem{problemWith(`speaker "warrant"`, "topic", "not an actor")},
	},
	{
		name: "missing parent actor", file: "s.yaml",
		src: `actors:
  - {id: russia, name: Russia, kind: government}
  - {id: putin, name: Putin, kind: person, parent: ‸rusia}
`,
		wants: []wantProblem{problemWith(`parent "rusia"`, `did you mean "russia"?`)},
	},
	{
		name: "event names a missing topic", file: "s.yaml",
		src: `topics: [{id: warrant, title: W}]
events:
  - id: e1
    title: E
    topics: [‸visit, ‸warant]
`,
		wants: []wantProblem{
			problemWith(`topic "visit"`, "not a topic", "the topics are: warrant"),
			problemWith(`topic "warant"`, `did you mean "warrant"?`),
		},
	},
	{
		name: "citation names a missing source", file: "s.yaml",
		src: `sources: [{id: newscop}]
events:
  - id: e1
    title: E
    citations:
      - source: ‸newscp
        paragraph: 1
`,
		wants: []wantProblem{problemWith(`source "newscp"`, "not a source", `did you mean "newscop"?`)},
	},
	{
		name: "no sources at all", file: "s.yaml",
		src: `events:
  - id: e1
    title: E
    citations: [{source: ‸paper}]
`,
		wants: []wantProblem{problemWith(`source "paper"`, "no sources", "add one")},
	},
	{
		name: "reacts_to a missing event", file: "s.yaml",
		src: `actors: [{id: a, name: A, kind: person}]
events: [{id: icc-warrant, title: W}]
statements:
  - id: s1
    speaker: a
    quote: q
    reacts_to: ‸icc-warant
`,
		wants: []wantProblem{problemWith(`reacts_to "icc-warant"`, "not an event", `did you mean "icc-warrant"?`)},
	},
	{
		name: "evidence names a missing statement", file: "s.yaml",
		src: `actors: [{id: a, name: A, kind: person}]
topics: [{id: t, title: T}]
statements: [{id: kremlin-void, speaker: a, quote: q}]
positions:
  - actor: a
    topic: t
    stance: opposes
    evidence: [‸kremlin-vod]
`,
		wants: []wantProblem{problemWith(`evidence "kremlin-vod"`, "not an event or statement", `did you mean "kremlin-void"?`)},
	},
	{
		name: "evidence names an actor", file: "s.yaml",
		src: `actors: [{id: a, name: A, kind: person}]
topics: [{id: t, title: T}]
positions:
  - actor: a
    topic: t
    stance: opposes
    evidence:
      - ‸a
`,
		wants: []wantProblem{problemWith(`evidence "a"`, "actor", "event or statement")},
	},
	{
		name: "position without evidence", file: "s.yaml",
		src: `actors: [{id: a, name: A, kind: person}]
topics: [{id: t, title: T}]
positions:
  - ‸actor: a
    topic: t
    stance: supports
`,
		wants: []wantProblem{problemWith("no evidence", "evidence:")},
	},
	{
		name: "position on a topic that does not exist", file: "s.yaml",
		src: `actors: [{id: a, name: A, kind: person}]
topics: [{id: warrant, title: W}]
events: [{id: e1, title: E}]
positions:
  - actor: a
    topic: ‸warant
    stance: supports
    evidence: [e1]
`,
		wants: []wantProblem{problemWith(`topic "warant"`, "not a topic", `did you mean "warrant"?`)},
	},
	{
		name: "statement stance on a topic that does not exist", file: "s.yaml",
		src: `actors: [{id: a, name: A, kind: person}]
topics: [{id: warrant, title: W}]
statements:
  - id: s1
    speaker: a
    quote: q
    stances:
      ‸warant: opposes
`,
		wants: []wantProblem{problemWith(`"warant"`, "not a topic", `did you mean "warrant"?`)},
	},
	{
		name: "bad stance word in a statement", file: "s.yaml",
		src: `actors: [{id: a, name: A, kind: person}]
topics: [{id: warrant, title: W}]
statements:
  - id: s1
    speaker: a
    quote: q
    stances: {warrant: ‸against}
`,
		wants: []wantProblem{problemWith(`stance "against"`, "use one of", "supports", "opposes", "conditional", "neutral", "unclear")},
	},
	{
		name: "bad stance word in a position", file: "s.yaml",
		src: `actors: [{id: a, name: A, kind: person}]
topics: [{id: t, title: T}]
events: [{id: e1, title: E}]
positions:
  - actor: a
    topic: t
    stance: ‸support
    evidence: [e1]
`,
		wants: []wantProblem{problemWith(`stance "support"`, `did you mean "supports"?`)},
	},
	{
		name: "stance none is not written", file: "s.yaml",
		src: `actors: [{id: a, name: A, kind: person}]
topics: [{id: t, title: T}]
events: [{id: e1, title: E}]
positions:
  - {actor: a, topic: t, stance: ‸none, evidence: [e1]}
`,
		wants: []wantProblem{problemWith(`stance "none"`, "leave the entry out")},
	},
	{
		name: "bad actor kind", file: "s.yaml",
		src:   "actors:\n  - id: a\n    name: A\n    kind: ‸persn\n",
		wants: []wantProblem{problemWith(`kind "persn"`, `did you mean "person"?`, "government")},
	},
	{
		name: "parent cycle", file: "s.yaml",
		src: `actors:
  - {id: a, name: A, kind: group, parent: ‸b}
  - {id: b, name: B, kind: group, parent: ‸a}
  - {id: c, name: C, kind: group, parent: a}
  - {id: d, name: D, kind: group, parent: ‸d}
`,
		// c hangs under the cycle but is not in it, so it is not its own ancestor.
		wants: []wantProblem{problemWith(`"a"`, "cycle"), problemWith(`"b"`, "cycle"), problemWith(`"d"`, "cycle")},
	},
	{
		name: "list where text is expected", file: "s.yaml",
		src:   "events:\n  - id: e1\n    title: ‸[one, two]\n",
		wants: []wantProblem{problemWith("title", "text", "list")},
	},
	{
		name: "mapping where text is expected", file: "s.yaml",
		src:   "actors:\n  - id: a\n    name:\n      ‸first: A\n    kind: person\n",
		wants: []wantProblem{problemWith("name", "text", "mapping")},
	},
	{
		name: "text where a list is expected", file: "s.yaml",
		src:   "actors:\n  - id: a\n    name: A\n    kind: person\n    aliases: ‸Mr A\n",
		wants: []wantProblem{problemWith("aliases", "must be a list")},
	},
	{
		name: "text where a number is expected", file: "s.yaml",
		src:   "sources: [{id: p}]\nevents:\n  - id: e1\n    title: E\n    citations: [{source: p, paragraph: ‸two}]\n",
		wants: []wantProblem{problemWith("paragraph", "whole number", `"two"`)},
	},
	{
		name: "text where true or false is expected", file: "s.yaml",
		src:   "actors: [{id: a, name: A, kind: person}]\nstatements:\n  - {id: s1, speaker: a, quote: q, paraphrase: ‸yes}\n",
		wants: []wantProblem{problemWith("paraphrase", "true or false", `"yes"`)},
	},
	{
		// Every reference into the section would fail too: only the cause is reported.
		name: "a section that is not a list", file: "s.yaml",
		src:   "actors: ‸Putin\nstatements:\n  - {id: s1, speaker: putin, quote: q}\n",
		wants: []wantProblem{problemWith("actors must be a list")},
	},
	{
		name: "stances as a list", file: "s.yaml",
		src:   "actors: [{id: a, name: A, kind: person}]\nstatements:\n  - id: s1\n    speaker: a\n    quote: q\n    stances: ‸[warrant]\n",
		wants: []wantProblem{problemWith("stances", "mapping of topic id to stance")},
	},
	{
		name: "a list where the story is expected", file: "s.yaml",
		src:   "‸- title: A\n",
		wants: []wantProblem{problemWith("not a dateline story")},
	},
	{
		name: "missing required fields", file: "s.yaml",
		src: `actors:
  - ‸‸id: a
topics:
  - ‸id: t
statements:
  - ‸id: s1
    speaker: a
events:
  - ‸title: no id
`,
		wants: []wantProblem{problemWith("name is missing"), problemWith("kind is missing", "person"), problemWith("title is missing"), problemWith("quote is missing"), problemWith("no id")},
	},
	{
		name: "id with spaces", file: "s.yaml",
		src:   "topics:\n  - id: ‸My Topic\n    title: T\n",
		wants: []wantProblem{problemWith(`id "My Topic" is not valid`, "lowercase")},
	},
	{
		name: "invalid YAML: unclosed flow list", file: "s.yaml",
		src:   "title: T\nactors:\n  - id: a\n    aliases: ‸[Mr A\n  - id: b\n",
		wants: []wantProblem{{has: []string{"not valid YAML", "fix the syntax"}, lineOnly: true}},
	},
	{
		name: "invalid YAML: bad indentation", file: "s.yaml",
		src:   "title: T\nactors:\n  - id: a\n    name: A\n‸ kind: person\n",
		wants: []wantProblem{{has: []string{"not valid YAML"}, lineOnly: true}},
	},
	{
		name: "invalid YAML: stray colon", file: "s.yaml",
		src:   "title: T\nactors:\n  - id: a\n    ‸name: A: B\n",
		wants: []wantProblem{{has: []string{"not valid YAML"}, lineOnly: true}},
	},
	{
		name: "invalid YAML: tab indentation", file: "s.yaml",
		src:   "title: T\nactors:\n  - id: a\n‸\tname: A\n",
		wants: []wantProblem{{has: []string{"not valid YAML", "tab"}, lineOnly: true}},
	},
	{
		name: "invalid YAML: unterminated quote", file: "s.yaml",
		// Where the quote opens: the parser cannot know where it should close.
		src:   "title: T\ndescription: ‸\"never closed\n",
		wants: []wantProblem{{has: []string{"not valid YAML"}, lineOnly: true}},
	},
	{
		name: "invalid YAML on the first line", file: "s.yaml",
		src:   "‸title: A: B\n",
		wants: []wantProblem{{has: []string{"not valid YAML"}, lineOnly: true}},
	},

	// JSON: the same rules, the same positions.
	{
		name: "JSON unknown field", file: "s.json",
		src:   "{\n  \"title\": \"T\",\n  \"actors\": [\n    {\"id\": \"a\", \"name\": \"A\", \"kind\": \"person\", ‸\"nmae\": \"B\"}\n  ]\n}\n",
		wants: []wantProblem{problemWith(`unknown field "nmae"`, `did you mean "name"?`)},
	},
	{
		name: "JSON duplicate key", file: "s.json",
		src:   "{\n  \"title\": \"T\",\n  ‸\"title\": \"U\"\n}\n",
		wants: []wantProblem{problemWith(`duplicate key "title"`)},
	},
	{
		name: "JSON missing speaker and bad stance", file: "s.json",
		src: `{
  "actors": [{"id": "kirby", "name": "Kirby", "kind": "person"}],
  "topics": [{"id": "ceasefire", "title": "C"}],
  "statements": [
    {"id": "s1", "speaker": ‸"kirbi", "quote": "q", "stances": {"ceasefire": ‸"opposed"}}
  ]
}
`,
		wants: []wantProblem{problemWith(`speaker "kirbi"`, `did you mean "kirby"?`), problemWith(`stance "opposed"`, `did you mean "opposes"?`)},
	},
	{
		name: "JSON duplicate id across kinds", file: "s.json",
		src: `{
  "actors": [{"id": "x", "name": "X", "kind": "group"}],
  "events": [{"id": ‸"x", "title": "E"}]
}
`,
		wants: []wantProblem{problemWith(`duplicate id "x"`, "(first used at line 2)")},
	},
	{
		name: "JSON list where text is expected", file: "s.json",
		src:   "{\"events\": [{\"id\": \"e\", \"title\": ‸[\"a\"]}]}\n",
		wants: []wantProblem{problemWith("title", "text", "list")},
	},
	{
		name: "JSON syntax error", file: "s.json",
		src:   "{\n  \"title\": \"T\",\n  \"actors\": [\n    {\"id\": \"a\" ‸\"name\": \"A\"}\n  ]\n}\n",
		wants: []wantProblem{{has: []string{"not valid", "JSON"}, lineOnly: true}},
	},
}

func TestLoadReportsEachProblemAtItsPlace(t *testing.T) {
	for _, c := range brokenCases {
		t.Run(c.name, func(t *testing.T) {
			src, marks := unmark(c.src)
			s, _, err := Load(c.file, []byte(src))
			if err == nil {
				t.Fatalf("Load accepted a broken story: %+v", s)
			}
			if s != nil {
				t.Errorf("Load returned a story along with errors")
			}
			checkProblems(t, c.file, err, marks, c.wants)
			if strings.ContainsRune(err.Error(), 0x1b) {
				t.Errorf("error message holds ESC: %q", err)
			}
		})
	}
}

// One broken file with many problems of different sorts: every one is
// reported by a single Load, not just the first.
func TestLoadReportsAllProblemsAtOnce(t *testing.T) {
	src, marks := unmark(`title: Everything wrong
‸author: me
sources:
  - id: paper
actors:
  - id: russia
    name: Russia
    kind: government
    parent: ‸putin
  - id: putin
    name: Putin
    kind: person
    parent: ‸russia
  - id: kirby
    ‸nmae: Kirby
    kind: person
  - id: kremlin
    name: Kremlin
    kind: government
    aliases: ‸Moscow
topics:
  - id: warrant
    title: Warrant
  - id: ‸kirby
    title: Kirby as a topic
events:
  - id: e1
    title: E
    ‸title: again
    actors: [{actor: ‸rusia}]
    citations: [{source: ‸papr}]
statements:
  - id: s1
    speaker: ‸kirbi
    quote: q
    stances: {‸visit: supports, warrant: ‸against}
    reacts_to: ‸e2
positions:
  - ‸actor: russia
    topic: warrant
    stance: opposes
  - actor: russia
    topic: ‸visit
    stance: supports
    evidence: [e1]
`)
	wants := []wantProblem{
		problemWith(`unknown field "author"`),
		problemWith(`"russia"`, "cycle"),
		problemWith(`"putin"`, "cycle"),
		problemWith(`unknown field "nmae"`, `did you mean "name"?`),
		problemWith("aliases", "must be a list"),
		problemWith(`duplicate id "kirby"`, "(first used at line 14)"),
		problemWith(`duplicate key "title"`),
		problemWith(`actor "rusia"`, `did you mean "russia"?`),
		problemWith(`source "papr"`, `did you mean "paper"?`),
		problemWith(`speaker "kirbi"`, `did you mean "kirby"?`),
		problemWith(`"visit"`, "not a topic"),
		problemWith(`stance "against"`),
		problemWith(`reacts_to "e2"`, "not an event", `did you mean "e1"?`),
		problemWith("no evidence"),
		problemWith(`topic "visit"`, "not a topic"),
	}
	_, _, err := Load("all.yaml", []byte(src))
	checkProblems(t, "all.yaml", err, marks, wants)
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

func TestLoadFile(t *testing.T) {
	s, warns, err := LoadFile("testdata/small.yaml")
	if err != nil || len(warns) > 0 {
		t.Fatalf("LoadFile: %v, warnings %v", err, warns)
	}
	want, _, _ := Load("small.yaml", []byte(validYAML))
	if !reflect.DeepEqual(s, want) {
		t.Errorf("LoadFile = %+v, want %+v", s, want)
	}
	_, _, err = LoadFile("testdata/does-not-exist.yaml")
	if err == nil || !strings.Contains(err.Error(), "testdata/does-not-exist.yaml") {
		t.Errorf("LoadFile of a missing file: err = %v, want one naming the file", err)
	}
}
