package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/dateline/dateline/model"
)

// pressCopy presses keys, the last of which should copy, and returns the
// app and what went to the clipboard.
func pressCopy(t *testing.T, a App, keys ...string) (App, string) {
	t.Helper()
	a = press(t, a, keys[:len(keys)-1]...)
	m, cmd := a.Update(keyMsg(keys[len(keys)-1]))
	a = m.(App)
	msgs := run(t, cmd)
	if len(msgs) != 1 {
		t.Fatalf("%v: %d messages, want the clipboard's; status %q", keys, len(msgs), a.message)
	}
	return a, fmt.Sprint(msgs[0])
}

// selectID selects the item with id.
func selectID(t *testing.T, a App, id string) App {
	t.Helper()
	pos, ok := a.ix.Lookup(id)
	if !ok || !a.timeline.Select(pos) {
		t.Fatalf("cannot select %s", id)
	}
	a.showSelected()
	return a
}

func TestYank(t *testing.T) {
	a := selectID(t, newApp(t, 120, 40), "kremlin-warrant-void")
	a, got := pressCopy(t, a, "y", "i")
	if got != "kremlin-warrant-void" || !strings.Contains(a.message, "Copied id kremlin-warrant-void") {
		t.Errorf("y i copied %q, status %q", got, a.message)
	}
	a, got = pressCopy(t, a, "y", "q")
	if !strings.HasPrefix(got, "“legally null and void” — Kremlin") || !strings.Contains(got, "<https://") || strings.Contains(got, "\n") {
		t.Errorf("y q copied %q; want one line: the quote, the speaker, the outlet, date and URL", got)
	}
	a, got = pressCopy(t, a, "y", "u")
	if !strings.HasPrefix(got, "https://") || !strings.Contains(a.message, got) {
		t.Errorf("y u copied %q, status %q", got, a.message)
	}
	a, got = pressCopy(t, a, "y", "m")
	if !strings.HasPrefix(got, "## ") || !strings.Contains(got, "id `kremlin-warrant-void`") {
		t.Errorf("y m copied %q; want the item as list --format markdown writes it", got)
	}
	a.hooks.Files = []string{"my story.yaml"}
	a.filter = model.Filter{Actors: []string{"icc"}, Text: "it's"}
	_, got = pressCopy(t, a, "y", "c")
	if want := `dateline list --actor icc --search 'it'\''s' 'my story.yaml'`; got != want {
		t.Errorf("y c copied %q, want %q", got, want)
	}
	a = press(t, a, "y", "z")
	if a.message != "Nothing copied" || a.work.yanking {
		t.Errorf("y z: status %q, still yanking %v", a.message, a.work.yanking)
	}

	// In the matrix, y copies the cell.
	m := press(t, newApp(t, 120, 40), "p")
	m, got = pressCopy(t, m, "y")
	if !strings.Contains(got, "** on **") || !strings.HasPrefix(m.message, "Copied ") {
		t.Errorf("y in the matrix copied %q, status %q", got, m.message)
	}
}

