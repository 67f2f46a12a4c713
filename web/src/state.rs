//! The app's state and its one pure reducer: every change of the answers, the screen,
//! the language and the text size goes through `State::reduce`.
//!
//! Every input sends its value as text with the `Input` it answers; the reducer reads
//! it. One kind of message for all inputs keeps the views small (each distinct callback
//! adds to the download) and puts every reading of an answer in one place.

use crate::draft_store::Draft;
use crate::form::{
    self, AgeBy, Form, IncomeForm, MemberForm, Step, SupporterForm, SupportersKnown,
};
use crate::i18n::{self, Lang};
use crate::share_link::Notice;
use doudi_rules::household::{IncomeKind, Period, Relation, SupporterSituation, MAX_INCOMES};
use doudi_rules::{Category, Tier};
use std::rc::Rc;
use yew::Reducible;

/// What the page is used for: a resident's five screens, a caseworker's one page, a
/// publicity event's kiosk, or a whole caseload.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    #[default]
    Resident,
    Caseworker,
    Publicity,
    Caseload,
}

impl Mode {
    pub const ALL: [Mode; 4] = [
        Mode::Resident,
        Mode::Caseworker,
        Mode::Publicity,
        Mode::Caseload,
    ];

    /// The name in the fragment (`#mode=caseworker`) and in `data-mode`.
    pub fn id(self) -> &'static str {
        match self {
            Mode::Resident => "resident",
            Mode::Caseworker => "caseworker",
            Mode::Publicity => "publicity",
            Mode::Caseload => "caseload",
        }
    }

    pub fn from_id(id: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|mode| mode.id() == id)
    }
}

/// How long a publicity kiosk waits without a tap or a key before it starts over.
pub const PUBLICITY_IDLE_SECONDS: u32 = 180;

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub mode: Mode,
    /// The answers: the resident's, and a caseworker's scenario A.
    pub form: Rc<Form>,
    /// Caseworker mode: scenario B, a copy of the household to change, if made.
    pub scenario_b: Option<Rc<Form>>,
    /// Caseworker mode: the answers shown and edited are scenario B's.
    pub editing_b: bool,
    /// Publicity mode: the example shown (an index into `examples::ALL`), or none for
    /// the start screen.
    pub shown_example: Option<usize>,
    /// Publicity mode: a visitor is entering their own household on the resident screens.
    pub own_household: bool,
    /// Publicity mode: seconds without a tap or a key before the page starts over.
    pub idle_seconds: u32,
    pub step: Step,
    pub lang: Lang,
    pub large_text: bool,
    /// The screens on which the person tried to go on: their "not filled in" messages show.
    pub attempted: Vec<Step>,
    /// Where "back to the result" returns after an edit from the summary or the result.
    pub return_to: Option<Step>,
    /// The date a new form starts with (today).
    pub today: String,
    /// How often Next was refused: each refusal moves focus to the first message.
    pub refusals: u32,
    /// A message about a share link, a copy or a draft (see `share_link::Notice`).
    pub notice: Option<Rc<Notice>>,
    /// A draft saved on this device, offered on start-up until taken or declined.
    pub draft: Option<Rc<Draft>>,
    /// "Clear everything" asks for a confirmation first.
    pub confirm_clear: bool,
    /// 长辈版's read-aloud found no voice for the page's language on this device (its
    /// button then says so); cleared by the next press that finds one.
    pub no_voice: bool,
    /// A field (its JSON path) to move focus to once its screen is shown: set by a link
    /// of a list of what to fix, cleared by the next action.
    pub focus_field: Option<String>,
    /// The one-minute check's answers (a resident's "一分钟初步判断" from the first
    /// screen), once it has been opened; taken into the form by "算得更准".
    pub quick: Option<Rc<crate::form::QuickForm>>,
    /// The one-minute check's screen is shown (its answers are kept when it is left).
    pub quick_shown: bool,
    /// 长辈版: the part of screen 3 shown (see `State::part`).
    pub part: usize,
    /// What the one-minute check was told of who is in which situation, shown on the
    /// members' screen after "算得更准" as a reminder (never put on a member by guess).
    pub quick_said: Option<doudi_rules::quick::Anyone>,
}

