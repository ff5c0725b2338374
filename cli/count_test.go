package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestCountCommand(t *testing.T) {
	total := len(listJSON(t))
	for _, by := range []string{"auto", "day", "week", "month", "quarter", "year", "decade"} {
		r := runCLI(t, "count", "--by", by, "--format", "json")
		if r.code != 0 {
			t.Fatalf("--by %s: exit %d: %s", by, r.code, r.stderr)
		}
		var rows []struct {
			Bucket     string
			Start, End *string
			Count      int
		}
		if err := json.Unmarshal([]byte(r.stdout), &rows); err != nil {
			t.Fatalf("--by %s: %v", by, err)
		}
		sum := 0
		for _, row := range rows {
			sum += row.Count
		}
		if sum != total {
			t.Errorf("--by %s: counts add to %d, want the %d items", by, sum, total)
		}
	}
	// Filters narrow it as they narrow list.
	r := runCLI(t, "count", "--by", "month", "--search", "meeting planned")
	if r.code != 0 || strings.TrimSpace(strings.Fields(r.stdout)[0]) != "Jan" || !strings.Contains(r.stdout, "Jan 2023  1") {
		t.Errorf("count --search: exit %d, %q", r.code, r.stdout)
	}
	for _, args := range [][]string{
		{"count", "--by", "fortnight"},
		{"count", "--format", "xml"},
		{"count", "--by", "day", "--actor", "nobody"},
	} {
		if r := runCLI(t, args...); r.code != ExitUsage || r.stderr == "" {
			t.Errorf("%v: exit %d, %q", args, r.code, r.stderr)
		}
	}
}
