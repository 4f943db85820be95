/* gongshi search: the site's full-text search, run in the browser over the
   static index that `gongshi build` exports from its Bleve index (see
   internal/search/export.go). No server, no framework.

   It analyses the query exactly as Bleve's cjk analyzer does (UAX#29 words
   as github.com/blevesearch/segment finds them, full-width → half-width,
   lower case, CJK bigrams), parses Bleve's query-string syntax, and scores
   as Bleve's searchers do (TF-IDF: sqrt(tf) · norm · idf², the query norm,
   the coordination factor of disjunctions), so that its ranking is Bleve's
   (tests in internal/search compare both). A query fetches meta.json once,
   then only the term shards and postings its terms need, then the display
   data of the hits it shows. Results are built with DOM methods and
   textContent: nothing from the data is parsed as HTML. */
(function (root) {
  'use strict';

  /* ---------------- Character classes (segdata.js) ---------------- */

  // Word break classes, as blevesearch/segment's Ragel machine has them.
  var CR = 1, LF = 2, NL = 3, EXT = 4, FMT = 5, KATA = 6, ALET = 7, MIDLET = 8,
    MIDNUM = 9, MIDNUMLET = 10, NUM = 11, ENL = 12, RI = 13, HL = 14, DQ = 15, SQ = 16;
  // Scripts (stored × 32).
  var HANGUL = 1, HAN = 2, HIRA = 3;

  var bmp = new Uint8Array(0x10000);
  var astral = []; // [lo, hi, value], value = class | script × 32
  var lowerRanges = []; // [lo, hi, delta] (delta null: alternating)

  function decodeRanges(s, fn) {
    var a = s.split(','), prev = 0;
    for (var i = 0; i + 1 < a.length; i += 2) {
      var lo = prev + parseInt(a[i], 36), hi = lo + parseInt(a[i + 1], 36);
      fn(lo, hi);
      prev = hi + 1;
    }
  }
  function setProps(code) {
    return function (lo, hi) {
      for (var c = lo; c <= hi && c < 0x10000; c++) bmp[c] |= code;
      if (hi >= 0x10000) astral.push([Math.max(lo, 0x10000), hi, code]);
    };
  }
  function initTables(d) {
    for (var i = 0; i < d.wb.length; i++) decodeRanges(d.wb[i], setProps(i + 1));
    for (var j = 0; j < d.sc.length; j++) decodeRanges(d.sc[j], setProps((j + 1) * 32));
    astral.sort(function (a, b) { return a[0] - b[0]; });
    var l = d.lower.split(','), prev = 0;
    for (var k = 0; k + 2 < l.length; k += 3) {
      var lo = prev + parseInt(l[k], 36), hi = lo + parseInt(l[k + 1], 36);
      lowerRanges.push([lo, hi, l[k + 2] === 'a' ? null : parseInt(l[k + 2], 36)]);
      prev = hi + 1;
    }
  }
  function props(cp) {
    if (cp < 0x10000) return bmp[cp];
    var v = 0;
    for (var i = 0; i < astral.length && astral[i][0] <= cp; i++) {
      if (cp <= astral[i][1]) v |= astral[i][2];
    }
    return v;
  }

  /* ---------------- Word segmentation (segment's Ragel scanner) ----------------
     Each rule of segment_words.rl as a matcher over code point positions:
     a matcher maps a list of start positions to the list of positions where
     a match can end. The scanner takes the longest match of all rules at
     the current position, the first rule on a tie. */

  var W; // code points' props of the text being segmented
  function is(set) { // matches one code point whose class is in set
    return function (s) {
      var out = [];
      for (var i = 0; i < s.length; i++) {
        var p = s[i];
        if (p < W.length && set[W[p] & 31]) out.push(p + 1);
      }
      return out;
    };
  }
  function script(sc) {
    return function (s) {
      var out = [];
      for (var i = 0; i < s.length; i++) if (s[i] < W.length && (W[s[i]] >> 5) === sc) out.push(s[i] + 1);
      return out;
    };
  }
  function union(a, b) {
    if (!a.length) return b;
    var seen = {}, out = a.slice();
    for (var i = 0; i < a.length; i++) seen[a[i]] = true;
    for (var j = 0; j < b.length; j++) if (!seen[b[j]]) { seen[b[j]] = true; out.push(b[j]); }
    return out;
  }
  function seq() {
    var ms = arguments;
    return function (s) {
      for (var i = 0; i < ms.length && s.length; i++) s = ms[i](s);
      return s;
    };
  }
  function alt() {
    var ms = arguments;
    return function (s) {
      var out = [];
      for (var i = 0; i < ms.length; i++) out = union(out, ms[i](s));
      return out;
    };
  }
  function star(m) {
    return function (s) {
      var seen = {}, all = s.slice(), front = s;
      for (var i = 0; i < s.length; i++) seen[s[i]] = true;
      while (front.length) {
        var next = m(front), nf = [];
        for (var j = 0; j < next.length; j++) {
          if (!seen[next[j]]) { seen[next[j]] = true; nf.push(next[j]); all.push(next[j]); }
        }
        front = nf;
      }
      return all;
    };
  }
  function plus(m) { return seq(m, star(m)); }
  function set() {
    var o = {};
    for (var i = 0; i < arguments.length; i++) o[arguments[i]] = true;
    return o;
  }

  var ExtFmt = star(is(set(EXT, FMT)));
  function ex(m) { return seq(m, ExtFmt); }
  var HangulEx = ex(script(HANGUL)), HebrewOrALetterEx = ex(is(set(HL, ALET))),
    NumericEx = ex(is(set(NUM))), KatakanaEx = ex(is(set(KATA))),
    MidLetterEx = ex(is(set(MIDLET, MIDNUMLET, SQ))), MidNumericEx = ex(is(set(MIDNUM, MIDNUMLET, SQ))),
    ExtendNumLetEx = ex(is(set(ENL))), HanEx = ex(script(HAN)), HiraganaEx = ex(script(HIRA)),
    SingleQuoteEx = ex(is(set(SQ))), DoubleQuoteEx = ex(is(set(DQ))), HebrewLetterEx = ex(is(set(HL))),
    RegionalIndicatorEx = ex(is(set(RI)));
  var ENLs = star(ExtendNumLetEx);
  var numRun = seq(NumericEx, star(seq(alt(ENLs, MidNumericEx), NumericEx)));
  var letRun = seq(HebrewOrALetterEx, star(seq(alt(ENLs, MidLetterEx), HebrewOrALetterEx)));
  var kataRun = seq(KatakanaEx, star(seq(ENLs, KatakanaEx)));
  var hebQuote = seq(HebrewLetterEx, alt(SingleQuoteEx, seq(DoubleQuoteEx, HebrewLetterEx)));
  // Token types, as Bleve numbers them.
  var ALNUM = 0, IDEO = 1, NUMERIC = 2, SINGLE = 5, DOUBLE = 6, NONE_T = -1;
  var RULES = [
    // [matcher, token type] in segment_words.rl's order
    [seq(ENLs, NumericEx, star(seq(alt(ENLs, MidNumericEx), NumericEx)), ENLs), NUMERIC], // WordNumeric
    [plus(HangulEx), ALNUM],                                                             // WordHangul
    [plus(KatakanaEx), IDEO],                                                            // WordKatakana
    [seq(ENLs,
      alt(kataRun, plus(alt(hebQuote, numRun, letRun, ExtendNumLetEx))),
      star(seq(plus(ExtendNumLetEx), alt(kataRun, plus(alt(hebQuote, numRun, letRun))))),
      ENLs), ALNUM],                                                                     // Word
    [HanEx, IDEO],                                                                       // WordHan
    [HiraganaEx, IDEO],                                                                  // WordHiragana
    [plus(RegionalIndicatorEx), NONE_T]                                                  // WordRegional
  ];

  function codePoints(text) {
    var cps = [], units = [], bytes = [], b = 0;
    for (var i = 0; i < text.length;) {
      var c = text.codePointAt(i);
      cps.push(c); units.push(i); bytes.push(b);
      b += utf8Len(c);
      i += c > 0xffff ? 2 : 1;
    }
    units.push(text.length); bytes.push(b);
    return { cps: cps, units: units, bytes: bytes };
  }
  function utf8Len(c) { return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4; }

  function asciiAlnum(c) { return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a); }
  function asciiRun(cps, p) {
    while (p < cps.length && asciiAlnum(cps[p])) p++;
    return p;
  }

  // tokenize is Bleve's unicode tokenizer: the words (not spaces and
  // punctuation) with their byte offsets, positions from 1.
  function tokenize(cp) {
    var cps = cp.cps, n = cps.length, out = [], pos = 1;
    W = new Array(n);
    for (var i = 0; i < n; i++) W[i] = props(cps[i]);
    for (var p = 0; p < n;) {
      var cls = W[p] & 31, sc = W[p] >> 5, best = 0, type = NONE_T, c = cps[p];
      if (cls === 0 && (sc === HAN || sc === HIRA)) { // the common case, quickly
        best = p + 1;
        while (best < n && ((W[best] & 31) === EXT || (W[best] & 31) === FMT)) best++;
        type = IDEO;
      } else if (asciiAlnum(c) && (best = asciiRun(cps, p)) && (best >= n || (W[best] & 31) === 0)) {
        // ASCII letters and digits up to a character no rule continues
        // with: one word, a number if all digits.
        type = NUMERIC;
        for (var d = p; d < best; d++) if (cps[d] > 0x39) { type = ALNUM; break; }
      } else if (cls !== 0 || sc !== 0) {
        best = 0;
        for (var r = 0; r < RULES.length; r++) {
          var ends = RULES[r][0]([p]);
          for (var k = 0; k < ends.length; k++) {
            if (ends[k] > best) { best = ends[k]; type = RULES[r][1]; }
          }
        }
      }
      if (best <= p) { // not a word: skip it, as segment's None rules do
        if (cls === EXT || cls === FMT || (cps[p] < 0x80 && cls !== CR && cls !== LF && cls !== NL)) {
          p++; // WordExt takes a run of marks; Other, an ASCII character and its marks
          while (p < n && ((W[p] & 31) === EXT || (W[p] & 31) === FMT)) p++;
        } else p++;
        continue;
      }
      if (type !== NONE_T) out.push({ term: cps.slice(p, best), start: cp.bytes[p], end: cp.bytes[best], pos: pos++, type: type });
      p = best;
    }
    W = null;
    return out;
  }

  /* ---------------- Token filters ---------------- */

  var kanaNorm = [0x30fb, 0x30f2, 0x30a1, 0x30a3, 0x30a5, 0x30a7, 0x30a9, 0x30e3, 0x30e5,
    0x30e7, 0x30c3, 0x30fc, 0x30a2, 0x30a4, 0x30a6, 0x30a8, 0x30aa, 0x30ab,
    0x30ad, 0x30af, 0x30b1, 0x30b3, 0x30b5, 0x30b7, 0x30b9, 0x30bb, 0x30bd,
    0x30bf, 0x30c1, 0x30c4, 0x30c6, 0x30c8, 0x30ca, 0x30cb, 0x30cc, 0x30cd,
    0x30ce, 0x30cf, 0x30d2, 0x30d5, 0x30d8, 0x30db, 0x30de, 0x30df, 0x30e0,
    0x30e1, 0x30e2, 0x30e4, 0x30e6, 0x30e8, 0x30e9, 0x30ea, 0x30eb, 0x30ec,
    0x30ed, 0x30ef, 0x30f3, 0x3099, 0x309A];
  var kanaVoiced = [78, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1,
    0, 1, 0, 1, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 1,
    0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 8, 8, 8, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1];
  var kanaHalfVoiced = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 2, 0, 0, 2,
    0, 0, 2, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

  // cjk_width: full-width ASCII → ASCII, half-width katakana → katakana.
  function widthFilter(tokens) {
    for (var t = 0; t < tokens.length; t++) {
      var r = tokens[t].term;
      for (var i = 0; i < r.length; i++) {
        var ch = r[i];
        if (ch >= 0xff01 && ch <= 0xff5e) {
          r[i] = ch - 0xfee0;
        } else if (ch >= 0xff65 && ch <= 0xff9f) {
          if ((ch === 0xff9e || ch === 0xff9f) && i > 0 && combineKana(r, i, ch)) {
            r.splice(i, 1);
            i--;
          } else {
            r[i] = kanaNorm[ch - 0xff65];
          }
        }
      }
    }
  }
  function combineKana(r, i, ch) {
    var prev = r[i - 1];
    if (prev >= 0x30a6 && prev <= 0x30fd) {
      r[i - 1] += (ch === 0xff9f ? kanaHalfVoiced : kanaVoiced)[prev - 0x30a6];
      return r[i - 1] !== prev;
    }
    return false;
  }

  // toLower is Go's unicode.ToLower.
  function toLower(c) {
    if (c < 0x80) return c >= 0x41 && c <= 0x5a ? c + 32 : c;
    var lo = 0, hi = lowerRanges.length - 1;
    while (lo <= hi) {
      var m = (lo + hi) >> 1, e = lowerRanges[m];
      if (c < e[0]) hi = m - 1;
      else if (c > e[1]) lo = m + 1;
      else return e[2] === null ? e[0] + (((c - e[0]) & ~1) | 1) : c + e[2];
    }
    return c;
  }
  // to_lower, byte for byte as Bleve's toLowerDeferredCopy: lowered in
  // place, a final capital sigma becoming ς; a letter whose lower case is
  // shorter in UTF-8 leaves the following unchanged bytes unmoved (so the
  // term keeps stale bytes, as in Bleve's index); one whose lower case is
  // longer has the rest of the token lowered plainly.
  function lowerBytes(s) {
    var j = 0, n = s.length;
    for (var i = 0; i < n;) {
      var d = decodeRune(s, i), r = d[0], wid = d[1], l = toLower(r);
      if (l === r) { i += wid; j += wid; continue; }
      if (l === 0x3c3 && i + 2 === n) l = 0x3c2;
      var lw = utf8Len(l);
      if (lw > wid) {
        var rest = [];
        for (var k = i; k < n;) {
          var e = decodeRune(s, k);
          encode(rest, rest.length, toLower(e[0]));
          k += e[1];
        }
        return s.slice(0, j).concat(rest);
      }
      encode(s, j, l);
      i += wid;
      j += lw;
    }
    return s.slice(0, j);
  }
  function decodeRune(s, i) {
    var b = s[i];
    if (b < 0x80) return [b, 1];
    if (b >= 0xf0) return [((b & 7) << 18) | ((s[i + 1] & 63) << 12) | ((s[i + 2] & 63) << 6) | (s[i + 3] & 63), 4];
    if (b >= 0xe0) return [((b & 15) << 12) | ((s[i + 1] & 63) << 6) | (s[i + 2] & 63), 3];
    return [((b & 31) << 6) | (s[i + 1] & 63), 2];
  }
  function encode(out, at, c) {
    var b = c < 0x80 ? [c] : c < 0x800 ? [0xc0 | (c >> 6), 0x80 | (c & 63)] :
      c < 0x10000 ? [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)] :
        [0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)];
    for (var i = 0; i < b.length; i++) out[at + i] = b[i];
  }
  function utf8Bytes(cps) {
    var out = [];
    for (var i = 0; i < cps.length; i++) encode(out, out.length, cps[i]);
    return out;
  }
  // key is a term's bytes as a string: the text when they are valid UTF-8,
  // else NUL and one character per byte.
  var strict = typeof TextDecoder !== 'undefined' ? new TextDecoder('utf-8', { fatal: true }) : null;
  function key(bytes) {
    try {
      return strict.decode(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
    } catch (e) {
      return '\u0000' + String.fromCharCode.apply(null, Array.from(bytes));
    }
  }
  function keyBytes(k) {
    if (k.charCodeAt(0) === 0) return Array.from(k.slice(1), function (c) { return c.charCodeAt(0); });
    return Array.from(new TextEncoder().encode(k));
  }

  // cjk_bigram: runs of ideographs become overlapping pairs; a lone
  // ideograph stays a single; other tokens pass through. Positions are
  // renumbered.
  function bigramFilter(input) {
    var ring = [null, null], cur = 0, items = 0, pos = 1, outPos = 1, rv = [];
    function unigram(p) {
      var t = items === 2 ? ring[1 - cur] : ring[cur];
      return t && { term: t.term, start: t.start, end: t.end, pos: p, type: SINGLE };
    }
    function flush() {
      var t = null;
      if (items === 1) t = unigram(outPos);
      ring[cur] = null;
      items = 0;
      return t;
    }
    for (var k = 0; k < input.length; k++) {
      var tok = input[k];
      if (tok.type === IDEO) {
        var sofar = 0;
        for (var i = 0; i < tok.term.length; i++) {
          var rl = utf8Len(tok.term[i]);
          var token = { term: [tok.term[i]], start: tok.start + sofar, end: tok.start + sofar + rl, pos: pos, type: tok.type };
          pos++;
          sofar += rl;
          if (items > 0 && token.start - ring[cur].end !== 0) {
            var f = flush();
            if (f) { outPos++; rv.push(f); }
          }
          cur = 1 - cur;
          ring[cur] = token;
          if (items < 2) items++;
          if (items === 2) {
            var a = ring[1 - cur], b = ring[cur];
            rv.push({ term: a.term.concat(b.term), start: a.start, end: b.end, pos: outPos, type: DOUBLE });
            outPos++;
          }
        }
      } else {
        var g = flush();
        if (g) { rv.push(g); outPos++; }
        tok.pos = outPos;
        rv.push(tok);
        outPos++;
      }
    }
    if (items === 1) {
      var u = unigram(outPos);
      if (u) rv.push(u);
    }
    return rv;
  }

  // analyze is Bleve's cjk analyzer: tokens {term, start, end (UTF-8 byte
  // offsets), pos, type}.
  // foldCp folds a full-width digit or Latin letter to ASCII, before the
  // words are found (as internal/search/fold.go): ２０２４ is 2024.
  function foldCp(c) {
    return (c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a) ? c - 0xfee0 : c;
  }
  function foldWidth(s) {
    return s.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xfee0); });
  }
  function analyze(text, cp) {
    cp = cp || codePoints(text);
    // Words are found in the folded text; offsets stay the text's.
    var tokens = tokenize({ cps: cp.cps.map(foldCp), bytes: cp.bytes });
    widthFilter(tokens);
    for (var i = 0; i < tokens.length; i++) {
      var t = tokens[i];
      if (t.type !== IDEO) t.term = key(lowerBytes(utf8Bytes(t.term))); // ideographs have no case
    }
    tokens = bigramFilter(tokens);
    for (var j = 0; j < tokens.length; j++) {
      if (typeof tokens[j].term !== 'string') tokens[j].term = String.fromCodePoint.apply(null, tokens[j].term);
    }
    return tokens;
  }
  function terms(text) {
    return analyze(text).map(function (t) { return t.term; });
  }

  /* ---------------- Bleve's query-string syntax ---------------- */

  var tSTRING = 1, tPHRASE = 2, tPLUS = 3, tMINUS = 4, tCOLON = 5, tBOOST = 6, tNUMBER = 7,
    tGREATER = 8, tLESS = 9, tEQUAL = 10, tTILDE = 11;
  var RESERVED = '+-=&|><!(){}[]^"~*?:\\/ ';

  function isDigit(c) { return /\p{Nd}/u.test(c); }
  function isSpace(c) { // Go's unicode.IsSpace
    return /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/.test(c);
  }
  function unescape(c) { return RESERVED.indexOf(c) >= 0 ? c : '\\' + c; }

  // lex is the query-string lexer (query_string_lex.go), state by state.
  function lex(q) {
    var runes = Array.from(q), toks = [], i = 0, buf = '', esc = false, dot = false;
    var state = start;
    function emit(type, s) { toks.push({ type: type, s: s }); }
    function reset() { buf = ''; esc = false; dot = false; }
    function start(c, eof) {
      if (eof) return [null, false];
      if (esc) { esc = false; buf += unescape(c); return [inStr, true]; }
      switch (c) {
        case '"': return [inPhrase, true];
        case '+': case '-': case ':': case '>': case '<': case '=': buf += c; return [singleOp, true];
        case '^': return [inBoost, true];
        case '~': return [inTilde, true];
      }
      if (!esc && c === '\\') { esc = true; return [start, true]; }
      if (isDigit(c)) { buf += c; return [inNumOrStr, true]; }
      if (!isSpace(c)) { buf += c; return [inStr, true]; }
      reset();
      return [start, true];
    }
    function inPhrase(c, eof) {
      if (eof) throw new Error('unterminated quote');
      if (!esc && c === '"') { emit(tPHRASE, buf); reset(); return [start, true]; }
      if (!esc && c === '\\') esc = true;
      else if (esc) { esc = false; buf += unescape(c); } else buf += c;
      return [inPhrase, true];
    }
    function singleOp() {
      emit({ '+': tPLUS, '-': tMINUS, ':': tCOLON, '>': tGREATER, '<': tLESS, '=': tEQUAL }[buf], '');
      reset();
      return [start, false];
    }
    function valueState(type, self) {
      return function (c, eof) {
        if (eof || (!esc && c === ' ')) { emit(type, buf === '' ? '1' : buf); reset(); return [start, true]; }
        if (!esc && c === '\\') esc = true;
        else if (esc) { esc = false; buf += unescape(c); } else buf += c;
        return [self(), true];
      };
    }
    var inBoost = valueState(tBOOST, function () { return inBoost; });
    var inTilde = valueState(tTILDE, function () { return inTilde; });
    function inNumOrStr(c, eof) {
      if (eof || (!esc && (c === ' ' || c === ':' || c === '^' || c === '~'))) {
        emit(tNUMBER, buf); reset();
        return [start, eof || !(c === ':' || c === '^' || c === '~')];
      }
      if (!esc && c === '\\') { esc = true; return [inNumOrStr, true]; }
      if (esc) { esc = false; buf += unescape(c); return [inStr, true]; }
      if (!dot && c === '.') { dot = true; buf += c; return [inNumOrStr, true]; }
      if (isDigit(c)) { buf += c; return [inNumOrStr, true]; }
      buf += c;
      return [inStr, true];
    }
    function inStr(c, eof) {
      if (eof || (!esc && (c === ' ' || c === ':' || c === '^' || c === '~'))) {
        emit(tSTRING, buf); reset();
        return [start, eof || !(c === ':' || c === '^' || c === '~')];
      }
      if (!esc && c === '\\') esc = true;
      else if (esc) { esc = false; buf += unescape(c); } else buf += c;
      return [inStr, true];
    }
    var consumed = true, c = '', eof = false;
    for (;;) {
      if (consumed) {
        eof = i >= runes.length;
        c = eof ? '' : runes[i++];
      }
      var r = state(c, eof);
      state = r[0];
      consumed = r[1];
      if (!state) break;
    }
    return toks;
  }

  // parse is the query-string grammar (query_string.y): a list of clauses
  // {occur: should|must|not, q: {kind: match|phrase|number|…}}.
  function parse(q) {
    var toks = lex(q), i = 0, parts = [];
    function peek(k) { return toks[i + (k || 0)]; }
    function next() { return toks[i++]; }
    function fail() { throw new Error('syntax error'); }
    function num(s) {
      var v = Number(s);
      if (s === '' || isNaN(v)) throw new Error('invalid number ' + s);
      return v;
    }
    if (!toks.length) fail();
    while (i < toks.length) {
      var occur = 'should';
      if (peek().type === tPLUS) { occur = 'must'; i++; } else if (peek().type === tMINUS) { occur = 'not'; i++; }
      var t = next(), q1;
      if (!t) fail();
      if ((t.type === tSTRING || t.type === tPHRASE) && peek() && peek().type === tCOLON) {
        i++;
        var field = t.s, v = next();
        if (!v) fail();
        if (v.type === tSTRING) {
          if (peek() && peek().type === tTILDE) { i++; q1 = fuzzy(v.s); } else q1 = str(v.s, field);
        } else if (v.type === tNUMBER) q1 = { kind: 'number', text: v.s, field: field };
        else if (v.type === tMINUS && peek() && peek().type === tNUMBER) q1 = { kind: 'number', text: '-' + next().s, field: field };
        else if (v.type === tPHRASE) q1 = { kind: 'phrase', text: v.s, field: field };
        else if (v.type === tGREATER || v.type === tLESS) {
          if (peek() && peek().type === tEQUAL) i++;
          var w = next();
          if (w && w.type === tMINUS) w = next();
          if (!w || (w.type !== tNUMBER && w.type !== tPHRASE)) fail();
          if (w.type === tNUMBER) num(w.s);
          q1 = { kind: 'unsupported', what: '范围查询' };
        } else fail();
      } else if (t.type === tSTRING) {
        if (peek() && peek().type === tTILDE) { num(next().s); q1 = fuzzy(t.s); } else q1 = str(t.s, '');
      } else if (t.type === tNUMBER) {
        num(t.s);
        q1 = { kind: 'number', text: t.s, field: '' };
      } else if (t.type === tPHRASE) {
        q1 = { kind: 'phrase', text: t.s, field: '' };
      } else fail();
      if (peek() && peek().type === tBOOST) q1.boost = num(next().s);
      if (q1.kind === 'number') num(q1.text);
      parts.push({ occur: occur, q: q1 });
    }
    return parts;
  }
  // Fuzzy matching needs the server, which refuses it on Chinese text
  // (indexed as pairs of characters, of which one edit matches most):
  // search.Search says so too (internal/search/limits.go).
  function fuzzy(s) {
    if (/[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff]/.test(s)) return { kind: 'unsupported', what: '中文的模糊查询 ~（服务器也不支持：中文按两字一组索引，请去掉 ~）', server: false };
    return { kind: 'unsupported', what: '模糊查询 ~' };
  }
  function str(s, field) {
    if (s.length > 1 && s[0] === '/' && s[s.length - 1] === '/') return { kind: 'unsupported', what: '正则表达式 /…/' };
    if (/[*?]/.test(s)) return { kind: 'unsupported', what: '通配符 * ?' };
    return { kind: 'match', text: s, field: field };
  }

  /* ---------------- The static index ---------------- */

  function fnv1a(s) {
    var b = keyBytes(s), h = 0x811c9dc5;
    for (var i = 0; i < b.length; i++) { h ^= b[i]; h = Math.imul(h, 16777619) >>> 0; }
    return h >>> 0;
  }
  function hex2(n) { return ('0' + n.toString(16)).slice(-2); }
  function hex4(n) { return ('000' + n.toString(16)).slice(-4); }
  var VERSION = 7; // internal/search's exportVersion: the layout this file reads

  // Index reads the static index through load(path, binary) → Promise (of
  // null when the host answers 404: a term shard that holds no term is
  // not written).
  function Index(load) {
    this.load = load;
    this.shards = {};
    this.postings = {};
    this.chunks = {};
    this.attr = null; // document → status + span × category, from postings (span: meta.statuses.length + 1); an array of meta.docs (init)
    this.meta = null;
    this.due = new Map(); // document → [deadline as 20241231, 1 if overdue]
  }
  Index.prototype.init = function () {
    var self = this;
    if (!this.ready) {
      this.ready = this.load('meta.json', false).then(function (m) {
        if (m.v !== VERSION) throw new Error('meta.json: index version ' + m.v + ', search.js reads ' + VERSION + ': reload the page');
        self.meta = m;
        self.span = m.statuses.length + 1; // internal/search: statusSpan
        // An array, not an object keyed by document numbers (which the
        // postings of one word at 1,000 townships fill with thousands of
        // sparse keys).
        self.attr = typeof Float64Array !== 'undefined' ? new Float64Array(m.docs) : [];
        self.v = '?v=' + m.build;
        // starts[i]: notice i's first document; inUnit[i]: its place among
        // its unit's documents (internal/search: Index.chunk).
        var start = 0, unitDocs = m.units.map(function () { return 0; });
        self.starts = [];
        self.inUnit = [];
        m.notices.forEach(function (n) {
          self.starts.push(start);
          self.inUnit.push(unitDocs[n[0]]);
          start += n[2];
          unitDocs[n[0]] += n[2];
        });
        var join = function (a, b) { return b ? a + '/' + b : a; };
        self.paths = m.places.map(function (p) { return join(m.counties[p[0]][3], p[2]); });
        self.unitPaths = m.units.map(function (u) { return join(self.paths[u[0]], u[2]); });
        self.due = new Map();
        self.placeOf = [];
        (m.due || []).forEach(function (x) { self.due.set(x[0], [x[1], x[2]]); });
        return self;
      });
    }
    return this.ready;
  };
  function buildOf(b) {
    var s = '';
    for (var i = 0; i < 8 && i < b.length; i++) s += hex2(b[i]);
    return s;
  }
  // isPage: bytes that start as an HTML page does (spaces, then <).
  function isPage(b) {
    var i = 0;
    while (i < b.length && (b[i] === 0x20 || b[i] === 0x0a || b[i] === 0x0d || b[i] === 0x09 || b[i] === 0xef || b[i] === 0xbb || b[i] === 0xbf)) i++;
    return i < b.length && b[i] === 0x3c;
  }
  function uvarint(b, p) {
    var v = 0, mul = 1, c;
    do { c = b[p.i++]; v += (c & 127) * mul; mul *= 128; } while (c & 128);
    return v;
  }
  // shard fetches term shard n (of meta.json's shards: their number grows
  // with the index, see internal/search shardCount), with the build's id
  // in its address, so that no cache hands back another build's shard;
  // its first 8 bytes, the numbering's id, must be meta.json's (a cache
  // that ignores the address's query could still hand back a shard that
  // numbers the documents otherwise).
  Index.prototype.shard = function (n) {
    var self = this, name = 't/' + hex4(n) + '.bin';
    if (!this.shards[n]) {
      this.shards[n] = this.load(name + self.v, true).then(function (b) {
        // No file (a 404), or a page in its place (a host that answers a
        // missing file with its home page): a shard that holds no term.
        if (!b || (buildOf(b) !== self.meta.numbering && isPage(b))) return {};
        if (buildOf(b) !== self.meta.numbering) throw new Error(name + ' is from another build');
        var p = { i: 8 }, count = uvarint(b, p), dict = {}, ext = 0;
        for (var k = 0; k < count; k++) {
          var len = uvarint(b, p), term = key(b.subarray(p.i, p.i + len));
          p.i += len;
          var df = uvarint(b, p), plen = uvarint(b, p);
          if (plen === 0) dict[term] = { df: df, ext: 'p/' + hex4(n) + '-' + (ext++) + '.bin' + self.v };
          else { dict[term] = { df: df, bytes: b.subarray(p.i, p.i + plen) }; p.i += plen; }
        }
        return dict;
      });
    }
    return this.shards[n];
  };
  // term resolves to {df, docs, tfs, lens} (df 0, no postings: not in the index).
  Index.prototype.term = function (term) {
    var self = this;
    if (!this.postings[term]) {
      this.postings[term] = this.init().then(function () {
        return self.shard(fnv1a(term) & (self.meta.shards - 1));
      }).then(function (dict) {
        var e = dict[term];
        if (!e) return { df: 0, docs: [], tfs: [], lens: [] };
        var bytes = e.bytes ? Promise.resolve(e.bytes) : self.load(e.ext, true);
        return bytes.then(function (b) { return self.decode(e.df, b); });
      });
    }
    return this.postings[term];
  };
  Index.prototype.decode = function (df, b) {
    var p = { i: 0 }, docs = [], tfs = [], lens = [], doc = 0;
    while (p.i < b.length) {
      doc += uvarint(b, p);
      var v = uvarint(b, p), tf = v & 7;
      if (tf === 7) tf += uvarint(b, p);
      docs.push(doc); tfs.push(tf); lens.push(uvarint(b, p));
      this.attr[doc] = Math.floor(v / 8);
    }
    return { df: df, docs: docs, tfs: tfs, lens: lens };
  };
  // noticeOf is the notice of document n (its index in meta.notices).
  Index.prototype.noticeOf = function (n) {
    var lo = 0, hi = this.starts.length - 1;
    while (lo < hi) {
      var m = (lo + hi + 1) >> 1;
      if (this.starts[m] <= n) lo = m; else hi = m - 1;
    }
    return lo;
  };
  // doc is document n's display data, from its unit's display file
  // d/UNIT/K.json (meta.chunk documents of the unit to a file).
  Index.prototype.doc = function (n) {
    var ni = this.noticeOf(n), j = this.inUnit[ni] + n - this.starts[ni];
    var k = Math.floor(j / this.meta.chunk), i = j - k * this.meta.chunk;
    var name = 'd/' + this.unitPaths[this.meta.notices[ni][0]] + '/' + k + '.json';
    if (!this.chunks[name]) this.chunks[name] = this.load(name + this.v, false);
    return this.chunks[name].then(function (c) { return c[i]; });
  };
  // place is a document's notice, unit, place (township) and county.
  // The object is the notice's, made once (read it, do not change it):
  // a query's facets ask it of every hit.
  Index.prototype.place = function (n) {
    var lo = this.noticeOf(n), pl = this.placeOf[lo];
    if (pl) return pl;
    var no = this.meta.notices[lo], unit = this.meta.units[no[0]], town = this.meta.places[unit[0]];
    var county = this.meta.counties[town[0]];
    var d = String(no[1]), signed = d.slice(0, 4) + '-' + d.slice(4, 6) + '-' + d.slice(6);
    return (this.placeOf[lo] = {
      notice: lo, signed: signed, year: d.slice(0, 4), town: town, county: county, path: this.paths[unit[0]],
      unit: unit, unitPath: this.unitPaths[no[0]], kind: unit[3], label: this.unitLabel(no[0])
    });
  };
  // unitLabel names unit i with its county (as internal/search unitLabel).
  Index.prototype.unitLabel = function (i) {
    var u = this.meta.units[i], p = this.meta.places[u[0]], county = this.meta.counties[p[0]][2];
    if (!u[2]) return county + p[1];
    return county + p[1] + u[1];
  };

  /* ---------------- Searchers and scores (Bleve's TF-IDF) ---------------- */

  var NONE = { none: true };
  function byCount(list) { // Bleve's OrderedSearcherList; a stable sort for short lists
    return list.map(function (s, i) { return [s, i]; })
      .sort(function (a, b) { return a[0].count() - b[0].count() || a[1] - b[1]; })
      .map(function (x) { return x[0]; });
  }
  function sumWeights(list) {
    var w = 0;
    for (var i = 0; i < list.length; i++) w += list[i].weight();
    return w;
  }

  function TermS(p, boost, docCount) {
    this.p = p;
    this.boost = boost;
    this.idf = 1 + Math.log(docCount / (p.df + 1));
  }
  TermS.prototype.count = function () { return this.p.df; };
  TermS.prototype.weight = function () { var s = this.boost * this.idf; return s * s; };
  TermS.prototype.eval = function (qn) {
    var p = this.p, qw = this.boost * this.idf * qn, out = new Map();
    for (var i = 0; i < p.docs.length; i++) {
      var score = Math.sqrt(p.tfs[i]) * Math.fround(1 / Math.sqrt(p.lens[i])) * this.idf;
      if (qw !== 1) score = score * qw;
      out.set(p.docs[i], score);
    }
    return out;
  };

  function DisjS(children, min) {
    this.c = byCount(children);
    this.min = min;
  }
  DisjS.prototype.count = function () { var n = 0; this.c.forEach(function (s) { n += s.count(); }); return n; };
  DisjS.prototype.weight = function () { return sumWeights(this.c); };
  DisjS.prototype.eval = function (qn) {
    var rs = this.c.map(function (s) { return s.eval(qn); }), all = new Map(), n = this.c.length;
    rs.forEach(function (r) { r.forEach(function (v, d) { all.set(d, true); }); });
    var out = new Map(), min = this.min;
    all.forEach(function (v, d) {
      var sum = 0, m = 0;
      for (var i = 0; i < rs.length; i++) {
        var s = rs[i].get(d);
        if (s !== undefined) { sum += s; m++; }
      }
      if (m >= min) out.set(d, sum * (m / n));
    });
    return out;
  };

  function ConjS(children) { this.c = byCount(children); }
  ConjS.prototype.count = DisjS.prototype.count;
  ConjS.prototype.weight = DisjS.prototype.weight;
  ConjS.prototype.eval = function (qn) {
    var rs = this.c.map(function (s) { return s.eval(qn); }), out = new Map();
    if (!rs.length) return out;
    var smallest = rs.reduce(function (a, b) { return a.size <= b.size ? a : b; });
    smallest.forEach(function (v, d) {
      var sum = 0;
      for (var i = 0; i < rs.length; i++) {
        var s = rs[i].get(d);
        if (s === undefined) return;
        sum += s;
      }
      out.set(d, sum);
    });
    return out;
  };

  // PhraseS scores as its conjunction; documents pass when their text has
  // the terms at consecutive positions (checked before eval: see search).
  function PhraseS(children, phrase) {
    this.conj = new ConjS(children);
    this.phrase = phrase;
    this.ok = null;
  }
  PhraseS.prototype.count = function () { return this.conj.count(); };
  PhraseS.prototype.weight = function () { return this.conj.weight(); };
  PhraseS.prototype.eval = function (qn) {
    var r = this.conj.eval(qn), ok = this.ok;
    if (this.phrase.length < 2 || !ok) return r;
    var out = new Map();
    r.forEach(function (v, d) { if (ok.has(d)) out.set(d, v); });
    return out;
  };

  // EmptyS is the numeric-range clause of a bare number on a text field:
  // it matches nothing but counts as a clause.
  var EmptyS = { count: function () { return 0; }, weight: function () { return 0; }, eval: function () { return new Map(); } };

  function BoolS(must, should, not) { this.must = must; this.should = should; this.not = not; }
  BoolS.prototype.count = function () { return (this.must ? this.must.count() : 0) + (this.should ? this.should.count() : 0); };
  BoolS.prototype.weight = function () { return (this.must ? this.must.weight() : 0) + (this.should ? this.should.weight() : 0); };
  BoolS.prototype.eval = function (qn) {
    var must = this.must && this.must.eval(qn), should = this.should && this.should.eval(qn);
    var not = this.not ? this.not.eval(qn) : new Map(), out = new Map();
    (must || should).forEach(function (v, d) {
      if (not.has(d)) return;
      var s = must ? v : 0;
      if (must) {
        var o = should && should.get(d);
        if (o !== undefined && o !== null) s += o;
      } else s = v;
      out.set(d, s);
    });
    return out;
  };

  // plan turns parsed clauses into searchers, as Bleve's queries build
  // theirs (query-string mode: clauses that match nothing are dropped).
  function plan(parts, termOf, docCount) {
    var phrases = [], unsupported = [], serverRefuses = false;
    function build(q) {
      if (q.kind === 'unsupported') { unsupported.push(q.what); if (q.server === false) serverRefuses = true; return NONE; }
      var loose = q.field === 'any' && q.kind === 'match';
      if (q.field && q.field !== 'text' && !loose) { unsupported.push('字段查询 ' + q.field + ':'); return NONE; }
      var boost = q.boost === undefined ? 1 : q.boost;
      if (q.kind === 'match') {
        // A word needs all of its terms (偷工减料: 偷工 工减 减料);
        // any:WORD, any of them (as internal/search prepare).
        var ts = terms(q.text);
        if (!ts.length) return NONE;
        var tss = ts.map(function (t) { return new TermS(termOf(t), boost, docCount); });
        return loose ? new DisjS(tss, 1) : new ConjS(tss);
      }
      if (q.kind === 'phrase') {
        var toks = analyze(q.text);
        if (!toks.length) return NONE;
        var ph = phraseOf(toks), children = [];
        ph.forEach(function (pos) {
          var ss = pos.map(function (t) { return new TermS(termOf(t), boost, docCount); });
          if (ss.length === 1) children.push(ss[0]);
          else if (ss.length > 1) children.push(new DisjS(ss, 1));
        });
        var p = new PhraseS(children, ph);
        phrases.push(p);
        return p;
      }
      if (q.kind === 'number') { // a match of the text or a numeric range (empty here)
        var m = build({ kind: 'match', text: q.text, field: q.field, boost: q.boost });
        var list = [m, EmptyS].filter(function (s) { return s !== NONE; });
        return new DisjS(list, 0);
      }
      return NONE;
    }
    function group(list, Make) {
      var ss = list.map(build).filter(function (s) { return s !== NONE; });
      return ss.length ? new Make(ss) : null;
    }
    function byOccur(o) {
      return parts.filter(function (p) { return p.occur === o; }).map(function (p) { return p.q; });
    }
    var must = group(byOccur('must'), ConjS);
    var should = group(byOccur('should'), function (ss) { return new DisjS(ss, 0); });
    var not = group(byOccur('not'), function (ss) { return new DisjS(ss, 0); });
    var top = null;
    if (must && !should && !not) top = must;
    else if (!must && should && !not) top = should;
    else if (!must && !should && not) unsupported.push('只有排除词 -');
    else if (must || should) top = new BoolS(must, should, not);
    return { top: top, phrases: phrases, unsupported: unsupported, serverRefuses: serverRefuses };
  }
  function phraseOf(tokens) {
    var first = Infinity, last = 0;
    tokens.forEach(function (t) { first = Math.min(first, t.pos); last = Math.max(last, t.pos); });
    var ph = [];
    for (var i = 0; i <= last - first; i++) ph.push([]);
    tokens.forEach(function (t) { ph[t.pos - first].push(t.term); });
    return ph;
  }
  function hasPhrase(text, ph) {
    return positions(text).has(ph);
  }
  // positions is an analysed text's terms by position.
  function positions(text) {
    var toks = analyze(text), at = {};
    toks.forEach(function (t) { at[t.pos] = t.term; });
    return {
      has: function (ph) {
        return toks.some(function (t) {
          if (ph[0].indexOf(t.term) < 0) return false;
          for (var i = 1; i < ph.length; i++) {
            if (ph[i].length && ph[i].indexOf(at[t.pos + i]) < 0) return false;
          }
          return true;
        });
      }
    };
  }
  // wholeWords is the query's words that rank documents higher where they
  // stand whole: plain words of two or more terms, not negated, not
  // any:WORD, on the text field (as internal/search prepare).
  function wholeWords(parts) {
    var out = [], seen = {};
    parts.forEach(function (p) {
      var q = p.q;
      if (p.occur === 'not' || (q.kind !== 'match' && q.kind !== 'number') || (q.field && q.field !== 'text')) return;
      var ph = phraseOf(analyze(q.text));
      var k = ph.map(function (pos) { return pos.join('\u0001'); }).join('\u0000');
      if (ph.length >= 2 && !seen[k]) { seen[k] = true; out.push(ph); }
    });
    return out;
  }
  // countWhole is how many of the words stand whole in the text. A word
  // that is a chain of Han bigrams (偷工 工减 减料) stands whole wherever
  // the text holds its characters in a row (偷工减料): each such character
  // is a word of its own for the tokenizer, no filter changes it, and
  // adjacent ones pair up at consecutive positions. So a text that holds
  // the string needs no analysis; one that does not is analysed, since the
  // terms can also meet across a break (偷工，工减料). noFast: analyse
  // always (the tests compare both ways with Bleve's).
  function countWhole(text, words, noFast) {
    var p = null, n = 0;
    words.forEach(function (w) {
      var lit = noFast ? '' : literalWord(w);
      if (lit && text.indexOf(lit) >= 0) { n++; return; }
      p = p || positions(text);
      if (p.has(w)) n++;
    });
    return n;
  }
  // literalWord is the string of a word that is a chain of Han bigrams
  // (each position one term of two Han characters, each starting with
  // the last one's second), or '' (see countWhole).
  function literalWord(w) {
    if (w.lit !== undefined) return w.lit;
    var s = '';
    for (var i = 0; i < w.length && (i === 0 || s); i++) {
      var cs = w[i].length === 1 ? Array.from(w[i][0]) : [];
      if (cs.length !== 2 || !plainHan(cs[0]) || !plainHan(cs[1])) s = '';
      else if (i === 0) s = cs[0] + cs[1];
      else s = s.slice(-cs[0].length) === cs[0] ? s + cs[1] : '';
    }
    w.lit = w.length >= 2 ? s : '';
    return w.lit;
  }
  // plainHan: a Han character that segment's rules take as a word of its
  // own (no word break class of its own: 〆 has one).
  function plainHan(c) {
    var p = props(c.codePointAt(0));
    return (p & 31) === 0 && (p >> 5) === HAN;
  }
  // highlightTerms is the terms of the clauses that are not negated.
  function highlightTerms(parts) {
    var out = {};
    parts.forEach(function (p) {
      if (p.occur === 'not' || (p.q.field && p.q.field !== 'text' && p.q.field !== 'any')) return;
      if (p.q.kind === 'match' || p.q.kind === 'phrase' || p.q.kind === 'number') {
        terms(p.q.text).forEach(function (t) { out[t] = true; });
      }
    });
    return out;
  }

  var PHRASE_CHECK_MAX = 100; // candidates of a phrase checked on their text (internal/search.PhraseCheckMax)
  // Among a query's WHOLE_WORD_WINDOW best-scoring documents, those in
  // which more of its words stand whole (偷工减料 itself, not only 偷工, 工减
  // and 减料 apart) rank first; ties keep the score order, then the
  // document order; the rest keep the score order (internal/search
  // WholeWordWindow).
  var WHOLE_WORD_WINDOW = 100;

  // wholeOrder orders hits (in score order) by that rule, as far as the
  // page ending at need. Documents are checked on their text (display
  // files) in score order, a batch at a time, and only until the first
  // need places are known: a document can have no more words whole than
  // it holds all the terms of (its bound, from the postings), so once need
  // checked documents have at least as many words whole as any unchecked
  // one could, those are the first need places (only those are returned).
  // Else the window is sorted and the rest follow. (internal/search checks
  // the window on local files, stopping only when need documents have
  // every word whole; the order is the same.)
  Index.prototype.wholeOrder = function (hits, words, need) {
    var self = this, window = Math.min(hits.length, WHOLE_WORD_WINDOW);
    return Promise.all(words.map(function (w) {
      return Promise.all(w.map(function (pos) { return Promise.all(pos.map(function (t) { return self.term(t); })); }));
    })).then(function (posts) {
      // rest[i]: the most words any of hits[i…window) could have whole.
      var rest = [];
      rest[window] = 0;
      for (var k = window - 1; k >= 0; k--) {
        var d = hits[k].doc, b = 0;
        posts.forEach(function (w) {
          if (w.every(function (pos) { return !pos.length || pos.some(function (p) { return holds(p.docs, d); }); })) b++;
        });
        rest[k] = Math.max(b, rest[k + 1]);
      }
      var checked = []; // [count, place], sorted by count, then place
      function step(i) {
        var ready = 0;
        while (ready < checked.length && checked[ready][0] >= rest[i]) ready++;
        if (i >= window || ready >= need) {
          var order = checked.map(function (c) { return hits[c[1]]; });
          return i >= window ? order.concat(hits.slice(window)) : order.slice(0, need);
        }
        var batch = hits.slice(i, i + Math.min(window - i, need - ready));
        return Promise.all(batch.map(function (h) { return self.doc(h.doc); })).then(function (docs) {
          docs.forEach(function (doc, k) { checked.push([countWhole(doc.x, words), i + k]); });
          checked.sort(function (a, b) { return b[0] - a[0] || a[1] - b[1]; });
          return step(i + batch.length);
        });
      }
      return step(0);
    });
  };
  function holds(docs, d) { // docs is sorted
    var lo = 0, hi = docs.length - 1;
    while (lo <= hi) {
      var m = (lo + hi) >> 1;
      if (docs[m] === d) return true;
      if (docs[m] < d) lo = m + 1; else hi = m - 1;
    }
    return false;
  }

  // search runs a query: {q, filters: {status, category, year, region},
  // from, size} → {total, hits: [{doc, score}], facets, unsupported, partial}.
  Index.prototype.search = function (req) {
    var self = this, parts;
    return Promise.resolve().then(function () {
      var q = foldWidth(req.q);
      try {
        parts = parse(q);
      } catch (e) {
        var err = new Error(syntaxMessage(q));
        err.syntax = true;
        throw err;
      }
      var wanted = {};
      collect(parts);
      function collect(ps) {
        ps.forEach(function (p) {
          var k = p.q.kind;
          if ((k === 'match' || k === 'phrase' || k === 'number') && (!p.q.field || p.q.field === 'text' || p.q.field === 'any')) {
            terms(p.q.text).forEach(function (t) { wanted[t] = true; });
          }
        });
      }
      var list = Object.keys(wanted);
      return Promise.all(list.map(function (t) { return self.term(t); }).concat([self.init()])).then(function (ps) {
        var got = {};
        list.forEach(function (t, i) { got[t] = ps[i]; });
        return plan(parts, function (t) { return got[t]; }, self.meta.docs);
      });
    }).then(function (pl) {
      if (!pl.top) return { plan: pl, scores: new Map() };
      var qn = 1 / Math.sqrt(pl.top.weight());
      var partial = false;
      return Promise.all(pl.phrases.map(function (ph) {
        if (ph.phrase.length < 2) return null;
        var cand = Array.from(ph.conj.eval(qn)).sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
        if (cand.length > PHRASE_CHECK_MAX) { partial = true; cand = cand.slice(0, PHRASE_CHECK_MAX); }
        return Promise.all(cand.map(function (c) { return self.doc(c[0]); })).then(function (docs) {
          ph.ok = new Set();
          docs.forEach(function (d, i) { if (hasPhrase(d.x, ph.phrase)) ph.ok.add(cand[i][0]); });
        });
      })).then(function () {
        return { plan: pl, scores: pl.top.eval(qn), partial: partial };
      });
    }).then(function (r) {
      // Filters: values of one field are alternatives (OR), fields combine
      // (AND), as internal/search Filters. others[k] counts the documents
      // that pass every filter but k's: what choosing another value of k
      // would add (the page's facets).
      var f = req.filters || {}, facets = newFacets(), others = newFacets();
      var want = {};
      FILTER_KEYS.forEach(function (k) {
        want[k] = [].concat(f[k] || []).filter(function (v) { return v !== '' && v !== null && v !== undefined; }).map(String);
      });
      if (want.overdue.length) want.overdue = ['1'];
      function any(list, fn) { return !list.length || list.some(fn); }
      function under(p) { return function (v) { return p === v || p.indexOf(v + '/') === 0; }; }
      var hits = [];
      var filtered = FILTER_KEYS.some(function (k) { return want[k].length > 0; });
      r.scores.forEach(function (score, d) {
        var a = self.attr[d], st = a % self.span, cat = Math.floor(a / self.span), pl = self.place(d), due = self.due.get(d);
        var county = pl.county[3], town = pl.path, status = self.meta.statuses[st - 1], category = self.meta.categories[cat - 1];
        var dyear = due && due[0] ? String(due[0]).slice(0, 4) : '', over = due && due[1] ? '1' : '';
        if (!filtered) { // every hit passes: its values count in both (the same counts as below, without the checks)
          hits.push({ doc: d, score: score });
          if (st) { count(facets.status, status); count(others.status, status); }
          if (cat) { count(facets.category, category); count(others.category, category); }
          if (pl.year) { count(facets.year, pl.year); count(others.year, pl.year); }
          if (pl.kind) { count(facets.unit_kind, pl.kind); count(others.unit_kind, pl.kind); }
          if (over) { count(facets.overdue, over); count(others.overdue, over); }
          if (dyear) { count(facets.deadline, dyear); count(others.deadline, dyear); }
          count(facets.county, county); count(others.county, county);
          count(facets.town, town); count(others.town, town);
          count(facets.unit, pl.unitPath); count(others.unit, pl.unitPath);
          return;
        }
        var ok = {
          status: any(want.status, function (v) { return status === v; }),
          category: any(want.category, function (v) { return category === v; }),
          year: any(want.year, function (v) { return pl.year === v; }),
          region: any(want.region, under(town)),
          unit: any(want.unit, under(pl.unitPath)),
          unit_kind: any(want.unit_kind, function (v) { return pl.kind === v; }),
          overdue: !want.overdue.length || over === '1',
          deadline: any(want.deadline, function (v) { return dyear === v; })
        };
        var fails = FILTER_KEYS.filter(function (k) { return !ok[k]; });
        var vals = { status: st ? status : '', category: cat ? category : '', year: pl.year, unit_kind: pl.kind, overdue: over, deadline: dyear };
        if (fails.length === 1) {
          var k = fails[0];
          if (k === 'region') { count(others.county, county); count(others.town, town); } else if (k === 'unit') count(others.unit, pl.unitPath);
          else if (vals[k]) count(others[k], vals[k]);
        }
        if (fails.length) return;
        hits.push({ doc: d, score: score });
        ['status', 'category', 'year', 'unit_kind', 'overdue', 'deadline'].forEach(function (k) {
          if (vals[k]) { count(facets[k], vals[k]); count(others[k], vals[k]); }
        });
        count(facets.county, county); count(others.county, county);
        count(facets.town, town); count(others.town, town);
        count(facets.unit, pl.unitPath); count(others.unit, pl.unitPath);
      });
      hits.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
      var from = req.from || 0, size = req.size || 10, words = wholeWords(parts);
      var ordered = words.length && from < WHOLE_WORD_WINDOW ? self.wholeOrder(hits, words, from + size) : hits;
      return Promise.resolve(ordered).then(function (o) {
        return {
          total: hits.length, hits: o.slice(from, from + size), facets: facets, others: others,
          terms: highlightTerms(parts), unsupported: r.plan.unsupported, serverRefuses: r.plan.serverRefuses, partial: !!r.partial
        };
      });
    });
  };
  function count(m, k) { m[k] = (m[k] || 0) + 1; }
  var FILTER_KEYS = ['status', 'category', 'year', 'region', 'unit_kind', 'unit', 'overdue', 'deadline'];
  function newFacets() {
    return { status: {}, category: {}, year: {}, county: {}, town: {}, unit: {}, unit_kind: {}, overdue: {}, deadline: {} };
  }

  // syntaxMessage explains in Chinese why a query does not parse, in the
  // words of internal/search SyntaxMessage.
  function syntaxMessage(q) {
    var prefix = '查询语法有误：', rs = Array.from(q), quotes = 0, esc = false, i;
    for (i = 0; i < rs.length; i++) {
      if (esc) esc = false;
      else if (rs[i] === '\\') esc = true;
      else if (rs[i] === '"') quotes++;
    }
    if (quotes % 2 === 1) return prefix + '引号没有成对，请补上或删去 "（要搜引号本身，请写 \\"）。';
    var inq = false;
    esc = false;
    for (i = 0; i < rs.length; i++) {
      var c = rs[i];
      if (esc) { esc = false; continue; }
      if (c === '\\') { esc = true; continue; }
      if (c === '"') { inq = !inq; continue; }
      if (inq) continue;
      var next = i + 1 < rs.length ? rs[i + 1] : '';
      var atStart = i === 0 || isSpace(rs[i - 1]), end = next === '' || isSpace(next);
      if ((c === '+' || c === '-') && atStart && end) return prefix + '+ 或 - 之后要紧跟词语，中间不留空格（如 +污水 -越级）；要搜这个符号本身，请在前面加 \\。';
      if (c === ':' && (atStart || end)) return prefix + '冒号 : 用于“字段:词语”（如 text:陵园），前后都要紧跟内容；要搜冒号本身，请在前面加 \\。';
      if (c === '^' && !(next >= '0' && next <= '9' && next.length === 1)) return prefix + '^ 之后要跟数字，表示权重（如 食堂^2）。';
      if (c === '~' && atStart) return prefix + '~ 要紧跟在词语之后，表示模糊匹配（如 water~1）。';
    }
    return prefix + '请检查引号和 + - : ^ ~ > < = 等符号；要搜这些符号本身，请在前面加 \\。';
  }

  /* ---------------- Snippets (as internal/search/snippet.go) ---------------- */

  var SNIPPET = 120;
  function snippet(text, termSet, length) {
    length = length || SNIPPET;
    var cp = codePoints(text), byteToChar = {};
    for (var i = 0; i < cp.bytes.length; i++) byteToChar[cp.bytes[i]] = i;
    var marks = [];
    analyze(text, cp).forEach(function (t) {
      if (!termSet[t.term]) return;
      var s = byteToChar[t.start], e = byteToChar[t.end], n = marks.length;
      if (n && s <= marks[n - 1][1]) { marks[n - 1][1] = Math.max(marks[n - 1][1], e); return; }
      marks.push([s, e]);
    });
    var start = 0, best = -1;
    marks.forEach(function (m, k) {
      var s = Math.max(0, m[0] - Math.floor(length / 4)), n = 0;
      for (var j = k; j < marks.length; j++) if (marks[j][1] <= s + length) n++;
      if (n > best) { best = n; start = s; }
    });
    var chars = cp.cps.length, end = Math.min(chars, start + length);
    if (end - start < length) start = Math.max(0, end - length);
    var out = [];
    function piece(a, b) { return String.fromCodePoint.apply(null, cp.cps.slice(a, b)); }
    function add(s, mark) {
      if (!s) return;
      s = s.replace(/\r\n|\n|\r/g, ' ');
      var n = out.length;
      if (n && out[n - 1].mark === mark) out[n - 1].text += s;
      else out.push({ text: s, mark: mark });
    }
    if (start > 0) add('…', false);
    var pos = start;
    marks.forEach(function (m) {
      var s = Math.max(m[0], start), e = Math.min(m[1], end);
      if (s >= e) return;
      add(piece(pos, s), false);
      add(piece(s, e), true);
      pos = e;
    });
    add(piece(pos, end), false);
    if (end < chars) add('…', false);
    return out;
  }

  // snippetSource is the text a snippet is cut from: without the title,
  // which a hit shows above it.
  function snippetSource(title, text) {
    return text.indexOf(title + '\n') === 0 ? text.slice(title.length + 1) : text;
  }

  var api = {
    snippetSource: snippetSource, syntaxMessage: syntaxMessage, foldWidth: foldWidth, countWhole: countWhole,
    init: initTables, analyze: analyze, terms: terms, lex: lex, parse: parse,
    Index: Index, snippet: snippet, fnv1a: fnv1a,
    // held equal to internal/search's by its tests
    constants: { version: VERSION, snippet: SNIPPET, phraseCheckMax: PHRASE_CHECK_MAX, wholeWordWindow: WHOLE_WORD_WINDOW }
  };
  if (root.gongshiSegData) initTables(root.gongshiSegData);
  root.gongshiSearch = api;
  if (typeof module !== 'undefined' && module.exports) module.exports = api;

  /* ---------------- The search page ---------------- */

  if (typeof document === 'undefined') return;
  var STATUS_LABEL = {};
  var KIND_LABEL = {
    organisation: '组织落实整改', regulations: '建章立制', accountability: '问题处理',
    outstanding: '需进一步整改事项', next_plan: '下一步计划'
  };
  var FILTERS = FILTER_KEYS;
  var UNIT_KIND_LABEL = {
    township: '乡镇（街道）', village: '村（社区）', department: '部门单位', school: '学校',
    enterprise: '国有企业', region: '全区（县）汇总'
  };
  var base = (document.currentScript && document.currentScript.src.replace(/[^/]*$/, '')) || '/search/';

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function load(path, binary) {
    return fetch(base + path, path === 'meta.json' ? { cache: 'no-cache' } : {}).then(function (r) {
      if (r.status === 404 && binary) return null; // see Index
      if (!r.ok) throw new Error(path + ': ' + r.status);
      return binary ? r.arrayBuffer().then(function (b) { return new Uint8Array(b); }) : r.json();
    });
  }

  function start() {
    var app = document.getElementById('search-app');
    if (!app) return;
    var form = document.getElementById('search-form'), input = document.getElementById('sq');
    var status = document.getElementById('search-status'), list = document.getElementById('search-results');
    var facetsBox = document.getElementById('search-facets'), pager = document.getElementById('search-pager');
    var index = new Index(load), seq = 0, PAGE = 10;
    app.hidden = false;
    var fbox = document.getElementById('search-facets-box');
    if (fbox && window.matchMedia && window.matchMedia('(max-width: 50rem)').matches) fbox.open = false;

    function state() {
      var p = new URLSearchParams(location.search), s = { q: p.get('q') || '', page: Math.max(1, parseInt(p.get('page'), 10) || 1) };
      FILTERS.forEach(function (f) { s[f] = p.getAll(f).filter(Boolean); });
      return s;
    }
    function href(s, change) {
      var p = new URLSearchParams(), n = {};
      for (var k in s) n[k] = s[k];
      for (var c in change) n[c] = change[c];
      if (n.q) p.set('q', n.q);
      FILTERS.forEach(function (f) { (n[f] || []).forEach(function (v) { p.append(f, v); }); });
      if (n.page > 1) p.set('page', n.page);
      return location.pathname + (p.toString() ? '?' + p.toString() : '');
    }
    // go shows another state; focus then goes to what the reader chose
    // (the facet value, now toggled) or to the results' status, never
    // back to the top of the page.
    function go(url, focus) {
      history.pushState(null, '', url);
      run(focus);
    }
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var s = state();
      s.q = input.value.trim();
      go(href(s, { page: 1 }));
    });
    window.addEventListener('popstate', run);
    app.addEventListener('click', function (e) {
      var a = e.target.closest && e.target.closest('a[data-nav]');
      if (!a || e.ctrlKey || e.metaKey || e.shiftKey || e.button) return;
      e.preventDefault();
      go(a.getAttribute('href'), a.getAttribute('data-facet') ? { facet: a.getAttribute('data-facet'), value: a.getAttribute('data-value') } : 'status');
    });

    status.setAttribute('tabindex', '-1');
    function run(focus) {
      var s = state(), my = ++seq;
      input.value = s.q;
      list.textContent = '';
      facetsBox.textContent = '';
      pager.textContent = '';
      app.removeAttribute('data-results');
      if (!s.q.trim()) { status.textContent = '请输入关键词。'; return; }
      status.textContent = '正在搜索…';
      var t0 = performance.now();
      index.search({ q: s.q, filters: s, from: (s.page - 1) * PAGE, size: PAGE }).then(function (res) {
        if (my !== seq) return null;
        return Promise.all(res.hits.map(function (h) { return index.doc(h.doc); })).then(function (docs) {
          if (my !== seq) return;
          var ms = Math.round(performance.now() - t0);
          render(s, res, docs, ms);
          app.setAttribute('data-results', String(res.total));
          if (focus && focus.facet) {
            var f = facetsBox.querySelector('a[data-facet="' + focus.facet + '"][data-value="' + cssEscape(focus.value) + '"]');
            (f || status).focus();
          } else if (focus) status.focus();
          document.dispatchEvent(new CustomEvent('gongshi:results', { detail: { total: res.total, ms: ms } }));
        });
      }).catch(function (err) {
        if (my !== seq) return;
        status.textContent = err.syntax ? err.message : '搜索失败：' + err.message;
        app.setAttribute('data-results', 'error');
      });
    }

    function render(s, res, docs, ms) {
      var m = index.meta;
      m.statuses.forEach(function (st, i) { STATUS_LABEL[st] = m.labels[i]; });
      var msg = res.total ? '找到 ' + res.total + ' 条结果（' + ms + ' 毫秒）' : '没有找到与“' + s.q + '”相符的结果。';
      if (res.partial) msg += '。短语的候选太多，只核对了得分最高的 ' + PHRASE_CHECK_MAX + ' 条。';
      // No mention of gongshi serve's search API: the site is built for a
      // static host, where it does not answer (issue 22).
      if (res.unsupported.length) msg += '。本站的搜索不支持：' + res.unsupported.join('、') + '。';
      status.textContent = msg;
      res.hits.forEach(function (h, i) {
        var d = docs[i], pl = index.place(h.doc), st = m.statuses[(index.attr[h.doc] % index.span) - 1];
        var li = el('li', { 'class': 'hit' });
        var head = el('p', { 'class': 'hit-title' }), link = el('a', { href: d.u });
        if (d.k === 'finding') link.appendChild(document.createTextNode('(' + d.n + ') '));
        marked(link, snippet(d.t, res.terms, d.t.length + 1));
        head.appendChild(link);
        if (st) {
          head.appendChild(document.createTextNode(' '));
          head.appendChild(el('span', { 'class': 'badge st-' + st }, STATUS_LABEL[st]));
        }
        li.appendChild(head);
        li.appendChild(el('p', { 'class': 'meta' }, pl.label + (pl.kind !== 'township' ? '（' + (UNIT_KIND_LABEL[pl.kind] || pl.kind) + '）' : '') + ' · ' + pl.signed + ' 通报' +
          (d.k === 'finding' ? ' · 问题 ' + d.n : ' · ' + (KIND_LABEL[d.k] || ''))));
        var sn = el('p', { 'class': 'snippet' });
        marked(sn, snippet(snippetSource(d.t, d.x), res.terms));
        li.appendChild(sn);
        list.appendChild(li);
      });
      list.setAttribute('start', String((s.page - 1) * PAGE + 1));
      renderFacets(s, res);
      var pages = Math.ceil(res.total / PAGE);
      if (pages > 1) {
        if (s.page > 1) pager.appendChild(el('a', { href: href(s, { page: s.page - 1 }), 'data-nav': '', rel: 'prev' }, '上一页'));
        pager.appendChild(el('span', {}, ' 第 ' + s.page + ' / ' + pages + ' 页 '));
        if (s.page < pages) pager.appendChild(el('a', { href: href(s, { page: s.page + 1 }), 'data-nav': '', rel: 'next' }, '下一页'));
      }
    }

    function marked(parent, fragments) {
      fragments.forEach(function (f) {
        parent.appendChild(f.mark ? el('mark', {}, f.text) : document.createTextNode(f.text));
      });
    }

    function renderFacets(s, res) {
      var m = index.meta;
      var groups = [
        ['status', '整改状态', res.others.status, function (v) { return STATUS_LABEL[v] || v; }],
        ['category', '问题类别', res.others.category, function (v) { return v; }],
        ['year', '通报年份', res.others.year, function (v) { return v + ' 年'; }],
        ['unit_kind', '单位类别', res.others.unit_kind, function (v) { return UNIT_KIND_LABEL[v] || v; }],
        ['overdue', '逾期', res.others.overdue, function () { return '逾期（时限已过、最新通报未报告完成）'; }],
        ['deadline', '整改时限', res.others.deadline, function (v) { return v + ' 年到期'; }]
      ];
      var counties = Object.keys(res.others.county);
      if (counties.length > 1 && !s.region.length) {
        groups.push(['region', '地区', res.others.county, function (v) {
          var c = m.counties.filter(function (x) { return x[3] === v; })[0];
          return c ? c[2] : v;
        }]);
      } else {
        groups.push(['region', '乡镇', res.others.town, function (v) {
          var i = index.paths.indexOf(v);
          if (i >= 0) return m.places[i][1] || m.counties[m.places[i][0]][2];
          var c = m.counties.filter(function (x) { return x[3] === v; })[0];
          return c ? c[2] : v;
        }]);
      }
      var units = Object.keys(res.others.unit);
      if (units.length > 1 || s.unit.length) {
        groups.push(['unit', '被巡察单位', res.others.unit, function (v) {
          var i = index.unitPaths.indexOf(v);
          return i >= 0 ? index.unitLabel(i) : v;
        }]);
      }
      groups.forEach(function (g) {
        // Several values of one facet are alternatives (OR); facets
        // combine (AND). A value's count is what it adds to the other
        // facets' choice.
        var key = g[0], counts = g[2], values = Object.keys(counts), chosen = s[key];
        chosen.forEach(function (v) { if (!(v in counts)) { counts[v] = 0; values.push(v); } });
        if (!values.length) return;
        var box = el('section', { 'class': 'facet' });
        box.appendChild(el('h2', {}, g[1]));
        var ul = el('ul');
        values.sort(function (a, b) { return (chosen.indexOf(b) >= 0) - (chosen.indexOf(a) >= 0) || counts[b] - counts[a] || (a < b ? -1 : 1); });
        values.slice(0, Math.max(30, chosen.length)).forEach(function (v) {
          var li = el('li'), on = chosen.indexOf(v) >= 0;
          var next = on ? chosen.filter(function (x) { return x !== v; }) : chosen.concat([v]);
          var a = el('a', { href: href(s, setKey(key, next)), 'data-nav': '', 'data-facet': key, 'data-value': v, 'class': on ? 'on' : '' });
          a.appendChild(el('span', { 'class': 'box', 'aria-hidden': 'true' }, on ? '☑' : '☐'));
          if (on) a.appendChild(el('span', { 'class': 'vh' }, '已选，再选取消：'));
          a.appendChild(document.createTextNode(' ' + g[3](v) + ' '));
          a.appendChild(el('span', { 'class': 'count' }, String(counts[v])));
          li.appendChild(a);
          ul.appendChild(li);
        });
        if (chosen.length) {
          var li = el('li');
          li.appendChild(el('a', { href: href(s, setKey(key, [])), 'data-nav': '', 'class': 'clear' }, '取消“' + g[1] + '”的筛选'));
          ul.appendChild(li);
        }
        box.appendChild(ul);
        facetsBox.appendChild(box);
      });
    }
    function setKey(k, v) { var o = { page: 1 }; o[k] = v; return o; }
    function cssEscape(v) { return window.CSS && CSS.escape ? CSS.escape(v) : String(v).replace(/["\\]/g, '\\$&'); }
    run();
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})(typeof window !== 'undefined' ? window : globalThis);
