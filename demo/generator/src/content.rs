//! The words of the demo pack: topics, creator names, titles, post text and products, in Chinese with
//! English translations. Written to read like real posts on a content-commerce app.

/// A topic channel with its palette (two colours for cover gradients) and its vocabulary.
pub struct Topic {
    pub id: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    pub colors: (&'static str, &'static str),
    /// Creator-name suffix (zh, en).
    pub handle: (&'static str, &'static str),
    /// Things people post about (zh, en).
    pub subjects: &'static [(&'static str, &'static str)],
    /// Products: (name, lowest price in yuan, highest price in yuan).
    pub products: &'static [(&'static str, u32, u32)],
}

pub const TOPICS: &[Topic] = &[
    Topic {
        id: "fashion",
        zh: "穿搭",
        en: "Fashion",
        colors: ("#f6d5c8", "#e8a99a"),
        handle: ("爱穿搭", "'s Wardrobe"),
        subjects: &[
            ("小个子秋冬通勤穿搭", "petite autumn commute outfits"),
            ("一衣多穿的基础款大衣", "a versatile basic coat"),
            ("法式复古针织衫", "French vintage knitwear"),
            ("梨形身材显瘦牛仔裤", "slimming jeans for pear shapes"),
            ("冬季羽绒服", "winter down jackets"),
            ("小众设计感包包", "niche designer bags"),
            ("通勤乐福鞋", "commuter loafers"),
            ("韩系温柔风穿搭", "soft Korean-style outfits"),
            ("极简胶囊衣橱", "a minimalist capsule wardrobe"),
            ("约会穿搭", "date-night outfits"),
        ],
        products: &[
            ("羊毛双面呢大衣", 599, 1899),
            ("高腰直筒牛仔裤", 129, 399),
            ("法式圆领开衫", 169, 459),
            ("软皮乐福鞋", 239, 699),
            ("轻薄白鸭绒羽绒服", 399, 1299),
        ],
    },
    Topic {
        id: "beauty",
        zh: "美妆",
        en: "Beauty",
        colors: ("#f8d7e3", "#d98aa8"),
        handle: ("的化妆台", "'s Vanity"),
        subjects: &[
            ("干皮秋冬护肤流程", "a dry-skin autumn routine"),
            ("新手底妆", "foundation for beginners"),
            ("平价口红试色", "affordable lipstick swatches"),
            ("敏感肌防晒", "sunscreen for sensitive skin"),
            ("伪素颜妆容", "no-makeup makeup"),
            ("精华液空瓶记", "serums I used up"),
            ("卸妆油测评", "cleansing oils reviewed"),
            ("日常眼妆教程", "an everyday eye look"),
            ("秋冬香水分享", "autumn perfume picks"),
            ("身体护理好物", "body-care favourites"),
        ],
        products: &[
            ("保湿修护精华液", 159, 699),
            ("哑光丝绒口红", 69, 329),
            ("清爽防晒乳 SPF50+", 89, 269),
            ("温和卸妆油", 79, 299),
            ("持妆粉底液", 129, 499),
        ],
    },
    Topic {
        id: "digital",
        zh: "数码",
        en: "Tech",
        colors: ("#cfe0f5", "#7fa6d6"),
        handle: ("聊数码", " Tech Talk"),
        subjects: &[
            ("降噪耳机横评", "noise-cancelling headphones compared"),
            ("桌面改造", "a desk setup makeover"),
            ("平板生产力", "tablet productivity"),
            ("手机拍照技巧", "phone photography tips"),
            ("机械键盘入坑", "getting into mechanical keyboards"),
            ("智能手表", "smartwatches"),
            ("充电宝选购", "choosing a power bank"),
            ("显示器挑选", "choosing a monitor"),
            ("学生党笔记本", "laptops for students"),
            ("智能家居入门", "smart home basics"),
        ],
        products: &[
            ("主动降噪蓝牙耳机", 299, 1999),
            ("75% 配列机械键盘", 199, 899),
            ("27 英寸 4K 显示器", 1299, 3499),
            ("20000mAh 快充充电宝", 99, 299),
            ("运动智能手表", 399, 2499),
        ],
    },
    Topic {
        id: "home",
        zh: "家居",
        en: "Home",
        colors: ("#efe4d2", "#c9ad86"),
        handle: ("的小家", "'s Home"),
        subjects: &[
            ("出租屋改造", "a rental makeover"),
            ("小户型收纳", "small-flat storage"),
            ("厨房好物", "kitchen essentials"),
            ("奶油风客厅", "a cream-style living room"),
            ("阳台小花园", "a balcony garden"),
            ("床品推荐", "bedding picks"),
            ("香薰蜡烛", "scented candles"),
            ("宜家改造", "IKEA hacks"),
            ("清洁神器", "cleaning tools"),
            ("卫生间翻新", "a bathroom refresh"),
        ],
        products: &[
            ("纯棉四件套", 199, 699),
            ("可折叠收纳箱", 39, 129),
            ("大豆蜡香薰蜡烛", 59, 199),
            ("无线手持吸尘器", 599, 1999),
            ("北欧风落地灯", 159, 599),
        ],
    },
    Topic {
        id: "food",
        zh: "美食",
        en: "Food",
        colors: ("#fbe3c4", "#e9a861"),
        handle: ("吃什么", " Eats"),
        subjects: &[
            ("一人食快手晚餐", "quick dinners for one"),
            ("一周减脂餐", "a week of lean meals"),
            ("上海探店", "Shanghai food finds"),
            ("新手烘焙", "baking for beginners"),
            ("空气炸锅食谱", "air-fryer recipes"),
            ("手冲咖啡", "pour-over coffee"),
            ("火锅底料测评", "hotpot bases reviewed"),
            ("早餐合集", "breakfast ideas"),
            ("家常红烧肉", "home-style braised pork"),
            ("囤货零食", "a snack haul"),
        ],
        products: &[
            ("家用空气炸锅", 199, 599),
            ("挂耳咖啡 30 包", 49, 139),
            ("牛油火锅底料", 19, 59),
            ("坚果礼盒", 89, 259),
            ("不粘煎锅", 99, 399),
        ],
    },
    Topic {
        id: "baby",
        zh: "母婴",
        en: "Parenting",
        colors: ("#dcefe6", "#8fc5ab"),
        handle: ("育儿记", " Parenting"),
        subjects: &[
            ("宝宝辅食", "baby food"),
            ("婴儿车选购", "choosing a stroller"),
            ("待产包清单", "a hospital bag checklist"),
            ("绘本推荐", "picture books"),
            ("亲子出游", "family outings"),
            ("儿童安全座椅", "child car seats"),
            ("早教玩具", "learning toys"),
            ("宝宝睡眠", "baby sleep"),
            ("新手爸妈经验", "tips for new parents"),
            ("孕期护肤", "pregnancy skincare"),
        ],
        products: &[
            ("轻便婴儿推车", 599, 2999),
            ("辅食料理机", 199, 499),
            ("0-3 岁绘本套装", 99, 299),
            ("儿童安全座椅", 899, 2999),
            ("木质早教积木", 69, 199),
        ],
    },
    Topic {
        id: "sports",
        zh: "运动",
        en: "Fitness",
        colors: ("#d4ecd0", "#7dbb72"),
        handle: ("在运动", " Moves"),
        subjects: &[
            ("居家健身", "home workouts"),
            ("跑鞋测评", "running shoes reviewed"),
            ("瑜伽入门", "yoga basics"),
            ("增肌训练计划", "a muscle-building plan"),
            ("骑行装备", "cycling gear"),
            ("飞盘入门", "getting into frisbee"),
            ("周末徒步路线", "weekend hiking routes"),
            ("健身房新手", "the gym for beginners"),
            ("体态矫正", "posture fixes"),
            ("滑雪装备", "ski gear"),
        ],
        products: &[
            ("缓震跑鞋", 399, 1299),
            ("加厚瑜伽垫", 69, 259),
            ("可调节哑铃", 299, 999),
            ("速干运动T恤", 79, 239),
            ("骑行头盔", 199, 799),
        ],
    },
    Topic {
        id: "pets",
        zh: "宠物",
        en: "Pets",
        colors: ("#f3e6c9", "#d4b070"),
        handle: ("和她的猫", " & Cat"),
        subjects: &[
            ("猫粮测评", "cat food reviewed"),
            ("狗狗训练", "dog training"),
            ("新手养猫", "first-time cat owners"),
            ("宠物好物", "pet supplies"),
            ("猫咪的一天", "a day in a cat's life"),
            ("遛狗装备", "dog-walking gear"),
            ("宠物洗护", "pet grooming"),
            ("仓鼠饲养", "keeping hamsters"),
            ("宠物友好咖啡馆", "pet-friendly cafés"),
            ("猫砂怎么选", "choosing cat litter"),
        ],
        products: &[
            ("全价无谷猫粮", 129, 399),
            ("豆腐猫砂 6 包", 59, 139),
            ("自动喂食器", 199, 499),
            ("牵引绳套装", 39, 129),
            ("宠物烘干箱", 899, 2499),
        ],
    },
    Topic {
        id: "travel",
        zh: "旅行",
        en: "Travel",
        colors: ("#cdebf0", "#6fb7c5"),
        handle: ("在路上", " on the Road"),
        subjects: &[
            ("云南小众路线", "off-the-beaten-path Yunnan"),
            ("周末去杭州", "a weekend in Hangzhou"),
            ("日本赏枫", "autumn leaves in Japan"),
            ("行李箱打包", "packing a suitcase"),
            ("新疆自驾", "a Xinjiang road trip"),
            ("酒店测评", "a hotel review"),
            ("Citywalk 路线", "citywalk routes"),
            ("海岛度假", "an island holiday"),
            ("冬天去哈尔滨", "Harbin in winter"),
            ("穷游省钱攻略", "travelling on a budget"),
        ],
        products: &[
            ("20 寸登机箱", 299, 999),
            ("旅行收纳袋六件套", 39, 99),
            ("便携洗漱包", 29, 89),
            ("轻量双肩包", 159, 599),
            ("颈枕眼罩套装", 49, 129),
        ],
    },
    Topic {
        id: "books",
        zh: "图书",
        en: "Books",
        colors: ("#e6e0f3", "#a495cf"),
        handle: ("读书中", " Reads"),
        subjects: &[
            ("年度书单", "books of the year"),
            ("悬疑小说", "mystery novels"),
            ("读书笔记", "reading notes"),
            ("电子阅读器", "e-readers"),
            ("历史入门书", "history for beginners"),
            ("心理学好书", "psychology books"),
            ("睡前读的诗", "poems for bedtime"),
            ("儿童读物", "children's books"),
            ("独立书店", "independent bookshops"),
            ("科幻小说推荐", "science fiction picks"),
        ],
        products: &[
            ("6 英寸墨水屏阅读器", 599, 1499),
            ("经典悬疑小说套装", 89, 199),
            ("黄铜书签", 29, 79),
            ("阅读灯", 59, 199),
            ("精装笔记本", 39, 99),
        ],
    },
    Topic {
        id: "photo",
        zh: "摄影",
        en: "Photography",
        colors: ("#dde3e8", "#8b9aa8"),
        handle: ("的相机", "'s Camera"),
        subjects: &[
            ("胶片相机入门", "film cameras for beginners"),
            ("人像构图", "portrait composition"),
            ("手机修图", "editing on a phone"),
            ("街头摄影", "street photography"),
            ("夜景拍摄", "night photography"),
            ("镜头选购", "choosing a lens"),
            ("旅行摄影", "travel photography"),
            ("调色预设", "colour presets"),
            ("微距拍摄", "macro shots"),
            ("相机包推荐", "camera bags"),
        ],
        products: &[
            ("35mm 定焦镜头", 999, 3999),
            ("胶卷 5 卷装", 149, 329),
            ("便携三脚架", 129, 499),
            ("防水相机包", 199, 599),
            ("补光灯", 89, 299),
        ],
    },
    Topic {
        id: "crafts",
        zh: "手工",
        en: "Crafts",
        colors: ("#f2dccf", "#cf9a7e"),
        handle: ("手作", " Makes"),
        subjects: &[
            ("钩针入门", "crochet basics"),
            ("手账排版", "journal layouts"),
            ("滴胶手作", "resin crafts"),
            ("黏土小物", "clay trinkets"),
            ("刺绣入门", "embroidery basics"),
            ("自制香薰蜡烛", "making candles"),
            ("编织包", "woven bags"),
            ("小木工", "small woodworking"),
            ("拼豆", "fuse beads"),
            ("旧物改造", "upcycling"),
        ],
        products: &[
            ("钩针工具套装", 39, 129),
            ("手账胶带 20 卷", 29, 89),
            ("滴胶材料包", 49, 159),
            ("刺绣入门材料包", 35, 99),
            ("超轻黏土 24 色", 25, 79),
        ],
    },
];

