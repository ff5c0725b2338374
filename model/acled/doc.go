// Package acled reads CSV exports of ACLED (the Armed Conflict Location &
// Event Data Project) into stories.
//
// Columns are found by their header names, so both the current 31-column
// export and older files (event_id_no_cnty, data_id, iso3, numeric inter
// codes) read the same. Each row becomes one event:
//
//   - id: event_id_cnty in lower case (else event_id_no_cnty or data_id,
//     prefixed "acled-"); a repeated id gets a counter and a warning.
//   - date: event_date, written 2023-03-17 or 17 March 2023, at the row's
//     time_precision: 1 the day, 2 the ISO week (Monday to Sunday) that
//     holds it as an EDTF interval, 3 the month (2023-03).
//   - title: sub_event_type in location, as "Armed clash in Bakhmut".
//   - summary: the notes, then the fatalities and the place.
//   - actors: actor1 and actor2 (roles "actor 1", "actor 2") and each name
//     in the semicolon-separated assoc_actor_1 and assoc_actor_2 ("with
//     actor 1", "with actor 2"). An actor's id is a slug of its name; its
//     kind comes from its inter code where it has one (state forces are a
//     government, external or other forces an organisation, the rest
//     groups), and is group otherwise. Actors have no parents.
//   - topics: event_type and sub_event_type, each a topic.
//   - citations: each name in the semicolon-separated source column is a
//     source (its outlet) that the event cites.
//
// The reader streams: rows are read with encoding/csv reusing its record,
// columns are indexes found once, and actor, topic, source and date
// look-ups go through maps filled once per distinct value.
//
// Files:
//
//	acled.go  Import: columns by header, a row an event, actors, topics and sources
//	pipe.go   readAhead: the CSV parsed on its own goroutine, in batches
//	lean.go   ImportLean: summaries left out, and read back from their rows
//	rows.go   rowReader: the fast reader of plain CSV rows
//	date.go   event_date at a time_precision as an EDTF date
package acled
