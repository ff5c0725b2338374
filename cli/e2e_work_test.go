package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dateline/dateline/content"
)

// recorder writes a script that records its arguments, one a line, in log,
// then runs then (shell text, $2 the second argument).
func recorder(t *testing.T, dir, name, then string) (script, log string) {
	t.Helper()
	script, log = filepath.Join(dir, name), filepath.Join(dir, name+".args")
	body := "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + log + "'\n" + then + "\n"
	if err := os.WriteFile(script, []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	return script, log
}

// waitFile waits for a file to be written and returns it.
func waitFile(t *testing.T, path string) string {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if b, err := os.ReadFile(path); err == nil && len(b) > 0 {
			return string(b)
		}
	}
	t.Fatalf("%s was never written", path)
	return ""
}

// TestEndToEndWork: copy through OSC 52 into tmux's paste buffer, open a
// source with $BROWSER, edit the file at the item with $EDITOR and see it
// reload, a key rebound by the config file, the story's page and export.
func TestEndToEndWork(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	bin := buildBinary(t)
	dir := t.TempDir()
	story := filepath.Join(dir, "story.yaml")
	if err := os.WriteFile(story, content.Story(), 0o644); err != nil {
		t.Fatal(err)
	}
	browser, browserLog := recorder(t, dir, "browser", "")
	editor, editorLog := recorder(t, dir, "editor", `sed -i 's/Kremlin calls ICC warrant outrageous/EDITED warrant reaction/' "$2"`)
	cfg := filepath.Join(dir, "config")
	os.MkdirAll(filepath.Join(cfg, "dateline"), 0o755)
	if err := os.WriteFile(filepath.Join(cfg, "dateline", "config.yaml"), []byte("keys:\n  work.info: [I]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := startTmux(t, 120, 40, "cd "+dir+" && BROWSER='"+browser+"' EDITOR='"+editor+"' VISUAL= XDG_CONFIG_HOME='"+cfg+"' "+bin+" story.yaml")
	s.tmux("set", "-g", "set-clipboard", "on")
	s.waitFor("start", "Timeline", "of 20 items")

	s.keys("/")
	s.text("legally null")
	s.waitFor("find", "match 1 of")
	s.keys("Enter")

	// y i: the id arrives in tmux's paste buffer.
	s.keys("y", "i")
	s.waitFor("copied", "Copied id kremlin-warrant-void")
	waitBuffer(t, s, "kremlin-warrant-void")
	s.keys("y", "q")
	s.waitFor("copied quote", "Copied the quote")
	waitBuffer(t, s, "“legally null and void” — Kremlin")

	// o: $BROWSER gets the address.
	s.keys("o")
	s.waitFor("opened", "Opened https://")
	if got := waitFile(t, browserLog); !strings.HasPrefix(got, "https://") {
		t.Errorf("$BROWSER got %q", got)
	}

	// The config's I is the story's page; i is no key now.
	s.keys("I")
	s.waitFor("story's page", "About this story", "In it")
	s.keys("Escape")
	s.waitUntil("page closed", func(scr string) bool { return !strings.Contains(scr, "About this story") })
	s.keys("i")
	s.waitFor("i unbound", "i is not a key here")

	// e: $EDITOR +LINE FILE, and the edit shows on return.
	want := lineOf(t, story, "- id: kremlin-warrant-void")
	s.keys("e")
	s.waitFor("reloaded", "Reloaded after editing", "EDITED warrant reaction")
	if got := waitFile(t, editorLog); got != "+"+strconv.Itoa(want)+"\nstory.yaml\n" {
		t.Errorf("$EDITOR got %q, want +%d story.yaml", got, want)
	}

	// x: export the view, then refuse to replace it.
	s.keys("x")
	s.text("view.md")
	s.keys("Enter")
	s.waitFor("format asked", "format (")
	s.keys("Enter")
	s.waitFor("exported", "Exported 20 items to view.md as markdown")
	if md, _ := os.ReadFile(filepath.Join(dir, "view.md")); !bytes.Contains(md, []byte("EDITED warrant reaction")) {
		t.Errorf("view.md lacks the edited item")
	}
	s.keys("x")
	s.text("view.md")
	s.keys("Enter", "Enter")
	s.waitFor("asked", "view.md exists. Replace it? (y/N)")
	s.keys("Enter")
	s.waitFor("kept", "Not exported: view.md is kept")

	s.keys("q")
	s.waitFor("quit", "EXITED 0")
}

// waitBuffer waits for tmux's newest paste buffer to hold want.
func waitBuffer(t *testing.T, s *tmuxSession, want string) {
	t.Helper()
	var got string
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if got = s.tmux("show-buffer"); strings.Contains(got, want) {
			return
		}
	}
	t.Errorf("tmux's paste buffer holds %q, want %q", got, want)
}

// lineOf is the 1-based line of the first line of path holding s.
func lineOf(t *testing.T, path, s string) int {
	t.Helper()
	data, _ := os.ReadFile(path)
	for i, l := range strings.Split(string(data), "\n") {
		if strings.Contains(l, s) {
			return i + 1
		}
	}
	t.Fatalf("%s has no %q", path, s)
	return 0
}

// TestEndToEndBadConfig: a config file with an unknown action stops the
// start, before any screen, naming the file, the line and the action.
func TestEndToEndBadConfig(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	bin := buildBinary(t)
	cfg := t.TempDir()
	os.MkdirAll(filepath.Join(cfg, "dateline"), 0o755)
	if err := os.WriteFile(filepath.Join(cfg, "dateline", "config.yaml"), []byte("color: auto\nkeys:\n  work.yonk: Y\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := startTmux(t, 160, 20, "XDG_CONFIG_HOME='"+cfg+"' "+bin)
	scr := s.waitFor("error and exit", "config.yaml:3:", `"work.yonk"`, `did you mean "work.yank"`, "EXITED 2")
	if strings.Contains(scr, "Timeline") {
		t.Errorf("a bad config opened the explorer:\n%s", scr)
	}
}
