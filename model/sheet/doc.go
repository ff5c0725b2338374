// Package sheet reads tables that have a date column — any CSV or TSV a
// spreadsheet or a script wrote, and dateline's own `list --format csv` —
// and holds the column rules and the row-to-event builder that the Parquet
// reader (model/parquet) shares.
//
// The delimiter is sniffed from the header line (tab, semicolon or comma).
// Columns are found by name, ignoring case, spaces, underscores, hyphens
// and dots:
//
//	id           id, event id, unique id (ACLED event_id_cnty, GDELT GlobalEventID)
//	date         date, start, start date, when, day, edtf (event_date, SQLDATE)
//	end          end, end date
//	title        title, headline, event, name, what
//	description  description, text, notes, summary
//	actors       actors, actor, who, people (actor1, actor2, assoc_actor_1/2, Actor1Name, Actor2Name)
//	topics       topics, topic, tags, category (event_type, sub_event_type, EventRootCode)
//	url          url, link, source, source url
//	place        place, location, where (ActionGeo_FullName)
//
// --map (Map) places or overrides any of them. Actors and topics may come
// from several columns, and a cell may name several, split on ';' or '|';
// each gets an id by slug and keeps its name. Dates are EDTF or a common
// unambiguous form (ParseDate); day-first or month-first numbers only with
// --date-format. A row without a usable date is kept as undated, and one
// warning names such rows. A row without a title is titled by its last
// topic and place, else its description's start. A header whose date
// column (or every text column) cannot be found is an error that lists the
// columns and a --map that would read them.
//
// dateline's own list CSV is told by its exact header and read back to the
// same ids, kinds, dates, titles, actors, topics, speakers and stances.
//
// Files:
//
//	fields.go  Field, Map and ParseMap, Match: columns by name; Unplaced: the error that suggests a --map
//	date.go    ParseDate and DateOrder: the date forms a cell may take
//	build.go   Row and Builder: a row an event, ids by slug, the undated warning
//	sheet.go   Import and Sniff: CSV or TSV with a header row
//	own.go     dateline's own list CSV read back, formula guard undone
package sheet
