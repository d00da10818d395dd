//! Social media posts embedded in a page: the `<blockquote>` that the embed
//! code of X (Twitter), Bluesky, Instagram, TikTok, Facebook, Threads and
//! Mastodon puts in the page before its script turns it into a frame, and
//! the `<script data-telegram-post="channel/123">` of Telegram's.
//!
//! A statement posted by an official and embedded in a report is often the
//! report's main source, and the blockquote holds the words and who posted
//! them. Left to the general walk, the words survive as a quote but the
//! line naming the poster does not (it reads as a date line of links), and
//! the media links ("pic.twitter.com/…") and Instagram's "View this post on
//! Instagram" come along. So each embed is read here into an
//! [`EmbeddedPost`] (platform, author, handle, words, date as shown, the
//! post's address), and the blockquote is rewritten to the words and one
//! attribution line, which the main text keeps as one quote block. An
//! embed without words (a photo on Instagram, a Threads card) leaves the
//! main text and stays in the list.
//!
//! Frames are read too: a YouTube or Vimeo player, and the frame a post's
//! script (X, Instagram, Facebook) leaves in a page saved from a browser.
//! They hold no words; their address names the video or post, which is
//! listed under the address people open, and the frame leaves the page.

use dom_query::{Document, NodeData, NodeId, NodeRef};
use khabar_model::{EmbeddedPost, Platform};

use crate::body::normalize;
use crate::el;

/// The platform of an embed's blockquote, by its class list.
pub(crate) fn platform_of(class: &str) -> Option<Platform> {
    class.split_ascii_whitespace().find_map(|c| match c {
        "twitter-tweet" | "twitter-video" => Some(Platform::X),
        "bluesky-embed" => Some(Platform::Bluesky),
        "instagram-media" => Some(Platform::Instagram),
        "tiktok-embed" => Some(Platform::TikTok),
        "fb-xfbml-parse-ignore" => Some(Platform::Facebook),
        "text-post-media" => Some(Platform::Threads),
        "mastodon-embed" => Some(Platform::Mastodon),
        _ => None,
    })
}

/// The host and the rest (path, query) of an `http`, `https` or
/// scheme-relative address; None for any other.
fn host_and_path(href: &[u8]) -> Option<(&[u8], &[u8])> {
    let rest = href
        .strip_prefix(b"https://")
        .or_else(|| href.strip_prefix(b"http://"))
        .or_else(|| href.strip_prefix(b"//"))?;
    let end = rest
        .iter()
        .position(|&b| matches!(b, b'/' | b'?' | b'#'))
        .unwrap_or(rest.len());
    Some(rest.split_at(end))
}

/// Whether `host` is `domain` or one of its subdomains, ASCII case ignored.
fn on(host: &[u8], domain: &[u8]) -> bool {
    host.eq_ignore_ascii_case(domain)
        || (host.len() > domain.len()
            && host[host.len() - domain.len() - 1] == b'.'
            && host[host.len() - domain.len()..].eq_ignore_ascii_case(domain))
}

/// Whether a link points at a post on one of the platforms: the pre-pass
/// keeps such an address (it blanks all others), so that an embed can
/// name its post.
pub(crate) fn is_post_link(href: &[u8]) -> bool {
    // Every link of a page comes here: the host is read first, and only
    // the platforms' hosts look further.
    let Some((host, path)) = host_and_path(href) else {
        return false;
    };
    let on = |domain: &[u8]| on(host, domain);
    let has = |n: &[u8]| memchr::memmem::find(path, n).is_some();
    ((on(b"twitter.com") || on(b"x.com")) && has(b"/status/"))
        || (on(b"bsky.app") && path.starts_with(b"/profile/") && has(b"/post/"))
        || (on(b"instagram.com")
            && (path.starts_with(b"/p/") || path.starts_with(b"/reel/") || has(b"/p/")))
        || (on(b"tiktok.com") && path.starts_with(b"/@") && has(b"/video/"))
        || (on(b"facebook.com") && (has(b"/posts/") || has(b"/videos/")))
        || ((on(b"threads.net") || on(b"threads.com")) && path.starts_with(b"/@") && has(b"/post/"))
}

