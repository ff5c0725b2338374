package cli

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

// TestListCSVRoundTrip: list --format csv reads back, through the CLI, to
// the same ids, kinds, dates, titles, actors, topics, speakers and stances
// as the story it was written from (the built-in story, and a generated
// one with many statements).
func TestListCSVRoundTrip(t *testing.T) {
	gen := writeFile(t, "gen.ndjson", "")
	if r := runCLI(t, "gen", "--events", "300", "--force", "-o", gen); r.code != ExitOK {
		t.Fatalf("gen: %s", r.stderr)
	}
	for _, src := range [][]string{nil, {gen}} {
		r := runCLI(t, append([]string{"list", "--format", "csv"}, src...)...)
		if r.code != ExitOK {
			t.Fatalf("list csv: %s", r.stderr)
		}
		csvFile := writeFile(t, "list.csv", r.stdout)
		want := listJSON(t, src...)
		got := listJSON(t, csvFile)
		if len(got) != len(want) {
			t.Fatalf("%v: %d items read back, want %d", src, len(got), len(want))
		}
		byID := map[string]listItem{}
		for _, it := range got {
			it.Quote = ""
			byID[it.ID] = it
		}
		for _, w := range want {
			w.Quote = ""
			if g := byID[w.ID]; !reflect.DeepEqual(g, w) {
				t.Errorf("%v: item %s read back as\n%+v\nwant\n%+v", src, w.ID, g, w)
			}
		}
	}
}

func TestOpenTables(t *testing.T) {
	sheet := writeFile(t, "events.tsv", "When\tWhat happened\tParticipants\n2019-07-14\tStorming\tCrowd; Guard\n14/07/2020\tAgain\tCrowd\n")
	r := runCLI(t, "list", sheet)
	if r.code != ExitData || !strings.Contains(r.stderr, "--map 'date=When,title=What happened'") {
		t.Errorf("unplaced: %d %s", r.code, r.stderr)
	}
	items := listJSON(t, "--map", "title=What happened,actors=Participants", "--date-format", "day-first", sheet)
	if len(items) != 2 || items[1].Title != "Again" || *items[1].Date != "2020-07-14" || !reflect.DeepEqual(items[0].Actors, []string{"crowd", "guard"}) {
		t.Errorf("mapped: %+v", items)
	}
	r = runCLI(t, "list", "--map", "title=What happened", sheet)
	if r.code != ExitOK || !strings.Contains(r.stderr, "line 3 has no date") || !strings.Contains(r.stderr, "--date-format") {
		t.Errorf("undated: %d %s", r.code, r.stderr)
	}
	for _, bad := range [][]string{{"--map", "colour=When"}, {"--date-format", "ymd"}, {"--from", "xls"}} {
		if r := runCLI(t, append(append([]string{"list"}, bad...), sheet)...); r.code != ExitUsage {
			t.Errorf("%v: exit %d %s", bad, r.code, r.stderr)
		}
	}
	if r := runCLI(t, "validate", "--map", "title=What happened", sheet); r.code != ExitOK {
		t.Errorf("validate: %d %s", r.code, r.stderr)
	}
}

func TestOpenGDELT(t *testing.T) {
	f := make([]string, 61)
	f[0], f[1], f[6], f[16], f[26], f[28], f[52], f[60] = "7", "20230317", "STUDENT", "POLICE", "145", "14", "Lyon, France", "https://news.example.org/a"
	path := writeFile(t, "20230317120000.export.CSV", strings.Join(f, "\t")+"\n")
	items := listJSON(t, path)
	if len(items) != 1 || items[0].ID != "gdelt-7" || items[0].Title != "Protest: STUDENT → POLICE" || *items[0].Date != "2023-03-17" ||
		!reflect.DeepEqual(items[0].Topics, []string{"14-protest"}) {
		t.Errorf("gdelt: %+v", items)
	}
	if r := runCLI(t, "validate", "--from", "gdelt", path); r.code != ExitOK {
		t.Errorf("validate: %s", r.stderr)
	}
}

// TestOpenParquet: gen --format parquet writes a file dateline opens, and
// list --since/--until reads the same items from it as from the whole.
func TestOpenParquet(t *testing.T) {
	dir := t.TempDir()
	file := dir + "/g.parquet"
	if r := runCLI(t, "gen", "--events", "2000", "-o", file); r.code != ExitOK {
		t.Fatalf("gen: %s", r.stderr)
	}
	all := listJSON(t, file)
	if len(all) != 2000 {
		t.Fatalf("%d items", len(all))
	}
	week := listJSON(t, "--since", "2021-03-01", "--until", "2021-03-07", file)
	want := 0
	for _, it := range all {
		if it.Start != nil && it.End != nil && *it.End >= "2021-03-01" && *it.Start <= "2021-03-07" {
			want++
		}
	}
	if len(week) != want || want == 0 {
		t.Errorf("week: %d items, want %d", len(week), want)
	}
	// A directory of partitions opens as one story.
	if err := os.MkdirAll(dir+"/parts/year=2021", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(file, dir+"/parts/year=2021/part-0.parquet"); err != nil {
		t.Fatal(err)
	}
	if got := listJSON(t, dir+"/parts"); len(got) != 2000 {
		t.Errorf("directory: %d items", len(got))
	}
	if r := runCLI(t, "validate", dir+"/parts"); r.code != ExitOK {
		t.Errorf("validate: %s", r.stderr)
	}
}
