package web

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// These tests keep openapi.json, which is written by hand, true to the
// code: to the routes registered, and to the JSON structs the handlers
// encode and decode. A route or a field added without documenting it fails
// here, and so does documentation of something the code does not do.

func openAPIDocument(t *testing.T) map[string]any {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal(openAPIDoc, &doc); err != nil {
		t.Fatalf("openapi.json is not valid JSON: %v", err)
	}
	return doc
}

var openAPIMethods = []string{"get", "put", "post", "delete", "patch", "head", "options", "trace"}

// openAPIRoute is one API route as the mux sees it, e.g. "POST /api/v1/holds".
type openAPIRoute struct{ method, path string }

func (r openAPIRoute) String() string { return r.method + " " + r.path }

// registeredAPIRoutes reads the route patterns from the package's source
// rather than from a running mux: a ServeMux cannot list its patterns, and
// building a Server needs a database.
func registeredAPIRoutes(t *testing.T) map[openAPIRoute]bool {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	routes := map[openAPIRoute]bool{}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || (sel.Sel.Name != "HandleFunc" && sel.Sel.Name != "Handle") {
				return true
			}
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			pattern, err := strconv.Unquote(lit.Value)
			if err != nil {
				t.Fatalf("%s: %v", fset.Position(lit.Pos()), err)
			}
			method, path := "", pattern
			if m, p, ok := strings.Cut(pattern, " "); ok {
				method, path = m, strings.TrimLeft(p, " \t")
			}
			if i := strings.Index(path, "/"); i > 0 { // a host pattern
				path = path[i:]
			}
			if path != "/api/v1" && !strings.HasPrefix(path, "/api/v1/") {
				return true
			}
			if method == "" {
				// Documented operations have a method; an API route for
				// every method could not be described truthfully.
				t.Errorf("%s: API route %q must name its method", fset.Position(lit.Pos()), pattern)
				return true
			}
			routes[openAPIRoute{method, muxPathToOpenAPI(path)}] = true
			return true
		})
	}
	return routes
}

var oaMuxWildcard = regexp.MustCompile(`\{([^{}]*)\}`)

// muxPathToOpenAPI writes a ServeMux path the way OpenAPI does: "{rest...}"
// becomes "{rest}" and the end anchor "{$}" disappears.
func muxPathToOpenAPI(p string) string {
	return oaMuxWildcard.ReplaceAllStringFunc(p, func(w string) string {
		name := strings.TrimSuffix(w[1:len(w)-1], "...")
		if name == "$" {
			return ""
		}
		return "{" + name + "}"
	})
}

func documentedRoutes(t *testing.T, doc map[string]any) map[openAPIRoute]bool {
	t.Helper()
	routes := map[openAPIRoute]bool{}
	for path, item := range oaMap(doc["paths"]) {
		for _, m := range openAPIMethods {
			if _, ok := oaMap(item)[m]; ok {
				routes[openAPIRoute{strings.ToUpper(m), path}] = true
			}
		}
	}
	return routes
}

func TestOpenAPIDocumentsEveryRoute(t *testing.T) {
	code := registeredAPIRoutes(t)
	if len(code) < 10 {
		// Guards against the parser silently finding nothing, e.g. if
		// routes were registered through a helper.
		t.Fatalf("found only %d /api/v1 routes in the source: %v", len(code), code)
	}
	doc := documentedRoutes(t, openAPIDocument(t))
	for _, r := range sortedRoutes(code) {
		if !doc[r] {
			t.Errorf("route %s is registered but not described in openapi.json", r)
		}
	}
	for _, r := range sortedRoutes(doc) {
		if !code[r] {
			t.Errorf("openapi.json describes %s, which is not a registered route", r)
		}
	}
}

func sortedRoutes(set map[openAPIRoute]bool) []openAPIRoute {
	out := make([]openAPIRoute, 0, len(set))
	for r := range set {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].String() < out[j].String() })
	return out
}

