//! The made-up households of examples/, bundled so that a resident can "try an example"
//! and so that `#example=NAME` opens one (the browser tests use it too).

use crate::i18n::T;

/// One bundled example: its file name without `.json` and a label; its JSON is
/// [`Example::json`] (apart, so that the first screen, which lists the examples but
/// leaves loading one to the app, carries no JSON).
pub struct Example {
    pub name: &'static str,
    pub label: T,
}

macro_rules! example {
    ($name:literal, $zh:literal, $en:literal) => {
        Example {
            name: $name,
            label: T::new($zh, $en),
        }
    };
}

macro_rules! json_of {
    ($name:expr, [$($file:literal),* $(,)?]) => {
        match $name {
            $($file => include_str!(concat!("../../examples/", $file, ".json")),)*
            _ => "",
        }
    };
}

impl Example {
    /// The household, as docs/household-format.md's JSON.
    pub fn json(&self) -> &'static str {
        json_of!(
            self.name,
            [
                "urban-family-with-grandmother",
                "rural-elderly-couple-tier",
                "rural-family-estimated-tier",
                "single-person-severe-disability",
                "tekun-self-care",
                "tekun-partial-care",
                "tekun-full-care",
                "gradual-exit",
                "marginal-family",
            ]
        )
    }
}

pub const ALL: [Example; 9] = [
    example!(
        "urban-family-with-grandmother",
        "城市四口之家，有老人和孩子（汉台区）",
        "An urban family of four with a grandmother and a child (Hantai)"
    ),
    example!(
        "rural-elderly-couple-tier",
        "农村老两口，已评 B 档（洋县）",
        "A rural elderly couple, tier B assigned (Yang County)"
    ),
    example!(
        "rural-family-estimated-tier",
        "农村三口之家，妻子重病（略阳县）",
        "A rural family of three, the wife seriously ill (Lueyang)"
    ),
    example!(
        "single-person-severe-disability",
        "脱贫家庭的重度残疾儿子单独纳入低保（勉县）",
        "A severely disabled son of a family lifted out of poverty covered alone (Mian County)"
    ),
    example!(
        "tekun-self-care",
        "独居老人，生活能自理（佛坪县）",
        "An old man living alone who cares for himself (Foping)"
    ),
    example!(
        "tekun-partial-care",
        "81 岁独居老人，需半护理（城固县）",
        "A woman of 81 living alone who needs partial care (Chenggu)"
    ),
    example!(
        "tekun-full-care",
        "一级肢体残疾、需全护理（宁强县）",
        "A man with a grade-1 physical disability who needs full care (Ningqiang)"
    ),
    example!(
        "gradual-exit",
        "收入增加、进入渐退期的低保家庭（南郑区）",
        "A dibao family whose income rose: gradual exit (Nanzheng)"
    ),
    example!(
        "marginal-family",
        "收入略高于低保线的家庭（西乡县）",
        "A family just above the dibao line: marginal family (Xixiang)"
    ),
];

pub fn find(name: &str) -> Option<&'static Example> {
    ALL.iter().find(|example| example.name == name)
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_example_has_its_json() {
        for example in super::ALL.iter() {
            assert!(example.json().starts_with('{'), "{}", example.name);
        }
    }
}
