package cli

import (
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/ui"
)

// settleTime is how long a file must be quiet after a change before it is
// read: editors save in several writes, or by writing a new file and
// renaming it over the old one.
const settleTime = 150 * time.Millisecond

// watchFile returns a ui.Reloader that answers with load() after each save
// of path, and a function that stops watching. It watches the directory,
// not the file, so that a save by rename is seen too.
func watchFile(path string, load func() (*model.Index, error)) (ui.Reloader, func(), error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, nil, err
	}
	if err := w.Add(filepath.Dir(path)); err != nil {
		_ = w.Close()
		return nil, nil, err
	}
	base := filepath.Base(path)
	changed := func(ev fsnotify.Event) bool {
		return filepath.Base(ev.Name) == base && ev.Has(fsnotify.Write|fsnotify.Create|fsnotify.Rename)
	}
	reload := func() (*model.Index, error) {
		for {
			select {
			case ev, ok := <-w.Events:
				if !ok {
					select {} // stopped: never answer again
				}
				if !changed(ev) {
					continue
				}
				settle(w.Events)
				return load()
			case err, ok := <-w.Errors:
				if !ok {
					select {}
				}
				return nil, err
			}
		}
	}
	return reload, func() { _ = w.Close() }, nil
}

// settle drains events until none has come for settleTime.
func settle(events <-chan fsnotify.Event) {
	t := time.NewTimer(settleTime)
	defer t.Stop()
	for {
		select {
		case <-events:
			t.Reset(settleTime)
		case <-t.C:
			return
		}
	}
}
