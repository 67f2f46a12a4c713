//! The words that must stay (低保, 特困, 渐退…), each said once in plain words: a short
//! glossary at the foot of the result, closed until opened. No figure is in it (figures
//! are the rules' and depend on the date). Static markup (see markup.rs).

use super::markup::Markup;
use crate::i18n::{self, Lang, T};
use yew::Html;

/// The terms, in the order a resident meets them on the result.
pub const TERMS: [(T, T); 13] = [
    (
        T::new("低保（最低生活保障）", "Dibao (minimum living guarantee)"),
        T::new(
            "家庭人均收入低于当地低保标准、财产也符合规定的，每月发钱，补上收入和标准之间的差。",
            "Money every month for a family whose income per person is below the local standard and whose property is within the rules: it makes up the difference.",
        ),
    ),
    (
        T::new("低保标准、低保线", "Dibao standard, dibao line"),
        T::new(
            "当地规定的每人每月最低生活费用。全家的低保线 = 低保标准 × 家里算入的人数。",
            "The local minimum living cost per person a month. The family's dibao line is the standard times the number of people counted.",
        ),
    ),
    (
        T::new("算入的收入（计入收入）", "Counted income"),
        T::new(
            "按政策要算进去的收入：工资、种养殖和做生意的纯收入、租金利息、别人给的赡养费等。城乡居民基础养老金、奖学金、各种救助金不算；上班的人可以扣掉必要的就业成本。",
            "The income the rules count: wages, net income from farming or business, rent and interest, support paid by relatives, and so on. The residents' basic pension, scholarships and assistance payments are not counted; a working member's necessary costs of working may be deducted.",
        ),
    ),
    (
        T::new("分类施保（增发）", "Top-ups (分类施保)"),
        T::new(
            "家里有老人、未成年人、重度残疾人或重病患者的，在低保金之外每月再多发一些。",
            "A little more each month, on top of dibao, for older members, children, and severely disabled or seriously ill members.",
        ),
    ),
    (
        T::new("档次（农村低保 A–E 档）", "Tier (rural dibao, A to E)"),
        T::new(
            "农村低保按家里困难程度分档发钱，A 档最多；档次由工作人员入户核查后评定。",
            "Rural dibao is paid by tier, by how hard the family's situation is; tier A is the most. A caseworker sets the tier after a home visit.",
        ),
    ),
    (
        T::new("单人户（重残、重病单独纳入）", "Covered alone (single-person dibao)"),
        T::new(
            "家庭收入超过低保线，但家里有重度残疾或重病的成员时，可以把这一位成员单独纳入低保。",
            "When the family's income is above the line but a member is severely disabled or seriously ill, that member alone can receive dibao.",
        ),
    ),
    (
        T::new("渐退帮扶", "Gradual exit"),
        T::new(
            "领低保的家庭收入涨过低保线后，低保不马上停，再按月发一段时间，期满停发。",
            "When a family on dibao comes to earn above the line, dibao does not stop at once: it is paid for some more months, then stops.",
        ),
    ),
    (
        T::new("低保边缘家庭", "Low-income marginal family"),
        T::new(
            "收入比低保线高一点（不超过规定的倍数）的家庭：没有按月的钱，但可以申请看病、上学、住房、就业等方面的专项救助。",
            "A family whose income is a little above the dibao line (up to a set multiple): no money every month, but it can apply for help with medical care, schooling, housing and work.",
        ),
    ),
    (
        T::new("特困人员（特困供养）", "Tekun (support for persons in extreme poverty)"),
        T::new(
            "没有劳动能力、没有生活来源、也没有能尽义务的赡养抚养扶养人的老人、残疾人和未成年人，由政府供养：每月发基本生活费，再加照料护理费。",
            "Older people, disabled people and children with no capacity to work, no means of living and nobody able to support them are supported by the state: a basic living allowance each month, plus a care allowance.",
        ),
    ),
    (
        T::new("法定义务人（赡养人、抚养人、扶养人）", "Legal supporter"),
        T::new(
            "依法有义务照顾、供养这个人的人，如配偶、父母、成年子女。",
            "Someone the law obliges to look after and support the person, such as a spouse, a parent or an adult child.",
        ),
    ),
    (
        T::new("生活自理能力（全自理、半护理、全护理）", "Self-care (able, partial care, full care)"),
        T::new(
            "看吃饭、穿衣、上下床、如厕、室内行走、洗澡六件事能不能自己做，决定照料护理费发哪一档。",
            "Whether the person can eat, dress, get in and out of bed, use the toilet, walk indoors and bathe alone: it sets the level of the care allowance.",
        ),
    ),
    (
        T::new("价格临时补贴", "Price subsidy"),
        T::new(
            "物价涨得多的月份，给低保、特困等困难群众另发的补贴；不用申请，由民政部门按月发放。",
            "Extra money in months when prices rise enough, for people on dibao, tekun and similar support; nobody needs to apply, the civil-affairs office pays it.",
        ),
    ),
    (
        T::new("临时救助", "Temporary assistance"),
        T::new(
            "遇到突发疾病、意外、灾害等急难，生活一时过不去时的救助，按情况一次性给予。",
            "Help when a sudden illness, accident or disaster leaves a household unable to get by for a while, given once as the case requires.",
        ),
    ),
];

/// The glossary.
pub fn glossary(lang: Lang) -> Html {
    let mut out = Markup::new(lang);
    out.raw("<details class=\"card glossary\" data-testid=\"glossary\"><summary>");
    out.text(i18n::GLOSSARY.get(lang));
    out.raw("</summary><dl>");
    for (term, meaning) in TERMS {
        out.el("dt", "dt", term.get(lang));
        out.el("dd", "dd", meaning.get(lang));
    }
    out.raw("</dl></details>");
    out.into_html()
}
