//! A byte-level pre-pass before the HTML parser: removes comments and the
//! contents of `<script>` (except JSON-LD), `<style>` and `<svg>`, which
//! are about half the bytes of a typical page and never main text. The
//! parser then builds a much smaller tree. Tag boundaries follow the HTML
//! tokenizer: script and style data end at the first `</script` /
//! `</style` (any case).

use std::borrow::Cow;

/// First position of `needle` in `hay`, ASCII case ignored. Every needle
/// starts with a byte that has no case (`<`, `-`), found with the standard
/// library's word-at-a-time `memchr`; the rest is compared in place.
fn find(hay: &str, needle: &[u8]) -> Option<usize> {
    let (&first, rest) = needle.split_first()?;
    debug_assert!(first.is_ascii() && !first.is_ascii_alphabetic());
    let b = hay.as_bytes();
    let mut i = 0;
    while let Some(off) = hay[i..].find(char::from(first)) {
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

/// Whether `hay` holds `needle`, ASCII case ignored (short haystacks).
fn contains_ci(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
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
    match s[c..].find('>') {
        Some(gt) => c + gt + 1,
        None => s.len(),
    }
}

/// React streaming (Next.js) sends the server-rendered page in
/// `<div hidden id="S:0">` blocks that a script moves into place: without
/// scripts they are the page, so they are unhidden.
pub(crate) fn unhide_streamed(text: String) -> String {
    const HIDDEN: &str = "<div hidden id=\"S:";
    if text.contains(HIDDEN) {
        text.replace(HIDDEN, "<div id=\"S:")
    } else {
        text
    }
}

/// Attributes read by the metadata layer, the page typer, the furniture
/// rules or the readability core. All others (`data-*`, `srcset`, event
/// handlers, …), often a third of what is left of a page, go before the
/// parser sees them.
const KEPT_ATTRS: &[&[u8]] = &[
    b"class",
    b"id",
    b"role",
    b"hidden",
    b"aria-hidden",
    b"aria-label",
    b"aria-modal",
    b"loading",
    b"summary",
    b"itemprop",
    b"itemtype",
    b"itemscope",
    b"property",
    b"name",
    b"content",
    b"http-equiv",
    b"charset",
    b"rel",
    b"href",
    b"datetime",
    b"type",
    b"value",
    b"lang",
    b"xml:lang",
    b"dir",
    b"style",
    b"colspan",
    b"rowspan",
    b"open",
];

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// Rewrites the start tag at `p` (`<` + letter) into `out` (after copying
/// `s[last..p]`), keeping only [`KEPT_ATTRS`]; `href` keeps its value only
/// on `<link>` and `<base>` and for in-page anchors (the readability core
/// weighs `#` links less), `style` only when it hides the element. Returns
/// the end of the tag, or None (nothing written) when the tag needs no
/// change or does not end.
fn slim_tag(
    s: &str,
    p: usize,
    out: &mut Option<String>,
    last: usize,
    extra: &[String],
) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = p + 1;
    while i < b.len() && !is_space(b[i]) && b[i] != b'>' && b[i] != b'/' {
        i += 1;
    }
    let name = &b[p + 1..i];
    let keeps_href = name.eq_ignore_ascii_case(b"link") || name.eq_ignore_ascii_case(b"base");
    // (start, end) of each attribute to keep, and whether anything is dropped.
    let mut kept: Vec<(usize, usize, Option<&'static str>)> = Vec::new();
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
                let close = b[j + 1..].iter().position(|&c| c == q)?;
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
        let kept_attr = KEPT_ATTRS.iter().any(|k| aname.eq_ignore_ascii_case(k))
            || extra
                .iter()
                .any(|k| aname.eq_ignore_ascii_case(k.as_bytes()));
        if !image_source && !kept_attr {
            dropped = true;
            continue;
        }
        let value = &b[v0..v1];
        let name_end = a0 + aname.len();
        if image_source || (is(b"href") && !keeps_href && !value.starts_with(b"#")) {
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
    if !dropped {
        return None;
    }
    // All cut points are at ASCII bytes, so they are char boundaries.
    let o = out.get_or_insert_with(|| String::with_capacity(s.len() / 2));
    o.push_str(&s[last..p]);
    o.push('<');
    o.push_str(&s[p + 1..p + 1 + name.len()]);
    for (a0, a1, value) in kept {
        o.push(' ');
        o.push_str(&s[a0..a1]);
        if let Some(v) = value {
            o.push_str(v);
        }
    }
    o.push('>');
    Some(end)
}

#[cfg(test)]
pub(crate) fn strip_heavy(s: &str) -> Cow<'_, str> {
    strip_heavy_keeping(s, &[])
}

/// [`strip_heavy`], also keeping the attributes named in `extra` (those a
/// site rule's selectors read).
pub(crate) fn strip_heavy_keeping<'a>(s: &'a str, extra: &[String]) -> Cow<'a, str> {
    let b = s.as_bytes();
    let mut out: Option<String> = None;
    let mut last = 0;
    let mut i = 0;
    // Every cut point is at an ASCII byte (`<`, `>`), so at a character
    // boundary of `s`.
    while let Some(off) = s[i..].find('<') {
        let p = i + off;
        let rest = &b[p + 1..];
        let end = if rest.starts_with(b"!--") {
            match find(&s[p + 4..], b"-->") {
                Some(e) => p + 4 + e + 3,
                None => b.len(),
            }
        } else if opens(rest, b"script") {
            let Some(gt) = s[p..].find('>') else {
                break;
            };
            if contains_ci(&b[p..p + gt], b"ld+json") {
                i = element_end(s, p + gt + 1, b"</script");
                continue;
            }
            element_end(s, p + gt + 1, b"</script")
        } else if opens(rest, b"style") {
            element_end(s, p + 1, b"</style")
        } else if opens(rest, b"svg") {
            element_end(s, p + 1, b"</svg")
        } else if opens(rest, b"noscript") {
            // With scripting on, the parser reads <noscript> as raw text.
            // Large ones hold the page itself (Discourse forums render
            // their posts there): drop only the opening tag so the content
            // parses as HTML (the stray end tag is ignored). Small ones are
            // pixels and "enable JavaScript" notes: drop them whole.
            let Some(gt) = s[p..].find('>') else {
                break;
            };
            let end = element_end(s, p + gt + 1, b"</noscript");
            if end - (p + gt + 1) > 2000 {
                p + gt + 1
            } else {
                end
            }
        } else if rest.first().is_some_and(u8::is_ascii_alphabetic) {
            // An ordinary start tag: rewritten with only the attributes the
            // extractor reads, when it has others.
            match slim_tag(s, p, &mut out, last, extra) {
                Some(end) => {
                    last = end;
                    i = end;
                }
                None => i = p + 1,
            }
            continue;
        } else {
            i = p + 1;
            continue;
        };
        // All cut points are at ASCII bytes, so they are char boundaries.
        let o = out.get_or_insert_with(|| String::with_capacity(s.len() / 2));
        o.push_str(&s[last..p]);
        last = end;
        i = end;
        if i >= b.len() {
            break;
        }
    }
    match out {
        None => Cow::Borrowed(s),
        Some(mut o) => {
            o.push_str(&s[last.min(s.len())..]);
            Cow::Owned(o)
        }
    }
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
    fn tags_keep_only_the_attributes_the_extractor_reads() {
        let html = "<div class=\"post body\" data-track='{\"a\":\">\"}' onclick=go()>\
                    <a href=\"https://example.org/a/long/path\" title=x>l</a>\
                    <a href=\"#notes\">n</a><img data-src=\"/i.jpg\" alt=\"pic\">\
                    <p style=\"color:red\" id=p1>a</p><p style=\"display:none\">b</p>\
                    <link rel=canonical href=\"https://example.org/a\"><br/></div>";
        assert_eq!(
            strip_heavy(html),
            "<div class=\"post body\"><a href=\"/\">l</a><a href=\"#notes\">n</a>\
             <img data-src=\"/\"><p id=p1>a</p><p style=\"display:none\">b</p>\
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
    fn streamed_react_blocks_are_unhidden() {
        let page = "<div hidden id=\"S:0\"><p>text</p></div><div hidden>x</div>".to_string();
        assert_eq!(
            unhide_streamed(page),
            "<div id=\"S:0\"><p>text</p></div><div hidden>x</div>"
        );
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
}
