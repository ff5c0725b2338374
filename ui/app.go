package ui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/text"
)

// focus is the pane keys go to.
type focus int

const (
	focusTimeline focus = iota
	focusDetail
)

// overlay is what covers the body, if anything.
type overlay int

const (
	overlayNone overlay = iota
	overlayHelp
	overlayActors
	overlayTopics
	overlayPositions
	overlayCard
	overlayInfo // info.go
)

// App is the root of the explorer.
type App struct {
	ix     *model.Index
	name   string
	keys   KeyMap
	styles *Styles
	help   help.Model

	width, height int
	sized         bool // a size has been reported, even 0×0
	lay           layout

	focus   focus
	overlay overlay
	// cardFrom and helpFrom are the overlays to return to when the card
	// or help closes.
	cardFrom, helpFrom overlay

	filter model.Filter
	// gen numbers queries; a result for an older one is stale and dropped.
	gen     int
	cancel  context.CancelFunc
	pending bool
	// prompt is what the bottom line's text input (search) is asking
	// for, if anything (prompt.go).
	prompt promptKind
	search textinput.Model
	find   finder   // find.go
	jumps  jumpList // jumps.go
	count  int      // a count typed before a motion (count.go), 0 for none
	// chosen is the id of the item the user last selected: rows that hold
	// it again (a filter cleared, a search closed, a save complete) select
	// it again, wherever the selection went meanwhile.
	chosen string

	timeline  Timeline
	detail    Detail
	positions Positions
	picker    Picker
	card      Card
	helpPage  HelpPage
	known     paneKeys // what the panes take, for knownKey
	status    StatusBar

	message    string
	messageErr bool
	// crash keeps a panic for Run to report once the terminal is back;
	// every copy of the App shares it.
	crash     *crashSlot
	crashKey  crashKeys
	crashView bool // the view: crash key was pressed
	// banner is a lasting error, such as a broken save while watching.
	banner string
	reload Reloader
	// load is set until the story arrives (see NewLoading).
	load *loading
	// indexed says the story's index is complete; until then the rows
	// show and the panes that need the rest (the matrix, the pickers'
	// counts) wait for indexedMsg.
	indexed bool
	// after is a key that needs the index, kept until it is complete
	// (afterindex.go).
	after afterIndex
	// work.go: the command line's hooks, what the work keys remember,
	// the story's page and the user's theme.
	hooks Hooks
	work  workState
	info  InfoPage
	theme Theme
}

// New makes the explorer over ix, named name, opening with filter f.
func New(ix *model.Index, name string, f model.Filter) App {
	a := newShell(name, f)
	a.adopt(ix)
	return a
}

// newShell makes an app with everything but a story.
func newShell(name string, f model.Filter) App {
	st := NewStyles(true)
	in := textinput.New()
	keys := DefaultKeyMap()
	a := App{name: text.CleanLine(name), keys: keys, known: newPaneKeys(keys), styles: &st, help: help.New(), filter: f, search: in, crash: &crashSlot{}}
	a.help.Styles = st.Help
	a.helpPage = NewHelpPage(a.styles, keys)
	return a
}

// adopt makes ix the story shown: fresh components, laid out, with the rows
// of the current filter.
func (a *App) adopt(ix *model.Index) {
	a.ix = ix
	a.timeline = NewTimeline(ix, a.styles, a.keys)
	a.detail = NewDetail(ix, a.styles, a.keys)
	a.indexed = ix.Complete()
	a.positions = Positions{}
	if a.indexed {
		a.positions = NewPositions(ix, a.styles, a.keys)
	}
	a.status = NewStatusBar(ix, a.styles)
	a.gen++ // a query under way is for another story
	a.pending = false
	a.relayout()
	a.setRows(ix.Query(a.filter))
	a.sync()
}

// Init implements tea.Model: ask the terminal for its background colour.
func (a App) Init() tea.Cmd {
	if a.load != nil {
		return a.crash.guard(tea.Batch(tea.RequestBackgroundColor, a.load.run, tickLoad()))
	}
	return a.crash.guard(tea.Batch(tea.RequestBackgroundColor, a.waitReload(), waitIndexed(a.ix), prepareSearch(a.ix)))
}

