package model

import (
	"strings"
	"testing"

	"github.com/dateline/dateline/content"
	"github.com/dateline/dateline/model/edtf"
)

// Validate checks stories built in code by the rules Load applies, and
// names each problem by its path, as there are no lines.
func TestValidate(t *testing.T) {
	cases := []struct {
		name  string
		spoil func(s *Story)
		want  []string // each problem's text after "code: "
	}{
		{"valid", func(s *Story) {}, nil},
		{"missing speaker", func(s *Story) { s.Statements[0].Speaker = "kremln" },
			[]string{`statements[0].speaker: speaker "kremln" is not an actor (did you mean "kremlin"?)`}},
		{"missing actor in an event", func(s *Story) { s.Events[1].Actors[0].Actor = "ghost" },
			[]string{`events[1].actors[0].actor: actor "ghost" is not an actor`}},
		{"duplicate id across kinds", func(s *Story) { s.Topics = append(s.Topics, Topic{ID: "putin", Title: "Putin"}) },
			[]string{`topics[3].id: duplicate id "putin": ids must be unique across the story; rename this one or the actor it already names (first used at actors[1])`}},
		{"evidence missing", func(s *Story) { s.Positions[0].Evidence = nil },
			[]string{`positions[0]: position of "russia" on "warrant" has no evidence`}},
		{"evidence is a topic", func(s *Story) { s.Positions[0].Evidence = []string{"visit"} },
			[]string{`positions[0].evidence[0]: evidence "visit" names a topic`}},
		{"stance on a missing topic", func(s *Story) { s.Statements[0].Stances[0].Topic = "warrants" },
			[]string{`statements[0].stances[0]: stance on topic "warrants" is not a topic (did you mean "warrant"?)`}},
		{"bad stance", func(s *Story) { s.Positions[0].Stance = "opposed" },
			[]string{`positions[0].stance: stance "opposed" is not a stance (did you mean "opposes"?)`}},
		{"two positions on one question", func(s *Story) {
			s.Positions = append(s.Positions, s.Positions[0])
		}, []string{`positions[3]: a second position of "russia" on "warrant" taking effect on 2023-03-17; give each step its own date: (the day its stance took effect), or merge them (first used at positions[0])`}},
		{"a later step on one question", func(s *Story) {
			p := s.Positions[0]
			p.Date, p.Stance = edtf.MustParse("2023-03-20"), StanceUnclear
			s.Positions = append(s.Positions, p)
		}, nil},
		{"two steps dated alike", func(s *Story) {
			p := s.Positions[0]
			p.Date = edtf.MustParse("2023-03-17")
			s.Positions = append(s.Positions, p)
		}, []string{`positions[3].date: a second position of "russia" on "warrant" taking effect on 2023-03-17; give each step its own date: (the day its stance took effect), or merge them (first used at positions[0])`}},
		{"reacts to a statement", func(s *Story) { s.Statements[1].ReactsTo = "s-void" },
			[]string{`statements[1].reacts_to: reacts_to "s-void" names a statement, not an event`}},
		{"parent cycle", func(s *Story) { s.Actors[0].Parent = "putin" }, []string{
			`actors[0].parent: actor "russia" is its own ancestor`,
			`actors[1].parent: actor "putin" is its own ancestor`,
		}},
		{"several at once", func(s *Story) {
			s.Events[0].Topics = append(s.Events[0].Topics, "nope")
			s.Statements[0].Citation.Source = "papr"
			s.Actors[2].Kind = "state"
		}, []string{
			`actors[2].kind: kind "state" is not an actor kind`,
			`events[0].topics[1]: topic "nope" is not a topic`,
			`statements[0].citation.source: source "papr" is not a source (did you mean "paper"?)`,
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := testStory()
			c.spoil(s)
			ps := Validate("code", s)
			if len(ps) != len(c.want) {
				t.Fatalf("%d problems, want %d:\n%v", len(ps), len(c.want), ps)
			}
			for _, w := range c.want {
				found := false
				for _, p := range ps {
					found = found || strings.HasPrefix(p.Error(), "code: ") && strings.Contains(p.Error(), w)
				}
				if !found {
					t.Errorf("no problem %q in:\n%v", w, ps)
				}
			}
		})
	}
}

// The built-in story loads cleanly and records the positions the article
// does, and none where it records nothing.
func TestBuiltInStory(t *testing.T) {
	s, warns, err := Load(content.StoryName, content.Story())
	if err != nil {
		t.Fatalf("built-in story:\n%v", err)
	}
	if len(warns) > 0 {
		t.Errorf("built-in story has warnings:\n%v", warns)
	}
	ix := NewIndex(s)
	if ix.Len() != len(s.Events)+len(s.Statements) {
		t.Errorf("index holds %d items of %d", ix.Len(), len(s.Events)+len(s.Statements))
	}
	cases := []struct {
		actor, topic string
		want         Stance
	}{
		{"russia", "warrant", StanceOpposes},
		{"china", "ceasefire-proposal", StanceSupports},
		{"russia", "ceasefire-proposal", StanceSupports},
		{"ukraine", "ceasefire-proposal", StanceConditional},
		{"united-states", "ceasefire-proposal", StanceOpposes},
		// The article records nothing here.
		{"ukraine", "warrant", StanceNone},
		{"ukraine", "visit", StanceNone},
		{"united-states", "warrant", StanceNone},
		{"icc", "ceasefire-proposal", StanceNone},
		{"kirby", "ceasefire-proposal", StanceNone}, // recorded at the state, not inherited
	}
	for _, c := range cases {
		p := ix.Position(c.actor, c.topic)
		if p.Stance != c.want {
			t.Errorf("%s on %s = %s, want %s", c.actor, c.topic, p.Stance, c.want)
		}
		if (p.Stance == StanceNone) != (len(p.Evidence) == 0) {
			t.Errorf("%s on %s: stance %s with evidence %v", c.actor, c.topic, p.Stance, p.Evidence)
		}
		for _, ev := range p.Evidence {
			if _, ok := ix.Lookup(ev); !ok {
				t.Errorf("%s on %s: evidence %q is not on the timeline", c.actor, c.topic, ev)
			}
		}
	}
	// The ids, so that flags work the way a reader types them.
	for _, id := range []string{"putin", "xi", "kremlin", "russia", "china", "ukraine", "united-states", "kirby", "icc"} {
		if _, ok := ix.Actor(id); !ok {
			t.Errorf("no actor %q", id)
		}
	}
	for _, id := range []string{"warrant", "visit", "ceasefire-proposal"} {
		if _, ok := ix.Topic(id); !ok {
			t.Errorf("no topic %q", id)
		}
	}
	russia := ix.Descendants("russia")
	for _, id := range []string{"putin", "kremlin", "russian-state-tv"} {
		if !sameSet(intersect(russia, []string{id}), []string{id}) {
			t.Errorf("russia does not take in %s: %v", id, russia)
		}
	}
	// --actor russia keeps the Kremlin's rejection of the warrant.
	rows := idsAt(ix, ix.Query(Filter{Actors: []string{"russia"}, Topics: []string{"warrant"}}))
	for _, id := range []string{"kremlin-warrant-void", "icc-warrant"} {
		if !strings.Contains(strings.Join(rows, " "), id) {
			t.Errorf("russia on the warrant lacks %s: %v", id, rows)
		}
	}
}
