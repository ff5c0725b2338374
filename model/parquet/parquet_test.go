package parquet

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	pq "github.com/parquet-go/parquet-go"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/edtf"
	"github.com/dateline/dateline/model/gen"
	"github.com/dateline/dateline/model/internal/testutil"
	"github.com/dateline/dateline/model/sheet"
)

// acledRow has ACLED's column names, a DATE and list<string> actors.
type acledRow struct {
	ID        string   `parquet:"event_id_cnty"`
	Date      int32    `parquet:"event_date,date"`
	EventType string   `parquet:"event_type"`
	Sub       string   `parquet:"sub_event_type"`
	Actors    []string `parquet:"actors,list"`
	Location  string   `parquet:"location"`
	Notes     string   `parquet:"notes,optional"`
	Unread    float64  `parquet:"latitude"`
}

// gdeltRow has GDELT's column names, Day as YYYYMMDD.
type gdeltRow struct {
	ID     int64  `parquet:"GlobalEventID"`
	Day    int32  `parquet:"Day"`
	A1     string `parquet:"Actor1Name"`
	A2     string `parquet:"Actor2Name"`
	Root   string `parquet:"EventRootCode"`
	Where  string `parquet:"ActionGeo_FullName"`
	Source string `parquet:"SOURCEURL"`
}

// stampRow has a TIMESTAMP and text actors split on ';'.
type stampRow struct {
	When  time.Time `parquet:"when,timestamp(microsecond)"`
	What  string    `parquet:"what"`
	Who   string    `parquet:"who"`
	Other string    `parquet:"other"`
}

