package model

import "sync"

// quickValid reports whether validate would find nothing wrong with s, at
// a fraction of its cost: no paths, no messages, no maps of every id. When
// it says no, validate says what.
func quickValid(s *Story) bool {
	nSrc, nAct, nTop, nEv := len(s.Sources), len(s.Actors), len(s.Topics), len(s.Events)
	n := nSrc + nAct + nTop + nEv + len(s.Statements)
	// Every id valid and unique across kinds; thing numbers run through
	// sources, actors, topics, events and statements in turn.
	key := func(i uint32) string {
		j := int(i)
		switch {
		case j < nSrc:
			return s.Sources[j].ID
		case j < nSrc+nAct:
			return s.Actors[j-nSrc].ID
		case j < nSrc+nAct+nTop:
			return s.Topics[j-nSrc-nAct].ID
		case j < nSrc+nAct+nTop+nEv:
			return s.Events[j-nSrc-nAct-nTop].ID
		}
		return s.Statements[j-nSrc-nAct-nTop-nEv].ID
	}
	small := func(list int, id func(int) string) map[string]int32 {
		m := make(map[string]int32, list)
		for i := range list {
			m[id(i)] = int32(i)
		}
		return m
	}
	sources := small(nSrc, func(i int) string { return s.Sources[i].ID })
	actors := small(nAct, func(i int) string { return s.Actors[i].ID })
	topics := small(nTop, func(i int) string { return s.Topics[i].ID })
	citationOK := func(c Citation) bool {
		_, ok := sources[c.Source]
		return ok && c.Paragraph >= 0
	}
	// The events' references are checked beside the ids, on another
	// processor when there are many: both are a pass over every event, on
	// the way to a big story's first screen.
	var eventsOK bool // read after wg.Wait
	var wg sync.WaitGroup
	checkEvents := func() { eventsOK = eventsValid(s.Events, actors, topics, citationOK) }
	if nEv >= parallelMin {
		wg.Go(checkEvents)
	} else {
		checkEvents()
	}
	ids := newIDTable(n)
	idsOK := true
	for i := range n {
		id := key(uint32(i))
		if !ValidID(id) {
			idsOK = false
			break
		}
		if _, ok := ids.insert(id, uint32(i), key); !ok {
			idsOK = false
			break
		}
	}
	wg.Wait()
	if !idsOK || !eventsOK {
		return false
	}
	kindOf := func(id string) int { // 0 none, 1 event, 2 statement
		i, ok := ids.find(id, key)
		switch {
		case !ok || int(i) < nSrc+nAct+nTop:
			return 0
		case int(i) < nSrc+nAct+nTop+nEv:
			return 1
		}
		return 2
	}
	stanceOK := func(st Stance) bool {
		switch st {
		case StanceSupports, StanceOpposes, StanceConditional, StanceNeutral, StanceUnclear:
			return true
		}
		return false
	}

	parent := make([]int32, nAct)
	for i := range s.Actors {
		a := &s.Actors[i]
		if a.Name == "" {
			return false
		}
		switch a.Kind {
		case KindPerson, KindGovernment, KindOrganisation, KindMedia, KindGroup:
		default:
			return false
		}
		parent[i] = -1
		if a.Parent != "" {
			p, ok := actors[a.Parent]
			if !ok {
				return false
			}
			parent[i] = p
		}
	}
	// No parent cycles: a chain longer than the number of actors loops.
	depth := make([]int32, nAct) // 0 unknown, else 1 + the chain's length
	for i := range parent {
		steps, p := 0, int32(i)
		for p >= 0 && depth[p] == 0 {
			if steps > nAct {
				return false
			}
			p, steps = parent[p], steps+1
		}
		d := int32(1)
		if p >= 0 {
			d = depth[p]
		}
		for p2 := int32(i); p2 >= 0 && depth[p2] == 0; p2 = parent[p2] {
			depth[p2] = d + int32(steps)
			steps--
		}
	}
	for i := range s.Topics {
		if s.Topics[i].Title == "" {
			return false
		}
	}
	for i := range s.Statements {
		st := &s.Statements[i]
		if _, ok := actors[st.Speaker]; !ok || st.Quote == "" {
			return false
		}
		for _, ts := range st.Stances {
			if _, ok := topics[ts.Topic]; !ok || !stanceOK(ts.Stance) {
				return false
			}
		}
		if st.ReactsTo != "" && kindOf(st.ReactsTo) != 1 {
			return false
		}
		if c := st.Citation; (c.Source != "" || c.Paragraph != 0 || c.Wording != "") && !citationOK(c) {
			return false
		}
	}
	// A pair's steps must differ in date; an undated step of a pair with
	// several is left to validate, which finds its date from its evidence.
	seen := make(map[[2]string]bool, len(s.Positions)) // a pair has a step
	undated := make(map[[2]string]bool)                // a pair has an undated step
	days := make(map[pairDay]bool, len(s.Positions))
	for _, p := range s.Positions {
		_, okA := actors[p.Actor]
		_, okT := topics[p.Topic]
		k := [2]string{p.Actor, p.Topic}
		if !okA || !okT || !stanceOK(p.Stance) || len(p.Evidence) == 0 {
			return false
		}
		d := pairDay{p.Actor, p.Topic, p.Date.Earliest()}
		if seen[k] && (undated[k] || p.Date.IsZero()) || days[d] {
			return false
		}
		seen[k], days[d] = true, true
		undated[k] = undated[k] || p.Date.IsZero()
		for _, id := range p.Evidence {
			if kindOf(id) == 0 {
				return false
			}
		}
	}
	return true
}

// eventsValid reports whether every event has a title and names only
// actors, topics and sources the story has.
func eventsValid(events []Event, actors, topics map[string]int32, citationOK func(Citation) bool) bool {
	for i := range events {
		e := &events[i]
		if e.Title == "" {
			return false
		}
		for _, r := range e.Actors {
			if _, ok := actors[r.Actor]; !ok {
				return false
			}
		}
		for _, t := range e.Topics {
			if _, ok := topics[t]; !ok {
				return false
			}
		}
		for _, c := range e.Citations {
			if !citationOK(c) {
				return false
			}
		}
	}
	return true
}
