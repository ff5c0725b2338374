package model

import (
	"errors"
	"strings"
	"testing"
)

// TestDataAfterTheStory: whatever follows the story's document is reported
// at its place, on every native path (YAML, JSON slow and fast, NDJSON),
// rather than dropped.
func TestDataAfterTheStory(t *testing.T) {
	story := `{"title": "A", "actors": [{"id": "a", "name": "A", "kind": "person"}], "events": [{"id": "e1", "date": "2023-03-17", "title": "One", "actors": [{"actor": "a"}]}]}`
	for _, tc := range []struct {
		name, src string
		line, col int    // 0: no problem
		msg       string // part of the message
	}{
		{"yaml second document", "title: A\n---\ntitle: B\n", 2, 1, "second YAML document"},
		{"yaml third document after an empty one", "title: A\n---\n# nothing\n---\ntitle: B\n", 4, 1, "second YAML document"},
		{"yaml after the end marker", "title: A\n...\ntitle: B\n", 3, 1, "after the end of the story"},
		{"yaml after the end marker, indented", "title: A\n...\n  - x\n", 3, 3, "after the end of the story"},
		{"yaml broken second document", "title: A\n---\ntitle: [\n", 4, 0, "not valid YAML"},
		{"json then an object", story + "\n" + story + "\n", 2, 1, "closing brace"},
		{"json then garbage", story + " garbage\n", 1, len(story) + 2, "closing brace"},
		{"json then a bracket", `{"title": "A"}]`, 1, 15, "closing brace"},
		{"json then ndjson lines", story + "\n" + `{"type":"event","id":"e2","date":"2023","title":"x"}` + "\n", 2, 1, `{"type":"story"`},
		{"json cut-down story then yaml", `{"title": "A"}` + "\n---\ntitle: B\n", 2, 1, "closing brace"},
		{"ndjson line with more after it", `{"type":"story","title":"A"}` + "\n" + `{"type":"actor","id":"a","name":"A"} {"x":1}` + "\n", 2, 38, "JSON"},
		{"ndjson first line with more after it", `{"type":"story","title":"A"} 7` + "\n", 1, 30, "closing brace"},
		// Nothing lost: an end marker, an empty last document, a leading marker.
		{"yaml end marker", "title: A\n...\n", 0, 0, ""},
		{"yaml empty last document", "title: A\n---\n# c\n", 0, 0, ""},
		{"yaml leading marker", "---\ntitle: A\n", 0, 0, ""},
		{"json with blank lines after", story + "\n\n  \n", 0, 0, ""},
	} {
		for _, fast := range []bool{true, false} {
			t.Run(tc.name, func(t *testing.T) {
				defer func(was bool) { fastPath = was }(fastPath)
				fastPath = fast
				_, _, err := Load("s.json", []byte(tc.src))
				if tc.line == 0 {
					if err != nil {
						t.Fatalf("want no problem, got %v", err)
					}
					return
				}
				var ps Problems
				if !errors.As(err, &ps) || len(ps) != 1 {
					t.Fatalf("want one problem, got %v", err)
				}
				p := ps[0]
				if p.Line != tc.line || tc.col != 0 && p.Col != tc.col || !strings.Contains(p.Msg, tc.msg) {
					t.Errorf("got %v; want line %d col %d, saying %q", p, tc.line, tc.col, tc.msg)
				}
			})
		}
	}
}
