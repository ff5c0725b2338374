package ui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync/atomic"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/progress"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"

	"github.com/dateline/dateline/model"
)

// Loader loads the story, reporting bytes done of the total as it goes,
// and gives up when ctx is done. It runs off the UI loop.
type Loader func(ctx context.Context, progress func(done, total int64)) (*model.Index, error)

// ErrCancelled reports that the user stopped a load with ctrl+c.
var ErrCancelled = errors.New("loading cancelled")

// loading is the app's state until its story arrives: a progress bar drawn
// in place, without the alternate screen, so that a file that fails to load
// leaves only its errors behind.
type loading struct {
	bar         progress.Model
	done, total *atomic.Int64
	cancel      context.CancelFunc
	run         tea.Cmd
	// ahead holds the keys and pastes typed before the story arrived, to
	// be played in order once it has, as less and vim keep type-ahead.
	ahead []tea.Msg
	// err is the load's failure (or the filter's), returned by Run.
	err error
}

// loadedMsg carries the story, or the reason there is none.
type loadedMsg struct {
	ix  *model.Index
	err error
}

// loadTickMsg redraws the progress bar.
type loadTickMsg struct{}

const loadTick = 50 * time.Millisecond

// NewLoading makes an app that shows a progress bar while load runs, then
// opens the explorer on its story with filter f.
func NewLoading(name string, f model.Filter, load Loader) App {
	a := newShell(name, f)
	ctx, cancel := context.WithCancel(context.Background())
	l := &loading{
		bar:    progress.New(progress.WithWidth(40), progress.WithColors(a.styles.Pal.Accent)),
		done:   new(atomic.Int64),
		total:  new(atomic.Int64),
		cancel: cancel,
	}
	l.run = func() tea.Msg {
		ix, err := load(ctx, func(done, total int64) {
			l.done.Store(done)
			l.total.Store(total)
		})
		return loadedMsg{ix, err}
	}
	a.load = l
	return a
}

func tickLoad() tea.Cmd { return tea.Tick(loadTick, func(time.Time) tea.Msg { return loadTickMsg{} }) }

// updateLoading handles messages until the story arrives.
func (a App) updateLoading(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.width, a.height = msg.Width, msg.Height
		a.load.bar.SetWidth(max(10, min(60, msg.Width-40)))
	case tea.KeyPressMsg:
		if key.Matches(msg, a.keys.Global.ForceQuit) {
			a.load.cancel()
			a.load.err = ErrCancelled
			return a, tea.Quit
		}
		a.load.keep(msg)
	case tea.PasteMsg:
		a.load.keep(msg)
	case loadTickMsg:
		return a, tickLoad()
	case loadedMsg:
		if msg.err == nil {
			msg.err = msg.ix.CheckFilter(a.filter)
			if msg.err != nil {
				msg.err = FilterError{msg.err}
			}
		}
		if msg.err != nil {
			a.load.err = msg.err
			return a, tea.Quit
		}
		a.load.cancel()
		ahead := a.load.ahead
		a.load = nil
		a.adopt(msg.ix)
		cmds := []tea.Cmd{a.waitReload(), waitIndexed(msg.ix), prepareSearch(msg.ix)}
		for _, m := range ahead {
			cmds = append(cmds, a.route(m))
			a.sync()
		}
		return a, tea.Batch(cmds...)
	}
	return a, nil
}

// maxAhead bounds the keys kept while loading; a key held down on a slow
// load stops being kept there.
const maxAhead = 256

// keep holds a key or paste typed while loading.
func (l *loading) keep(msg tea.Msg) {
	if len(l.ahead) < maxAhead {
		l.ahead = append(l.ahead, msg)
	}
}

// FilterError is a filter from the command line that the loaded story
// cannot apply, such as an unknown actor id.
type FilterError struct{ Err error }

func (e FilterError) Error() string { return e.Err.Error() }
func (e FilterError) Unwrap() error { return e.Err }

// loadingView is one line: what is loading, how far, and how to stop.
func (a App) loadingView() string {
	l := a.load
	done, total := l.done.Load(), l.total.Load()
	line := "Loading " + a.name + " "
	if total > 0 {
		line += l.bar.ViewAs(float64(done)/float64(total)) + fmt.Sprintf(" %s of %s", size(done), size(total))
	} else {
		line += "…"
	}
	if total > 0 && done >= total {
		line += " · indexing"
	}
	line += " · ctrl+c cancels"
	if a.width > 0 {
		line = truncate(a.styles.Width, line, a.width, "…")
	}
	return line
}

// clearLoadingLine erases the progress line once the explorer has been up
// (final's story is there): the line stays on the main screen under the
// alternate one, and leaving that puts the cursor back at the line's end,
// where the shell's prompt would follow it. A failed load leaves no line:
// Bubble Tea erases it on the way out.
func clearLoadingLine(final tea.Model, out *os.File) {
	if a, ok := final.(App); !ok || a.load != nil || !term.IsTerminal(out.Fd()) {
		return
	}
	_, _ = fmt.Fprint(out, "\r"+ansi.EraseEntireLine)
}

// size formats a byte count for people.
func size(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f kB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