/// The platform of a frame's address when it is one of the embedded
/// players or posts read here: YouTube (`/embed/ID`, also the
/// no-cookie host), Vimeo's player, X's rendered post, Instagram's post
/// frame and Facebook's post and video plugins. The pre-pass keeps such
/// a `src` (it blanks all others), so cheap and host first as for links.
pub(crate) fn frame_platform(src: &[u8]) -> Option<Platform> {
    let (host, path) = host_and_path(src)?;
    if on(host, b"youtube.com") || on(host, b"youtube-nocookie.com") {
        path.starts_with(b"/embed/").then_some(Platform::YouTube)
    } else if host.eq_ignore_ascii_case(b"player.vimeo.com") {
        path.starts_with(b"/video/").then_some(Platform::Vimeo)
    } else if host.eq_ignore_ascii_case(b"platform.twitter.com") {
        path.starts_with(b"/embed/Tweet.html")
            .then_some(Platform::X)
    } else if on(host, b"instagram.com") {
        (memchr::memmem::find(path, b"/embed").is_some()
            && (path.starts_with(b"/p/") || path.starts_with(b"/reel/")))
        .then_some(Platform::Instagram)
    } else if on(host, b"facebook.com") {
        (path.starts_with(b"/plugins/post.php") || path.starts_with(b"/plugins/video.php"))
            .then_some(Platform::Facebook)
    } else {
        None
    }
}

/// The address of the player or post an `<iframe>` shows (its `src`, or a
/// lazy loader's `data-src`); None for any other element or frame.
pub(crate) fn frame_src(e: &dom_query::Element) -> Option<String> {
    if el::name(e) != "iframe" {
        return None;
    }
    e.attrs
        .iter()
        .filter(|a| a.name.local.ends_with("src"))
        .map(|a| &*a.value)
        .find(|v| frame_platform(v.as_bytes()).is_some())
        .map(str::to_string)
}

/// The post or video a frame plays, by its address: the address people
/// open (`https://www.youtube.com/watch?v=ID`, `https://x.com/i/status/ID`)
/// rather than the player's. None when the address names none (a
/// playlist, a frame without an id).
pub(crate) fn frame_post(src: &str) -> Option<EmbeddedPost> {
    let platform = frame_platform(src.as_bytes())?;
    let full = if src.starts_with("//") {
        format!("https:{src}")
    } else {
        src.to_string()
    };
    let u = url::Url::parse(&full).ok()?;
    let segments: Vec<&str> = u.path_segments()?.filter(|s| !s.is_empty()).collect();
    let query = |key: &str| {
        u.query_pairs()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.into_owned())
    };
    let id_like = |s: &str| {
        !s.is_empty()
            && s.len() <= 64
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    };
    let url = match platform {
        Platform::YouTube => match segments.as_slice() {
            ["embed", "videoseries"] => query("list")
                .filter(|l| id_like(l))
                .map(|l| format!("https://www.youtube.com/playlist?list={l}")),
            ["embed", id, ..] if id_like(id) => {
                Some(format!("https://www.youtube.com/watch?v={id}"))
            }
            _ => None,
        },
        Platform::Vimeo => match segments.as_slice() {
            ["video", id, ..] if id.bytes().all(|b| b.is_ascii_digit()) => {
                Some(format!("https://vimeo.com/{id}"))
            }
            _ => None,
        },
        Platform::X => query("id")
            .filter(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()))
            .map(|id| format!("https://x.com/i/status/{id}")),
        Platform::Instagram => match segments.as_slice() {
            [kind @ ("p" | "reel"), id, ..] if id_like(id) => {
                Some(format!("https://www.instagram.com/{kind}/{id}/"))
            }
            _ => None,
        },
        Platform::Facebook => query("href")
            .filter(|h| is_post_link(h.as_bytes()))
            .map(|h| h.split(['?', '#']).next().unwrap_or(&h).to_string()),
        _ => None,
    }?;
    Some(EmbeddedPost {
        platform,
        author: None,
        handle: None,
        text: String::new(),
        posted: None,
        url: Some(url),
    })
}

