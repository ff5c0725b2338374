package ui

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/dateline/dateline/content"
	"github.com/dateline/dateline/model"
)

// builtIn loads the built-in story once per test.
func builtIn(t testing.TB) *model.Index {
	t.Helper()
	s, _, err := model.Load(content.StoryName, content.Story())
	if err != nil {
		t.Fatalf("built-in story does not load: %v", err)
	}
	return model.NewIndex(s)
}

// newApp makes an explorer on the built-in story at a size.
func newApp(t testing.TB, w, h int) App {
	t.Helper()
	a := New(builtIn(t), content.StoryName, model.Filter{})
	return update(t, a, tea.WindowSizeMsg{Width: w, Height: h})
}

// The harness delivers messages as the runtime would, with two bounds: a
// command that has not answered in cmdWait fails the test (slow work, such
// as a query on a big story, is waited for, never dropped), and a chain of
// messages stops maxDepth deep, so a timer that re-arms itself ends.
const (
	cmdWait  = 10 * time.Second
	maxDepth = 32
)

// update sends msg, then delivers every message its commands return back
// through Update, depth first and in order, the commands those return in
// turn. Batches and sequences are opened; tea.Quit ends the chain, as it
// ends the program.
func update(t testing.TB, a App, msg tea.Msg) App {
	t.Helper()
	return deliver(t, a, msg, 0)
}

func deliver(t testing.TB, a App, msg tea.Msg, depth int) App {
	t.Helper()
	steady(&a)
	m, cmd := a.Update(msg)
	a = m.(App)
	if depth >= maxDepth {
		return a
	}
	for _, next := range run(t, cmd) {
		a = deliver(t, a, next, depth+1)
	}
	return a
}

// steady stops the text inputs' cursors blinking. The blink is a timer that
// answers every 530ms with the next one: followed, it would make every
// typed key cost the harness seconds, and it changes nothing the tests read.
func steady(a *App) {
	for _, in := range []*textinput.Model{&a.search, &a.picker.input} {
		if s := in.Styles(); s.Cursor.Blink {
			s.Cursor.Blink = false
			in.SetStyles(s)
		}
	}
}

// run runs cmd and returns the messages it makes, opening batches and
// sequences (tea's sequenceMsg is unexported: both are slices of commands)
// and running their commands in order. Nil messages and tea.QuitMsg are
// not delivered.
func run(t testing.TB, cmd tea.Cmd) []tea.Msg {
	t.Helper()
	if cmd == nil {
		return nil
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(cmdWait):
		t.Fatalf("a command did not answer in %v", cmdWait)
	}
	if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeFor[tea.Cmd]() {
		var out []tea.Msg
		for i := range v.Len() {
			out = append(out, run(t, v.Index(i).Interface().(tea.Cmd))...)
		}
		return out
	}
	if _, quit := msg.(tea.QuitMsg); quit || msg == nil {
		return nil
	}
	return []tea.Msg{msg}
}

// keyMsg makes a key press from its name, as key.Matches reads it.
func keyMsg(name string) tea.KeyPressMsg {
	special := map[string]rune{
		"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
		"enter": tea.KeyEnter, "esc": tea.KeyEscape, "tab": tea.KeyTab, "space": tea.KeySpace,
		"pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown, "home": tea.KeyHome, "end": tea.KeyEnd,
		"backspace": tea.KeyBackspace,
	}
	if code, ok := special[name]; ok {
		k := tea.KeyPressMsg{Code: code}
		if name == "space" {
			k.Text = " "
		}
		return k
	}
	if strings.HasPrefix(name, "ctrl+") {
		return tea.KeyPressMsg{Code: rune(name[5]), Mod: tea.ModCtrl}
	}
	if name == "shift+tab" {
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	}
	r := []rune(name)[0]
	k := tea.KeyPressMsg{Code: r, Text: name}
	if r >= 'A' && r <= 'Z' {
		k.Code, k.ShiftedCode, k.Mod = r+'a'-'A', r, tea.ModShift
	}
	return k
}

