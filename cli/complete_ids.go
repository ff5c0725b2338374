package cli

import (
	"context"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dateline/dateline/model/text"
)

// formatValues are the --format values of the commands whose flag has no
// completion of its own.
var formatValues = map[string][]string{
	"list":      listFormats,
	"positions": positionsFormats,
	"gen":       {"yaml", "json", "ndjson", "csv"},
}

// registerCompletions completes, on every command that has them, --actor
// and --topic with the ids of the story on the command line (the built-in
// story when it names no file), and --format with its values.
func registerCompletions(root *cobra.Command) {
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Flags().Lookup("actor") != nil {
			_ = c.RegisterFlagCompletionFunc("actor", completeIDs(true))
		}
		if c.Flags().Lookup("topic") != nil {
			_ = c.RegisterFlagCompletionFunc("topic", completeIDs(false))
		}
		if vals, ok := formatValues[c.Name()]; ok && c.Flags().Lookup("format") != nil {
			_ = c.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(vals, cobra.ShellCompDirectiveNoFileComp))
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// completeIDs lists the actor (or topic) ids of the files named so far,
// each with its name, that start with what is typed.
func completeIDs(actors bool) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		from, err := fromFlag(cmd)
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		s, err := loadStory(context.Background(), args, from, nil, io.Discard)
		if err != nil {
			return nil, cobra.ShellCompDirectiveError | cobra.ShellCompDirectiveNoFileComp
		}
		var out []cobra.Completion
		add := func(id, desc string) {
			if strings.HasPrefix(id, toComplete) {
				out = append(out, cobra.CompletionWithDesc(id, text.CleanLine(desc)))
			}
		}
		if actors {
			for _, a := range s.Actors {
				add(a.ID, a.Name)
			}
		} else {
			for _, t := range s.Topics {
				add(t.ID, t.Title)
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}