/// Reads the embeds `ids` (blockquotes whose class names a platform, in
/// page order) and rewrites each in place for the main text: its words and
/// a line "— author (@handle), date" in one paragraph, or nothing when the
/// post has no words.
pub(crate) fn read_and_rewrite(doc: &Document, ids: &[(Platform, NodeId)]) -> Vec<EmbeddedPost> {
    let mut out = Vec::new();
    for &(platform, id) in ids {
        let Some(node) = doc.tree.get(&id) else {
            continue;
        };
        if let Some(src) = el::with(&node, frame_src).flatten() {
            // A player or a rendered post: the frame holds no words.
            node.remove_from_parent();
            out.extend(frame_post(&src));
            continue;
        }
        let post = read(&node, platform);
        let mut html = String::new();
        if !post.text.is_empty() {
            html.push_str("<p>");
            for (i, line) in post.text.lines().enumerate() {
                if i > 0 {
                    html.push_str("<br>");
                }
                escape_into(line, &mut html);
            }
            let by = attribution_line(&post);
            if !by.is_empty() {
                html.push_str("<br>");
                escape_into(&by, &mut html);
            }
            html.push_str("</p>");
        }
        node.remove_children();
        if html.is_empty() {
            node.remove_from_parent();
        } else {
            node.append_html(html);
        }
        out.push(post);
    }
    out
}

/// "— Ministry Spokesman (@spokesman), December 5, 2026", with the parts
/// the embed gave.
fn attribution_line(p: &EmbeddedPost) -> String {
    let mut who = p.author.clone().unwrap_or_default();
    if let Some(h) = &p.handle {
        if who.is_empty() {
            who.push_str(h);
        } else {
            who = format!("{who} ({h})");
        }
    }
    match (&p.posted, who.is_empty()) {
        (Some(d), false) => format!("— {who}, {d}"),
        (Some(d), true) => format!("— {d}"),
        (None, false) => format!("— {who}"),
        (None, true) => String::new(),
    }
}

fn escape_into(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
}

/// What the walk of one embed collects.
#[derive(Default)]
struct Parts {
    /// The text of each paragraph (`<p>`, or TikTok's `<section>`), media
    /// links left out, `<br>` as a line break.
    paras: Vec<String>,
    /// The text outside the paragraphs: X's and Bluesky's "— name
    /// (@handle) date", Facebook's "Posted by name on date".
    tail: String,
    /// The text of the last link outside the paragraphs: the date, which
    /// links to the post.
    tail_link: Option<String>,
    /// Kept post addresses, in order.
    links: Vec<String>,
    /// TikTok's first link reading "@user".
    at_link: Option<String>,
}

fn read(node: &NodeRef, platform: Platform) -> EmbeddedPost {
    if platform == Platform::Telegram {
        return telegram(node);
    }
    let mut parts = Parts::default();
    collect(node, None, &mut parts);
    let mut post = EmbeddedPost {
        platform,
        author: None,
        handle: None,
        text: String::new(),
        posted: None,
        // The post's own address: the embed's tracking query
        // (`?ref_src=twsrc…`, `?utm_source=ig_embed`) left out; no kept
        // post address needs a query.
        url: el::with(node, |e| {
            el::attr(e, &dom_query::local_name!("cite")).map(str::to_string)
        })
        .flatten()
        .filter(|c| is_post_link(c.as_bytes()))
        .or_else(|| parts.links.first().cloned())
        .map(|u| u.split(['?', '#']).next().unwrap_or(&u).to_string()),
    };
    let mut words = Vec::new();
    for p in parts
        .paras
        .iter()
        .map(|p| normalize(p))
        .filter(|p| !p.is_empty())
    {
        let lower = p.to_lowercase();
        if let Some(rest) = strip_prefix_ci(&p, "A post shared by ") {
            set_who(&mut post, rest);
        } else if let Some(rest) = strip_prefix_ci(&p, "Post by ") {
            set_who(&mut post, rest);
        } else if lower.starts_with("view this post on")
            || lower.starts_with("view on ")
            || lower.starts_with("watch on ")
        {
            // The embed's own buttons.
        } else {
            words.push(p);
        }
    }
    let mut tail = normalize(&parts.tail);
    // Words written straight into the blockquote, without a paragraph:
    // they end at the dash before the poster's name.
    if words.is_empty()
        && let Some(i) = tail.rfind('—').filter(|&i| i > 0)
    {
        words.push(tail[..i].trim().to_string());
        tail = tail[i..].to_string();
    }
    post.text = words.join("\n");
    let tail = tail.trim_start_matches(['—', '–', '-', ' ']).trim();
    if let Some(rest) = strip_prefix_ci(tail, "Posted by ") {
        // Facebook: "Posted by NAME on DATE".
        match rest.rsplit_once(" on ") {
            Some((who, when)) => {
                set_who(&mut post, who);
                post.posted = Some(when.trim().to_string());
            }
            None => set_who(&mut post, rest),
        }
    } else if !tail.is_empty() {
        let date = parts
            .tail_link
            .as_deref()
            .map(normalize)
            .unwrap_or_default();
        let who = if !date.is_empty() && tail.ends_with(&date) {
            post.posted = Some(date.clone());
            tail[..tail.len() - date.len()].trim()
        } else {
            tail
        };
        set_who(&mut post, who);
    }
    if post.handle.is_none()
        && let Some(h) = parts.at_link
    {
        post.handle = Some(normalize(&h));
    }
    post
}

