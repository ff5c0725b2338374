package model

import (
	"strings"
)

// A one-shot command writes only the items its filter keeps, and needs the
// summaries of those alone: of none at all for an actor, topic or date
// filter, which never reads them. A lean load is told which summaries to
// keep (KeepSummaries); it leaves the others out of the story, where they
// would be most of its memory, and gives the story a way to fetch them back
// from the file for the events the command writes (Index.Refill). A
// summary is left out only when it cannot make its event match, so the
// story's queries answer as they would on the whole story.

// KeepSummaries is the test of the summaries a lean load must keep for
// filter f: those that hold its text, as a query tests them (see
// Index.matches); none when f has no text. It is nil, keep them all, for
// a text that folds to nothing, which every item matches.
func KeepSummaries(f Filter) func(summary string) bool {
	if f.Text == "" {
		return func(string) bool { return false }
	}
	m := &matcher{needle: FoldForSearch(f.Text)}
	if m.needle == "" {
		return nil
	}
	m.fold = newFolder(m.needle)
	if m.fold.ascii && !strings.ContainsRune(m.needle, 0) {
		return m.inFolded
	}
	return func(s string) bool { return m.fold.index(s) >= 0 }
}

// Refill fetches back, from the file, the summaries a lean load left out
// of the events at these timeline positions; nothing when it left none.
// Call it once the story's queries are answered: they read the story as
// it was loaded.
func (ix *Index) Refill(rows []int32) error {
	s := ix.story
	if s.refill == nil {
		return nil
	}
	var events []int32
	for _, p := range rows {
		if r := ix.refs[p]; r.kind == EventItem && s.Events[r.n].Summary == "" {
			events = append(events, r.n)
		}
	}
	if len(events) == 0 {
		return nil
	}
	return s.refill(events)
}
