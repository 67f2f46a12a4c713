//! Plain answers to the questions people ask about social assistance (issue 14): fixed
//! text, written once in both languages, never generated, each with the clauses it rests
//! on (policies/clauses.toml) and how sure it is. Where Hanzhong's own figure was not
//! found the answer says so and points to the result, which marks the figure the
//! calculator assumes; no figure is written here, so none can disagree with policies/.
//! The site shows them beside the questions they explain and at the foot of the result;
//! `doudi answers` prints them.

use crate::policy::{clause, Basis, Clause};

/// One question and its answer.
#[derive(Debug)]
pub struct Answer {
    /// A stable name ("family"), for the site's ids (`answer-family`) and tests.
    pub id: &'static str,
    pub question_zh: &'static str,
    pub question_en: &'static str,
    pub answer_zh: &'static str,
    pub answer_en: &'static str,
    /// The clauses it rests on.
    pub clauses: &'static [&'static Clause],
    /// How sure the answer is: the weakest of its clauses and of our own reading (an
    /// answer that quotes a text we read only in reposts, or that says what we did not
    /// find, is `Inferred`).
    pub basis: Basis,
}

/// Every answer, in the order a family meets the questions.
pub static ALL: [Answer; 8] = [
    Answer {
        id: "family",
        question_zh: "哪些人算家庭成员？",
        question_en: "Who counts as family?",
        answer_zh: "算的是共同生活的家庭成员：配偶；未成年子女；已成年但不能独立生活的子女（比如在校读全日制本科及以下的）；其他有法定赡养、抚养、扶养义务、并长期一起居住的人。户口在一起但不一起生活的，一般不算；是否一起生活，由镇（街道）核实。家里被认定为特困人员的成员单独供养，不算在低保家庭里。",
        answer_en: "The family members living together count: a spouse; children under 18; adult children who cannot live independently (for example, in full-time education up to a first degree); and others with a legal duty of support who have long lived with you. Someone registered at the same address who does not live with you usually does not count; the township (street) office checks who lives together. A member found to be a tekun person is supported on their own and is not counted in the dibao household.",
        clauses: &[&clause::INCOME_PER_PERSON, &clause::TEKUN_OUTSIDE_HOUSEHOLD],
        basis: Basis::Inferred,
    },
    Answer {
        id: "income",
        question_zh: "哪些收入要算进去？算谁的？",
        question_en: "Which income is counted, and whose?",
        answer_zh: "算共同生活家庭成员的可支配收入：工资、经营净收入、财产净收入和转移性收入，扣除个人所得税和个人缴纳的养老、医疗保险，一般按申请前 12 个月平均到每月。不算的有：城乡居民基本养老保险的基础养老金；优待抚恤金；计划生育奖励扶助；奖学金、见义勇为奖励；政府发的社会救助款物等。有工作的低保对象，算工资时可以扣除必要的就业成本。不住在一起的子女给的赡养费，按实际收到的算。",
        answer_en: "The disposable income of the family members living together: wages, net business income, net property income and transfers, after income tax and their own pension and medical insurance contributions, usually averaged per month over the 12 months before applying. Not counted: the basic pension of the residents' basic pension insurance; special care and pension payments to entitled groups; family-planning rewards; scholarships and awards for brave deeds; social-assistance money and goods from the government, and others. For a dibao recipient who takes a job, necessary employment costs may be deducted from the wages. Support paid by children living elsewhere counts as actually received.",
        clauses: &[&clause::INCOME_EXCLUSION, &clause::INCOME_PER_PERSON],
        basis: Basis::Inferred,
    },
    Answer {
        id: "property",
        question_zh: "家里有存款、房子或车，还能申请吗？",
        question_en: "Can we apply if we have savings, a home or a car?",
        answer_zh: "低保和特困都要求家庭财产符合当地规定。汉中现行的财产限额（存款、房产、车辆）我们没有找到公开文件，所以本计算器只问“财产是否符合当地规定”，不替您判断。申请后，经您书面授权，民政部门会核对存款、房产、车辆、社保等；请如实说明，不确定的可以先问镇（街道）或拨打 12345。",
        answer_en: "Dibao and tekun both require the family's property to meet the local rules. We did not find Hanzhong's current property limits (savings, homes, vehicles) published, so the calculator only asks whether the property meets the local rules and does not judge it for you. After you apply, and with your written authorisation, the civil affairs office checks savings, homes, vehicles and social insurance; state them truthfully, and if unsure ask the township (street) office or call 12345.",
        clauses: &[&clause::ANSWERS_PROPERTY],
        basis: Basis::Inferred,
    },
    Answer {
        id: "supporters",
        question_zh: "成年子女有能力赡养，老人还能评特困吗？",
        question_en: "Can an older person be a tekun person if an adult child could support them?",
        answer_zh: "特困要求没有法定赡养、抚养、扶养义务人，或者义务人没有赡养能力。义务人算没有能力的情形有：本人是特困人员；是 60 岁以上的低保对象；70 岁以上、收入低于当地上年人均可支配收入且财产符合规定；重度残疾（或三级智力、精神残疾）且收入、财产同样符合；无民事行为能力、失踪或在监狱服刑。子女有能力赡养的，老人一般不能评特困，但可以按家庭情况申请低保等救助。",
        answer_en: "Tekun requires that there is no legal supporter, or that the supporters cannot support. A supporter counts as unable when they are a tekun person; a dibao recipient aged 60 or over; aged 70 or over with income below the local per-capita disposable income of the previous year and property within the rules; severely disabled (or with a grade-3 intellectual or mental disability) with the same income and property tests; or without civil capacity, missing, or in prison. Where a child is able to support, the older person usually cannot be a tekun person, but the family may apply for dibao or other assistance.",
        clauses: &[&clause::TEKUN_RULES],
        basis: Basis::Published,
    },
    Answer {
        id: "single_person",
        question_zh: "什么是“单人户”低保？",
        question_en: "What is single-person dibao?",
        answer_zh: "家庭整体不符合低保，但家里有重度残疾人（持证的一、二级残疾，或三级智力、精神残疾）或重病患者（患有国家农村贫困人口大病专项救治目录中的疾病）的，脱贫家庭或低保边缘家庭中的这位成员可以单独作为一人纳入低保。",
        answer_en: "Where the family as a whole does not qualify for dibao, a severely disabled member (a certificate of grade 1 or 2, or grade 3 intellectual or mental disability) or a seriously ill member (a disease in the national list for rural poor serious-disease treatment) of a family lifted out of poverty or of a marginal family may be covered by dibao alone, as a household of one.",
        clauses: &[&clause::SINGLE_PERSON],
        basis: Basis::Published,
    },
    Answer {
        id: "gradual_exit",
        question_zh: "收入提高了，低保会马上停吗？渐退帮扶有多久？",
        question_en: "If our income rises, does dibao stop at once? How long does gradual exit last?",
        answer_zh: "家庭人均收入超过低保标准的，按规定落实渐退帮扶，鼓励就业；渐退期结束后仍不符合条件的，退出低保。汉中渐退的期限和金额我们没有找到公开规定：本计算器按一个假设的期限和金额计算，结果里标为“假设”，以当地民政部门为准。",
        answer_en: "Where the family's per-person income rises above the dibao standard, the gradual-exit policy applies and work is encouraged; when the period ends, a family still not eligible leaves dibao. We did not find Hanzhong's period or amount published: the calculator uses an assumed period and amount, marked “assumed” in the result; the local civil affairs office decides.",
        clauses: &[&clause::GRADUAL_EXIT],
        basis: Basis::Published,
    },
    Answer {
        id: "care_tier",
        question_zh: "特困人员的护理等级怎么评？",
        question_en: "How is a tekun person's care tier assessed?",
        answer_zh: "按六项生活自理能力评估：自己吃饭、穿衣、上下床、上厕所、在室内走动、洗澡。六项都能做到是全自理；有一到三项做不到是半护理；四项或以上做不到是全护理。三个等级的照料护理标准分别不低于当地最低工资标准的 10%、15% 和 25%。",
        answer_en: "By six self-care items: eating, dressing, getting in and out of bed, using the toilet, walking indoors and bathing, each on one's own. All six met is fully self-caring; one to three not met is partial care; four or more not met is full care. The care standard for the three tiers is at least 10 %, 15 % and 25 % of the local minimum wage.",
        clauses: &[&clause::TEKUN_SELF_CARE, &clause::TEKUN_CARE],
        basis: Basis::Published,
    },
    Answer {
        id: "rights",
        question_zh: "低保被减发或停发了，我们有什么权利？",
        question_en: "Dibao was reduced or stopped: what rights do we have?",
        answer_zh: "不予确认、减发或停发，应当书面告知并说明理由；可以问清算了哪些人、计入了哪些收入和财产。因为收入超过标准而停发的，可以问是否按规定落实了渐退帮扶。对决定不服的，可以依法申请行政复议或者提起行政诉讼，都有期限，请尽早咨询。也可以拨打 12345 政务服务热线。结果页的“核一核”可以把通知上的数和规则算的数对照。",
        answer_en: "A refusal, a reduction or a stop is told in writing, with the reasons; you can ask whom the office counted and which income and property. Where dibao stopped because income rose above the standard, ask whether gradual exit was applied. If you object to the decision, you can apply for administrative reconsideration or bring an administrative suit, as the law provides; both have time limits, so ask soon. You can also call the 12345 hotline. “Check a decision” on the result screen compares the notice's figure with the rules'.",
        clauses: &[&clause::CHECK_REASONS, &clause::CHECK_REVIEW, &clause::GRADUAL_EXIT],
        basis: Basis::Inferred,
    },
];