/// Telegram's embed code is a script naming the post ("channel/123"): the
/// words come later from Telegram, so only the channel and the address are
/// known.
fn telegram(node: &NodeRef) -> EmbeddedPost {
    let post = node.attr("data-telegram-post").unwrap_or_default();
    let post = post.trim().trim_matches('/');
    let channel = post
        .split('/')
        .next()
        .filter(|c| !c.is_empty() && c.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'));
    EmbeddedPost {
        platform: Platform::Telegram,
        author: None,
        handle: channel.map(|c| format!("@{c}")),
        text: String::new(),
        posted: None,
        url: channel.and(
            post.split_once('/')
                .filter(|(_, n)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
                .map(|_| format!("https://t.me/{post}")),
        ),
    }
}

/// Sets the author and handle from "Name (@handle)", "@handle" or "Name".
fn set_who(post: &mut EmbeddedPost, who: &str) {
    let who = who.trim();
    if let Some(i) = who.find("(@")
        && let Some(j) = who[i..].find(')')
    {
        post.handle = Some(who[i + 1..i + j].trim().to_string());
        let name = who[..i].trim();
        if !name.is_empty() {
            post.author = Some(name.to_string());
        }
        // "Name (@handle) date" when the date was no link.
        let rest = who[i + j + 1..].trim();
        if post.posted.is_none() && !rest.is_empty() {
            post.posted = Some(rest.to_string());
        }
    } else if let Some(h) = who.strip_prefix('@') {
        post.handle = Some(format!("@{}", h.split_whitespace().next().unwrap_or("")));
    } else if !who.is_empty() {
        post.author = Some(who.to_string());
    }
}

fn strip_prefix_ci<'s>(s: &'s str, prefix: &str) -> Option<&'s str> {
    s.get(..prefix.len())
        .filter(|h| h.eq_ignore_ascii_case(prefix))
        .map(|_| &s[prefix.len()..])
}

/// A link that only stands for the post's media or a short address.
fn is_media_link(text: &str) -> bool {
    let t = text.trim();
    t.starts_with("pic.twitter.com/")
        || t.starts_with("pic.x.com/")
        || t.starts_with("https://t.co/")
        || t.starts_with("http://t.co/")
        || t.starts_with('♬')
}

/// A child node met by [`collect`].
enum Item {
    Text(String),
    Element { name: String, href: Option<String> },
    Other,
}

