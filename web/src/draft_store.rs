//! Drafts: the answers kept on this device, only when the person asks ("保存草稿"), in
//! one localStorage key. Nothing else is ever stored. A draft is offered on the next
//! visit, never loaded silently; it keeps the answers as typed (the form's strings, even
//! those not valid yet) and the rules version it was saved under, so that resuming under
//! newer rules says so. Results are never stored: they are worked out again.
//!
//! Why a hand-written text format and not serde: deriving Deserialize for the form's
//! five structs cost the download about 6 KB gzip (the generated visitors are large);
//! this codec costs a fraction of that. Encoding destructures every struct without
//! `..`, so a field added to the form does not compile until it is saved here too.
//! Choices are kept by their names (the rules' serde names, `fields::Named`), never by
//! their place in a list of labels, and the family's plain facts by their paths in the
//! rules' field table (format 4; formats 1 to 3, by place, are still read).

use crate::form::{
    AgeBy, DecisionForm, FamilyForm, Form, IncomeForm, MemberForm, QuickForm, Step, SupporterForm,
    SupportersKnown,
};
use doudi_rules::fields::{self, Named};
use doudi_rules::household::Period;
use doudi_rules::{Category, Tier};
use std::collections::BTreeMap;
use std::str::FromStr;

/// The one localStorage key the site uses.
pub const KEY: &str = "doudi.draft";
/// The first line of a stored draft: its format. Another format is not read.
const FORMAT: &str = "doudi-draft/4";
/// The format before 核一核's decision: still read (it has none).
/// Choices by their place in the site's lists (formats 1 to 3): read still.
const FORMAT_3: &str = "doudi-draft/3";
const FORMAT_2: &str = "doudi-draft/2";
/// The format before the family's own incomes: still read (it has neither).
const FORMAT_1: &str = "doudi-draft/1";

/// What a draft keeps.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    /// The rules version when it was saved.
    pub rules: String,
    /// The day it was saved, "YYYY-MM-DD".
    pub saved: String,
    /// The screen it was saved on (1 to 5).
    pub screen: usize,
    pub form: Form,
    /// The one-minute check's answers, and whether it was open: kept in this tab only
    /// (session_store.rs), never in a saved draft. After the rest, so that a version
    /// that does not know them still reads the text.
    pub quick: Option<(QuickForm, bool)>,
}

impl Draft {
    pub fn new(form: &Form, step: Step, today: &str) -> Draft {
        Draft {
            rules: doudi_rules::policy::rules_version().to_string(),
            saved: today.to_string(),
            screen: step.number(),
            form: form.clone(),
            quick: None,
        }
    }

    /// The screen to resume on.
    pub fn step(&self) -> Step {
        Step::ALL
            .get(self.screen.wrapping_sub(1))
            .copied()
            .unwrap_or(Step::Place)
    }

    /// Whether it was saved under the rules in force now.
    pub fn same_rules(&self) -> bool {
        self.rules == doudi_rules::policy::rules_version()
    }

    /// The stored text: one value a line.
    pub fn encode(&self) -> String {
        let mut out = Writer(String::new());
        out.put(FORMAT);
        out.put(&self.rules);
        out.put(&self.saved);
        out.num(self.screen);
        let Form {
            county,
            category,
            date,
            tier,
            cpi_rise,
            food_cpi_rise,
            overrides,
            members,
            family,
            next_id,
            decision,
        } = &self.form;
        out.put(county);
        out.put(if *category == Category::Rural {
            "r"
        } else {
            "u"
        });
        out.put(date);
        out.put(tier.map(Tier::letter).unwrap_or(""));
        out.put(cpi_rise);
        out.put(food_cpi_rise);
        out.num(overrides.len());
        for (id, value) in overrides {
            out.put(id);
            out.put(value);
        }
        out.num(members.len());
        for member in members {
            out.member(member);
        }
        let FamilyForm {
            property,
            poverty_alleviated,
            marginal,
            on_dibao,
            current_dibao,
            incomes,
            facts,
        } = family;
        out.tri(*property);
        out.flag(*poverty_alleviated);
        out.flag(*marginal);
        out.flag(*on_dibao);
        out.put(current_dibao);
        out.incomes(incomes);
        // The plain facts by their path (the rules' field table's name for them).
        out.num(facts.len());
        for (path, value) in facts {
            out.put(path);
            out.put(value);
        }
        out.num(*next_id as usize);
        let DecisionForm {
            programme,
            member,
            monthly,
            rural_tier,
            care_tier,
            reason,
            date,
        } = decision;
        for value in [
            programme, member, monthly, rural_tier, care_tier, reason, date,
        ] {
            out.put(value);
        }
        if let Some((quick, shown)) = &self.quick {
            let QuickForm {
                people,
                income,
                anyone,
                on_dibao,
                spending,
            } = quick;
            out.put(QUICK);
            out.put(people);
            out.put(income);
            for value in [
                anyone.aged_70_plus,
                anyone.under_18,
                anyone.severely_disabled,
                anyone.seriously_ill,
                *on_dibao,
                spending.illness,
                spending.schooling,
                *shown,
            ] {
                out.flag(value);
            }
        }
        out.0
    }

