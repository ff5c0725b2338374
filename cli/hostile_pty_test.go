//go:build linux

package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"unsafe"

	"github.com/charmbracelet/x/term"
)

// openPTY opens a pseudo-terminal and returns its two ends.
func openPTY(t *testing.T) (master, slave *os.File) {
	t.Helper()
	m, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	var unlock int32
	if _, _, errno := syscall.Syscall(syscall.SYS_IOCTL, m.Fd(), syscall.TIOCSPTLCK, uintptr(unsafe.Pointer(&unlock))); errno != 0 {
		m.Close()
		t.Skipf("cannot unlock the pseudo-terminal: %v", errno)
	}
	var n uint32
	if _, _, errno := syscall.Syscall(syscall.SYS_IOCTL, m.Fd(), syscall.TIOCGPTN, uintptr(unsafe.Pointer(&n))); errno != 0 {
		m.Close()
		t.Skipf("cannot name the pseudo-terminal: %v", errno)
	}
	s, err := os.OpenFile("/dev/pts/"+strconv.Itoa(int(n)), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		m.Close()
		t.Skipf("cannot open the pseudo-terminal: %v", err)
	}
	return m, s
}

// onPTY runs the command line with stdout and stderr on a terminal, and
// returns its exit code and everything it wrote, with the terminal's
// "\r\n" line ends read as "\n".
func onPTY(t *testing.T, args ...string) (int, string) {
	t.Helper()
	master, slave := openPTY(t)
	if !term.IsTerminal(slave.Fd()) {
		t.Fatal("the pseudo-terminal is not a terminal")
	}
	got := make(chan []byte)
	go func() {
		var buf bytes.Buffer
		_, _ = io.Copy(&buf, master) // ends with EIO once the slave closes
		got <- buf.Bytes()
	}()
	code := Run(args, slave, slave)
	slave.Close()
	out := <-got
	master.Close()
	return code, strings.ReplaceAll(string(out), "\r\n", "\n")
}

// TestTermDumbOnATerminal: on a real terminal that says TERM=dumb, dateline
// prints the list, and not one escape sequence.
func TestTermDumbOnATerminal(t *testing.T) {
	path := hostileFiles(t)["native yaml"]
	t.Setenv("TERM", "dumb")
	for _, args := range [][]string{{path}, {"list", path}, {"positions", path}, {"validate", path}} {
		code, s := onPTY(t, args...)
		if code != ExitOK || len(s) == 0 {
			t.Errorf("TERM=dumb dateline %s: exit %d, output %q", strings.Join(args, " "), code, s)
		}
		checkSafe(t, "TERM=dumb dateline "+strings.Join(args, " "), s)
		if args[0] == path && !strings.Contains(s, "␛") {
			t.Errorf("TERM=dumb dateline FILE on a terminal does not print the list: %q", s)
		}
	}
}

// TestProgressLineOnATerminal: the progress line that commands draw on a
// terminal names the file cleaned, and uses nothing but a carriage return
// to redraw itself.
func TestProgressLineOnATerminal(t *testing.T) {
	t.Setenv("TERM", "xterm-256color")
	dir := t.TempDir()
	path := filepath.Join(dir, "story\x1b]0;owned\x07\x1b[2J\u009b1m\u202e.yaml")
	if err := os.WriteFile(path, []byte("title: T\nevents:\n  - {id: e1, title: T, date: 2023-03-17}\n"), 0o644); err != nil {
		t.Skipf("this file system refuses the name: %v", err)
	}
	for _, args := range [][]string{{"list", path}, {"positions", path}, {"validate", path}, {"export", "--to", "json", "-o", "-", path}} {
		code, s := onPTY(t, args...)
		if code != ExitOK {
			t.Errorf("dateline %q: exit %d, output %q", args, code, s)
		}
		checkSafe(t, "dateline "+strings.Join(args[:len(args)-1], " ")+" (progress line's \\r removed)", strings.ReplaceAll(s, "\r", ""))
	}
}
