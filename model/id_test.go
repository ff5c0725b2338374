package model_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/dateline/dateline/model"
)

// TestValidIDIsTheRule checks model.ValidID, the one id rule, against the
// rule as documented, ^[a-z0-9][a-z0-9._-]*$, on every string of up to
// three bytes drawn from the characters at its edges, and on the ids that
// Slug and SanitizeID make.
func TestValidIDIsTheRule(t *testing.T) {
	documented := regexp.MustCompile(`^[a-z0-9][a-z0-9._-]*$`)
	alphabet := []string{"a", "z", "0", "9", "A", ".", "_", "-", " ", "/", "é", "\x00", "\xff", "`", "{", "@", "[", ":"}
	words := []string{""}
	for range 3 {
		var next []string
		for _, w := range words {
			for _, c := range alphabet {
				next = append(next, w+c)
			}
		}
		words = append(words, next...)
	}
	words = append(words, "ok-id.1_x", "ukr12345", strings.Repeat("a", 200))
	for _, w := range words {
		if got, want := model.ValidID(w), documented.MatchString(w); got != want {
			t.Errorf("ValidID(%q) = %v, the documented rule says %v", w, got, want)
		}
	}
}

func TestSlug(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Ada Lovelace", "ada-lovelace"},
		{"Rózsa Péter writes recursion", "rozsa-peter-writes-recursion"},
		{"Karen Spärck Jones", "karen-sparck-jones"},
		{"Łódź, Kraków & Gdańsk", "lodz-krakow-gdansk"},
		{"Military Forces of Russia (2000-)", "military-forces-of-russia-2000"},
		{"...And the women", "and-the-women"},
		{"Straße Œuvre Æther", "strasse-oeuvre-aether"},
		{"北京", ""},
		{"", ""},
		{"A very long headline that goes on and on well past the limit of ids", "a-very-long-headline-that-goes-on-and-on-well"},
	} {
		got := model.Slug(tc.in)
		if got != tc.want {
			t.Errorf("Slug(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got != "" && !model.ValidID(got) {
			t.Errorf("Slug(%q) = %q is not a valid id", tc.in, got)
		}
	}
}

func TestSanitizeID(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"ok-id.1_x", "ok-id.1_x"},
		{"UKR12345", "ukr12345"},
		{"Event One!", "event-one"},
		{"_private", "private"},
		{"--", ""},
		{"Événement 2", "evenement-2"},
	} {
		got := model.SanitizeID(tc.in)
		if got != tc.want {
			t.Errorf("SanitizeID(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got != "" && !model.ValidID(got) {
			t.Errorf("SanitizeID(%q) = %q is not a valid id", tc.in, got)
		}
	}
}

// TestTopicStancesJSON: stances marshal as an ordered mapping and read back
// in the same order.
