//! Social media posts embedded in an article (an official's statement on X,
//! a channel's post on Telegram): who posted what, when and where, as the
//! extractor read them from the page's embed code.

use serde::{Deserialize, Serialize};

/// Where an embedded post (or video) was published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Platform {
    /// X, formerly Twitter.
    X,
    Bluesky,
    Instagram,
    #[serde(rename = "tiktok")]
    TikTok,
    Facebook,
    Threads,
    Mastodon,
    Telegram,
    #[serde(rename = "youtube")]
    YouTube,
    Vimeo,
}

/// A social media post embedded in the page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmbeddedPost {
    pub platform: Platform,
    /// The poster's name as the embed shows it ("Ministry Spokesman").
    pub author: Option<String>,
    /// The poster's handle, with its `@`.
    pub handle: Option<String>,
    /// The words of the post, media links left out; empty for a post of
    /// pictures alone.
    pub text: String,
    /// When it was posted, as the embed writes it ("December 5, 2026").
    pub posted: Option<String>,
    /// The address of the post.
    pub url: Option<String>,
}

impl Platform {
    /// The platform's name as people write it ("X", "TikTok").
    pub fn name(self) -> &'static str {
        match self {
            Platform::X => "X",
            Platform::Bluesky => "Bluesky",
            Platform::Instagram => "Instagram",
            Platform::TikTok => "TikTok",
            Platform::Facebook => "Facebook",
            Platform::Threads => "Threads",
            Platform::Mastodon => "Mastodon",
            Platform::Telegram => "Telegram",
            Platform::YouTube => "YouTube",
            Platform::Vimeo => "Vimeo",
        }
    }

    /// Whether its posts are videos (YouTube, Vimeo).
    pub fn is_video(self) -> bool {
        matches!(self, Platform::YouTube | Platform::Vimeo)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn platforms_read_back_as_written() {
        for (p, json) in [
            (Platform::X, "\"x\""),
            (Platform::TikTok, "\"tiktok\""),
            (Platform::YouTube, "\"youtube\""),
        ] {
            assert_eq!(serde_json::to_string(&p).unwrap(), json);
            assert_eq!(serde_json::from_str::<Platform>(json).unwrap(), p);
        }
        assert_eq!(Platform::TikTok.name(), "TikTok");
        let post: EmbeddedPost = serde_json::from_str(
            r#"{"platform":"telegram","author":null,"handle":"@news","text":"","posted":null,"url":"https://t.me/news/1"}"#,
        )
        .unwrap();
        assert_eq!(post.platform, Platform::Telegram);
        assert!(serde_json::from_str::<Platform>("\"myspace\"").is_err());
    }
}