func TestOpenAPIDocumentIsWellFormed(t *testing.T) {
	doc := openAPIDocument(t)
	if v, _ := doc["openapi"].(string); !strings.HasPrefix(v, "3.1.") {
		t.Errorf("openapi = %q, want 3.1.x", v)
	}
	info := oaMap(doc["info"])
	if info["title"] != "benxe API" || info["version"] != "1.0.0" {
		t.Errorf("info = %v %v, want benxe API 1.0.0", info["title"], info["version"])
	}

	oaWalk(doc, "#", func(ptr string, m map[string]any) {
		if ref, ok := m["$ref"].(string); ok {
			if _, err := oaResolvePointer(doc, ref); err != nil {
				t.Errorf("%s: $ref %q: %v", ptr, ref, err)
			}
		}
		// An object schema may not require what it does not define.
		if req, ok := m["required"].([]any); ok {
			if props, ok := m["properties"].(map[string]any); ok {
				for _, r := range req {
					if _, ok := props[fmt.Sprint(r)]; !ok {
						t.Errorf("%s: required %q is not a property", ptr, r)
					}
				}
			}
		}
	})

	ids := map[string]string{}
	templateParam := regexp.MustCompile(`\{([^{}]+)\}`)
	for path, item := range oaMap(doc["paths"]) {
		var inTemplate []string
		for _, m := range templateParam.FindAllStringSubmatch(path, -1) {
			inTemplate = append(inTemplate, m[1])
		}
		sort.Strings(inTemplate)
		for _, method := range openAPIMethods {
			op, ok := oaMap(item)[method].(map[string]any)
			if !ok {
				continue
			}
			where := strings.ToUpper(method) + " " + path
			if id, _ := op["operationId"].(string); id == "" {
				t.Errorf("%s: no operationId", where)
			} else if other, dup := ids[id]; dup {
				t.Errorf("%s: operationId %q is also used by %s", where, id, other)
			} else {
				ids[id] = where
			}
			if d, _ := op["description"].(string); d == "" {
				t.Errorf("%s: no description", where)
			}

			// Path-level parameters apply to every operation; an
			// operation's own override them by (name, in).
			params := map[string]map[string]any{}
			for _, list := range []any{oaMap(item)["parameters"], op["parameters"]} {
				for _, p := range oaSlice(list) {
					p := oaDeref(t, doc, p)
					params[fmt.Sprint(p["in"], ":", p["name"])] = p
				}
			}
			var declared []string
			for _, p := range params {
				if p["in"] != "path" {
					continue
				}
				declared = append(declared, fmt.Sprint(p["name"]))
				if p["required"] != true {
					t.Errorf("%s: path parameter %v must be required", where, p["name"])
				}
			}
			sort.Strings(declared)
			if !slices.Equal(inTemplate, declared) {
				t.Errorf("%s: path parameters declared %v, template has %v", where, declared, inTemplate)
			}
			for key, p := range params {
				if p["schema"] == nil {
					t.Errorf("%s: parameter %s has no schema", where, key)
				}
			}

			responses := oaMap(op["responses"])
			var success []string
			for status, r := range responses {
				if strings.HasPrefix(status, "2") {
					success = append(success, status)
				}
				if d, _ := oaDeref(t, doc, r)["description"].(string); d == "" {
					t.Errorf("%s %s: response without a description", where, status)
				}
				// Every error has the one body API.md promises.
				if status == "default" || status[0] == '4' || status[0] == '5' {
					if got := oaResponseSchemaRef(t, doc, r); got != "Error" {
						t.Errorf("%s %s: error body is %q, want Error", where, status, got)
					}
				}
			}
			if len(success) != 1 {
				t.Errorf("%s: %d success responses %v, want exactly one", where, len(success), success)
			}
		}
	}
}

