package parquet

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"

	pq "github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/encoding/thrift"
	"github.com/parquet-go/parquet-go/format"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/edtf"
)

// claim rewrites a Parquet file's footer so that each row group claims
// rows rows.
func claim(t *testing.T, data []byte, rows int64) []byte {
	t.Helper()
	n := int(binary.LittleEndian.Uint32(data[len(data)-8:]))
	footer := data[len(data)-8-n : len(data)-8]
	var md format.FileMetaData
	if err := thrift.Unmarshal(new(thrift.CompactProtocol), footer, &md); err != nil {
		t.Fatal(err)
	}
	for i := range md.RowGroups {
		md.RowGroups[i].NumRows = rows
	}
	out, err := thrift.Marshal(new(thrift.CompactProtocol), &md)
	if err != nil {
		t.Fatal(err)
	}
	b := bytes.Clone(data[:len(data)-8-n])
	b = append(b, out...)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(out)))
	return append(b, Magic...)
}

// A footer claiming more rows in a row group than it holds (a billion)
// neither exhausts memory nor changes the rows read: those the columns
// hold, whole or by a range.
func TestFooterClaimsMoreRows(t *testing.T) {
	var rows []acledRow
	for i := range 300 {
		rows = append(rows, acledRow{ID: "R" + string(rune('A'+i%26)) + string(rune('a'+i/26)), Date: days("2023-03-01") + int32(i/10),
			EventType: "Riots", Location: "Here", Notes: "notes of " + string(rune('A'+i%26)) + string(rune('a'+i/26)),
			Actors: []string{[]string{"Ann", "Bob"}[i%2]}})
	}
	data := write(t, rows, pq.MaxRowsPerRowGroup(50))
	want, _, err := load(t, data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, opt := range []Options{{}, {Since: edtf.MustParse("2023-03-10"), Until: edtf.MustParse("2023-03-12")}} {
		s, _, err := load(t, claim(t, data, 1_000_000_000), opt)
		if err != nil {
			t.Fatal(err)
		}
		if opt.Since.IsZero() && len(s.Events) != len(want.Events) || !opt.Since.IsZero() && len(s.Events) != 30 {
			t.Fatalf("%+v: %d events", opt, len(s.Events))
		}
	}
	// A lean load reads the summaries back from the rows it counted, not
	// from those the footer claims.
	path := filepath.Join(t.TempDir(), "claims.parquet")
	if err := os.WriteFile(path, claim(t, data, 1_000_000_000), 0o644); err != nil {
		t.Fatal(err)
	}
	f := model.Filter{Actors: []string{"bob"}}
	lean, _, err := Load(path, leanOptions(f, true))
	if err != nil {
		t.Fatal(err)
	}
	ix, wantIx := model.OrderedIndex(lean), model.NewIndex(want)
	rows32 := ix.Query(f)
	if err := ix.Refill(rows32); err != nil || len(rows32) != 150 {
		t.Fatalf("%d rows: %v", len(rows32), err)
	}
	for _, p := range rows32 {
		if got, want := ix.At(int(p)).Event.Summary, wantIx.At(int(p)).Event.Summary; got != want {
			t.Fatalf("row %d: summary %q, want %q", p, got, want)
		}
	}
}
