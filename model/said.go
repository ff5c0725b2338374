package model

import (
	"cmp"
	"slices"

	"github.com/dateline/dateline/model/edtf"
)

// Said is what an actor's own statements say on a topic, apart from any
// recorded position: the statements and the stances they take.
type Said struct {
	// Statements are timeline positions, in time order (by the day each
	// starts, then the timeline's order).
	Statements []int
	Stances    []Stance
	// common is Common, where the index knows it already.
	common Stance
}

// Said collects the statements by the actor, or anyone under it, that take
// a stance on the topic, all of them (see CellAt for what was said by a
// date). The matrix shows these beside a recorded position, so that "none"
// never hides what someone said.
func (ix *Index) Said(actorID, topicID string) Said {
	return ix.CellAt(actorID, topicID, edtf.MaxDay).Said
}

// Common is the stance most of the statements take, ties going to the
// latest; StanceNone when there are none.
func (s Said) Common() Stance {
	if s.common != "" {
		return s.common
	}
	var t tally
	for _, st := range s.Stances {
		t.add(st)
	}
	return cmp.Or(t.best, StanceNone)
}

// tally counts stances as they come, keeping the most common so far.
type tally struct {
	counts [8]int
	best   Stance
}

func (t *tally) add(st Stance) {
	i := slices.Index(Stances, st)
	if i < 0 {
		return
	}
	t.counts[i]++
	if b := slices.Index(Stances, t.best); b < 0 || t.counts[i] >= t.counts[b] {
		t.best = st
	}
}