// apiMDResources are the operations of API.md with the fields it names for
// what they answer or accept. API.md allows more fields than these, so
// only presence is checked; the Go structs check the rest.
var apiMDResources = []struct {
	op     string // method and path
	status string // success status; "body" for the request body
	schema string // component the answer is (an array of, when array)
	array  bool
	fields map[string][]string // schema, or schema.property for a nested object → field names
}{
	{"GET /api/v1/places", "200", "Place", true, map[string][]string{
		"Place": {"id", "name", "province", "kind"},
	}},
	{"GET /api/v1/trips", "200", "TripHit", true, map[string][]string{
		"TripHit":           {"id", "operator", "vehicle", "departure_time", "arrival_time", "from_stop", "to_stop", "price_from", "seats_available"},
		"TripHit.operator":  {"id", "name", "rating"},
		"TripHit.from_stop": {"index", "place_id", "name"},
		"TripHit.to_stop":   {"index", "place_id", "name"},
	}},
	{"GET /api/v1/trips/{id}", "200", "Trip", false, map[string][]string{
		"Trip":          {"stops", "pickup_points", "dropoff_points", "seat_map"},
		"Point":         {"id", "name", "address", "time"},
		"SeatMap":       {"decks"},
		"Deck":          {"name", "rows"},
		"Seat":          {"label", "kind", "price", "status"},
		"Trip.seat_map": {"decks"},
	}},
	{"POST /api/v1/holds", "body", "HoldRequest", false, map[string][]string{
		"HoldRequest": {"trip_id", "from", "to", "seats"},
	}},
	{"POST /api/v1/holds", "201", "Hold", false, map[string][]string{
		"Hold": {"id", "trip_id", "seats", "expires_at", "amount"},
	}},
	{"POST /api/v1/holds/{id}/extend", "200", "Hold", false, map[string][]string{
		"Hold": {"id", "trip_id", "seats", "expires_at", "amount"},
	}},
	{"POST /api/v1/quotes", "body", "QuoteRequest", false, map[string][]string{
		"QuoteRequest": {"hold_id", "promo_code", "payment_method"},
	}},
	{"POST /api/v1/quotes", "200", "Quote", false, map[string][]string{
		"Quote": {"lines", "total"},
		"Line":  {"kind", "label", "amount"},
	}},
	{"POST /api/v1/bookings", "body", "BookingRequest", false, map[string][]string{
		"BookingRequest":         {"hold_id", "pickup_point_id", "dropoff_point_id", "contact", "passengers", "payment_method", "promo_code"},
		"BookingRequest.contact": {"name", "phone", "email"},
		"Passenger":              {"seat", "name"},
	}},
	{"POST /api/v1/bookings", "201", "Booking", false, map[string][]string{
		"Booking":         {"code", "status", "total", "lines", "payment", "tickets"},
		"Booking.payment": {"method", "deadline", "instructions"},
		"Payment":         {"method", "deadline", "instructions"},
		"Ticket":          {"seat"},
		"Contact":         {"name", "phone", "email"},
	}},
	{"GET /api/v1/bookings/{code}", "200", "Booking", false, map[string][]string{
		"Booking": {"code", "status", "total", "lines", "payment", "tickets"},
	}},
	{"POST /api/v1/bookings/{code}/cancel", "200", "Cancel", false, map[string][]string{
		"Cancel":        {"status", "refund"},
		"Cancel.refund": {"amount"},
	}},
	{"DELETE /api/v1/holds/{id}", "204", "", false, nil},
}