/// Walks the embed: `para` is the paragraph being filled, if inside one.
fn collect(node: &NodeRef, mut para: Option<&mut String>, parts: &mut Parts) {
    for child in node.children_it(false) {
        let item = child.query_or(Item::Other, |t| match &t.data {
            NodeData::Text { contents } => Item::Text(contents.to_string()),
            NodeData::Element(e) => Item::Element {
                name: el::name(e).to_string(),
                href: el::attr(e, &dom_query::local_name!("href")).map(str::to_string),
            },
            _ => Item::Other,
        });
        match item {
            Item::Text(text) => match para.as_deref_mut() {
                Some(p) => p.push_str(&text),
                None => parts.tail.push_str(&text),
            },
            Item::Element { name, href } => match name.as_str() {
                "br" => {
                    if let Some(p) = para.as_deref_mut() {
                        p.push('\n');
                    }
                }
                "p" | "section" => {
                    let mut p = String::new();
                    collect(&child, Some(&mut p), parts);
                    parts.paras.push(p);
                }
                "a" => {
                    if let Some(h) = href.filter(|h| is_post_link(h.as_bytes())) {
                        parts.links.push(h);
                    }
                    let text = child.text().to_string();
                    if is_media_link(&text) {
                        continue;
                    }
                    if parts.at_link.is_none() && text.trim().starts_with('@') {
                        parts.at_link = Some(text.clone());
                        if para.is_some() && node.has_name("section") {
                            // TikTok's caption opens with the poster's link.
                            continue;
                        }
                    }
                    match para.as_deref_mut() {
                        Some(p) => collect_inline(&child, p),
                        None => {
                            // A link holding paragraphs (Threads' and
                            // Mastodon's cards) is walked as a block.
                            if child
                                .descendants_it()
                                .any(|d| d.has_name("div") || d.has_name("p"))
                            {
                                collect(&child, None, parts);
                            } else {
                                parts.tail.push_str(&text);
                                parts.tail_link = Some(text);
                            }
                        }
                    }
                }
                "div" if para.is_none() => {
                    // A card's line ("Post by @user", "View on Threads").
                    if child
                        .children_it(false)
                        .any(|c| c.is_element() && c.has_name("div"))
                    {
                        collect(&child, None, parts);
                    } else {
                        let mut p = String::new();
                        collect(&child, Some(&mut p), parts);
                        parts.paras.push(p);
                    }
                }
                _ => collect(&child, para.as_deref_mut(), parts),
            },
            Item::Other => {}
        }
    }
}

