package ui

// Counts before a motion, as in vim and less: 5j, 3k, 12G (to item 12),
// 2 space (two pages), 3n (the third match on).

import (
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// maxCount bounds a typed count, so that it cannot overflow.
const maxCount = 1_000_000_000

// takeDigit adds k to the count being typed when it is a count's digit (0
// only after another), and reports whether it was.
func (a *App) takeDigit(k tea.KeyPressMsg, count int) bool {
	if !key.Matches(k, a.keys.Timeline.Count) || (k.String() == "0" && count == 0) {
		return false
	}
	a.count = min(maxCount, count*10+int(k.String()[0]-'0'))
	return true
}

// countedMove moves the timeline for a movement key typed after a count:
// count times as far, or to item count for g and G. ok is false for other
// keys.
func (a *App) countedMove(k tea.KeyPressMsg, count int) (ok bool) {
	s := a.keys.Scroll
	if key.Matches(k, s.Top) || key.Matches(k, s.Bottom) {
		a.recordJump()
		a.timeline.SelectIndex(max(0, min(count, a.timeline.Len())-1))
		a.showSelected()
		return true
	}
	n, ok := s.moveBy(k, a.timeline.height)
	if !ok {
		return false
	}
	a.timeline.Move(n * count)
	a.showSelected()
	return true
}

// countNote is what the status bar says of a count being typed.
func (a *App) countNote() string {
	if a.count == 0 {
		return ""
	}
	return "count " + strconv.Itoa(a.count)
}