func TestOpenAPINamesAPIMDFields(t *testing.T) {
	doc := openAPIDocument(t)
	for _, r := range apiMDResources {
		method, path, _ := strings.Cut(r.op, " ")
		op := oaMap(oaMap(oaMap(doc["paths"])[path])[strings.ToLower(method)])
		if op == nil {
			t.Errorf("%s: not in openapi.json", r.op)
			continue
		}
		var schema map[string]any
		if r.status == "body" {
			schema = oaMap(oaMap(oaMap(oaMap(op["requestBody"])["content"])["application/json"])["schema"])
		} else {
			resp, ok := oaMap(op["responses"])[r.status]
			if !ok {
				t.Errorf("%s: no %s response", r.op, r.status)
				continue
			}
			resp = oaDeref(t, doc, resp)
			content := oaMap(oaMap(resp)["content"])
			if r.schema == "" {
				if len(content) != 0 {
					t.Errorf("%s %s: has a body, want none", r.op, r.status)
				}
				continue
			}
			schema = oaMap(oaMap(content["application/json"])["schema"])
		}
		if r.array {
			if schema["type"] != "array" {
				t.Errorf("%s %s: want an array of %s, got %v", r.op, r.status, r.schema, schema)
				continue
			}
			schema = oaMap(schema["items"])
		}
		if got := oaRefName(schema); got != r.schema {
			t.Errorf("%s %s: schema %q, want %q", r.op, r.status, got, r.schema)
		}
		for name, want := range r.fields {
			s := oaSchemaPath(t, doc, name)
			props := oaMap(s["properties"])
			for _, f := range want {
				if _, ok := props[f]; !ok {
					t.Errorf("%s: schema %s has no property %q named in API.md", r.op, name, f)
				}
			}
		}
	}

	errs := oaSchemaPath(t, doc, "Error.error")
	for _, f := range []string{"code", "message", "message_vi", "field", "seats"} {
		if _, ok := oaMap(errs["properties"])[f]; !ok {
			t.Errorf("Error.error has no property %q", f)
		}
	}
}

// oaSchemaPath finds "Name" or "Name.prop.prop" among the component
// schemas, following $refs, array items and nullable alternatives.
func oaSchemaPath(t *testing.T, doc map[string]any, path string) map[string]any {
	t.Helper()
	parts := strings.Split(path, ".")
	s := oaSchemaOf(t, doc, oaMap(oaMap(oaMap(doc["components"])["schemas"])[parts[0]]))
	if s == nil {
		t.Fatalf("no component schema %s", parts[0])
	}
	for _, p := range parts[1:] {
		s = oaSchemaOf(t, doc, oaMap(oaMap(s["properties"])[p]))
		for s != nil && oaHasType(s, "array") {
			s = oaSchemaOf(t, doc, oaMap(s["items"]))
		}
		if s == nil {
			t.Fatalf("schema %s: no property %s", path, p)
		}
	}
	return s
}

// openAPIStructs pairs the structs the handlers encode or decode with the
// component schema that describes each.
var openAPIStructs = []struct {
	typ      reflect.Type
	schema   string
	response bool
}{
	{reflect.TypeFor[placeJSON](), "Place", true},
	{reflect.TypeFor[tripHitJSON](), "TripHit", true},
	{reflect.TypeFor[tripJSON](), "Trip", true},
	{reflect.TypeFor[holdJSON](), "Hold", true},
	{reflect.TypeFor[quoteJSON](), "Quote", true},
	{reflect.TypeFor[bookingJSON](), "Booking", true},
	{reflect.TypeFor[cancelJSON](), "Cancel", true},
	{reflect.TypeFor[errorBody](), "Error", true},
	{reflect.TypeFor[holdRequest](), "HoldRequest", false},
	{reflect.TypeFor[quoteRequest](), "QuoteRequest", false},
	{reflect.TypeFor[bookingRequest](), "BookingRequest", false},
}

func TestOpenAPISchemasMatchGoStructs(t *testing.T) {
	doc := openAPIDocument(t)
	for _, c := range openAPIStructs {
		s := oaMap(oaMap(oaMap(doc["components"])["schemas"])[c.schema])
		if s == nil {
			t.Errorf("no component schema %s for %v", c.schema, c.typ)
			continue
		}
		oaCompareSchema(t, doc, c.schema, c.typ, s, c.response, 0)
	}
}

var oaRFC3339Type = reflect.TypeFor[rfc3339]()

