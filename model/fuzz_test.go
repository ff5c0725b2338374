package model

import (
	"bytes"
	"errors"
	"io"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/dateline/dateline/model/text"
)

// multilineFields are the string fields that may hold line breaks; every
// other string in a story is one line.
var multilineFields = map[string]bool{"Summary": true, "Description": true, "Quote": true}

// checkLoaded checks what every loader promises, whatever its input: a
// story or Problems, never both and never neither; every string in the
// story and every problem safe for the terminal; a story that validates
// and indexes.
func checkLoaded(t *testing.T, s *Story, warns Problems, err error) {
	t.Helper()
	for _, p := range warns {
		if !p.Warning {
			t.Errorf("a warning that is not one: %v", p)
		}
		checkProblem(t, p)
	}
	if err != nil {
		var ps Problems
		if !errors.As(err, &ps) || len(ps) == 0 {
			t.Fatalf("error is not Problems: %v", err)
		}
		if s != nil {
			t.Errorf("a story as well as errors")
		}
		for _, p := range ps {
			if p.Warning {
				t.Errorf("an error that is a warning: %v", p)
			}
			checkProblem(t, p)
		}
		return
	}
	if s == nil {
		t.Fatal("no story and no error")
	}
	walkStrings(reflect.ValueOf(s).Elem(), "story", func(where, v string) {
		field := where[strings.LastIndexByte(where, '.')+1:]
		field, _, _ = strings.Cut(field, "[")
		want := text.CleanLine(v)
		if multilineFields[field] {
			want = text.Clean(v)
		}
		if v != want {
			t.Errorf("%s %q is not clean", where, v)
		}
	})
	for _, p := range Validate("f", s) {
		if !p.Warning {
			t.Errorf("loaded story does not validate: %v", p)
		}
	}
	if ix := NewIndex(s); ix.Len() != len(s.Events)+len(s.Statements) {
		t.Errorf("index has %d items, story %d", ix.Len(), len(s.Events)+len(s.Statements))
	}
}

func checkProblem(t *testing.T, p Problem) {
	t.Helper()
	if msg := p.Error(); text.Clean(msg) != msg {
		t.Errorf("problem is not clean: %q", msg)
	}
	if p.Line < 0 || p.Col < 0 || p.Col > 0 && p.Line == 0 {
		t.Errorf("problem at %d:%d: %v", p.Line, p.Col, p)
	}
}

// fuzzSeeds are stories, broken and hostile ones, for both loaders.
var fuzzSeeds = []string{
	"",
	"[]",
	" \n\t\n",
	"{}",
	"---\n",
	"# only a comment\n",
	"title: T\nactors:\n  - {id: a, name: A, kind: person}\ntopics: [{id: t, title: T}]\nevents:\n  - {id: e1, date: 2023-03-17, title: One, actors: [{actor: a}], topics: [t]}\nstatements:\n  - {id: s1, speaker: a, date: 2023-03-18, quote: q, stances: {t: supports}, reacts_to: e1}\npositions:\n  - {actor: a, topic: t, stance: supports, evidence: [s1]}\n",
	`{"title": "T", "actors": [{"id": "a", "name": "A", "kind": "person"}], "events": [{"id": "e1", "date": "2023-03-17", "title": "One", "actors": [{"actor": "a"}]}]}`,
	"{\"type\": \"story\", \"title\": \"T\"}\n{\"type\": \"actor\", \"id\": \"a\", \"name\": \"A\", \"kind\": \"person\"}\n{\"type\": \"event\", \"id\": \"e1\", \"title\": \"One\", \"actors\": [{\"actor\": \"a\"}]}\n",
	"{\"type\": \"event\", \"id\": \"e1\", \"title\": \"One\"}\n{\"type\": \"event\", \"id\": \"e2\", \"ti",
	"title: \"\\e]0;pwned\\a \\e[2J \\u009b31m \\u202eevil\\u202c \\x7f \\0 \\r\\b\"\nevents:\n  - {id: e1, title: \"\\e]52;c;Y3VybA==\\a\", summary: \"a\\tb\\r\\nc\\rd\"}\n",
	`{"title": "\u001b]8;;https://x\u0007link\u001b]8;;\u0007 \u009d0;x\u009c", "events": [{"id": "e1", "title": "\u001bP dcs \u001b\\"}]}`,
	"title: caf\xe9 \xff\nevents:\n  - {id: e1, title: \"\xc3\"}\n",
	"events:\n  - {id: e1, date: 2023-02-30, title: a}\n  - {id: e2, date: 0000-00-00, title: b}\n  - {id: e3, date: 12023-01-01, title: c}\n",
	"title: a\ntitle: b\nactors:\n  - {id: a, name: A, kind: person}\n  - {id: a, name: B, kind: persn}\nevents:\n  - {id: e1, title: x, actors: [{actor: nobody}]}\n",
	"events: " + strings.Repeat("[", 1001) + strings.Repeat("]", 1001) + "\n",
	`{"title": ` + strings.Repeat(`{"a": `, 1100) + "1" + strings.Repeat("}", 1100) + "}",
	"r: &r [{actor: a}]\nevents:\n  - {id: e1, title: T, actors: *r}\n  - {id: e2, title: T, actors: *r}\n",
	"title: &a [*a]\n",
	"events:\n  - id: e1\n\ttitle: tab\n",
	"\uFEFFtitle: T\n",
	"title: T\nevents:\n  - {id: e1, title: \"Tw",
	"statements:\n  - {id: s1, speaker: a, quote: q, stances: {t: supports, t: opposes}}\n",
	"title: \"\x1b[2J raw escape\"\n",
}

// FuzzLoad: Load never panics, and what it returns keeps checkLoaded's
// promises, whatever the bytes.
func FuzzLoad(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	if b, err := os.ReadFile("testdata/small.yaml"); err == nil {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, warns, err := Load("f", data)
		checkLoaded(t, s, warns, err)
	})
}

// FuzzNDJSON: LoadNDJSON, reading a stream, keeps the same promises.
func FuzzNDJSON(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, warns, err := LoadNDJSON("f", bytes.NewReader(data))
		checkLoaded(t, s, warns, err)
		// Lean, it says the same, and gives back every summary it left
		// out.
		open := func() (ReaderAtCloser, error) {
			return struct {
				io.ReaderAt
				io.Closer
			}{bytes.NewReader(data), io.NopCloser(nil)}, nil
		}
		lean, leanWarns, leanErr := LoadNDJSONLean("f", bytes.NewReader(data), KeepSummaries(Filter{Text: "a"}), open)
		if (err == nil) != (leanErr == nil) || !reflect.DeepEqual(warns, leanWarns) {
			t.Fatalf("lean: %v, %v; whole: %v, %v", leanErr, leanWarns, err, warns)
		}
		if err != nil {
			return
		}
		all := make([]int32, len(lean.Events))
		for i := range all {
			all[i] = int32(i)
		}
		if lean.refill != nil {
			if err := lean.refill(all); err != nil {
				t.Fatalf("refill: %v", err)
			}
		}
		if !reflect.DeepEqual(lean.Events, s.Events) {
			t.Fatalf("lean events, refilled, differ from the whole story's")
		}
	})
}
