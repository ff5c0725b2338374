package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/dateline/dateline/model"
)

// checkTarget refuses, before any work, an output that exists (unless
// force) or that cannot be a file.
func checkTarget(path string, force bool) error {
	st, err := os.Stat(path)
	switch {
	case err == nil && st.IsDir():
		return usageErr("%s is a directory; name the file to write, such as %s", path, filepath.Join(path, "story.json"))
	case err == nil && !force:
		return usageErr("%s already exists; pass --force to replace it, or name another file", path)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return dataErr(fmt.Errorf("cannot write %s: %w", path, model.UnwrapPathError(err)))
	}
	if dir, err := os.Stat(filepath.Dir(path)); err != nil || !dir.IsDir() {
		return usageErr("cannot write %s: the folder %s does not exist", path, filepath.Dir(path))
	}
	return nil
}

// writeAtomic writes a file whole or not at all: into a temporary file in
// the same folder, synced to disk, then moved into place. Without force it
// never replaces a file, even one that appears while it writes.
func writeAtomic(path string, force bool, write func(io.Writer) error) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return dataErr(fmt.Errorf("cannot write %s: %w", path, model.UnwrapPathError(err)))
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	mode := fs.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		mode = st.Mode().Perm() // a replaced file keeps its permissions
	}
	bw := bufio.NewWriter(tmp)
	if err := write(bw); err != nil {
		return dataErr(fmt.Errorf("cannot write %s: %w", path, err))
	}
	if err := bw.Flush(); err != nil {
		return dataErr(fmt.Errorf("cannot write %s: %w", path, err))
	}
	if err := tmp.Chmod(mode); err != nil {
		return dataErr(fmt.Errorf("cannot write %s: %w", path, model.UnwrapPathError(err)))
	}
	if err := tmp.Sync(); err != nil {
		return dataErr(fmt.Errorf("cannot write %s: %w", path, model.UnwrapPathError(err)))
	}
	if err := tmp.Close(); err != nil {
		return dataErr(fmt.Errorf("cannot write %s: %w", path, model.UnwrapPathError(err)))
	}
	if force {
		if err := os.Rename(tmp.Name(), path); err != nil {
			return dataErr(fmt.Errorf("cannot write %s: %w", path, model.UnwrapPathError(err)))
		}
	} else {
		// A hard link fails where the name is taken, so nothing is replaced.
		if err := os.Link(tmp.Name(), path); err != nil {
			if errors.Is(err, fs.ErrExist) {
				return usageErr("%s already exists; pass --force to replace it, or name another file", path)
			}
			// Some file systems have no hard links: check, then rename.
			if _, statErr := os.Lstat(path); statErr == nil {
				return usageErr("%s already exists; pass --force to replace it, or name another file", path)
			}
			if err := os.Rename(tmp.Name(), path); err != nil {
				return dataErr(fmt.Errorf("cannot write %s: %w", path, model.UnwrapPathError(err)))
			}
		} else {
			os.Remove(tmp.Name())
		}
	}
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync() // the rename itself survives a crash
		d.Close()
	}
	return nil
}
