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
    MoreActions,
    WhyThis,
    NotInterested,
    LessLikeThis,
    MuteCreator,
    Close,
    WhyServerOrder,
    ScoreDetails,
    HiddenNotice,
    MutedNotice,
    LessNotice,
    MyInterests,
    InterestsIntro,
    TopTopics,
    TopCreators,
    RecentSignals,
    PausePersonalization,
    ResumePersonalization,
    PausedNote,
    ResetProfile,
    ResetConfirm,
    ExportProfile,
    ImportProfile,
    ImportFailed,
    Imported,
    NoInterestsYet,
    ProfileWasReset,
    SigImpression,
    SigDwell,
    SigOpen,
    SigItemDwell,
    SigLike,
    SigShare,
    SigFollow,
    SigCreatorVisit,
    SigVideo,
    SigHide,
    SigLess,
    SigMute,
    ReasonOpenedTopic,
    ReasonLikesTopic,
    ReasonFollows,
    ReasonLikesCreator,
    ReasonPrefersVideo,
    ReasonPrefersLive,
    ReasonPrefersNote,
    ReasonCampaign,
    ReasonLive,
    ReasonFresh,
    ReasonPopular,
    ReasonExploring,
    TermServer,
    TermTopic,
    TermCreator,
    TermKind,
    TermCampaign,
    TermPrice,
    TermFollowed,
    TermFresh,
    TermLive,
    TermCampaignActive,
    TermSeen,
    TermTotal,
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
        MoreActions => ("更多操作", "More actions"),
        WhyThis => ("为什么推荐", "Why am I seeing this?"),
        NotInterested => ("不感兴趣", "Not interested"),
        LessLikeThis => ("减少「{topic}」类内容", "Show less {topic}"),
        MuteCreator => ("屏蔽这位作者", "Mute this creator"),
        Close => ("关闭", "Close"),
        WhyServerOrder => (
            "这条内容按服务器的推荐顺序展示，还没有根据你的兴趣重排。",
            "This post is in the server's order; it has not been re-ranked for you yet.",
        ),
        ScoreDetails => ("分数明细", "Score details"),
        HiddenNotice => ("已隐藏，以后会少推荐类似内容", "Hidden. You'll see less like this."),
        MutedNotice => ("已屏蔽这位作者", "Creator muted"),
        LessNotice => ("好的，会减少此类内容", "OK, you'll see less of this"),
        MyInterests => ("我的兴趣", "My interests"),
        InterestsIntro => (
            "逛根据你在这台设备上的浏览为你重排推荐。这些记录只保存在本机，不会上传。你可以随时暂停、清空、导出或导入。",
            "Guang re-ranks your feed from what you do on this device. The record stays on this device and is never uploaded. Pause, reset, export or import it at any time.",
        ),
        TopTopics => ("常看的话题", "Top topics"),
        TopCreators => ("常看的创作者", "Top creators"),
        RecentSignals => ("最近的操作", "Recent activity"),
        PausePersonalization => ("暂停个性化推荐", "Pause personalisation"),
        ResumePersonalization => ("恢复个性化推荐", "Resume personalisation"),
        PausedNote => ("已暂停：推荐流按服务器顺序展示", "Paused: your feed keeps the server's order"),
        ResetProfile => ("清空兴趣记录", "Reset my interests"),
        ResetConfirm => ("确认清空", "Confirm reset"),
        ExportProfile => ("导出", "Export"),
        ImportProfile => ("导入", "Import"),
        ImportFailed => ("导入失败：这不是有效的兴趣档案", "Import failed: this is not a valid interest profile"),
        Imported => ("已导入兴趣档案", "Interest profile imported"),
        NoInterestsYet => ("还没有兴趣记录，去推荐里逛逛吧", "Nothing learned yet. Stroll through the feed first"),
        ProfileWasReset => ("本地兴趣档案已损坏，已重新开始记录", "Your saved interests were damaged and have been reset"),
        SigImpression => ("看到", "Saw"),
        SigDwell => ("停留", "Lingered on"),
        SigOpen => ("打开", "Opened"),
        SigItemDwell => ("阅读", "Read"),
        SigLike => ("点赞", "Liked"),
        SigShare => ("分享", "Shared"),
        SigFollow => ("关注", "Followed"),
        SigCreatorVisit => ("访问主页", "Visited creator of"),
        SigVideo => ("观看", "Watched"),
        SigHide => ("不感兴趣", "Not interested in"),
        SigLess => ("减少此类", "Less like"),
        SigMute => ("屏蔽作者", "Muted creator of"),
        ReasonOpenedTopic => ("你今天打开了 {n} 篇「{topic}」内容", "You opened {n} {topic} posts today"),
        ReasonLikesTopic => ("你常看「{topic}」", "You often read {topic}"),
        ReasonFollows => ("你关注了这位创作者", "You follow this creator"),
        ReasonLikesCreator => ("你常看这位创作者的内容", "You often engage with this creator"),
        ReasonPrefersVideo => ("你常看视频", "You watch a lot of videos"),
        ReasonPrefersLive => ("你常看直播", "You watch a lot of live streams"),
        ReasonPrefersNote => ("你常看图文笔记", "You read a lot of notes"),
        ReasonCampaign => ("{campaign}进行中", "{campaign} is on"),
        ReasonLive => ("正在直播", "Live now"),
        ReasonFresh => ("刚刚发布", "Just posted"),
        ReasonPopular => ("很多人在看", "Popular with everyone"),
        ReasonExploring => ("换换口味：你可能还没发现的内容", "Something different, to explore"),
        TermServer => ("服务器推荐分", "Server score"),
        TermTopic => ("话题兴趣", "Topic interest"),
        TermCreator => ("创作者兴趣", "Creator interest"),
        TermKind => ("内容形式", "Format"),
        TermCampaign => ("活动兴趣", "Campaign interest"),
        TermPrice => ("价格区间", "Price range"),
        TermFollowed => ("已关注", "Followed"),
        TermFresh => ("新鲜度", "Freshness"),
        TermLive => ("直播中", "Live"),
        TermCampaignActive => ("活动加权", "Campaign boost"),
        TermSeen => ("已看过", "Seen before"),
        TermTotal => ("总分", "Total"),
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