impl State {
    /// What this tab keeps of the state (session_store.rs).
    pub fn answers(&self) -> crate::session_store::Answers<'_> {
        crate::session_store::Answers {
            form: &self.form,
            step: self.step,
            quick: self.quick.as_deref(),
            quick_shown: self.quick_shown,
        }
    }

    pub fn new(today: String) -> State {
        State {
            mode: Mode::Resident,
            form: Rc::new(Form::new(&today)),
            scenario_b: None,
            editing_b: false,
            shown_example: None,
            own_household: false,
            idle_seconds: PUBLICITY_IDLE_SECONDS,
            step: Step::Place,
            lang: Lang::Zh,
            large_text: false,
            attempted: Vec::new(),
            return_to: None,
            today,
            refusals: 0,
            notice: None,
            draft: None,
            confirm_clear: false,
            no_voice: false,
            focus_field: None,
            quick: None,
            quick_shown: false,
            part: 0,
            quick_said: None,
        }
    }

    /// Whether a message about a field is shown now.
    pub fn shows(&self, error: &form::FieldError) -> bool {
        (!error.required
            || self.attempted.contains(&Step::of_field(&error.field))
            || self.step >= Step::Summary)
            && (self.step != Step::Situations || self.in_part(&error.field))
    }

    /// 长辈版 asks screen 3 one part at a time (fewer questions a screen): each member's
    /// situation, then the family's. The part shown, when it is so asked; none otherwise.
    pub fn part(&self) -> Option<usize> {
        (self.large_text && self.step == Step::Situations && self.mode == Mode::Resident)
            .then(|| self.part.min(self.form.members.len()))
    }

    /// How many parts screen 3 has in 长辈版: the members, then the family.
    pub fn parts(&self) -> usize {
        self.form.members.len() + 1
    }

    /// Whether a field of screen 3 is asked in the part shown (always, when the screen
    /// is shown whole).
    pub fn in_part(&self, field: &str) -> bool {
        match (self.part(), part_of(field)) {
            (Some(part), Some(of)) => part == of.min(self.form.members.len()),
            (Some(part), None) => part == self.form.members.len(),
            (None, _) => true,
        }
    }
}

/// The member a field is about ("members[2].incomes[0].amount" → 2).
fn part_of(field: &str) -> Option<usize> {
    field
        .strip_prefix("members[")?
        .split_once(']')?
        .0
        .parse()
        .ok()
}

