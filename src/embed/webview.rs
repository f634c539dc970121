//! In-app browsers that change how sharing works, recognised from the user agent.
//!
//! WeChat (`MicroMessenger`) and Taobao-family apps (WindVane, `WindVane/x.y`) show pages in their own
//! webviews. Their Web Share API is missing or does nothing useful, and their native bridges cannot be
//! called from an iframe (WindVane) or need a server-signed per-domain setup (WeChat JSSDK), so Guang does not
//! offer the system share button there. WeChat users share through the ··· menu at the top right, so the
//! share sheet says so; everywhere copy link, the QR code and the share code stay available.

/// A webview with its own share route.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Webview {
    /// WeChat's in-app browser.
    WeChat,
    /// Alibaba's WindVane container (Taobao, Tmall and friends).
    WindVane,
}

impl Webview {
    /// Whether the share sheet should point at the app's own ··· menu (WeChat's top-right menu shares the
    /// page; WindVane hosts differ too much to name one gesture).
    pub fn has_menu_share(self) -> bool {
        self == Webview::WeChat
    }
}

/// Recognises a webview from `navigator.userAgent` (case-insensitive). WeChat is checked first: its UA never
/// names WindVane, and a WindVane UA that also claimed WeChat would be sharing through WeChat's menu anyway.
pub fn detect_webview(user_agent: &str) -> Option<Webview> {
    let ua = user_agent.get(..user_agent.len().min(1024)).unwrap_or(user_agent).to_ascii_lowercase();
    if ua.contains("micromessenger") {
        Some(Webview::WeChat)
    } else if ua.contains("windvane") {
        Some(Webview::WindVane)
    } else {
        None
    }
}
