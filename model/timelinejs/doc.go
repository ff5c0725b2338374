// Package timelinejs reads TimelineJS timelines into stories (the JSON
// format, and the spreadsheet template saved as CSV) and writes stories
// back out as TimelineJS JSON.
//
// How a timeline becomes a story:
//
//   - The title slide's headline is the story's title; its text (and its
//     media address) the description.
//   - Each event is an event. Its id is its unique_id made valid (lower
//     case, other characters '-'), or else a slug of its headline; a
//     counter keeps ids unique. Its date is the EDTF date of start_date, or
//     the interval start_date/end_date. A negative year is that many years
//     BCE at every scale, as TimelineJS shows it: -500 is 500 BCE, EDTF
//     -0499, and -315000 is 315,000 BCE, EDTF Y-314999 (EDTF counts a year
//     zero). Years beyond four digits, as in cosmological timelines, are
//     EDTF "Y" years and keep the year only. Times of day are not part of an EDTF date: the date
//     keeps the day and the summary says "Time: 14:30". A display_date that
//     says more than the date's own wording is kept as "Shown as: …".
//   - headline and text are HTML: they become plain text, with entities
//     decoded, paragraphs and <br> as line breaks and links kept as
//     "text (address)".
//   - Media with an address becomes a source (outlet: the credit, title:
//     the caption) that the event cites; media that is HTML (a quote, an
//     embed) is kept, as text, in the summary.
//   - Each group becomes a topic, titled with the group's name.
//   - Each era becomes an event spanning the era, titled "Era: <headline>",
//     on the topic "eras", so that it shows as a labelled period on the
//     timeline and a filter on the topic lists the periods.
//   - An event's "edtf" member, which TimelineJS ignores and Export writes,
//     carries the exact EDTF date where TimelineJS's fields cannot (open,
//     approximate or uncertain dates); it is used when it agrees with
//     start_date and end_date.
//   - Presentation is left out: background, autolink, media thumbnails.
//
// Every string is cleaned for the terminal, and every problem is reported
// at its line (and, for JSON, column).
//
// Files:
//
//	timelinejs.go  from a read timeline to a story: dates, ids, groups, eras
//	json.go        Import: the TimelineJS JSON format read, with problems at their place
//	csv.go         ImportCSV: the spreadsheet template saved as CSV
//	html.go        PlainText and HTML: TimelineJS's HTML text to plain text and back
//	export.go      Export: a story written as TimelineJS JSON
package timelinejs
