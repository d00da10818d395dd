//! A byte-level pre-pass before the HTML parser: removes comments, the
//! `<script>`s (except JSON-LD and Telegram's embed code) and the contents
//! of `<style>` and `<svg>`, which are about half the bytes of a typical
//! page and never main text, the attributes nobody reads, the `<link>`s
//! of the head but the canonical and author ones, and the white space
//! between tags that separates no words (about a third of the nodes of a
//! parsed page). The parser then builds a much smaller tree. Tag
//! boundaries follow the HTML tokenizer: script and style data end at the
//! first `</script` / `</style` (any case).

use std::borrow::Cow;

/// First position of the byte `c` in `hay`: the `memchr` crate's vector
/// search, several times faster than a loop over the bytes on the long
/// attribute values, scripts and texts the pre-pass steps over.
fn byte_at(hay: &[u8], c: u8) -> Option<usize> {
    memchr::memchr(c, hay)
}

/// First position of `needle` in `hay`, ASCII case ignored. Every needle
/// starts with a byte that has no case (`<`, `-`), found with
/// [`byte_at`]; the rest is compared in place.
fn find(hay: &str, needle: &[u8]) -> Option<usize> {
    let (&first, rest) = needle.split_first()?;
    debug_assert!(first.is_ascii() && !first.is_ascii_alphabetic());
    let b = hay.as_bytes();
    let mut i = 0;
    while let Some(off) = byte_at(&b[i..], first) {
        let p = i + off;
        let end = p + needle.len();
        if end > b.len() {
            return None;
        }
        if b[p + 1..end].eq_ignore_ascii_case(rest) {
            return Some(p);
        }
        // `first` is ASCII: the next byte starts a character.
        i = p + 1;
    }
    None
}

/// The positions in `hay` where `needle` starts, ASCII case ignored: the
/// candidates are the places of its first byte in either case.
fn starts_ci<'a>(hay: &'a [u8], needle: &'a [u8]) -> impl Iterator<Item = usize> + 'a {
    let first = needle[0];
    memchr::memchr2_iter(first.to_ascii_lowercase(), first.to_ascii_uppercase(), hay).filter(
        move |&i| {
            hay.get(i..i + needle.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(needle))
        },
    )
}

/// Whether `hay` holds `needle`, ASCII case ignored (short haystacks).
fn contains_ci(hay: &[u8], needle: &[u8]) -> bool {
    starts_ci(hay, needle).next().is_some()
}

/// Whether a `<link>` tag points at the next or previous page of a series
/// (`rel="next"`, `rel='prev`, `rel=next`).
fn is_pagination(tag: &[u8]) -> bool {
    starts_ci(tag, b"rel=").any(|i| {
        let v = &tag[i + 4..];
        let v = v.strip_prefix(b"\"").or(v.strip_prefix(b"'")).unwrap_or(v);
        v.get(..4)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"next") || w.eq_ignore_ascii_case(b"prev"))
    })
}

/// Whether `rest` (the bytes after `<`) opens the element `name`.
fn opens(rest: &[u8], name: &[u8]) -> bool {
    rest.len() > name.len()
        && rest[..name.len()].eq_ignore_ascii_case(name)
        && matches!(
            rest[name.len()],
            b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'>' | b'/'
        )
}

/// End (exclusive) of the element that starts at `start`, whose closing tag
/// is `close` (e.g. `</script`); the end of the input when it is unclosed.
fn element_end(s: &str, start: usize, close: &[u8]) -> usize {
    let Some(c) = find(&s[start..], close) else {
        return s.len();
    };
    let c = start + c;
    match byte_at(&s.as_bytes()[c..], b'>') {
        Some(gt) => c + gt + 1,
        None => s.len(),
    }
}

/// React streaming (Next.js) sends the server-rendered page in
/// `<div hidden id="S:0">` blocks that a script moves into place: without
/// scripts they are the page, so the pre-pass unhides them.
const STREAMED: &[u8] = b"<div hidden id=\"S:";

/// The fallback of a pending React boundary that its streamed block
/// replaces, as `start..end` bytes of `s`. React writes the boundary as
/// `<!--$?--><template id="B:n"></template>FALLBACK<!--/$-->` (`from` is
/// just past the `<!--$?-->`) and, once the part is rendered, sends it as
/// `<div hidden id="S:n">` with a script that puts it in place of the
/// template and the fallback ("Loading paragraph...", a grey skeleton).
/// The template stays for [`crate::place_streamed`]; the fallback goes
/// only when the page holds the block, since it is all a page cut off
/// mid-stream shows. Boundaries nest: the fallback ends at the `<!--/$-->`
/// that closes this one.
fn suspense_fallback(s: &str, from: usize) -> Option<(usize, usize)> {
    let b = s.as_bytes();
    let rest = b.get(from..)?.strip_prefix(b"<template id=\"B:")?;
    let digits = rest.iter().take_while(|c| c.is_ascii_digit()).count();
    let after = rest[digits..].strip_prefix(b"\"></template>")?;
    if digits == 0 || digits > 9 {
        return None;
    }
    let start = b.len() - after.len();
    let mut block = STREAMED.to_vec();
    block.extend_from_slice(&rest[..digits]);
    block.push(b'"');
    memchr::memmem::find(&b[start..], &block)?;
    let mut depth = 0usize;
    for c in memchr::memmem::find_iter(&b[start..], b"<!--") {
        let c = start + c;
        let comment = &b[c + 4..];
        if comment.starts_with(b"/$-->") {
            if depth == 0 {
                return Some((start, c + 9));
            }
            depth -= 1;
        } else if comment.starts_with(b"$-->")
            || comment.starts_with(b"$?-->")
            || comment.starts_with(b"$!-->")
        {
            depth += 1;
        }
    }
    None
}