// indexedMsg says that ix's index is complete.
type indexedMsg struct{ ix *model.Index }

// waitIndexed tells the app when ix's index is complete.
func waitIndexed(ix *model.Index) tea.Cmd {
	return func() tea.Msg {
		<-ix.Ready()
		return indexedMsg{ix}
	}
}

// prepareSearch builds the index's search text in the background, so that
// the first keystroke of a search on a big story does not pay for it.
func prepareSearch(ix *model.Index) tea.Cmd {
	return func() tea.Msg {
		ix.PrepareSearch()
		return nil
	}
}

// restyled redraws what caches styles or widths after either changes.
func (a *App) restyled() {
	if a.load != nil {
		return // adopt builds everything once the story is there
	}
	a.timeline, _ = a.timeline.Update(restyledMsg{})
	a.detail, _ = a.detail.Update(restyledMsg{})
	a.card, _ = a.card.Update(restyledMsg{})
	a.helpPage, _ = a.helpPage.Update(restyledMsg{})
	a.info, _ = a.info.Update(restyledMsg{})
	a.relayout()
}

// sync tells the timeline and the status bar what the app's state now
// says; Update calls it after every message, so that View only draws.
func (a *App) sync() {
	a.timeline.SetNeedle(a.needle())
	a.showDetail() // nothing to do unless the selection or the needle changed
	msg, isErr := a.message, a.messageErr
	switch {
	case a.banner != "" && msg == "":
		msg, isErr = a.banner, true
	case a.pending && msg == "":
		msg = "counting…"
	}
	shown := a.timeline.Len()
	if a.pending {
		shown = -1 // not counted yet
	}
	a.status.Show(shown, a.filter, msg, isErr)
	if a.after.on && (a.prompt != promptNone || a.overlay != overlayNone) {
		a.forgetWait(false) // something else was opened meanwhile
	}
	a.status.SetNote(joinNotes(a.countNote(), a.findNote(), a.waitNote()))
}

// Update implements tea.Model. A panic here or in a command it returns is
// kept for Run and quits the program (crash.go).
func (a App) Update(msg tea.Msg) (m tea.Model, cmd tea.Cmd) {
	defer func() {
		if r := recover(); r != nil {
			a.crash.record(r)
			m, cmd = a, tea.Quit
		}
	}()
	if _, ok := msg.(crashMsg); ok {
		return a, tea.Quit
	}
	m, cmd = a.update(msg)
	return m, a.crash.guard(cmd)
}

// update routes msg. Order: the terminal's answers, resize, keys (global
// ones skipped while a text input has focus), mouse, data messages to
// their owners.
func (a App) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if a.load != nil {
		if cmd, ok := a.handleTerminal(msg); ok {
			return a, cmd
		}
		return a.updateLoading(msg)
	}
	cmd := a.route(msg)
	a.sync()
	return a, cmd
}

// handleTerminal takes the terminal's answers about its background and the
// way it counts cells; ok is false for other messages.
func (a *App) handleTerminal(msg tea.Msg) (cmd tea.Cmd, ok bool) {
	if bg, ok := msg.(tea.BackgroundColorMsg); ok {
		width := a.styles.Width // the terminal's answers may come in any order
		*a.styles = a.theme.styles(bg.IsDark())
		a.styles.Width = width
		a.help.Styles = a.styles.Help
		a.restyled()
		return nil, true
	}
	if mode, ok := msg.(tea.ModeReportMsg); ok && mode.Mode == ansi.ModeUnicodeCore {
		// Bubble Tea switches its renderer to grapheme widths on any of
		// these answers; measure the same way from now on.
		if mode.Value == ansi.ModeReset || mode.Value == ansi.ModeSet || mode.Value == ansi.ModePermanentlySet {
			a.styles.Width = ansi.GraphemeWidth
			a.restyled()
		}
		return nil, true
	}
	return nil, false
}

