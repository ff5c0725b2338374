package ui

import (
	"reflect"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
)

// TestHelpShowsEveryBinding walks every binding of every group of the key
// map by reflection, so that a binding added to a group but left out of
// Groups, or a group left out of the ? page, fails here.
func TestHelpShowsEveryBinding(t *testing.T) {
	km := DefaultKeyMap()
	groups := km.Groups()
	v := reflect.ValueOf(km)
	if v.NumField() != len(groups) {
		t.Fatalf("KeyMap has %d groups, Groups lists %d", v.NumField(), len(groups))
	}
	a := press(t, newApp(t, 120, 60), "?")
	if a.helpPage.view.More() {
		t.Fatal("the ? page does not fit 120×60; the test needs it whole")
	}
	page := screen(a)
	want := map[string]int{} // "key   desc" as the page draws it → how many bindings say it
	bindingType := reflect.TypeFor[key.Binding]()
	for i := range v.NumField() {
		group, name := v.Field(i), v.Type().Field(i).Name
		if !strings.Contains(page, groups[i].Title) {
			t.Errorf("the ? page lacks the title %q of group %s", groups[i].Title, name)
		}
		for j := range group.NumField() {
			f := group.Type().Field(j)
			if f.Type != bindingType {
				t.Fatalf("%s.%s is a %s, not a key.Binding", name, f.Name, f.Type)
			}
			b := group.Field(j).Interface().(key.Binding)
			if b.Help().Key == "" || b.Help().Desc == "" {
				t.Errorf("%s.%s has no help", name, f.Name)
			}
			listed := false
			for _, g := range groups[i].Bindings {
				listed = listed || reflect.DeepEqual(g, b)
			}
			if !listed {
				t.Errorf("%s.%s (%s %s) is not in the group %q of Groups", name, f.Name, b.Help().Key, b.Help().Desc, groups[i].Title)
			}
			want[fitWidth(a.styles.Width, b.Help().Key, 12)+b.Help().Desc]++
		}
	}
	for entry, n := range want {
		if got := strings.Count(page, entry); got < n {
			t.Errorf("the ? page shows %q %d times, want %d (once per group that binds it)", entry, got, n)
		}
	}
}
