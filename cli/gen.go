package cli

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

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
		force  bool
	)
	cmd := &cobra.Command{
		Use:   "gen --events N [--actors M] [--seed S] [--format yaml|json|ndjson|csv|parquet] [-o FILE]",
		Short: "Write a reproducible synthetic story of N events (ACLED-like)",
		Long: "gen writes a synthetic story: ACLED-like events with Zipf-skewed actors under parent\n" +
			"actors, 3 to 10 topics, one statement for every ten events, and position histories with evidence\n" +
			"(speakers now and then change their stance, and keep to the new one).\n" +
			"The same flags give the same bytes. csv writes an ACLED-style export (events only), parquet\n" +
			"the events sorted by date in row groups of 65536 rows.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if !cmd.Flags().Changed("format") {
				format = genFormatOf(out)
			}
			f, err := gen.ParseFormat(format)
			if err != nil {
				return usageErr("--format: %v", err)
			}
			if err := checkGenSize(cfg); err != nil {
				return err
			}
			target := out
			if out != "" && out != "-" {
				if target, err = checkTarget(out, force); err != nil {
					return err
				}
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
			// Whole or not at all, and never over a file without --force,
			// as export writes.
			return writeAtomic(target, force, write)
		},
	}
	fl := cmd.Flags()
	fl.IntVar(&cfg.Events, "events", 1000, "number of events (plus one statement for every ten)")
	fl.IntVar(&cfg.Actors, "actors", 0, "number of actors (0: 50 + events/500, at most 5000)")
	fl.Uint64Var(&cfg.Seed, "seed", 1, "random seed; the same seed gives the same story")
	fl.StringVar(&format, "format", "yaml", "output format: yaml, json, ndjson, csv or parquet (default: from -o FILE's extension, else yaml)")
	fl.StringVarP(&out, "output", "o", "", "write to FILE instead of stdout")
	fl.BoolVar(&force, "force", false, "replace FILE if it exists")
	return cmd
}

// Limits on gen's sizes, checked before any work: beyond them the story
// would not fit in memory to be explored anyway.
const (
	maxGenEvents = 100_000_000
	maxGenActors = 1_000_000
)

// checkGenSize refuses sizes that are negative or beyond the limits.
func checkGenSize(cfg gen.Config) error {
	switch {
	case cfg.Events < 0 || cfg.Actors < 0:
		return usageErr("--events and --actors must be 0 or more")
	case cfg.Events > maxGenEvents:
		return usageErr("--events %d is more than gen makes (at most %d)", cfg.Events, maxGenEvents)
	case cfg.Actors > maxGenActors:
		return usageErr("--actors %d is more than gen makes (at most %d)", cfg.Actors, maxGenActors)
	}
	return nil
}

// genFormatOf is the format an output file's extension names: yaml unless
// it says json, ndjson (or jsonl) or csv.
func genFormatOf(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".json":
		return "json"
	case ".ndjson", ".jsonl":
		return "ndjson"
	case ".csv":
		return "csv"
	case ".parquet":
		return "parquet"
	}
	return "yaml"
}
