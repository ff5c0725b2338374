// Package model is dateline's domain: a story of sources, actors, topics,
// events, statements and positions; loading and validation; and the index
// that answers timeline queries and searches. Dates are model/edtf's,
// terminal-safe text model/text's and the list and positions writers
// model/report's. It never imports the UI.
//
// Files:
//
//	story.go            Story and its parts: Source, Actor, Topic, Event, Statement, Position, Stance
//	problem.go          Problem and Problems: what is wrong, at which line and column
//	stamp.go            Stamp: a file's size and time, to tell that it changed while read
//	binary.go           BinaryProblem and GuardBinary: every loader stops at the first NUL byte
//	load.go             Load: the native loader's entry, placing problems at their line, CheckBuilt, Validate
//	load_yaml.go        the YAML-node decoder (native YAML, and JSON the fast path gives up on)
//	load_json.go        the fast path for native JSON: a reflection-free reader
//	load_json_story.go  the fast path's field decoders, one a type of the story
//	load_ndjson.go      LoadNDJSON: one record a line, streamed; LoadNDJSONLean
//	load_ndjson_refill.go  the lean NDJSON load's PlaceReader: a summary left out, read back from its line
//	lean.go             lean loads: KeepSummaries, Index.Refill
//	leftout.go          LeftOut: what a lean load left out and where, read back in the file's order on two goroutines
//	validate.go         validate: references, required fields, kinds and stances, with messages
//	validate_quick.go   quickValid: the fast path's yes-or-no twin of validate
//	id.go               the id rule (ValidID), and Slug and SanitizeID for importers
//	idtable.go          idTable: an open-addressed id set for quickValid
//	suggest.go          Suggest: "did you mean" for mistyped ids
//	native.go           WriteYAML, WriteJSON and Subset: stories back out in the native format
//	native_event.go     appendEventJSON: WriteJSON's events, without reflection
//	index.go            Index: timeline order (a counting sort by day), then titles, postings, the id
//	                    table and reactions; NewIndex builds all, StartIndex the rest in the
//	                    background, OrderedIndex the rest when first needed
//	stance.go           stances through time: Step, Cell, CellAt, Grid as of a date, ChangeDays
//	said.go             Said: what an actor's statements say on a topic
//	query.go            Filter and Query: narrowing the timeline, counts per actor and topic
//	search.go           the search index: the haystack and its 4-gram filters
//	find.go             QueryFrom: the first matches at or after a position, where a find lands
//	fold.go             search folding: FoldForSearch, ContainsFold, IndexFold
package model