/// The answer an input gives, with the ids of its member and list item. The values are
/// those the views put in their inputs: "yes"/"no"/"unsure", an index into one of the
/// lists of `i18n`, or the text typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    /// An answer of the one-minute check (its screen, not the form).
    Quick(QuickInput),
    County,
    Category,
    Date,
    Tier,
    CpiRise,
    FoodCpiRise,
    Name(u32),
    AgeBy(u32),
    Age(u32),
    BirthDate(u32),
    Relation(u32),
    Disability(u32),
    DisabilityGrade(u32),
    Illness(u32),
    Student(u32),
    Tekun(u32),
    SelfCareKnown(u32),
    SelfCareItem(u32, usize),
    SupportersKnown(u32),
    OwnProperty(u32),
    /// An income's answers: (its owner, a member's id or `FAMILY`; the income's id).
    IncomeKind(u32, u32),
    IncomeAmount(u32, u32),
    IncomePer(u32, u32),
    SupporterName(u32, u32),
    SupporterSituation(u32, u32),
    Property,
    PovertyAlleviated,
    Marginal,
    OnDibao,
    CurrentDibao,
    /// A fact of the family the site asks plainly (form::plain_family_facts), by its path.
    FamilyFact(&'static str),
    /// A caseworker's value for an assumed parameter (by id); empty for the policy value.
    Override(&'static str),
    /// 核一核: what a decision notice says (form::DecisionForm's fields).
    DecisionProgramme,
    DecisionMember,
    DecisionMonthly,
    DecisionTier,
    DecisionCare,
    DecisionReason,
    DecisionDate,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetLang(Lang),
    ToggleLargeText,
    /// Goes on to the next screen when this one has no message left, else shows them.
    Next,
    Back,
    /// Opens a screen to change an answer, remembering to come back.
    Edit(Step),
    /// Opens the screen of a field (a JSON path) with a message, remembering to come
    /// back, and moves focus to the field: a link of a list of what to fix.
    Fix(String),
    GoTo(Step),
    Set(Input, String),
    AddMember,
    RemoveMember(u32),
    /// An income of a member (by id) or of the family (`FAMILY`).
    AddIncome(u32),
    RemoveIncome(u32, u32),
    AddSupporter(u32),
    RemoveSupporter(u32, u32),
    /// Replaces the answers (a bundled example) and shows the summary.
    Load(Box<Form>),
    /// Loads the bundled example of this name (`examples::ALL`), as `Load`.
    LoadExample(&'static str),
    StartOver,
    SetMode(Mode),
    /// Caseworker mode: copies the household into scenario B and edits B.
    CopyToB,
    /// Caseworker mode: edits scenario B (true) or A (false).
    EditB(bool),
    RemoveB,
    /// Publicity mode: shows an example's result, or the start screen (None).
    ShowExample(Option<usize>),
    /// Publicity mode: a visitor enters their own household.
    EnterOwn,
    /// Publicity mode: nobody touched the page for a while; start over for the next
    /// visitor, forgetting every answer.
    IdleReset,
    /// Replaces the answers and opens a screen, with a message: a share link's (its
    /// result, or an empty form on the first screen when it cannot be opened), or a
    /// resumed draft's.
    Open(Box<Form>, Step, Option<Rc<Notice>>),
    /// Shows a message (a share link, a copy, a draft), or takes it away.
    Notify(Option<Rc<Notice>>),
    /// Offers a saved draft (on start-up), or stops offering it.
    OfferDraft(Option<Rc<Draft>>),
    /// "Clear everything" asks for a confirmation (true), or stops asking.
    AskClear(bool),
    /// Read-aloud found no voice (true), or found one.
    NoVoice(bool),
    /// Opens the one-minute check (true), or closes it back to the first screen.
    Quick(bool),
    /// "算得更准": the full flow, with the one-minute check's answers carried over.
    QuickMore,
}

/// The one-minute check's questions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuickInput {
    People,
    Income,
    Old,
    Child,
    Disabled,
    Ill,
    OnDibao,
    Illness,
    Schooling,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.focus_field = None;
        match action {
            Action::SetLang(lang) => next.lang = lang,
            Action::ToggleLargeText => next.large_text = !next.large_text,
            Action::Quick(open) => {
                next.quick_shown = open;
                if open && next.quick.is_none() {
                    next.quick = Some(Rc::new(crate::form::QuickForm::default()));
                }
                next.step = Step::Place;
            }
            Action::Set(Input::Quick(input), value) => {
                let mut quick = next.quick.as_deref().cloned().unwrap_or_default();
                let on = value == "yes";
                match input {
                    QuickInput::People => quick.people = value,
                    QuickInput::Income => quick.income = value,
                    QuickInput::Old => quick.anyone.aged_70_plus = on,
                    QuickInput::Child => quick.anyone.under_18 = on,
                    QuickInput::Disabled => quick.anyone.severely_disabled = on,
                    QuickInput::Ill => quick.anyone.seriously_ill = on,
                    QuickInput::OnDibao => quick.on_dibao = on,
                    QuickInput::Illness => quick.spending.illness = on,
                    QuickInput::Schooling => quick.spending.schooling = on,
                }
                next.quick = Some(Rc::new(quick));
            }
            Action::QuickMore => {
                next.quick_shown = false;
                if let Some(quick) = next.quick.take() {
                    next.form = Rc::new(crate::form::from_quick(&next.form, &quick));
                    next.quick_said =
                        Some(quick.anyone).filter(|anyone| *anyone != Default::default());
                    next.step = Step::Members;
                    next.attempted.clear();
                }
            }
            // 长辈版, screen 3: on to the next part when this one has no message left.
            Action::Next if next.part().is_some_and(|part| part + 1 < next.parts()) => {
                let checked = form::check(&next.form);
                if checked
                    .errors_on(next.step)
                    .any(|error| next.in_part(&error.field))
                {
                    if !next.attempted.contains(&next.step) {
                        next.attempted.push(next.step);
                    }
                    next.refusals += 1;
                } else {
                    next.part += 1;
                    next.attempted.retain(|step| *step != Step::Situations);
                }
            }
            Action::Back if next.part().is_some_and(|part| part > 0) => {
                next.part = next.part.min(next.form.members.len()) - 1;
            }
            Action::Next => {
                let checked = form::check(&next.form);
                if checked.errors_on(next.step).next().is_some() {
                    if !next.attempted.contains(&next.step) {
                        next.attempted.push(next.step);
                    }
                    next.refusals += 1;
                } else {
                    // From the summary, the result opens even with a problem left: it
                    // lists what to fix, each with a link to its screen.
                    next.step = next.step.next();
                    next.part = 0;
                }
            }
            Action::Back => {
                next.step = next.step.previous();
                // Back onto screen 3 in 长辈版: its last part, the family's.
                next.part = next.form.members.len();
            }
            Action::Edit(step) => {
                next.return_to = Some(if next.step == Step::Result {
                    Step::Result
                } else {
                    Step::Summary
                });
                next.step = step;
                next.part = 0;
            }
            Action::Fix(field) => {
                let step = Step::of_field(&field);
                if next.step >= Step::Summary {
                    next.return_to = Some(if next.step == Step::Result {
                        Step::Result
                    } else {
                        Step::Summary
                    });
                }
                // Its message shows there, as after a refused Next.
                if !next.attempted.contains(&step) {
                    next.attempted.push(step);
                }
                next.step = step;
                next.part = part_of(&field).unwrap_or(next.form.members.len());
                next.focus_field = Some(field);
            }
            Action::GoTo(step) => {
                if step >= Step::Summary {
                    next.return_to = None;
                }
                next.step = step;
                next.part = 0;
            }
            // A caseworker loads an example into the scenario on screen, and stays on
            // the one page.
            Action::Load(form) if next.mode == Mode::Caseworker => {
                *next.edited_form() = Rc::new(*form);
            }
            Action::Load(form) => {
                next.form = Rc::new(*form);
                next.step = Step::Summary;
                next.attempted.clear();
                next.return_to = None;
            }
            Action::LoadExample(name) => {
                let form = crate::examples::find(name)
                    .and_then(|example| crate::browser::parse_household(example.json()))
                    .map(|household| form::from_household(&household));
                if let Some(form) = form {
                    return self.reduce(Action::Load(Box::new(form)));
                }
            }
            Action::StartOver => {
                return Rc::new(State {
                    lang: self.lang,
                    large_text: self.large_text,
                    mode: self.mode,
                    own_household: self.own_household,
                    idle_seconds: self.idle_seconds,
                    ..State::new(self.today.clone())
                });
            }
            Action::SetMode(mode) => {
                next.mode = mode;
                next.shown_example = None;
                next.own_household = false;
            }
            Action::CopyToB => {
                let mut copy = (*next.form).clone();
                // New ids, so that nothing of scenario A's page is reused for B's.
                renumber(&mut copy, next.form.next_id);
                next.scenario_b = Some(Rc::new(copy));
                next.editing_b = true;
            }
            Action::EditB(b) => next.editing_b = b && next.scenario_b.is_some(),
            Action::RemoveB => {
                next.scenario_b = None;
                next.editing_b = false;
            }
            Action::ShowExample(example) => next.shown_example = example,
            Action::EnterOwn => {
                next.own_household = true;
                next.step = Step::Place;
            }
            Action::IdleReset => {
                return Rc::new(State {
                    mode: Mode::Publicity,
                    idle_seconds: self.idle_seconds,
                    ..State::new(self.today.clone())
                });
            }
            Action::Open(form, step, notice) => {
                next.form = Rc::new(*form);
                next.step = step;
                next.notice = notice;
                next.draft = None;
                next.attempted.clear();
                next.return_to = None;
            }
            Action::Notify(notice) => next.notice = notice,
            Action::OfferDraft(draft) => next.draft = draft,
            Action::AskClear(asking) => next.confirm_clear = asking,
            Action::NoVoice(none) => next.no_voice = none,
            edit => {
                let slot = next.edited_form();
                let mut form = (**slot).clone();
                edit_form(&mut form, edit);
                *slot = Rc::new(form);
            }
        }
        Rc::new(next)
    }
}

