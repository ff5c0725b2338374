// Package cli is dateline's command line: one cobra command a file, and
// the plumbing they share. main.go calls Run and nothing else.
//
//	root.go        Run, the root command (the explorer, or the list when piped), exit codes
//	filter.go      --actor, --topic, --search, --since, --until, shared by the commands that filter
//	explore.go     the explorer: loading behind a progress line, then ui.Run
//	list.go        dateline list: the timeline as text, JSON, NDJSON, CSV or Markdown
//	output.go      standard output, buffered, keeping the first write error
//	count.go       dateline count: items a day, week, month, quarter or year
//	positions.go   dateline positions: where each actor stands on each topic
//	validate.go    dateline validate: every problem as file:line:col
//	export.go      dateline export: TimelineJS, or a native YAML or JSON story
//	gen.go         dateline gen: a reproducible synthetic story
//	schema.go      dateline schema: the native format's JSON Schema
//	completion.go  dateline completion: shell completion scripts
//	complete_ids.go completing --actor and --topic ids and --format values
//	config.go      dateline config, and reading the user's config file (keys, theme, color)
//	man.go         dateline man: the manual page as roff (mango-cobra)
//	viewexport.go  the explorer's hooks: exporting the view (x), locating and reloading after e
//	load.go        reading story files: --from, formats, the progress line
//	atomic.go      writing a file whole or not at all, never over the user's
//	watch.go       --watch: reload after each save, once the file has settled
package cli
