// Package content holds dateline's embedded data: the built-in story and the
// JSON Schema of the native format.
package content

import (
	"bytes"
	_ "embed"
)

//go:embed story.yaml
var story []byte

//go:embed schema.json
var schema []byte

// StoryName is the name errors and the status bar use for the built-in story.
const StoryName = "built-in story"

// Story returns a copy of the built-in story, in the native YAML format.
func Story() []byte { return bytes.Clone(story) }

// Schema returns a copy of the JSON Schema (draft 2020-12) of the native
// format.
func Schema() []byte { return bytes.Clone(schema) }
