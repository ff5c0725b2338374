package cli

import (
	"cmp"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// tmuxSession drives the real binary in a real terminal: a private tmux
// server, keys sent with send-keys, the screen read with capture-pane.
type tmuxSession struct {
	t      *testing.T
	socket string
	name   string
}

func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "dateline")
	out, err := exec.Command("go", "build", "-o", bin, "..").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// sessions numbers the tmux servers this process starts.
var sessions atomic.Int64

func startTmux(t *testing.T, w, h int, command string) *tmuxSession {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("tmux is missing; .ci/run installs it")
		}
		t.Skip("tmux is not installed; the end-to-end test needs it")
	}
	// A server per session: a subtest's cleanup kills only its own.
	s := &tmuxSession{t: t, socket: fmt.Sprintf("dateline-e2e-%d-%d", os.Getpid(), sessions.Add(1)), name: "e2e"}
	s.tmux("new-session", "-d", "-s", s.name, "-x", fmt.Sprint(w), "-y", fmt.Sprint(h),
		"env", "TERM=xterm-256color", "sh", "-c", command+"; echo EXITED $?; sleep 30")
	t.Cleanup(func() {
		_ = exec.Command("tmux", "-L", s.socket, "kill-server").Run()
		// A server that ended on its own can leave its socket behind.
		_ = os.Remove(filepath.Join(cmp.Or(os.Getenv("TMUX_TMPDIR"), "/tmp"), fmt.Sprintf("tmux-%d", os.Getuid()), s.socket))
	})
	return s
}

func (s *tmuxSession) tmux(args ...string) string {
	s.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", s.socket}, args...)...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func (s *tmuxSession) screen() string { return s.tmux("capture-pane", "-p", "-t", s.name) }

// keys sends tmux key names (Down, Enter, Escape, or literal text with -l).
func (s *tmuxSession) keys(keys ...string) {
	s.tmux(append([]string{"send-keys", "-t", s.name}, keys...)...)
}

func (s *tmuxSession) text(text string) { s.tmux("send-keys", "-t", s.name, "-l", text) }

// waitFor polls the screen until it holds every want, or fails with it.
func (s *tmuxSession) waitFor(what string, want ...string) string {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	var scr string
	for time.Now().Before(deadline) {
		scr = s.screen()
		ok := true
		for _, w := range want {
			ok = ok && strings.Contains(scr, w)
		}
		if ok {
			return scr
		}
		time.Sleep(50 * time.Millisecond)
	}
	s.t.Fatalf("%s: the screen never showed %q:\n%s", what, want, scr)
	return ""
}

// waitUntil polls until cond holds for the screen.
func (s *tmuxSession) waitUntil(what string, cond func(string) bool) string {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	var scr string
	for time.Now().Before(deadline) {
		if scr = s.screen(); cond(scr) {
			return scr
		}
		time.Sleep(50 * time.Millisecond)
	}
	s.t.Fatalf("%s: never happened; screen:\n%s", what, scr)
	return ""
}

func TestEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	bin := buildBinary(t)
	s := startTmux(t, 120, 40, bin)

	scr := s.waitFor("start", "Timeline", "Detail", "of 20 items")
	if !strings.Contains(scr, "▌") {
		t.Errorf("no selected row marker on start:\n%s", scr)
	}
	total := itemsOf(t, scr)

	// Move: the detail pane follows the selection.
	first := detailTitle(scr)
	s.keys("j")
	s.waitUntil("moving down changes the detail", func(scr string) bool { return detailTitle(scr) != first })

	// Filter to one actor: only the ICC's items remain.
	s.keys("a")
	s.waitFor("actor picker", "Filter by actor")
	s.text("icc")
	s.waitFor("narrowed picker", "filter: icc")
	s.keys("Space", "Enter")
	scr = s.waitFor("actor filter applied", "actor: ICC")
	for _, line := range timelineRows(scr) {
		if !strings.Contains(line, "ICC") {
			t.Errorf("a row without the ICC survived the filter: %q", line)
		}
	}
	if n := itemsOf(t, scr); n == 0 || n >= total {
		t.Errorf("the ICC filter keeps %d of %d", n, total)
	}

	// Clear it.
	s.keys("c")
	s.waitFor("filters cleared", fmt.Sprintf("%d of %d items", total, total))

	// Find, then keep only the matches.
	s.keys("/")
	s.text("mariupol")
	s.waitFor("find", "/mariupol: match 1 of")
	s.keys("Enter")
	s.waitUntil("find kept", func(scr string) bool { return !strings.Contains(scr, "/ mariupol") })
	s.keys("&")
	scr = s.waitFor("matches kept", "search: “mariupol”")
	if n := itemsOf(t, scr); n == 0 || n >= total {
		t.Errorf("keeping the matches of mariupol keeps %d of %d", n, total)
	}
	s.keys("c")
	s.waitFor("search cleared", fmt.Sprintf("%d of %d items", total, total))

	// The positions matrix: three topic columns, Russia rejecting the warrant.
	s.keys("p")
	scr = s.waitFor("positions", "warrant", "visit", "ceasefire-proposal")
	russia := ""
	for _, line := range strings.Split(scr, "\n") {
		if strings.Contains(line, "┃ Russia ") || strings.Contains(line, "┃Russia ") {
			russia = line
		}
	}
	if !strings.Contains(russia, "opposes") {
		t.Errorf("Russia's row does not show it opposing the warrant: %q\n%s", russia, scr)
	}

	// Quit, and the terminal is restored: the shell's line follows.
	s.keys("q", "q")
	scr = s.waitFor("quit", "EXITED 0")
	if strings.Contains(scr, "Timeline") {
		t.Errorf("the alternate screen was not left:\n%s", scr)
	}
}

