//! Cautions as rules the program applies: which rules cover each point and technique, and
//! the verdict of the rules for a patient ([`super::patient`]).
//!
//! A rule covers points by id, by region or by category, and techniques by id. Nothing is
//! copied onto points: a point's cautions are computed here, once, at load.

use std::collections::HashSet;

pub(crate) use super::patient::state_label;
pub use super::patient::{
    Patient, PatientStateRef, find_state, patient_contraindications, state_names,
};
use super::{Catalogue, EntryRef, Kind, Level, Method, Rule};

/// How many of a rule's sources its sentence names; the rest are counted (JSON and the
/// contraindication's card list every one).
const SOURCES_SHOWN: usize = 4;

/// One rule of one contraindication, by position.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Deserialize, serde::Serialize,
)]
pub struct RuleRef {
    /// The contraindication's position in its table.
    pub contraindication: usize,
    /// The rule's position among its rules.
    pub rule: usize,
}

/// For each point and each technique, the rules that cover it, in catalogue order.
///
/// A rule that names a point by id replaces, for that point, the region and category rules of
/// the same contraindication and method.
pub(crate) fn coverage(c: &Catalogue) -> (Vec<Vec<RuleRef>>, Vec<Vec<RuleRef>>) {
    let mut points = vec![Vec::new(); c.points.len()];
    let mut techniques = vec![Vec::new(); c.techniques.len()];
    for (ci, contra) in c.contraindications.all().enumerate() {
        let named: HashSet<(usize, Method)> = contra
            .rules
            .iter()
            .flat_map(|r| {
                r.points
                    .iter()
                    .filter_map(|p| c.points.position(p))
                    .map(move |p| (p, r.method))
            })
            .collect();
        for (ri, rule) in contra.rules.iter().enumerate() {
            let at = RuleRef {
                contraindication: ci,
                rule: ri,
            };
            for p in covered_points(c, rule) {
                let by_id = rule
                    .points
                    .iter()
                    .any(|id| c.points.position(id) == Some(p));
                if by_id || !named.contains(&(p, rule.method)) {
                    points[p].push(at);
                }
            }
            for t in rule
                .techniques
                .iter()
                .filter_map(|t| c.techniques.position(t))
            {
                techniques[t].push(at);
            }
        }
    }
    (points, techniques)
}

/// Every point a rule covers by id, region or category, once each, in catalogue order.
fn covered_points(c: &Catalogue, rule: &Rule) -> Vec<usize> {
    if rule.regions.is_empty() && rule.categories.is_empty() {
        // Most rules name their points: no need to look at every point.
        let mut named: Vec<usize> = rule
            .points
            .iter()
            .filter_map(|id| c.points.position(id))
            .collect();
        named.sort_unstable();
        named.dedup();
        return named;
    }
    let mut covered = vec![false; c.points.len()];
    for id in &rule.points {
        if let Some(p) = c.points.position(id) {
            covered[p] = true;
        }
    }
    for (p, point) in c.points.all().enumerate() {
        let in_region = point.regions.iter().any(|r| rule.regions.contains(r));
        let in_category = point
            .categories
            .iter()
            .any(|pc| rule.categories.contains(&pc.category));
        covered[p] |= in_region || in_category;
    }
    covered
        .iter()
        .enumerate()
        .filter_map(|(p, &yes)| yes.then_some(p))
        .collect()
}

/// What the rules say about one entry for one patient.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Verdict {
    /// What the rules that apply make of the entry as a whole: forbidden when one forbids the
    /// entry itself, caution when one asks for care or forbids only one way of using it; none
    /// when only notes (or no rules) apply.
    pub level: Option<Level>,
    /// The rules that apply, strictest first, then in catalogue order.
    pub rules: Vec<RuleRef>,
}

impl Verdict {
    /// The verdict's level as JSON and the CLI write it: forbidden, caution or none.
    pub(crate) fn level_name(&self) -> &'static str {
        match self.level {
            Some(Level::Forbidden) => "forbidden",
            Some(Level::Caution) => "caution",
            _ => "none",
        }
    }

    /// Whether the rules forbid something for this patient.
    pub fn is_forbidden(&self) -> bool {
        self.level == Some(Level::Forbidden)
    }
}

