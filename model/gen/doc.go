// Package gen writes reproducible synthetic stories, for benchmarks and for
// trying dateline at the size of real event data: ACLED-like events whose
// actors follow a Zipf law (a few actors take part in most events) under
// parent actors (countries with their governments, forces and militias),
// 3 to 10 topics, statements with quotes and stances, dates over six years
// at mixed precision, notes of 30 to 70 words, and position histories (a
// step each time a speaker changes its stance), each step with evidence.
//
// The same Config gives the same bytes. Writers stream: events and
// statements are made one at a time and written as they are made, so a
// story of millions of events needs memory only for its actors.
//
// Files:
//
//	gen.go    Config and the story it makes
//	write.go  the writers: native YAML, JSON, NDJSON, TimelineJS and ACLED CSV
//	parquet.go  the Parquet writer: events sorted by date (through temporary files past 256k events)
//	cache.go  File: generated stories kept between benchmark runs
package gen