func TestEndToEndBrokenFile(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	bin := buildBinary(t)
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	if err := os.WriteFile(bad, []byte("title: x\nevents:\n  - id: e1\n    title: t\n    date: 2023-02-30\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := startTmux(t, 100, 20, bin+" "+bad)
	scr := s.waitFor("error and exit", "bad.yaml:5:", "EXITED 1")
	if strings.Contains(scr, "Timeline") {
		t.Errorf("a broken file opened the explorer:\n%s", scr)
	}
}

// TestEndToEndStepInTime: in the matrix, < and > step the grid through
// the days a cell changes on, the title saying the date, and enter on a
// cell shows its history.
func TestEndToEndStepInTime(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	bin := buildBinary(t)
	story, err := filepath.Abs("../model/testdata/history.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s := startTmux(t, 100, 30, bin+" "+story)
	s.waitFor("start", "Timeline", "of 5 items")
	s.keys("p")
	scr := s.waitFor("positions at the latest", "as of 5 Mar 2023 (latest)", "◐ conditional*")
	if !strings.Contains(scr, "said ✗ opposes") {
		t.Errorf("Kirby's statement is not shown:\n%s", scr)
	}
	s.keys("<")
	s.waitFor("back to 1 Mar", "Positions · as of 1 Mar 2023 ", "◐ conditional*")
	s.keys("<")
	scr = s.waitFor("back to 20 Feb", "Positions · as of 20 Feb 2023", "✗ opposes*")
	if strings.Contains(scr, "said ✗ opposes") {
		t.Errorf("as of 20 Feb, Kirby's statement of 5 Mar is shown:\n%s", scr)
	}
	s.keys("<", "<", "<")
	s.waitFor("before any change", "as of 9 Jan 2023 (before any change)")
	s.keys(">")
	s.waitFor("forward to 10 Jan", "Positions · as of 10 Jan 2023", "✓ supports*")
	s.keys(">", ">", ">", ">")
	s.waitFor("forward to the latest", "as of 5 Mar 2023 (latest)", "◐ conditional*")
	// The grid shows the selected cell's history below it: wait for the
	// history alone (its own hint), and then for the grid's rows without
	// it, or a key may come before the one it follows is taken (Escape then
	// q, read together, are alt+q).
	s.keys("Enter")
	s.waitFor("the history", "Russia on The deal", "✓ supports from 10 Jan 2023", "✗ opposes from 20 Feb 2023", "Walkout",
		"esc: back to the grid")
	s.keys("Escape")
	s.waitUntil("the grid again", func(scr string) bool {
		return strings.Contains(scr, "Positions · as of 5 Mar 2023") && strings.Contains(scr, "United States") &&
			!strings.Contains(scr, "esc: back to the grid")
	})
	s.keys("q")
	s.waitUntil("the matrix closed", func(scr string) bool { return !strings.Contains(scr, "Positions · as of") })
	s.keys("q")
	s.waitFor("quit", "EXITED 0")
}

// TestEndToEndCancelLoading: ctrl+c while a file loads exits 130, as a
// shell reports an interrupted command, and says nothing was changed.
func TestEndToEndCancelLoading(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	bin := buildBinary(t)
	fifo := filepath.Join(t.TempDir(), "slow.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	// Held open for writing and never written: the load waits for data.
	w, err := os.OpenFile(fifo, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	s := startTmux(t, 100, 20, bin+" "+fifo)
	s.waitFor("loading", "ctrl+c cancels")
	s.keys("C-c")
	s.waitFor("cancelled", "loading cancelled", "EXITED 130")
}

// TestEndToEndQuitClearsLoadingLine: the progress line drawn while the
// story loads is gone after the explorer quits, rather than left with the
// shell's prompt glued to it.
func TestEndToEndQuitClearsLoadingLine(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	bin := buildBinary(t)
	s := startTmux(t, 100, 20, bin)
	s.waitFor("start", "Timeline")
	s.keys("q")
	scr := s.waitFor("quit", "EXITED 0")
	if strings.Contains(scr, "ctrl+c cancels") || strings.Contains(scr, "Loading") {
		t.Errorf("the loading line is still there after quitting:\n%s", scr)
	}
}

// itemsOf reads "N of M items" from the status bar and returns N.
func itemsOf(t *testing.T, scr string) int {
	t.Helper()
	for _, line := range strings.Split(scr, "\n") {
		var n, m int
		if i := strings.Index(line, " of "); i > 0 {
			if _, err := fmt.Sscanf(strings.TrimSpace(line), "%d of %d items", &n, &m); err == nil {
				return n
			}
		}
	}
	t.Fatalf("no item count on screen:\n%s", scr)
	return 0
}

// timelineRows are the timeline's item rows on a side-by-side screen.
func timelineRows(scr string) []string {
	var rows []string
	for _, line := range strings.Split(scr, "\n") {
		if strings.Contains(line, "● ") || strings.Contains(line, "❝ ") {
			if i := strings.Index(line, "┃╭"); i > 0 {
				line = line[:i]
			} else if i := strings.Index(line, "│┏"); i > 0 {
				line = line[:i]
			}
			rows = append(rows, line)
		}
	}
	return rows
}

// detailTitle is the first text line of the detail pane.
func detailTitle(scr string) string {
	lines := strings.Split(scr, "\n")
	if len(lines) < 3 {
		return ""
	}
	if i := strings.LastIndex(lines[2], "│"); i > 0 {
		return lines[2][:i]
	}
	return lines[2]
}

// TestEndToEndCrash: a panic in Update, in a command's goroutine or in
// View restores the terminal, then prints the report with a hint on how
// to report it, and exits 2. (Bubble Tea printed a command's panic inside
// the alternate screen, so it vanished and the hint pointed at nothing.)
func TestEndToEndCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	bin := buildBinary(t)
	for _, c := range []struct{ key, report string }{
		{"x", "dateline crashed: crash requested with DATELINE_CRASH_KEY"},
		{"cmd:x", "dateline crashed: crash requested with DATELINE_CRASH_KEY in a command"},
		{"view:x", "dateline crashed: crash requested with DATELINE_CRASH_KEY in View"},
	} {
		t.Run(c.key, func(t *testing.T) {
			s := startTmux(t, 100, 30, "DATELINE_CRASH_KEY="+c.key+" "+bin)
			s.waitFor("start", "Timeline")
			s.keys("x")
			scr := s.waitFor("crash", "EXITED 2", "report it at")
			if strings.Contains(scr, "┏━ Timeline") {
				t.Errorf("the alternate screen was not left after the crash:\n%s", scr)
			}
			if !strings.Contains(scr, c.report) || !strings.Contains(scr, "github.com/dateline/dateline/ui.") {
				t.Errorf("the report is not on screen after the crash:\n%s", scr)
			}
		})
	}
}

// TestEndToEndWatch: --watch follows saves; a broken save keeps the last
// good story with the problem shown, and fixing it recovers.
func TestEndToEndWatch(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	bin := buildBinary(t)
	story, err := os.ReadFile("../content/story.yaml")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "story.yaml")
	write := func(data string) {
		t.Helper()
		// Write and rename, as editors do.
		tmp := path + ".tmp"
		if err := os.WriteFile(tmp, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, path); err != nil {
			t.Fatal(err)
		}
	}
	write(string(story))
	s := startTmux(t, 120, 40, bin+" --watch "+path)
	s.waitFor("start", "Russia annexes Crimea")
	s.keys("j", "j", "j")
	s.waitFor("selection", "▌ Feb 2023")

	edited := strings.Replace(string(story), "Russia annexes Crimea", "Crimea annexed (edited)", 1)
	write(edited)
	scr := s.waitFor("reload", "Crimea annexed (edited)", "Reloaded")
	if !strings.Contains(scr, "▌ Feb 2023") {
		t.Errorf("the selection moved on reload:\n%s", scr)
	}

	write(strings.Replace(edited, `date: "2014"`, `date: "2014-13"`, 1))
	scr = s.waitFor("broken save", "Not reloaded", "story.yaml:")
	if !strings.Contains(scr, "Crimea annexed (edited)") {
		t.Errorf("a broken save lost the story:\n%s", scr)
	}

	write(string(story))
	s.waitFor("fixed", "Russia annexes Crimea", "Reloaded")
}