impl Catalogue {
    /// Every rule that covers an entry (points and techniques; none for other kinds), in
    /// catalogue order.
    pub(crate) fn rules_covering(&self, entry: EntryRef) -> &[RuleRef] {
        match entry.kind {
            Kind::Point => &self.backlinks.point_rules[entry.index],
            Kind::Technique => &self.backlinks.technique_rules[entry.index],
            _ => &[],
        }
    }

    /// The rule a reference names.
    pub fn rule(&self, at: RuleRef) -> &Rule {
        &self.contraindications[at.contraindication].rules[at.rule]
    }

    /// The verdict of the rules on an entry for a patient. With no state set it holds the
    /// rules for every patient only.
    pub fn verdict(&self, entry: EntryRef, patient: &Patient) -> Verdict {
        let mut rules: Vec<RuleRef> = self
            .rules_covering(entry)
            .iter()
            .copied()
            .filter(|&r| patient.applies(self, r))
            .collect();
        rules.sort_by_key(|&r| std::cmp::Reverse(self.rule(r).level));
        let level = rules
            .iter()
            .map(|&r| verdict_level(entry.kind, self.rule(r)))
            .max();
        let level = level.filter(|&l| l > Level::Note);
        Verdict { level, rules }
    }

    /// Whether any rule covers an entry, for any patient (it then shows a caution mark).
    pub(crate) fn has_caution(&self, entry: EntryRef) -> bool {
        !self.rules_covering(entry).is_empty()
    }

    /// A rule as a plain sentence: "Pregnancy: forbidden (needling) in T2, T3. Why. Sources:
    /// World Health Organization 1999, Betts 2011."
    pub fn rule_text(&self, at: RuleRef) -> String {
        self.rule_text_naming(at, |source| self.sources[source].short_name())
    }

    /// Every rule's [`Catalogue::rule_text`], by contraindication and rule, each source's
    /// short name worked out once.
    pub fn rule_texts(&self) -> Vec<Vec<String>> {
        let short: Vec<std::cell::OnceCell<String>> =
            vec![std::cell::OnceCell::new(); self.sources.len()];
        (0..self.contraindications.len())
            .map(|contraindication| {
                (0..self.contraindications[contraindication].rules.len())
                    .map(|rule| {
                        let at = RuleRef {
                            contraindication,
                            rule,
                        };
                        self.rule_text_naming(at, |source| {
                            short[source]
                                .get_or_init(|| self.sources[source].short_name())
                                .clone()
                        })
                    })
                    .collect()
            })
            .collect()
    }

    /// [`Catalogue::rule_text`], with each source (by position) named by `short`.
    fn rule_text_naming(&self, at: RuleRef, short: impl Fn(usize) -> String) -> String {
        let rule = self.rule(at);
        let mut sources: Vec<String> = rule
            .sources
            .iter()
            .take(SOURCES_SHOWN)
            .filter_map(|s| self.sources.position(&s.source))
            .map(short)
            .collect();
        if rule.sources.len() > SOURCES_SHOWN {
            sources.push(format!("{} more", rule.sources.len() - SOURCES_SHOWN));
        }
        format!(
            "{} Sources: {}.",
            self.rule_sentence(at),
            sources.join("; ")
        )
    }

    /// A rule as a sentence without its sources: "Pregnancy: forbidden (needling) in T2, T3.
    /// Why." It is what the search index holds of the rule.
    pub(crate) fn rule_sentence(&self, at: RuleRef) -> String {
        let contra = &self.contraindications[at.contraindication];
        format!(
            "{}: {}. {}",
            contra.name,
            self.rule_summary(at),
            ensure_stop(&contra.rules[at.rule].reason)
        )
    }
}

