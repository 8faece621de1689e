package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/benxe/benxe/internal/apperr"
	"github.com/benxe/benxe/internal/store"
)

const maxBody = 64 << 10

func encode(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

// decode reads a JSON body strictly: unknown fields, trailing data and
// wrong types are errors that name the field.
func decode[T any](r *http.Request) (T, error) {
	var v T
	body, err := io.ReadAll(http.MaxBytesReader(nil, r.Body, maxBody))
	if err != nil {
		return v, apperr.Field("body", "body_too_large", "Nội dung yêu cầu quá lớn.", "The request body is too large.")
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&v); err != nil {
		return v, jsonError(err)
	}
	if dec.More() {
		return v, apperr.Field("body", "invalid_json", "Nội dung yêu cầu có dữ liệu thừa sau JSON.", "The request body has data after the JSON value.")
	}
	return v, nil
}

func jsonError(err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) && te.Field == "" {
		return apperr.Field("body", "invalid_json", "Nội dung yêu cầu phải là một đối tượng JSON.", "The request body must be a JSON object.")
	}
	if errors.As(err, &te) {
		return apperr.Field(te.Field, "invalid_type",
			fmt.Sprintf("Trường %s phải là %s.", te.Field, te.Type), fmt.Sprintf("%s must be a %s.", te.Field, te.Type))
	}
	if msg := err.Error(); strings.HasPrefix(msg, "json: unknown field ") {
		f := strings.Trim(strings.TrimPrefix(msg, "json: unknown field "), `"`)
		if f == "" {
			f = "body"
		}
		return apperr.Field(f, "unknown_field", "Trường không được hỗ trợ: "+f+".", "Unknown field: "+f+".")
	}
	return apperr.Field("body", "invalid_json", "Nội dung yêu cầu không phải JSON hợp lệ.", "The request body is not valid JSON.")
}

type errorBody struct {
	Error errorDetail `json:"error"`
}

type errorDetail struct {
	Code      string   `json:"code"`
	Message   string   `json:"message"`
	MessageVI string   `json:"message_vi"`
	Field     string   `json:"field,omitempty"`
	Seats     []string `json:"seats,omitempty"`
}

// statusOf is the one place where error kinds become HTTP statuses.
func statusOf(err error) int {
	if store.Unavailable(err) {
		return http.StatusServiceUnavailable
	}
	switch apperr.KindOf(err) {
	case apperr.Invalid:
		return http.StatusBadRequest
	case apperr.NotFound:
		return http.StatusNotFound
	case apperr.Conflict:
		return http.StatusConflict
	case apperr.Gone:
		return http.StatusGone
	case apperr.TooMany:
		return http.StatusTooManyRequests
	case apperr.Unavailable:
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

// errorOf is what a person may see of err: ours in full, anything else
// (a bug, the database) as a generic message logged under the request id.
func (s *Server) errorOf(r *http.Request, err error) (int, errorDetail) {
	status := statusOf(err)
	if e, ok := apperr.As(err); ok {
		return status, errorDetail{Code: e.Code, Message: e.Message, MessageVI: e.MessageVI, Field: e.Field, Seats: e.Seats}
	}
	if status == http.StatusServiceUnavailable {
		// Not a bug, but the operator must be able to tell a lost
		// database from lock contention.
		s.Log.WarnContext(r.Context(), "unavailable", "request_id", requestID(r.Context()), "err", err)
		return status, errorDetail{Code: "unavailable", Message: "The service is busy; please try again in a moment.",
			MessageVI: "Hệ thống đang bận, vui lòng thử lại sau giây lát."}
	}
	s.Log.ErrorContext(r.Context(), "internal error", "request_id", requestID(r.Context()), "err", err)
	return status, errorDetail{Code: "internal", Message: "Something went wrong on our side (request " + requestID(r.Context()) + ").",
		MessageVI: "Đã có lỗi từ phía hệ thống (mã yêu cầu " + requestID(r.Context()) + ")."}
}

func (s *Server) apiError(w http.ResponseWriter, r *http.Request, err error) {
	status, d := s.errorOf(r, err)
	encode(w, status, errorBody{d})
}
