package cli

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/dateline/dateline/model/gen"
)

// newGenCmd is `dateline gen`: a reproducible synthetic story, for
// benchmarks and for trying dateline at the size of real event data.
func newGenCmd(stdout io.Writer) *cobra.Command {
	var (
		cfg    gen.Config
		format string
		out    string
	)
	cmd := &cobra.Command{
		Use:   "gen --events N [--actors M] [--seed S] [--format yaml|json|ndjson|csv] [-o FILE]",
		Short: "Write a reproducible synthetic story of N events (ACLED-like)",
		Long: "gen writes a synthetic story: ACLED-like events with Zipf-skewed actors under parent\n" +
			"actors, 3 to 10 topics, one statement for every ten events, and positions with evidence.\n" +
			"The same flags give the same bytes. csv writes an ACLED-style export (events only).",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := gen.ParseFormat(format)
			if err != nil {
				return usageErr("--format: %v", err)
			}
			if cfg.Events < 0 || cfg.Actors < 0 {
				return usageErr("--events and --actors must be 0 or more")
			}
			write := func(w io.Writer) error {
				if err := gen.Write(w, cfg, f); err != nil {
					return dataErr(fmt.Errorf("writing the story: %w", err))
				}
				return nil
			}
			if out == "" || out == "-" {
				return write(stdout)
			}
			// Whole or not at all, as export writes; gen replaces an
			// existing file, as it always has.
			return writeAtomic(out, true, write)
		},
	}
	fl := cmd.Flags()
	fl.IntVar(&cfg.Events, "events", 1000, "number of events (plus one statement for every ten)")
	fl.IntVar(&cfg.Actors, "actors", 0, "number of actors (0: 50 + events/500, at most 5000)")
	fl.Uint64Var(&cfg.Seed, "seed", 1, "random seed; the same seed gives the same story")
	fl.StringVar(&format, "format", "yaml", "output format: yaml, json, ndjson or csv")
	fl.StringVarP(&out, "output", "o", "", "write to FILE instead of stdout")
	return cmd
}
