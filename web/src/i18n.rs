//! Every string the site shows, in Chinese and English. The rules bring their own
//! bilingual texts (`doudi_rules::Text`) and the one table of labels of what an
//! assessment reports (`doudi_rules::labels`: statuses, bases, criterion states, kinds of
//! payment), which the CLI reads too; the site's own labels live here, and nowhere else.

use doudi_rules::fields;
use doudi_rules::household::{
    DisabilityKind, IncomeKind, Period, Relation, Student, SupporterSituation,
};
use doudi_rules::labels::{self, Label};
use doudi_rules::outcome::State as CriterionState;
use doudi_rules::policy::{Basis, Date, Unit};
use doudi_rules::{Category, Payment, Status, Text};

/// The language the page is shown in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// The value of `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// The language of a `<html lang>` value: English for `en`, else Chinese.
    pub fn from_tag(tag: &str) -> Lang {
        if tag == Lang::En.tag() {
            Lang::En
        } else {
            Lang::Zh
        }
    }

    /// A rules text in this language.
    pub fn text(self, text: &Text) -> &str {
        match self {
            Lang::Zh => &text.zh,
            Lang::En => &text.en,
        }
    }
}

/// A label in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct T {
    pub zh: &'static str,
    pub en: &'static str,
}

impl T {
    pub const fn new(zh: &'static str, en: &'static str) -> T {
        T { zh, en }
    }

    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }

    /// As an owned rules `Text`, for messages kept in state.
    pub fn text(self) -> Text {
        Text::new(self.zh, self.en)
    }

    /// A label of the rules' tables (`doudi_rules::labels`, and `doudi_rules::fields` for
    /// a household fact's name), so that the site and the CLI say the same words.
    pub const fn of(label: Label) -> T {
        T::new(label.zh, label.en)
    }
}

impl From<Label> for T {
    fn from(label: Label) -> T {
        T::of(label)
    }
}

// ---- Frame -------------------------------------------------------------------------

pub const APP_TITLE: T = T::new(
    "兜底 · 汉中社会救助计算器",
    "兜底 Doudi · Hanzhong social assistance calculator",
);
pub const APP_TAGLINE: T = T::new(
    "低保、特困、低保边缘家庭等救助的估算。只在您的设备上计算，不上传任何信息。",
    "An estimate of dibao, tekun and other assistance. Computed on your device only; nothing is uploaded.",
);
pub const SWITCH_LANGUAGE: T = T::new("English", "中文");
pub const SWITCH_LANGUAGE_LABEL: T = T::new("Switch to English", "切换到中文 (Switch to Chinese)");
pub const LARGE_TEXT: T = T::new("长辈版", "Elder mode");
pub const LARGE_TEXT_LABEL: T = T::new(
    "长辈版：大字、宽行距、可朗读",
    "Elder mode: large text, wide spacing, read aloud",
);
pub const STEP_OF: T = T::new("第 {n} 步，共 {of} 步", "Step {n} of {of}");
pub const BACK: T = T::new("上一步", "Back");
pub const NEXT: T = T::new("下一步", "Next");
pub const SEE_RESULT: T = T::new("查看结果", "See the result");
pub const BACK_TO_RESULT: T = T::new("返回结果", "Back to the result");
pub const BACK_TO_SUMMARY: T = T::new("返回核对", "Back to the summary");
pub const EDIT: T = T::new("修改", "Edit");
pub const START_OVER: T = T::new("重新开始", "Start over");
pub const FIX_FIRST: T = T::new("请先修改标出的地方", "Please fix the marked answers first");
pub const RULES_VERSION: T = T::new("规则版本", "Rules version");
/// The first screen's line while the app's module is on its way (first_screen.rs).
pub const APP_LOADING: T = T::new("正在打开，请稍候……", "Opening, one moment…");
/// And when it could not be fetched (offline on a first visit).
pub const APP_FAILED: T = T::new(
    "没能打开下一步：请检查网络，再点一次。您填的内容还在。",
    "Could not open the next step: check the network and press again. Your answers are kept.",
);
/// A staff tool's page in a resident's app while the tools' module comes (tools.rs).
pub const TOOLS_OPENING: T = T::new(
    "工作人员工具正在打开，请稍候……",
    "The staff tools are opening, one moment…",
);
pub const TOOLS_BACK: T = T::new("返回居民版", "Back to the resident's screens");
/// And when it could not be fetched (offline on a first visit).
pub const TOOLS_FAILED: T = T::new(
    "没能打开：请检查网络，再点一次。您填的内容还在。",
    "Could not open it: check the network and press again. Your answers are kept.",
);
pub const PRIVACY: T = T::new(
    "您填写的内容只保存在这个浏览器标签页中，不会发送到任何地方；刷新页面不会丢失，关闭标签页即清除（除非您点了“保存草稿”）。",
    "What you enter is kept only in this browser tab and sent nowhere; a reload keeps it, closing the tab clears it (unless you save a draft).",
);

pub const STEP_NAMES: [T; 5] = [
    T::new("地点和日期", "Place and date"),
    T::new("家庭成员", "Who lives together"),
    T::new("收入和情况", "Income and situation"),
    T::new("核对", "Check your answers"),
    T::new("结果", "Result"),
];

// ---- Step 1 ------------------------------------------------------------------------

pub const READY: T = T::new(
    "开始前准备好：每位共同生活成员的年龄；每人每月的收入（工资、种地或做生意、养老金等）；残疾证上的类别和等级，重病的诊断；家庭存款、房产、车辆的大概情况。大约 3 分钟，不需要身份证号。",
    "Before you start, have at hand: each member's age; each one's monthly income (wages, farming or business, pensions); the kind and grade on any disability certificate, any serious diagnosis; roughly what the family owns (savings, housing, vehicles). About 3 minutes; no ID numbers needed.",
);
pub const PLACE_INTRO: T = T::new(
    "请选择户籍（或居住证）所在的县区。各县区的标准可能不同。",
    "Choose the county or district of the household registration (or residence permit). Standards can differ by place.",
);
pub const COUNTY: T = T::of(fields::COUNTY.label);
pub const CATEGORY: T = T::of(fields::CATEGORY.label);
pub const CATEGORY_HINT: T = T::new(
    "按申请的低保类别（城市低保或农村低保）选择。",
    "As the dibao category applied for (urban or rural dibao).",
);
pub const URBAN: T = T::new("城市", "Urban");
pub const RURAL: T = T::new("农村", "Rural");
pub const DATE: T = T::of(fields::DATE.label);
pub const DATE_HINT: T = T::new("默认今天。", "Today by default.");
pub const CASEWORKER_OPTIONS: T = T::new("经办人选项（可不填）", "Caseworker options (optional)");
pub const RURAL_TIER: T = T::of(fields::RURAL_TIER.label);
pub const TIER_NOT_YET: T = T::new("尚未评定（估算）", "Not yet (estimate)");
pub const TIER_HINT: T = T::new(
    "档次由经办人评定；不填时按家庭情况估算，并标为假设。",
    "The caseworker assigns the tier; left empty, it is estimated and marked as assumed.",
);
pub const CPI_RISE: T = T::of(fields::CPI_RISE.label);
pub const FOOD_CPI_RISE: T = T::of(fields::FOOD_CPI_RISE.label);
pub const CPI_HINT: T = T::new(
    "用于价格临时补贴；不知道可不填。",
    "For the price subsidy; leave empty if not known.",
);
pub const EXAMPLES: T = T::new("试一个例子", "Try an example");
pub const EXAMPLES_HINT: T = T::new(
    "载入一个虚构的家庭，看看结果是什么样的。会替换您已填写的内容。",
    "Load a made-up household to see what a result looks like. It replaces what you have entered.",
);

// ---- Step 2 ------------------------------------------------------------------------

