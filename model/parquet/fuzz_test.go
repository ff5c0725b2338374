package parquet

import (
	"bytes"
	"testing"
	"time"

	"github.com/dateline/dateline/model/internal/testutil"
)

// FuzzParquet: Import never panics and keeps testutil.CheckImported's
// promises, whatever the bytes.
func FuzzParquet(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte("PAR1PAR1"))
	f.Add(write(f, []gdeltRow{{ID: 7, Day: 20230317, A1: "\x1b[2J", A2: "caf\xe9", Root: "14", Source: "x"}}))
	f.Add(write(f, []acledRow{{ID: "A", Date: 19000, Actors: []string{"a", ""}, EventType: "E"}, {ID: "A", Date: -5}}))
	f.Add(write(f, []stampRow{{When: time.Unix(0, 0), What: "w", Who: "a|b"}}))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, warns, err := Import("f", bytes.NewReader(data), int64(len(data)), Options{})
		testutil.CheckImported(t, s, warns, err)
	})
}
