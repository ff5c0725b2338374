package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"github.com/dateline/dateline/model"
)

// checkTarget refuses, before any work, an output that exists (unless
// force) or that is not a regular file, and returns the file to write: the
// path itself, or the file a symbolic link points to, so that the link is
// kept and what it points to is written.
func checkTarget(path string, force bool) (string, error) {
	target := path
	if l, err := os.Lstat(path); err == nil && l.Mode()&fs.ModeSymlink != 0 {
		resolved, err := filepath.EvalSymlinks(path)
		if err != nil {
			return "", usageErr("%s is a symbolic link to a file that cannot be reached (%v); name the file to write", path, model.UnwrapPathError(err))
		}
		target = resolved
	}
	st, err := os.Stat(target)
	switch {
	case err == nil && st.IsDir():
		return "", usageErr("%s is a directory; name the file to write, such as %s", path, filepath.Join(path, "story.json"))
	case err == nil && !st.Mode().IsRegular():
		return "", usageErr("%s is %s, not a regular file; dateline writes only to regular files, or to standard output with -o -", path, fileKind(st.Mode()))
	case err == nil && !force:
		return "", targetExists(path)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return "", cannotWrite(path, err)
	}
	if dir, err := os.Stat(filepath.Dir(target)); err != nil || !dir.IsDir() {
		return "", usageErr("cannot write %s: the folder %s does not exist", path, filepath.Dir(target))
	}
	return target, nil
}

// cannotWrite is the failure to write path: exit 1, with the path and the
// system's reason.
func cannotWrite(path string, err error) error {
	return dataErr(fmt.Errorf("cannot write %s: %w", path, model.UnwrapPathError(err)))
}

// existsError is a target that is there and may not be replaced; the
// explorer's export asks before it replaces, the command line names --force.
type existsError struct{ path string }

func (e existsError) Error() string {
	return e.path + " already exists; pass --force to replace it, or name another file"
}

// targetExists is the usage mistake of writing over a file without --force.
func targetExists(path string) error { return &exitError{ExitUsage, existsError{path}} }

// fileKind names what a file that is not a regular file is.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0, m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

// tempPrefix starts the names of dateline's temporary files for the target
// base: ".BASE.dateline-PID-", so that they are known for dateline's, and
// whose they were, after a crash or kill -9.
func tempPrefix(base string) string { return "." + base + ".dateline-" }

// cleanStale removes the temporary files an earlier dateline left for the
// same target when the process that made them is gone.
func cleanStale(dir, base string) {
	prefix := tempPrefix(base)
	matches, _ := filepath.Glob(filepath.Join(dir, globEscape(prefix)+"*.tmp"))
	for _, m := range matches {
		rest := strings.TrimPrefix(filepath.Base(m), prefix)
		pidText, _, ok := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(pidText)
		if !ok || err != nil || pid == os.Getpid() || alive(pid) {
			continue
		}
		if st, err := os.Lstat(m); err == nil && st.Mode().IsRegular() {
			_ = os.Remove(m)
		}
	}
}

// globEscape quotes the characters filepath.Match treats as patterns.
func globEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`*?[\`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// alive reports whether a process with this id is running.
func alive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	err = p.Signal(syscall.Signal(0))
	return err == nil || errors.Is(err, syscall.EPERM)
}

// writeAtomic writes a file whole or not at all: into a temporary file in
// the same folder, synced to disk, then moved into place. Without force it
// never replaces a file, even one that appears while it writes. path is
// what checkTarget returned.
func writeAtomic(path string, force bool, write func(io.Writer) error) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	cleanStale(dir, base)
	tmp, err := os.CreateTemp(dir, globEscape(tempPrefix(base))+strconv.Itoa(os.Getpid())+"-*.tmp")
	if err != nil {
		return cannotWrite(path, err)
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
	bw := bufio.NewWriterSize(tmp, 256<<10)
	if err := write(bw); err != nil {
		var ee *exitError
		if errors.As(err, &ee) {
			return err
		}
		return cannotWrite(path, err)
	}
	if err := bw.Flush(); err != nil {
		return cannotWrite(path, err)
	}
	if err := tmp.Chmod(mode); err != nil {
		return cannotWrite(path, err)
	}
	if err := tmp.Sync(); err != nil {
		return cannotWrite(path, err)
	}
	if err := tmp.Close(); err != nil {
		return cannotWrite(path, err)
	}
	if err := place(tmp.Name(), path, force); err != nil {
		return err
	}
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync() // the rename itself survives a crash
		d.Close()
	}
	return nil
}

// place moves the written temporary file to path: over a regular file when
// force, else only where the name is free.
func place(tmp, path string, force bool) error {
	exists := targetExists(path)
	if st, err := os.Lstat(path); err == nil && !st.Mode().IsRegular() {
		// It became something else while we wrote: never replace that.
		return usageErr("%s is %s, not a regular file; dateline writes only to regular files, or to standard output with -o -", path, fileKind(st.Mode()))
	}
	if force {
		if err := os.Rename(tmp, path); err != nil {
			return cannotWrite(path, err)
		}
		return nil
	}
	// A hard link fails where the name is taken, so nothing is replaced.
	if err := os.Link(tmp, path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return exists
		}
		// Some file systems have no hard links: check, then rename.
		if _, statErr := os.Lstat(path); statErr == nil {
			return exists
		}
		if err := os.Rename(tmp, path); err != nil {
			return cannotWrite(path, err)
		}
		return nil
	}
	_ = os.Remove(tmp)
	return nil
}