func write[T any](t testing.TB, rows []T, opts ...pq.WriterOption) []byte {
	t.Helper()
	var b bytes.Buffer
	w := pq.NewGenericWriter[T](&b, opts...)
	if _, err := w.Write(rows); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func days(s string) int32 {
	return int32(edtf.MustParse(s).Earliest() - epoch)
}

func load(t *testing.T, data []byte, opt Options) (*model.Story, model.Problems, error) {
	t.Helper()
	s, warns, err := Import("f.parquet", bytes.NewReader(data), int64(len(data)), opt)
	testutil.CheckImported(t, s, warns, err)
	return s, warns, err
}

func TestImportACLEDColumns(t *testing.T) {
	data := write(t, []acledRow{
		{ID: "UKR1", Date: days("2023-03-17"), EventType: "Battles", Sub: "Armed clash", Actors: []string{"Army A", "Militia B"}, Location: "Bakhmut", Notes: "Clashes."},
		{ID: "UKR2", Date: days("2023-03-18"), EventType: "Protests", Sub: "Peaceful protest", Location: "Kyiv"},
	})
	s, warns, err := load(t, data, Options{})
	if err != nil || len(warns) > 0 {
		t.Fatal(err, warns)
	}
	e := s.Events[0]
	if e.ID != "ukr1" || e.Date.String() != "2023-03-17" || e.Title != "Armed clash in Bakhmut" || len(e.Actors) != 2 ||
		e.Actors[1].Actor != "militia-b" || len(e.Topics) != 2 || e.Summary != "Clashes.\n\nWhere: Bakhmut." {
		t.Errorf("event: %+v", e)
	}
	if s.Actors[0].Name != "Army A" {
		t.Errorf("actors: %+v", s.Actors)
	}
}

func TestImportGDELTColumns(t *testing.T) {
	data := write(t, []gdeltRow{{ID: 7, Day: 20230317, A1: "STUDENT", A2: "POLICE", Root: "14", Where: "Lyon, France", Source: "https://news.example.org/a"}})
	s, _, err := load(t, data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	e := s.Events[0]
	if e.ID != "7" || e.Date.String() != "2023-03-17" || s.Topics[0].Title != "14 Protest" || len(e.Actors) != 2 || s.Sources[0].URL != "https://news.example.org/a" {
		t.Errorf("story: %+v", s)
	}
}

func TestImportTimestampsMapAndRowGroups(t *testing.T) {
	var rows []stampRow
	base := time.Date(2023, 1, 1, 23, 30, 0, 0, time.UTC)
	for i := range 100 {
		rows = append(rows, stampRow{When: base.AddDate(0, 0, i), What: "Day " + string(rune('A'+i%26)), Who: "Ann; Bob|Cy"})
	}
	data := write(t, rows, pq.MaxRowsPerRowGroup(10))
	s, _, err := load(t, data, Options{})
	if err != nil || len(s.Events) != 100 || s.Events[0].Date.String() != "2023-01-01" || len(s.Events[0].Actors) != 3 {
		t.Fatalf("%v %+v", err, s.Events[:1])
	}
	// A week: the row groups outside it are not read.
	opt := Options{Since: edtf.MustParse("2023-02-01"), Until: edtf.MustParse("2023-02-07")}
	s2, st, _, err := importStats("f", bytes.NewReader(data), int64(len(data)), opt)
	if err != nil || len(s2.Events) != 7 || st.Groups != 10 || st.GroupsSkipped != 9 {
		t.Errorf("week: %v %d events, %+v", err, len(s2.Events), st)
	}
	// --map places a column the names do not.
	m, _ := sheet.ParseMap("description=other")
	if _, _, err := load(t, data, Options{Sheet: sheet.Options{Map: m}}); err != nil {
		t.Error(err)
	}
	bad, _ := sheet.ParseMap("date=nope")
	if _, _, err := load(t, data, Options{Sheet: sheet.Options{Map: bad}}); err == nil || !strings.Contains(err.Error(), `"when", "what", "who", "other"`) {
		t.Errorf("bad map: %v", err)
	}
}

func TestLoadHiveDirectory(t *testing.T) {
	dir := t.TempDir()
	type noDate struct {
		Title string `parquet:"title"`
	}
	for _, p := range []string{"year=2023/month=03", "year=2023/month=04", "year=2024/month=01"} {
		if err := os.MkdirAll(filepath.Join(dir, p), 0o755); err != nil {
			t.Fatal(err)
		}
		data := write(t, []noDate{{Title: "In " + p}})
		if err := os.WriteFile(filepath.Join(dir, p, "part-0.parquet"), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(dir, "_SUCCESS"), nil, 0o644)
	s, _, err := Load(dir, Options{})
	if err != nil || len(s.Events) != 3 || s.Events[0].Date.String() != "2023-03" || s.Events[2].Date.String() != "2024-01" {
		t.Fatalf("%v %+v", err, s)
	}
	s, st, _, err := LoadStats(dir, Options{Since: edtf.MustParse("2023-04-10"), Until: edtf.MustParse("2023-05")})
	if err != nil || len(s.Events) != 1 || st.Files != 3 || st.FilesSkipped != 2 {
		t.Errorf("range: %v %d events %+v", err, len(s.Events), st)
	}
	if _, _, err := Load(t.TempDir(), Options{}); err == nil || !strings.Contains(err.Error(), "is a directory, and holds no Parquet files") {
		t.Errorf("empty dir: %v", err)
	}
}

func TestImportDamaged(t *testing.T) {
	data := write(t, []gdeltRow{{ID: 1, Day: 20230317}})
	_, _, err := load(t, data[:len(data)-10], Options{})
	var ps model.Problems
	if !errors.As(err, &ps) || !strings.Contains(ps[0].Msg, "cannot read the Parquet file") {
		t.Errorf("cut: %v", err)
	}
}

// Rows numbered by their place (untitled rows' "Row N" titles, and ids
// made of them) keep their numbers when a range skips the row groups
// before them.
func TestRangeKeepsRowNumbers(t *testing.T) {
	type bare struct {
		Date int32  `parquet:"date,date"`
		Who  string `parquet:"actors"`
	}
	var rows []bare
	for i := range 100 {
		rows = append(rows, bare{Date: days("2023-01-01") + int32(i/10), Who: "Ann"})
	}
	data := write(t, rows, pq.MaxRowsPerRowGroup(10))
	whole, _, err := load(t, data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s, st, _, err := importStats("f", bytes.NewReader(data), int64(len(data)), Options{Since: edtf.MustParse("2023-01-06")})
	if err != nil || st.GroupsSkipped != 5 || len(s.Events) != 50 {
		t.Fatalf("%v %+v %d events", err, st, len(s.Events))
	}
	if !s.Ranged {
		t.Error("a range that skipped row groups left the story not Ranged")
	}
	// Rows a read row group leaves out by their dates make it Ranged too.
	one := write(t, rows)
	s1, st1, _, err := importStats("f", bytes.NewReader(one), int64(len(one)), Options{Since: edtf.MustParse("2023-01-06")})
	if err != nil || st1.GroupsSkipped != 0 || len(s1.Events) != 50 || !s1.Ranged {
		t.Errorf("one row group: %v %+v %d events, ranged %v", err, st1, len(s1.Events), s1.Ranged)
	}
	// So do the files of a directory that a range skips by their
	// partitions, and the rows after them keep their numbers.
	dir := t.TempDir()
	for i, y := range []string{"year=2020", "year=2021"} {
		if err := os.MkdirAll(filepath.Join(dir, y), 0o755); err != nil {
			t.Fatal(err)
		}
		part := write(t, rows[i*10:i*10+10])
		if err := os.WriteFile(filepath.Join(dir, y, "0.parquet"), part, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	wholeDir, _, err := Load(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	later, st2, _, err := LoadStats(dir, Options{Since: edtf.MustParse("2021")})
	if err != nil || st2.FilesSkipped != 1 || !later.Ranged || len(later.Events) != 10 {
		t.Fatalf("the later file: %v %+v ranged %v", err, st2, later.Ranged)
	}
	for i, e := range later.Events {
		if w := wholeDir.Events[10+i]; e.Title != w.Title || e.ID != w.ID {
			t.Fatalf("the later file's event %d: %q %q, the whole directory's %q %q", i, e.ID, e.Title, w.ID, w.Title)
		}
	}
	// A range that leaves nothing out is no range.
	all, _, _, err := importStats("f", bytes.NewReader(data), int64(len(data)), Options{Since: edtf.MustParse("2022")})
	if err != nil || len(all.Events) != 100 || all.Ranged {
		t.Errorf("a range of everything: %v, %d events, ranged %v", err, len(all.Events), all.Ranged)
	}
	for i, e := range s.Events {
		if w := whole.Events[50+i]; e.Title != w.Title || e.ID != w.ID {
			t.Fatalf("event %d: %q %q, the whole file's %q %q", i, e.ID, e.Title, w.ID, w.Title)
		}
	}
}

// A file cut short is told to be whole; one whose pages are damaged, to be
// copied again, without a word of its footer.
func TestDamagedPagesSaySo(t *testing.T) {
	var g bytes.Buffer
	if err := gen.Write(&g, gen.Config{Events: 3000, Seed: 3}, gen.Parquet); err != nil {
		t.Fatal(err)
	}
	data := g.Bytes()
	bad := bytes.Clone(data)
	for i := len(bad) / 4; i < len(bad)/2; i += 97 { // the middle of the column chunks
		bad[i] ^= 0x5a
	}
	_, _, err := Import("f", bytes.NewReader(bad), int64(len(bad)), Options{})
	if err == nil || !strings.Contains(err.Error(), "its data is damaged: copy or export it again") || strings.Contains(err.Error(), "footer") {
		t.Errorf("damaged pages: %v", err)
	}
	_, _, err = Import("f", bytes.NewReader(data[:len(data)-10]), int64(len(data)-10), Options{})
	if err == nil || !strings.Contains(err.Error(), "check that it is whole") {
		t.Errorf("cut short: %v", err)
	}
}