pub const MEMBERS_INTRO: T = T::new(
    "请填写共同生活的家庭成员：一般是配偶、未成年子女，以及共同生活的父母和成年子女。帮家人算也一样：第一位填提出申请的那位家人，其他人的关系都按与他（她）的关系填。",
    "Add the members who live together: usually spouses, minor children, and parents or adult children who live together. Doing this for a relative works the same way: put first the relative who applies, and give everyone else's relation to them.",
);
pub const MEMBER: T = T::new("成员", "Member");
pub const NAME: T = T::of(fields::NAME.label);
pub const NAME_HINT: T = T::new(
    "例如“奶奶”，只用于在结果中区分成员。",
    "E.g. \"Grandma\"; only to tell members apart in the result.",
);
pub const AGE_BY: T = T::new("填写年龄还是出生日期", "Age or birth date");
pub const BY_AGE: T = T::new("年龄", "Age");
pub const BY_BIRTH_DATE: T = T::new("出生日期", "Birth date");
pub const AGE: T = T::of(fields::AGE.label);
pub const BIRTH_DATE: T = T::of(fields::BIRTH_DATE.label);
pub const RELATION: T = T::of(fields::RELATION.label);
pub const ADD_MEMBER: T = T::new("＋ 添加成员", "+ Add a member");
pub const REMOVE_MEMBER: T = T::new("删除此成员", "Remove this member");
pub const YEARS_OLD: T = T::new("岁", "years old");

// ---- Step 3 ------------------------------------------------------------------------

pub const SITUATION_INTRO: T = T::new(
    "请填写每位成员每月或每年的收入（税后、扣除个人社保后），以及残疾、重病等情况。没有收入的不用填。",
    "Enter each member's income per month or per year (after tax and their own social insurance), and any disability or serious illness. Leave income empty when there is none.",
);
pub const INCOMES: T = T::of(fields::INCOMES.label);
pub const NO_INCOME: T = T::new("没有填写收入。", "No income entered.");
pub const OWN_INCOME_RULE: T = T::new(
    "每位成员名下只填本人的收入（本人工资、养老金等）；全家一起种地、开店挣的钱，填在最下面的“全家共同的收入”。",
    "Under each member, only that person's own income (their wages, pension…); money the family earns together, from land or a shop, goes under \"The family's shared income\" at the bottom.",
);
pub const FAMILY_INCOMES: T = T::of(fields::FAMILY_INCOMES.label);
pub const FAMILY_INCOMES_RULE: T = T::new(
    "一家人一起种地、养殖、开店挣的钱填在这里，算全家的收入，不算在某一个人名下。是否算特困人员、能否单独纳入低保，只看本人名下的收入。",
    "Money the family earns together (land, animals, a shop) goes here: it counts as the family's income, not as one person's. Whether someone counts as a tekun person, or can be covered alone, depends only on the income under their own name.",
);
pub const ADD_FAMILY_INCOME: T = T::new("＋ 添加一项全家共同的收入", "+ Add a shared income");
pub const FAMILY_INCOMES_FULL: T = T::new(
    "全家共同的收入最多填 {max} 项。",
    "At most {max} shared incomes.",
);
pub const ADD_INCOME: T = T::new("＋ 添加一项收入", "+ Add an income");
pub const REMOVE_INCOME: T = T::new("删除这项收入", "Remove this income");
pub const INCOME_KIND: T = T::new("收入类型", "Kind of income");
pub const AMOUNT: T = T::new("金额（元）", "Amount (yuan)");
pub const PER: T = T::new("按月还是按年", "Per month or per year");
pub const PER_MONTH: T = T::new("每月", "per month");
pub const PER_YEAR: T = T::new("每年", "per year");
pub const YUAN_PER_MONTH: T = T::new("元/月", "yuan/month");
pub const YUAN: T = T::new("元", "yuan");
pub const DISABILITY: T = T::of(fields::DISABILITY.label);
pub const NO_DISABILITY: T = T::new("没有", "None");
pub const DISABILITY_GRADE: T = T::of(fields::DISABILITY_GRADE.label);
pub const GRADE: T = T::new("{n} 级", "grade {n}");
pub const ILLNESS: T = T::of(fields::ILLNESS.label);
pub const NO_ILLNESS: T = T::new("没有", "None");
pub const ILLNESS_HINT: T = T::new(
    "病种名称按国家目录显示（中文）。",
    "The diseases of the national list, translated (the answer keeps the list's Chinese name).",
);
pub const STUDENT: T = T::of(fields::STUDENT.label);
pub const TEKUN_NOW: T = T::of(fields::TEKUN_NOW.label);
pub const TEKUN_SECTION: T = T::new("特困人员救助供养相关", "For tekun support");
pub const TEKUN_SECTION_HINT: T = T::new(
    "60 周岁以上、未满 18 周岁或残疾的成员，可能符合特困人员条件。",
    "A member aged 60 or over, under 18, or disabled may qualify as a tekun person.",
);
pub const TEKUN_AT_HOME: T = T::new(
    "与有履行能力的法定义务人（{supporter}）同住，按规定不属于特困人员，不用回答自理能力、义务人和本人财产的问题。如{supporter}实际无力履行，请核对其年龄和残疾情况。",
    "Lives with a legal supporter who is able ({supporter}), so is not a tekun person under the rules: no questions on self-care, supporters or own property. If {supporter} cannot in fact support them, check their age and disability.",
);
pub const SELF_CARE: T = T::of(fields::SELF_CARE.label);
pub const SELF_CARE_UNKNOWN: T = T::new("还不清楚", "Not known yet");
pub const SELF_CARE_KNOWN: T = T::new("逐项填写", "Answer item by item");
pub const SELF_CARE_ITEMS_LEGEND: T = T::new(
    "能独立完成的项目请勾选",
    "Tick what the person can do alone",
);
pub const SUPPORTERS: T = T::of(fields::SUPPORTERS.label);
pub const SUPPORTERS_UNKNOWN: T = T::new("还不清楚", "Not known yet");
pub const SUPPORTERS_NONE: T = T::new("没有义务人", "None");
pub const SUPPORTERS_SOME: T = T::new("有义务人", "Some");
pub const SUPPORTER: T = T::new("义务人", "Supporter");
pub const SUPPORTER_SITUATION: T = T::new("义务人情况", "Supporter's situation");
pub const ADD_SUPPORTER: T = T::new("＋ 添加义务人", "+ Add a supporter");
pub const REMOVE_SUPPORTER: T = T::new("删除此义务人", "Remove this supporter");
pub const OWN_PROPERTY: T = T::of(fields::OWN_PROPERTY.label);
pub const FAMILY: T = T::new("全家的情况", "About the whole family");
pub const PROPERTY: T = T::of(fields::PROPERTY.label);
pub const YES: T = T::new("是", "Yes");
pub const NO: T = T::new("否", "No");
pub const NOT_SURE: T = T::new("不清楚", "Not sure");
pub const POVERTY_ALLEVIATED: T = T::of(fields::POVERTY_ALLEVIATED.label);
pub const MARGINAL: T = T::of(fields::MARGINAL.label);
pub const ON_DIBAO: T = T::of(fields::ON_DIBAO.label);
pub const CURRENT_DIBAO: T = T::of(fields::CURRENT_DIBAO.label);
pub const CURRENT_DIBAO_HINT: T = T::new(
    "用于计算渐退帮扶；不知道可不填。",
    "For the gradual exit; leave empty if not known.",
);

// ---- Step 4 ------------------------------------------------------------------------

pub const SUMMARY_INTRO: T = T::new(
    "请核对您填写的内容。需要修改时点“修改”。",
    "Check your answers. Tap \"Edit\" to change something.",
);
pub const NOT_GIVEN: T = T::new("未填写", "not given");
pub const NONE: T = T::new("无", "none");
pub const PRESET: T = T::new("（来自例子）", "(from the example)");
pub const OVERRIDES: T = T::of(fields::OVERRIDES.label);
pub const EMPLOYMENT_COSTS: T = T::of(fields::EMPLOYMENT_COSTS.label);
pub const STILL_TO_FIX: T = T::new("还有需要修改的地方：", "Some answers need fixing:");

// ---- Step 5 ------------------------------------------------------------------------