    /// A stored draft, or None when the text is not one this version can read.
    pub fn decode(text: &str) -> Option<Draft> {
        let mut cells = Reader {
            cells: text.split('\n'),
            by_name: false,
        };
        let format = cells.text()?;
        if ![FORMAT, FORMAT_3, FORMAT_2, FORMAT_1].contains(&format.as_str()) {
            return None;
        }
        // Choices are kept by name since format 4, by their place in a list before.
        cells.by_name = format == FORMAT;
        let rules = cells.text()?;
        let saved = cells.text()?;
        let screen = cells.num()?;
        let mut form = Form::new(&saved);
        form.county = cells.text()?;
        form.category = if cells.cell()? == "r" {
            Category::Rural
        } else {
            Category::Urban
        };
        form.date = cells.text()?;
        let tier = cells.cell()?;
        form.tier = Tier::ALL.into_iter().find(|known| known.letter() == tier);
        form.cpi_rise = cells.text()?;
        form.food_cpi_rise = cells.text()?;
        for _ in 0..cells.num::<usize>()? {
            let id = cells.text()?;
            form.overrides.insert(id, cells.text()?);
        }
        form.members.clear();
        for _ in 0..cells.num::<usize>()? {
            form.members.push(cells.member()?);
        }
        // The form always has its applicant.
        if form.members.is_empty() {
            return None;
        }
        form.family = FamilyForm {
            property: cells.tri()?,
            poverty_alleviated: cells.flag()?,
            marginal: cells.flag()?,
            on_dibao: cells.flag()?,
            current_dibao: cells.text()?,
            incomes: if format != FORMAT_1 {
                cells.incomes()?
            } else {
                Vec::new()
            },
            facts: if format == FORMAT {
                cells.facts()?
            } else {
                Default::default()
            },
        };
        form.next_id = cells.num()?;
        if format == FORMAT || format == FORMAT_3 {
            form.decision = DecisionForm {
                programme: cells.text()?,
                member: cells.text()?,
                monthly: cells.text()?,
                rural_tier: cells.text()?,
                care_tier: cells.text()?,
                reason: cells.text()?,
                date: cells.text()?,
            };
        }
        let quick = match cells.cell() {
            Some(QUICK) => Some(cells.quick()?),
            _ => None,
        };
        Some(Draft {
            rules,
            saved,
            screen,
            form,
            quick,
        })
    }
}

/// The line before the one-minute check's answers.
const QUICK: &str = "quick";

struct Writer(String);

impl Writer {
    /// One value; a line break typed into it becomes a space.
    fn put(&mut self, value: &str) {
        self.0.extend(
            value
                .chars()
                .map(|c| if c == '\n' || c == '\r' { ' ' } else { c }),
        );
        self.0.push('\n');
    }

    fn num(&mut self, value: usize) {
        self.put(&value.to_string());
    }

    fn flag(&mut self, value: bool) {
        self.put(if value { "1" } else { "" });
    }

    fn tri(&mut self, value: Option<bool>) {
        self.put(match value {
            Some(true) => "y",
            Some(false) => "n",
            None => "",
        });
    }

    /// A choice, by its name (the rules' serde name: "grandparent", "in_prison").
    fn pick<T: Named>(&mut self, value: T) {
        self.put(value.name());
    }

    fn incomes(&mut self, incomes: &[IncomeForm]) {
        self.num(incomes.len());
        for IncomeForm {
            id,
            kind,
            amount,
            per,
        } in incomes
        {
            self.num(*id as usize);
            self.pick(*kind);
            self.put(amount);
            self.flag(*per == Period::Year);
        }
    }

