package model

import (
	"io/fs"
	"time"
)

// Stamp is what tells that a file changed between two looks at it: its
// size and modification time.
type Stamp struct {
	Size int64
	Mod  time.Time
}

// StampOf is the stamp of the file fi describes.
func StampOf(fi fs.FileInfo) Stamp { return Stamp{fi.Size(), fi.ModTime()} }

// Same reports whether o stamps the file as s does.
func (s Stamp) Same(o Stamp) bool { return s.Size == o.Size && s.Mod.Equal(o.Mod) }