// route sends msg where it belongs and returns what it asks for.
func (a *App) route(msg tea.Msg) tea.Cmd {
	if cmd, ok := a.handleTerminal(msg); ok {
		return cmd
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.handleResize(msg.Width, msg.Height)
		return nil
	case tea.KeyPressMsg:
		return a.handleKey(msg)
	case tea.MouseWheelMsg:
		a.handleWheel(msg.Mouse())
		return nil
	case tea.MouseClickMsg:
		a.handleClick(msg.Mouse())
		return nil
	case rowsMsg:
		if msg.gen == a.gen {
			a.pending = msg.partial
			a.setRows(msg.rows)
			return a.runFind(-1) // the matches among the new rows
		}
		return nil
	case foundMsg:
		a.found(msg)
		return nil
	case followMsg:
		n := a.timeline.Len()
		a.follow(msg)
		return a.refind(n)
	case pickedMsg:
		return a.applyPick(msg.kind, msg.ids)
	case showItemsMsg:
		return a.applyPick(pickActors, []string{msg.actor})
	case pickerClosedMsg:
		a.overlay = overlayNone
		return nil
	case jumpMsg:
		a.overlay = overlayNone
		a.recordJump()
		n := a.timeline.Len()
		a.jumpTo(msg.pos)
		return a.refind(n)
	case reloadMsg:
		if msg.err != nil {
			a.banner = "Not reloaded, showing the last good version: " + oneLine(msg.err.Error())
			a.message = ""
			return a.waitReload()
		}
		a.banner = ""
		a.swapStory(msg.ix)
		a.message = "Reloaded"
		return tea.Batch(a.waitReload(), prepareSearch(msg.ix))
	case openCardMsg:
		a.openCard(msg.actor)
		return nil
	case indexedMsg:
		if msg.ix == a.ix && !a.indexed {
			a.indexed = true
			a.positions = NewPositions(a.ix, a.styles, a.keys)
			a.relayout()
			return a.takeWait()
		}
		return nil
	}
	if cmd, ok := a.routeWork(msg); ok {
		return cmd
	}
	// Anything else (the cursor's blink) goes to the text input in use.
	var cmd tea.Cmd
	switch {
	case a.prompt != promptNone:
		a.search, cmd = a.search.Update(msg)
	case a.overlay == overlayActors || a.overlay == overlayTopics:
		a.picker, cmd = a.picker.Update(msg)
	}
	return cmd
}

func (a *App) handleResize(w, h int) {
	a.width, a.height, a.sized = w, h, true
	a.relayout()
}

// relayout lays the screen out again and sizes every child to its place.
func (a *App) relayout() {
	a.lay = computeLayout(a.width, a.height, a.styles.Pane, a.focus == focusDetail)
	if a.lay.tooSmall {
		return
	}
	a.timeline.SetSize(a.lay.timelineIn.W, a.lay.timelineIn.H)
	a.detail.SetSize(a.lay.detailIn.W, a.lay.detailIn.H)
	in := a.lay.body.inner(a.lay.frameW, a.lay.frameH)
	a.positions.SetSize(in.W, in.H)
	a.picker.SetSize(in.W, in.H)
	a.card.SetSize(in.W, in.H)
	a.helpPage.SetSize(in.W, in.H)
	a.info.SetSize(in.W, in.H)
	a.status.SetSize(a.width, 1)
	a.help.SetWidth(max(1, a.width-1))
	a.search.SetWidth(max(1, a.width-4))
}

