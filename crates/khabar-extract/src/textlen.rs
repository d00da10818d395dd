//! Text lengths of a subtree counted in place: walking the text nodes
//! instead of concatenating them into a new string (which `NodeRef::text`
//! does), and stopping as soon as a bound is reached.

use dom_query::{NodeData, NodeRef};

/// Applies `f` to every text node under `node` until it returns false.
fn each_text(node: &NodeRef, mut f: impl FnMut(&str) -> bool) {
    for d in node.descendants_it() {
        let go = d.query_or(true, |t| match &t.data {
            NodeData::Text { contents } => f(contents),
            _ => true,
        });
        if !go {
            return;
        }
    }
}

/// Whether the text under `node` is shorter than `limit` bytes.
pub(crate) fn shorter_than(node: &NodeRef, limit: usize) -> bool {
    let mut total = 0;
    each_text(node, |t| {
        total += t.len();
        total < limit
    });
    total < limit
}

/// Whether the text under `node` holds at least `n` characters.
pub(crate) fn has_chars(node: &NodeRef, n: usize) -> bool {
    let mut total = 0;
    each_text(node, |t| {
        total += t.chars().count();
        total < n
    });
    total >= n
}

/// Bytes and non-white-space characters of the text under `node`.
pub(crate) fn sizes(node: &NodeRef) -> (usize, usize) {
    let (mut bytes, mut chars) = (0, 0);
    each_text(node, |t| {
        bytes += t.len();
        chars += t.chars().filter(|c| !c.is_whitespace()).count();
        true
    });
    (bytes, chars)
}

#[cfg(test)]
mod tests {
    use super::*;
    use dom_query::Document;

    #[test]
    fn lengths_match_the_concatenated_text() {
        let doc = Document::from(
            "<div id=d><p>Wells <b>in</b> the</p> village<span> سیلاب‌ها</span></div>",
        );
        let d = doc.select("#d").nodes()[0];
        let text = d.text();
        let non_ws = text.chars().filter(|c| !c.is_whitespace()).count();
        assert_eq!(sizes(&d), (text.len(), non_ws));
        assert!(shorter_than(&d, text.len() + 1));
        assert!(!shorter_than(&d, text.len()));
        let chars = text.chars().count();
        assert!(has_chars(&d, chars));
        assert!(!has_chars(&d, chars + 1));
    }
}
