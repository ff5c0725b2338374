package gen

import (
	"fmt"
	"os"
	"path/filepath"
)

// File returns the path of the story of cfg in format f, writing it the
// first time into dir (os.TempDir()/dateline-bench when dir is ""), so that
// benchmarks run again reuse it. The name holds the version of the
// generator, the size and the seed.
func File(dir string, cfg Config, f Format) (string, error) {
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "dateline-bench")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	path := filepath.Join(dir, fmt.Sprintf("v%d-e%d-a%d-s%d.%s", version, cfg.Events, cfg.Actors, cfg.Seed, f))
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	tmp, err := os.CreateTemp(dir, "partial-*")
	if err != nil {
		return "", err
	}
	defer os.Remove(tmp.Name())
	if err := Write(tmp, cfg, f); err != nil {
		tmp.Close()
		return "", err
	}
	if err := tmp.Close(); err != nil {
		return "", err
	}
	return path, os.Rename(tmp.Name(), path)
}

// version changes whenever the generator's output does, so that File never
// hands out a stale story.
const version = 1
