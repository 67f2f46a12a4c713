//! Reads policies/, validates it into types that cannot be wrong, and generates the
//! Rust tables that the rules crate compiles in (so the site carries no TOML parser).
//!
//! Two stages, as in ripgrep: raw serde structs that mirror the files (unknown fields
//! rejected), then validated types: every value has a date, a source that exists and a
//! status; dates within a parameter strictly increase, so values never overlap.

use serde::{Deserialize, Serialize};

#[cfg(feature = "files")]
mod files;
#[cfg(feature = "files")]
pub use files::*;

/// A calendar date, validated (the Gregorian calendar, years 1900 to 2999).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// A date known to be valid (used by generated tables).
    pub const fn new(year: u16, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }

    /// Parses "YYYY-MM-DD".
    pub fn parse(text: &str) -> Result<Date, String> {
        let bad = || format!("\"{text}\" is not a date of the form YYYY-MM-DD");
        let parts: Vec<&str> = text.split('-').collect();
        if parts.len() != 3 || parts[0].len() != 4 || parts[1].len() != 2 || parts[2].len() != 2 {
            return Err(bad());
        }
        let year: u16 = parts[0].parse().map_err(|_| bad())?;
        let month: u8 = parts[1].parse().map_err(|_| bad())?;
        let day: u8 = parts[2].parse().map_err(|_| bad())?;
        if !(1900..=2999).contains(&year)
            || !(1..=12).contains(&month)
            || day == 0
            || day > days_in_month(year, month)
        {
            return Err(bad());
        }
        Ok(Date { year, month, day })
    }
}

/// Whether a character is Chinese: a Han character or CJK punctuation (、。〔〕《》…).
pub fn is_chinese(c: char) -> bool {
    matches!(c, '\u{3001}'..='\u{303f}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

/// The Chinese left in a text meant for English readers once its document numbers are
/// taken out: each run of Chinese characters that is not part of a document number.
/// A document number is Chinese characters followed by 〔YYYY〕N号 (汉民发〔2021〕52号,
/// 发改价格〔2021〕1553号): it stays as it is in English. Empty when there is none.
pub fn stray_chinese(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut number = vec![false; chars.len()];
    for at in 0..chars.len() {
        if chars[at] != '〔' {
            continue;
        }
        let year = chars.get(at + 1..at + 5);
        if !year.is_some_and(|year| year.iter().all(char::is_ascii_digit))
            || chars.get(at + 5) != Some(&'〕')
        {
            continue;
        }
        let mut end = at + 6;
        while chars.get(end).is_some_and(char::is_ascii_digit) {
            end += 1;
        }
        if end == at + 6 || chars.get(end) != Some(&'号') {
            continue;
        }
        let mut start = at;
        while start > 0 && ('\u{4e00}'..='\u{9fff}').contains(&chars[start - 1]) {
            start -= 1;
        }
        if start == at {
            continue;
        }
        for flag in &mut number[start..=end] {
            *flag = true;
        }
    }
    let mut runs = Vec::new();
    let mut run = String::new();
    for (at, &c) in chars.iter().enumerate() {
        if is_chinese(c) && !number[at] {
            run.push(c);
        } else if !run.is_empty() {
            runs.push(std::mem::take(&mut run));
        }
    }
    if !run.is_empty() {
        runs.push(run);
    }
    runs
}

/// The number of days in a month of the Gregorian calendar.
pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        _ => 28,
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// How sure we are of a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Read in the official text or an official notice.
    Published,
    /// Follows from published figures or a Shaanxi-wide pattern; no Hanzhong text states it.
    Inferred,
    /// Not found: a placeholder we chose so the calculator can run.
    Assumed,
}

impl Status {
    pub fn name(self) -> &'static str {
        match self {
            Status::Published => "Published",
            Status::Inferred => "Inferred",
            Status::Assumed => "Assumed",
        }
    }
}

/// The unit of a parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    YuanPersonMonth,
    YuanPersonYear,
    YuanMonth,
    Ratio,
    Percent,
    Months,
    Age,
    Grade,
    Count,
    WageClass,
    YuanStep,
    Flag,
}

impl Unit {
    pub fn name(self) -> &'static str {
        match self {
            Unit::YuanPersonMonth => "YuanPersonMonth",
            Unit::YuanPersonYear => "YuanPersonYear",
            Unit::YuanMonth => "YuanMonth",
            Unit::Ratio => "Ratio",
            Unit::Percent => "Percent",
            Unit::Months => "Months",
            Unit::Age => "Age",
            Unit::Grade => "Grade",
            Unit::Count => "Count",
            Unit::WageClass => "WageClass",
            Unit::YuanStep => "YuanStep",
            Unit::Flag => "Flag",
        }
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Date;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a date written \"YYYY-MM-DD\"")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Date, E> {
                Date::parse(text).map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::stray_chinese;

    #[test]
    fn document_numbers_are_not_stray_chinese_but_other_chinese_is() {
        assert!(stray_chinese("汉民发〔2021〕52号 II(2): not lower than 1.3 times").is_empty());
        assert!(stray_chinese("(发改价格〔2021〕1553号, not seen)").is_empty());
        assert_eq!(stray_chinese("汉民发〔2021〕52号 二(二)"), vec!["二", "二"]);
        assert_eq!(stray_chinese("doudi 项目假定值"), vec!["项目假定值"]);
        assert_eq!(stray_chinese("〔2021〕52号"), vec!["〔", "〕", "号"]);
    }
}