/// First parts of creator names (zh, en), combined with a topic's handle.
pub const NAME_PARTS: &[(&str, &str)] = &[
    ("小鹿", "Xiaolu"),
    ("阿May", "May"),
    ("橙子", "Chengzi"),
    ("木木", "Mumu"),
    ("大熊", "Daxiong"),
    ("一颗柚子", "Youzi"),
    ("糖糖", "Tangtang"),
    ("老张", "Lao Zhang"),
    ("七七", "Qiqi"),
    ("阿飞", "Afei"),
    ("栗子", "Lizi"),
    ("团子", "Tuanzi"),
];

/// Title patterns (zh, en); `{s}` is the subject.
pub const TITLES: &[(&str, &str)] = &[
    ("{s}｜亲测一个月，真心推荐", "{s} | a month in, honestly recommended"),
    ("被问爆的{s}，终于整理好了", "Everyone asked about {s}, so here it is"),
    ("{s}避坑指南，看完再买", "{s}: what to avoid before you buy"),
    ("新手必看：{s}全攻略", "Beginner's guide to {s}"),
    ("{s}｜平价也能很高级", "{s} | affordable but elegant"),
    ("周末vlog｜{s}", "Weekend vlog | {s}"),
    ("{s}，这次真的被惊艳到了", "{s} really surprised me this time"),
    ("收藏！{s}清单一次说清", "Save this: {s}, the full list"),
];

