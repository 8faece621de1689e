package web

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"net/http"
	"time"
)

// openAPIDoc is the description of API v1. It is written by hand, not
// generated, so it can say what the code cannot (units, time zones, why a
// status happens); openapi_test.go keeps it true to routes.go and to the
// JSON structs.
//
//go:embed openapi.json
var openAPIDoc []byte

// openAPIETag changes exactly when the document does, i.e. on deploy, so
// clients may revalidate cheaply instead of downloading it again.
var openAPIETag = func() string {
	sum := sha256.Sum256(openAPIDoc)
	return `"` + hex.EncodeToString(sum[:8]) + `"`
}()

func (s *Server) openAPI(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	// Short max-age: a deploy may change the document, and the ETag makes
	// revalidation after that nearly free.
	h.Set("Cache-Control", "public, max-age=300")
	h.Set("ETag", openAPIETag)
	// ServeContent answers If-None-Match with 304 and HEAD without a body.
	http.ServeContent(w, r, "openapi.json", time.Time{}, bytes.NewReader(openAPIDoc))
}
