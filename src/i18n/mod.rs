//! Every user-visible string, in zh-CN and en. Keys are an enum and each key's match lists both languages,
//! so a missing translation or a typo in a key is a compile error, not a blank in the UI.

/// A UI language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    /// Simplified Chinese, the default.
    #[default]
    Zh,
    /// English.
    En,
}

impl Locale {
    /// The BCP 47 tag, also the key of content translations.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::Zh => "zh-CN",
            Locale::En => "en",
        }
    }

    /// Maps a language tag (`zh`, `zh-Hans-CN`, `en-GB`, ...) to a UI language, if we speak it.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let lower = tag.trim().to_ascii_lowercase();
        let primary = lower.split(['-', '_']).next().unwrap_or("");
        match primary {
            "zh" => Some(Locale::Zh),
            "en" => Some(Locale::En),
            _ => None,
        }
    }

    /// The other language, for the language switch.
    pub fn other(self) -> Locale {
        match self {
            Locale::Zh => Locale::En,
            Locale::En => Locale::Zh,
        }
    }
}

/// A UI string.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Key {
    AppName,
    Tagline,
    TabRecommend,
    TabFollowing,
    Channels,
    Loading,
    LoadingMore,
    EndOfFeed,
    ErrorTitle,
    ErrorNetwork,
    ErrorServer,
    ErrorData,
    Retry,
    NotFoundTitle,
    NotFoundItem,
    NotFoundCreator,
    NotFoundPage,
    BackHome,
    Back,
    Likes,
    Comments,
    Shares,
    Views,
    Followers,
    Items,
    LiveBadge,
    LiveEnded,
    Video,
    Note,
    Products,
    BuyAt,
    MoreFromCreator,
    ViewCreator,
    Verified,
    FollowingEmptyTitle,
    FollowingEmptyBody,
    SwitchLanguage,
    LanguageName,
    CreatorItems,
    EmptyCreator,
    Gallery,
    ImageOf,
    BootFailed,
    MainNav,
    Feed,
    LiveNowBanner,
    Published,
    Topics,
}

/// The string for `key` in `locale`.
pub fn t(locale: Locale, key: Key) -> &'static str {
    use Key::*;
    let (zh, en) = match key {
        AppName => ("逛", "Guang"),
        Tagline => ("逛逛好内容", "Stroll and discover"),
        TabRecommend => ("推荐", "For you"),
        TabFollowing => ("关注", "Following"),
        Channels => ("频道", "Channels"),
        Loading => ("加载中…", "Loading…"),
        LoadingMore => ("正在加载更多…", "Loading more…"),
        EndOfFeed => ("— 到底了，去别的频道逛逛吧 —", "— You've reached the end. Try another channel —"),
        ErrorTitle => ("出错了", "Something went wrong"),
        ErrorNetwork => {
            ("网络不给力，请检查网络后重试", "The network isn't responding. Check your connection and retry")
        }
        ErrorServer => ("服务器开小差了，请稍后重试", "The server had a problem. Please retry in a moment"),
        ErrorData => ("收到的数据有问题，请稍后重试", "The data we received was broken. Please retry"),
        Retry => ("重试", "Retry"),
        NotFoundTitle => ("找不到页面", "Page not found"),
        NotFoundItem => ("这篇内容不存在或已被删除", "This post doesn't exist or was removed"),
        NotFoundCreator => ("这位创作者不存在", "This creator doesn't exist"),
        NotFoundPage => ("这个地址没有内容", "There's nothing at this address"),
        BackHome => ("回到首页", "Back to the feed"),
        Back => ("返回", "Back"),
        Likes => ("赞", "likes"),
        Comments => ("评论", "comments"),
        Shares => ("分享", "shares"),
        Views => ("浏览", "views"),
        Followers => ("粉丝", "followers"),
        Items => ("笔记", "posts"),
        LiveBadge => ("直播中", "LIVE"),
        LiveEnded => ("直播已结束", "Stream ended"),
        Video => ("视频", "Video"),
        Note => ("图文", "Post"),
        Products => ("相关商品", "Products in this post"),
        BuyAt => ("去看看", "View"),
        MoreFromCreator => ("作者的更多内容", "More from this creator"),
        ViewCreator => ("查看主页", "View profile"),
        Verified => ("认证创作者", "Verified creator"),
        FollowingEmptyTitle => ("还没有关注任何人", "You're not following anyone yet"),
        FollowingEmptyBody => (
            "在推荐里遇到喜欢的创作者，点进主页关注，他们的新内容就会出现在这里。",
            "When you find creators you like in For you, follow them and their new posts will show up here.",
        ),
        SwitchLanguage => ("切换到英文", "Switch to Chinese"),
        LanguageName => ("EN", "中"),
        CreatorItems => ("全部笔记", "All posts"),
        EmptyCreator => ("这位创作者还没有发布内容", "This creator hasn't posted anything yet"),
        Gallery => ("图片", "Images"),
        ImageOf => ("第 {n} 张，共 {total} 张", "Image {n} of {total}"),
        BootFailed => ("无法启动，请检查网络后重试", "Guang couldn't start. Check your connection and retry"),
        MainNav => ("主导航", "Main navigation"),
        Feed => ("内容流", "Feed"),
        LiveNowBanner => ("正在直播，点击进入", "Live now, tap to watch"),
        Published => ("发布于", "Posted"),
        Topics => ("话题", "Topics"),
    };
    match locale {
        Locale::Zh => zh,
        Locale::En => en,
    }
}

/// Fills `{name}` placeholders of a translated string.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut s = template.to_string();
    for (name, value) in args {
        s = s.replace(&format!("{{{name}}}"), value);
    }
    s
}

/// "12 人观看" / "12 watching".
pub fn viewers(locale: Locale, count: &str) -> String {
    match locale {
        Locale::Zh => format!("{count} 人观看"),
        Locale::En => format!("{count} watching"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags_map_to_ui_languages() {
        assert_eq!(Locale::from_tag("zh-Hans-CN"), Some(Locale::Zh));
        assert_eq!(Locale::from_tag("en-GB"), Some(Locale::En));
        assert_eq!(Locale::from_tag("EN"), Some(Locale::En));
        assert_eq!(Locale::from_tag("fr"), None);
    }

    #[test]
    fn placeholders_are_filled() {
        assert_eq!(fill(t(Locale::En, Key::ImageOf), &[("n", "2"), ("total", "4")]), "Image 2 of 4");
        assert_eq!(fill(t(Locale::Zh, Key::ImageOf), &[("n", "2"), ("total", "4")]), "第 2 张，共 4 张");
    }
}
