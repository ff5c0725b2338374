// Package ui is dateline's Bubble Tea program: the timeline, the detail
// pane, the positions matrix, the pickers, the actor card, search and help.
//
// Where each thing lives:
//
//	app.go        App, the root model: routing in Update (terminal answers,
//	              resize, keys, mouse, data messages), focus, drawing the frame
//	overlay.go    the overlays over the body: opening and closing help, the
//	              pickers, the positions matrix and the actor card
//	search.go     running queries off the UI loop
//	prompt.go     the bottom line's prompts: find, go to a date (@), a date
//	              range (d)
//	find.go       find as in less: matches counted off the UI loop, n/N,
//	              & to keep only them
//	count.go      counts before a motion: 5j, 12G
//	jumps.go      the jump list: ctrl+o back, ctrl+n forward
//	links.go      the detail pane's numbered references, and following one
//	strip.go      Strip: the density of time over the timeline
//	loading.go    the progress line while the story loads (NewLoading)
//	reload.go     following the story's file (Reloader) and swapping it in
//	crash.go      a panic in Update, View or a command, kept for Run to
//	              report once the terminal is restored (CrashError)
//	component.go  the contract every pane and overlay keeps
//	timeline.go   Timeline: the strip and the rows, and the actor chips (chipper)
//	detail.go     Detail: everything about the selected item
//	positions.go  Positions: the actor × topic matrix as of a date, stepping
//	              through changes, a cell's evidence and its history
//	picker.go     Picker: choosing actors or topics
//	card.go       Card: one actor's page, and the messages that open it and
//	              filter to its items
//	help.go       HelpPage: the ? page, drawn from the key map's groups
//	statusbar.go  StatusBar: counts, filters and messages
//	scroller.go   scroller: the window that Detail, Card and HelpPage scroll
//	text.go       wrapped, styled lines (docBuilder), evidence lists, search
//	              highlighting, number words
//	keys.go       KeyMap, grouped by context; DefaultKeyMap
//	work.go       the work keys on an item or the view, the command line's
//	              Hooks, and the word for a key nobody knows
//	yank.go       y then a letter: copying through the terminal (OSC 52)
//	open.go       o: the source in the browser ($BROWSER, or the system's)
//	edit.go       e: $VISUAL or $EDITOR at the item's line, then reloading
//	info.go       InfoPage: the story's own page (i) and the symbols' legend
//	exportview.go x: exporting the view through the Export hook
//	config.go     Settings: actions by name, rebinding, clashes, the Theme
//	styles.go     Palette and Styles, for light and dark backgrounds
//	layout.go     computeLayout, a pure function of size and focus, and the
//	              measuring helpers (frame, fitLines, fitWidth, truncate)
//
// Every component has a constructor, SetSize, Update returning its own
// type, View and HelpKeys (component.go); the App talks to it through
// these and its methods, never its fields, and no View changes state.
package ui
