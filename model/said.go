package model

import "github.com/dateline/dateline/model/edtf"

// Said is what an actor's own statements say on a topic, apart from any
// recorded position: the statements and the stances they take.
type Said struct {
	// Statements are timeline positions, in time order (by the day each
	// starts, then the timeline's order).
	Statements []int
	Stances    []Stance
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
	counts := map[Stance]int{}
	best := StanceNone
	for _, st := range s.Stances {
		counts[st]++
		if counts[st] >= counts[best] {
			best = st
		}
	}
	return best
}
