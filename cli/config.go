package cli

// The user's config file, $XDG_CONFIG_HOME/dateline/config.yaml: keys
// rebound by action, a theme, and defaults such as --color. `dateline
// config` prints the defaults, which is also a file to start from.

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"go.yaml.in/yaml/v3"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/ui"
)

// config is what the file says, checked.
type config struct {
	path     string
	color    string // "" when the file does not say
	settings ui.Settings
}

// configPath is where the config file is: $XDG_CONFIG_HOME/dateline, else
// ~/.config/dateline.
func configPath() string {
	dir := os.Getenv("XDG_CONFIG_HOME")
	if dir == "" || !filepath.IsAbs(dir) {
		home, err := os.UserHomeDir()
		if err != nil {
			return ""
		}
		dir = filepath.Join(home, ".config")
	}
	return filepath.Join(dir, "dateline", "config.yaml")
}

// loadConfig reads the config file; no file is the defaults. A file that
// does not parse, an unknown setting or action, or two actions on one key
// is an error naming the file, the line and the action.
func loadConfig() (config, error) {
	c := config{path: configPath()}
	if c.path == "" {
		return c, nil
	}
	data, err := os.ReadFile(c.path)
	if errors.Is(err, fs.ErrNotExist) {
		return c, nil
	}
	if err != nil {
		return c, usageErr("cannot read the config file %s: %v", c.path, model.UnwrapPathError(err))
	}
	return parseConfig(c.path, data)
}

// configError is a mistake in the config file at a node's line.
func configError(path string, n *yaml.Node, format string, args ...any) error {
	return usageErr("%s:%d: %s; fix or remove it (dateline config prints the defaults)", path, n.Line, fmt.Sprintf(format, args...))
}

func parseConfig(path string, data []byte) (config, error) {
	c := config{path: path}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return c, usageErr("%s: %v; fix or remove it (dateline config prints the defaults)", path, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	if len(root.Content) == 0 {
		return c, nil // empty, or only comments
	}
	doc := root.Content[0]
	if doc.Kind != yaml.MappingNode {
		return c, configError(path, doc, "the config is a mapping of settings (color, theme, keys)")
	}
	for i := 0; i+1 < len(doc.Content); i += 2 {
		k, v := doc.Content[i], doc.Content[i+1]
		var err error
		switch k.Value {
		case "color":
			if v.Kind != yaml.ScalarNode || !slices.Contains([]string{"auto", "always", "never"}, v.Value) {
				return c, configError(path, v, "color is auto, always or never")
			}
			c.color = v.Value
		case "theme":
			c.settings.Theme, err = parseTheme(path, v)
		case "keys":
			c.settings.Keys, err = parseKeys(path, v)
		default:
			err = configError(path, k, "unknown setting %q; the settings are color, theme and keys", k.Value)
		}
		if err != nil {
			return c, err
		}
	}
	return c, nil
}

// parseTheme reads theme: a mode, or a mapping of mode and colours by role.
func parseTheme(path string, v *yaml.Node) (ui.Theme, error) {
	var t ui.Theme
	mode := func(n *yaml.Node) error {
		if n.Kind != yaml.ScalarNode || !slices.Contains(ui.ThemeModes, n.Value) {
			return configError(path, n, "theme is %s, or a mapping of mode and colours by role", strings.Join(ui.ThemeModes, ", "))
		}
		t.Mode = n.Value
		return nil
	}
	if v.Kind != yaml.MappingNode {
		return t, mode(v)
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, c := v.Content[i], v.Content[i+1]
		switch {
		case k.Value == "mode":
			if err := mode(c); err != nil {
				return t, err
			}
		case !slices.Contains(ui.ThemeRoles, k.Value):
			return t, configError(path, k, "theme: unknown role %q; the roles are mode, %s", k.Value, strings.Join(ui.ThemeRoles, ", "))
		case c.Kind != yaml.ScalarNode || !ui.ValidColor(c.Value):
			return t, configError(path, c, "theme: %s is a colour such as \"#FF8800\" or an ANSI number 0-255", k.Value)
		default:
			if t.Colors == nil {
				t.Colors = map[string]string{}
			}
			t.Colors[k.Value] = c.Value
		}
	}
	return t, nil
}

// parseKeys reads keys: each action's key, or list of keys.
func parseKeys(path string, v *yaml.Node) (*ui.KeyMap, error) {
	if v.Kind != yaml.MappingNode {
		return nil, configError(path, v, "keys is a mapping of action to keys, such as work.yank: [Y]")
	}
	km := ui.DefaultKeyMap()
	var changed []string
	lines := map[string]*yaml.Node{}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		var keys []string
		switch val.Kind {
		case yaml.ScalarNode:
			keys = []string{val.Value}
		case yaml.SequenceNode:
			for _, e := range val.Content {
				if e.Kind != yaml.ScalarNode {
					return nil, configError(path, e, "keys: %s: each key is a name such as y, ctrl+o or f5", k.Value)
				}
				keys = append(keys, e.Value)
			}
		default:
			return nil, configError(path, val, "keys: %s is a key or a list of keys", k.Value)
		}
		if len(keys) == 0 {
			return nil, configError(path, val, "keys: %s has no key; leave it out to keep its default", k.Value)
		}
		if err := km.Rebind(k.Value, keys); err != nil {
			return nil, configError(path, k, "keys: %v", err)
		}
		changed = append(changed, k.Value)
		lines[k.Value] = k
	}
	if action, msg := km.Clash(changed); msg != "" {
		return nil, configError(path, lines[action], "keys: %s", msg)
	}
	return &km, nil
}

