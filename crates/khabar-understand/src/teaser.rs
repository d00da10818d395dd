//! The one sentence that best tells the story.
//!
//! (Being written.)

/// A sentence from the body that tells the story, or `None` for an empty body.
pub fn pick(title: &str, paragraphs: &[String]) -> Option<String> {
    let _ = title;
    paragraphs
        .iter()
        .find(|p| !p.trim().is_empty())
        .map(|p| p.trim().to_string())
}
