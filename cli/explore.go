package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dateline/dateline/content"
	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/text"
	"github.com/dateline/dateline/ui"
)

// explore opens the explorer. The built-in story is there at once; files
// load behind a progress line, and the alternate screen is entered only
// once the story is there, so a file that fails to load leaves just its
// errors. Warnings are printed when the explorer closes.
func explore(cmd *cobra.Command, paths []string, f model.Filter, watch bool, stderr io.Writer) error {
	from, err := fromFlag(cmd)
	if err != nil {
		return err
	}
	conf, err := loadConfig() // config.go: its mistakes stop the start
	if err != nil {
		return err
	}
	// Each save, or return from the editor, loads the same way as the
	// first time, --from included; its warnings are not printed over the
	// explorer.
	again := func() (*model.Index, error) {
		return loadFilesContext(context.Background(), paths, from, nil, io.Discard)
	}
	var reload ui.Reloader
	if watch {
		r, stop, err := watchFile(paths[0], again)
		if err != nil {
			return dataErr(fmt.Errorf("cannot watch %s: %w", text.CleanLine(paths[0]), err))
		}
		defer stop()
		reload = r
	}
	var warnings bytes.Buffer
	name := content.StoryName
	if len(paths) > 0 {
		name = strings.Join(paths, " + ")
	}
	load := func(ctx context.Context, progress func(done, total int64)) (*model.Index, error) {
		resume := pauseGC(paths) // loadStory's own pause ends with the load; this one goes on
		s, err := loadStory(ctx, paths, from, progress, &warnings)
		if err == nil {
			if ferr := model.CheckFilter(s, f); ferr != nil {
				err = ui.FilterError{Err: ferr} // before the index is built
			}
		}
		if err != nil {
			resume()
			return nil, err
		}
		// The rows show once their order is known; the rest of the index
		// and the search text are built behind them, and only then does
		// the collector come back: its first round marks the whole story,
		// and would slow the first keys by half a second.
		ix := model.StartIndex(s)
		go func() {
			<-ix.Ready()
			ix.PrepareSearch()
			resume()
		}()
		return ix, nil
	}
	if conf.color != "" && !cmd.Flags().Changed("color") {
		_ = cmd.Flags().Set("color", conf.color)
	}
	profile, err := colorFlag(cmd)
	if err != nil {
		return err
	}
	fromName, _ := cmd.Flags().GetString("from")
	err = ui.Run(name, f, load, ui.Options{Reload: reload, Profile: profile,
		Hooks: fileHooks(paths, from, fromName, again), Settings: conf.settings})
	_, _ = warnings.WriteTo(stderr)
	var fe ui.FilterError
	switch {
	case errors.Is(err, ui.ErrCrashed):
		// ui.Run returns once the terminal is restored, so the report
		// printed now stays on screen.
		return &exitError{ExitUsage, fmt.Errorf("%w\n\n%s", err, CrashHint)}
	case errors.As(err, &fe):
		return usageErr("%v", fe.Err)
	case errors.Is(err, ui.ErrCancelled):
		return &exitError{ExitInterrupted, errors.New("dateline: loading cancelled; nothing was changed")}
	}
	return err
}