// press sends each key in turn; a key name longer than one rune that is
// not special is typed rune by rune.
func press(t testing.TB, a App, keys ...string) App {
	t.Helper()
	for _, k := range keys {
		a = update(t, a, keyMsg(k))
	}
	return a
}

func typeText(t testing.TB, a App, s string) App {
	for _, r := range s {
		a = update(t, a, keyMsg(string(r)))
	}
	return a
}

func selectedID(t testing.TB, a App) string {
	t.Helper()
	pos, ok := a.timeline.Selected()
	if !ok {
		t.Fatal("nothing selected")
	}
	return a.ix.At(pos).ID()
}

// screen is the app's frame as plain text.
func screen(a App) string { return ansi.Strip(a.View().Content) }

func TestNavigation(t *testing.T) {
	a := newApp(t, 120, 40)
	n := a.ix.Len()
	first := selectedID(t, a)
	if first != a.ix.At(0).ID() {
		t.Fatalf("starts on %s, want the first item %s", first, a.ix.At(0).ID())
	}
	a = press(t, a, "j")
	if got := selectedID(t, a); got != a.ix.At(1).ID() {
		t.Errorf("j: selected %s, want %s", got, a.ix.At(1).ID())
	}
	a = press(t, a, "down", "k")
	if got := selectedID(t, a); got != a.ix.At(1).ID() {
		t.Errorf("down, k: selected %s, want %s", got, a.ix.At(1).ID())
	}
	a = press(t, a, "G")
	if got := selectedID(t, a); got != a.ix.At(n-1).ID() {
		t.Errorf("G: selected %s, want the last item %s", got, a.ix.At(n-1).ID())
	}
	a = press(t, a, "j")
	if got := selectedID(t, a); got != a.ix.At(n-1).ID() {
		t.Errorf("j at the end moved to %s", got)
	}
	a = press(t, a, "home")
	if got := selectedID(t, a); got != first {
		t.Errorf("home: selected %s, want %s", got, first)
	}
	a = press(t, a, "end", "g")
	if got := selectedID(t, a); got != first {
		t.Errorf("end, g: selected %s, want %s", got, first)
	}
}

func TestPaging(t *testing.T) {
	a := newApp(t, 60, 12) // a short pane, so a page is less than the story
	page := a.timeline.height - 1
	if page < 1 || page >= a.ix.Len() {
		t.Fatalf("pane height %d does not make a useful page for %d items", a.timeline.height, a.ix.Len())
	}
	a = press(t, a, "pgdown")
	if got, want := selectedID(t, a), a.ix.At(page).ID(); got != want {
		t.Errorf("pgdown: selected %s, want %s (one page down)", got, want)
	}
	a = press(t, a, "pgup")
	if got, want := selectedID(t, a), a.ix.At(0).ID(); got != want {
		t.Errorf("pgup: selected %s, want %s", got, want)
	}
	a = press(t, a, "ctrl+d")
	half := a.timeline.height / 2
	if got, want := selectedID(t, a), a.ix.At(half).ID(); got != want {
		t.Errorf("ctrl+d: selected %s, want %s (half a page)", got, want)
	}
	a = press(t, a, "ctrl+u")
	if got, want := selectedID(t, a), a.ix.At(0).ID(); got != want {
		t.Errorf("ctrl+u: selected %s, want %s", got, want)
	}
}

func TestFocus(t *testing.T) {
	a := newApp(t, 120, 40)
	if a.focus != focusTimeline {
		t.Fatal("does not start on the timeline")
	}
	for _, open := range []string{"enter", "right", "l"} {
		a = press(t, a, open)
		if a.focus != focusDetail {
			t.Errorf("%s does not focus the detail pane", open)
		}
		a = press(t, a, "esc")
		if a.focus != focusTimeline {
			t.Errorf("esc after %s does not go back", open)
		}
	}
	a = press(t, a, "tab")
	if a.focus != focusDetail {
		t.Error("tab does not cycle to the detail pane")
	}
	a = press(t, a, "shift+tab")
	if a.focus != focusTimeline {
		t.Error("shift+tab does not cycle back")
	}
	// Keys go to the focused pane only: j in the detail scrolls it and
	// leaves the timeline where it was.
	before := selectedID(t, a)
	a = press(t, a, "tab", "j")
	if selectedID(t, a) != before {
		t.Error("j in the detail pane moved the timeline")
	}
}

