package ui

// The jump list, as vim's: every jump (a link followed, a date gone to,
// g or G, a match, the matrix's evidence) records where the selection was;
// ctrl+o goes back and ctrl+n forward again.

import (
	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/text"
)

// maxJumps is how many places the list remembers, as vim's 100.
const maxJumps = 100

// jumpList holds timeline positions: places to go back to, the latest
// last, and places gone back from, to go forward to again.
type jumpList struct{ back, fwd []int }

// record remembers pos as a place to come back to; a new jump forgets the
// places gone back from.
func (j *jumpList) record(pos int) {
	if n := len(j.back); n > 0 && j.back[n-1] == pos {
		return
	}
	j.back = append(j.back, pos)
	if len(j.back) > maxJumps {
		j.back = j.back[1:]
	}
	j.fwd = j.fwd[:0]
}

// recordJump remembers the selected item before a jump.
func (a *App) recordJump() {
	if pos, ok := a.timeline.Selected(); ok {
		a.jumps.record(pos)
	}
}

// jumpBack goes to the last place recorded (forward when fwd), keeping
// the place left to return to. A place the filters hide clears them.
func (a *App) jumpBack(fwd bool) {
	from, to := &a.jumps.back, &a.jumps.fwd
	word := "back"
	if fwd {
		from, to, word = to, from, "forward"
	}
	if len(*from) == 0 {
		a.message = "Nowhere to go " + word + " to"
		return
	}
	pos := (*from)[len(*from)-1]
	*from = (*from)[:len(*from)-1]
	if cur, ok := a.timeline.Selected(); ok {
		*to = append(*to, cur)
	}
	focus := a.focus
	a.jumpTo(pos)
	a.setFocus(focus)
	if a.message == "" {
		a.message = word + " to " + placeName(a.ix, pos)
	}
}

// placeName is an item as a message or a list names it: its date (Short
// says "undated" for none) and title.
func placeName(ix *model.Index, pos int) string {
	return ix.At(pos).Date().Short() + " · " + text.CleanLine(ix.Title(pos))
}
