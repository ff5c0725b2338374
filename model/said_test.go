package model

import (
	"slices"
	"testing"

	"github.com/dateline/dateline/model/edtf"
)

func TestSaid(t *testing.T) {
	s := &Story{
		Actors: []Actor{{ID: "us", Name: "US", Kind: KindGovernment}, {ID: "kirby", Name: "Kirby", Kind: KindPerson, Parent: "us"}, {ID: "cn", Name: "China", Kind: KindGovernment}},
		Topics: []Topic{{ID: "plan", Title: "Plan"}, {ID: "other", Title: "Other"}},
		Events: []Event{{ID: "e1", Title: "E", Actors: []Role{{Actor: "kirby"}}, Topics: []string{"plan"}}},
		Statements: []Statement{
			{ID: "s1", Speaker: "kirby", Date: edtf.MustParse("2023-03-18"), Quote: "no", Stances: []TopicStance{{"plan", StanceOpposes}}},
			{ID: "s2", Speaker: "kirby", Date: edtf.MustParse("2023-03-19"), Quote: "never", Stances: []TopicStance{{"plan", StanceOpposes}, {"other", StanceSupports}}},
			{ID: "s3", Speaker: "cn", Date: edtf.MustParse("2023-03-17"), Quote: "yes", Stances: []TopicStance{{"plan", StanceSupports}}},
			{ID: "s4", Speaker: "us", Date: edtf.MustParse("2023-03-20"), Quote: "maybe", Stances: []TopicStance{{"plan", StanceConditional}}},
		},
	}
	if ps := Validate("t", s); len(ps) > 0 {
		t.Fatal(ps)
	}
	ix := NewIndex(s)
	ids := func(sd Said) []string {
		var out []string
		for _, p := range sd.Statements {
			out = append(out, ix.At(p).ID())
		}
		return out
	}
	for _, c := range []struct {
		actor, topic string
		want         []string
		common       Stance
	}{
		{"kirby", "plan", []string{"s1", "s2"}, StanceOpposes},
		{"us", "plan", []string{"s1", "s2", "s4"}, StanceOpposes}, // kirby is under the us
		{"kirby", "other", []string{"s2"}, StanceSupports},
		{"cn", "other", nil, StanceNone},
		{"nobody", "plan", nil, StanceNone},
	} {
		got := ix.Said(c.actor, c.topic)
		if !slices.Equal(ids(got), c.want) || got.Common() != c.common {
			t.Errorf("Said(%s, %s) = %v %s, want %v %s", c.actor, c.topic, ids(got), got.Common(), c.want, c.common)
		}
	}
}
