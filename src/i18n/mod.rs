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
    FollowAction,
    FollowingState,
    FollowName,
    UnfollowName,
    FollowedNotice,
    UnfollowedNotice,
    FollowsWereReset,
    Share,
    ShareTitle,
    ShareVia,
    ShareLink,
    CopyLink,
    LinkCopied,
    ShareCode,
    CopyCode,
    CodeCopied,
    CopyFailed,
    ShareCodeHint,
    QrLabel,
    OpenCode,
    OpenCodeHint,
    OpenCodeSubmit,
    CodeInvalid,
    CodeChecksum,
    SuggestedCreators,
    FollowingNothingYet,
    TabAll,
    TabVideos,
    TabLive,
    TabNotes,
    CreatorTabsLabel,
    EmptyKind,
    Studio,
    StudioIntro,
    LoadDraft,
    LoadDraftFile,
    DraftUrlLabel,
    LoadDraftUrl,
    NoDraft,
    DraftProblems,
    DraftValid,
    FrameLabel,
    FramePhone,
    FrameTablet,
    FrameDesktop,
    ThemeLabel,
    ThemeLight,
    ThemeDark,
    LanguageLabel,
    LangZh,
    LangEn,
    PreviewCard,
    PreviewItem,
    PreviewCreator,
    Traffic,
    TrafficNote,
    TrafficDevice,
    CampaignMatch,
    CampaignActive,
    CampaignUpcoming,
    CampaignJoins,
    TopicOverlap,
    CampaignNoMatch,
    SrcRecommend,
    SrcFollowing,
    SrcProfile,
    SrcShare,
    SrcCampaign,
    SrcExternal,
    SrcEmbed,
    SrcDirect,
    OfflineBanner,
    UpdateReady,
    Reload,
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
        FollowAction => ("关注", "Follow"),
        FollowingState => ("已关注", "Following"),
        FollowName => ("关注 {name}", "Follow {name}"),
        UnfollowName => ("取消关注 {name}", "Unfollow {name}"),
        FollowedNotice => ("已关注", "Followed"),
        UnfollowedNotice => ("已取消关注", "Unfollowed"),
        FollowsWereReset => ("本机保存的关注列表已损坏，已重置", "Your saved follows were unreadable and have been reset"),
        Share => ("分享", "Share"),
        ShareTitle => ("分享给朋友", "Share"),
        ShareVia => ("通过系统分享…", "Share via…"),
        ShareLink => ("链接", "Link"),
        CopyLink => ("复制链接", "Copy link"),
        LinkCopied => ("链接已复制", "Link copied"),
        ShareCode => ("逛口令", "Share code"),
        CopyCode => ("复制口令", "Copy code"),
        CodeCopied => ("口令已复制", "Code copied"),
        CopyFailed => ("无法自动复制，已选中，请手动复制", "Couldn't copy automatically: it's selected, copy it by hand"),
        ShareCodeHint => ("朋友在逛里点「输入口令」粘贴即可打开", "Friends can paste it into Guang's \"Open a code\" box"),
        QrLabel => ("二维码：{title}", "QR code for {title}"),
        OpenCode => ("输入口令", "Open a share code"),
        OpenCodeHint => ("粘贴或输入逛口令（也可以粘贴整段分享文字）", "Paste or type a share code (or the whole message it came in)"),
        OpenCodeSubmit => ("打开", "Open"),
        CodeInvalid => ("没有找到有效的逛口令", "That isn't a valid share code"),
        CodeChecksum => ("口令校验不通过，可能有字符输错了", "The code doesn't check out: a character may be mistyped"),
        SuggestedCreators => ("推荐关注", "Creators you might like"),
        FollowingNothingYet => ("你关注的创作者还没有发布内容", "The creators you follow haven't posted yet"),
        TabAll => ("全部", "All"),
        TabVideos => ("视频", "Videos"),
        TabLive => ("直播", "Live"),
        TabNotes => ("图文", "Posts"),
        CreatorTabsLabel => ("内容类型", "Content type"),
        EmptyKind => ("还没有这类内容", "Nothing of this kind yet"),
        Studio => ("创作者预览", "Creator preview"),
        StudioIntro => ("加载一份草稿（新内容或资料修改），发布前看看它在信息流、内容页和主页上的样子。草稿只在本机处理，不会上传。", "Load a draft (a new post or a profile edit) to see it in the feed, on its page and on your profile before you publish. Drafts stay on this device."),
        LoadDraft => ("加载草稿", "Load a draft"),
        LoadDraftFile => ("选择草稿文件（JSON）", "Choose a draft file (JSON)"),
        DraftUrlLabel => ("或输入本站草稿地址", "Or a draft URL on this site"),
        LoadDraftUrl => ("加载", "Load"),
        NoDraft => ("还没有加载草稿", "No draft loaded yet"),
        DraftProblems => ("草稿有 {n} 个问题", "The draft has {n} problems"),
        DraftValid => ("草稿有效，预览如下", "The draft is valid. Here is how it will look"),
        FrameLabel => ("预览尺寸", "Frame"),
        FramePhone => ("手机", "Phone"),
        FrameTablet => ("平板", "Tablet"),
        FrameDesktop => ("桌面", "Desktop"),
        ThemeLabel => ("主题", "Theme"),
        ThemeLight => ("浅色", "Light"),
        ThemeDark => ("深色", "Dark"),
        LanguageLabel => ("语言", "Language"),
        LangZh => ("中文", "中文"),
        LangEn => ("English", "English"),
        PreviewCard => ("信息流卡片", "Feed card"),
        PreviewItem => ("内容页", "Post page"),
        PreviewCreator => ("主页", "Profile page"),
        Traffic => ("流量来源", "Where views come from"),
        TrafficNote => ("近 30 天", "last 30 days"),
        TrafficDevice => ("本设备的访问", "Visits on this device"),
        CampaignMatch => ("活动匹配", "Campaign match"),
        CampaignActive => ("进行中", "On now"),
        CampaignUpcoming => ("即将开始", "Coming up"),
        CampaignJoins => ("草稿参加了这个活动", "The draft takes part"),
        TopicOverlap => ("{n} 个话题契合", "{n} matching topics"),
        CampaignNoMatch => ("话题不相关", "No matching topics"),
        SrcRecommend => ("推荐", "For you"),
        SrcFollowing => ("关注", "Following"),
        SrcProfile => ("主页", "Profile"),
        SrcShare => ("分享", "Shares"),
        SrcCampaign => ("活动", "Campaigns"),
        SrcExternal => ("站外", "Other sites"),
        SrcEmbed => ("嵌入", "Embeds"),
        SrcDirect => ("直接访问", "Direct"),
        OfflineBanner => ("离线中：正在显示已缓存的内容，你的操作会在联网后同步", "You're offline: showing saved content; your actions sync when you're back"),
        UpdateReady => ("新版本已准备好", "A new version is ready"),
        Reload => ("刷新", "Reload"),
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

