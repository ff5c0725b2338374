//go:build linux

package main

import (
	"bytes"
	"io"
	"os"
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

// TestTermDumbOnATerminal: on a real terminal that says TERM=dumb, dateline
// prints the list, and not one escape sequence.
func TestTermDumbOnATerminal(t *testing.T) {
	path := hostileFiles(t)["native yaml"]
	for _, env := range [][2]string{{"TERM", "dumb"}} {
		t.Setenv(env[0], env[1])
		for _, args := range [][]string{{path}, {"list", path}, {"positions", path}, {"validate", path}} {
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
			code := run(args, slave, slave)
			slave.Close()
			out := <-got
			master.Close()
			// The terminal driver turns "\n" into "\r\n".
			s := strings.ReplaceAll(string(out), "\r\n", "\n")
			if code != exitOK || len(s) == 0 {
				t.Errorf("%s=%s dateline %s: exit %d, output %q", env[0], env[1], strings.Join(args, " "), code, s)
			}
			checkSafe(t, env[0]+"="+env[1]+" dateline "+strings.Join(args, " "), s)
			if args[0] == path && !strings.Contains(s, "␛") {
				t.Errorf("TERM=dumb dateline FILE on a terminal does not print the list: %q", s)
			}
		}
	}
}
