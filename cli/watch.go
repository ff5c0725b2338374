package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/text"
	"github.com/dateline/dateline/ui"
)

// Timings of --watch. A file must be quiet for settleTime after a change
// before it is read: editors save in several writes, or write a new file and
// rename it over the old one. A save that does not parse gets secondChance
// for the rest of it to arrive. A folder that is gone is looked for every
// pollTime.
const (
	settleTime   = 150 * time.Millisecond
	secondChance = time.Second
	pollTime     = 250 * time.Millisecond
)

// watcher follows one story file through saves, renames, a symbolic link
// into another folder, and its folder being removed and made again.
type watcher struct {
	path string
	load func() (*model.Index, error)
	fs   *fsnotify.Watcher
	// names are the base names that are the file: the path's, and its
	// link target's when it is a link; dirs the folders watched.
	names map[string]bool
	dirs  map[string]bool
	lost  bool // a watched folder was removed: poll until it is back
}

// watchFile returns a ui.Reloader that answers with load() after each
// settled save of path, and a function that stops watching. It never
// blocks on a file that is not a regular file (a FIFO), and answers with an
// error, for the status bar, when it cannot follow the file.
func watchFile(path string, load func() (*model.Index, error)) (ui.Reloader, func(), error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, nil, err
	}
	wt := &watcher{path: path, load: load, fs: w, names: map[string]bool{}, dirs: map[string]bool{}}
	if err := wt.arm(); err != nil {
		_ = w.Close()
		return nil, nil, err
	}
	return wt.next, func() { _ = w.Close() }, nil
}

// arm watches the file's folder and, when the file is a link, the folder
// of what it points to.
func (wt *watcher) arm() error {
	paths := []string{wt.path}
	if target, err := filepath.EvalSymlinks(wt.path); err == nil && target != wt.path {
		paths = append(paths, target)
	}
	for _, p := range paths {
		wt.names[filepath.Base(p)] = true
		dir := filepath.Dir(p)
		if abs, err := filepath.Abs(dir); err == nil {
			dir = abs
		}
		if wt.dirs[dir] {
			continue
		}
		if err := wt.fs.Add(dir); err != nil {
			return err
		}
		wt.dirs[dir] = true
	}
	return nil
}

// next is the Reloader: it blocks until the file has changed and settled,
// then answers with the story, or with why it cannot.
func (wt *watcher) next() (*model.Index, error) {
	for {
		if wt.lost {
			if err := wt.rearm(); err != nil {
				return nil, err
			}
		} else if err := wt.waitChange(); err != nil {
			return nil, err
		}
		for {
			_ = wt.arm() // a link may point somewhere new
			if wt.lost {
				return nil, fmt.Errorf("the folder of %s was removed; following it again once it is back", text.CleanLine(wt.path))
			}
			ix, state, err := wt.tryLoad()
			if state == loaded {
				return ix, err
			}
			if state == empty {
				break // wait for the save to write
			}
			// more was written and has settled: read it again
		}
	}
}

// loadState is how far tryLoad got.
type loadState int

const (
	loaded  loadState = iota // an answer: the story, or why not
	empty                    // the file is empty: a save truncated it and has yet to write
	growing                  // a save that does not parse went on: read again
)

// waitChange blocks until an event touches the file, then until the
// folder has been quiet for settleTime.
func (wt *watcher) waitChange() error {
	for {
		select {
		case ev, ok := <-wt.fs.Events:
			if !ok {
				select {} // stopped: never answer again
			}
			if wt.note(ev) {
				wt.settle(settleTime)
				return nil
			}
		case err, ok := <-wt.fs.Errors:
			if !ok {
				select {}
			}
			return err
		}
	}
}

// note reports whether ev touches the file, and marks a watched folder
// that was removed or renamed away.
func (wt *watcher) note(ev fsnotify.Event) bool {
	if abs, err := filepath.Abs(ev.Name); err == nil && wt.dirs[abs] && ev.Has(fsnotify.Remove|fsnotify.Rename) {
		wt.lost = true
		return true
	}
	return wt.names[filepath.Base(ev.Name)] && ev.Has(fsnotify.Write|fsnotify.Create|fsnotify.Rename|fsnotify.Remove)
}

// settle drains events until none has come for quiet.
func (wt *watcher) settle(quiet time.Duration) (changed bool) {
	t := time.NewTimer(quiet)
	defer t.Stop()
	for {
		select {
		case ev, ok := <-wt.fs.Events:
			if !ok {
				return changed
			}
			changed = wt.note(ev) || changed
			t.Reset(quiet)
		case <-t.C:
			return changed
		}
	}
}

// rearm waits for a removed folder to be back, then watches it again.
func (wt *watcher) rearm() error {
	for dir := range wt.dirs {
		_ = wt.fs.Remove(dir)
		delete(wt.dirs, dir)
	}
	for {
		if st, err := os.Stat(filepath.Dir(wt.path)); err == nil && st.IsDir() {
			if err := wt.arm(); err == nil {
				wt.lost = false
				wt.settle(settleTime)
				return nil
			}
		}
		time.Sleep(pollTime)
	}
}

// tryLoad reads the file once it is a settled, non-empty regular file. A
// save that does not parse gets secondChance to go on before it is
// reported.
func (wt *watcher) tryLoad() (*model.Index, loadState, error) {
	st, err := os.Stat(wt.path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, loaded, fmt.Errorf("%s is gone; showing the last version until it is back", text.CleanLine(wt.path))
	case err != nil:
		return nil, loaded, err
	case !st.Mode().IsRegular():
		return nil, loaded, fmt.Errorf("%s is %s now, not a file; waiting for it to be a file again", text.CleanLine(wt.path), fileKind(st.Mode()))
	case st.Size() == 0:
		return nil, empty, nil
	}
	ix, err := wt.load()
	if err != nil && wt.settle(secondChance) {
		return nil, growing, nil
	}
	return ix, loaded, err
}
