package ui

// Overlays: help, the pickers, the positions matrix and the actor card,
// which cover the body while open.

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/dateline/dateline/model"
)

func (a *App) handleOverlayKey(k tea.KeyPressMsg) tea.Cmd {
	var cmd tea.Cmd
	switch a.overlay {
	case overlayActors, overlayTopics:
		a.picker, cmd = a.picker.Update(k)
		return cmd
	case overlayCard:
		if key.Matches(k, a.keys.Close) {
			a.overlay = a.cardFrom
			return nil
		}
		if key.Matches(k, a.keys.Help) {
			a.overlay, a.helpFrom, a.helpOff = overlayHelp, overlayCard, 0
			return nil
		}
		a.card, cmd = a.card.Update(k)
		return cmd
	}
	if a.overlay == overlayHelp && (key.Matches(k, a.keys.Close) || key.Matches(k, a.keys.Help)) {
		a.overlay, a.helpFrom = a.helpFrom, overlayNone
		return nil
	}
	if key.Matches(k, a.keys.Close) {
		a.overlay = overlayNone
		return nil
	}
	switch a.overlay {
	case overlayPositions:
		if key.Matches(k, a.keys.Help) {
			a.overlay, a.helpFrom, a.helpOff = overlayHelp, overlayPositions, 0
			return nil
		}
		a.positions, cmd = a.positions.Update(k)
	case overlayHelp:
		switch {
		case key.Matches(k, a.keys.Up):
			a.helpOff = max(0, a.helpOff-1)
		case key.Matches(k, a.keys.Down):
			a.helpOff++
		}
	}
	return cmd
}

func (a *App) openPicker(kind pickerKind) {
	// Counts are under the other filters: what choosing a row would keep.
	others := a.filter
	if kind == pickActors {
		others.Actors = nil
	} else {
		others.Topics = nil
	}
	rows := a.ix.Query(others)
	if kind == pickActors {
		a.picker = NewPicker(a.styles, a.keys, kind, actorEntries(a.ix, a.ix.ActorCounts(rows)), a.filter.Actors)
		a.overlay = overlayActors
	} else {
		a.picker = NewPicker(a.styles, a.keys, kind, topicEntries(a.ix, a.ix.TopicCounts(rows)), a.filter.Topics)
		a.overlay = overlayTopics
	}
	in := a.lay.body.inner(a.lay.frameW, a.lay.frameH)
	a.picker.SetSize(in.W, in.H)
}

func (a *App) openCard(actor string) {
	if a.overlay != overlayCard {
		a.cardFrom = a.overlay
	}
	a.card = Card{st: a.styles, keys: a.keys, actor: actor}
	in := a.lay.body.inner(a.lay.frameW, a.lay.frameH)
	a.card.Resize(a.ix, a.cardItems(), in.W, in.H)
	a.overlay = overlayCard
}

// cardItems counts the items that involve the card's actor.
func (a *App) cardItems() int {
	if a.card.actor == "" {
		return 0
	}
	return len(a.ix.Query(model.Filter{Actors: []string{a.card.actor}}))
}

func (a App) overlayView() (string, string) {
	in := a.lay.body.inner(a.lay.frameW, a.lay.frameH)
	switch a.overlay {
	case overlayHelp:
		lines := helpLines(a.styles, a.keys, in.W)
		off := max(0, min(a.helpOff, len(lines)-in.H))
		return "Keys", fitLines(a.styles.Width, strings.Join(lines[off:], "\n"), in.W, in.H)
	case overlayActors:
		return "Actors", a.picker.View()
	case overlayTopics:
		return "Topics", a.picker.View()
	case overlayPositions:
		return "Positions", a.positions.View()
	case overlayCard:
		return a.ix.ActorName(a.card.actor), a.card.View()
	}
	return "", ""
}
