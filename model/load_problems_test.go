package model

import (
	"strings"
	"testing"
)

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
		name: "two steps of one position on one date", file: "s.yaml",
		src: `actors: [{id: a, name: A, kind: person}]
topics: [{id: t, title: T}]
events: [{id: e1, title: E, date: "2023-03-17"}]
positions:
  - {actor: a, topic: t, stance: supports, evidence: [e1]}
  - {actor: a, topic: t, stance: opposes, date: ‸"2023-03-17", evidence: [e1]}
`,
		wants: []wantProblem{problemWith("a second position", "2023-03-17", "own date:", "first used at line 5")},
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