// oaCompareSchema walks a Go type and its schema together. Both directions
// count: a json field the schema lacks is undocumented, and a property the
// struct lacks is a promise the code does not keep.
func oaCompareSchema(t *testing.T, doc map[string]any, where string, typ reflect.Type, schema map[string]any, response bool, depth int) {
	t.Helper()
	if depth > 20 {
		t.Errorf("%s: nested too deep; is a type recursive?", where)
		return
	}
	s := oaSchemaOf(t, doc, schema)
	if s == nil {
		t.Errorf("%s: no schema for %v", where, typ)
		return
	}
	if typ.Kind() == reflect.Pointer {
		typ = typ.Elem()
	}
	want := ""
	switch {
	case typ == oaRFC3339Type:
		if !oaHasType(s, "string") || s["format"] != "date-time" {
			t.Errorf("%s: %v is written as an RFC 3339 string; schema says type %v format %v", where, typ, s["type"], s["format"])
		}
		return
	case typ.Implements(reflect.TypeFor[json.Marshaler]()):
		return // its own encoding; nothing to compare by kind
	}
	switch typ.Kind() {
	case reflect.String:
		want = "string"
	case reflect.Bool:
		want = "boolean"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		want = "integer"
	case reflect.Float32, reflect.Float64:
		want = "number"
	case reflect.Slice, reflect.Array:
		want = "array"
	case reflect.Struct, reflect.Map:
		want = "object"
	default:
		t.Errorf("%s: no rule for Go kind %v", where, typ.Kind())
		return
	}
	if !oaHasType(s, want) {
		t.Errorf("%s: Go %v is a JSON %s; schema says %v", where, typ, want, s["type"])
		return
	}
	switch typ.Kind() {
	case reflect.Int64:
		// Money and ids are int64; 32-bit clients must know not to
		// truncate them.
		if s["format"] != "int64" {
			t.Errorf("%s: Go int64 needs format int64, schema says %v", where, s["format"])
		}
	case reflect.Slice, reflect.Array:
		oaCompareSchema(t, doc, where+"[]", typ.Elem(), oaMap(s["items"]), response, depth+1)
	case reflect.Struct:
		oaCompareStruct(t, doc, where, typ, s, response, depth)
	}
}

func oaCompareStruct(t *testing.T, doc map[string]any, where string, typ reflect.Type, s map[string]any, response bool, depth int) {
	t.Helper()
	props := oaMap(s["properties"])
	var required []string
	for _, r := range oaSlice(s["required"]) {
		required = append(required, r.(string))
	}
	fields := map[string]bool{}
	for i := range typ.NumField() {
		f := typ.Field(i)
		if !f.IsExported() {
			continue
		}
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if name == "" {
			name = f.Name
		}
		fields[name] = true
		p, ok := props[name]
		if !ok {
			t.Errorf("%s: json field %q (%v.%s) is not a property of the schema", where, name, typ, f.Name)
			continue
		}
		if response {
			// Without omitempty a field is always sent, so clients may
			// rely on it; with omitempty it may be missing.
			omit := slices.Contains(strings.Split(opts, ","), "omitempty")
			if req := slices.Contains(required, name); req == omit {
				t.Errorf("%s.%s: omitempty=%v but required=%v in the schema", where, name, omit, req)
			}
		}
		oaCompareSchema(t, doc, where+"."+name, f.Type, oaMap(p), response, depth+1)
	}
	for name := range props {
		if !fields[name] {
			t.Errorf("%s: schema property %q is not a json field of %v", where, name, typ)
		}
	}
	// The server decodes with DisallowUnknownFields; the schema must say
	// so, or generated clients may send extras that get a 400.
	if !response && s["additionalProperties"] != false {
		t.Errorf("%s: request schema must set additionalProperties: false", where)
	}
}