impl Catalogue {
    /// Every point and technique a contraindication's rules cover, each with those rules:
    /// points first, in catalogue order, then techniques.
    pub fn covered_by(&self, contraindication: usize) -> Vec<(EntryRef, Vec<RuleRef>)> {
        let of = |lists: &[Vec<RuleRef>], kind: Kind| -> Vec<(EntryRef, Vec<RuleRef>)> {
            lists
                .iter()
                .enumerate()
                .filter_map(|(index, rules)| {
                    let mine: Vec<RuleRef> = rules
                        .iter()
                        .copied()
                        .filter(|r| r.contraindication == contraindication)
                        .collect();
                    (!mine.is_empty()).then_some((EntryRef { kind, index }, mine))
                })
                .collect()
        };
        let mut covered = of(&self.backlinks.point_rules, Kind::Point);
        covered.extend(of(&self.backlinks.technique_rules, Kind::Technique));
        covered
    }

    /// The contraindications whose rules forbid or caution an entry, each with its strictest
    /// level: "Pregnancy: forbidden; Organ and vessel injury: caution". None when no rule
    /// stronger than a note covers it.
    pub(crate) fn caution_names(&self, entry: EntryRef) -> Option<String> {
        let mut named: Vec<(usize, Level)> = Vec::new();
        for &r in self.rules_covering(entry) {
            let level = self.rule(r).level;
            if level == Level::Note {
                continue;
            }
            match named.iter_mut().find(|(c, _)| *c == r.contraindication) {
                Some((_, l)) => *l = (*l).max(level),
                None => named.push((r.contraindication, level)),
            }
        }
        named.sort_by_key(|&(c, l)| (std::cmp::Reverse(l), c));
        let parts: Vec<String> = named
            .iter()
            .map(|&(c, l)| format!("{}: {}", self.contraindications[c].name, l.as_str()))
            .collect();
        (!parts.is_empty()).then(|| parts.join("; "))
    }

    /// What a rule covers, as written: "Covers: regions Lower back, Sacrum; points LI4, SP6."
    pub(crate) fn rule_coverage(&self, at: RuleRef) -> String {
        let rule = self.rule(at);
        let names = |label: &str, items: Vec<String>| {
            (!items.is_empty()).then(|| format!("{label} {}", items.join(", ")))
        };
        let parts: Vec<String> = [
            names(
                "regions",
                rule.regions
                    .iter()
                    .map(|r| {
                        self.regions
                            .get(r)
                            .map_or(r.to_string(), |x| x.name.clone())
                    })
                    .collect(),
            ),
            names(
                "categories",
                rule.categories.iter().map(|c| c.to_string()).collect(),
            ),
            names(
                "points",
                rule.points.iter().map(|p| p.to_string()).collect(),
            ),
            names(
                "techniques",
                rule.techniques
                    .iter()
                    .map(|t| {
                        self.techniques
                            .get(t)
                            .map_or(t.to_string(), |x| x.name.clone())
                    })
                    .collect(),
            ),
        ]
        .into_iter()
        .flatten()
        .collect();
        format!("Covers: {}.", parts.join("; "))
    }

    /// A rule in a few words: "forbidden (needling) in T2, T3".
    pub(crate) fn rule_summary(&self, at: RuleRef) -> String {
        let rule = self.rule(at);
        let mut text = format!("{} ({})", rule.level.as_str(), rule.method.phrase());
        if !rule.stages.is_empty() {
            let names: Vec<&str> = rule.stages.iter().map(|s| s.as_str()).collect();
            text.push_str(&format!(" in {}", names.join(", ")));
        }
        text
    }
}

/// What a rule makes of the entry as a whole. A rule that forbids the entry itself (any
/// method; needling, for a point; the technique's own method, for a technique) forbids it; a
/// rule that forbids only one way of using it (moxibustion at a point that is needled, strong
/// stimulation, bleeding) leaves the entry usable with care, so it counts as a caution, and
/// its reason still says what is forbidden.
pub(crate) fn verdict_level(kind: Kind, rule: &Rule) -> Level {
    let whole = match kind {
        Kind::Point => matches!(rule.method, Method::Any | Method::Needling),
        _ => !matches!(
            rule.method,
            Method::DeepNeedling | Method::StrongStimulation | Method::Bleeding
        ),
    };
    if whole {
        rule.level
    } else {
        rule.level.min(Level::Caution)
    }
}

fn ensure_stop(text: &str) -> String {
    let text = text.trim_end();
    if text.ends_with(['.', '!', '?']) {
        text.to_string()
    } else {
        format!("{text}.")
    }
}