/// Title patterns for items in a campaign (zh, en).
pub const CAMPAIGN_TITLES: &[(&str, &str)] =
    &[("{c}战利品｜{s}", "{c} haul | {s}"), ("{c}必买清单：{s}", "{c} must-buys: {s}")];

/// Title patterns for items that prepare for a campaign that has not started yet (zh, en).
pub const PREVIEW_TITLES: &[(&str, &str)] =
    &[("{c}提前看｜{s}", "{c} preview | {s}"), ("{c}要来了，{s}先收藏", "{c} is coming: save these {s} picks")];

/// Title patterns for live streams (zh, en).
pub const LIVE_TITLES: &[(&str, &str)] = &[
    ("直播中｜{s}专场，福利不断", "Live | {s} special, deals all night"),
    ("今晚8点｜一起聊聊{s}", "Tonight at 8 | let's talk {s}"),
];

/// Opening sentences (zh, en).
pub const OPENERS: &[(&str, &str)] = &[
    ("姐妹们！今天终于来分享{s}了。", "Hi all! Finally sharing {s} today."),
    ("最近好多人私信问{s}，统一回复一下～", "Lots of you asked about {s}, so here is one answer for all."),
    ("坚持了一段时间，来聊聊{s}的真实感受。", "After a while of trying, here is my honest take on {s}."),
    ("周末在家整理了一下关于{s}的心得。", "I spent the weekend writing up what I learned about {s}."),
];

