package parquet

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	pq "github.com/parquet-go/parquet-go"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/edtf"
	"github.com/dateline/dateline/model/gen"
)

// TestFastSameAsPlain: the row groups decoded ahead on several goroutines,
// with the values' text shared, give the story (and warnings and counts)
// the plain reading does, on gen's Parquet (2 row groups, dictionary and
// list columns) and on a file of many small row groups, whole and by a
// range.
func TestFastSameAsPlain(t *testing.T) {
	var g bytes.Buffer
	if err := gen.Write(&g, gen.Config{Events: gen.ParquetRowGroup + 4000, Seed: 3}, gen.Parquet); err != nil {
		t.Fatal(err)
	}
	var rows []stampRow
	base := time.Date(2023, 1, 1, 23, 30, 0, 0, time.UTC)
	for i := range 1000 {
		rows = append(rows, stampRow{When: base.AddDate(0, 0, i%400), What: "Day " + string(rune('A'+i%26)), Who: "Ann; Bob|Cy"})
	}
	small := write(t, rows, pq.MaxRowsPerRowGroup(37))
	// Descriptions and places Clean changes, blank, null or missing, for
	// the summaries made as the description column is read.
	notes := []*string{nil, ptr(""), ptr("plain words"), ptr("\n\nstarts blank"), ptr("bell\x07 and \u202eflip"),
		ptr("bad \xff byte"), ptr("\n"), ptr("two\nlines\r\n")}
	places := []*string{nil, ptr(""), ptr("Kyiv"), ptr("Line\nbreak"), ptr("  "), ptr("\u200bZero")}
	var odd []noteRow
	for i := range 300 {
		odd = append(odd, noteRow{When: base.AddDate(0, 0, i%40), What: []string{"", "Titled"}[i%2],
			Notes: notes[i%len(notes)], Location: places[i/len(notes)%len(places)]})
	}
	oddFile := write(t, odd, pq.MaxRowsPerRowGroup(50))
	for _, c := range []struct {
		name string
		data []byte
		opt  Options
	}{
		{"gen", g.Bytes(), Options{}},
		{"gen-range", g.Bytes(), Options{Since: edtf.MustParse("2019-01-01"), Until: edtf.MustParse("2021-06-30")}},
		{"small", small, Options{}},
		{"small-range", small, Options{Since: edtf.MustParse("2023-03-01"), Until: edtf.MustParse("2023-05-07")}},
		{"odd-text", oddFile, Options{}},
		{"odd-text-range", oddFile, Options{Since: edtf.MustParse("2023-01-05"), Until: edtf.MustParse("2023-01-20")}},
	} {
		read := func(p bool) any {
			defer func(was bool) { plain = was }(plain)
			plain = p
			s, st, warns, err := importStats("f.parquet", bytes.NewReader(c.data), int64(len(c.data)), c.opt)
			return []any{s, st, warns, err}
		}
		want, got := read(true), read(false)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the fast reading differs from the plain one", c.name)
		}
		if s := want.([]any)[0].(*model.Story); s == nil || len(s.Events) == 0 {
			t.Errorf("%s: no events: %v", c.name, want.([]any)[3])
		} else {
			t.Logf("%s: %d events, %+v", c.name, len(s.Events), want.([]any)[1])
		}
	}
}

// noteRow has a description and a place that may be null.
type noteRow struct {
	When     time.Time `parquet:"when,timestamp(microsecond)"`
	What     string    `parquet:"what"`
	Notes    *string   `parquet:"notes,optional"`
	Location *string   `parquet:"location,optional"`
}

func ptr(s string) *string { return &s }

// TestFastSameAsPlainDamaged: on a file with bytes changed here and
// there, the fast reading fails (or not) as the plain one does, with the
// same message: the summaries' job, which reads the place column and the
// description beside the other columns, reports the damage the plain
// reading would meet first.
func TestFastSameAsPlainDamaged(t *testing.T) {
	var g bytes.Buffer
	if err := gen.Write(&g, gen.Config{Events: 3000, Seed: 7}, gen.Parquet); err != nil {
		t.Fatal(err)
	}
	good := g.Bytes()
	rng := rand.New(rand.NewPCG(7, 7))
	differ := 0
	for i := range 300 {
		data := bytes.Clone(good)
		for range 1 + i%3 {
			at := 4 + rng.IntN(len(data)-8)
			data[at] ^= byte(1 + rng.IntN(255))
		}
		read := func(p bool) []any {
			defer func(was bool) { plain = was }(plain)
			plain = p
			s, st, warns, err := importStats("f.parquet", bytes.NewReader(data), int64(len(data)), Options{})
			return []any{s, st, warns, fmt.Sprint(err)}
		}
		want, got := read(true), read(false)
		if !reflect.DeepEqual(got, want) {
			differ++
			if differ <= 3 {
				t.Errorf("flip %d: fast %v, plain %v", i, got[3], want[3])
			}
		}
	}
	if differ > 0 {
		t.Errorf("%d of 300 damaged files read differently", differ)
	}
}
