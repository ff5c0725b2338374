package ui

// Crashes: a panic anywhere in the explorer (Update, View, or a command's
// goroutine) is caught, the program quits and restores the terminal, and
// only then does Run return the report, for the caller to print where it
// stays on screen. (Bubble Tea prints a command's panic before it leaves
// the alternate screen, so the report vanished with it.)

import (
	"errors"
	"fmt"
	"reflect"
	"runtime/debug"
	"strings"
	"sync"

	tea "charm.land/bubbletea/v2"
)

// ErrCrashed reports that the explorer panicked; the error Run returns
// for a panic is a *CrashError, which matches it.
var ErrCrashed = errors.New("dateline crashed")

// CrashError is a panic caught in the explorer: its value and the stack of
// the goroutine that panicked.
type CrashError struct {
	Value any
	Stack string
}

// Error is the report: where it panicked, then what, last, so that the
// panic's value stays on screen next to what the caller prints after it
// however long the stack.
func (e *CrashError) Error() string {
	return fmt.Sprintf("%s\n\n%v: %v", strings.TrimRight(e.Stack, "\n"), ErrCrashed, e.Value)
}

// Unwrap makes errors.Is(err, ErrCrashed) hold.
func (e *CrashError) Unwrap() error { return ErrCrashed }

// crashSlot holds the first crash, shared by every copy of the App, and
// the way to quit the program from View, which cannot return a command.
type crashSlot struct {
	mu   sync.Mutex
	err  *CrashError
	quit func()
}

// record keeps r as the crash unless one is kept already; it reports
// whether r was the first.
func (c *crashSlot) record(r any) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.err != nil {
		return false
	}
	c.err = &CrashError{Value: r, Stack: string(debug.Stack())}
	return true
}

// crashed is the crash kept, or nil.
func (c *crashSlot) crashed() *CrashError {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.err
}

// crashMsg tells Update that a command panicked: time to quit.
type crashMsg struct{}

// guard wraps cmd so that a panic in it, or in any command of a batch or
// sequence it returns, is kept in c and quits the program instead of
// reaching Bubble Tea, which would print it inside the alternate screen.
func (c *crashSlot) guard(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				c.record(r)
				msg = crashMsg{}
			}
		}()
		msg = cmd()
		// tea.Batch and tea.Sequence answer with a slice of commands that
		// Bubble Tea runs in goroutines of its own: guard each of them.
		// (The sequence's type is unexported, hence reflect.)
		if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeFor[tea.Cmd]() {
			out := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
			for i := range v.Len() {
				inner, _ := v.Index(i).Interface().(tea.Cmd)
				out.Index(i).Set(reflect.ValueOf(c.guard(inner)))
			}
			msg = out.Interface()
		}
		return msg
	}
}

// crashKeys are the keys DATELINE_CRASH_KEY names, for tests that check a
// crash restores the terminal and leaves its report readable: "x" panics
// in Update, "cmd:x" in a command, "view:x" in View.
type crashKeys struct{ update, cmd, view string }

func parseCrashKeys(s string) crashKeys {
	if k, ok := strings.CutPrefix(s, "cmd:"); ok {
		return crashKeys{cmd: k}
	}
	if k, ok := strings.CutPrefix(s, "view:"); ok {
		return crashKeys{view: k}
	}
	return crashKeys{update: s}
}