/// The name of a traffic source, for the studio's chart.
pub fn source_key(s: crate::social::Source) -> Key {
    use crate::social::Source;
    match s {
        Source::Recommend => Key::SrcRecommend,
        Source::Following => Key::SrcFollowing,
        Source::Profile => Key::SrcProfile,
        Source::Share => Key::SrcShare,
        Source::Campaign => Key::SrcCampaign,
        Source::External => Key::SrcExternal,
        Source::Embed => Key::SrcEmbed,
        Source::Direct => Key::SrcDirect,
    }
}

/// What is wrong with a draft field, in the UI language (the preview studio's problem list). English reuses
/// the model's own wording; Chinese translates each kind, keeping parser details as they are.
pub fn problem_text(kind: &crate::model::ProblemKind, locale: Locale) -> String {
    use crate::model::{ProblemKind as P, UrlError as U};
    if locale == Locale::En {
        return kind.to_string();
    }
    fn phrase(p: &'static str) -> &'static str {
        match p {
            "a string" => "文本",
            "a whole number" => "整数",
            "a number" => "数字",
            "a decimal number" => "小数",
            "true or false" => "true 或 false",
            "an object" => "对象",
            "an array" => "数组",
            "null" => "null",
            "a boolean" => "布尔值",
            other => other,
        }
    }
    match kind {
        P::Shape(m) => format!("格式不对：{m}"),
        P::Empty => "不能为空".into(),
        P::TooLong { max } => format!("超出长度上限 {max}"),
        P::BadId => "id 只能是 1–64 个字母、数字、_ 或 -".into(),
        P::BadUrl(U::ForbiddenScheme(s)) => format!("不允许 {s}: 链接，只能用 http 或 https"),
        P::BadUrl(U::ProtocolRelative) => "不允许 // 开头的链接".into(),
        P::BadUrl(U::Empty) => "链接为空".into(),
        P::BadUrl(U::TooLong) => "链接太长".into(),
        P::BadUrl(U::Malformed) => "链接格式不对".into(),
        P::BadTime => "不是 RFC 3339 时间（例如 2026-11-20T10:30:00+08:00）".into(),
        P::OutOfRange => "数值超出范围".into(),
        P::Duplicate => "id 重复".into(),
        P::UnsupportedVersion(v) => format!("不支持的文档版本 {v}"),
        P::Missing => "缺少必填字段".into(),
        P::WrongType { expected, found } => format!("应为{}，实际是{}", phrase(expected), phrase(found)),
        P::UnknownValue { allowed } => format!("只能是：{}", allowed.join("、")),
        P::InvalidJson { line, column, message } => format!("JSON 无法解析（第 {line} 行第 {column} 列）：{message}"),
        P::TooLarge { bytes, max } => format!("文件 {bytes} 字节，超过上限 {max} 字节"),
        P::NotADraft => "不是草稿：应为内容（item）或主页资料（creator）".into(),
        P::More(n) => format!("还有 {n} 个问题未列出"),
        P::OtherCreator => "这份草稿属于其他创作者".into(),
        P::Unreadable => "无法读取这个文件".into(),
        P::NotSameOrigin => "只能加载本站地址的草稿".into(),
        P::Unreachable => "草稿地址无法访问".into(),
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