    fn member(&mut self, member: &MemberForm) {
        let MemberForm {
            id,
            name,
            age_by,
            age,
            birth_date,
            relation,
            incomes,
            disability,
            disability_grade,
            serious_illness,
            student,
            tekun,
            self_care,
            supporters_known,
            supporters,
            own_property,
            employment_costs,
        } = member;
        self.num(*id as usize);
        self.put(name);
        self.flag(*age_by == AgeBy::BirthDate);
        self.put(age);
        self.put(birth_date);
        self.pick(*relation);
        self.incomes(incomes);
        match disability {
            Some(kind) => self.pick(*kind),
            None => self.put(""),
        }
        // Empty while not chosen (drafts of earlier versions always hold a number).
        match disability_grade {
            Some(grade) => self.num(usize::from(*grade)),
            None => self.put(""),
        }
        self.put(serious_illness);
        self.pick(*student);
        self.flag(*tekun);
        let care: String = self_care
            .map(|items| {
                items
                    .iter()
                    .map(|can| if *can { '1' } else { '0' })
                    .collect()
            })
            .unwrap_or_default();
        self.put(&care);
        self.put(match supporters_known {
            SupportersKnown::NotSure => "",
            SupportersKnown::None => "none",
            SupportersKnown::Some => "some",
        });
        self.num(supporters.len());
        for SupporterForm {
            id,
            name,
            situation,
        } in supporters
        {
            self.num(*id as usize);
            self.put(name);
            self.pick(*situation);
        }
        self.tri(*own_property);
        self.put(employment_costs);
    }
}

struct Reader<'a> {
    cells: std::str::Split<'a, char>,
    /// Choices by name (format 4 on), else by their place in the rules' list of them.
    by_name: bool,
}

impl<'a> Reader<'a> {
    fn cell(&mut self) -> Option<&'a str> {
        self.cells.next()
    }

    fn text(&mut self) -> Option<String> {
        self.cell().map(str::to_string)
    }

    fn num<N: FromStr>(&mut self) -> Option<N> {
        self.cell()?.parse().ok()
    }

    fn flag(&mut self) -> Option<bool> {
        Some(self.cell()? == "1")
    }

    /// The one-minute check's answers and whether it was open (`Draft::encode`).
    fn quick(&mut self) -> Option<(QuickForm, bool)> {
        let mut quick = QuickForm {
            people: self.text()?,
            income: self.text()?,
            ..QuickForm::default()
        };
        quick.anyone.aged_70_plus = self.flag()?;
        quick.anyone.under_18 = self.flag()?;
        quick.anyone.severely_disabled = self.flag()?;
        quick.anyone.seriously_ill = self.flag()?;
        quick.on_dibao = self.flag()?;
        quick.spending.illness = self.flag()?;
        quick.spending.schooling = self.flag()?;
        Some((quick, self.flag()?))
    }

    fn tri(&mut self) -> Option<Option<bool>> {
        Some(match self.cell()? {
            "y" => Some(true),
            "n" => Some(false),
            _ => None,
        })
    }

    fn pick<T: Named>(&mut self) -> Option<T> {
        let cell = self.cell()?;
        self.chosen(cell)
    }

    /// A choice, or none (an empty line).
    fn pick_or_none<T: Named>(&mut self) -> Option<Option<T>> {
        match self.cell()? {
            "" => Some(None),
            cell => self.chosen(cell).map(Some),
        }
    }

    fn chosen<T: Named>(&self, cell: &str) -> Option<T> {
        if self.by_name {
            T::from_name(cell)
        } else {
            T::ALL.get(cell.parse::<usize>().ok()?).copied()
        }
    }

    /// The plain facts, by path; a path this version does not ask is left out.
    fn facts(&mut self) -> Option<BTreeMap<String, String>> {
        let mut facts = BTreeMap::new();
        for _ in 0..self.num::<usize>()? {
            let path = self.cell()?;
            let value = self.text()?;
            // The paths alone (fields::ABOUT), so that reading a draft links no reader.
            if let Some(fact) = fields::of_path(path).filter(|fact| fact.plain && fact.path == path)
            {
                facts.insert(fact.path.to_string(), value);
            }
        }
        Some(facts)
    }

    fn incomes(&mut self) -> Option<Vec<IncomeForm>> {
        let mut incomes = Vec::new();
        for _ in 0..self.num::<usize>()? {
            incomes.push(IncomeForm {
                id: self.num()?,
                kind: self.pick()?,
                amount: self.text()?,
                per: if self.flag()? {
                    Period::Year
                } else {
                    Period::Month
                },
            });
        }
        Some(incomes)
    }

    fn member(&mut self) -> Option<MemberForm> {
        let mut member = MemberForm::new(self.num()?, Default::default());
        member.name = self.text()?;
        member.age_by = if self.flag()? {
            AgeBy::BirthDate
        } else {
            AgeBy::Years
        };
        member.age = self.text()?;
        member.birth_date = self.text()?;
        member.relation = self.pick()?;
        member.incomes = self.incomes()?;
        member.disability = self.pick_or_none()?;
        member.disability_grade = match self.cell()? {
            "" => None,
            grade => Some(grade.parse().ok()?),
        };
        member.serious_illness = self.text()?;
        member.student = self.pick()?;
        member.tekun = self.flag()?;
        member.self_care = match self.cell()? {
            "" => None,
            items => {
                let mut care = [true; 6];
                if items.len() != care.len() {
                    return None;
                }
                for (slot, item) in care.iter_mut().zip(items.bytes()) {
                    *slot = item == b'1';
                }
                Some(care)
            }
        };
        member.supporters_known = match self.cell()? {
            "none" => SupportersKnown::None,
            "some" => SupportersKnown::Some,
            _ => SupportersKnown::NotSure,
        };
        for _ in 0..self.num::<usize>()? {
            member.supporters.push(SupporterForm {
                id: self.num()?,
                name: self.text()?,
                situation: self.pick()?,
            });
        }
        member.own_property = self.tri()?;
        member.employment_costs = self.text()?;
        Some(member)
    }
}

