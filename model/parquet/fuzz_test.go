package parquet

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/internal/testutil"
)

// FuzzParquet: Import never panics and keeps testutil.CheckImported's
// promises, whatever the bytes; a lean load of the same bytes as a file,
// its summaries read back, is the whole one.
func FuzzParquet(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte("PAR1PAR1"))
	f.Add(write(f, []gdeltRow{{ID: 7, Day: 20230317, A1: "\x1b[2J", A2: "caf\xe9", Root: "14", Source: "x"}}))
	f.Add(write(f, []acledRow{{ID: "A", Date: 19000, Actors: []string{"a", ""}, EventType: "E"}, {ID: "A", Date: -5}}))
	f.Add(write(f, []stampRow{{When: time.Unix(0, 0), What: "w", Who: "a|b"}}))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, warns, err := Import("f", bytes.NewReader(data), int64(len(data)), Options{})
		testutil.CheckImported(t, s, warns, err)
		if err != nil {
			return
		}
		path := filepath.Join(t.TempDir(), "f.parquet")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		whole, _, err := Load(path, Options{})
		if err != nil {
			t.Fatalf("the bytes import, the file does not: %v", err)
		}
		for _, f := range []model.Filter{{}, {Text: "a"}} {
			lean, _, err := Load(path, leanOptions(f, true))
			if err != nil {
				t.Fatalf("lean %+v: %v", f, err)
			}
			if err := testutil.RefillAll(lean); err != nil {
				t.Fatalf("refill: %v", err)
			}
			if !reflect.DeepEqual(lean.Events, whole.Events) {
				t.Fatalf("lean %+v: the events, refilled, differ from the whole load's", f)
			}
		}
	})
}
