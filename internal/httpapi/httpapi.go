// Package httpapi serves GET /api/search over the prebuilt Bleve index.
//
//	GET /api/search?q=偷工减料&status=done&township=郊尾镇&year=2024&from=0&size=10&facets=1&highlight=1
//
// q is in Bleve's query-string syntax (words, "phrases", +must, -not,
// field:value, boosts ^2 …) over the notices' text. Filters, each
// repeatable (values of one filter are alternatives): province, city,
// county, township (a name, or a slug path such as
// fujian/putian/xianyou/jiaowei), region (a slug path prefix), status
// (done, in_progress, not_started, unstated), category, year, notice (a
// notice's permalink), unit (a unit's name, or its slug path with the units
// below it), unit_kind (township, village, department, school, enterprise,
// region). The answer is JSON (see search.Result); bad input gets a 400
// with {"error": "…"}, a request over its time limit a 503. An error is
// written in the language the request's Accept-Language asks for, Chinese
// or English, Chinese when it names neither (the site's language); the
// answer says which in Content-Language, and varies by Accept-Language.
package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/gongshi/gongshi/internal/fault"
	"github.com/gongshi/gongshi/internal/i18n"
	"github.com/gongshi/gongshi/internal/search"
	"golang.org/x/text/message"
)

// Timeout bounds one request's search: the search is cancelled then, and
// the answer (a 503) does not wait for it to notice.
var Timeout = search.DefaultTimeout

// New opens the index built into siteDir read-only and returns the API
// handler (mounted at /api/) and the closer of the index.
func New(siteDir string) (http.Handler, io.Closer, error) {
	x, err := search.Open(siteDir)
	if err != nil {
		return nil, nil, err
	}
	return &handler{x: x, timeout: Timeout, slots: make(chan struct{}, 2*runtime.GOMAXPROCS(0))}, x, nil
}

type handler struct {
	x       *search.Index
	timeout time.Duration
	// slots bounds the searches that run at once (two per core): more only
	// share the cores and the memory, and wait here instead, within their
	// time limit.
	slots chan struct{}
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	zh := i18n.AcceptChinese(r.Header.Get("Accept-Language"))
	p := i18n.NewPrinter(zh)
	w.Header().Set("Vary", "Accept-Language")
	if zh {
		w.Header().Set("Content-Language", "zh")
	} else {
		w.Header().Set("Content-Language", "en")
	}
	if r.URL.Path != "/api/search" {
		writeError(w, p, http.StatusNotFound, i18n.Errorf("no such API: %s (there is /api/search)", r.URL.Path))
		return
	}
	// CORS: any origin may GET (a journalist's notebook on another
	// address); the answer carries no credentials and sets none.
	w.Header().Set("Access-Control-Allow-Origin", "*")
	if r.Method == http.MethodOptions {
		w.Header().Set("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS")
		w.Header().Set("Access-Control-Allow-Headers", "Content-Type")
		w.Header().Set("Access-Control-Max-Age", "86400")
		w.WriteHeader(http.StatusNoContent)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD, OPTIONS")
		writeError(w, p, http.StatusMethodNotAllowed, i18n.Errorf("use GET"))
		return
	}
	req, err := parseRequest(r)
	if err != nil {
		writeError(w, p, fault.Invalid.HTTPStatus(), err)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), h.timeout)
	defer cancel()
	var res *search.Result
	select {
	case h.slots <- struct{}{}:
		res, err = h.x.Search(ctx, req)
		<-h.slots
	case <-ctx.Done():
		err = ctx.Err()
	}
	if err != nil {
		// The status is the error's kind's (fault: a bad query is
		// Invalid, a search over its time Unavailable); the message is
		// built in the request's language.
		if errors.Is(err, context.Canceled) {
			return // the client went away
		}
		if errors.Is(err, context.DeadlineExceeded) {
			err = fault.New(fault.Unavailable, i18n.Errorf("the search took longer than %s: narrow the query", h.timeout.String()))
		}
		writeError(w, p, fault.KindOf(err).HTTPStatus(), err)
		return
	}
	writeJSON(w, http.StatusOK, res)
}

// parseRequest reads the query parameters.
func parseRequest(r *http.Request) (search.Request, error) {
	v := r.URL.Query()
	req := search.Request{
		Query: v.Get("q"),
		Filters: search.Filters{
			Province: v["province"], City: v["city"], County: v["county"], Township: v["township"],
			Region: v["region"], Status: v["status"], Category: v["category"], Year: v["year"],
			Unit: v["unit"], UnitKind: v["unit_kind"],
			Notice: v["notice"], Deadline: v["deadline"],
		},
	}
	var err error
	if req.Filters.Overdue, err = boolParam(v.Get("overdue"), "overdue"); err != nil {
		return req, err
	}
	if req.From, err = intParam(v.Get("from"), "from"); err != nil {
		return req, err
	}
	if req.Size, err = intParam(v.Get("size"), "size"); err != nil {
		return req, err
	}
	if v.Get("size") != "" && req.Size == 0 {
		return req, i18n.Errorf("size %d: between 1 and %d", 0, search.MaxSize)
	}
	if req.Facets, err = boolParam(v.Get("facets"), "facets"); err != nil {
		return req, err
	}
	if req.Highlight, err = boolParam(v.Get("highlight"), "highlight"); err != nil {
		return req, err
	}
	return req, req.Validate()
}

func intParam(s, name string) (int, error) {
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, i18n.Errorf("%s=%q is not a whole number", name, s)
	}
	return n, nil
}

func boolParam(s, name string) (bool, error) {
	switch strings.ToLower(s) {
	case "", "0", "false", "no":
		return false, nil
	case "1", "true", "yes":
		return true, nil
	}
	return false, i18n.Errorf("%s=%q: use 1 or 0", name, s)
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	b, err := json.Marshal(v) // escapes <, > and & as \u003c …
	if err != nil {
		code, b = http.StatusInternalServerError, []byte(`{"error":"encoding the answer failed"}`)
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	w.Write(b)
	w.Write([]byte("\n"))
}

// writeError answers err in p's language.
func writeError(w http.ResponseWriter, p *message.Printer, code int, err error) {
	writeJSON(w, code, map[string]string{"error": i18n.Localize(p, err)})
}