pub const TOTAL: T = T::of(labels::PAID_EVERY_MONTH);
pub const RANGE: T = T::new(
    "可能在 {min} 至 {max} 元之间",
    "Between {min} and {max} yuan",
);
pub const RANGE_BECAUSE: T = T::new("范围：", "Range:");
pub const NOTHING_YET: T = T::new(
    "按您填写的情况，暂时没有算出可以按月领取的金额。下面写明了每项救助差在哪里，以及还可以怎么办。",
    "From your answers no monthly amount is expected for now. Below, each programme says what decided it and what else can help.",
);
pub const NOTHING_MONTHLY: T = T::new(
    "按您填写的情况，暂时没有每月长期发放的金额；下面是限期或有条件发放的钱，不计入每月合计。",
    "From your answers nothing is expected every month for now; below is money paid for a limited period or only in some months, not in the monthly figure.",
);
pub const TIME_LIMITED: T = T::of(labels::TIME_LIMITED);
pub const CONDITIONAL: T = T::of(labels::CONDITIONAL);
pub const ALTERNATIVE: T = T::of(labels::ALTERNATIVE);
pub const MADE_UP_OF: T = T::of(labels::MADE_UP_OF);
pub const NOTICES: T = T::new("请注意", "Please note");
pub const NOTICE_EDIT: T = T::new("去修改", "Change it");
pub const COUNTED_INCOME: T = T::new(
    "家庭计入收入每月 {total} 元，共 {size} 人，人均每月 {per} 元。",
    "Counted household income: {total} yuan a month for {size} people, {per} per person.",
);
pub const PROGRAMMES: T = T::new("各项救助", "Each programme");
pub const LEVEL: T = T::new("档次/等级", "Level");
pub const CONDITIONS: T = T::new("条件", "Conditions");
pub const MISSING: T = T::new("还需要了解：", "Still needed:");
pub const FILL_IN: T = T::new("去填写", "Fill in");
pub const WHY: T = T::new("为什么？看计算过程", "Why? See how it was worked out");
pub const FORMULA: T = T::new("算式", "Arithmetic");
pub const CLAUSE: T = T::new("依据", "Basis in the rules");
pub const PARAMETERS: T = T::new("用到的标准", "Figures used");
pub const IN_FORCE_FROM: T = T::new("{date} 起执行", "in force from {date}");
pub const POLICY_VALUE: T = T::new("政策值 {value}", "policy value {value}");
pub const NO_STEPS: T = T::new("这一项没有计算步骤。", "No calculation steps for this one.");
pub const TIMELINE: T = T::new("渐退期逐月安排", "The gradual exit month by month");
pub const MONTH: T = T::new("月份", "Month");
pub const NOTE: T = T::new("说明", "Note");
pub const GLOSSARY: T = T::new(
    "词语解释：低保、特困、渐退……是什么意思",
    "What the words mean: dibao, tekun, gradual exit…",
);
pub const WHAT_NEXT: T = T::new("下一步怎么办", "What to do next");
pub const WHAT_IF: T = T::new("如果收入变化", "If the family earned more or less");
pub const WHAT_IF_INTRO: T = T::new(
    "横向是全家每月的工资和经营收入，竖向是全家每月的钱：收入加上每月都发的救助。只在部分月份发的价格临时补贴不在图里。",
    "Across: the family's wages and business income a month. Up: the family's money a month, its income plus the support paid every month. The price subsidy, paid only in some months, is not in the chart.",
);
pub const WHAT_IF_DESC: T = T::new(
    "全家每月的钱随工资和经营收入变化的曲线，标出了现在的位置、低保线和边缘线；同样的数字见图下的表格。",
    "How the family's money a month follows its earnings, with the family's place now, the dibao line and the marginal line marked; the same figures are in the table below the chart.",
);
pub const NEXT_CHANGE: T = T::new(
    "全家每月工资和经营收入再多 {more} 元（到 {earned} 元）时，每月都发的救助会从 {now} 元变为 {after} 元。",
    "If the family earned {more} yuan more a month (reaching {earned} yuan), the support paid every month would go from {now} to {after} yuan.",
);
pub const NEXT_CHANGE_EXIT: T = T::new(
    "这时低保转入渐退：之后 {months} 个月，每月另发 {exit} 元（图中虚线）。",
    "Dibao would then move into the gradual exit: {exit} yuan a month for {months} months (the dashed line).",
);
pub const NO_CHANGE: T = T::new(
    "工资和经营收入每月在 {end} 元以内时，每月的救助不会停，金额随收入的变化见图。",
    "With earnings of up to {end} yuan a month the support would not stop; how its amount follows the income is in the chart.",
);
pub const NO_MONTHLY_NOW: T = T::new(
    "按现在填的情况，没有每月都发的救助。",
    "As things are now, no support is paid every month.",
);
pub const ABOVE_LINE: T = T::new(
    "全家按规定算入的收入每月 {now} 元，不低于低保线 {line} 元；低于 {marginal} 元的，可能算低保边缘家庭。",
    "The family's counted income is {now} yuan a month, not below the dibao line of {line}; below {marginal} it may count as a marginal family.",
);
pub const CHART_X: T = T::new(
    "全家每月工资和经营收入（元）",
    "The family's earnings (yuan a month)",
);
pub const CHART_Y: T = T::new("全家每月的钱（元）", "The family's money a month (yuan)");
pub const MONEY_LINE: T = T::new(
    "全家每月的钱：收入 + 每月都发的救助",
    "The family's money a month: income + support paid every month",
);
pub const EXIT_LINE: T = T::new(
    "渐退期内（{months} 个月）再加渐退帮扶",
    "During the gradual exit ({months} months), plus its payment",
);
pub const DIBAO_LINE: T = T::new(
    "低保线：算入的收入 {v} 元",
    "Dibao line: counted income of {v} yuan",
);
pub const MARGINAL_LINE: T = T::new(
    "边缘线：算入的收入 {v} 元",
    "Marginal line: counted income of {v} yuan",
);
pub const LINE_AT_EARNED: T = T::new(
    "（工资和经营收入到 {e} 元时）",
    " (at {e} yuan of earnings)",
);
pub const LINE_REACHED: T = T::new("（其他收入已经达到）", " (other income reaches it already)");
pub const NOW_LEGEND: T = T::new(
    "现在：工资和经营收入 {e} 元，每月都发的救助 {s} 元",
    "Now: earnings of {e} yuan, support of {s} yuan every month",
);
pub const NOW_POINT: T = T::new("现在 {v} 元", "now {v} yuan");
pub const CHART_TABLE: T = T::new("用表格看这些数字", "The same figures as a table");
pub const CHART_TABLE_CAPTION: T = T::new(
    "全家每月工资和经营收入不同时的救助和全家每月的钱（元）",
    "Support and the family's money at other earnings (yuan a month)",
);
pub const COL_EARNED: T = T::new("工资和经营收入", "Earnings");
pub const COL_SUPPORT: T = T::new("每月都发的救助", "Support");
pub const COL_MONEY: T = T::new("全家每月的钱", "Money");
pub const COL_EXIT: T = T::new("渐退期内每月另发", "Exit adds");
pub const NOW_MARK: T = T::new("现在", "now");
pub const EXIT_NOW: T = T::new(
    "现在低保已转入渐退：{months} 个月内每月另发 {exit} 元（图中虚线），不计入每月都发的救助。",
    "Dibao is now in its gradual exit: {exit} yuan a month for {months} months (the dashed line), apart from the support paid every month.",
);
pub const NOT_PUBLISHED: T = T::new(
    "本结果用到的非公布数值",
    "Figures in this result that are not published policy",
);
pub const NOT_PUBLISHED_HINT: T = T::new(
    "以下数值没有找到汉中的正式文件，是推断或假设的，实际以当地民政部门为准。",
    "No Hanzhong document was found for these values: they are inferred or assumed; the local office decides.",
);
pub const CANNOT_COMPUTE: T = T::new(
    "还不能计算：请先修改下面标出的内容。",
    "Cannot compute yet: please fix the answers below.",
);
pub const SOURCE_LINK: T = T::new("原文网址", "read at");

// ---- 长辈版: read aloud -------------------------------------------------------------

