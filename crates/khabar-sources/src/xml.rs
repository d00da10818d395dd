//! Small helpers over quick-xml shared by the sitemap, OPML and sniffing code.

use quick_xml::XmlVersion;
use quick_xml::events::{BytesRef, BytesStart};

/// Elements nested deeper than this are refused (a nesting bomb).
pub(crate) const MAX_DEPTH: usize = 64;

/// The text an entity reference stands for: character references and the
/// five predefined entities. Anything else (a DTD entity) is kept as
/// written and never expanded, so billion-laughs and XXE do nothing.
pub(crate) fn push_ref(out: &mut String, r: &BytesRef<'_>) {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        out.push(c);
        return;
    }
    let name: &str = r;
    match name {
        "amp" => out.push('&'),
        "lt" => out.push('<'),
        "gt" => out.push('>'),
        "quot" => out.push('"'),
        "apos" => out.push('\''),
        other => {
            out.push('&');
            out.push_str(other);
            out.push(';');
        }
    }
}

/// An element's local name, lower-cased (`news:title` → `title`).
pub(crate) fn local(e: &BytesStart<'_>) -> String {
    let n = e.local_name();
    let s: &str = n.as_ref();
    s.to_ascii_lowercase()
}

/// The value of attribute `name` (matched on its local name, any case),
/// entity references resolved; `None` when absent or empty.
pub(crate) fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        let key = a.key.local_name();
        let key: &str = key.as_ref();
        if !key.eq_ignore_ascii_case(name) {
            return None;
        }
        let v = a
            .normalized_value(XmlVersion::Implicit1_0)
            .map(|v| v.into_owned())
            .unwrap_or_else(|_| a.value.clone().into_owned());
        let v = v.trim();
        (!v.is_empty()).then(|| v.to_string())
    })
}