impl State {
    /// The state after `action` on the first screen while only the first screen's module
    /// has loaded (first_screen.rs): the language, the text size and the first screen's
    /// answers, as the reducer sets them; None for any other action, which the app
    /// itself must take (it takes over, and the button is pressed again there).
    pub fn on_first_screen(&self, action: &Action) -> Option<State> {
        let mut next = self.clone();
        match action {
            Action::SetLang(lang) => next.lang = *lang,
            Action::ToggleLargeText => next.large_text = !next.large_text,
            Action::Set(
                input @ (Input::County
                | Input::Category
                | Input::Date
                | Input::Tier
                | Input::CpiRise
                | Input::FoodCpiRise),
                value,
            ) => {
                let mut form = (*next.form).clone();
                set(&mut form, *input, value.clone());
                next.form = Rc::new(form);
            }
            _ => return None,
        }
        Some(next)
    }
}

impl State {
    /// The answers an input changes: scenario B's when a caseworker edits it, else the
    /// one household's.
    pub fn edited_form(&mut self) -> &mut Rc<Form> {
        match &mut self.scenario_b {
            Some(b) if self.editing_b && self.mode == Mode::Caseworker => b,
            _ => &mut self.form,
        }
    }
}

/// Gives every member, income and supporter of a copied form a new id from `from` on.
fn renumber(form: &mut Form, from: u32) {
    let mut next = from;
    let mut take = || {
        next += 1;
        next - 1
    };
    for member in &mut form.members {
        member.id = take();
        for income in &mut member.incomes {
            income.id = take();
        }
        for supporter in &mut member.supporters {
            supporter.id = take();
        }
    }
    form.next_id = next;
}

fn pick<T: Copy>(list: &[T], value: &str) -> Option<T> {
    value
        .parse::<usize>()
        .ok()
        .and_then(|index| list.get(index).copied())
}

fn yes(value: &str) -> bool {
    value == "yes"
}

fn tri(value: &str) -> Option<bool> {
    match value {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    }
}

fn edit_form(form: &mut Form, action: Action) {
    let new_id = form.next_id;
    let used_id = match action {
        Action::Set(input, value) => set(form, input, value),
        // The rules take at most MAX_MEMBERS members (the screen says so and disables the
        // button); a list already longer (an older draft) is marked at the list.
        Action::AddMember if !form.can_add_member() => false,
        Action::AddMember => {
            let relation = if form.members.len() == 1 {
                Relation::Spouse
            } else {
                Relation::Child
            };
            form.members.push(MemberForm::new(new_id, relation));
            true
        }
        Action::RemoveMember(id) => {
            if form.members.len() > 1 {
                form.members.retain(|member| member.id != id);
            }
            false
        }
        Action::AddIncome(owner) => with_incomes(form, owner, |incomes| {
            if incomes.len() >= MAX_INCOMES {
                return false;
            }
            incomes.push(IncomeForm {
                id: new_id,
                // The family's shared income is mostly a farm's or a shop's.
                kind: if owner == FAMILY {
                    IncomeKind::Business
                } else {
                    IncomeKind::Wages
                },
                amount: String::new(),
                per: Period::Month,
            });
            true
        }),
        Action::RemoveIncome(owner, id) => with_incomes(form, owner, |incomes| {
            incomes.retain(|income| income.id != id);
            false
        }),
        Action::AddSupporter(member) => with_member(form, member, |member| {
            if !member.can_add_supporter() {
                return false;
            }
            member.supporters.push(SupporterForm {
                id: new_id,
                name: String::new(),
                situation: SupporterSituation::Able,
            });
            true
        }),
        Action::RemoveSupporter(member, id) => with_member(form, member, |member| {
            member.supporters.retain(|supporter| supporter.id != id);
            if member.supporters.is_empty() {
                member.supporters_known = SupportersKnown::NotSure;
            }
            false
        }),
        _ => false,
    };
    if used_id {
        form.next_id += 1;
    }
}