/// `test` on `name` in ASCII lower case, without allocating; a name longer
/// than `N` bytes (or empty) is no name `test` knows.
fn lowered<const N: usize>(name: &[u8], test: impl Fn(&[u8]) -> bool) -> bool {
    if name.is_empty() || name.len() > N {
        return false;
    }
    let mut buf = [0u8; N];
    let lower = &mut buf[..name.len()];
    lower.copy_from_slice(name);
    lower.make_ascii_lowercase();
    test(lower)
}

/// Attributes read by the metadata layer, the page typer, the furniture
/// rules, the embedded-post reader (`cite`) or the readability core. All
/// others (`data-*`, `srcset`, event handlers, …), often a third of what
/// is left of a page, go before the parser sees them. ASCII case ignored.
fn is_kept_attr(name: &[u8]) -> bool {
    lowered::<14>(name, |lower| {
        matches!(
            lower,
            b"class"
                | b"id"
                | b"role"
                | b"hidden"
                | b"aria-hidden"
                | b"aria-label"
                | b"aria-modal"
                | b"aria-expanded"
                | b"loading"
                | b"summary"
                | b"itemprop"
                | b"itemtype"
                | b"itemscope"
                | b"property"
                | b"name"
                | b"content"
                | b"http-equiv"
                | b"charset"
                | b"rel"
                | b"href"
                | b"datetime"
                | b"cite"
                | b"type"
                | b"value"
                | b"lang"
                | b"xml:lang"
                | b"dir"
                | b"style"
                | b"colspan"
                | b"rowspan"
                | b"open"
                | b"data-nosnippet"
        )
    })
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// Reads the start tag at `p` (`<` + letter): the attributes to keep go
/// into `kept` (those of [`is_kept_attr`] and `extra`; `href` keeps its
/// value only on `<link>` and `<base>`, for the address of a social media
/// post (see [`crate::embeds`]) and for in-page anchors (the
/// readability core weighs `#` links less), `src` only for a frame's
/// video player or post, `style` only when it hides the element). Returns the end of the tag, the length of its name and
/// whether anything is dropped; None when the tag does not end.
fn slim_tag(
    s: &str,
    p: usize,
    extra: &[String],
    kept: &mut Vec<(usize, usize, Option<&'static str>)>,
) -> Option<(usize, usize, bool)> {
    let b = s.as_bytes();
    let mut i = p + 1;
    while i < b.len() && !is_space(b[i]) && b[i] != b'>' && b[i] != b'/' {
        i += 1;
    }
    let name = &b[p + 1..i];
    let keeps_href = name.eq_ignore_ascii_case(b"link") || name.eq_ignore_ascii_case(b"base");
    // A `<time>` or `<abbr>` (the hAtom `<abbr class="published">`) may
    // show a relative time with the date in its tooltip.
    let keeps_title = name.eq_ignore_ascii_case(b"time") || name.eq_ignore_ascii_case(b"abbr");
    // (start, end, new value) of each attribute to keep, and whether
    // anything is dropped.
    kept.clear();
    let mut dropped = false;
    let end;
    loop {
        while i < b.len() && is_space(b[i]) {
            i += 1;
        }
        if i >= b.len() {
            return None;
        }
        if b[i] == b'>' {
            end = i + 1;
            break;
        }
        if b[i] == b'/' {
            i += 1;
            continue;
        }
        let a0 = i;
        while i < b.len() && !is_space(b[i]) && !matches!(b[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        let aname = &b[a0..i];
        let mut j = i;
        while j < b.len() && is_space(b[j]) {
            j += 1;
        }
        let (v0, v1) = if j < b.len() && b[j] == b'=' {
            j += 1;
            while j < b.len() && is_space(b[j]) {
                j += 1;
            }
            if j >= b.len() {
                return None;
            }
            if b[j] == b'"' || b[j] == b'\'' {
                let q = b[j];
                let close = byte_at(&b[j + 1..], q)?;
                let v = (j + 1, j + 1 + close);
                i = v.1 + 1;
                v
            } else {
                let v0 = j;
                while j < b.len() && !is_space(b[j]) && b[j] != b'>' {
                    j += 1;
                }
                i = j;
                (v0, j)
            }
        } else {
            (i, i)
        };
        let ends_ci = |suffix: &[u8]| {
            aname.len() >= suffix.len()
                && aname[aname.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
        };
        let image_source = ends_ci(b"src") || ends_ci(b"srcset");
        let is = |n: &[u8]| aname.eq_ignore_ascii_case(n);
        let keep = image_source
            || is_kept_attr(aname)
            || (keeps_title && is(b"title"))
            || extra
                .iter()
                .any(|k| aname.eq_ignore_ascii_case(k.as_bytes()));
        if !keep {
            dropped = true;
            continue;
        }
        let value = &b[v0..v1];
        let name_end = a0 + aname.len();
        let post_link = is(b"href") && crate::embeds::is_post_link(value);
        // A frame's player or post (YouTube, X…) keeps its address.
        let frame = image_source && crate::embeds::frame_platform(value).is_some();
        if (image_source && !frame)
            || (is(b"href") && !keeps_href && !post_link && !value.starts_with(b"#"))
        {
            // Images (`src`, lazy `data-src`) count in the readability
            // core's cleaning rules, links in its link density; their
            // addresses do not.
            dropped |= value.len() > 1;
            kept.push((a0, name_end, Some("=\"/\"")));
        } else if is(b"style") {
            let hides = value.windows(4).any(|w| w.eq_ignore_ascii_case(b"none"))
                || value.windows(6).any(|w| w.eq_ignore_ascii_case(b"hidden"));
            if hides {
                kept.push((a0, i, None));
            } else {
                dropped = true;
            }
        } else {
            kept.push((a0, i, None));
        }
    }
    Some((end, name.len(), dropped))
}

/// Writes the start tag at `p` (name `name_len` bytes long) with only the
/// attributes `kept` (see [`slim_tag`]).
fn write_slim(
    s: &str,
    p: usize,
    name_len: usize,
    kept: &[(usize, usize, Option<&'static str>)],
    o: &mut String,
) {
    o.push('<');
    o.push_str(&s[p + 1..p + 1 + name_len]);
    for &(a0, a1, value) in kept {
        o.push(' ');
        o.push_str(&s[a0..a1]);
        if let Some(v) = value {
            o.push_str(v);
        }
    }
    o.push('>');
}

#[cfg(test)]
pub(crate) fn strip_heavy(s: &str) -> Cow<'_, str> {
    strip_heavy_keeping(s, &[])
}

/// [`strip_heavy`], also keeping the attributes named in `extra` (those a
/// site rule's selectors read). In the same pass, white space between
/// tags goes where it separates no words (see [`Blank`]): about a third
/// of the nodes of a parsed page are such white space.
pub(crate) fn strip_heavy_keeping<'a>(s: &'a str, extra: &[String]) -> Cow<'a, str> {
    let b = s.as_bytes();
    let mut out: Option<String> = None;
    let mut last = 0;
    let mut i = 0;
    let mut kept = Vec::new();
    // Whether `<body>` has started.
    let mut in_body = false;
    let mut ws = Blank::default();
    let mut depth = Depth::default();
    // The fallback of a pending React boundary, cut when the scan reaches
    // it (see [`suspense_fallback`]).
    let mut fallback: Option<(usize, usize)> = None;
    // Every cut point is at an ASCII byte (`<`, `>`), so at a character
    // boundary of `s`.
    while let Some(off) = byte_at(&b[i..], b'<') {
        let p = i + off;
        if let Some((start, end)) = fallback
            && p >= start
        {
            fallback = None;
            if i <= start {
                ws.cut(start, end, &mut out, &mut last, s);
                i = end;
                if i >= b.len() {
                    break;
                }
                continue;
            }
        }
        if ws.seg_blank && !b[i..p].iter().all(|&c| is_space(c)) {
            ws.seg_blank = false;
        }
        let rest = &b[p + 1..];
        // The elements below start with `!`, `s`, `n` or `l`: one test
        // rules them out for most tags.
        let special = rest
            .first()
            .is_some_and(|&c| matches!(c | 0x20, b'!' | b's' | b'n' | b'l'));
        // Elements that go whole (or, for a large `<noscript>`, their
        // start tag): the white space on both sides of them is one run.
        let removed = if !special {
            None
        } else if rest.starts_with(b"!--") {
            if rest.starts_with(b"!--$?-->") {
                fallback = suspense_fallback(s, p + 9);
            }
            Some(match find(&s[p + 4..], b"-->") {
                Some(e) => p + 4 + e + 3,
                None => b.len(),
            })
        } else if opens(rest, b"script") {
            let Some(gt) = byte_at(&b[p..], b'>') else {
                break;
            };
            let end = element_end(s, p + gt + 1, b"</script");
            let tag = &b[p..p + gt];
            // The `+` may be written as a character reference.
            if [&b"ld+json"[..], b"ld&#x2b;json", b"ld&#43;json"]
                .iter()
                .any(|ty| contains_ci(tag, ty))
                // Telegram's embed code names the post it shows.
                || contains_ci(tag, b"data-telegram-post")
            {
                // JSON-LD and Telegram's embed stay, as one opaque tag.
                ws.keep_tag(Kind::Other, p, end, &mut out, &mut last, s);
                i = end;
                continue;
            }
            Some(end)
        } else if opens(rest, b"style") {
            Some(element_end(s, p + 1, b"</style"))
        } else if opens(rest, b"svg") {
            Some(element_end(s, p + 1, b"</svg"))
        } else if opens(rest, b"noscript") {
            // With scripting on, the parser reads <noscript> as raw text.
            // Large ones hold the page itself (Discourse forums render
            // their posts there): drop only the opening tag so the content
            // parses as HTML (the stray end tag is ignored). Small ones are
            // pixels and "enable JavaScript" notes: drop them whole.
            let Some(gt) = byte_at(&b[p..], b'>') else {
                break;
            };
            let end = element_end(s, p + gt + 1, b"</noscript");
            Some(if end - (p + gt + 1) > 2000 {
                p + gt + 1
            } else {
                end
            })
        } else if !in_body && opens(rest, b"link") {
            // A `<link>` of the head is read only when it names the
            // canonical URL, the author or the next or previous page of a
            // series: style sheets, icons, preloads and feeds go.
            let Some(end) = tag_end(s, p) else {
                break;
            };
            let tag = &b[p..end];
            if contains_ci(tag, b"canonical") || contains_ci(tag, b"author") || is_pagination(tag) {
                ws.keep_tag(Kind::Head, p, end, &mut out, &mut last, s);
                i = end;
                continue;
            }
            Some(end)
        } else {
            None
        };
        if let Some(end) = removed {
            ws.cut(p, end, &mut out, &mut last, s);
            i = end;
            if i >= b.len() {
                break;
            }
            continue;
        }
        // A start or end tag that stays, or a `<` of the text.
        let (closing, name) = tag_name(b, p);
        if !name.first().is_some_and(u8::is_ascii_alphabetic) {
            ws.seg_blank = false;
            i = p + 1;
            continue;
        }
        let slim = if closing {
            tag_end(s, p).map(|end| (end, 0, false))
        } else {
            slim_tag(s, p, extra, &mut kept)
        };
        let Some((end, name_len, mut dropped)) = slim else {
            ws.seg_blank = false;
            i = p + 1;
            continue;
        };
        if depth.too_deep(name, closing, b[end - 2] == b'/') {
            // Past the deepest nesting: the tag goes, its content stays.
            ws.cut(p, end, &mut out, &mut last, s);
            i = end;
            if i >= b.len() {
                break;
            }
            continue;
        }
        if !closing && name_len == 3 && b.get(p + 5) == Some(&b'h') && b[p..].starts_with(STREAMED)
        {
            // The `hidden` attribute is the first one kept.
            kept.remove(0);
            dropped = true;
        }
        ws.keep_tag(
            kind_of(name, closing, in_body),
            p,
            end,
            &mut out,
            &mut last,
            s,
        );
        if dropped {
            // An ordinary start tag with attributes nobody reads: rewritten
            // with only those the extractor reads.
            let o = out.get_or_insert_with(|| String::with_capacity(s.len() / 2));
            o.push_str(&s[last..p]);
            write_slim(s, p, name_len, &kept, o);
            last = end;
        }
        ws.enter(name, closing, p, end, s);
        in_body |= !closing && name.eq_ignore_ascii_case(b"body");
        i = end;
        if i >= b.len() {
            break;
        }
    }
    finish(out, s, last)
}

/// The input, or the output written so far with the rest of the input
/// from `last` on.
fn finish(out: Option<String>, s: &str, last: usize) -> Cow<'_, str> {
    match out {
        None => Cow::Borrowed(s),
        Some(mut o) => {
            o.push_str(&s[last.min(s.len())..]);
            Cow::Owned(o)
        }
    }
}

/// Whether the tag at `p` (`<`) is an end tag, and its name: the ASCII
/// letters and digits after `<` or `</` (empty when there are none).
fn tag_name(b: &[u8], p: usize) -> (bool, &[u8]) {
    let closing = b.get(p + 1) == Some(&b'/');
    let n0 = (p + 1 + usize::from(closing)).min(b.len());
    let n1 = n0
        + b[n0..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
    (closing, &b[n0..n1])
}

/// The deepest nesting of elements the parser is given. A page nested
/// tens of thousands of elements deep, by accident or on purpose, would
/// otherwise cost the parser time that grows with the square of its depth
/// and overflow the stack of the tree walks (25,000 levels do on a thread
/// of 2 MiB), which ends the whole process, not just the page. Chromium's
/// parser stops at 512; this limit is higher so that the end tags a sloppy
/// page leaves out (and that the count below cannot see the parser close)
/// never reach it, and low enough for the walks of a debug build.
pub(crate) const MAX_DEPTH: usize = 2048;

/// Counts the elements open at each tag, as far as the bytes tell: an
/// element whose end tag may be left out (`<p>`, `<li>`, `<td>`, …) or
/// that has none (`<br>`, `<img>`, …) is not counted, so a sloppy page is
/// never thought deeper than it parses. Past [`MAX_DEPTH`], start tags go
/// (their content stays) and as many end tags after them.
#[derive(Default)]
struct Depth {
    open: usize,
    dropped: usize,
}

impl Depth {
    /// Whether the tag `name` (`closing`, `self_closing`) goes.
    fn too_deep(&mut self, name: &[u8], closing: bool, self_closing: bool) -> bool {
        // Every uncounted name has at most 8 letters: longer ones count.
        if (self_closing && !closing) || lowered::<8>(name, is_uncounted) {
            return false;
        }
        if closing {
            if self.dropped > 0 {
                self.dropped -= 1;
                return true;
            }
            self.open = self.open.saturating_sub(1);
            false
        } else if self.open >= MAX_DEPTH {
            self.dropped += 1;
            true
        } else {
            self.open += 1;
            false
        }
    }
}

/// `html` with its element nesting capped at [`MAX_DEPTH`], nothing else
/// changed: for readers of a page other than [`strip_heavy`]'s (the
/// crawler's link discovery parses listing pages whole). Comments and the
/// contents of `<script>`, `<style>` and `<textarea>` are stepped over.
pub fn limit_nesting(html: &str) -> Cow<'_, str> {
    let b = html.as_bytes();
    let mut depth = Depth::default();
    let mut out: Option<String> = None;
    let mut last = 0;
    let mut i = 0;
    while let Some(off) = byte_at(&b[i..], b'<') {
        let p = i + off;
        let rest = &b[p + 1..];
        if rest.starts_with(b"!--") {
            i = find(&html[p + 4..], b"-->").map_or(b.len(), |e| p + 4 + e + 3);
            continue;
        }
        let (closing, name) = tag_name(b, p);
        let Some(end) = name
            .first()
            .is_some_and(u8::is_ascii_alphabetic)
            .then(|| tag_end(html, p))
            .flatten()
        else {
            i = p + 1;
            continue;
        };
        i = end;
        // Raw text, skipped whole with its end tag: it never counts.
        let raw = [&b"script"[..], b"style", b"textarea"]
            .into_iter()
            .find(|r| name.eq_ignore_ascii_case(r));
        if let (Some(raw), false) = (raw, closing) {
            i = element_end(html, end, &[&b"</"[..], raw].concat());
        } else if depth.too_deep(name, closing, b[end - 2] == b'/') {
            let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
            o.push_str(&html[last..p]);
            last = end;
        }
        if i >= b.len() {
            break;
        }
    }
    finish(out, html, last)
}

/// Elements (lower case) without an end tag, or whose end tag may be left
/// out, or that the parser never nests in themselves (a new `<a>`,
/// `<button>` or `<nobr>` closes the open one, a `<form>` inside a form is
/// ignored): they never make a page deep.
fn is_uncounted(name: &[u8]) -> bool {
    matches!(
        name,
        b"area"
            | b"base"
            | b"br"
            | b"col"
            | b"embed"
            | b"hr"
            | b"img"
            | b"image"
            | b"input"
            | b"link"
            | b"meta"
            | b"param"
            | b"source"
            | b"track"
            | b"wbr"
            | b"keygen"
            | b"frame"
            | b"basefont"
            | b"bgsound"
            | b"p"
            | b"li"
            | b"dt"
            | b"dd"
            | b"option"
            | b"optgroup"
            | b"tr"
            | b"td"
            | b"th"
            | b"tbody"
            | b"thead"
            | b"tfoot"
            | b"colgroup"
            | b"caption"
            | b"rb"
            | b"rt"
            | b"rp"
            | b"rtc"
            | b"html"
            | b"head"
            | b"body"
            | b"a"
            | b"button"
            | b"nobr"
            | b"form"
    )
}

/// What a tag is to the white space next to it (see [`Blank`]).
#[derive(Clone, Copy, PartialEq, Eq, Default)]
enum Kind {
    /// A tag of none of the kinds below.
    #[default]
    Other,
    /// The start tag of a block (see [`is_block_tag`]).
    Open,
    /// The end tag of a block.
    Close,
    /// The start tag of a list item.
    ItemOpen,
    /// The end tag of a list item.
    ItemClose,
    /// A tag of the head: `<meta>`, `<link>`, `<base>`, `</title>`.
    Head,
}

fn kind_of(name: &[u8], closing: bool, in_body: bool) -> Kind {
    let is = |n: &[u8]| name.eq_ignore_ascii_case(n);
    if is(b"li") {
        if closing {
            Kind::ItemClose
        } else {
            Kind::ItemOpen
        }
    } else if is_block_tag(name) {
        if closing { Kind::Close } else { Kind::Open }
    } else if !in_body
        && (closing && is(b"title") || !closing && (is(b"meta") || is(b"link") || is(b"base")))
    {
        Kind::Head
    } else {
        Kind::Other
    }
}

/// White space between tags that separates no words, dropped by the
/// pre-pass: just after the start tag of a block (see [`is_block_tag`]),
/// just before the end tag of one, and between the end of one block and
/// the start of the next; the same around the items of a list that is in
/// no other list, quote or heading (the page walks read its items as
/// blocks, but the items of a nested list as lines of one block); and
/// between the `<meta>`, `<link>`, `<base>` and `<title>` tags of the
/// head. Text inside `<pre>` and `<textarea>` stays as it is. Elements the
/// pre-pass removes are transparent: the white space on both sides of
/// them is one run.
struct Blank {
    /// The last tag kept.
    last: Kind,
    /// Where the text after it starts, and whether that text (removed
    /// elements aside) is all white space so far.
    seg_start: usize,
    seg_blank: bool,
    /// Where that white space starts in the output, once part of it has
    /// been written there.
    mark: Option<usize>,
    /// Open lists, and open quotes and headings.
    lists: usize,
    quotes: usize,
    /// The end of the `<pre>` or `<textarea>` element being read.
    verbatim_end: usize,
}

impl Default for Blank {
    fn default() -> Self {
        Self {
            last: Kind::Other,
            seg_start: 0,
            seg_blank: false,
            mark: None,
            lists: 0,
            quotes: 0,
            verbatim_end: 0,
        }
    }
}

impl Blank {
    /// A tag of kind `this` that stays, at `p..end`: drops the white space
    /// before it when it separates no words, and starts the text after it.
    fn keep_tag(
        &mut self,
        this: Kind,
        p: usize,
        end: usize,
        out: &mut Option<String>,
        last: &mut usize,
        s: &str,
    ) {
        let top_list = self.lists == 1 && self.quotes == 0;
        let prev = self.last;
        let droppable = prev == Kind::Open
            || this == Kind::Close
            || (prev == Kind::Close && this == Kind::Open)
            || (top_list
                && (prev == Kind::ItemOpen
                    || this == Kind::ItemClose
                    || (prev == Kind::ItemClose && this == Kind::ItemOpen)))
            || (prev == Kind::Head && this == Kind::Head);
        if self.seg_blank && droppable && p >= self.verbatim_end && p > self.seg_start {
            let o = out.get_or_insert_with(|| String::with_capacity(s.len() / 2));
            match self.mark {
                Some(m) => o.truncate(m),
                None => o.push_str(&s[*last..self.seg_start]),
            }
            *last = p;
        }
        self.last = this;
        self.seg_start = end;
        self.seg_blank = true;
        self.mark = None;
    }

    /// Removes `p..end` (an element or a tag that goes): the white space on
    /// both sides of it is one run.
    fn cut(&mut self, p: usize, end: usize, out: &mut Option<String>, last: &mut usize, s: &str) {
        // All cut points are at ASCII bytes, so they are char boundaries.
        let o = out.get_or_insert_with(|| String::with_capacity(s.len() / 2));
        if self.seg_blank && self.mark.is_none() {
            self.mark = Some(o.len() + self.seg_start.saturating_sub(*last));
        }
        o.push_str(&s[*last..p]);
        *last = end;
    }

    /// Follows the lists, quotes, headings and verbatim elements the tag
    /// `name` at `p..end` opens or closes.
    fn enter(&mut self, name: &[u8], closing: bool, p: usize, end: usize, s: &str) {
        if p < self.verbatim_end {
            return;
        }
        let is = |n: &[u8]| name.eq_ignore_ascii_case(n);
        let list = matches!(name.len(), 2 | 4) && (is(b"ul") || is(b"ol") || is(b"menu"));
        let quote = (name.len() == 2
            && name[0].eq_ignore_ascii_case(&b'h')
            && (b'1'..=b'6').contains(&name[1]))
            || is(b"blockquote");
        if list {
            self.lists = if closing {
                self.lists.saturating_sub(1)
            } else {
                self.lists + 1
            };
        }
        if quote {
            self.quotes = if closing {
                self.quotes.saturating_sub(1)
            } else {
                self.quotes + 1
            };
        }
        if !closing && matches!(name.len(), 3 | 8) && (is(b"pre") || is(b"textarea")) {
            let close: &[u8] = if name.len() == 3 {
                b"</pre"
            } else {
                b"</textarea"
            };
            self.verbatim_end = element_end(s, end, close);
        }
    }
}

/// Elements that every reading of the tree takes as a block of their own
/// (the page walks flush the text before them and after them, the
/// readability core scores them as containers): white space just inside
/// them, or between two of them, separates no words.
pub(crate) fn is_block_tag(name: &[u8]) -> bool {
    lowered::<10>(name, |lower| {
        matches!(
            lower,
            b"html"
                | b"body"
                | b"div"
                | b"p"
                | b"section"
                | b"article"
                | b"main"
                | b"header"
                | b"footer"
                | b"nav"
                | b"aside"
                | b"ul"
                | b"ol"
                | b"dl"
                | b"table"
                | b"thead"
                | b"tbody"
                | b"tfoot"
                | b"tr"
                | b"figure"
                | b"form"
                | b"fieldset"
                | b"h1"
                | b"h2"
                | b"h3"
                | b"h4"
                | b"h5"
                | b"h6"
                | b"blockquote"
        )
    })
}

/// End (exclusive) of the tag that starts at `p` (`<`), quoted attribute
/// values skipped; None when it never ends.
fn tag_end(s: &str, p: usize) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = p + 1;
    // Whether an `=` came last (white space aside): a quote then opens a
    // value, which may hold `>`.
    let mut eq = false;
    while i < b.len() {
        match b[i] {
            b'>' => return Some(i + 1),
            b'=' => eq = true,
            q @ (b'"' | b'\'') if eq => {
                i += 1 + byte_at(&b[i + 1..], q)?;
                eq = false;
            }
            c if is_space(c) => {}
            _ => eq = false,
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heavy_parts_go_and_json_ld_stays() {
        let html = "<p>a</p><SCRIPT src=x>var s = '<p>no</p>';</Script ><!-- c <p>no</p> -->\
                    <script type=\"application/ld+json\">{\"a\":1}</script><style>p{}</style>\
                    <svg viewBox='0'><path d=''/></svg><p>b</p><scripts>k</scripts>";
        assert_eq!(
            strip_heavy(html),
            "<p>a</p><script type=\"application/ld+json\">{\"a\":1}</script><p>b</p><scripts>k</scripts>"
        );
    }

    #[test]
    fn json_ld_stays_when_its_type_escapes_the_plus() {
        for ty in ["application/ld&#x2B;json", "application/ld&#43;json"] {
            let html = format!("<p>a</p><script type=\"{ty}\">{{}}</script><script>x()</script>");
            assert_eq!(
                strip_heavy(&html),
                format!("<p>a</p><script type=\"{ty}\">{{}}</script>")
            );
        }
    }

    #[test]
    fn tags_keep_only_the_attributes_the_extractor_reads() {
        let html = "<div class=\"post body\" data-track='{\"a\":\">\"}' onclick=go()>\
                    <a href=\"https://example.org/a/long/path\" title=x>l</a>\
                    <a href=\"#notes\">n</a><img data-src=\"/i.jpg\" alt=\"pic\">\
                    <p style=\"color:red\" id=p1>a</p><p style=\"display:none\">b</p>\
                    <time title=\"2025-12-19 12:00\" data-x=1>a day ago</time>\
                    <link rel=canonical href=\"https://example.org/a\"><br/></div>";
        assert_eq!(
            strip_heavy(html),
            "<div class=\"post body\"><a href=\"/\">l</a><a href=\"#notes\">n</a>\
             <img data-src=\"/\"><p id=p1>a</p><p style=\"display:none\">b</p>\
             <time title=\"2025-12-19 12:00\">a day ago</time>\
             <link rel=canonical href=\"https://example.org/a\"><br/></div>"
        );
        // A tag that never ends is left to the parser.
        assert_eq!(strip_heavy("<p a=\"unclosed>x"), "<p a=\"unclosed>x");
        assert!(matches!(strip_heavy("<p class=a>x</p>"), Cow::Borrowed(_)));
    }

    #[test]
    fn large_noscript_is_unwrapped_small_is_dropped() {
        let small = "<p>a</p><noscript><img src=pixel></noscript><p>b</p>";
        assert_eq!(strip_heavy(small), "<p>a</p><p>b</p>");
        let post = format!("<p>{}</p>", "word ".repeat(500));
        let large = format!("<noscript class=x>{post}</noscript>");
        assert_eq!(strip_heavy(&large), format!("{post}</noscript>"));
    }

    #[test]
    fn white_space_goes_only_where_it_separates_no_words() {
        let html = "<head>\n<meta a>\n<link rel=canonical href=x>\n<title>T</title>\n</head>\n\
                    <body>\n<div>\n  <p>One <b>two</b> <i>three</i></p>\n  <p>Four</p>\n</div>\n\
                    <span>a</span> <span>b</span>\n<pre>\n  <b>x</b>  <i>y</i>\n</pre>\n\
                    <ul>\n <li> <a>Home</a> </li>\n <li>News<ul>\n <li>Sport</li>\n <li>Art</li>\n </ul> </li>\n</ul>\n\
                    <blockquote><ul>\n<li>q</li>\n<li>r</li></ul></blockquote></body>";
        assert_eq!(
            strip_heavy(html),
            "<head>\n<meta><link rel=canonical href=x>\n<title>T</title>\n</head>\n\
             <body><div><p>One <b>two</b> <i>three</i></p><p>Four</p></div>\n\
             <span>a</span> <span>b</span>\n<pre>\n  <b>x</b>  <i>y</i>\n</pre>\n\
             <ul><li><a>Home</a></li><li>News<ul><li>Sport</li>\n <li>Art</li></ul></li></ul>\
             <blockquote><ul><li>q</li>\n<li>r</li></ul></blockquote></body>"
        );
        // Words never glue: the text of the page walk is unchanged.
        let text = |h: &str| {
            let doc = dom_query::Document::from(h);
            crate::body::blocks_of(&doc.body().unwrap())
        };
        assert_eq!(text(html), text(&strip_heavy(html)));
        // A `>` inside a quoted value does not end the tag; elements that
        // go are transparent: the white space around them is one run.
        assert_eq!(
            strip_heavy("<div class=\"a > b\">\n<!-- c -->\n<p>x</p>\n<script>s</script>\n</div>"),
            "<div class=\"a > b\"><p>x</p></div>"
        );
        assert_eq!(
            strip_heavy("<b>a</b>\n<!-- c -->\n<b>b</b>"),
            "<b>a</b>\n\n<b>b</b>"
        );
    }

    #[test]
    fn head_links_go_but_the_canonical_and_author_ones() {
        let html = "<html><head><link rel=stylesheet href=/a.css><link rel=\"canonical\" href=\"https://e.org/a\">\
                    <link rel=author href=/me><link rel=preload as=font href=/f></head>\
                    <body><link rel=stylesheet href=/b.css><p>x</p></body></html>";
        assert_eq!(
            strip_heavy(html),
            "<html><head><link rel=\"canonical\" href=\"https://e.org/a\"><link rel=author href=/me>\
             </head><body><link rel=stylesheet href=/b.css><p>x</p></body></html>"
        );
    }

    #[test]
    fn pagination_links_in_any_quoting_and_case() {
        for tag in [
            "<link rel=\"next\" href=/2>",
            "<link REL='Prev' href=/1>",
            "<link href=/3 rel=next>",
            "<link rel=\"prev\">",
        ] {
            assert!(is_pagination(tag.as_bytes()), "{tag}");
        }
        for tag in [
            "<link rel=\"nofollow next\">",
            "<link rel=preload href=/next>",
            "<link rel=nex>",
        ] {
            assert!(!is_pagination(tag.as_bytes()), "{tag}");
        }
        assert!(contains_ci(b"<LINK rel=Canonical>", b"canonical"));
        assert!(!contains_ci(b"<link rel=canon>", b"canonical"));
    }

    #[test]
    fn head_links_to_the_next_and_previous_page_stay() {
        let html = "<html><head><link rel=\"next\" href=\"/page/3\"><link rel=prev href=/page/1>\
                    <link rel=preload href=/_next/static/a.js></head><body><p>x</p></body></html>";
        assert_eq!(
            strip_heavy(html),
            "<html><head><link rel=\"next\" href=\"/page/3\"><link rel=prev href=/page/1>\
             </head><body><p>x</p></body></html>"
        );
    }

    #[test]
    fn streamed_react_blocks_are_unhidden() {
        let page = "<div hidden id=\"S:0\" data-x=1><p>text</p></div><div hidden id=\"S:1\">y</div>\
                    <div hidden>x</div><div id=\"S:2\" hidden>z</div>";
        assert_eq!(
            strip_heavy(page),
            "<div id=\"S:0\"><p>text</p></div><div id=\"S:1\">y</div><div hidden>x</div>\
             <div id=\"S:2\" hidden>z</div>"
        );
    }

    #[test]
    fn fallbacks_of_streamed_boundaries_go_when_their_block_came() {
        let page = "<p>a</p><!--$?--><template id=\"B:0\"></template><div>Loading paragraph...</div>\
                    <!--/$--><p>b</p>\
                    <!--$?--><template id=\"B:1\"></template>Loading<!--$--><i>skeleton</i><!--/$-->\
                    <span>grey</span><!--/$--><p>c</p>\
                    <!--$?--><template id=\"B:2\"></template><div>Loading photo</div><!--/$-->\
                    <div hidden id=\"S:0\"><p>first</p></div><div hidden id=\"S:1\"><p>second</p></div>";
        // B:2 never came: its fallback is what the page shows.
        assert_eq!(
            strip_heavy(page),
            "<p>a</p><template id=\"B:0\"></template><p>b</p><template id=\"B:1\"></template>\
             <p>c</p><template id=\"B:2\"></template><div>Loading photo</div>\
             <div id=\"S:0\"><p>first</p></div><div id=\"S:1\"><p>second</p></div>"
        );
        // A boundary that is never closed, or has no template, keeps it all.
        let open = "<!--$?--><template id=\"B:0\"></template><div>Loading</div>\
                    <div hidden id=\"S:0\">x</div>";
        assert!(strip_heavy(open).contains("Loading"));
        let bare = "<!--$?--><div>Loading</div><!--/$--><div hidden id=\"S:0\">x</div>";
        assert!(strip_heavy(bare).contains("Loading"));
    }

    #[test]
    fn unclosed_and_plain_inputs() {
        assert_eq!(strip_heavy("<p>x</p><script>never closed"), "<p>x</p>");
        assert_eq!(strip_heavy("<p>x<!-- open"), "<p>x");
        assert!(matches!(strip_heavy("<p>plain</p>"), Cow::Borrowed(_)));
        assert_eq!(
            strip_heavy("<p>خبر</p><style>x</style>ZWNJ‌"),
            "<p>خبر</p>ZWNJ‌"
        );
        assert_eq!(strip_heavy("<"), "<");
        assert_eq!(strip_heavy("<script"), "<script");
    }

    #[test]
    fn nesting_past_the_limit_loses_its_tags_not_its_text() {
        let n = MAX_DEPTH + 500;
        let deep = format!(
            "<body>{}<blockquote><span>deep text</span></blockquote>{}</body>",
            "<div><span>".repeat(n / 2),
            "</span></div>".repeat(n / 2)
        );
        let out = strip_heavy(&deep);
        assert!(out.contains("deep text"));
        // As many start as end tags are kept, up to the limit.
        let opened = out.matches("<div>").count() + out.matches("<span>").count();
        let closed = out.matches("</div>").count() + out.matches("</span>").count();
        assert_eq!(opened, MAX_DEPTH);
        assert_eq!(closed, MAX_DEPTH);
        assert!(!out.contains("<blockquote>"));
        // Elements the parser closes itself never count: a sloppy page of
        // unclosed paragraphs, items, cells and links is left whole.
        let flat = format!(
            "<body><div>{}</div></body>",
            "<p><a href=#x>link<li>item<td>cell<br><img src=x>".repeat(3 * MAX_DEPTH)
        );
        assert_eq!(strip_heavy(&flat), flat);
    }

    #[test]
    fn limit_nesting_keeps_all_but_the_tags_past_the_limit() {
        let n = MAX_DEPTH + 100;
        let deep = format!(
            "<body><script>var s = '{}';</script>{}<a href=\"/x\">deep</a>{}</body>",
            "<div>".repeat(3000),
            "<div class=k>".repeat(n),
            "</div>".repeat(n)
        );
        let out = limit_nesting(&deep);
        assert!(out.contains("<a href=\"/x\">deep</a>"));
        assert!(
            out.contains(&"<div>".repeat(3000)),
            "script text is not markup"
        );
        assert_eq!(out.matches("<div class=k>").count(), MAX_DEPTH);
        assert_eq!(out.matches("</div>").count(), MAX_DEPTH);
        let flat = "<body><!-- <div> --><p>a<li>b<a href=y>c</body>";
        assert!(matches!(limit_nesting(flat), Cow::Borrowed(_)));
    }
}
