//! The explanation layer: every sentence an assessment says, in Chinese and English.
//!
//! The programmes decide (figures, statuses, criteria states) and name what they found;
//! the words for it are written here, and only when an explanation is asked for
//! (`Options::text`, `Options::trace`): a programme calls `ctx.say(|| explain::…)` or
//! `ctx.step(…, || explain::…)`, and neither closure runs for a run of figures only.
//! One file per programme; the labels of statuses, bases and payments are in
//! `labels.rs`.

pub mod answers;
pub(crate) mod check;
pub(crate) mod dibao;
pub(crate) mod gradual_exit;
pub(crate) mod income;
pub(crate) mod marginal;
pub(crate) mod notices;
pub(crate) mod price_subsidy;
pub(crate) mod quick;
pub(crate) mod routes;
pub(crate) mod single_person;
pub(crate) mod tekun;
pub(crate) mod temporary;

use crate::outcome::Text;

/// What every assessment says of itself.
pub(crate) fn disclaimer() -> Text {
    Text::new(
        "估算结果，以当地民政部门审核为准。本计算器只在您的设备上计算，不上传任何信息。",
        "An estimate: the local civil affairs office decides. Computed on your device only; nothing is uploaded.",
    )
}