pub const READ_QUESTIONS: T = T::new("朗读本页的问题", "Read this page's questions aloud");
pub const READ_RESULT: T = T::new("朗读结果", "Read the result aloud");
pub const PART_OF: T = T::new("第 {n} 部分，共 {of} 部分", "Part {n} of {of}");
pub const READ_QUICK: T = T::new(
    "朗读问题和初步判断",
    "Read the questions and the first answer aloud",
);
pub const NO_VOICE: T = T::new(
    "这台设备没有中文语音，不能朗读。可以在手机的“设置”里找到“文字转语音”，下载中文语音后再试。",
    "This device has no English voice, so nothing can be read aloud. Look for “text-to-speech” in the phone's settings, add an English voice and try again.",
);

// ---- Plain answers ----------------------------------------------------------------

pub const ANSWERS_TITLE: T = T::new("常见问题", "Questions people ask");
pub const ANSWER_BASIS: T = T::new("依据：", "Based on: ");

// ---- 核一核: check a decision (result screen) ------------------------------------------

pub const CHECK_TITLE: T = T::new("核一核：对照收到的通知", "Check a decision you received");
pub const CHECK_INTRO: T = T::new(
    "收到了低保或特困供养的决定通知，或者看到了发放的金额？把通知上写的填在这里，看看按规则对上面这些情况算出来是否一样。只在这台设备上计算，不会发送给任何人。",
    "Received a dibao or tekun decision, or seen the amount paid? Enter what the notice says to see whether the rules give the same for the answers above. It is worked out on this device only and sent to nobody.",
);
pub const CHECK_CHOOSE: T = T::new("请选择", "Choose");
pub const CHECK_PROGRAMME: T = T::new("通知是关于哪一项", "What the notice is about");
pub const CHECK_MEMBER: T = T::new("是谁的", "Whose");
pub const CHECK_MONTHLY: T = T::new(
    "通知上每月的金额（元）",
    "The amount a month on the notice (yuan)",
);
pub const CHECK_MONTHLY_HINT: T =
    T::new("不予批准或停发的，填 0", "Enter 0 for a refusal or a stop");
pub const CHECK_DATE: T = T::new("通知上的日期（可不填）", "The notice's date (optional)");
pub const CHECK_DATE_HINT: T = T::new(
    "填了就按那天有效的标准核对；不填就按上面填的日期",
    "If given, the standards in force that day are used; if not, those of the date above",
);
pub const CHECK_TIER: T = T::new("通知写的档次", "The tier the notice names");
pub const CHECK_CARE: T = T::new("通知写的护理等级", "The care tier the notice names");
pub const CHECK_REASON: T = T::new("通知写的理由", "The reason the notice gives");
pub const CHECK_NOT_NAMED: T = T::new("没有写明", "Not stated");

// ---- Messages of the form's own checks --------------------------------------------

pub const ERR_REQUIRED_AGE: T = T::new("请填写年龄（周岁，整数）", "Enter the age in whole years");
pub const ERR_AGE_NUMBER: T = T::new(
    "年龄请填写整数，例如 45",
    "Enter the age as a whole number, e.g. 45",
);
pub const ERR_REQUIRED_BIRTH: T = T::new("请选择出生日期", "Choose the birth date");
pub const ERR_DATE: T = T::new(
    "请按“年-月-日”填写日期，例如 2026-11-29",
    "Enter the date as year-month-day, e.g. 2026-11-29",
);
pub const ERR_REQUIRED_AMOUNT: T = T::new(
    "请填写金额，或删除这项收入",
    "Enter the amount, or remove this income",
);
pub const ERR_AMOUNT: T = T::new(
    "请只填数字，例如 1200 或 1200.50",
    "Enter digits only, e.g. 1200 or 1200.50",
);
pub const ERR_PERCENT: T = T::new(
    "请只填数字，例如 0.8 或 -1.2",
    "Enter a number only, e.g. 0.8 or -1.2",
);
pub const ERR_NUMBER: T = T::new(
    "请只填数字，例如 6 或 0.5",
    "Enter a number only, e.g. 6 or 0.5",
);

// ---- Forgiving input: what was understood, limits, the list of what to fix ------------

pub const UNDERSTOOD_YUAN: T = T::new("按 {n} 元计", "Read as {n} yuan");
pub const UNDERSTOOD_YEARS: T = T::new("按 {n} 岁计", "Read as {n} years");
pub const UNDERSTOOD_PERCENT: T = T::new("按 {n}% 计", "Read as {n}%");
pub const ERR_REQUIRED_GRADE: T = T::new(
    "请选择残疾等级（见残疾证；1 级最重）",
    "Choose the disability grade (as on the certificate; grade 1 is the most severe)",
);
pub const CHOOSE_GRADE: T = T::new("请选择等级", "Choose the grade");
pub const MEMBERS_LIMIT: T = T::new(
    "共同生活的家庭成员最多填 {max} 人，现在是 {n} 人。",
    "At most {max} members living together can be entered; there are {n} now.",
);
pub const MEMBERS_FULL: T = T::new(
    "已填 {max} 人，这是最多可填的人数。",
    "{max} members entered: this is the most that can be entered.",
);
pub const MEMBERS_OVER: T = T::new(
    "最多 {max} 人：请删除多出的成员。",
    "At most {max} members: please remove the extra ones.",
);
pub const INCOMES_FULL: T = T::new(
    "每人最多填 {max} 项收入。",
    "At most {max} incomes per member.",
);
pub const SUPPORTERS_FULL: T = T::new(
    "每人最多填 {max} 位义务人。",
    "At most {max} supporters per member.",
);
pub const ERRORS_TITLE: T = T::new(
    "请先修改以下 {n} 处：",
    "Please fix these {n} answers first:",
);
pub const FIELD_MEMBERS: T = T::of(fields::MEMBERS.label);
pub const FIELD_INCOME_AMOUNT: T = T::new("第 {n} 项收入的金额", "amount of income {n}");
pub const FIELD_SUPPORTER: T = T::new("第 {n} 位义务人", "supporter {n}");
pub const FIELD_OTHER: T = T::new("其他答案", "another answer");

// ---- Names of the rules' enums ------------------------------------------------------

pub fn category(category: Category) -> T {
    match category {
        Category::Urban => URBAN,
        Category::Rural => RURAL,
    }
}

pub fn status(status: Status) -> T {
    labels::status(status).into()
}

pub fn criterion_state(state: CriterionState) -> T {
    labels::criterion_state(state).into()
}

pub fn basis(basis: Basis) -> T {
    labels::basis(basis).into()
}

pub fn payment(payment: Payment) -> T {
    labels::payment(payment).into()
}

pub const RELATIONS: [Relation; 8] = Relation::ALL;

pub fn relation(relation: Relation) -> T {
    match relation {
        Relation::Applicant => T::new("申请人本人", "the applicant"),
        Relation::Spouse => T::new("配偶", "spouse"),
        Relation::Child => T::new("子女", "child"),
        Relation::Parent => T::new("父母", "parent"),
        Relation::Grandchild => T::new("孙子女、外孙子女", "grandchild"),
        Relation::Grandparent => T::new("祖父母、外祖父母", "grandparent"),
        Relation::Sibling => T::new("兄弟姐妹", "sibling"),
        Relation::Other => T::new("其他共同生活的人", "other"),
    }
}

pub const INCOME_KINDS: [IncomeKind; 9] = IncomeKind::ALL;

pub fn income_kind(kind: IncomeKind) -> T {
    match kind {
        IncomeKind::Wages => T::new(
            "工资性收入（工资、务工）",
            "Wages (employment, casual work)",
        ),
        IncomeKind::Business => T::new(
            "经营净收入（种养殖、做生意）",
            "Business (net: farming, trade)",
        ),
        IncomeKind::Property => {
            T::new("财产净收入（租金、利息）", "Property (net: rent, interest)")
        }
        IncomeKind::Transfer => T::new(
            "转移净收入（职工养老金等）",
            "Transfers (pensions other than below)",
        ),
        IncomeKind::SupportReceived => T::new(
            "收到的赡养费、抚养费、扶养费",
            "Support received from relatives",
        ),
        IncomeKind::ResidentsBasicPension => {
            T::new("城乡居民基础养老金", "Residents' basic pension")
        }
        IncomeKind::OldAgeAllowance => T::new("高龄津贴", "Old-age allowance"),
        IncomeKind::MedicalInsurance => T::new("医保报销", "Medical insurance reimbursement"),
        IncomeKind::Excluded => T::new(
            "不计入的收入（抚恤金、计生奖励、奖学金、救助金等）",
            "Not counted (veterans' benefits, family-planning rewards, scholarships, assistance)",
        ),
    }
}

