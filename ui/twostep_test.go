package ui

import (
	"context"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// A query's full step runs after its first, and not at all once it has
// been cancelled in between, as a newer key cancels it.
func TestTwoStepSkipsTheFullStepOnceCancelled(t *testing.T) {
	type firstMsg struct{}
	type fullMsg struct{}
	for _, cancelFirst := range []bool{false, true} {
		var cancel context.CancelFunc
		cmd, cancel := twoStep(func(context.Context) tea.Msg {
			if cancelFirst {
				cancel() // a newer query comes while the first step runs
			}
			return firstMsg{}
		}, func(ctx context.Context) tea.Msg {
			if ctx.Err() != nil {
				t.Error("the full step got a cancelled context")
			}
			return fullMsg{}
		})
		msgs := run(t, cmd)
		want := 2
		if cancelFirst {
			want = 1
		}
		if len(msgs) != want {
			t.Fatalf("cancelled during the first step: %v; got %d messages %v, want %d", cancelFirst, len(msgs), msgs, want)
		}
		if _, ok := msgs[0].(firstMsg); !ok {
			t.Errorf("the first message is %T, want the first step's", msgs[0])
		}
		if want == 2 {
			if _, ok := msgs[1].(fullMsg); !ok {
				t.Errorf("the second message is %T, want the full step's", msgs[1])
			}
		}
	}
}