/// The answers that explain a programme's outcome, for its "why".
pub fn for_programme(programme: crate::Programme) -> &'static [&'static str] {
    use crate::Programme;
    match programme {
        Programme::Dibao => &["family", "income", "property"],
        Programme::SinglePerson => &["single_person"],
        Programme::GradualExit => &["gradual_exit", "rights"],
        Programme::MarginalFamily => &["income", "property"],
        Programme::Tekun => &["supporters", "care_tier"],
        Programme::PriceSubsidy | Programme::TemporaryAssistance => &[],
    }
}

/// The answer of this id.
pub fn find(id: &str) -> Option<&'static Answer> {
    ALL.iter().find(|answer| answer.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rank(basis: Basis) -> u8 {
        match basis {
            Basis::Published => 0,
            Basis::Inferred => 1,
            Basis::Assumed => 2,
            Basis::Override => 3,
            Basis::Reform => 4,
        }
    }

    #[test]
    fn every_answer_has_both_languages_a_clause_and_no_stronger_basis_than_its_clauses() {
        let mut ids = std::collections::BTreeSet::new();
        for answer in &ALL {
            assert!(ids.insert(answer.id), "{} twice", answer.id);
            for text in [
                answer.question_zh,
                answer.question_en,
                answer.answer_zh,
                answer.answer_en,
            ] {
                assert!(!text.trim().is_empty(), "{}: an empty text", answer.id);
            }
            assert!(!answer.clauses.is_empty(), "{}: no clause", answer.id);
            for clause in answer.clauses {
                let weakest = Basis::from(clause.status);
                assert!(
                    rank(answer.basis) >= rank(weakest),
                    "{}: shown as {:?}, but {} is {:?}",
                    answer.id,
                    answer.basis,
                    clause.id,
                    clause.status
                );
            }
            assert_eq!(find(answer.id).map(|found| found.id), Some(answer.id));
        }
        use crate::Programme;
        for programme in Programme::ALL {
            for id in for_programme(programme) {
                assert!(find(id).is_some(), "{programme:?} names no answer {id}");
            }
        }
    }
}