func TestActorFilter(t *testing.T) {
	a := newApp(t, 120, 40)
	a = press(t, a, "a")
	if a.overlay != overlayActors {
		t.Fatal("a does not open the actor picker")
	}
	a = typeText(t, a, "russia")
	a = press(t, a, "space", "enter")
	if a.overlay != overlayNone {
		t.Fatal("enter does not close the picker")
	}
	if len(a.filter.Actors) != 1 || a.filter.Actors[0] != "russia" {
		t.Fatalf("filter actors = %v, want [russia]", a.filter.Actors)
	}
	russia := map[string]bool{}
	for _, id := range a.ix.Descendants("russia") {
		russia[id] = true
	}
	if a.timeline.Len() == 0 || a.timeline.Len() >= a.ix.Len() {
		t.Fatalf("russia keeps %d of %d items", a.timeline.Len(), a.ix.Len())
	}
	for _, p := range a.timeline.rows {
		found := false
		for _, ac := range a.ix.ItemActors(int(p)) {
			found = found || russia[ac.ID]
		}
		if !found {
			t.Errorf("item %s does not involve russia or anyone under it", a.ix.At(int(p)).ID())
		}
	}
	if s := screen(a); !strings.Contains(s, "actor: Russia") || !strings.Contains(s, fmt.Sprintf("%d of %d items", a.timeline.Len(), a.ix.Len())) {
		t.Errorf("status bar does not show the filter and count:\n%s", s)
	}
	a = press(t, a, "c")
	if a.timeline.Len() != a.ix.Len() || a.filter.Active() {
		t.Errorf("c leaves %d of %d items, filter %+v", a.timeline.Len(), a.ix.Len(), a.filter)
	}
}

func TestPickerCancelKeepsFilter(t *testing.T) {
	a := newApp(t, 120, 40)
	a = press(t, a, "t")
	a = typeText(t, a, "warrant")
	a = press(t, a, "space", "enter")
	if len(a.filter.Topics) != 1 || a.filter.Topics[0] != "warrant" {
		t.Fatalf("topic filter = %v, want [warrant]", a.filter.Topics)
	}
	kept := a.timeline.Len()
	a = press(t, a, "t", "down", "space", "esc")
	if len(a.filter.Topics) != 1 || a.timeline.Len() != kept {
		t.Errorf("esc changed the filter to %v (%d rows)", a.filter.Topics, a.timeline.Len())
	}
}

func TestPositionsView(t *testing.T) {
	a := newApp(t, 120, 40)
	a = press(t, a, "p")
	if a.overlay != overlayPositions {
		t.Fatal("p does not open the positions view")
	}
	s := screen(a)
	for _, want := range []string{"warrant", "visit", "ceasefire-proposal", "Russia", "✗ opposes", "◐ conditional", "· none"} {
		if !strings.Contains(s, want) {
			t.Errorf("positions view lacks %q", want)
		}
	}
	// Walk to Russia × warrant and jump to its evidence.
	for i := 0; i < len(a.positions.actors); i++ {
		if actor, _, _ := a.positions.Cell(); actor == "russia" {
			break
		}
		a = press(t, a, "down")
	}
	actor, topic, _ := a.positions.Cell()
	if actor != "russia" || topic != "warrant" {
		t.Fatalf("cell is %s × %s, want russia × warrant", actor, topic)
	}
	if s := screen(a); !strings.Contains(s, "Russia on") {
		t.Errorf("the cell's summary is not shown:\n%s", s)
	}
	a = press(t, a, "enter")
	if !a.positions.InHistory() || !strings.Contains(screen(a), "kremlin") && !strings.Contains(screen(a), "Kremlin") {
		t.Fatalf("enter does not open the cell's history with its evidence:\n%s", screen(a))
	}
	a = press(t, a, "esc")
	if a.overlay != overlayPositions || a.positions.InHistory() {
		t.Fatal("esc in the history does not return to the grid")
	}
	a = press(t, a, "enter", "enter")
	if a.overlay != overlayNone {
		t.Fatal("enter in the history does not leave the positions view")
	}
	evidence := a.ix.Position("russia", "warrant").Evidence
	got := selectedID(t, a)
	found := false
	for _, id := range evidence {
		found = found || id == got
	}
	if !found {
		t.Errorf("enter selected %s, not evidence %v", got, evidence)
	}
}

