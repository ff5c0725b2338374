package ui

import (
	"errors"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestCrashIsKept: a panic in Update, in a command inside a batch or a
// sequence, or in View is kept for Run and quits the program, rather than
// reaching Bubble Tea, which prints it inside the alternate screen.
func TestCrashIsKept(t *testing.T) {
	quits := func(cmd tea.Cmd) bool {
		if cmd == nil {
			return false
		}
		_, ok := cmd().(tea.QuitMsg)
		return ok
	}
	boom := func() tea.Msg { panic("boom") }
	for _, c := range []struct {
		name string
		do   func(a App) tea.Cmd
	}{
		{"update", func(a App) tea.Cmd {
			a.crashKey = crashKeys{update: "x"}
			_, cmd := a.Update(keyMsg("x"))
			return cmd
		}},
		{"batch", func(a App) tea.Cmd {
			msgs := run(t, a.crash.guard(tea.Batch(func() tea.Msg { return nil }, boom)))
			_, cmd := a.Update(msgs[0])
			return cmd
		}},
		{"sequence", func(a App) tea.Cmd {
			msgs := run(t, a.crash.guard(tea.Sequence(func() tea.Msg { return nil }, boom)))
			_, cmd := a.Update(msgs[0])
			return cmd
		}},
		{"view", func(a App) tea.Cmd {
			quit := make(chan struct{})
			a.crash.quit = func() { close(quit) }
			a.crashView = true
			if v := a.View(); v.Content != "" {
				t.Errorf("a view that panicked drew %q", v.Content)
			}
			<-quit
			return tea.Quit
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := newApp(t, 80, 24)
			if !quits(c.do(a)) {
				t.Error("the program does not quit after the crash")
			}
			ce := a.crash.crashed()
			if ce == nil {
				t.Fatal("the crash is not kept")
			}
			if err := error(ce); !errors.Is(err, ErrCrashed) || !strings.Contains(err.Error(), "goroutine ") {
				t.Errorf("the crash is not kept with its stack: %v", ce)
			}
			if a.View().Content != "" {
				t.Error("the app still draws after a crash")
			}
		})
	}
}
