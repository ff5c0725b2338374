package acled

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// wideCell is an ACLED export of one row whose associated actors' cell
// names n actors, each twice, and actor1 among them once more.
func wideCell(n int) string {
	names := make([]string, 0, 2*n)
	for i := range n {
		names = append(names, fmt.Sprintf("Group %d", i))
	}
	names = append(names, names...)
	return "event_id_cnty,event_date,event_type,actor1,assoc_actor_1\n" +
		"X1,2023-03-17,Riots,Group 0,\"" + strings.Join(names, "; ") + "\"\n"
}

// TestWideCell: a row names each actor once, the first role kept, however
// many the cell repeats.
func TestWideCell(t *testing.T) {
	s, _, err := Import("wide.csv", strings.NewReader(wideCell(3)))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range s.Events[0].Actors {
		got = append(got, r.Actor+":"+r.Role)
	}
	want := []string{"group-0:" + roleActor1, "group-1:" + roleAssoc1, "group-2:" + roleAssoc1}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("roles %v, want %v", got, want)
	}
}

// BenchmarkWideCell imports one row of 100,000 associated actors (issue
// 10: 17 s while each was checked against the row's others).
func BenchmarkWideCell(b *testing.B) {
	data := []byte(wideCell(100_000))
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		s, _, err := Import("wide.csv", bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		if len(s.Events[0].Actors) != 100_000 {
			b.Fatalf("%d actors", len(s.Events[0].Actors))
		}
	}
}