pub use imp::{load, remove, save};

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::{Draft, KEY};

    fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok()?
    }

    /// Stores the draft; false when the browser refuses (storage off, full, private mode).
    pub fn save(draft: &Draft) -> bool {
        storage().is_some_and(|storage| storage.set_item(KEY, &draft.encode()).is_ok())
    }

    /// The stored draft, if there is one this version of the site can read.
    pub fn load() -> Option<Draft> {
        Draft::decode(&storage()?.get_item(KEY).ok()??)
    }

    pub fn remove() {
        if let Some(storage) = storage() {
            let _ = storage.remove_item(KEY);
        }
    }
}

/// Outside a browser (native builds and tests): nothing is stored.
#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::Draft;

    pub fn save(_draft: &Draft) -> bool {
        false
    }
    pub fn load() -> Option<Draft> {
        None
    }
    pub fn remove() {}
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form;
    use doudi_rules::household::SupporterSituation;
    use doudi_rules::household::{DisabilityKind, IncomeKind, Relation, Student};

    fn round_trip(form: &Form, step: Step) -> Draft {
        let draft = Draft::new(form, step, "2026-11-29");
        let back = Draft::decode(&draft.encode()).expect("a draft reads back");
        assert_eq!(back, draft);
        back
    }

    #[test]
    fn every_example_survives_a_draft() {
        for example in crate::examples::ALL.iter() {
            let household = serde_json::from_str(example.json()).unwrap();
            round_trip(&form::from_household(&household), Step::Summary);
        }
    }

    #[test]
    fn a_draft_keeps_every_answer_as_typed() {
        let mut answers = Form::new("2026-11-29");
        answers.county = "lueyang".into();
        answers.category = Category::Rural;
        answers.tier = Some(Tier::C);
        answers.cpi_rise = "0.8".into();
        answers.food_cpi_rise = "1,5x".into();
        answers
            .overrides
            .insert("gradual_exit.months".into(), "6".into());
        let mut member = MemberForm::new(7, Relation::Grandparent);
        member.name = "奶奶\n第二行".into();
        member.age_by = AgeBy::BirthDate;
        member.age = "4O".into();
        member.birth_date = "1950-02-30".into();
        member.incomes.push(IncomeForm {
            id: 8,
            kind: IncomeKind::Excluded,
            amount: "-5".into(),
            per: Period::Year,
        });
        member.disability = Some(DisabilityKind::Multiple);
        member.disability_grade = Some(2);
        member.serious_illness = "尿毒症".into();
        member.student = Student::Higher;
        member.tekun = true;
        member.self_care = Some([true, false, true, true, false, true]);
        member.supporters_known = SupportersKnown::Some;
        member.supporters.push(SupporterForm {
            id: 9,
            name: "".into(),
            situation: SupporterSituation::Missing,
        });
        member.own_property = Some(false);
        member.employment_costs = "100".into();
        answers.members.push(member);
        answers.family = FamilyForm {
            property: Some(true),
            poverty_alleviated: true,
            marginal: true,
            on_dibao: true,
            current_dibao: "abc".into(),
            incomes: vec![IncomeForm {
                id: 10,
                kind: IncomeKind::Business,
                amount: "9600".into(),
                per: Period::Year,
            }],
            facts: [(
                "family.rigid_spending_monthly".to_string(),
                "１２００元".to_string(),
            )]
            .into(),
        };
        answers.next_id = 11;
        answers.decision = DecisionForm {
            programme: "tekun".into(),
            member: "7".into(),
            monthly: "１１０５元".into(),
            rural_tier: "".into(),
            care_tier: "self_care".into(),
            reason: "other".into(),
            date: "2025-06-3１".into(),
        };
        let draft = Draft::new(&answers, Step::Situations, "2026-11-29");
        let back = Draft::decode(&draft.encode()).expect("a draft reads back");
        // A line break typed into a name is the only change: it becomes a space.
        assert_eq!(back.form.members[1].name, "奶奶 第二行");
        let mut expected = draft.clone();
        expected.form.members[1].name = "奶奶 第二行".into();
        assert_eq!(back, expected);
        assert_eq!(back.step(), Step::Situations);
        assert!(back.same_rules());
    }

    /// A draft of `answers` (a new form with its current dibao at 500, so that the family's
    /// lines can be found) as format 3 wrote it: choices by their place in the rules'
    /// lists, no plain facts.
    fn format_3(answers: &Form, step: Step) -> String {
        assert_eq!(answers.family.current_dibao, "500");
        assert!(answers.family.facts.is_empty());
        let mut text = Draft::new(answers, step, "2026-11-29")
            .encode()
            .replacen(FORMAT, FORMAT_3, 1)
            // The family's incomes (none), then its facts (none): format 3 has no facts.
            .replacen("\n500\n0\n0\n", "\n500\n0\n", 1);
        for member in &answers.members {
            let (relation, student) = (member.relation, member.student);
            let place = |name: &str, at: usize| (format!("\n{name}\n"), format!("\n{at}\n"));
            for (named, placed) in [
                place(
                    relation.name(),
                    Relation::ALL.iter().position(|r| *r == relation).unwrap(),
                ),
                place(
                    student.name(),
                    Student::ALL.iter().position(|s| *s == student).unwrap(),
                ),
            ] {
                text = text.replacen(&named, &placed, 1);
            }
        }
        text
    }

    #[test]
    fn a_draft_of_format_3_reads_its_choices_by_their_place() {
        let mut answers = Form::new("2026-11-29");
        answers.family.current_dibao = "500".into();
        answers.members[0].relation = Relation::Grandparent;
        answers.members[0].student = Student::SeniorHigh;
        let old = format_3(&answers, Step::Situations);
        assert!(
            old.contains("\n5\n") && !old.contains("grandparent"),
            "{old}"
        );
        let back = Draft::decode(&old).expect("a format-3 draft reads");
        assert_eq!(back.form, answers);
    }

    #[test]
    fn a_draft_of_the_format_before_the_family_incomes_is_still_read() {
        let mut answers = Form::new("2026-11-29");
        answers.family.current_dibao = "500".into();
        // Format 1 ended the family with its current dibao, then the next id.
        let old = format_3(&answers, Step::Situations)
            .replacen(FORMAT_3, FORMAT_1, 1)
            .replace("\n500\n0\n", "\n500\n");
        let back = Draft::decode(&old).expect("a format-1 draft reads");
        assert_eq!(back.form, answers);
    }

    #[test]
    fn a_draft_of_the_format_before_the_decision_is_still_read() {
        let mut answers = Form::new("2026-11-29");
        answers.family.current_dibao = "500".into();
        // Format 2 ended with the next id: the decision's seven (empty) lines are new.
        let old = format_3(&answers, Step::Result)
            .replacen(FORMAT_3, FORMAT_2, 1)
            .strip_suffix("\n\n\n\n\n\n\n")
            .expect("an empty decision is seven empty lines")
            .to_string();
        let back = Draft::decode(&old).expect("a format-2 draft reads");
        assert_eq!(back.form, answers);
    }

    #[test]
    fn what_is_not_a_draft_is_not_read() {
        let text = Draft::new(&Form::new("2026-11-29"), Step::Place, "2026-11-29").encode();
        assert!(Draft::decode(&text).is_some());
        assert!(Draft::decode("").is_none());
        assert!(Draft::decode("doudi-draft/9\n").is_none());
        assert!(Draft::decode(&text[..text.len() / 2]).is_none());
        assert!(Draft::decode(&text.replace("\n1\n", "\n99\n")).is_none());
    }

    #[test]
    fn a_draft_from_other_rules_is_told_apart() {
        let mut draft = Draft::new(&Form::new("2026-11-29"), Step::Result, "2026-11-29");
        assert_eq!(draft.step(), Step::Result);
        draft.rules = "0.0.9+0badc0de".into();
        assert!(!draft.same_rules());
        draft.screen = 0;
        assert_eq!(draft.step(), Step::Place);
    }
}