pub fn period(period: Period) -> T {
    match period {
        Period::Month => PER_MONTH,
        Period::Year => PER_YEAR,
    }
}

pub const DISABILITY_KINDS: [DisabilityKind; 7] = DisabilityKind::ALL;

pub fn disability_kind(kind: DisabilityKind) -> T {
    match kind {
        DisabilityKind::Visual => T::new("视力残疾", "visual"),
        DisabilityKind::Hearing => T::new("听力残疾", "hearing"),
        DisabilityKind::Speech => T::new("言语残疾", "speech"),
        DisabilityKind::Physical => T::new("肢体残疾", "physical"),
        DisabilityKind::Intellectual => T::new("智力残疾", "intellectual"),
        DisabilityKind::Mental => T::new("精神残疾", "mental"),
        DisabilityKind::Multiple => T::new("多重残疾", "multiple"),
    }
}

pub const STUDENTS: [Student; 5] = Student::ALL;

pub fn student(student: Student) -> T {
    match student {
        Student::None => T::new("不在读", "not studying"),
        Student::Compulsory => T::new(
            "义务教育（小学、初中）",
            "compulsory education (primary, junior high)",
        ),
        Student::SeniorHigh => T::new("普通高中", "senior high school"),
        Student::SecondaryVocational => T::new("中职（中专、技校）", "secondary vocational school"),
        Student::Higher => T::new("大学（大专及以上）", "higher education"),
    }
}

/// The supporter situations in the order the rules list them (one list, in
/// `doudi_rules::questions`).
pub const SUPPORTER_SITUATIONS: [SupporterSituation; 8] =
    doudi_rules::questions::SUPPORTER_SITUATIONS;

/// A supporter's situation in words, with the ages the rules read on `date` (the form's
/// date; while that is not a valid date yet, or outside the modelled rules, the first date
/// the rules model).
pub fn supporter_situation(situation: SupporterSituation, date: Option<Date>) -> Text {
    date.and_then(|date| doudi_rules::supporter_situation_label(situation, date).ok())
        .or_else(|| {
            doudi_rules::supporter_situation_label(
                situation,
                doudi_rules::policy::first_modelled_date(),
            )
            .ok()
        })
        .unwrap_or_else(|| Text::new(situation.zh(), situation.en()))
}

/// The six self-care items, by index, as the rules name them.
pub fn self_care_item(index: usize) -> T {
    const ITEMS: [T; 6] = [
        T::new("能自己吃饭", "can eat alone"),
        T::new("能自己穿衣", "can dress alone"),
        T::new("能自己上下床", "can get in and out of bed alone"),
        T::new("能自己上厕所", "can use the toilet alone"),
        T::new("能在室内自己走动", "can walk indoors alone"),
        T::new("能自己洗澡", "can bathe alone"),
    ];
    ITEMS[index.min(5)]
}

/// The unit of a parameter, as shown after its value.
pub fn unit(unit: Unit) -> T {
    match unit {
        Unit::YuanPersonMonth => T::new("元/人·月", "yuan per person a month"),
        Unit::YuanPersonYear => T::new("元/人·年", "yuan per person a year"),
        Unit::YuanMonth => T::new("元/月", "yuan a month"),
        Unit::Ratio => T::new("倍", "×"),
        Unit::Percent => T::new("%", "%"),
        Unit::Months => T::new("个月", "months"),
        Unit::Age => T::new("周岁", "years of age"),
        Unit::Grade => T::new("级", "(grade)"),
        Unit::Count => T::new("项", "items"),
        Unit::WageClass => T::new("类区", "(wage class)"),
        Unit::YuanStep => T::new("元（取整单位）", "yuan (rounding step)"),
        Unit::Flag => T::new("（1 = 是，0 = 否）", "(1 = yes, 0 = no)"),
    }
}

/// Fills `{name}` placeholders of a label.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}
pub const PROGRESS: T = T::new("填写进度", "Progress");

/// The six self-care items as short names, for the summary.
pub fn self_care_name(index: usize) -> T {
    const NAMES: [T; 6] = [
        T::new("吃饭", "eating"),
        T::new("穿衣", "dressing"),
        T::new("上下床", "getting in and out of bed"),
        T::new("如厕", "toileting"),
        T::new("室内行走", "walking indoors"),
        T::new("洗澡", "bathing"),
    ];
    NAMES[index.min(5)]
}
pub const BASIS_NOTE: T = T::new(
    "标有“推断”或“假设”的数值没有找到汉中的正式文件，见本页末尾的说明。",
    "Figures marked inferred or assumed rest on no Hanzhong document found; see the list at the end of this page.",
);

// ---- Share links, printing, drafts --------------------------------------------------

pub const SHARE: T = T::new("分享", "Share");
pub const SHARE_INTRO: T = T::new(
    "把这个链接或二维码发给别人，对方打开后能看到同样的答案和结果。链接在您的设备上生成，不经过任何服务器。",
    "Send this link or QR code: whoever opens it sees the same answers and result. The link is made on your device and goes through no server.",
);
pub const SHARE_PRIVACY: T = T::new(
    "注意：链接里包含这个家庭填写的全部内容（称呼、年龄、收入等），只分享给您信任的人。",
    "Note: the link contains all of this family's answers (names, ages, incomes…). Share it only with people you trust.",
);
pub const SHARE_LINK: T = T::new("分享链接", "Share link");
pub const COPY_LINK: T = T::new("复制链接", "Copy the link");
pub const COPIED: T = T::new("链接已复制。", "The link is copied.");
pub const COPY_SELECTED: T = T::new(
    "无法自动复制：链接已选中，请长按它或用菜单复制。",
    "It could not be copied automatically: the link is selected; copy it with a long press or the menu.",
);
/// The share panel's QR code, shown when asked for (tools.rs).
pub const QR_SHOW: T = T::new("显示二维码", "Show the QR code");
pub const QR_ALT: T = T::new("分享链接的二维码", "QR code of the share link");
pub const QR_HINT: T = T::new(
    "用另一台手机扫描二维码，也能打开同样的计算。",
    "Scan the QR code with another phone to open the same calculation.",
);
pub const QR_TOO_LONG: T = T::new(
    "内容太多，无法生成二维码，请使用链接。",
    "Too much for a QR code: use the link.",
);
pub const LINK_OPENED: T = T::new(
    "已打开分享链接中的家庭情况和结果。需要调整时点“修改”。",
    "The household and result of a share link are open. Use Edit to change an answer.",
);
pub const LINK_FAILED: T = T::new(
    "无法打开这个分享链接：",
    "This share link cannot be opened: ",
);
pub const LINK_FAILED_AFTER: T = T::new(
    "已为您打开一份空白的表格。可以请发链接的人重新发一次完整的链接。",
    "An empty form is open instead. You can ask the sender for the complete link again.",
);
pub const LINK_BAD_HOUSEHOLD: T = T::new(
    "链接中的家庭情况有误",
    "the household in the link is not valid",
);
pub const RULES_CHANGED: T = T::new(
    "这个链接是按规则版本 {then} 计算的，现在的规则版本是 {now}。下面的结果已按现在的规则重新计算。",
    "This link was worked out under rules version {then}; the rules are now version {now}. The result below is worked out again under today's rules.",
);
pub const CHANGED_LIST: T = T::new(
    "结果有变化的项目（当时 → 现在）：",
    "What changed (then → now):",
);
pub const NOTHING_CHANGED: T = T::new("各项结果都没有变化。", "No result changed.");
pub const NOT_ASSESSED_NOW: T = T::new("现在不再计算这一项", "no longer assessed");
pub const DISMISS: T = T::new("知道了", "OK");

