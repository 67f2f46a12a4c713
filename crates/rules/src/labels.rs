//! The one table of labels, in Chinese and English, for what an assessment reports:
//! programmes, statuses, bases, criterion states and kinds of payment. The CLI, the site, the print
//! sheet and the caseload output all read them here, so their words cannot drift apart.

use crate::outcome::{Payment, Programme, State, Status};
use crate::policy::Basis;

/// A short label in Chinese and English.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Label {
    pub zh: &'static str,
    pub en: &'static str,
}

impl Label {
    pub const fn new(zh: &'static str, en: &'static str) -> Label {
        Label { zh, en }
    }
}

/// What an outcome's status is called.
pub fn status(status: Status) -> Label {
    match status {
        Status::Eligible => Label::new("可能符合", "Likely to qualify"),
        Status::NotEligible => Label::new("暂不符合", "Does not qualify for now"),
        Status::NeedsMoreInformation => Label::new("还需要补充信息", "More information needed"),
    }
}

/// What a figure's basis is called.
pub fn basis(basis: Basis) -> Label {
    match basis {
        Basis::Published => Label::new("已公布", "published"),
        Basis::Inferred => Label::new("推断", "inferred"),
        Basis::Assumed => Label::new("假设", "assumed"),
        Basis::Override => Label::new("经办人调整", "caseworker override"),
        Basis::Reform => Label::new("改革方案", "reform scenario"),
    }
}

/// What a criterion's state is called.
pub fn criterion_state(state: State) -> Label {
    match state {
        State::Met => Label::new("符合", "met"),
        State::NotMet => Label::new("不符合", "not met"),
        State::Unknown => Label::new("待确认", "to confirm"),
    }
}

/// How an outcome's money comes.
pub fn payment(payment: Payment) -> Label {
    match payment {
        Payment::Monthly => Label::new("每月发放", "paid every month"),
        Payment::TimeLimited => Label::new("限期发放", "paid for a limited period"),
        Payment::Conditional => Label::new(
            "物价涨幅达到启动条件的月份才发",
            "paid only in months when the price trigger is met",
        ),
        Payment::NoCash => Label::new("不发现金", "no cash of its own"),
    }
}

/// The headline of the monthly total, and of the money shown apart from it: the same
/// words in the CLI's explanation, the site's result card, the print sheet and the
/// chart's axis.
pub const PAID_EVERY_MONTH: Label = Label::new("每月按月可得", "Paid every month");
pub const TIME_LIMITED: Label = Label::new(
    "限期发放（不计入每月合计）",
    "For a limited period (not in the monthly figure)",
);
pub const CONDITIONAL: Label = Label::new(
    "有条件发放（不计入每月合计）",
    "Only in some months (not in the monthly figure)",
);

/// What is said of an outcome that is not added because another route is used instead.
pub const ALTERNATIVE: Label = Label::new("可选方案，未计入合计", "An alternative, not added");

/// The words before the one-line make-up of the monthly total.
pub const MADE_UP_OF: Label = Label::new("其中", "Made up of");

/// What a programme is called in the make-up of the total, where the line is short.
pub fn programme_short(programme: Programme) -> Label {
    match programme {
        Programme::Dibao => Label::new("低保", "dibao"),
        Programme::SinglePerson => Label::new("单人户低保", "single-person dibao"),
        Programme::GradualExit => Label::new("渐退帮扶", "gradual exit"),
        Programme::MarginalFamily => Label::new("低保边缘家庭", "marginal family"),
        Programme::Tekun => Label::new("特困供养", "tekun support"),
        Programme::PriceSubsidy => Label::new("价格临时补贴", "price subsidy"),
        Programme::TemporaryAssistance => Label::new("临时救助", "temporary assistance"),
    }
}

