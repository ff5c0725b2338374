package model

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"reflect"
	"regexp"
	"strconv"

	"go.yaml.in/yaml/v3"
)

// LoadFile reads and loads the story at path. See Load.
func LoadFile(path string) (*Story, Problems, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, fmt.Errorf("cannot read %s: %w", path, unwrapPathError(err))
	}
	return Load(path, data)
}

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Load parses a native story file, YAML or JSON of the same shape, named
// name in messages. Every string is cleaned for the terminal. It returns the
// story and any warnings, or an error: Problems holding every problem found,
// each at its line and column, and never just the first.
func Load(name string, data []byte) (*Story, Problems, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return &Story{}, Problems{{File: name, Msg: "the file is empty, so the story has nothing in it yet"}}, nil
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, nil, Problems{syntaxProblem(name, err)}
	}
	doc := &root
	if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		doc = doc.Content[0]
	}
	if doc.Kind == yaml.SequenceNode && len(doc.Content) == 0 {
		return &Story{}, Problems{{File: name, Msg: "the file holds an empty list, so the story has nothing in it yet"}}, nil
	}
	if doc.Kind != yaml.MappingNode {
		return nil, nil, Problems{{File: name, Line: doc.Line, Col: doc.Column,
			Msg: "this is not a dateline story: expected a mapping with title, actors, topics, events, statements and positions (run `dateline schema` for the format)"}}
	}
	s := &Story{}
	dec := &decoder{}
	dec.decode(doc, reflect.ValueOf(s).Elem(), nil, "")
	issues := dec.issues
	if len(issues) == 0 {
		issues = validate(s)
	}
	var errs, warns Problems
	for _, is := range issues {
		p := place(name, &root, is)
		if is.warn {
			warns = append(warns, p)
		} else {
			errs = append(errs, p)
		}
	}
	if len(errs) > 0 {
		return nil, warns, errs
	}
	return s, warns, nil
}

// Validate checks a story built in code (or by an importer) by the same rules
// as Load; problems name paths such as events[3].actors[0].actor, since there
// are no lines to point at.
func Validate(name string, s *Story) Problems {
	var ps Problems
	for _, is := range validate(s) {
		ps = append(ps, place(name, nil, is))
	}
	return ps
}

// place turns an issue's path into a file position.
func place(name string, root *yaml.Node, is issue) Problem {
	p := Problem{File: name, Msg: is.msg, Warning: is.warn}
	if n := locate(root, is.at, is.atKey); root != nil && n != nil {
		p.Line, p.Col = n.Line, n.Column
	} else if len(is.at) > 0 {
		p.Msg = is.at.String() + ": " + p.Msg
	}
	if is.also != nil {
		if n := locate(root, is.also, false); root != nil && n != nil {
			p.Msg += fmt.Sprintf(" (first used at line %d)", n.Line)
		} else {
			p.Msg += fmt.Sprintf(" (first used at %s)", is.also)
		}
	}
	return p
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// syntaxProblem turns the YAML parser's error into a Problem at its line.
func syntaxProblem(name string, err error) Problem {
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return Problem{File: name, Line: line, Msg: "the file is not valid YAML or JSON: " + CleanLine(m[2]) + "; fix the syntax there"}
	}
	return Problem{File: name, Msg: "the file is not valid YAML or JSON: " + CleanLine(msg)}
}
