package model

// Said is what an actor's own statements say on a topic, apart from any
// recorded position: the statements and the stances they take.
type Said struct {
	// Statements are timeline positions, in time order.
	Statements []int
	Stances    []Stance
}

// Said collects the statements by the actor, or anyone under it, that take
// a stance on the topic. The matrix shows these beside a recorded
// position, so that "none" never hides what someone said.
func (ix *Index) Said(actorID, topicID string) Said {
	a, okA := ix.actorOf[actorID]
	t, okT := ix.topicOf[topicID]
	var out Said
	if !okA || !okT {
		return out
	}
	speakers := make([]bool, len(ix.story.Actors))
	var lists [][]int32
	for _, d := range ix.descend(a) {
		speakers[d] = true
		lists = append(lists, ix.actorPost[d])
	}
	for _, p := range unionSorted(lists) {
		r := ix.refs[p]
		if r.kind != StatementItem {
			continue
		}
		st := &ix.story.Statements[r.n]
		if s, ok := ix.actorOf[st.Speaker]; !ok || !speakers[s] {
			continue
		}
		for _, ts := range st.Stances {
			if ts.Topic == ix.story.Topics[t].ID {
				out.Statements = append(out.Statements, int(p))
				out.Stances = append(out.Stances, ts.Stance)
			}
		}
	}
	return out
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