func TestOpenAPIServed(t *testing.T) {
	s := &Server{}
	rec := httptest.NewRecorder()
	s.openAPI(rec, httptest.NewRequest(http.MethodGet, "/api/v1/openapi.json", nil))
	res := rec.Result()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d, want 200", res.StatusCode)
	}
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("Content-Type %q, want application/json", ct)
	}
	if res.Header.Get("Cache-Control") == "" {
		t.Error("no Cache-Control")
	}
	if rec.Body.String() != string(openAPIDoc) {
		t.Error("body is not the embedded document")
	}

	etag := res.Header.Get("ETag")
	if etag == "" {
		t.Fatal("no ETag")
	}
	req := httptest.NewRequest(http.MethodGet, "/api/v1/openapi.json", nil)
	req.Header.Set("If-None-Match", etag)
	rec = httptest.NewRecorder()
	s.openAPI(rec, req)
	if rec.Code != http.StatusNotModified || rec.Body.Len() != 0 {
		t.Errorf("revalidation: status %d with %d bytes, want 304 and none", rec.Code, rec.Body.Len())
	}
}

// --- helpers for reading the document

func oaMap(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

func oaSlice(v any) []any {
	s, _ := v.([]any)
	return s
}

func oaHasType(s map[string]any, want string) bool {
	switch ty := s["type"].(type) {
	case string:
		return ty == want
	case []any:
		return slices.Contains(ty, any(want))
	}
	return false
}

func oaRefName(s map[string]any) string {
	ref, _ := s["$ref"].(string)
	return strings.TrimPrefix(ref, "#/components/schemas/")
}

// oaDeref follows $refs from v to the object they point at.
func oaDeref(t *testing.T, doc map[string]any, v any) map[string]any {
	t.Helper()
	m := oaMap(v)
	for i := 0; m != nil && i < 10; i++ {
		ref, ok := m["$ref"].(string)
		if !ok {
			return m
		}
		target, err := oaResolvePointer(doc, ref)
		if err != nil {
			t.Fatalf("$ref %q: %v", ref, err)
		}
		m = oaMap(target)
	}
	return m
}

// oaSchemaOf is the schema s stands for: its $ref target, or the one
// non-null alternative of a nullable oneOf/anyOf.
func oaSchemaOf(t *testing.T, doc map[string]any, s map[string]any) map[string]any {
	t.Helper()
	s = oaDeref(t, doc, s)
	for _, key := range []string{"oneOf", "anyOf"} {
		alts, ok := s[key].([]any)
		if !ok {
			continue
		}
		var nonNull []map[string]any
		for _, a := range alts {
			a := oaDeref(t, doc, a)
			if a["type"] != "null" {
				nonNull = append(nonNull, a)
			}
		}
		if len(nonNull) != 1 {
			t.Errorf("%s with %d non-null alternatives: the test cannot match it to one Go type", key, len(nonNull))
			return nil
		}
		return nonNull[0]
	}
	return s
}

func oaResponseSchemaRef(t *testing.T, doc map[string]any, r any) string {
	t.Helper()
	content := oaMap(oaDeref(t, doc, r)["content"])
	return oaRefName(oaMap(oaMap(content["application/json"])["schema"]))
}

func oaResolvePointer(doc map[string]any, ref string) (any, error) {
	ptr, ok := strings.CutPrefix(ref, "#")
	if !ok {
		return nil, fmt.Errorf("only local references are used here")
	}
	var cur any = doc
	if ptr == "" {
		return cur, nil
	}
	for _, tok := range strings.Split(strings.TrimPrefix(ptr, "/"), "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		switch c := cur.(type) {
		case map[string]any:
			v, ok := c[tok]
			if !ok {
				return nil, fmt.Errorf("no %q", tok)
			}
			cur = v
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(c) {
				return nil, fmt.Errorf("no index %q", tok)
			}
			cur = c[i]
		default:
			return nil, fmt.Errorf("%q inside a scalar", tok)
		}
	}
	return cur, nil
}

// oaWalk calls f on every object in v with its JSON pointer.
func oaWalk(v any, ptr string, f func(ptr string, m map[string]any)) {
	switch c := v.(type) {
	case map[string]any:
		f(ptr, c)
		for k, x := range c {
			oaWalk(x, ptr+"/"+strings.ReplaceAll(strings.ReplaceAll(k, "~", "~0"), "/", "~1"), f)
		}
	case []any:
		for i, x := range c {
			oaWalk(x, ptr+"/"+strconv.Itoa(i), f)
		}
	}
}