func (a *App) handleKey(k tea.KeyPressMsg) tea.Cmd {
	a.message, a.messageErr = "", false
	count := a.count
	a.count = 0 // a count lasts for the one key after it
	switch c := a.crashKey; {
	case c.update != "" && k.String() == c.update:
		panic("crash requested with DATELINE_CRASH_KEY")
	case c.cmd != "" && k.String() == c.cmd:
		return func() tea.Msg { panic("crash requested with DATELINE_CRASH_KEY in a command") }
	case c.view != "" && k.String() == c.view:
		a.crashView = true
	}
	g := a.keys.Global
	if key.Matches(k, g.ForceQuit) {
		return tea.Quit
	}
	if a.lay.tooSmall {
		if key.Matches(k, g.Quit) {
			return tea.Quit
		}
		return nil
	}
	if a.prompt != promptNone {
		return a.handlePromptKey(k)
	}
	if a.overlay != overlayNone {
		return a.handleOverlayKey(k)
	}
	if cmd, ok := a.handleWorkKey(k); ok {
		return cmd
	}
	if a.focus == focusTimeline && a.takeDigit(k, count) {
		return nil
	}
	if count > 0 && a.focus == focusTimeline && a.countedMove(k, count) {
		return nil
	}
	switch {
	case key.Matches(k, g.Quit):
		return tea.Quit
	case key.Matches(k, g.Help):
		a.openHelp(overlayNone)
	case key.Matches(k, g.Search):
		return a.startFind()
	case key.Matches(k, g.KeepMatches):
		return a.keepMatches()
	case key.Matches(k, g.GoToDate):
		return a.openPrompt(promptDate, "")
	case key.Matches(k, g.Dates):
		return a.openPrompt(promptRange, rangeText(a.filter.Since, a.filter.Until))
	case key.Matches(k, g.Back), key.Matches(k, g.Forward):
		n := a.timeline.Len()
		a.jumpBack(key.Matches(k, g.Forward))
		return a.refind(n)
	case !a.indexed && (key.Matches(k, g.Actors) || key.Matches(k, g.Topics) || key.Matches(k, g.Positions)):
		return a.waitForIndex(k)
	case a.after.on && k.String() == "esc":
		a.forgetWait(true)
	case key.Matches(k, g.Actors):
		a.openPicker(pickActors)
	case key.Matches(k, g.Topics):
		a.openPicker(pickTopics)
	case key.Matches(k, g.Positions):
		a.overlay = overlayPositions
	case key.Matches(k, g.Clear):
		hadFind := a.find.text != ""
		a.find.text = ""
		a.stopFind()
		if !a.filter.Active() {
			a.message = "No filters to clear"
			if hadFind {
				a.message = "Find cleared"
			}
			return nil
		}
		a.filter = model.Filter{}
		a.message = "Filters cleared"
		return a.refilter()
	case key.Matches(k, g.NextPane), key.Matches(k, g.PrevPane):
		a.setFocus(1 - a.focus)
	case key.Matches(k, g.NextMatch):
		a.nextMatch(max(1, count))
	case key.Matches(k, g.PrevMatch):
		a.nextMatch(-max(1, count))
	case a.focus == focusTimeline && key.Matches(k, a.keys.Timeline.Open):
		if a.timeline.Len() > 0 {
			a.setFocus(focusDetail)
		}
	case a.focus == focusTimeline:
		if key.Matches(k, a.keys.Scroll.Top) || key.Matches(k, a.keys.Scroll.Bottom) {
			a.recordJump()
		}
		a.timeline, _ = a.timeline.Update(k)
		a.showSelected()
	case a.focus == focusDetail && key.Matches(k, a.keys.Detail.Back):
		a.setFocus(focusTimeline)
	case a.focus == focusDetail:
		var cmd tea.Cmd
		a.detail, cmd = a.detail.Update(k)
		return cmd
	}
	return nil
}

func (a *App) handleWheel(m tea.Mouse) {
	if a.lay.tooSmall || a.overlay != overlayNone {
		return
	}
	step := 3
	if m.Button == tea.MouseWheelUp {
		step = -3
	} else if m.Button != tea.MouseWheelDown {
		return
	}
	switch {
	case a.lay.showTimeline && a.lay.timeline.contains(m.X, m.Y):
		a.timeline.Move(step)
		a.showSelected()
	case a.lay.showDetail && a.lay.detail.contains(m.X, m.Y):
		a.detail.Scroll(step)
	}
}

func (a *App) handleClick(m tea.Mouse) {
	if a.lay.tooSmall || a.overlay != overlayNone || m.Button != tea.MouseLeft {
		return
	}
	in := a.lay.timelineIn
	switch {
	case a.lay.showTimeline && in.contains(m.X, m.Y):
		if a.timeline.Click(m.X-in.X, m.Y-in.Y) {
			a.setFocus(focusTimeline)
			a.showSelected()
		}
	case a.lay.showDetail && a.lay.detail.contains(m.X, m.Y):
		a.setFocus(focusDetail)
	}
}