pub const PRINT: T = T::new("打印", "Print");
pub const PRINT_TITLE: T = T::new("打印说明单", "Print an explanation sheet");
pub const PRINT_HINT: T = T::new(
    "打印一份给家庭的说明（A4，一到两页）：答案、结果、计算过程和依据，并有经办人签字栏。",
    "Prints an explanation for the family (A4, one or two pages): the answers, the result, how it was worked out and on which rules, with a line for the caseworker's signature.",
);
pub const SHEET_QR: T = T::new(
    "用手机扫码，重新打开这次计算",
    "Scan with a phone to reopen this calculation",
);
pub const SHEET_TITLE: T = T::new(
    "汉中市社会救助估算说明",
    "Hanzhong social assistance: explanation of an estimate",
);
pub const SHEET_DATE: T = T::new("按此日期的标准计算", "Standards in force on");
pub const SHEET_ANSWERS: T = T::new("一、家庭情况", "1. The household");
pub const SHEET_RESULTS: T = T::new("二、估算结果", "2. The estimate");
pub const SHEET_STEPS: T = T::new("三、计算过程", "3. How it was worked out");
pub const SHEET_FIGURES: T = T::new(
    "四、不是正式公布的数值",
    "4. Figures that are not published policy",
);
pub const SHEET_FIGURES_NOTE: T = T::new(
    "下表以外的数值都是已公布的政策，数值写在上面的计算过程里；每个数值的文件和条款，扫右上角的二维码打开完整说明可见。",
    "Every figure not in this table is published policy, with its value in the steps above; the document and clause of each figure are in the full explanation the QR code at the top opens.",
);
pub const SHEET_STATUS_NOTE: T = T::new(
    "状态：“已公布”为汉中或陕西的正式文件所定；“推断”“假设”是没有找到正式文件的数值，以民政部门的认定为准。",
    "Status: published figures are set by a Hanzhong or Shaanxi document; inferred and assumed figures rest on no document found, and the civil affairs office decides.",
);
pub const SHEET_CASEWORKER: T = T::new(
    "经办人：________　日期：________",
    "Caseworker: ________   Date: ________",
);
pub const SHEET_SIGNATURE: T = T::new(
    "申请人（或家属）签字：________",
    "Applicant (or family member) signature: ________",
);
pub const RELATION_SHORT: T = T::new("关系", "Relation");
pub const OTHER_FACTS: T = T::new("其他情况", "Other facts");
pub const ILLNESS_SHORT: T = T::new("重病", "Serious illness");
pub const SUPPORTERS_SHORT: T = T::new("义务人", "Supporters");
pub const SELF_CARE_ALL: T = T::new("六项都能自己完成", "can do all six self-care items alone");
pub const SELF_CARE_CANNOT: T = T::new("不能自己完成：", "cannot do alone: ");
pub const COL_PROGRAMME: T = T::new("项目", "Programme");
pub const COL_RESULT: T = T::new("结果", "Result");
pub const COL_AMOUNT: T = T::new("元/月", "Yuan/month");
pub const COL_FIGURE: T = T::new("标准", "Figure");
pub const COL_VALUE: T = T::new("数值", "Value");
pub const COL_FROM: T = T::new("起始日期", "From");
pub const COL_SOURCE: T = T::new("文件和条款", "Document and clause");
pub const COL_STATUS: T = T::new("状态", "Status");
pub const STEPS_ABOVE: T = T::new(
    "前面已列出的步骤不再重复。",
    "Steps listed above are not repeated.",
);

pub const DRAFTS: T = T::new("草稿", "Drafts");
pub const DRAFT_HINT: T = T::new(
    "不点“保存草稿”，关闭这个标签页后什么都不会留下。草稿只存在这台设备的浏览器里，不会上传。",
    "Unless you save a draft, nothing is left once this tab is closed. A draft stays in this device's browser and is never uploaded.",
);
pub const SAVE_DRAFT: T = T::new("保存草稿", "Save draft");
pub const CLEAR_ALL: T = T::new("清除全部", "Clear everything");
pub const DRAFT_SAVED: T = T::new(
    "草稿已保存在这台设备上。用这台设备的人都能看到它；用完请点“清除全部”。",
    "The draft is saved on this device. Anyone using this device can see it; use Clear everything when you are done.",
);
pub const DRAFT_STALE: T = T::new(
    "保存草稿以后又改了答案；要保存最新的答案，请再点“保存草稿”。",
    "Answers changed since the draft was saved; save the draft again to keep the latest.",
);
pub const DRAFT_NOT_SAVED: T = T::new(
    "无法保存草稿：这个浏览器不允许在设备上存储。",
    "The draft could not be saved: this browser does not allow storage on the device.",
);
pub const DRAFT_FOUND_TITLE: T = T::new("上次的草稿", "Your last draft");
pub const DRAFT_FOUND: T = T::new(
    "这台设备上有一份 {date} 保存的草稿。",
    "This device has a draft saved on {date}.",
);
pub const DRAFT_OTHER_RULES: T = T::new(
    "草稿保存时的规则版本是 {then}，现在是 {now}。继续后，结果将按现在的规则重新计算。",
    "The draft was saved under rules version {then}; the rules are now version {now}. If you resume it, the result is worked out under today's rules.",
);
pub const RESUME_DRAFT: T = T::new("继续上次的草稿", "Resume draft");
pub const NOT_NOW: T = T::new("不用了", "Not now");
pub const CLEAR_CONFIRM: T = T::new(
    "确定要清除吗？这会删除这台设备上保存的草稿，并清空所有填写的内容。",
    "Clear everything? This deletes the draft saved on this device and empties every answer.",
);
pub const CLEAR_YES: T = T::new("确定清除", "Yes, clear everything");
pub const CANCEL: T = T::new("取消", "Cancel");
pub const CLEARED: T = T::new(
    "已全部清除：这台设备上没有保存的草稿了。",
    "Everything is cleared: no draft is kept on this device.",
);

// ---- Modes: caseworker, publicity event, caseload -----------------------------------

pub const MODES: T = T::new("使用方式", "Mode");
pub const STAFF: T = T::new("工作人员", "Staff");
pub const PUB_EXIT: T = T::new("工作人员：退出宣传模式", "Staff: leave the publicity mode");
pub const MODE_NAMES: [T; 4] = [
    T::new("居民", "Resident"),
    T::new("经办人", "Caseworker"),
    T::new("宣传", "Publicity"),
    T::new("批量", "Caseload"),
];

