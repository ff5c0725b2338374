package ui

import (
	"context"
	"errors"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/dateline/dateline/model"
)

func TestLoading(t *testing.T) {
	ix := builtIn(t)
	release, reported := make(chan struct{}), make(chan struct{})
	load := func(ctx context.Context, progress func(done, total int64)) (*model.Index, error) {
		progress(50, 200)
		close(reported)
		<-release
		return ix, nil
	}
	a := NewLoading("big.csv", model.Filter{Actors: []string{"russia"}}, load)
	a = update(t, a, tea.WindowSizeMsg{Width: 100, Height: 30})
	// The load runs in a command: start it and let it report progress.
	done := make(chan tea.Msg, 1)
	go func() { done <- a.load.run() }()
	<-reported
	v := a.View()
	if v.AltScreen || !strings.Contains(v.Content, "Loading big.csv") || !strings.Contains(v.Content, "25%") {
		t.Errorf("loading view = %q (alt screen %v)", v.Content, v.AltScreen)
	}
	close(release)
	a = update(t, a, <-done)
	if a.load != nil || a.ix != ix {
		t.Fatal("the app did not adopt the loaded story")
	}
	if !a.View().AltScreen || a.timeline.Len() == 0 || a.timeline.Len() == ix.Len() {
		t.Errorf("after loading: alt screen %v, %d of %d rows (filter russia)", a.View().AltScreen, a.timeline.Len(), ix.Len())
	}
	if !strings.Contains(screen(a), "actor: Russia") {
		t.Error("the start-up filter is not shown after loading")
	}
}

func TestLoadingFails(t *testing.T) {
	ix := builtIn(t)
	bad := errors.New("big.csv:3: broken")
	for _, c := range []struct {
		name   string
		filter model.Filter
		result loadedMsg
		want   func(error) bool
	}{
		{"load error", model.Filter{}, loadedMsg{err: bad}, func(err error) bool { return errors.Is(err, bad) }},
		{"unknown actor", model.Filter{Actors: []string{"rusia"}}, loadedMsg{ix: ix}, func(err error) bool {
			var fe FilterError
			return errors.As(err, &fe) && strings.Contains(err.Error(), "russia")
		}},
	} {
		a := NewLoading("x", c.filter, nil)
		m, cmd := a.Update(c.result)
		a = m.(App)
		if cmd == nil {
			t.Fatalf("%s: the program does not quit", c.name)
		}
		if _, ok := cmd().(tea.QuitMsg); !ok {
			t.Fatalf("%s: the command is not quit", c.name)
		}
		if a.load == nil || !c.want(a.load.err) {
			t.Errorf("%s: error = %v", c.name, a.load.err)
		}
	}
	a := NewLoading("x", model.Filter{}, nil)
	m, cmd := a.Update(keyMsg("ctrl+c"))
	if cmd == nil || !errors.Is(m.(App).load.err, ErrCancelled) {
		t.Error("ctrl+c does not cancel the load")
	}
}

// Keys typed while the story loads are played once it has arrived, in
// order, as less and vim keep type-ahead: a find typed early lands where
// the same find typed afterwards does.
func TestLoadingKeepsTypeAhead(t *testing.T) {
	ix := builtIn(t)
	keys := []string{"/", "m", "a", "r", "i", "u", "p", "o", "l", "enter", "n"}

	after := newApp(t, 100, 30)
	start, _ := after.timeline.Selected()
	after = press(t, after, keys...)
	want, ok := after.timeline.Selected()
	if !ok || want == start {
		t.Fatalf("the find typed after loading did not move the selection (%d → %d)", start, want)
	}

	release := make(chan struct{})
	load := func(ctx context.Context, progress func(done, total int64)) (*model.Index, error) {
		<-release
		return ix, nil
	}
	a := NewLoading("big.csv", model.Filter{}, load)
	a = update(t, a, tea.WindowSizeMsg{Width: 100, Height: 30})
	done := make(chan tea.Msg, 1)
	go func() { done <- a.load.run() }()
	a = press(t, a, keys...)
	if a.load == nil || len(a.load.ahead) != len(keys) {
		t.Fatalf("keys kept while loading: %v", a.load)
	}
	close(release)
	a = update(t, a, <-done)
	if got, _ := a.timeline.Selected(); got != want {
		t.Errorf("after the keys typed while loading the selection is row %d; typed after loading it is %d", got, want)
	}
}
