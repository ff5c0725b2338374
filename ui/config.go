package ui

// Settings from the user's config file: keys rebound by action name, and a
// theme. The command line reads and checks the file; this file names the
// actions, rebinds them, finds clashes and builds the themed styles.

import (
	"fmt"
	"image/color"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"

	"github.com/dateline/dateline/model"
)

// Settings are the user's: the key map and the theme.
type Settings struct {
	// Keys replaces DefaultKeyMap when set.
	Keys *KeyMap
	// Theme picks the colours.
	Theme Theme
}

// Action is one binding of the key map, named for the config file as
// group.action ("timeline.open", "work.yank"), with its help.
type Action struct {
	Name, Group, Desc string
	Keys              []string
}

// kebab turns a Go name into words joined by hyphens: NextMatch → next-match.
func kebab(s string) string {
	var b strings.Builder
	for i, r := range s {
		if unicode.IsUpper(r) && i > 0 {
			b.WriteByte('-')
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// bindings walks every binding of the key map in the order of its groups
// and fields, with its action name and group title.
func (k *KeyMap) bindings(fn func(name, group string, b *key.Binding)) {
	v := reflect.ValueOf(k).Elem()
	groups := k.Groups()
	for i := range v.NumField() {
		g := v.Field(i)
		for j := range g.NumField() {
			name := kebab(v.Type().Field(i).Name) + "." + kebab(g.Type().Field(j).Name)
			fn(name, groups[i].Title, g.Field(j).Addr().Interface().(*key.Binding))
		}
	}
}

// bindingsOf is every binding of one group of the key map.
func bindingsOf(group any) []key.Binding {
	v := reflect.ValueOf(group)
	out := make([]key.Binding, v.NumField())
	for i := range out {
		out[i] = v.Field(i).Interface().(key.Binding)
	}
	return out
}

// Actions lists every action of the key map, in the ? page's order of
// groups.
func (k KeyMap) Actions() []Action {
	var out []Action
	k.bindings(func(name, group string, b *key.Binding) {
		out = append(out, Action{Name: name, Group: group, Desc: b.Help().Desc, Keys: b.Keys()})
	})
	return out
}

// Rebind gives the action name the keys; its help shows them. It fails for
// an action the key map does not have, suggesting the nearest name.
func (k *KeyMap) Rebind(name string, keys []string) error {
	found := false
	var names []string
	k.bindings(func(n, _ string, b *key.Binding) {
		names = append(names, n)
		if n == name {
			found = true
			b.SetKeys(keys...)
			b.SetHelp(strings.Join(keys, "/"), b.Help().Desc)
		}
	})
	if !found {
		msg := fmt.Sprintf("unknown action %q", name)
		if s := model.Suggest(name, names); s != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		}
		return fmt.Errorf("%s; `dateline config` lists the actions", msg)
	}
	for _, key := range keys {
		if strings.TrimSpace(key) == "" {
			return fmt.Errorf("action %q: an empty key", name)
		}
	}
	return nil
}

// sharesKeys reports whether two groups' keys can reach the program at
// the same time, so that one key must not mean two actions across them.
func sharesKeys(g1, g2 string) bool {
	if g1 == g2 {
		return true
	}
	panes := []string{"global", "scroll", "work", "timeline", "detail"}
	if slices.Contains(panes, g1) && slices.Contains(panes, g2) {
		return !(g1 == "timeline" && g2 == "detail" || g1 == "detail" && g2 == "timeline")
	}
	pair := g1 + "+" + g2
	return pair == "positions+global" || pair == "global+positions"
}

// Clash finds a key that the actions named in changed share with another
// action where both work at once, other than the defaults' own sharing
// (esc closes and goes back). It returns the changed action and the
// message, or "" when there is none.
func (k KeyMap) Clash(changed []string) (action string, msg string) {
	defaults := map[string][]string{}
	for _, a := range DefaultKeyMap().Actions() {
		defaults[a.Name] = a.Keys
	}
	acts := k.Actions()
	group := func(name string) string { g, _, _ := strings.Cut(name, "."); return g }
	for _, name := range changed {
		i := slices.IndexFunc(acts, func(a Action) bool { return a.Name == name })
		if i < 0 {
			continue
		}
		for _, key := range acts[i].Keys {
			for _, other := range acts {
				if other.Name == name || !slices.Contains(other.Keys, key) || !sharesKeys(group(name), group(other.Name)) {
					continue
				}
				if slices.Contains(defaults[name], key) && slices.Contains(defaults[other.Name], key) {
					continue
				}
				return name, fmt.Sprintf("key %q of %s is also %s (%s); give one of them another key", key, name, other.Name, other.Desc)
			}
		}
	}
	return "", ""
}

// Theme is the config file's choice of colours: Mode auto (ask the
// terminal), dark or light, and colours by role (ThemeRoles) over it.
type Theme struct {
	Mode   string
	Colors map[string]string
}

// ThemeModes are the values of theme: other than colours by role.
var ThemeModes = []string{"auto", "dark", "light"}

// ThemeRoles name the palette's colours in the config file.
var ThemeRoles = []string{"fg", "muted", "subtle", "accent", "border", "focus", "selection-bg", "selection-fg",
	"match-bg", "match-fg", "supports", "opposes", "conditional", "neutral", "unclear", "none"}

var hexColor = regexp.MustCompile(`^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$`)

// ValidColor reports whether s is a colour the theme takes: #RGB,
// #RRGGBB, or an ANSI colour number 0-255.
func ValidColor(s string) bool {
	if hexColor.MatchString(s) {
		return true
	}
	n, err := strconv.Atoi(s)
	return err == nil && n >= 0 && n <= 255 && strconv.Itoa(n) == s
}

// palette is the palette for a background, as the theme changes it, and
// whether it is dark.
func (t Theme) palette(isDark bool) (Palette, bool) {
	switch t.Mode {
	case "dark":
		isDark = true
	case "light":
		isDark = false
	}
	p := NewPalette(isDark)
	slots := map[string]*color.Color{
		"fg": &p.Fg, "muted": &p.Muted, "subtle": &p.Subtle, "accent": &p.Accent, "border": &p.Border,
		"focus": &p.Focus, "selection-bg": &p.SelBg, "selection-fg": &p.SelFg, "match-bg": &p.MatchBg, "match-fg": &p.MatchFg,
	}
	for role, c := range t.Colors {
		col := lipgloss.Color(c)
		if slot, ok := slots[role]; ok {
			*slot = col
		} else if st := model.Stance(role); p.Stance[st] != nil {
			p.Stance = cloneStances(p.Stance)
			p.Stance[st] = col
		}
	}
	return p, isDark
}

func cloneStances(m map[model.Stance]color.Color) map[model.Stance]color.Color {
	out := make(map[model.Stance]color.Color, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// styles are the styles for a terminal background, as the theme says.
func (t Theme) styles(isDark bool) Styles { return NewStylesFrom(t.palette(isDark)) }

// applyTheme draws in the theme's colours at once when they do not wait
// for the terminal's background.
func (a *App) applyTheme() {
	if a.theme.Mode == "" || a.theme.Mode == "auto" && len(a.theme.Colors) == 0 {
		return
	}
	width := a.styles.Width
	*a.styles = a.theme.styles(a.theme.Mode != "light")
	a.styles.Width = width
	a.help.Styles = a.styles.Help
	a.restyled()
}
