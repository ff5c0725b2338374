package ui

// Prompts: the one line at the bottom where a find, a date to go to or a
// date range is typed.

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/dateline/dateline/model/edtf"
	"github.com/dateline/dateline/model/text"
)

// promptKind is what the prompt line is asking for, if anything.
type promptKind int

const (
	promptNone  promptKind = iota
	promptFind             // / text to find
	promptDate             // @ a date to go to
	promptRange            // d a date range to keep
)

// openPrompt focuses the prompt line for kind, holding value.
func (a *App) openPrompt(kind promptKind, value string) tea.Cmd {
	a.prompt = kind
	switch kind {
	case promptFind:
		a.search.Prompt, a.search.Placeholder = "/ ", "find in titles, text and actors"
	case promptDate:
		a.search.Prompt, a.search.Placeholder = "go to date: ", "2023-03-17, 17 Mar 2023, March 2023, 1989"
	case promptRange:
		a.search.Prompt, a.search.Placeholder = "date range: ", "2023-03-18/2023-03-19, 2023-03/.., 2023 (empty: any date)"
	default:
		a.exportPrompt(kind)
	}
	a.search.SetValue(value)
	a.search.CursorEnd()
	return a.search.Focus()
}

// closePrompt leaves the prompt line, returning what was typed.
func (a *App) closePrompt() string {
	v := a.search.Value()
	a.prompt = promptNone
	a.search.Blur()
	a.search.SetValue("")
	return v
}

// handlePromptKey takes a key while a prompt has focus: letters are text,
// enter applies and esc cancels.
func (a *App) handlePromptKey(k tea.KeyPressMsg) tea.Cmd {
	kind := a.prompt
	switch {
	case key.Matches(k, a.keys.Search.Apply):
		v := a.closePrompt()
		switch kind {
		case promptFind:
			return a.applyFind(v)
		case promptDate:
			a.goToDate(v)
		case promptRange:
			return a.applyRange(v)
		default:
			return a.applyExportPrompt(kind, v)
		}
		return nil
	case key.Matches(k, a.keys.Search.Cancel):
		a.closePrompt()
		if kind == promptFind {
			a.cancelFind()
		}
		return nil
	}
	var cmd tea.Cmd
	before := a.search.Value()
	a.search, cmd = a.search.Update(k)
	if v := a.search.Value(); kind == promptFind && v != before {
		return tea.Batch(cmd, a.typeFind(v))
	}
	return cmd
}

// goToDate selects the first shown item on or after the date typed, an
// EDTF date or one in words.
func (a *App) goToDate(typed string) {
	typed = strings.TrimSpace(typed)
	if typed == "" {
		return
	}
	d, err := edtf.ParseLoose(typed)
	if err != nil {
		a.message, a.messageErr = "Not a date: "+text.CleanLine(err.Error()), true
		return
	}
	i, ok := a.timeline.FirstOnOrAfter(d.Earliest())
	if !ok {
		a.message, a.messageErr = fmt.Sprintf("Nothing on or after %s among the %s items shown", d.Short(), thousands(a.timeline.Len())), true
		return
	}
	a.recordJump()
	a.timeline.SelectIndex(i)
	a.showSelected()
	pos, _ := a.timeline.Selected()
	got := a.ix.SortDay(pos)
	if got <= d.Latest() {
		a.message = "Went to " + d.Short()
	} else {
		a.message = "Nothing starts in " + d.Short() + "; went to the next item, " + a.ix.At(pos).Date().Short()
	}
}

// applyRange keeps the items in the range typed: an EDTF interval, either
// end open ("..") or empty, or a single date meaning its whole period; its
// ends may be written in words. Empty keeps every date.
func (a *App) applyRange(typed string) tea.Cmd {
	since, until, err := parseRange(typed)
	if err != nil {
		a.message, a.messageErr = err.Error(), true
		return nil
	}
	a.filter.Since, a.filter.Until = since, until
	return a.refilter()
}

// parseRange reads a date range: "a/b", "a/..", "../b" or one date, for
// both ends.
func parseRange(typed string) (since, until edtf.Date, err error) {
	typed = strings.TrimSpace(typed)
	if typed == "" {
		return since, until, nil
	}
	a, b, isInterval := strings.Cut(typed, "/")
	if !isInterval {
		d, err := edtf.ParseLoose(typed)
		if err != nil {
			return since, until, fmt.Errorf("not a date or range: %s", text.CleanLine(err.Error()))
		}
		return d, d, nil
	}
	for _, end := range []struct {
		text string
		into *edtf.Date
	}{{a, &since}, {b, &until}} {
		t := strings.TrimSpace(end.text)
		if t == "" || t == ".." {
			continue
		}
		d, err := edtf.ParseLoose(t)
		if err != nil {
			return since, until, fmt.Errorf("not a date: %q: %s", t, text.CleanLine(err.Error()))
		}
		*end.into = d
	}
	if !since.IsZero() && !until.IsZero() && since.Earliest() > until.Latest() {
		return since, until, fmt.Errorf("%s is after %s, so nothing could match; swap them", since.Short(), until.Short())
	}
	return since, until, nil
}

// rangeText is the filter's date range as the prompt reads it.
func rangeText(since, until edtf.Date) string {
	switch {
	case since.IsZero() && until.IsZero():
		return ""
	case since.String() == until.String():
		return since.String()
	case since.IsZero():
		return "../" + until.String()
	case until.IsZero():
		return since.String() + "/.."
	}
	return since.String() + "/" + until.String()
}
