package ui

// Opening the selected item's source in the browser.

import (
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"sync"

	tea "charm.land/bubbletea/v2"
	"github.com/cli/browser"

	"github.com/dateline/dateline/model/report"
	"github.com/dateline/dateline/model/text"
)

// openedMsg says whether the browser took the address.
type openedMsg struct {
	url string
	err error
}

// openSource opens the selected item's first source address, http or
// https only, in a command.
func (a *App) openSource() tea.Cmd {
	pos, ok := a.selectedItem()
	if !ok {
		return nil
	}
	raw := report.ItemURL(a.ix, a.ix.At(pos))
	if raw == "" {
		a.message, a.messageErr = "Not opened: this item cites no source with an address", true
		return nil
	}
	if u, err := url.Parse(raw); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		a.message, a.messageErr = "Not opened: only http and https addresses open, and this is "+text.CleanLine(raw), true
		return nil
	}
	a.message = "Opening " + text.CleanLine(raw)
	return func() tea.Msg { return openedMsg{raw, openURL(raw)} }
}

func (a *App) opened(m openedMsg) {
	if m.err != nil {
		a.message, a.messageErr = "Not opened: "+oneLine(m.err.Error()), true
		return
	}
	a.message = "Opened " + text.CleanLine(m.url)
}

var quietBrowser sync.Once

// openURL opens u with $BROWSER when it is set, else the system's opener.
func openURL(u string) error {
	if env := os.Getenv("BROWSER"); env != "" {
		return openWith(env, u)
	}
	quietBrowser.Do(func() { browser.Stdout, browser.Stderr = io.Discard, io.Discard })
	return browser.OpenURL(u)
}

// openWith follows the $BROWSER convention: commands separated by ":",
// each tried in turn until one succeeds; %s in a command is the address,
// else the address comes last.
func openWith(env, u string) error {
	var last error
	for _, c := range strings.Split(env, ":") {
		argv := strings.Fields(c)
		if len(argv) == 0 {
			continue
		}
		placed := false
		for i, f := range argv {
			if strings.Contains(f, "%s") {
				argv[i] = strings.ReplaceAll(strings.ReplaceAll(f, "%s", u), "%%", "%")
				placed = true
			}
		}
		if !placed {
			argv = append(argv, u)
		}
		if err := exec.Command(argv[0], argv[1:]...).Run(); err != nil {
			last = fmt.Errorf("$BROWSER %s: %w", argv[0], err)
			continue
		}
		return nil
	}
	if last == nil {
		last = fmt.Errorf("$BROWSER names no command")
	}
	return last
}
