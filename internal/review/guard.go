package review

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"net"
	"net/http"
	"net/url"
	"strings"

	"github.com/gongshi/gongshi/internal/fault"
)

// The review pages answer only the editor's own browser on this machine
// (issue 19):
//
//   - Host: the request must name the address serve listens on
//     (127.0.0.1:PORT, localhost:PORT, [::1]:PORT, or the --addr given);
//     a page of another site that rebinds its name to 127.0.0.1 sends its
//     own name and gets 421, for every /review/ path.
//   - Every request that changes something (any method but GET and HEAD)
//     needs an Origin (or, without one, a Referer) of the same origin, and
//     the form's token: an HMAC, under a secret made when the server
//     starts, of the form's action and what it acts on (the import to
//     save, the file to show unmasked), compared in constant time.
//     Otherwise 403, in Chinese.
//   - An upload over MaxUpload is refused with 413 before it is parsed.
//   - Every answer carries a Content-Security-Policy without scripts and
//     frame-ancestors 'none', nosniff and Referrer-Policy: same-origin.

// csp: no scripts at all, the style sheet from /review/review.css, forms
// only to this origin, never in a frame.
const csp = "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

// tokenField is the name of the hidden form field that carries the token.
const tokenField = "csrf"

// scopeField names, for each form action, the field whose value the token
// is tied to ("" for a form that acts on nothing in particular).
var scopeField = map[string]string{
	"/review/import": "",
	"/review/save":   "token", // the import to save
	"/review/edit":   "token", // the import to correct
	"/review/layout": "token", // the import whose corrections make a layout
	"/review/file":   "path",  // the data file to show unmasked
}

type guard struct {
	secret []byte
	hosts  map[string]bool // host:port, lower case; empty: any loopback name on any port
}

func newGuard() *guard {
	g := &guard{secret: make([]byte, 32), hosts: map[string]bool{}}
	if _, err := rand.Read(g.secret); err != nil {
		panic("review: no random secret: " + err.Error())
	}
	return g
}

// Listening tells the review pages the addresses they are served at (the
// listener's address and the --addr given): from then on only requests
// naming one of them, or localhost, 127.0.0.1 or [::1] with its port, are
// answered. Before it is called, any of those three names on any port is.
func (h *Handler) Listening(addrs ...string) {
	hosts := map[string]bool{}
	for _, a := range addrs {
		host, port, err := net.SplitHostPort(a)
		if err != nil || port == "" || port == "0" {
			continue
		}
		if host != "" && !isUnspecified(host) {
			hosts[strings.ToLower(net.JoinHostPort(host, port))] = true
		}
		for _, l := range []string{"127.0.0.1", "localhost", "::1"} {
			hosts[net.JoinHostPort(l, port)] = true
		}
	}
	h.guard.hosts = hosts
}

func isUnspecified(host string) bool {
	ip := net.ParseIP(host)
	return ip != nil && ip.IsUnspecified()
}

// allowHost reports whether the Host header names this server.
func (g *guard) allowHost(host string) bool {
	host = strings.ToLower(host)
	if _, _, err := net.SplitHostPort(host); err != nil {
		host = net.JoinHostPort(strings.Trim(host, "[]"), "80")
	}
	if len(g.hosts) > 0 {
		return g.hosts[host]
	}
	name, _, _ := net.SplitHostPort(host)
	return name == "localhost" || name == "127.0.0.1" || name == "::1"
}

// token is the form token for action acting on scope.
func (g *guard) token(action, scope string) string {
	m := hmac.New(sha256.New, g.secret)
	m.Write([]byte(action))
	m.Write([]byte{0})
	m.Write([]byte(scope))
	return hex.EncodeToString(m.Sum(nil))
}

// validToken reports whether got is the token for action on scope.
func (g *guard) validToken(action, scope, got string) bool {
	b, err := hex.DecodeString(got)
	if err != nil {
		return false
	}
	want, _ := hex.DecodeString(g.token(action, scope))
	return hmac.Equal(b, want)
}

// sameOrigin reports whether the request comes from a page of this origin:
// its Origin, or without one its Referer, is http://HOST of the request.
func sameOrigin(r *http.Request) bool {
	src := r.Header.Get("Origin")
	if src == "" {
		src = r.Header.Get("Referer")
	}
	if src == "" || src == "null" {
		return false
	}
	u, err := url.Parse(src)
	if err != nil || u.Scheme != "http" || u.User != nil {
		return false
	}
	return strings.EqualFold(u.Host, r.Host)
}

// Messages of the guard (the review pages are Chinese).
const (
	msgForeignHost = "拒绝：审核页面只在本机地址（如 http://127.0.0.1:端口/review/）上提供，不接受其他主机名的访问。"
	msgCrossOrigin = "拒绝：这个请求不是从本机的审核页面发出的（来源不符），没有执行。请在审核页面上操作。"
	msgBadToken    = "拒绝：表单缺少校验码或校验码已失效（例如 gongshi serve 重新启动过），没有执行。请重新打开审核页面后再操作。"
)

func msgTooLarge() string {
	return fmt.Sprintf("文件超过 %d MB 上限，没有导入。", MaxUpload>>20)
}

// check answers the request itself (and returns false) when it is refused;
// a state-changing request that passes has its form parsed.
func (g *guard) check(w http.ResponseWriter, r *http.Request) bool {
	hd := w.Header()
	hd.Set("Content-Security-Policy", csp)
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("Referrer-Policy", "same-origin")
	hd.Set("X-Frame-Options", "DENY")
	hd.Set("Cache-Control", "no-store")
	if !g.allowHost(r.Host) {
		http.Error(w, msgForeignHost, http.StatusMisdirectedRequest)
		return false
	}
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		return true
	}
	if !sameOrigin(r) {
		http.Error(w, msgCrossOrigin, http.StatusForbidden)
		return false
	}
	// The whole body is bounded before it is read: an upload's file and
	// the form's overhead.
	const maxBody = MaxUpload + 1<<20
	if r.ContentLength > maxBody {
		http.Error(w, msgTooLarge(), http.StatusRequestEntityTooLarge)
		return false
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxBody)
	var err error
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		err = r.ParseMultipartForm(maxBody + 1)
	} else {
		err = r.ParseForm()
	}
	if err != nil {
		// A body over the limit is fault.TooLarge (413); any other form
		// that cannot be read is the asker's to correct (Invalid: 400).
		if k := fault.KindOf(err); k == fault.TooLarge {
			http.Error(w, msgTooLarge(), k.HTTPStatus())
		} else {
			http.Error(w, "无法读取表单："+err.Error(), fault.Invalid.HTTPStatus())
		}
		return false
	}
	if r.MultipartForm != nil {
		for _, fh := range r.MultipartForm.File["file"] {
			if fh.Size > MaxUpload {
				http.Error(w, msgTooLarge(), http.StatusRequestEntityTooLarge)
				return false
			}
		}
	}
	field, known := scopeField[r.URL.Path]
	scope := ""
	if field != "" {
		scope = r.PostFormValue(field)
	}
	if !known || !g.validToken(r.URL.Path, scope, r.PostFormValue(tokenField)) {
		http.Error(w, msgBadToken, http.StatusForbidden)
		return false
	}
	return true
}

// pageWriter carries the handler's templates (whose csrf function knows
// its secret) to render.
type pageWriter struct {
	http.ResponseWriter
	pages *template.Template
}

// handlerPages is the page templates with the csrf function of g.
func handlerPages(g *guard) *template.Template {
	t := template.Must(pages.Clone())
	return t.Funcs(template.FuncMap{"csrf": g.token})
}
