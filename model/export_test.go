package model

// Hooks for the external tests of the fast paths (fastload_test.go,
// ndjson_test.go), which need model/gen and so live in package model_test.

// SetFastPath turns the fast JSON path on or off and returns how to undo it.
func SetFastPath(on bool) (restore func()) {
	was := fastPath
	fastPath = on
	return func() { fastPath = was }
}

// QuickValid is quickValid.
var QuickValid = quickValid

// ValidateIssues is the number of issues validate finds.
func ValidateIssues(s *Story) int { return len(validate(s)) }

// AppendOpening is appendOpening.
var AppendOpening = appendOpening

// ForgetSearches empties the index's memo of recent searches, so that a
// benchmark types each query afresh.
func ForgetSearches(ix *Index) { ix.memo.forget() }

// ScanInStoryOrder makes text searches without the search text read the
// items in the story's order (scanStoryOrder) from a few items on, until
// the function it returns is called.
func ScanInStoryOrder() (restore func()) {
	after, least := storyOrderAfter, storyOrderMin
	storyOrderAfter, storyOrderMin = 100, 0
	return func() { storyOrderAfter, storyOrderMin = after, least }
}

// BuildRest builds the rest of an OrderedIndex, as its first need does.
func (ix *Index) BuildRest() { ix.Wait() }

// SetRestHook makes f run as the rest of every index is built, until the
// function it returns is called.
func SetRestHook(f func()) (restore func()) {
	restHook = f
	return func() { restHook = nil }
}
