package formats

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dateline/dateline/model/timelinejs"
)

// TestLocateEveryItem loads a file of each format, then finds every event
// and statement it holds at the line its record starts.
func TestLocateEveryItem(t *testing.T) {
	sheet := strings.Join(timelinejs.SheetHeader, ",") + "\n2023,3,17,,,,,,,One,,,,,,,,\n2023,3,18,,,,,,,\"Two\nlines\",,,,,,,,\n2023,3,19,,,,,,,Three,,,,,,,,\n"
	for _, tc := range []struct {
		name, file, data string
		want             map[string]int // some ids and their lines
	}{
		{"yaml", "s.yaml", nativeYAML + "  - id: e2\n    title: Two\n    date: 2023-03-18\nstatements:\n  - id: s1\n    speaker: a\n    quote: Hi\n",
			map[string]int{"e1": 5, "e2": 6, "s1": 10}},
		{"json", "s.json", "{\"title\": \"T\",\n \"events\": [\n  {\"id\": \"e1\", \"title\": \"One\", \"date\": \"2023-03-17\"},\n  {\"id\": \"e2\", \"title\": \"Two\", \"date\": \"2023-03-18\"}\n]}\n",
			map[string]int{"e1": 3, "e2": 4}},
		{"ndjson", "s.ndjson", `{"type":"story","title":"T"}` + "\n" + `{"type":"actor","id":"a","name":"A","kind":"person"}` + "\n" +
			`{"type":"event","id":"e1","title":"One","date":"2023-03-17"}` + "\n" + `{"type":"statement","id":"s1","speaker":"a","quote":"e1"}` + "\n",
			map[string]int{"e1": 3, "s1": 4}},
		{"timelinejs json", "t.json", "{\"events\": [\n {\"start_date\": {\"year\": 2023}, \"text\": {\"headline\": \"One\"}},\n {\"start_date\": {\"year\": 2024}, \"unique_id\": \"Second Slide\", \"text\": {\"headline\": \"Two\"}}\n]}\n",
			map[string]int{"one": 2, "second-slide": 3}},
		{"timelinejs sheet", "t.csv", sheet, map[string]int{"one": 2, "two-lines": 3, "three": 5}},
		{"acled", "a.csv", acledCSV + "UKR2,2023-03-18,2023,1,Battles,Armed clash,Military Forces of Russia (2000-),Ukraine,Avdiivka\n",
			map[string]int{"ukr1": 2, "ukr2": 3}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tc.file)
			if err := os.WriteFile(path, []byte(tc.data), 0o644); err != nil {
				t.Fatal(err)
			}
			s, _, err := LoadFile(path, Auto)
			if err != nil {
				t.Fatalf("load: %v", err)
			}
			var ids []string
			for _, e := range s.Events {
				ids = append(ids, e.ID)
			}
			for _, st := range s.Statements {
				ids = append(ids, st.ID)
			}
			for _, id := range ids {
				file, line, err := Locate([]string{path}, Auto, id)
				if err != nil || file != path || line < 1 {
					t.Errorf("%s: %s:%d, %v", id, file, line, err)
				}
				if want, ok := tc.want[id]; ok && line != want {
					t.Errorf("%s at line %d, want %d", id, line, want)
				}
			}
			for id := range tc.want {
				if !strings.Contains(strings.Join(ids, " "), id) {
					t.Errorf("the test expects an item %q; the file loads %v", id, ids)
				}
			}
		})
	}
	if _, _, err := Locate([]string{filepath.Join(t.TempDir(), "gone.yaml")}, Auto, "x"); err == nil || !strings.Contains(err.Error(), "cannot read") {
		t.Errorf("a missing file: %v", err)
	}
}
