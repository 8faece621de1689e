package casso

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"
)

// maxDepth bounds nesting: Casso's body is two levels deep.
const maxDepth = 32

// Canonical returns body as Casso signs it: the same JSON value with the keys of every
// object sorted, recursively, and no insignificant whitespace; numbers exactly as
// written (1.50 stays 1.50); strings escaped as JavaScript's JSON.stringify escapes them
// (only '"', '\\' and control characters; no HTML escaping, no \u for non-ASCII). The
// vector pins this for Casso's body. Two choices it cannot pin, since Casso's bodies
// have neither: keys sort by Unicode code point (JavaScript's sort compares UTF-16
// units, which differs only between astral characters and U+E000–U+FFFF), and objects
// inside arrays are sorted too.
//
// Canonical refuses what would make the signed text ambiguous: invalid JSON, trailing
// data, and an object with two keys equal after case folding (Go's encoding/json would
// read either into the same field).
func Canonical(body []byte) ([]byte, error) {
	if !utf8.Valid(body) {
		// The decoder would replace bad bytes, so two bodies would share one signature.
		return nil, errors.New("casso: webhook body is not valid UTF-8")
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var buf bytes.Buffer
	if err := writeValue(dec, &buf, 0); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("casso: webhook body has data after its JSON value")
	}
	return buf.Bytes(), nil
}

func writeValue(dec *json.Decoder, buf *bytes.Buffer, depth int) error {
	tok, err := dec.Token()
	if err != nil {
		return fmt.Errorf("casso: webhook body is not valid JSON: %w", err)
	}
	switch t := tok.(type) {
	case json.Delim:
		if depth >= maxDepth {
			return fmt.Errorf("casso: webhook body nests deeper than %d levels", maxDepth)
		}
		switch t {
		case '{':
			return writeObject(dec, buf, depth+1)
		case '[':
			return writeArray(dec, buf, depth+1)
		}
		return fmt.Errorf("casso: webhook body is not valid JSON: unexpected %q", t)
	case string:
		writeString(buf, t)
	case json.Number:
		buf.WriteString(t.String())
	case bool:
		if t {
			buf.WriteString("true")
		} else {
			buf.WriteString("false")
		}
	case nil:
		buf.WriteString("null")
	}
	return nil
}

func writeObject(dec *json.Decoder, buf *bytes.Buffer, depth int) error {
	type member struct {
		key   string
		value []byte
	}
	var members []member
	folded := make(map[string]string)
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return fmt.Errorf("casso: webhook body is not valid JSON: %w", err)
		}
		key := tok.(string) // the decoder allows only strings here
		if prev, dup := folded[strings.ToLower(key)]; dup {
			return fmt.Errorf("casso: webhook body has keys %q and %q in one object", prev, key)
		}
		folded[strings.ToLower(key)] = key
		var v bytes.Buffer
		if err := writeValue(dec, &v, depth); err != nil {
			return err
		}
		members = append(members, member{key, v.Bytes()})
	}
	if _, err := dec.Token(); err != nil { // '}'
		return fmt.Errorf("casso: webhook body is not valid JSON: %w", err)
	}
	slices.SortFunc(members, func(a, b member) int { return strings.Compare(a.key, b.key) })
	buf.WriteByte('{')
	for i, m := range members {
		if i > 0 {
			buf.WriteByte(',')
		}
		writeString(buf, m.key)
		buf.WriteByte(':')
		buf.Write(m.value)
	}
	buf.WriteByte('}')
	return nil
}

func writeArray(dec *json.Decoder, buf *bytes.Buffer, depth int) error {
	buf.WriteByte('[')
	for i := 0; dec.More(); i++ {
		if i > 0 {
			buf.WriteByte(',')
		}
		if err := writeValue(dec, buf, depth); err != nil {
			return err
		}
	}
	if _, err := dec.Token(); err != nil { // ']'
		return fmt.Errorf("casso: webhook body is not valid JSON: %w", err)
	}
	buf.WriteByte(']')
	return nil
}

// writeString quotes s as JSON.stringify does: '"' and '\\' escaped, the five control
// characters with short escapes, other controls as \u00xx, everything else as is.
func writeString(buf *bytes.Buffer, s string) {
	const hex = "0123456789abcdef"
	buf.WriteByte('"')
	for i := range len(s) {
		switch c := s[i]; c {
		case '"', '\\':
			buf.WriteByte('\\')
			buf.WriteByte(c)
		case '\b':
			buf.WriteString(`\b`)
		case '\f':
			buf.WriteString(`\f`)
		case '\n':
			buf.WriteString(`\n`)
		case '\r':
			buf.WriteString(`\r`)
		case '\t':
			buf.WriteString(`\t`)
		default:
			if c < 0x20 {
				buf.WriteString(`\u00`)
				buf.WriteByte(hex[c>>4])
				buf.WriteByte(hex[c&15])
			} else {
				buf.WriteByte(c)
			}
		}
	}
	buf.WriteByte('"')
}