/// The text of an inline element inside a paragraph, `<br>` as a break.
fn collect_inline(node: &NodeRef, out: &mut String) {
    for child in node.children_it(false) {
        child.query_or((), |t| match &t.data {
            NodeData::Text { contents } => out.push_str(contents),
            NodeData::Element(e) if el::name(e) == "br" => out.push('\n'),
            _ => {}
        });
        if child.is_element() && !child.has_name("br") {
            collect_inline(&child, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The embeds of `html` after the pre-pass, read and rewritten; the
    /// rewritten body's HTML.
    fn run(html: &str) -> (Vec<EmbeddedPost>, String) {
        let doc = Document::from(&*crate::prepass::strip_heavy(html));
        let f = crate::pagetype::features(&doc);
        let posts = read_and_rewrite(&doc, &f.embeds);
        (posts, doc.select("body").html().to_string())
    }

    #[test]
    fn an_x_post_keeps_its_words_and_poster_and_drops_its_media_link() {
        let (posts, body) = run(
            r#"<body><p>Before.</p><blockquote class="twitter-tweet" data-lang="en"><p lang="en" dir="ltr">The new rule applies in all provinces from Saturday.<br><br>Drivers will be fined. <a href="https://t.co/abc">pic.twitter.com/abc</a></p>&mdash; Ministry Spokesman (@spokesman) <a href="https://twitter.com/spokesman/status/1866?ref_src=twsrc%5Etfw">December 5, 2026</a></blockquote><script src="https://platform.twitter.com/widgets.js"></script></body>"#,
        );
        assert_eq!(
            posts,
            [EmbeddedPost {
                platform: Platform::X,
                author: Some("Ministry Spokesman".into()),
                handle: Some("@spokesman".into()),
                text:
                    "The new rule applies in all provinces from Saturday.\nDrivers will be fined."
                        .into(),
                posted: Some("December 5, 2026".into()),
                url: Some("https://twitter.com/spokesman/status/1866".into()),
            }]
        );
        assert!(
            body.contains(
                "<blockquote class=\"twitter-tweet\"><p>The new rule applies in all provinces from Saturday.<br>Drivers will be fined.<br>— Ministry Spokesman (@spokesman), December 5, 2026</p></blockquote>"
            ),
            "{body}"
        );
    }

    #[test]
    fn bluesky_facebook_and_tiktok_posts_name_their_posters() {
        let (posts, _) = run(
            r#"<body><blockquote class="bluesky-embed" data-bluesky-uri="at://did:plc:x/app.bsky.feed.post/3k"><p lang="fa">سلام به همه</p>&mdash; Kabul Desk (<a href="https://bsky.app/profile/did:plc:x">@kabuldesk.bsky.social</a>) <a href="https://bsky.app/profile/did:plc:x/post/3k">5 December 2026 at 10:02</a></blockquote>
            <div class="fb-post"><blockquote cite="https://www.facebook.com/agency/posts/42" class="fb-xfbml-parse-ignore"><p>Aid convoys reached Herat today.</p>Posted by <a href="https://www.facebook.com/agency">Relief Agency</a> on&nbsp;<a href="https://www.facebook.com/agency/posts/42">Friday, 4 December 2026</a></blockquote></div>
            <blockquote class="tiktok-embed" cite="https://www.tiktok.com/@reporter/video/7" data-video-id="7"><section><a target="_blank" title="@reporter" href="https://www.tiktok.com/@reporter?refer=embed">@reporter</a> Queues at the border crossing this morning <a title="torkham" href="https://www.tiktok.com/tag/torkham">#torkham</a> <a href="https://www.tiktok.com/music/x">♬ original sound - reporter</a></section></blockquote></body>"#,
        );
        let got: Vec<_> = posts
            .iter()
            .map(|p| {
                (
                    p.platform,
                    p.author.as_deref(),
                    p.handle.as_deref(),
                    p.text.as_str(),
                    p.posted.as_deref(),
                    p.url.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    Platform::Bluesky,
                    Some("Kabul Desk"),
                    Some("@kabuldesk.bsky.social"),
                    "سلام به همه",
                    Some("5 December 2026 at 10:02"),
                    Some("https://bsky.app/profile/did:plc:x/post/3k")
                ),
                (
                    Platform::Facebook,
                    Some("Relief Agency"),
                    None,
                    "Aid convoys reached Herat today.",
                    Some("Friday, 4 December 2026"),
                    Some("https://www.facebook.com/agency/posts/42")
                ),
                (
                    Platform::TikTok,
                    None,
                    Some("@reporter"),
                    "Queues at the border crossing this morning #torkham",
                    None,
                    Some("https://www.tiktok.com/@reporter/video/7")
                ),
            ]
        );
    }

    #[test]
    fn words_outside_a_paragraph_end_at_the_dash() {
        let (posts, _) = run(
            r#"<body><blockquote class="twitter-tweet">Flights to Mashhad resume on Monday. &mdash; Kabul Airport (@kbl_airport) <a href="https://x.com/kbl_airport/status/9">December 6, 2026</a></blockquote></body>"#,
        );
        let p = &posts[0];
        assert_eq!(p.text, "Flights to Mashhad resume on Monday.");
        assert_eq!(p.author.as_deref(), Some("Kabul Airport"));
        assert_eq!(p.handle.as_deref(), Some("@kbl_airport"));
        assert_eq!(p.posted.as_deref(), Some("December 6, 2026"));
        assert_eq!(p.url.as_deref(), Some("https://x.com/kbl_airport/status/9"));
    }

    #[test]
    fn a_post_without_words_leaves_the_text_and_stays_listed() {
        let (posts, body) = run(
            r#"<body><p>Before.</p><blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/Cx1/?utm_source=ig_embed" data-instgrm-version="14"><div><a href="https://www.instagram.com/p/Cx1/?utm_source=ig_embed" target="_blank"><div><div>View this post on Instagram</div></div></a><p><a href="https://www.instagram.com/p/Cx1/?utm_source=ig_embed">A post shared by House of Plants (@houseofplants)</a></p></div></blockquote><p>After.</p></body>"#,
        );
        assert_eq!(posts.len(), 1);
        let p = &posts[0];
        assert_eq!(p.platform, Platform::Instagram);
        assert_eq!(p.author.as_deref(), Some("House of Plants"));
        assert_eq!(p.handle.as_deref(), Some("@houseofplants"));
        assert_eq!(p.text, "");
        assert_eq!(p.url.as_deref(), Some("https://www.instagram.com/p/Cx1/"));
        assert!(!body.contains("blockquote"), "{body}");
        assert!(!body.contains("View this post"), "{body}");
    }

    #[test]
    fn a_telegram_embed_names_its_channel_and_post() {
        let (posts, body) = run(
            r#"<body><p>Before.</p><script async src="https://telegram.org/js/telegram-widget.js?22" data-telegram-post="tolonews_af/48213" data-width="100%"></script><p>After.</p><script data-telegram-post="bad channel/x"></script></body>"#,
        );
        assert_eq!(
            posts
                .iter()
                .map(|p| (p.platform, p.handle.as_deref(), p.url.as_deref()))
                .collect::<Vec<_>>(),
            [
                (
                    Platform::Telegram,
                    Some("@tolonews_af"),
                    Some("https://t.me/tolonews_af/48213")
                ),
                (Platform::Telegram, None, None),
            ]
        );
        assert!(!body.contains("script"), "{body}");
    }

    #[test]
    fn only_post_addresses_count_as_post_links() {
        for yes in [
            "https://twitter.com/a/status/1",
            "https://x.com/a/status/1",
            "https://bsky.app/profile/a.b/post/3k",
            "https://www.instagram.com/p/Cx1/",
            "https://www.tiktok.com/@a/video/7",
            "https://www.facebook.com/a/posts/42",
            "https://www.threads.net/@a/post/C1",
            "https://mobile.twitter.com/a/status/1",
            "//www.instagram.com/reel/C2/",
        ] {
            assert!(is_post_link(yes.as_bytes()), "{yes}");
        }
        for no in [
            "https://twitter.com/intent/tweet?url=x",
            "https://www.facebook.com/sharer/sharer.php?u=x",
            "/status/1",
            "https://example.org/news/1",
            "https://x.com/account",
            "https://example.org/x.com/status/1",
            "https://notx.com/a/status/1",
        ] {
            assert!(!is_post_link(no.as_bytes()), "{no}");
        }
    }

    #[test]
    fn frames_give_the_address_people_open() {
        let url = |src: &str| frame_post(src).and_then(|p| p.url);
        let cases = [
            (
                "https://www.youtube.com/embed/dQw4w9WgXcQ?rel=0&start=30",
                Some("https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
            ),
            (
                "//www.youtube-nocookie.com/embed/abc_DEF-123",
                Some("https://www.youtube.com/watch?v=abc_DEF-123"),
            ),
            (
                "https://www.youtube.com/embed/videoseries?list=PLx1",
                Some("https://www.youtube.com/playlist?list=PLx1"),
            ),
            (
                "https://player.vimeo.com/video/76979871?h=8272103f6e",
                Some("https://vimeo.com/76979871"),
            ),
            (
                "https://platform.twitter.com/embed/Tweet.html?dnt=false&id=1866000000000000001&lang=en",
                Some("https://x.com/i/status/1866000000000000001"),
            ),
            (
                "https://www.instagram.com/p/Cx1AbC/embed/captioned/",
                Some("https://www.instagram.com/p/Cx1AbC/"),
            ),
            (
                "https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2Ftolonews%2Fvideos%2F123%2F&show_text=false",
                Some("https://www.facebook.com/tolonews/videos/123/"),
            ),
            // A player without a video, another host, a look-alike host.
            ("https://www.youtube.com/embed/", None),
            ("https://www.youtube.com/embed/videoseries", None),
            ("https://platform.twitter.com/embed/Tweet.html?id=abc", None),
            ("https://www.facebook.com/plugins/like.php?href=x", None),
            ("https://ads.example.org/embed/123", None),
            ("https://notyoutube.com/embed/abc", None),
            ("https://example.org/www.youtube.com/embed/abc", None),
            ("javascript:alert(1)", None),
        ];
        for (src, want) in cases {
            assert_eq!(url(src).as_deref(), want, "{src}");
        }
        assert_eq!(
            frame_post("https://player.vimeo.com/video/1").map(|p| p.platform),
            Some(Platform::Vimeo)
        );
    }

    #[test]
    fn video_players_and_rendered_posts_are_listed_and_leave_the_text() {
        let (posts, body) = run(
            r#"<body><p>Before.</p><iframe width="560" src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="YouTube video player" allowfullscreen></iframe><p>Between.</p><iframe class="lazyload" data-src="https://platform.twitter.com/embed/Tweet.html?id=42"></iframe><iframe src="https://ads.example.org/frame?slot=1"></iframe><p>After.</p></body>"#,
        );
        let urls: Vec<_> = posts.iter().map(|p| p.url.as_deref().unwrap()).collect();
        assert_eq!(
            urls,
            [
                "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                "https://x.com/i/status/42"
            ]
        );
        assert_eq!(posts[0].platform, Platform::YouTube);
        assert!(posts.iter().all(|p| p.text.is_empty()));
        assert!(
            !body.contains("youtube") && !body.contains("twitter"),
            "{body}"
        );
        // Another frame is left to the rest of the extractor, its address
        // blanked as before.
        assert!(body.contains("<iframe src=\"/\">"), "{body}");
    }
}