/// Middle sentences (zh, en).
pub const MIDDLES: &[(&str, &str)] = &[
    ("整体来说性价比很高，细节做得也用心。", "Overall great value, and the details are well thought out."),
    ("缺点也说一下：需要一点时间适应。", "One downside: it takes a little getting used to."),
    ("我把清单都整理在图里了，可以直接抄作业。", "The full list is in the pictures, feel free to copy it."),
    ("预算有限的话，优先选第一款。", "On a budget? Pick the first one."),
    ("真的是用过就回不去的程度。", "Once you have tried it, there is no going back."),
    ("价格都是我自己买的时候的价格，仅供参考。", "Prices are what I paid, just for reference."),
];

/// Closing sentences (zh, en).
pub const CLOSERS: &[(&str, &str)] = &[
    ("有问题评论区见，看到都会回～", "Questions? See you in the comments."),
    ("觉得有用记得收藏，下次不迷路。", "Save this so you can find it later."),
    ("你们还有什么想看的？告诉我！", "What should I cover next? Let me know!"),
];

/// Creator bios (zh, en); `{t}` is the topic name.
pub const BIOS: &[(&str, &str)] = &[
    ("分享真实的{t}日常，不恰饭的测评都标注了。", "Real everyday {t}; unsponsored reviews are marked."),
    ("一个认真研究{t}的普通人，每周更新。", "An ordinary person who takes {t} seriously. New posts weekly."),
    ("{t}博主｜合作请私信｜谢谢你的关注", "{t} creator | DM for collaborations | thanks for following"),
    ("把{t}变简单，是我想做的事。", "Making {t} simple is what I want to do."),
];