/// Changes one member; true when the change used `form.next_id` for a new list item.
/// The owner of incomes that is the family as a whole, in the income actions (members'
/// ids start at 1).
pub const FAMILY: u32 = 0;

/// The incomes of a member, or of the family as a whole (`FAMILY`).
fn with_incomes(
    form: &mut Form,
    owner: u32,
    change: impl FnOnce(&mut Vec<IncomeForm>) -> bool,
) -> bool {
    if owner == FAMILY {
        return change(&mut form.family.incomes);
    }
    with_member(form, owner, |member| change(&mut member.incomes))
}

fn with_member(form: &mut Form, id: u32, change: impl FnOnce(&mut MemberForm) -> bool) -> bool {
    form.members
        .iter_mut()
        .find(|member| member.id == id)
        .map(change)
        .unwrap_or(false)
}

/// Records one answer; true when it used `form.next_id`.
fn set(form: &mut Form, input: Input, value: String) -> bool {
    let new_id = form.next_id;
    match input {
        Input::Quick(_) => return false,
        Input::County => form.county = value,
        Input::Category => {
            form.category = if value == "rural" {
                Category::Rural
            } else {
                Category::Urban
            }
        }
        Input::Date => form.date = value,
        Input::Tier => form.tier = Tier::ALL.into_iter().find(|tier| tier.letter() == value),
        Input::CpiRise => form.cpi_rise = value,
        Input::FoodCpiRise => form.food_cpi_rise = value,
        Input::Property => form.family.property = tri(&value),
        Input::PovertyAlleviated => form.family.poverty_alleviated = yes(&value),
        Input::Marginal => form.family.marginal = yes(&value),
        Input::OnDibao => form.family.on_dibao = yes(&value),
        Input::CurrentDibao => form.family.current_dibao = value,
        Input::FamilyFact(path) => {
            if value.is_empty() {
                form.family.facts.remove(path);
            } else {
                form.family.facts.insert(path.to_string(), value);
            }
        }
        Input::DecisionProgramme => form.decision.programme = value,
        Input::DecisionMember => form.decision.member = value,
        Input::DecisionMonthly => form.decision.monthly = value,
        Input::DecisionTier => form.decision.rural_tier = value,
        Input::DecisionCare => form.decision.care_tier = value,
        Input::DecisionReason => form.decision.reason = value,
        Input::DecisionDate => form.decision.date = value,
        Input::Override(id) => {
            if value.trim().is_empty() {
                form.overrides.remove(id);
            } else {
                form.overrides.insert(id.to_string(), value);
            }
        }
        Input::Name(id) => {
            return with_member(form, id, |member| set_text(&mut member.name, value))
        }
        Input::AgeBy(id) => {
            return with_member(form, id, |member| {
                set_flag(
                    &mut member.age_by,
                    if value == "birth" {
                        AgeBy::BirthDate
                    } else {
                        AgeBy::Years
                    },
                )
            })
        }
        Input::Age(id) => return with_member(form, id, |member| set_text(&mut member.age, value)),
        Input::BirthDate(id) => {
            return with_member(form, id, |member| set_text(&mut member.birth_date, value))
        }
        Input::Relation(id) => {
            return with_member(form, id, |member| {
                set_flag(
                    &mut member.relation,
                    pick(&i18n::RELATIONS, &value).unwrap_or_default(),
                )
            })
        }
        Input::Disability(id) => {
            return with_member(form, id, |member| {
                set_flag(
                    &mut member.disability,
                    pick(&i18n::DISABILITY_KINDS, &value),
                )
            })
        }
        Input::DisabilityGrade(id) => {
            return with_member(form, id, |member| {
                // Empty (not chosen yet) stays empty: no grade is assumed.
                set_flag(&mut member.disability_grade, value.parse().ok())
            });
        }
        Input::Illness(id) => {
            return with_member(form, id, |member| {
                set_text(&mut member.serious_illness, value)
            })
        }
        Input::Student(id) => {
            return with_member(form, id, |member| {
                set_flag(
                    &mut member.student,
                    pick(&i18n::STUDENTS, &value).unwrap_or_default(),
                )
            })
        }
        Input::Tekun(id) => {
            return with_member(form, id, |member| set_flag(&mut member.tekun, yes(&value)))
        }
        Input::SelfCareKnown(id) => {
            return with_member(form, id, |member| {
                let items = member.self_care.unwrap_or([true; 6]);
                set_flag(&mut member.self_care, (value == "known").then_some(items))
            })
        }
        Input::SelfCareItem(id, item) => {
            return with_member(form, id, |member| {
                if let Some(can) = member
                    .self_care
                    .as_mut()
                    .and_then(|items| items.get_mut(item))
                {
                    *can = yes(&value);
                }
                false
            })
        }
        Input::SupportersKnown(id) => {
            return with_member(form, id, |member| {
                member.supporters_known = match value.as_str() {
                    "none" => SupportersKnown::None,
                    "some" => SupportersKnown::Some,
                    _ => SupportersKnown::NotSure,
                };
                let first = member.supporters_known == SupportersKnown::Some
                    && member.supporters.is_empty();
                if first {
                    member.supporters.push(SupporterForm {
                        id: new_id,
                        name: String::new(),
                        situation: SupporterSituation::Able,
                    });
                }
                first
            })
        }
        Input::OwnProperty(id) => {
            return with_member(form, id, |member| {
                set_flag(&mut member.own_property, tri(&value))
            })
        }
        Input::IncomeKind(id, income)
        | Input::IncomeAmount(id, income)
        | Input::IncomePer(id, income) => {
            return with_incomes(form, id, |incomes| {
                if let Some(found) = incomes.iter_mut().find(|found| found.id == income) {
                    match input {
                        Input::IncomeKind(..) => {
                            found.kind =
                                pick(&i18n::INCOME_KINDS, &value).unwrap_or(IncomeKind::Wages)
                        }
                        Input::IncomePer(..) => {
                            found.per = if value == "year" {
                                Period::Year
                            } else {
                                Period::Month
                            }
                        }
                        _ => found.amount = value,
                    }
                }
                false
            })
        }
        Input::SupporterName(id, supporter) | Input::SupporterSituation(id, supporter) => {
            return with_member(form, id, |member| {
                if let Some(found) = member
                    .supporters
                    .iter_mut()
                    .find(|found| found.id == supporter)
                {
                    match input {
                        Input::SupporterName(..) => found.name = value,
                        _ => {
                            found.situation = pick(&i18n::SUPPORTER_SITUATIONS, &value)
                                .unwrap_or(SupporterSituation::Able)
                        }
                    }
                }
                false
            })
        }
    }
    false
}

