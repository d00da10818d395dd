//! Quotation marks: where quotations open and close in a paragraph.

/// One quotation (or its part) inside a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// The words inside the marks.
    pub inner_start: usize,
    pub inner_end: usize,
    /// Byte offset after the closing mark (the paragraph's end when the
    /// quotation runs on into the next paragraph).
    pub close_end: usize,
    /// Whether a closing mark was found in this paragraph.
    pub closed: bool,
}

/// The closing marks that end a quotation opened by `open`.
fn closers(open: char) -> &'static [char] {
    match open {
        '“' => &['”', '"'],
        '«' => &['»'],
        '„' => &['“', '”'],
        '"' => &['"', '”'],
        '‘' => &['’'],
        '‹' => &['›'],
        _ => &[],
    }
}

/// Whether `c` at `i` in `chars` opens a quotation: an opening mark, or a
/// straight or single one at the start of a word.
fn opens(chars: &[(usize, char)], i: usize, singles: bool) -> bool {
    let c = chars[i].1;
    let before = if i == 0 { None } else { Some(chars[i - 1].1) };
    let after = chars.get(i + 1).map(|&(_, c)| c);
    let word_start = before
        .is_none_or(|b| b.is_whitespace() || matches!(b, '(' | '[' | ':' | '—' | '–' | '-' | '،'))
        && after.is_some_and(|a| !a.is_whitespace());
    match c {
        '“' | '«' | '„' | '‹' => true,
        '"' => word_start,
        '‘' => singles && word_start,
        _ => false,
    }
}

/// The quotations of `text`. Single quotes (‘…’) count only when the
/// paragraph has no double ones outside them (a British-style text, where
/// double marks nest inside single ones: ‘They told us, “Go home.”’); the
/// closing one must not be an apostrophe inside a word ("women’s").
pub(crate) fn spans(text: &str) -> Vec<Span> {
    let chars = crate::char_indices(text);
    let doubles = chars
        .iter()
        .any(|&(_, c)| matches!(c, '“' | '”' | '"' | '«' | '»' | '„'));
    if !doubles {
        return spans_with(text, &chars, true);
    }
    if chars.iter().any(|&(_, c)| c == '‘') {
        // Double marks only nested inside single ones: British style.
        let british = spans_with(text, &chars, true);
        let single_open = |s: &Span| text[s.open..].starts_with('‘');
        if british.iter().any(single_open) && british.iter().all(single_open) {
            return british;
        }
    }
    spans_with(text, &chars, false)
}

/// [`spans`], single quotes counted or not.
fn spans_with(text: &str, chars: &[(usize, char)], singles: bool) -> Vec<Span> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !opens(chars, i, singles) {
            i += 1;
            continue;
        }
        let open_char = chars[i].1;
        let inner_start = chars.get(i + 1).map_or(text.len(), |&(b, _)| b);
        let close = closers(open_char);
        let mut depth = 0usize;
        let mut j = i + 1;
        let mut found = None;
        while j < chars.len() {
            let c = chars[j].1;
            if c == open_char && open_char != '"' && !close.contains(&c) {
                depth += 1;
            } else if close.contains(&c) {
                let apostrophe = c == '’'
                    && chars.get(j + 1).is_some_and(|&(_, n)| n.is_alphanumeric())
                    && chars[j - 1].1.is_alphanumeric();
                if !apostrophe {
                    if depth == 0 {
                        found = Some(j);
                        break;
                    }
                    depth -= 1;
                }
            }
            j += 1;
        }
        match found {
            Some(j) => {
                out.push(Span {
                    open: chars[i].0,
                    inner_start,
                    inner_end: chars[j].0,
                    close_end: chars.get(j + 1).map_or(text.len(), |&(b, _)| b),
                    closed: true,
                });
                i = j + 1;
            }
            None => {
                out.push(Span {
                    open: chars[i].0,
                    inner_start,
                    inner_end: text.len(),
                    close_end: text.len(),
                    closed: false,
                });
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner(text: &str) -> Vec<&str> {
        spans(text)
            .iter()
            .map(|s| &text[s.inner_start..s.inner_end])
            .collect()
    }

    #[test]
    fn curly_straight_guillemets_and_low_marks() {
        assert_eq!(
            inner("He said: “We stay.” Then “Go,” she said."),
            ["We stay.", "Go,"]
        );
        assert_eq!(inner("He said: \"We stay.\" Fine."), ["We stay."]);
        assert_eq!(inner("او گفت: «ما می‌مانیم.»"), ["ما می‌مانیم."]);
        assert_eq!(inner("Er sagte: „Wir bleiben.“"), ["Wir bleiben."]);
        assert_eq!(inner("«بیرون «درون» بیرون»"), ["بیرون «درون» بیرون"]);
    }

    #[test]
    fn single_quotes_only_in_british_style_and_never_an_apostrophe() {
        assert_eq!(
            inner("She said: ‘women’s rights are not for sale’."),
            ["women’s rights are not for sale"]
        );
        assert_eq!(
            inner("The ‘deal’ and “the real quote here”"),
            ["the real quote here"]
        );
    }

    #[test]
    fn double_marks_nested_in_single_ones_in_british_style() {
        assert_eq!(
            inner("The nurse said: ‘A guard shouted, “Close the door,” and we ran.’"),
            ["A guard shouted, “Close the door,” and we ran."]
        );
        // Double marks outside single ones: the single ones are no quotation.
        assert_eq!(
            inner("The ‘plan’ was named, and “this is the real quote”."),
            ["this is the real quote"]
        );
    }

    #[test]
    fn an_unclosed_quotation_runs_to_the_end() {
        let s = spans("He said: “We will go on");
        assert_eq!(s.len(), 1);
        assert!(!s[0].closed);
    }
}