pub const CW_TITLE: T = T::new(
    "经办人：一页填写全部情况",
    "Caseworker: every answer on one page",
);
pub const CW_INTRO: T = T::new(
    "改动任何一项，结果（电脑上在右侧，手机上在下方）立即重新计算。",
    "Change anything and the result (beside the form on a computer, below it on a phone) is worked out again at once.",
);
pub const CW_PLACE: T = T::new(
    "地点、日期和经办人选项",
    "Place, date and caseworker options",
);
pub const CW_TIER_HINT: T = T::new(
    "只列出该日期有效的档次。不选时按家庭情况估算，并标为假设。",
    "Only the tiers in force on the date. Left empty, the tier is estimated and marked as assumed.",
);
pub const CW_OVERRIDES: T = T::new(
    "假设参数（经办人可调整）",
    "Assumed parameters (a caseworker may adjust them)",
);
pub const CW_OVERRIDES_HINT: T = T::new(
    "以下数值没有找到正式文件，是假设的。填写后替换政策值，结果中标为“经办人调整”；留空则用政策值。",
    "No document was found for these values: they are assumed. A value entered replaces the policy value and is marked \"caseworker override\" in the result; left empty, the policy value is used.",
);
pub const CW_POLICY_VALUE: T = T::new(
    "政策值 {value} {unit}（留空即用此值）",
    "Policy value {value} {unit} (used when empty)",
);
pub const CW_NO_OVERRIDES: T = T::new(
    "该日期没有假设的参数。",
    "No assumed parameter is in force on the date.",
);
pub const CW_MEMBERS: T = T::new("家庭成员和收入", "Members and incomes");
pub const CW_RESULT: T = T::new("结果", "Result");
pub const CW_TO_RESULT: T = T::new("↓ 看结果", "↓ See the result");
pub const SCENARIOS: T = T::new("方案", "Scenarios");
pub const SCENARIO_NAMES: [T; 2] = [
    T::new("方案一", "Scenario A"),
    T::new("方案二", "Scenario B"),
];
pub const COPY_TO_B: T = T::new("复制为方案二", "Copy as scenario B");
pub const COPY_TO_B_HINT: T = T::new(
    "把当前家庭复制成第二个方案（例如找到工作以后），两个结果并排对比。",
    "Copies the household into a second scenario (for example after a job), and compares the two results side by side.",
);
pub const RULES_TO_B: T = T::new(
    "方案二：同一户，按新规则",
    "Scenario B: the same household, new rules",
);
pub const RULES_TO_B_HINT: T = T::new(
    "不改家庭情况，只改标准或比例（例如低保标准提高以后），两个结果并排对比。",
    "Keeps the household and changes a standard or a rate (for example a higher dibao standard), and compares the two results side by side.",
);
pub const RULES_TAB: [T; 2] = [
    T::new("：现行规则", ": the rules as they are"),
    T::new("：新规则", ": new rules"),
];
pub const RULES_B_NAME: T = T::new("方案二的新规则", "Scenario B's new rules");
pub const RULES_B_TITLE: T = T::new("方案二的新规则", "Scenario B's new rules");
pub const RULES_B_INTRO: T = T::new(
    "家庭情况和方案一相同（在下面修改的是同一户）；只有这里列出的参数按新的值计算，结果中标为“改革方案”，不是现行政策。",
    "The household is scenario A's (what you change below is the same household); only the parameters listed here take their new values, marked “reform scenario” in the result, never as policy in force.",
);
pub const RULES_B_NONE: T = T::new(
    "还没有新的值：选一个参数，填新的值，加入。",
    "No new value yet: choose a parameter, type its new value, and add it.",
);
pub const RULES_B_REMOVE: T = T::new("去掉", "Remove");
pub const RULES_B_DETAILS: T = T::new(
    "方案二只显示合计和对比；各项明细按现行规则，见方案一。",
    "Scenario B shows its total and the comparison; the details, under the rules as they are, are scenario A's.",
);
pub const REMOVE_B: T = T::new("删除方案二", "Remove scenario B");
pub const COMPARE: T = T::new("两个方案的结果", "The two scenarios' results");
pub const COMPARE_HINT: T = T::new(
    "每个金额都由规则对各自方案计算得出（元/月）。",
    "Each amount is the rules' own for that scenario (yuan a month).",
);
pub const COMPARE_ITEM: T = T::new("项目", "Item");
pub const NOT_COMPUTED: T = T::new("还不能计算", "cannot compute yet");

pub const PUB_TITLE: T = T::new(
    "点一点，看看能得到哪些救助",
    "Tap a household to see the support it could get",
);
pub const PUB_INTRO: T = T::new(
    "以下都是虚构的家庭，每个金额都由计算规则得出。",
    "These households are made up; the rules compute each amount.",
);
pub const PUB_BACK: T = T::new("← 返回例子", "← Back to the examples");
pub const PUB_OWN: T = T::new("自己算一算", "Work out your own");
pub const PUB_QR: T = T::new(
    "用手机扫码，在自己的手机上算",
    "Scan to use it on your own phone",
);
pub const PUB_IDLE_MINUTES: T = T::new(
    "无人操作 {n} 分钟后自动清空。",
    "Clears itself after {n} minutes without use.",
);
pub const PUB_IDLE_SECONDS: T = T::new(
    "无人操作 {n} 秒后自动清空。",
    "Clears itself after {n} seconds without use.",
);

pub const CL_TITLE: T = T::new("批量计算一份名单", "Compute a caseload");
pub const CL_INTRO: T = T::new(
    "CSV 名单，每个成员一行，格式与命令行 doudi batch 相同（docs/batch-format.md）。全部在本设备上计算，不上传任何内容。",
    "A CSV caseload, one row per member, in the format of the command line's doudi batch (docs/batch-format.md). Everything is computed on this device; nothing is uploaded.",
);
pub const CL_FILE: T = T::new("选择 CSV 文件", "Choose a CSV file");
pub const CL_EXAMPLE: T = T::new("使用示例名单", "Use the example caseload");
pub const CL_READING: T = T::new("正在读取 {name}…", "Reading {name}…");
pub const CL_PROGRESS: T = T::new(
    "已完成 {done} / {total} 户",
    "{done} of {total} households done",
);
pub const CL_DONE: T = T::new(
    "完成：{name}，共 {total} 户，其中 {errors} 户输入有误（见 error 列）。",
    "Done: {name}, {total} households, {errors} with input errors (see the error column).",
);
pub const CL_DOWNLOAD: T = T::new("下载结果", "Download results");
pub const CL_CANNOT_READ: T = T::new("无法读取这个文件：", "This file cannot be read:");
pub const CL_PREVIEW: T = T::new("前 {n} 户的结果", "The first {n} results");
pub const CL_STOP: T = T::new("停止", "Stop");
pub const CL_STOPPED: T = T::new("已停止。", "Stopped.");
pub const CL_REFORM: T = T::new(
    "改革方案：测算一个新标准要多花多少（可不填）",
    "A reform: what a new standard would cost (optional)",
);
pub const CL_REFORM_INTRO: T = T::new(
    "选一个参数、填新的值和开始日期，加入方案；也可以载入方案文件。计算时名单上的每户都按现行规则和改革方案各算一次。只在这台设备上计算。",
    "Choose a parameter, type its new value and the date it starts, and add it to the reform; or load a reform file. Every household of the caseload is then computed under the rules as they are and under the reform, on this device only.",
);
pub const CL_PARAM: T = T::new(
    "参数（括号里是按开始日期现行的值）",
    "Parameter (its value in force on the start date in brackets)",
);
pub const CL_VALUE: T = T::new("新的值", "New value");
pub const CL_FROM: T = T::new("从哪天开始", "From");
pub const CL_ADD: T = T::new("加入方案", "Add to the reform");
pub const CL_REFORM_TEXT: T = T::new(
    "方案（格式见 docs/reform-format.md）",
    "The reform (format: docs/reform-format.md)",
);
pub const CL_REFORM_FILE: T = T::new("载入方案文件（.toml）", "Load a reform file (.toml)");
pub const CL_REFORM_CLEAR: T = T::new("清空方案", "Clear the reform");
pub const CL_REFORM_NAME: T = T::new("我的改革方案", "My reform");
pub const CL_STATIC: T = T::new(
    "静态测算：只按名单上的家庭和他们现在的情况计算，不估计新申请的人数和人们行为的变化。",
    "A static costing: the households listed, as they are now; new applications and changes in behaviour are not modelled.",
);
pub const CL_SUMMARY_TITLE: T = T::new("改革方案的测算：{name}", "The reform costed: {name}");
pub const CL_CHANGE_LINE: T = T::new(
    "{name}：自 {from} 起为 {value}",
    "{name}: {value} from {from}",
);
pub const CL_CASELOAD_LINE: T = T::new(
    "测算对象：{households} 户、{people} 人（评估日期 {dates}）；{failed} 户有错误，未计入。",
    "Caseload: {households} households, {people} people (assessed on {dates}); {failed} with errors, left out.",
);
pub const CL_MONTHLY_LINE: T = T::new(
    "每月合计：{before} 元 → {after} 元，变化 {change} 元（一年 {yearly} 元）",
    "Every month in all: {before} → {after} yuan, a change of {change} yuan ({yearly} yuan a year)",
);
pub const CL_LOW_LINE: T = T::new(
    "其中有的金额是范围（农村低保档次或护理等级还没评定）：都按最低算，每月合计 {before} 元 → {after} 元",
    "Some amounts are ranges (a rural tier or care tier not yet assessed): all at their lowest, every month in all {before} → {after} yuan",
);
pub const CL_WHO: T = T::new("谁受影响", "Who is affected");
pub const CL_NEWLY: T = T::new("新纳入（按月有钱）", "Newly with money every month");
pub const CL_NO_LONGER: T = T::new("不再按月有钱", "No longer with money every month");
pub const CL_GAINING: T = T::new("增加", "Gaining");
pub const CL_LOSING: T = T::new("减少", "Losing");
pub const CL_UNCHANGED: T = T::new("不变", "Unchanged");
pub const CL_HOUSEHOLDS_PEOPLE: T = T::new(
    "{households} 户、{people} 人",
    "{households} households, {people} people",
);
pub const CL_MEDIAN: T = T::new(
    "每户每月变化的中位数：{median} 元",
    "Median change a household a month: {median} yuan",
);
pub const CL_LARGEST_GAIN: T = T::new(
    "增加最多：{id}，{before} → {after} 元",
    "Largest gain: {id}, {before} → {after} yuan",
);
pub const CL_LARGEST_LOSS: T = T::new(
    "减少最多：{id}，{before} → {after} 元",
    "Largest loss: {id}, {before} → {after} yuan",
);
pub const CL_BY_PROGRAMME: T = T::new("按项目（每月，元）", "By programme (a month, yuan)");
pub const CL_BY_COUNTY: T = T::new(
    "按县区：每月合计的变化（元）",
    "By county: the change of the monthly total (yuan)",
);
pub const CL_BY_CATEGORY: T = T::new(
    "城市、农村（每月合计，元）",
    "Urban and rural (the monthly total, yuan)",
);
pub const CL_SPREAD: T = T::new(
    "每户每月变化的分布（户数）",
    "How the households' monthly change spreads (households)",
);
pub const CL_BANDS: [T; 7] = [
    T::new("减少 100 元以上", "loses 100 or more"),
    T::new("减少不到 100 元", "loses under 100"),
    T::new("不变", "no change"),
    T::new("增加 50 元以内", "gains up to 50"),
    T::new("增加 50–100 元", "gains 50–100"),
    T::new("增加 100–200 元", "gains 100–200"),
    T::new("增加 200 元以上", "gains over 200"),
];
pub const CL_COL_PART: T = T::new("项目", "Part");
pub const CL_COL_HOUSEHOLDS: T = T::new("户数", "Households");
pub const CL_COL_BEFORE: T = T::new("现行", "Now");
pub const CL_COL_AFTER: T = T::new("改革后", "Reform");
pub const CL_COL_CHANGE: T = T::new("变化", "Change");
pub const CL_NO_WORKER: T = T::new(
    "计算程序没能启动。请联网后刷新本页再试（第一次联网打开后，离线也能使用）。",
    "The calculation could not start. Connect to the network, reload the page and try again (after one visit online it also works offline).",
);