/// What a programme is called (an outcome's title).
pub fn programme(programme: Programme) -> Label {
    match programme {
        Programme::Dibao => Label::new("最低生活保障（低保）", "Minimum living guarantee (dibao)"),
        Programme::SinglePerson => Label::new(
            "单人户低保（重残、重病成员单独纳入）",
            "Single-person dibao (a severely disabled or seriously ill member covered alone)",
        ),
        Programme::GradualExit => Label::new("渐退帮扶", "Gradual exit from dibao"),
        Programme::MarginalFamily => Label::new("低保边缘家庭", "Low-income marginal family"),
        Programme::Tekun => Label::new(
            "特困人员救助供养",
            "Support for specially impoverished persons (tekun)",
        ),
        Programme::PriceSubsidy => Label::new("价格临时补贴", "Price-linked temporary subsidy"),
        Programme::TemporaryAssistance => Label::new("临时救助", "Temporary assistance"),
    }
}

/// The headings of a decision checked against the rules (核一核), in the CLI and on the
/// site.
pub mod check {
    use super::Label;
    use crate::check::{Decided, DecidedCare, Reason, Verdict};

    pub const TITLE: Label = Label::new("核一核", "Check a decision");
    pub const NOTICE: Label = Label::new("通知上", "The notice");
    pub const RULES: Label = Label::new("按规则", "The rules");
    pub const DATE: Label = Label::new("按哪天的标准", "Standards in force on");
    pub const MORE_NEEDED: Label = Label::new("还需要补充情况", "more answers needed");
    pub const WOULD_GIVE: Label = Label::new(
        "哪些情况会得出通知上的数",
        "What would give the notice's figure",
    );
    pub const LEFT_OUT: Label = Label::new("通知可能没有提到的", "What the notice may leave out");
    pub const WHAT_TO_DO: Label = Label::new("可以怎么做", "What you can do");

    /// The programme a decision is about.
    pub fn decided(decided: Decided) -> Label {
        super::programme_short(decided.programme())
    }

    /// A care tier as a notice names it.
    pub fn care(care: DecidedCare) -> Label {
        match care {
            DecidedCare::SelfCare => Label::new("全自理", "fully self-caring"),
            DecidedCare::Partial => Label::new("半护理", "partial care"),
            DecidedCare::Full => Label::new("全护理", "full care"),
        }
    }

    /// A reason as a notice gives it.
    pub fn reason(reason: Reason) -> Label {
        match reason {
            Reason::IncomeAboveLine => Label::new(
                "家庭人均收入超过低保标准",
                "income above the dibao standard",
            ),
            Reason::Property => Label::new("家庭财产不符合规定", "property over the limits"),
            Reason::Supporters => Label::new(
                "有赡养、抚养、扶养能力的义务人",
                "a legal supporter able to support",
            ),
            Reason::HouseholdMembers => Label::new("家庭成员的认定", "who counts as family"),
            Reason::Other => Label::new("其他理由", "another reason"),
        }
    }

    /// What the check found.
    pub fn verdict(verdict: Verdict) -> Label {
        match verdict {
            Verdict::Agrees => Label::new("一致", "The same"),
            Verdict::Differs => Label::new("不同", "Different"),
            Verdict::CannotTell => Label::new("还不能核对", "Cannot tell yet"),
        }
    }
}

/// The headings of the one-minute check (一分钟初步判断), in the CLI and on the site.
pub mod quick {
    use super::Label;
    use crate::quick::Likely;

    pub const TITLE: Label = Label::new("一分钟初步判断", "A first answer in one minute");
    pub const MONTHLY: Label = Label::new("每月合计", "Every month in all");
    pub const ASSUMED: Label = Label::new("这样估算的", "How this is estimated");
    pub const HEAVY_SPENDING: Label = Label::new("花费大的时候", "When spending is heavy");
    pub const MORE: Label = Label::new("算得更准", "Get a closer answer");
    pub const WHAT_DEPENDS: Label = Label::new("还要看", "It depends on");

    /// A programme's first answer. Each has words: none is told by colour alone.
    pub fn likely(likely: Likely) -> Label {
        match likely {
            Likely::May => Label::new("可能符合", "May qualify"),
            Likely::NeedsMore => Label::new("需要补充", "More answers needed"),
            Likely::Unlikely => Label::new("暂不符合", "Not for now"),
        }
    }
}