func TestActorCard(t *testing.T) {
	a := newApp(t, 120, 40)
	a = press(t, a, "p", "i")
	if a.overlay != overlayCard {
		t.Fatal("i in the matrix does not open the actor card")
	}
	s := screen(a)
	first := a.positions.actors[0].Actor
	if !strings.Contains(s, first.Name) || !strings.Contains(s, "on the timeline involve") {
		t.Errorf("card lacks the actor or its count:\n%s", s)
	}
	a = press(t, a, "esc")
	if a.overlay != overlayPositions {
		t.Error("closing the card does not return to the matrix")
	}
	a = press(t, a, "q")
	if a.overlay != overlayNone {
		t.Error("q does not close the matrix")
	}
}

func TestHelpAndQuit(t *testing.T) {
	a := newApp(t, 120, 40)
	a = press(t, a, "?")
	if a.overlay != overlayHelp {
		t.Fatal("? does not open help")
	}
	s := screen(a)
	km := DefaultKeyMap()
	for _, b := range []string{km.Global.Search.Help().Desc, km.Global.Positions.Help().Desc, km.Global.Clear.Help().Key} {
		if !strings.Contains(s, b) {
			t.Errorf("help lacks %q", b)
		}
	}
	m, cmd := a.Update(keyMsg("q"))
	if cmd != nil || m.(App).overlay != overlayNone {
		t.Error("q in help should close help, not quit")
	}
	_, cmd = m.(App).Update(keyMsg("q"))
	if cmd == nil {
		t.Fatal("q in the main view does not quit")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Error("q does not send QuitMsg")
	}
	_, cmd = press(t, a, "a").Update(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
	if cmd == nil {
		t.Fatal("ctrl+c in a picker does not quit")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Error("ctrl+c does not send QuitMsg")
	}
}

func TestMouse(t *testing.T) {
	a := newApp(t, 120, 40)
	in := a.lay.timelineIn
	in.Y += a.timeline.stripH // rows start below the strip
	a = update(t, a, tea.MouseClickMsg{X: in.X + 3, Y: in.Y + 2, Button: tea.MouseLeft})
	if got, want := selectedID(t, a), a.ix.At(2).ID(); got != want {
		t.Errorf("click on the third row selected %s, want %s", got, want)
	}
	a = update(t, a, tea.MouseWheelMsg{X: in.X + 3, Y: in.Y + 2, Button: tea.MouseWheelDown})
	if got, want := selectedID(t, a), a.ix.At(5).ID(); got != want {
		t.Errorf("wheel down moved to %s, want %s", got, want)
	}
}

// TestSizes renders every size from 1×1 to 200×60 (in steps) and checks
// that nothing panics, the frame has exactly the terminal's height, and no
// line is wider than the terminal.
func TestSizes(t *testing.T) {
	ix := builtIn(t)
	for _, overlay := range []string{"", "p", "a", "?", "enter"} {
		for w := 1; w <= 200; w += 7 {
			for h := 1; h <= 60; h += 3 {
				a := New(ix, "t", model.Filter{})
				a = update(t, a, tea.WindowSizeMsg{Width: w, Height: h})
				if overlay != "" {
					a = press(t, a, overlay)
				}
				out := a.View().Content
				lines := strings.Split(out, "\n")
				if len(lines) != h {
					t.Fatalf("%dx%d %q: %d lines", w, h, overlay, len(lines))
				}
				for i, l := range lines {
					if lw := ansi.StringWidth(l); lw != w {
						t.Fatalf("%dx%d %q: line %d is %d wide: %q", w, h, overlay, i, lw, ansi.Strip(l))
					}
				}
			}
		}
	}
}

// TestResizeStorm: a hundred resizes in a row, the last one wins.
func TestResizeStorm(t *testing.T) {
	a := newApp(t, 120, 40)
	for i := range 100 {
		a = update(t, a, tea.WindowSizeMsg{Width: 20 + i, Height: 5 + i%50})
	}
	a = update(t, a, tea.WindowSizeMsg{Width: 81, Height: 23})
	if lines := strings.Split(a.View().Content, "\n"); len(lines) != 23 || ansi.StringWidth(lines[0]) != 81 {
		t.Errorf("after the storm the frame is %d lines of %d", len(lines), ansi.StringWidth(lines[0]))
	}
}

func TestTooSmall(t *testing.T) {
	for _, size := range [][2]int{{1, 1}, {20, 5}, {39, 30}, {100, 9}} {
		a := newApp(t, size[0], size[1])
		if s := screen(a); size[0] >= 20 && !strings.Contains(strings.ReplaceAll(s, "\n", " "), "too") {
			t.Errorf("%v: no too-small message:\n%s", size, s)
		}
	}
}

// asciiFrame renders the frame with the colour profile pinned, so goldens
// do not depend on the terminal.
func asciiFrame(a App) string {
	var buf bytes.Buffer
	w := colorprofile.Writer{Forward: &buf, Profile: colorprofile.Ascii}
	_, _ = w.WriteString(a.View().Content)
	return buf.String()
}

func TestGolden(t *testing.T) {
	for _, size := range [][2]int{{120, 40}, {80, 24}, {60, 20}} {
		for _, c := range []struct {
			name string
			keys []string
		}{
			{"timeline", nil},
			{"detail", []string{"j", "j", "enter"}},
			{"positions", []string{"p", "down"}},
			{"actors", []string{"a"}},
		} {
			t.Run(fmt.Sprintf("%s_%dx%d", c.name, size[0], size[1]), func(t *testing.T) {
				a := press(t, newApp(t, size[0], size[1]), c.keys...)
				golden.RequireEqual(t, asciiFrame(a))
			})
		}
	}
}

// Until the index is complete the rows show, and the keys whose panes need
// the rest are kept, and taken once it is: the last one pressed, unless esc
// forgot it or something else was opened meanwhile.
func TestKeysWaitForTheIndex(t *testing.T) {
	unindexed := func() App {
		a := newApp(t, 120, 40)
		a.indexed, a.positions = false, Positions{}
		return a
	}
	a := unindexed()
	for _, k := range []string{"p", "a", "t"} {
		a = press(t, a, k)
		if a.overlay != overlayNone || !strings.Contains(screen(a), "open when it is done") {
			t.Fatalf("%s before the index is complete: overlay %v, screen:\n%s", k, a.overlay, screen(a))
		}
	}
	a = press(t, a, "j") // moving meanwhile keeps the wait
	a = update(t, a, indexedMsg{a.ix})
	if a.overlay != overlayTopics || a.after.on {
		t.Fatalf("t kept until indexed: overlay %v, still waiting %v", a.overlay, a.after.on)
	}
	a = press(t, a, "esc", "p")
	if a.overlay != overlayPositions || !strings.Contains(screen(a), "Putin") {
		t.Fatalf("p once indexed: overlay %v, screen:\n%s", a.overlay, screen(a))
	}

	a = press(t, unindexed(), "a", "esc")
	if a.after.on || !strings.Contains(screen(a), "Not opening the actors") {
		t.Fatalf("esc did not forget the kept key:\n%s", screen(a))
	}
	a = update(t, a, indexedMsg{a.ix})
	if a.overlay != overlayNone {
		t.Errorf("a forgotten key opened overlay %v", a.overlay)
	}

	a = press(t, unindexed(), "a", "/", "x")
	a = update(t, a, indexedMsg{a.ix})
	if a.overlay != overlayNone || a.prompt != promptFind || a.search.Value() != "x" {
		t.Errorf("a kept key took over the find opened meanwhile: overlay %v, prompt %v %q", a.overlay, a.prompt, a.search.Value())
	}
}
