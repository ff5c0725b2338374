package testutil

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/dateline/dateline/model"
)

// LoadIndex loads a test story that must be clean (no error, no warning)
// and indexes it.
func LoadIndex(t testing.TB, path string) *model.Index {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s, ps, err := model.Load(filepath.Base(path), data)
	if err != nil || len(ps) > 0 {
		t.Fatalf("test story %s: %v %v", path, err, ps)
	}
	return model.NewIndex(s)
}