func (a *App) setFocus(f focus) {
	if a.focus == f {
		return
	}
	a.focus = f
	if a.lay.mode == modeSingle {
		a.relayout()
	}
}

// showSelected is for the user moving the selection: it remembers the
// item as the one chosen (see setRows) and puts it in the detail pane.
func (a *App) showSelected() {
	if pos, ok := a.timeline.Selected(); ok {
		a.chosen = a.ix.At(pos).ID()
	}
	a.showDetail()
}

// showDetail puts the selected item in the detail pane.
func (a *App) showDetail() {
	pos, ok := a.timeline.Selected()
	if !ok {
		pos = -1
	}
	a.detail.Show(pos, a.needle())
}

// jumpTo selects the item at pos, clearing filters that hide it.
func (a *App) jumpTo(pos int) {
	if !a.timeline.Select(pos) {
		a.gen++ // any query under way is for the old filter
		a.filter, a.pending = model.Filter{}, false
		a.setRows(a.ix.Query(a.filter))
		a.timeline.Select(pos)
		a.message = "Filters cleared to show it"
	}
	a.showSelected()
	a.setFocus(focusTimeline)
}

// View implements tea.Model. After a crash it is blank; a panic while
// drawing is kept for Run and quits the program (crash.go).
func (a App) View() (v tea.View) {
	if a.crash.crashed() != nil {
		return tea.View{AltScreen: a.load == nil}
	}
	defer func() {
		if r := recover(); r != nil && a.crash.record(r) {
			v = tea.View{AltScreen: a.load == nil}
			if a.crash.quit != nil {
				go a.crash.quit() // View runs on the loop that Quit waits for
			}
		}
	}()
	if a.crashView {
		panic("crash requested with DATELINE_CRASH_KEY in View")
	}
	if a.load != nil {
		return tea.NewView(a.loadingView())
	}
	v = tea.NewView(a.render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "dateline · " + ansi.Strip(a.storyTitle())
	return v
}

// storyTitle is the story's title, or its file's name, capped.
func (a App) storyTitle() string {
	if t := a.ix.Story().Title; t != "" {
		return capped(a.styles.Width, t)
	}
	return capped(a.styles.Width, a.name)
}

// tooSmallMsg is shown where the terminal is smaller than minWidth×minHeight.
const tooSmallMsg = "Terminal too small: dateline needs at least %d×%d and has %d×%d. Enlarge the window, or press q to quit."

// render draws the whole screen as exactly height lines of width cells
// (or, on a terminal that reports no size, tooSmallMsg as it is).
func (a App) render() string {
	if a.width <= 0 || a.height <= 0 {
		if !a.sized {
			return "" // no size yet
		}
		// A terminal that reports no size still shows the reason.
		return fmt.Sprintf(tooSmallMsg, minWidth, minHeight, a.width, a.height)
	}
	if a.lay.tooSmall {
		msg := fmt.Sprintf(tooSmallMsg, minWidth, minHeight, a.width, a.height)
		return fitLines(a.styles.Width, a.styles.TooSmall.Render(a.styles.Width.Wrap(msg, a.width, " ")), a.width, a.height)
	}
	var b strings.Builder
	b.WriteString(a.headerView())
	b.WriteByte('\n')
	b.WriteString(a.bodyView())
	b.WriteByte('\n')
	b.WriteString(a.status.View())
	b.WriteByte('\n')
	b.WriteString(a.bottomView())
	return b.String()
}

func (a App) headerView() string {
	right := a.styles.Muted.Render("? help ")
	left := a.styles.HeaderTitle.Render(" dateline ") + a.styles.Header.Render(a.storyTitle())
	room := a.width - a.styles.Width.StringWidth(right)
	return fitWidth(a.styles.Width, truncate(a.styles.Width, left, room-1, "…"), room) + right
}

func (a App) bottomView() string {
	if a.prompt != promptNone {
		return fitWidth(a.styles.Width, a.search.View(), a.width)
	}
	var keys []key.Binding
	switch {
	case a.overlay == overlayActors || a.overlay == overlayTopics:
		keys = a.picker.HelpKeys()
	case a.overlay == overlayPositions:
		keys = a.positions.HelpKeys()
	case a.overlay == overlayCard:
		keys = a.card.HelpKeys()
	case a.overlay == overlayHelp:
		keys = a.helpPage.HelpKeys()
	case a.overlay == overlayInfo:
		keys = a.info.HelpKeys()
	case a.focus == focusDetail:
		keys = a.detail.HelpKeys()
	default:
		keys = a.timeline.HelpKeys()
	}
	return fitWidth(a.styles.Width, " "+a.help.ShortHelpView(keys), a.width)
}

func (a App) bodyView() string {
	l := a.lay
	b := l.body
	if a.overlay != overlayNone {
		title, content := a.overlayView()
		return frame(a.styles.Width, a.styles.PaneFocused, a.styles.PaneTitleFocused, title, content, b.W, b.H)
	}
	var panes []string
	if l.showTimeline {
		title := "Timeline"
		if n := a.timeline.Len(); n > 0 {
			title += " " + thousands(a.timeline.Position()) + "/" + thousands(n)
		}
		panes = append(panes, a.pane(title, a.timeline.View(), l.timeline, a.focus == focusTimeline))
	}
	if l.showDetail {
		title := "Detail"
		if a.detail.More() {
			title += " ↓"
		}
		panes = append(panes, a.pane(title, a.detail.View(), l.detail, a.focus == focusDetail))
	}
	if l.mode == modeSide && len(panes) == 2 {
		left := strings.Split(panes[0], "\n")
		right := strings.Split(panes[1], "\n")
		for i := range left {
			if i < len(right) {
				left[i] += right[i]
			}
		}
		return strings.Join(left, "\n")
	}
	return strings.Join(panes, "\n")
}

func (a App) pane(title, content string, r rect, focused bool) string {
	if focused {
		return frame(a.styles.Width, a.styles.PaneFocused, a.styles.PaneTitleFocused, title, content, r.W, r.H)
	}
	return frame(a.styles.Width, a.styles.Pane, a.styles.PaneTitle, title, content, r.W, r.H)
}

// Options are the explorer's settings from the command line.
type Options struct {
	// Reload, when set, follows changes to the story's file.
	Reload Reloader
	// Profile forces a colour profile (--color always or never); Unknown
	// leaves it to the terminal and NO_COLOR.
	Profile  colorprofile.Profile
	Hooks    // work.go
	Settings // config.go
}

// Run shows a progress line while load runs, then the explorer, full
// screen, until the user quits. The load's error (or ErrCancelled, or a
// FilterError) comes back unchanged, and the alternate screen is entered
// only once the story is there.
func Run(name string, f model.Filter, load Loader, opts Options) error {
	var popts []tea.ProgramOption
	if opts.Profile != colorprofile.Unknown {
		popts = append(popts, tea.WithColorProfile(opts.Profile))
	}
	return runProgram(NewLoading(name, f, load).WithReloader(opts.Reload).withOptions(opts), popts...)
}

func runProgram(a App, opts ...tea.ProgramOption) error {
	// DATELINE_CRASH_KEY names a key that panics, so that tests can check
	// that a crash restores the terminal.
	a.crashKey = parseCrashKeys(os.Getenv("DATELINE_CRASH_KEY"))
	p := tea.NewProgram(a, opts...)
	a.crash.quit = p.Quit
	final, err := p.Run()
	clearLoadingLine(final, os.Stdout)
	if c := a.crash.crashed(); c != nil {
		return c
	}
	if errors.Is(err, tea.ErrProgramPanic) {
		// A panic outside the App (Bubble Tea printed it).
		return fmt.Errorf("%w: %w", ErrCrashed, err)
	}
	if err != nil {
		return err
	}
	if f, ok := final.(App); ok && f.load != nil && f.load.err != nil {
		return f.load.err
	}
	return nil
}