// ---- The one-minute check (一分钟初步判断) -------------------------------------------

pub const QUICK_START: T = T::new(
    "先大概看看：一分钟初步判断",
    "A rough idea first: one minute",
);
pub const QUICK_INTRO: T = T::new(
    "回答几个问题，先看看可能符合哪些救助、大约每月多少钱。",
    "Answer a few questions to see which help may apply and roughly how much a month.",
);
pub const QUICK_PEOPLE: T = T::new(
    "家里共同生活的有几个人？",
    "How many people live together in the family?",
);
pub const QUICK_PEOPLE_HINT: T = T::new(
    "包括您（或您帮着算的家人）自己",
    "Including yourself (or the relative you are doing this for)",
);
pub const QUICK_INCOME: T = T::new(
    "全家每月收入大约多少元？",
    "About how much is the family's income a month, in yuan?",
);
pub const QUICK_INCOME_HINT: T = T::new(
    "工资、种地或做生意、养老金等加在一起；城乡居民基础养老金、高龄津贴可以不算",
    "Wages, farming or business, pensions and the like, added up; the residents' basic pension and the old-age allowance may be left out",
);
pub const QUICK_ANYONE: T = T::new(
    "家里有没有这些人？（可多选）",
    "Is anyone in the family… (tick all that apply)",
);
pub const QUICK_OLD: T = T::new("70岁以上的老人", "aged 70 or over");
pub const QUICK_CHILD: T = T::new("未满18岁的孩子", "under 18");
pub const QUICK_DISABLED: T = T::new(
    "重度残疾人（残疾证一、二级，或三级智力、精神残疾）",
    "severely disabled (certificate grade 1 or 2, or grade 3 intellectual or mental)",
);
pub const QUICK_ILL: T = T::new(
    "重病患者（大病专项救治目录内的病）",
    "seriously ill (a disease on the national list)",
);
pub const QUICK_DIBAO: T = T::new("家里现在领低保吗？", "Does the family receive dibao now?");
pub const QUICK_DIBAO_YES: T = T::new("现在领低保", "Receives dibao now");
pub const QUICK_SPENDING: T = T::new(
    "看病或上学花费很大吗？（可不填）",
    "Is spending on illness or schooling heavy? (optional)",
);
pub const QUICK_ILLNESS: T = T::new("看病花费大", "Heavy spending on illness");
pub const QUICK_SCHOOLING: T = T::new("上学花费大", "Heavy spending on schooling");
pub const QUICK_ERR_PEOPLE: T = T::new(
    "请填人数：1 到 30 之间的整数",
    "Enter the number of people: a whole number from 1 to 30",
);
pub const QUICK_WAITING: T = T::new(
    "填好人数和收入，这里就显示初步判断。",
    "Give the number of people and the income, and the first answer shows here.",
);
pub const QUICK_DATE: T = T::new("按 {date} 的标准计算。", "With the standards of {date}.");
pub const QUICK_BACK: T = T::new("返回第一页", "Back to the first page");
pub const QUICK_SAID: T = T::new(
    "您在一分钟初步判断里说家里有：{list}。请在下面填写每个人，并在下一页选他们的情况。",
    "In the one-minute check you said the family has someone {list}. Add each person below, and choose their situation on the next page.",
);

#[cfg(test)]
mod tests {
    use super::*;
    use doudi_rules::labels;

    #[test]
    fn the_rules_labels_are_the_sites() {
        for status in [
            Status::Eligible,
            Status::NotEligible,
            Status::NeedsMoreInformation,
        ] {
            let label = labels::status(status);
            assert_eq!(
                (status_label(status).zh, status_label(status).en),
                (label.zh, label.en)
            );
        }
        for basis in [
            Basis::Published,
            Basis::Inferred,
            Basis::Assumed,
            Basis::Override,
        ] {
            assert_eq!(super::basis(basis).zh, labels::basis(basis).zh);
            assert_eq!(super::basis(basis).en, labels::basis(basis).en);
        }
        for state in [
            CriterionState::Met,
            CriterionState::NotMet,
            CriterionState::Unknown,
        ] {
            assert_eq!(criterion_state(state).zh, labels::criterion_state(state).zh);
        }
        for kind in [
            Payment::Monthly,
            Payment::TimeLimited,
            Payment::Conditional,
            Payment::NoCash,
        ] {
            assert_eq!(payment(kind).zh, labels::payment(kind).zh);
            assert_eq!(payment(kind).en, labels::payment(kind).en);
        }
        assert_eq!(ALTERNATIVE.zh, labels::ALTERNATIVE.zh);
    }

    fn status_label(status: Status) -> T {
        super::status(status)
    }

    #[test]
    fn a_supporters_situation_names_the_ages_of_the_date_and_falls_back_when_there_is_none() {
        let date = Date::parse("2026-11-29").unwrap();
        for situation in SUPPORTER_SITUATIONS {
            let expected = doudi_rules::supporter_situation_label(situation, date).unwrap();
            assert_eq!(supporter_situation(situation, Some(date)), expected);
            // Before the rules' first date, or while no date is given: still words.
            for other in [None, Some(Date::parse("2001-01-01").unwrap())] {
                let text = supporter_situation(situation, other);
                assert!(!text.zh.is_empty() && !text.en.is_empty());
            }
        }
        let elderly = supporter_situation(SupporterSituation::Aged70PlusLowIncome, Some(date));
        assert!(elderly.zh.contains("70"), "{}", elderly.zh);
    }
}
