//! Borrowed access to an element's name and attributes. `NodeRef::attr`
//! and `NodeRef::node_name` return owned tendrils, one lookup of the tree
//! each; the walks over every element of a page read several attributes
//! of each, so they read them in place, in one lookup.

use dom_query::{Element, LocalName, NodeData, NodeRef};

/// Applies `f` to the element `node` is; `None` for other nodes.
pub(crate) fn with<R>(node: &NodeRef, f: impl FnOnce(&Element) -> R) -> Option<R> {
    node.query_or(None, |t| match &t.data {
        NodeData::Element(e) => Some(f(e)),
        _ => None,
    })
}

/// The value of the attribute `name` of `e` (`&local_name!("class")`:
/// interned names compare as one machine word).
pub(crate) fn attr<'e>(e: &'e Element, name: &LocalName) -> Option<&'e str> {
    e.attrs
        .iter()
        .find(|a| a.name.local == *name)
        .map(|a| &*a.value)
}

/// Whether `e` has the attribute `name`.
pub(crate) fn has_attr(e: &Element, name: &LocalName) -> bool {
    e.attrs.iter().any(|a| a.name.local == *name)
}

/// Whether `e` has the attribute `name`, one that is not among the
/// parser's interned names (`data-nosnippet`).
pub(crate) fn has_attr_str(e: &Element, name: &str) -> bool {
    e.attrs.iter().any(|a| &*a.name.local == name)
}

/// The local name of `e` (`div`, `p`).
pub(crate) fn name(e: &Element) -> &str {
    &e.name.local
}

/// Whether the class list `class` holds `c` (as `NodeRef::has_class`).
pub(crate) fn has_class(class: &str, c: &str) -> bool {
    class.split_ascii_whitespace().any(|x| x == c)
}

/// The text under `node` with a space at each start and end of a block
/// element (`div`, `p`, `li`…): the pre-pass drops the white space
/// between block tags, which kept the words of such blocks apart
/// ("<div>Name</div><div>Member</div>" reads "Name Member").
pub(crate) fn spaced_text(node: &NodeRef) -> String {
    fn walk(n: &NodeRef, out: &mut String) {
        for c in n.children_it(false) {
            let block = c.query_or(None, |t| match &t.data {
                NodeData::Text { contents } => {
                    out.push_str(contents);
                    None
                }
                NodeData::Element(e) => {
                    Some(crate::prepass::is_block_tag(name(e).as_bytes()) || name(e) == "li")
                }
                _ => None,
            });
            if let Some(block) = block {
                if block {
                    out.push(' ');
                }
                walk(&c, out);
                if block {
                    out.push(' ');
                }
            }
        }
    }
    let mut out = String::new();
    walk(node, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use dom_query::{Document, local_name};

    #[test]
    fn reads_agree_with_node_ref() {
        let doc =
            Document::from("<div id=d class=\" post  Byline\" data-x=1 hidden><p>x</p></div>");
        let d = doc.select("#d").nodes()[0];
        with(&d, |e| {
            assert_eq!(name(e), "div");
            assert_eq!(attr(e, &local_name!("class")), d.attr("class").as_deref());
            assert_eq!(attr(e, &local_name!("role")), None);
            assert!(
                has_attr(e, &local_name!("hidden")) && !has_attr(e, &local_name!("aria-hidden"))
            );
            let class = attr(e, &local_name!("class")).unwrap();
            for c in ["post", "Byline", "byline", "pos"] {
                assert_eq!(has_class(class, c), d.has_class(c), "{c}");
            }
        })
        .unwrap();
        let text = d.first_child().unwrap().first_child().unwrap();
        assert!(with(&text, |_| ()).is_none());
    }

    #[test]
    fn spaced_text_keeps_blocks_apart() {
        let doc = Document::from(
            "<div id=b><div>Rick</div><div>Veteran <b>since</b>2019</div><ul><li>A</li><li>B</li></ul></div>",
        );
        let b = doc.select("#b").nodes()[0];
        let words: Vec<_> = spaced_text(&b)
            .split_whitespace()
            .map(str::to_string)
            .collect();
        assert_eq!(words, ["Rick", "Veteran", "since2019", "A", "B"]);
    }
}