func TestOpenWithBrowserEnv(t *testing.T) {
	dir := t.TempDir()
	log := filepath.Join(dir, "args")
	script := filepath.Join(dir, "browser")
	if err := os.WriteFile(script, []byte("#!/bin/sh\nprintf '%s\\n' \"$@\" > "+log+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("BROWSER", "/nonexistent/browser:"+script+" --new-tab %s")
	a := selectID(t, newApp(t, 120, 40), "kremlin-warrant-void")
	a = press(t, a, "o")
	if !strings.HasPrefix(a.message, "Opened https://") {
		t.Fatalf("o: status %q", a.message)
	}
	got, _ := os.ReadFile(log)
	if lines := strings.Split(strings.TrimSpace(string(got)), "\n"); len(lines) != 2 || lines[0] != "--new-tab" || !strings.HasPrefix(lines[1], "https://") {
		t.Errorf("the browser got %q; want --new-tab and the address in place of %%s", got)
	}
	if err := openWith("", "https://x"); err == nil {
		t.Error("an empty $BROWSER opened something")
	}
}

func TestOpenRefusesOtherSchemes(t *testing.T) {
	s := &model.Story{
		Sources: []model.Source{{ID: "s", Outlet: "O", URL: "file:///etc/passwd"}},
		Events:  []model.Event{{ID: "e", Title: "E", Citations: []model.Citation{{Source: "s"}}}},
	}
	a := update(t, New(model.NewIndex(s), "x", model.Filter{}), tea.WindowSizeMsg{Width: 100, Height: 30})
	a = press(t, a, "o")
	if !strings.Contains(a.message, "only http and https") {
		t.Errorf("o on a file: address: status %q", a.message)
	}
}

func TestEditBuiltInSaysHowToExport(t *testing.T) {
	a := press(t, newApp(t, 120, 40), "e")
	if !strings.Contains(a.message, "built-in story") || !strings.Contains(a.message, "x exports a copy") {
		t.Errorf("e on the built-in story: status %q", a.message)
	}
}

func TestEditLocatesAndReloads(t *testing.T) {
	a := selectID(t, newApp(t, 120, 40), "kremlin-warrant-void")
	var asked string
	a.hooks = Hooks{Files: []string{"s.yaml"},
		Locate: func(id string) (string, int, error) {
			asked = id
			return "", 0, errors.New("s.yaml: no item kremlin-warrant-void")
		},
		LoadAgain: func() (*model.Index, error) { return builtIn(t), nil }}
	a = press(t, a, "e")
	if asked != "kremlin-warrant-void" || !strings.Contains(a.message, "Cannot edit: s.yaml: no item") {
		t.Errorf("e: located %q, status %q", asked, a.message)
	}
	a = update(t, a, editedMsg{})
	if a.message != "Reloaded after editing" || selectedID(t, a) != "kremlin-warrant-void" {
		t.Errorf("after the editor: status %q, selected %s", a.message, selectedID(t, a))
	}
	a.hooks.LoadAgain = func() (*model.Index, error) { return nil, errors.New("s.yaml:3:1: bad") }
	a = update(t, a, editedMsg{})
	if !strings.Contains(a.banner, "s.yaml:3:1: bad") || a.ix == nil {
		t.Errorf("a broken save: banner %q", a.banner)
	}
}

func TestInfoPage(t *testing.T) {
	a := press(t, newApp(t, 120, 50), "i")
	scr := screen(a)
	for _, want := range []string{"About this story", "In it", "Files", "the built-in story", "Sources", "Actors (id: name, kind)", "Topics (id: title)"} {
		if !strings.Contains(scr, want) {
			t.Errorf("the story's page lacks %q:\n%s", want, scr)
		}
	}
	a = press(t, a, "G")
	scr = screen(a)
	for _, l := range Legend {
		if !strings.Contains(scr, l.Meaning) {
			t.Errorf("the legend lacks %s %q", l.Symbol, l.Meaning)
		}
	}
	if a = press(t, a, "i"); a.overlay != overlayNone {
		t.Error("i does not close the story's page")
	}
}

func TestExportView(t *testing.T) {
	type call struct {
		path, format string
		rows         int
		replace      bool
	}
	var calls []call
	exists := map[string]bool{"old.json": true}
	a := newApp(t, 120, 40)
	a.hooks.Export = func(path, format string, ix *model.Index, rows []int32, replace bool) error {
		calls = append(calls, call{path, format, len(rows), replace})
		if exists[path] && !replace {
			return ErrExists
		}
		return nil
	}
	a.filter = model.Filter{Actors: []string{"icc"}}
	want := len(a.ix.Query(a.filter))
	a = press(t, a, "x")
	a = typeText(t, a, "view.md")
	a = press(t, a, "enter")
	if a.search.Value() != "markdown" {
		t.Errorf("the format offered for view.md is %q", a.search.Value())
	}
	a = press(t, a, "enter")
	if len(calls) != 1 || calls[0] != (call{"view.md", "markdown", want, false}) || !strings.Contains(a.message, "Exported") {
		t.Fatalf("export: calls %+v, status %q", calls, a.message)
	}
	// An existing file: asked, kept on no, replaced on yes.
	a = press(t, a, "x")
	a = typeText(t, a, "old.json")
	a = press(t, a, "enter", "enter")
	if a.prompt != promptExportReplace {
		t.Fatalf("an existing file was not asked about; status %q", a.message)
	}
	a = press(t, a, "enter")
	if len(calls) != 2 || !strings.Contains(a.message, "kept") {
		t.Errorf("no: calls %+v, status %q", calls, a.message)
	}
	a = press(t, a, "x")
	a = typeText(t, a, "old.json")
	a = press(t, a, "enter", "backspace", "backspace", "backspace", "backspace")
	a = typeText(t, a, "timelinejs")
	a = press(t, a, "enter", "y", "enter")
	if last := calls[len(calls)-1]; last != (call{"old.json", "timelinejs", want, true}) {
		t.Errorf("yes: last call %+v, status %q", last, a.message)
	}
}

func TestUnknownKeyOncePerKey(t *testing.T) {
	a := press(t, newApp(t, 120, 40), "z")
	if !strings.Contains(a.message, "z is not a key here") || !strings.Contains(a.message, "? shows the keys") {
		t.Errorf("z: status %q", a.message)
	}
	if a = press(t, a, "j", "z"); a.message != "" {
		t.Errorf("z again: status %q, want nothing", a.message)
	}
}

func TestRebindAndClash(t *testing.T) {
	km := DefaultKeyMap()
	if err := km.Rebind("work.yank", []string{"Y"}); err != nil {
		t.Fatal(err)
	}
	if got := km.Work.Yank.Help().Key; got != "Y" {
		t.Errorf("help for a rebound key says %q", got)
	}
	if name, msg := km.Clash([]string{"work.yank"}); msg != "" {
		t.Errorf("Y clashes: %s %s", name, msg)
	}
	if err := km.Rebind("work.yanc", []string{"Y"}); err == nil || !strings.Contains(err.Error(), `did you mean "work.yank"`) {
		t.Errorf("an unknown action: %v", err)
	}
	km.Rebind("work.export", []string{"c"})
	if name, msg := km.Clash([]string{"work.export"}); name != "work.export" || !strings.Contains(msg, "global.clear") {
		t.Errorf("x → c: clash %q %q; want one with global.clear", name, msg)
	}
	if _, msg := DefaultKeyMap().Clash([]string{"global.quit", "global.close"}); msg != "" {
		t.Errorf("the defaults' own sharing is a clash: %s", msg)
	}
	a := New(builtIn(t), "x", model.Filter{})
	a = a.withOptions(Options{Settings: Settings{Keys: &km}})
	a = update(t, a, tea.WindowSizeMsg{Width: 120, Height: 40})
	a = press(t, a, "Y")
	if !a.work.yanking {
		t.Error("the rebound Y does not start a copy")
	}
}
