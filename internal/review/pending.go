package review

import (
	"fmt"
	"reflect"
	"sync"
	"time"

	"github.com/gongshi/gongshi/internal/intake"
)

// Limits of the imports shown but not yet saved (issue 19: 600 unsaved
// imports once added 157 MB to the server). An import older than
// PendingMaxAge is dropped; beyond PendingMaxCount imports, or
// PendingMaxBytes of what they hold (each the uploaded document and what
// the form said: see requestSize), the oldest are dropped first. The newest
// import is always kept (its document is at most MaxUpload), so the editor
// can save what they just saw.
const (
	PendingMaxAge   = 30 * time.Minute
	PendingMaxCount = 50
	PendingMaxBytes = 128 << 20
)

// goneKept is how many dropped imports are remembered (by token only), so
// that saving one says why it is gone instead of "nothing to save".
const goneKept = 1000

// pendingImports holds the imports shown but not yet saved, by token, with
// an expiry and caps on their number and memory (see PendingMaxAge).
type pendingImports struct {
	maxAge   time.Duration
	maxCount int
	maxBytes int64
	now      func() time.Time

	mu    sync.Mutex
	items map[string]*pendingItem
	order []string // tokens, oldest first
	bytes int64    // the sum of the items' sizes

	gone      map[string]string // token → why it was dropped
	goneOrder []string
}

type pendingItem struct {
	req   intake.Request
	size  int64
	added time.Time
}

func newPendingImports() *pendingImports {
	return &pendingImports{
		maxAge: PendingMaxAge, maxCount: PendingMaxCount, maxBytes: PendingMaxBytes, now: time.Now,
		items: map[string]*pendingItem{}, gone: map[string]string{},
	}
}

// put keeps req under tok and drops what is then over the limits.
func (p *pendingImports) put(tok string, req intake.Request) {
	size := requestSize(req)
	p.mu.Lock()
	defer p.mu.Unlock()
	p.items[tok] = &pendingItem{req: req, size: size, added: p.now()}
	p.order = append(p.order, tok)
	p.bytes += size
	p.sweep()
}

// get is the import under tok (false when there is none, or it expired).
func (p *pendingImports) get(tok string) (intake.Request, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.sweep()
	if it := p.items[tok]; it != nil {
		return it.req, true
	}
	return intake.Request{}, false
}

// update changes the request held under tok (an editor's correction);
// false when there is none.
func (p *pendingImports) update(tok string, f func(*intake.Request)) (intake.Request, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.sweep()
	it := p.items[tok]
	if it == nil {
		return intake.Request{}, false
	}
	f(&it.req)
	size := requestSize(it.req)
	p.bytes += size - it.size
	it.size = size
	return it.req, true
}

// remove drops the import under tok (it was saved).
func (p *pendingImports) remove(tok string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.drop(tok, "")
}

// why says, in Chinese, why the import under tok is no longer held, when
// it was dropped for its age or the caps (not when it was saved, or never
// existed).
func (p *pendingImports) why(tok string) (string, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.sweep()
	msg, ok := p.gone[tok]
	return msg, ok
}

// size is the number of imports held and their bytes.
func (p *pendingImports) size() (int, int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.items), p.bytes
}

// sweep drops, oldest first, the expired imports and those over the caps;
// the newest is kept whatever its size. p.mu is held.
func (p *pendingImports) sweep() {
	now := p.now()
	for len(p.order) > 0 {
		oldest := p.order[0]
		it := p.items[oldest]
		switch {
		case it == nil: // saved: only its place in the order was left
			p.order = p.order[1:]
			continue
		case now.Sub(it.added) >= p.maxAge:
			p.drop(oldest, fmt.Sprintf("这次导入已过期：超过 %d 分钟没有保存，已从内存中清除。请重新导入该文件。", int(p.maxAge/time.Minute)))
			continue
		case len(p.items) > 1 && (len(p.items) > p.maxCount || p.bytes > p.maxBytes):
			p.drop(oldest, fmt.Sprintf("这次导入已被清除：未保存的导入超过 %d 个或 %d MB 上限，最早的先清除。请重新导入该文件。", p.maxCount, p.maxBytes>>20))
			continue
		}
		break
	}
}

// drop removes tok, remembering why when why is not "". p.mu is held.
func (p *pendingImports) drop(tok, why string) {
	if it := p.items[tok]; it != nil {
		p.bytes -= it.size
		delete(p.items, tok)
	}
	if len(p.order) > 0 && p.order[0] == tok {
		p.order = p.order[1:]
	}
	if why == "" {
		return
	}
	p.gone[tok] = why
	p.goneOrder = append(p.goneOrder, tok)
	for len(p.goneOrder) > goneKept {
		delete(p.gone, p.goneOrder[0])
		p.goneOrder = p.goneOrder[1:]
	}
}

// requestSize is an upper bound of the bytes a held import takes (the
// uploaded document and what the form said, with the publisher read from
// config.toml): its own size, every string's bytes and every slice's
// backing array, followed through pointers (a string shared by two fields
// counts twice).
func requestSize(req intake.Request) int64 {
	v := reflect.ValueOf(req)
	return int64(v.Type().Size()) + heapSize(v, map[uintptr]bool{})
}

// heapSize is the bytes v refers to, beyond its own v.Type().Size().
func heapSize(v reflect.Value, seen map[uintptr]bool) int64 {
	var n int64
	switch v.Kind() {
	case reflect.String:
		n = int64(v.Len())
	case reflect.Pointer:
		if v.IsNil() || seen[v.Pointer()] {
			return 0
		}
		seen[v.Pointer()] = true
		n = int64(v.Type().Elem().Size()) + heapSize(v.Elem(), seen)
	case reflect.Interface:
		if !v.IsNil() {
			n = int64(v.Elem().Type().Size()) + heapSize(v.Elem(), seen)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			n += heapSize(v.Field(i), seen)
		}
	case reflect.Slice:
		if v.IsNil() {
			return 0
		}
		n = int64(v.Cap()) * int64(v.Type().Elem().Size())
		for i := 0; i < v.Len(); i++ {
			n += heapSize(v.Index(i), seen)
		}
	case reflect.Array:
		for i := 0; i < v.Len(); i++ {
			n += heapSize(v.Index(i), seen)
		}
	case reflect.Map:
		it := v.MapRange()
		for it.Next() {
			n += int64(v.Type().Key().Size()+v.Type().Elem().Size()) + heapSize(it.Key(), seen) + heapSize(it.Value(), seen)
		}
	}
	return n
}