// defaultConfig is the config file that changes nothing: every setting
// with its default, each action with its keys and help.
func defaultConfig(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# dateline's settings. Put this in %s and change what you like.\n", cmp.Or(configPath(), "$XDG_CONFIG_HOME/dateline/config.yaml"))
	b.WriteString("\n# The default of --color: auto (the terminal and NO_COLOR decide), always or never.\ncolor: auto\n")
	b.WriteString("\n# auto asks the terminal for its background; dark or light choose. Colours by role\n# go in a mapping instead, over a mode:\n")
	fmt.Fprintf(&b, "#   theme:\n#     mode: dark\n#     accent: \"#FF8800\"\n# Roles: %s.\n# A colour is #RGB, #RRGGBB or an ANSI number 0-255.\ntheme: auto\n", strings.Join(ui.ThemeRoles, ", "))
	b.WriteString("\n# Each action (as the ? page groups them) and its keys. Two actions that work\n# at once cannot share a key. Key names: a-z, A-Z, enter, esc, tab, space,\n# up, down, left, right, pgup, pgdown, home, end, f1-f12, ctrl+x, alt+x.\nkeys:\n")
	group := ""
	for _, a := range ui.DefaultKeyMap().Actions() {
		if len(a.Keys) == 0 {
			continue // help only: letters typed in a prompt
		}
		if a.Group != group {
			group = a.Group
			fmt.Fprintf(&b, "  # %s\n", group)
		}
		quoted := make([]string, len(a.Keys))
		for i, k := range a.Keys {
			quoted[i] = fmt.Sprintf("%q", k)
		}
		fmt.Fprintf(&b, "  %s: [%s] # %s\n", a.Name, strings.Join(quoted, ", "), a.Desc)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// newConfigCmd is `dateline config`.
func newConfigCmd(stdout io.Writer) *cobra.Command {
	var path, check bool
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Print the default config file, its path, or check yours",
		Long: "config prints the config file that changes nothing: color (the default of --color), theme\n" +
			"(auto, dark, light, or colours by role) and keys (each action of the explorer and its keys).\n" +
			"dateline reads it from $XDG_CONFIG_HOME/dateline/config.yaml, or ~/.config/dateline/config.yaml.",
		Example: "  mkdir -p ~/.config/dateline && dateline config > ~/.config/dateline/config.yaml\n" +
			"  dateline config --check",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			switch {
			case path:
				_, err := fmt.Fprintln(stdout, configPath())
				return err
			case check:
				c, err := loadConfig()
				if err != nil {
					return err
				}
				_, err = fmt.Fprintf(stdout, "%s is fine\n", c.path)
				return err
			}
			return defaultConfig(stdout)
		},
	}
	cmd.Flags().BoolVar(&path, "path", false, "print where dateline reads the config file")
	cmd.Flags().BoolVar(&check, "check", false, "check the config file, and say what is wrong with it")
	return cmd
}