fn set_text(slot: &mut String, value: String) -> bool {
    *slot = value;
    false
}

fn set_flag<T>(slot: &mut T, value: T) -> bool {
    *slot = value;
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(actions: Vec<Action>) -> Rc<State> {
        actions
            .into_iter()
            .fold(Rc::new(State::new("2026-11-29".into())), |state, action| {
                state.reduce(action)
            })
    }

    #[test]
    fn the_first_screen_takes_its_own_answers_as_the_reducer_does_and_nothing_else() {
        let own = vec![
            Action::SetLang(Lang::En),
            Action::ToggleLargeText,
            set(Input::County, "lueyang"),
            set(Input::Category, "rural"),
            set(Input::Date, "2026-01-15"),
            set(Input::Tier, "C"),
            set(Input::CpiRise, "3.5"),
            set(Input::FoodCpiRise, "6"),
        ];
        let mut first = State::new("2026-11-29".into());
        for action in &own {
            first = first
                .on_first_screen(action)
                .expect("a first screen's action");
        }
        assert_eq!(first, *run(own));
        // Going on, an example, a mode, a later screen's answer: the app's.
        for action in [
            Action::Next,
            Action::LoadExample("gradual-exit"),
            Action::SetMode(Mode::Caseworker),
            Action::AddMember,
            set(Input::Property, "yes"),
        ] {
            assert_eq!(first.on_first_screen(&action), None, "{action:?}");
        }
    }

    fn run_on(state: Rc<State>, actions: Vec<Action>) -> Rc<State> {
        actions
            .into_iter()
            .fold(state, |state, action| state.reduce(action))
    }

    fn set(input: Input, value: &str) -> Action {
        Action::Set(input, value.into())
    }

    #[test]
    fn next_stays_and_marks_the_screen_until_its_answers_are_valid() {
        let state = run(vec![Action::Next, Action::Next]);
        assert_eq!(state.step, Step::Members);
        assert_eq!(state.attempted, vec![Step::Members]);
        assert_eq!(state.refusals, 1);
        let state = run(vec![Action::Next, set(Input::Age(1), "70"), Action::Next]);
        assert_eq!(state.step, Step::Situations);
    }

    #[test]
    fn back_and_next_keep_every_answer() {
        let state = run(vec![
            Action::Next,
            set(Input::Age(1), "7x"),
            Action::AddMember,
            set(Input::Name(2), "奶奶"),
            Action::Back,
            set(Input::County, "lueyang"),
            Action::Next,
        ]);
        assert_eq!(state.step, Step::Members);
        assert_eq!(state.form.members[0].age, "7x");
        assert_eq!(state.form.members[1].name, "奶奶");
        assert_eq!(state.form.members[1].relation, Relation::Spouse);
        assert_eq!(state.form.county, "lueyang");
    }

    #[test]
    fn list_items_get_their_own_ids() {
        let state = run(vec![
            Action::AddIncome(1),
            Action::AddIncome(1),
            Action::AddMember,
            Action::RemoveIncome(1, 2),
            set(Input::IncomeAmount(1, 3), "1200"),
            set(Input::IncomePer(1, 3), "year"),
            set(Input::IncomeKind(1, 3), "5"),
        ]);
        let incomes = &state.form.members[0].incomes;
        assert_eq!(incomes.len(), 1);
        assert_eq!((incomes[0].id, incomes[0].amount.as_str()), (3, "1200"));
        assert_eq!(
            (incomes[0].per, incomes[0].kind),
            (Period::Year, IncomeKind::ResidentsBasicPension)
        );
        assert_eq!(state.form.members[1].id, 4);
    }

    #[test]
    fn choices_are_read_from_their_values() {
        let state = run(vec![
            set(Input::Category, "rural"),
            set(Input::Tier, "B"),
            set(Input::Disability(1), "3"),
            set(Input::DisabilityGrade(1), "2"),
            set(Input::SelfCareKnown(1), "known"),
            set(Input::SelfCareItem(1, 4), "no"),
            set(Input::SupportersKnown(1), "some"),
            set(Input::SupporterSituation(1, 2), "7"),
            set(Input::OwnProperty(1), "yes"),
            set(Input::Property, "unsure"),
            set(Input::OnDibao, "yes"),
        ]);
        let form = &state.form;
        let member = &form.members[0];
        assert_eq!((form.category, form.tier), (Category::Rural, Some(Tier::B)));
        assert_eq!(
            (member.disability, member.disability_grade),
            (
                Some(doudi_rules::household::DisabilityKind::Physical),
                Some(2)
            )
        );
        assert_eq!(
            member.self_care,
            Some([true, true, true, true, false, true])
        );
        assert_eq!(member.supporters.len(), 1);
        assert_eq!(member.supporters[0].situation, SupporterSituation::InPrison);
        assert_eq!(
            (
                member.own_property,
                form.family.property,
                form.family.on_dibao
            ),
            (Some(true), None, true)
        );
    }

    #[test]
    fn a_disability_type_leaves_the_grade_to_be_chosen() {
        let state = run(vec![set(Input::Disability(1), "3")]);
        assert_eq!(state.form.members[0].disability_grade, None);
        let state = run_on(state, vec![set(Input::DisabilityGrade(1), "")]);
        assert_eq!(state.form.members[0].disability_grade, None);
    }

    #[test]
    fn members_stop_at_the_rules_limit() {
        let max = doudi_rules::household::MAX_MEMBERS;
        let state = run(vec![Action::AddMember; max + 3]);
        assert_eq!(state.form.members.len(), max);
        assert!(!state.form.can_add_member());
        let state = run(vec![Action::AddIncome(1); 25]);
        assert_eq!(
            state.form.members[0].incomes.len(),
            doudi_rules::household::MAX_INCOMES
        );
    }

    #[test]
    fn a_fix_link_opens_the_field_and_shows_its_message() {
        let state = run(vec![
            Action::GoTo(Step::Result),
            Action::Fix("members[0].age".into()),
        ]);
        assert_eq!(
            (state.step, state.return_to),
            (Step::Members, Some(Step::Result))
        );
        assert_eq!(state.focus_field.as_deref(), Some("members[0].age"));
        assert!(state.attempted.contains(&Step::Members));
        let state = run_on(state, vec![set(Input::Age(1), "4")]);
        assert_eq!(state.focus_field, None);
    }

    #[test]
    fn an_edit_from_the_result_returns_to_it() {
        let state = run(vec![
            Action::GoTo(Step::Result),
            Action::Edit(Step::Members),
        ]);
        assert_eq!(
            (state.step, state.return_to),
            (Step::Members, Some(Step::Result))
        );
    }

    #[test]
    fn start_over_keeps_language_and_text_size_only() {
        let state = run(vec![
            Action::SetLang(Lang::En),
            Action::ToggleLargeText,
            set(Input::County, "lueyang"),
            Action::StartOver,
        ]);
        assert_eq!((state.lang, state.large_text), (Lang::En, true));
        assert_ne!(state.form.county, "lueyang");
    }

    #[test]
    fn a_caseworker_edits_scenario_b_without_touching_a() {
        let state = run(vec![
            Action::SetMode(Mode::Caseworker),
            set(Input::Age(1), "40"),
            Action::AddIncome(1),
            Action::CopyToB,
        ]);
        let b = state.scenario_b.clone().expect("scenario B");
        assert!(state.editing_b);
        // B's items have new ids: member 1 → 3, its income 2 → 4.
        assert_eq!((b.members[0].id, b.members[0].incomes[0].id), (3, 4));
        let state = run_on(
            state,
            vec![
                set(Input::IncomeAmount(3, 4), "2000"),
                set(Input::Override("gradual_exit.months"), "12"),
            ],
        );
        let b = state.scenario_b.clone().expect("scenario B");
        assert_eq!(b.members[0].incomes[0].amount, "2000");
        assert_eq!(
            b.overrides.get("gradual_exit.months").map(String::as_str),
            Some("12")
        );
        assert_eq!(state.form.members[0].incomes[0].amount, "");
        assert!(state.form.overrides.is_empty());
        let state = run_on(
            state,
            vec![
                Action::EditB(false),
                set(Input::Age(1), "41"),
                set(Input::Override("gradual_exit.months"), "12"),
                set(Input::Override("gradual_exit.months"), " "),
            ],
        );
        assert_eq!(state.form.members[0].age, "41");
        assert!(state.form.overrides.is_empty());
        assert_eq!(
            state.scenario_b.as_ref().map(|b| b.members[0].age.as_str()),
            Some("40")
        );
        let state = run_on(state, vec![Action::EditB(true), Action::RemoveB]);
        assert_eq!((state.scenario_b.is_none(), state.editing_b), (true, false));
    }

    #[test]
    fn the_resident_screens_never_edit_scenario_b() {
        let state = run(vec![
            Action::SetMode(Mode::Caseworker),
            Action::CopyToB,
            Action::SetMode(Mode::Resident),
            set(Input::Age(1), "50"),
        ]);
        assert_eq!(state.form.members[0].age, "50");
        assert_eq!(
            state.scenario_b.as_ref().map(|b| b.members[0].age.as_str()),
            Some("")
        );
    }

    #[test]
    fn an_idle_kiosk_forgets_every_answer_and_shows_its_start_screen() {
        let mut start = State::new("2026-11-29".into());
        start.idle_seconds = 2;
        let state = run_on(
            Rc::new(start),
            vec![
                Action::SetMode(Mode::Publicity),
                Action::ShowExample(Some(3)),
                Action::EnterOwn,
                Action::SetLang(Lang::En),
                set(Input::County, "lueyang"),
                Action::Next,
                Action::IdleReset,
            ],
        );
        assert_eq!(state.mode, Mode::Publicity);
        assert_eq!((state.shown_example, state.own_household), (None, false));
        assert_eq!(
            (state.step, state.lang, state.idle_seconds),
            (Step::Place, Lang::Zh, 2)
        );
        assert_eq!(*state.form, Form::new("2026-11-29"));
    }

    #[test]
    fn modes_have_names_for_the_fragment() {
        for mode in Mode::ALL {
            assert_eq!(Mode::from_id(mode.id()), Some(mode));
        }
        assert_eq!(Mode::from_id("admin"), None);
    }

    /// Loads a bundled example (in native tests the browser's JSON parser is not there).
    fn load(name: &str) -> Action {
        let example = crate::examples::find(name).expect("a bundled example");
        let household = serde_json::from_str(example.json()).expect("example parses");
        Action::Load(Box::new(form::from_household(&household)))
    }

    #[test]
    fn in_elder_mode_screen_three_asks_one_member_then_the_family_and_back_walks_the_parts() {
        // The example's four members, complete: each part goes on at once.
        let base = vec![
            load("urban-family-with-grandmother"),
            Action::ToggleLargeText,
            Action::Edit(Step::Situations),
        ];
        let state = run(base.clone());
        assert_eq!(
            (state.step, state.part(), state.parts()),
            (Step::Situations, Some(0), 5)
        );
        let mut walked = base.clone();
        for part in 1..5 {
            walked.push(Action::Next);
            let state = run(walked.clone());
            assert_eq!((state.step, state.part()), (Step::Situations, Some(part)));
            // Only the fields of the part shown are asked.
            assert!(!state.in_part(&format!("members[{}].incomes[0].amount", part - 1)));
            if part < 4 {
                assert!(state.in_part(&format!("members[{part}].incomes[0].amount")));
            }
            assert_eq!(state.in_part("family.property_within_limits"), part == 4);
        }
        walked.push(Action::Back);
        assert_eq!(run(walked.clone()).part(), Some(3));
        walked.extend([Action::Next, Action::Next]);
        assert_eq!(run(walked.clone()).step, Step::Summary);
        // Back from the summary: the family's part.
        walked.push(Action::Back);
        assert_eq!(run(walked).part(), Some(4));
        // A link of the list of what to fix opens its member's part.
        let fixed = run([
            base.clone(),
            vec![Action::Fix("members[2].incomes[0].amount".into())],
        ]
        .concat());
        assert_eq!(fixed.part(), Some(2));
        // Outside 长辈版 the screen is whole: Next goes on to the summary.
        let whole = run(vec![
            load("urban-family-with-grandmother"),
            Action::Edit(Step::Situations),
            Action::Next,
        ]);
        assert_eq!((whole.part(), whole.step), (None, Step::Summary));
    }

    #[test]
    fn an_unanswered_member_holds_elder_mode_on_its_part_and_the_next_part_shows_no_message_yet() {
        // Member 1 (id 1) has an income without its amount: a message of part 0.
        let state = run(vec![
            Action::ToggleLargeText,
            set(Input::Age(1), "40"),
            Action::AddMember,
            set(Input::Age(2), "38"),
            Action::GoTo(Step::Situations),
            Action::AddIncome(1),
        ]);
        let income = state.form.members[0].incomes[0].id;
        let held = state.clone().reduce(Action::Next);
        assert_eq!(
            (held.part(), held.attempted.contains(&Step::Situations)),
            (Some(0), true)
        );
        // The amount given, on to member 2, whose part shows no message before a Next.
        let on = run_on(
            held,
            vec![set(Input::IncomeAmount(1, income), "800"), Action::Next],
        );
        assert_eq!(on.part(), Some(1));
        assert!(!on.attempted.contains(&Step::Situations));
    }
}
